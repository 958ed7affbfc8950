'use client';
/**
 * Words people typed (a question, a session title, a name) are often in another direction than
 * the screen: an English question on an Arabic phone. On their own they carry `dir="auto"`; set
 * inside a translated sentence on a right-to-left screen they are isolated (FSI … PDI), or their
 * punctuation and numbers jump to the wrong end ("?safer").
 */
import { useCallback } from 'react';
import { dirOf } from '../../lib/i18n/locales';
import { useLocaleChoice } from './PersonalIntl';

export function useIsolate(): (text: string) => string {
  const rtl = dirOf(useLocaleChoice()?.locale ?? 'en') === 'rtl';
  return useCallback((text: string) => (rtl ? `\u2068${text}\u2069` : text), [rtl]);
}
