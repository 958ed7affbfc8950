import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Home } from '../components/Home';
import { PersonalIntl } from '../components/i18n/PersonalIntl';
import { firstLocale } from './locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site'))('titles.home') };
}

export default async function Page() {
  return (
    <PersonalIntl {...(await firstLocale(['site']))}>
      <Home />
    </PersonalIntl>
  );
}
