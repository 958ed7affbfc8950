import { FacilitatorConsole } from '../../../components/facilitator/FacilitatorConsole';

export const metadata = { title: 'Facilitator console — Café Space' };

export default async function Page({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  return <FacilitatorConsole eventId={eventId} />;
}
