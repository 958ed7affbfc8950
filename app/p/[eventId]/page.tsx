import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PersonalIntl } from '../../../components/i18n/PersonalIntl';
import { ProjectorView } from '../../../components/projector/ProjectorView';
import { ORGANISER_PARTS } from '../../../lib/i18n/locales';
import { firstLocale } from '../../locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('projector'))('pageTitle') };
}

export default async function Page({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  return (
    <PersonalIntl {...(await firstLocale(ORGANISER_PARTS))}>
      <ProjectorView eventId={eventId} />
    </PersonalIntl>
  );
}
