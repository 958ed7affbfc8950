import { WhatYouToldUs } from '../../../components/harvest/WhatYouToldUs';
import { PersonalIntl } from '../../../components/i18n/PersonalIntl';
import { firstLocale } from '../../locale';

export const metadata = { title: 'What you told us — Café Space' };

export default async function Page({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  const language = await firstLocale();
  return (
    <PersonalIntl {...language}>
      <WhatYouToldUs eventId={eventId} />
    </PersonalIntl>
  );
}
