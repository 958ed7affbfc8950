'use client';
import { useTranslations } from 'next-intl';
import { TablesPanel } from '../facilitator/TablesPanel';
import { WhoIsHerePanel } from '../facilitator/WhoIsHerePanel';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { Problems } from '../ui/Problems';
import { PaperCardPanel } from './PaperCardPanel';

/**
 * What a helper's link opens: typing in paper cards, the tables to see them arrive, and who is here
 * (counts per group, who asked for what to help them take part). A helper
 * may send nothing else, so the console's controls are not shown at all.
 */
export function HelperScreen({ eventId, title, label }: { eventId: string; title: string; label: string }) {
  const t = useTranslations('console');
  return (
    <div className="min-h-screen">
      <header className="border-b-2 border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <div className="min-w-0 grow basis-72">
            <p className="text-sm font-medium text-stone-600">{t('helper.screen')}</p>
            <h1 className="truncate text-2xl font-bold" dir="auto">
              {title}
            </h1>
          </div>
          <p className="rounded-full bg-stone-100 px-3 py-1 text-sm font-semibold" data-testid="team-badge">
            {t('team.badge.helper', { label })}
          </p>
          <ConnectionBadge />
          <LanguagePicker />
        </div>
      </header>
      <main className="mx-auto grid max-w-7xl gap-6 px-4 py-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-4">
          <Problems />
          <PaperCardPanel eventId={eventId} words="helper" />
          <WhoIsHerePanel />
        </div>
        <TablesPanel />
      </main>
    </div>
  );
}
