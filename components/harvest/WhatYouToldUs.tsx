'use client';
import { useEffect, useState } from 'react';
import type { HarvestReport } from '../../lib/harvest/report';
import { plural } from '../../lib/text';

type PublicReport = Omit<HarvestReport, 'notes'>;

/** The published harvest for the people who took part: read-only, no names, plain words. */
export function WhatYouToldUs({ eventId }: { eventId: string }) {
  const [report, setReport] = useState<PublicReport | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    fetch(`/api/published/${encodeURIComponent(eventId)}`)
      .then(async (r) => {
        const body = (await r.json()) as
          | { ok: true; report: PublicReport }
          | { ok: false; error: { message: string } };
        if (body.ok) setReport(body.report);
        else setError(body.error.message);
      })
      .catch(() => setError('This page could not be loaded. Check your connection and try again.'));
  }, [eventId]);

  if (error)
    return (
      <main className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="text-2xl font-bold">What you told us</h1>
        <p className="mt-3 text-lg">{error}</p>
      </main>
    );
  if (!report) return <main className="px-4 py-10 text-lg">Loading…</main>;
  const p = report.participation;
  return (
    <main className="mx-auto max-w-2xl space-y-8 px-4 py-8">
      <header>
        <p className="font-semibold text-brand-700">What you told us</p>
        <h1 className="text-3xl font-bold">{report.title}</h1>
        {report.purpose && <p className="mt-2 text-lg whitespace-pre-wrap">{report.purpose}</p>}
        <p className="mt-2 text-stone-700">
          {plural(p.people, 'person', 'people')} took part and wrote {plural(p.notes, 'note', 'notes')}. Thank
          you.
        </p>
      </header>
      <section aria-labelledby="themes-h" className="space-y-4">
        <h2 id="themes-h" className="text-2xl font-bold">
          What we heard
        </h2>
        {report.themes.map((t, i) => (
          <article
            key={t.id}
            className="rounded-2xl border-2 border-stone-200 bg-white p-4"
            data-testid="told-theme"
          >
            <h3 className="text-xl font-bold">
              {i + 1}. {t.label}
            </h3>
            <p className="text-stone-700">
              {t.notes} {t.notes === 1 ? 'note' : 'notes'} from {t.spread}
              {t.dots > 0 && ` · ${t.dots} ${t.dots === 1 ? 'vote' : 'votes'}`}
            </p>
            <ul className="mt-2 space-y-1">
              {(t.quotes.length ? t.quotes : t.examples).map((q) => (
                <li
                  key={q}
                  className="border-l-4 border-brand-600 pl-3 break-words whitespace-pre-wrap italic"
                >
                  {q}
                </li>
              ))}
            </ul>
            {t.response && (
              <div className="mt-3 rounded-lg bg-brand-50 p-3">
                <p className="font-semibold">What we will do</p>
                <p className="whitespace-pre-wrap">{t.response}</p>
              </div>
            )}
          </article>
        ))}
      </section>
      {report.actions.length > 0 && (
        <section aria-labelledby="actions-h">
          <h2 id="actions-h" className="text-2xl font-bold">
            What happens next
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {report.actions.map((a) => (
              <li key={`${a.title}-${a.session}`}>
                {a.title}
                {a.due ? ` (by ${a.due})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="who-h">
        <h2 id="who-h" className="text-2xl font-bold">
          Who took part
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            {plural(p.people, 'person', 'people')}; {p.anonymousPeople} of them took part anonymously.
          </li>
          {p.byRound.map((r) => (
            <li key={r.question}>
              “{r.question}”: {plural(r.notes, 'note', 'notes')} from {plural(r.tables, 'table', 'tables')}
            </li>
          ))}
          {p.bySession.map((s) => (
            <li key={s.title}>
              Session “{s.title}”: {plural(s.notes, 'note', 'notes')}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
