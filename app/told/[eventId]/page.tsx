import { WhatYouToldUs } from '../../../components/harvest/WhatYouToldUs';

export const metadata = { title: 'What you told us — Café Space' };

export default async function Page({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  return <WhatYouToldUs eventId={eventId} />;
}
