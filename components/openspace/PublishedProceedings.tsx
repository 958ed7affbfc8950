'use client';
/**
 * The Open Space on the published "What you told us" page: every session in agenda order with its
 * report and the plans made in it, in the reader's language (the book of proceedings' own words,
 * `reportWords`). What it is given names nobody (`publicProceedings` in
 * lib/openspace/proceedings.ts), so the page cannot show a name either.
 */
import { useMemo } from 'react';
import { DEFAULT_LOCALE } from '../../lib/i18n/locales';
import { reportWords } from '../../lib/i18n/report';
import type { PublicProceedings } from '../../lib/openspace/proceedings';
import { useIsolate } from '../i18n/bidi';
import { useLocaleChoice } from '../i18n/PersonalIntl';

type PublicSession = PublicProceedings['sessions'][number];

export function PublishedProceedings({ proceedings }: { proceedings: PublicProceedings }) {
  const locale = useLocaleChoice()?.locale ?? DEFAULT_LOCALE;
  const w = useMemo(() => reportWords(locale), [locale]);
  if (proceedings.sessions.length === 0) return null;
  return (
    <section aria-labelledby="proceedings-h" className="space-y-4" data-testid="told-proceedings">
      <header>
        <h2 id="proceedings-h" className="text-2xl font-bold">
          {w.proc('told.heading')}
        </h2>
        <p className="text-stone-700">{w.proc('told.intro')}</p>
      </header>
      {proceedings.sessions.map((s, i) => (
        <Session key={s.id} session={s} n={i + 1} w={w} />
      ))}
    </section>
  );
}

function Session({
  session: s,
  n,
  w,
}: {
  session: PublicSession;
  n: number;
  w: ReturnType<typeof reportWords>;
}) {
  const isolate = useIsolate();
  // Isolated, a time range reads left to right on a right-to-left page too (not "11:00–10:00").
  const when = s.when === null ? null : isolate(s.when);
  const space = s.space === null ? null : isolate(s.space);
  const where = when && space ? w.proc('whenWhere', { when, space }) : (when ?? space);
  const r = s.report;
  return (
    <article
      aria-labelledby={`session-${s.id}`}
      className="rounded-2xl border-2 border-stone-200 bg-white p-4"
      data-testid="told-session"
    >
      <h3 id={`session-${s.id}`} className="text-xl font-bold">
        {n}. <bdi>{s.title}</bdi>
      </h3>
      {where && <p className="text-stone-600">{where}</p>}
      {s.description && (
        <p className="mt-1 break-words whitespace-pre-wrap" dir="auto">
          {s.description}
        </p>
      )}
      {r ? (
        <div className="mt-2 space-y-2">
          {r.attendance !== null && (
            <p>
              <span className="font-semibold">{w.proc('whoWasThere')}</span>{' '}
              {w.proc('attendance', { count: r.attendance })}
            </p>
          )}
          {(
            [
              ['keyPoints', r.keyPoints],
              ['questions', r.questions],
              ['proposedActions', r.actions],
            ] as const
          ).map(([label, text]) =>
            text ? (
              <div key={label}>
                <p className="font-semibold">{w.proc(label)}</p>
                <p className="break-words whitespace-pre-wrap" dir="auto">
                  {text}
                </p>
              </div>
            ) : null,
          )}
        </div>
      ) : (
        <p className="mt-2 text-stone-600 italic">{w.proc('noReport')}</p>
      )}
      {s.plans.length > 0 && (
        <div className="mt-3 rounded-lg bg-brand-50 p-3">
          <p className="font-semibold">{w.proc('told.plans')}</p>
          <ul className="mt-1 space-y-2">
            {s.plans.map((a, i) => (
              // Two plans may share a title; their order is fixed.
              // biome-ignore lint/suspicious/noArrayIndexKey: plans have no id in the public model
              <li key={i} data-testid="told-plan">
                <p className="font-semibold" dir="auto">
                  {a.title}
                </p>
                {a.nextStep && <p>{w.proc('nextStep', { step: isolate(a.nextStep) })}</p>}
                {a.due && <p>{w.proc('by', { day: w.day(a.due) })}</p>}
                <p className="text-stone-700">{w.proc('told.signedUp', { count: a.owners })}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
