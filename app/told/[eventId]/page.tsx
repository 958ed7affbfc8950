import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { WhatYouToldUs } from '../../../components/harvest/WhatYouToldUs';
import { PersonalIntl } from '../../../components/i18n/PersonalIntl';
import { firstLocale } from '../../locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('language'))('pageTitleTold') };
}

export default async function Page({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const language = await firstLocale();
  return (
    <PersonalIntl {...language}>
      <WhatYouToldUs eventId={eventId} />
    </PersonalIntl>
  );
}
