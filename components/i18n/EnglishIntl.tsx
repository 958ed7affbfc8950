'use client';
/**
 * The facilitator's console and the projector are in English for now. They share a few pieces
 * with the phones (the timer, the connection badge, refused actions), which read the catalogue.
 */
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { intlLocale } from '../../lib/i18n/locales';
import en from '../../messages/en.json';

export function EnglishIntl({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={intlLocale('en')} messages={en} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
