'use client';
/**
 * "Who is here": how many joined as each of the event's groups (counts the server sends: no screen
 * is told anyone's group) and, when the event asks, who asked for what to help them take part,
 * each with a box the team ticks once it is met (`needs.met`, counted in the report's evidence).
 * Shown on the organiser's, co-facilitators' and helpers' screens, never the projector's.
 */
import { useFormatter, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { asksNeeds, groupsOf } from '../../lib/people/about';
import { NEEDS } from '../../lib/people/needs';
import { peopleIn } from '../../lib/people/table';
import { useIsolate } from '../i18n/bidi';
import { usePersonName } from '../i18n/names';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';

export function WhoIsHerePanel() {
  const event = useLive((s) => s.event);
  const counts = useLive((s) => s.groupCounts);
  const t = useTranslations('console.whoIsHere');
  const isolate = useIsolate();
  const needT = useTranslations('join.questions.need');
  const nameOf = usePersonName();
  const format = useFormatter();
  const send = useSend();
  const participants = event?.participants;
  const asking = useMemo(
    () =>
      (participants ? peopleIn(participants) : [])
        .filter((p) => !p.left && p.needs && p.needs.length > 0)
        .sort((a, b) => a.joinedAt - b.joinedAt),
    [participants],
  );
  if (!event) return null;
  const groups = groupsOf(event.settings);
  const needs = asksNeeds(event.settings);
  if (groups.length === 0 && !needs) return null;

  return (
    <section aria-labelledby="who-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="who-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      {groups.length > 0 && (
        <>
          <h3 className="mt-2 font-semibold">{t('groups')}</h3>
          <p className="text-stone-600">{t('groupsHelp')}</p>
          <ul className="mt-1" data-testid="group-counts">
            {(counts?.groups ?? groups.map((label) => ({ label, count: 0 }))).map((g) => (
              <li key={g.label}>{t('count', { label: isolate(g.label), count: g.count })}</li>
            ))}
            <li>{t('count', { label: t('notSaid'), count: counts?.notSaid ?? 0 })}</li>
          </ul>
        </>
      )}
      {needs && (
        <>
          <h3 className="mt-3 font-semibold">{t('needs')}</h3>
          {asking.length === 0 ? (
            <p className="text-stone-600">{t('noNeeds')}</p>
          ) : (
            <>
              <p className="text-stone-600" data-testid="needs-met-count">
                {t('metCount', { met: asking.filter((p) => p.needsMet).length, count: asking.length })}
              </p>
              <ul className="mt-1 space-y-1" data-testid="access-needs">
                {asking.map((p) => {
                  const name = nameOf(event, p.id);
                  const needs = NEEDS.filter((need) => p.needs?.includes(need)).map((need) =>
                    need === 'other' && p.needsOther
                      ? `${needT(need)} (${isolate(p.needsOther)})`
                      : needT(need),
                  );
                  return (
                    <li key={p.id} className="flex flex-wrap items-center justify-between gap-x-3">
                      <span>
                        {t('count', {
                          label: isolate(name),
                          count: format.list(needs, { type: 'unit', style: 'short' }),
                        })}
                      </span>
                      <label className="flex min-h-11 items-center gap-2">
                        <input
                          type="checkbox"
                          className="size-5 shrink-0"
                          checked={p.needsMet === true}
                          onChange={() =>
                            send('needs.met', { participantId: p.id, met: p.needsMet !== true })
                          }
                          aria-label={t('metFor', { name: isolate(name) })}
                        />
                        {t('met')}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
