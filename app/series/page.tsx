import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PersonalIntl } from '../../components/i18n/PersonalIntl';
import { SeriesReport } from '../../components/site/SeriesReport';
import { firstLocale } from '../locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site'))('titles.series') };
}

/** One report across several events, from their organiser links. */
export default async function Page() {
  return (
    <PersonalIntl {...(await firstLocale(['site']))}>
      <SeriesReport />
    </PersonalIntl>
  );
}
