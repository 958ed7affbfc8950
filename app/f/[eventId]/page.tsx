import { FacilitatorConsole } from '../../../components/facilitator/FacilitatorConsole';
import { EnglishIntl } from '../../../components/i18n/EnglishIntl';

export const metadata = { title: 'Facilitator console — Café Space' };

export default async function Page({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  return (
    <EnglishIntl>
      <FacilitatorConsole eventId={eventId} />
    </EnglishIntl>
  );
}
