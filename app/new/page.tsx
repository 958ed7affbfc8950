import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { NewEventForm } from '../../components/facilitator/NewEventForm';
import { PersonalIntl } from '../../components/i18n/PersonalIntl';
import { firstLocale } from '../locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site'))('titles.new') };
}

export default async function Page() {
  return (
    <PersonalIntl {...(await firstLocale(['site']))}>
      <Suspense>
        <NewEventForm />
      </Suspense>
    </PersonalIntl>
  );
}
