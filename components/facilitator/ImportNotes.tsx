'use client';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useRef, useState } from 'react';
import { type ImportOutcome, readImportReply } from '../../lib/notes/paper-screen';
import { useRefusalText } from '../i18n/errors';
import { Button } from '../ui/Button';

/** What the panel shows: the server's answer, or why nothing was sent or heard back. */
type Shown = ImportOutcome | { ok: false; why: 'empty' | 'network' };

/**
 * Notes written elsewhere (tablecloths, flipcharts, a spreadsheet typed up afterwards), sent as a
 * CSV to the import address with the facilitator's link, as downloads are. The server checks
 * every line: all are imported, or none, and every bad line is listed here.
 */
export function ImportNotes({ eventId, token }: { eventId: string; token: string }) {
  const t = useTranslations('console.importNotes');
  const say = useRefusalText();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const nothing = (why: 'empty' | 'network'): Shown => ({ ok: false, why });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setShown(null);
    try {
      const csv = file ? await file.text() : pasted;
      if (!csv.trim()) {
        setShown(nothing('empty'));
        return;
      }
      const res = await fetch(`/api/events/${eventId}/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: csv,
      });
      const body: unknown = await res.json().catch(() => null);
      const outcome = readImportReply(res.status, body);
      setShown(outcome);
      if (outcome.ok) {
        setFile(null);
        setPasted('');
        if (fileInput.current) fileInput.current.value = '';
      }
    } catch {
      setShown(nothing('network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id={`${id}-h`} className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="text-stone-600">{t('help')}</p>
      {/* Folded until wanted: most of the day nobody imports, and the console stays short. */}
      <details className="mt-2">
        <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-800 underline underline-offset-4">
          {t('open')}
        </summary>
        <p className="mt-1 text-sm text-stone-600" id={`${id}-columns`}>
          {t('columns')}
        </p>
        <form onSubmit={submit} className="mt-3 space-y-3">
          <div>
            <label htmlFor={`${id}-file`} className="block font-semibold">
              {t('file')}
            </label>
            <input
              ref={fileInput}
              id={`${id}-file`}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={`${id}-columns`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="mt-1 block w-full text-base file:me-3 file:min-h-11 file:rounded-lg file:border-2 file:border-stone-300 file:bg-white file:px-4 file:font-semibold"
            />
          </div>
          <div>
            <label htmlFor={`${id}-paste`} className="block font-semibold">
              {t('paste')}
            </label>
            <textarea
              id={`${id}-paste`}
              value={pasted}
              rows={3}
              dir="ltr"
              disabled={file !== null}
              onChange={(e) => setPasted(e.target.value)}
              aria-describedby={`${id}-columns`}
              className="mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2 font-mono text-sm disabled:bg-stone-100"
            />
          </div>
          <Button type="submit" disabled={busy}>
            {busy ? t('working') : t('submit')}
          </Button>
        </form>
      </details>
      {shown?.ok === true && (
        <p role="status" className="mt-3 font-semibold text-emerald-900">
          {t('done', { count: shown.imported })}
        </p>
      )}
      {shown?.ok === false && (
        <div role="alert" className="mt-3 rounded-lg border-2 border-red-300 bg-red-50 p-3 text-red-900">
          {'why' in shown ? (
            <p>{t(shown.why)}</p>
          ) : shown.lines.length > 0 ? (
            <>
              <p className="font-semibold">{t('failed')}</p>
              <ul className="mt-1 list-disc space-y-1 ps-5" data-testid="import-problems">
                {shown.lines.map((line, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server may name two lines alike
                  <li key={i} dir="auto">
                    {line}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              {t('failedShort')}{' '}
              {shown.code ? say({ code: shown.code, message: shown.message }) : t('network')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
