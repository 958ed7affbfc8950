import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FacilitatorConsole } from '../../../components/facilitator/FacilitatorConsole';
import { PersonalIntl } from '../../../components/i18n/PersonalIntl';
import { ORGANISER_PARTS } from '../../../lib/i18n/locales';
import { firstLocale } from '../../locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('console'))('pageTitle') };
}

export default async function Page({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  return (
    <PersonalIntl {...(await firstLocale(ORGANISER_PARTS))}>
      <FacilitatorConsole eventId={eventId} />
    </PersonalIntl>
  );
}
