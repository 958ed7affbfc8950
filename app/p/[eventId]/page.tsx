import { EnglishIntl } from '../../../components/i18n/EnglishIntl';
import { ProjectorView } from '../../../components/projector/ProjectorView';

export const metadata = { title: 'Projector — Café Space' };

export default async function Page({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  return (
    <EnglishIntl>
      <ProjectorView eventId={eventId} />
    </EnglishIntl>
  );
}
