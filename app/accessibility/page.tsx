import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PersonalIntl } from '../../components/i18n/PersonalIntl';
import { AccessibilityStatement } from '../../components/site/AccessibilityStatement';
import { firstLocale } from '../locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site'))('titles.accessibility') };
}

/** The accessibility statement, in the language this browser's screens are in. */
export default async function Page() {
  return (
    <PersonalIntl {...(await firstLocale(['site']))}>
      <AccessibilityStatement />
    </PersonalIntl>
  );
}
