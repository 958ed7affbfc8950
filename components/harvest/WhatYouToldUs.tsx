'use client';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ErrorCode } from '../../lib/errors';
import type { HarvestReport, ReportCommitment } from '../../lib/harvest/report';
import type { PublicProceedings } from '../../lib/openspace/proceedings';
import { useIsolate } from '../i18n/bidi';
import { formatDay } from '../i18n/dates';
import { useRefusalText } from '../i18n/errors';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { PublishedProceedings } from '../openspace/PublishedProceedings';
import { CommitmentUpdates } from './CommitmentUpdates';

type PublicReport = Omit<HarvestReport, 'notes'>;

/** The published harvest for the people who took part: read-only, no names, plain words. */
export function WhatYouToldUs({ eventId }: { eventId: string }) {
  const t = useTranslations('told');
  const tt = useTranslations('language');
  const format = useFormatter();
  const say = useRefusalText();
  const isolate = useIsolate();
  const [report, setReport] = useState<PublicReport | null>(null);
  /** The Open Space's sessions and their reports; null without an Open Space. */
  const [proceedings, setProceedings] = useState<PublicProceedings | null>(null);
  /** Why there is nothing to show: the server's refusal, or `offline` when it was not reached. */
  const [error, setError] = useState<{ code: string; message: string } | 'offline' | null>(null);
  useEffect(() => {
    document.title = tt('pageTitleTold');
  }, [tt]);
  useEffect(() => {
    fetch(`/api/published/${encodeURIComponent(eventId)}`)
      .then(async (r) => {
        const body = (await r.json()) as
          | { ok: true; report: PublicReport; proceedings: PublicProceedings | null }
          | { ok: false; error: { code: string; message: string } };
        if (body.ok) {
          setReport(body.report);
          setProceedings(body.proceedings);
        } else setError(body.error);
      })
      .catch(() => setError('offline'));
  }, [eventId]);

  if (error)
    return (
      <main className="mx-auto max-w-2xl px-4 py-10">
        <LanguagePicker className="mb-6 justify-end" />
        <h1 className="text-2xl font-bold">{t('heading')}</h1>
        <p className="mt-3 text-lg">
          {error === 'offline'
            ? t('offline')
            : error.code === 'not_found'
              ? t('notPublished')
              : say({ code: error.code as ErrorCode, message: error.message })}
        </p>
      </main>
    );
  if (!report) return <main className="px-4 py-10 text-lg">{t('loading')}</main>;
  const p = report.participation;
  /** "3 tables and 1 session", from the report's English words, in the reader's language. */
  const spread = (words: string) => {
    const tables = Number(/(\d+) tables?\b/.exec(words)?.[1] ?? 0);
    const sessions = Number(/(\d+) sessions?\b/.exec(words)?.[1] ?? 0);
    const parts = [
      ...(tables ? [t('tables', { count: tables })] : []),
      ...(sessions ? [t('sessions', { count: sessions })] : []),
    ];
    if (parts.length) return format.list(parts, { type: 'conjunction' });
    return words === 'nowhere yet' ? t('nowhere') : words;
  };
  return (
    <main className="mx-auto max-w-2xl space-y-8 px-4 py-8">
      <LanguagePicker className="justify-end" />
      <header>
        <p className="font-semibold text-brand-700">{t('heading')}</p>
        <h1 className="text-3xl font-bold" dir="auto">
          {report.title}
        </h1>
        {report.purpose && (
          <p className="mt-2 text-lg whitespace-pre-wrap" dir="auto">
            {report.purpose}
          </p>
        )}
        <p className="mt-2 text-stone-700">{t('tookPart', { people: p.people, notes: p.notes })}</p>
      </header>
      <section aria-labelledby="themes-h" className="space-y-4">
        <h2 id="themes-h" className="text-2xl font-bold">
          {t('heard')}
        </h2>
        {report.themes.map((theme, i) => (
          <article
            key={theme.id}
            className="rounded-2xl border-2 border-stone-200 bg-white p-4"
            data-testid="told-theme"
          >
            <h3 className="text-xl font-bold">
              {t('themeTitle', { n: i + 1, label: isolate(theme.label) })}
            </h3>
            <p className="text-stone-700">
              {t('themeFrom', { notes: theme.notes, spread: spread(theme.spread) })}
              {theme.dots > 0 && ` · ${t('votes', { count: theme.dots })}`}
            </p>
            <ul className="mt-2 space-y-1">
              {(theme.quotes.length ? theme.quotes : theme.examples).map((q) => (
                <li
                  key={q}
                  className="border-s-4 border-brand-600 ps-3 break-words whitespace-pre-wrap italic"
                  dir="auto"
                >
                  {q}
                </li>
              ))}
            </ul>
            {theme.commitment && <Commitment c={theme.commitment} />}
          </article>
        ))}
      </section>
      {proceedings && <PublishedProceedings proceedings={proceedings} />}
      {report.actions.length > 0 && (
        <section aria-labelledby="actions-h">
          <h2 id="actions-h" className="text-2xl font-bold">
            {t('next')}
          </h2>
          <ul className="mt-2 list-disc space-y-1 ps-5">
            {report.actions.map((a) => (
              <li key={`${a.title}-${a.session}`}>
                <bdi>{a.title}</bdi>
                {a.due ? ` ${t('by', { date: formatDay(format, a.due) })}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="who-h">
        <h2 id="who-h" className="text-2xl font-bold">
          {t('who')}
        </h2>
        <ul className="mt-2 list-disc space-y-1 ps-5">
          <li>{t('people', { people: p.people, anonymous: p.anonymousPeople })}</li>
          {p.byRound.map((r) => (
            <li key={r.question}>
              {t('byRound', { question: isolate(r.question), notes: r.notes, tables: r.tables })}
            </li>
          ))}
          {p.bySession.map((s) => (
            <li key={s.title}>{t('bySession', { title: isolate(s.title), notes: s.notes })}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}

/** "You said, we did": what will be done, who and by when, its latest status, and every dated update. */
function Commitment({ c }: { c: ReportCommitment }) {
  const t = useTranslations('told');
  const format = useFormatter();
  const day = (iso: string) => formatDay(format, iso.slice(0, 10));
  const status = t(`statuses.${c.status}`);
  return (
    <div className="mt-3 rounded-lg bg-brand-50 p-3" data-testid="told-commitment">
      <p className="font-semibold">{t('willDo')}</p>
      <p className="whitespace-pre-wrap" dir="auto">
        {c.what}
      </p>
      <ul className="mt-1 text-stone-800">
        {c.who && (
          <li>
            {t('commitmentWho')} <bdi>{c.who}</bdi>
          </li>
        )}
        {c.due && <li>{t('commitmentDue', { date: formatDay(format, c.due) })}</li>}
        <li className="font-semibold">
          {c.updatedAt ? t('statusUpdated', { status, date: day(c.updatedAt) }) : t('statusOnly', { status })}
        </li>
      </ul>
      {c.history.length > 0 && (
        <>
          <p className="mt-2 font-semibold">{t('history')}</p>
          <CommitmentUpdates
            updates={c.history}
            entry={(u) => t('historyEntry', { date: day(u.at), status: t(`statuses.${u.status}`) })}
          />
        </>
      )}
    </div>
  );
}
