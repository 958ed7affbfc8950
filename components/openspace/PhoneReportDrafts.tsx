'use client';
import { useTranslations } from 'next-intl';
import { reportActionDrafts } from '../../lib/openspace/reducer';
import type { EventState } from '../../lib/state';
import { useIsolate } from '../i18n/bidi';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

/** Actions proposed in a session's report, each one tap from becoming an action plan you own. */
export function PhoneReportDrafts({ event, sessionId }: { event: EventState; sessionId: string }) {
  const t = useTranslations('vote');
  const send = useSend();
  const isolate = useIsolate();
  const os = event.openSpace;
  if (!os) return null;
  const drafts = reportActionDrafts(os).filter((d) => d.sessionId === sessionId);
  if (drafts.length === 0) return null;
  return (
    <ul className="mt-2 space-y-2">
      {drafts.map((d) => (
        <li
          key={d.text}
          className="rounded-lg border-2 border-dashed border-brand-600 p-2"
          data-testid="report-draft"
        >
          <p className="text-sm text-stone-700">{t('fromReport')}</p>
          <p className="font-semibold break-words" dir="auto">
            {d.text}
          </p>
          <Button
            className="mt-1"
            aria-label={t('adoptLabel', { text: isolate(d.text) })}
            onClick={() => send('action.adopt', { sessionId, text: d.text })}
          >
            {t('adopt')}
          </Button>
        </li>
      ))}
    </ul>
  );
}
