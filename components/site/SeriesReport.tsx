'use client';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useId, useState } from 'react';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../lib/i18n/locales';
import { LIMITS } from '../../lib/limits';
import { readPastedLinks, SERIES_EVENTS, type SeriesFormat } from '../../lib/series/request';
import { saveResponse } from '../facilitator/download';
import { facilitatorLink, savedEvents } from '../facilitator/saved';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { Button } from '../ui/Button';

const field = 'mt-1 block w-full rounded-lg border-2 border-stone-400 px-3 py-2 text-base';

/** Each format and its words in `site.series.formats`; Word first, as most organisers edit the report. */
const FORMATS: readonly SeriesFormat[] = ['docx', 'pdf', 'md'];

/** One refused event as the server names it (`POST /api/series/report.*`). */
interface Refused {
  event: number;
  code: 'bad_token' | 'unknown_event';
}

/**
 * The series report: the organiser pastes the organiser links of the events they ran (one a
 * line), names the report, picks its language and format, and downloads it. Every line is checked
 * here first (a link, each event once, 2 to 20 of them); the server then checks each link opens
 * its event, and any line it refuses is named.
 */
export function SeriesReport() {
  const t = useTranslations('site.series');
  const uid = useId();
  const pageLocale = useLocale();
  const [title, setTitle] = useState('');
  const [links, setLinks] = useState('');
  const [locale, setLocale] = useState<Locale>(isLocale(pageLocale) ? pageLocale : 'en');
  const [format, setFormat] = useState<SeriesFormat>('docx');
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  function addRemembered() {
    const present = new Set(readPastedLinks(links).flatMap((l) => ('eventId' in l ? [l.eventId] : [])));
    const added = savedEvents()
      .filter((e) => !present.has(e.eventId))
      .map((e) => facilitatorLink(window.location.origin, e.eventId, e.token));
    if (added.length === 0) {
      setStatus(t('rememberedNone'));
      return;
    }
    setLinks((text) => [text.trimEnd(), ...added].filter((l) => l !== '').join('\n'));
    setStatus(t('rememberedAdded', { count: added.length }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    const lines = readPastedLinks(links);
    const problems: string[] = [];
    if (title.trim() === '') problems.push(t('errors.title'));
    for (const l of lines) {
      if ('problem' in l)
        problems.push(
          l.problem === 'notLink'
            ? t('errors.notLink', { line: l.line })
            : t('errors.twice', { line: l.line, first: l.first }),
        );
    }
    const good = lines.flatMap((l) => ('eventId' in l ? [l] : []));
    if (good.length < SERIES_EVENTS.min) problems.push(t('errors.tooFew', { min: SERIES_EVENTS.min }));
    if (good.length > SERIES_EVENTS.max)
      problems.push(t('errors.tooMany', { max: SERIES_EVENTS.max, count: good.length }));
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const res = await fetch(`/api/series/report.${format}?lang=${locale}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, events: good.map(({ eventId, token }) => ({ eventId, token })) }),
      });
      if (res.ok) {
        await saveResponse(res, `series.${format}`);
        setStatus(t('done'));
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { issues?: unknown } } | null;
      const refused = Array.isArray(body?.error?.issues) ? (body.error.issues as Refused[]) : [];
      const lineOf = (event: number) => good[event - 1]?.line ?? event;
      if ((res.status === 403 || res.status === 404) && refused.length > 0)
        setErrors(
          refused.map((r) =>
            t(r.code === 'bad_token' ? 'errors.badLink' : 'errors.noEvent', { line: lineOf(r.event) }),
          ),
        );
      else setErrors([t(res.status === 429 ? 'errors.tooManyWrong' : 'errors.other')]);
    } catch {
      setErrors([t('errors.noServer')]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('heading')}</h1>
        <LanguagePicker />
      </header>
      <p className="mt-2 text-stone-700">{t('intro')}</p>
      {errors.length > 0 && (
        <div role="alert" className="mt-4 rounded-lg border-2 border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{t('pleaseFix')}</p>
          <ul className="list-disc ps-5">
            {errors.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit} className="mt-6 space-y-6" noValidate>
        <div>
          <label htmlFor={`${uid}-title`} className="font-semibold">
            {t('title')}
          </label>
          <input
            id={`${uid}-title`}
            className={field}
            value={title}
            maxLength={LIMITS.title}
            dir="auto"
            placeholder={t('titlePlaceholder')}
            onChange={(e) => setTitle(e.target.value)}
            required
          />
        </div>
        <div>
          <label htmlFor={`${uid}-links`} className="font-semibold">
            {t('links', { min: SERIES_EVENTS.min, max: SERIES_EVENTS.max })}
          </label>
          <p id={`${uid}-links-help`} className="text-stone-600">
            {t('linksHelp')}
          </p>
          <textarea
            id={`${uid}-links`}
            aria-describedby={`${uid}-links-help`}
            className={`${field} font-mono text-sm`}
            rows={8}
            dir="ltr"
            spellCheck={false}
            autoComplete="off"
            value={links}
            onChange={(e) => setLinks(e.target.value)}
          />
          <Button variant="secondary" className="mt-2" onClick={addRemembered}>
            {t('addRemembered')}
          </Button>
        </div>
        <fieldset className="rounded-lg border-2 border-stone-200 p-4">
          <legend className="px-1 font-semibold">{t('languageLegend')}</legend>
          {LOCALES.map((l) => (
            <label key={l} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="series-language"
                checked={locale === l}
                onChange={() => setLocale(l)}
                className="size-5 shrink-0"
              />
              <span lang={l}>{LOCALE_NAMES[l]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="rounded-lg border-2 border-stone-200 p-4">
          <legend className="px-1 font-semibold">{t('formatLegend')}</legend>
          {FORMATS.map((f) => (
            <label key={f} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="series-format"
                checked={format === f}
                onChange={() => setFormat(f)}
                className="size-5 shrink-0"
              />
              {t(`formats.${f}`)}
            </label>
          ))}
        </fieldset>
        <Button type="submit" disabled={busy} className="text-lg">
          {busy ? t('making') : t('download')}
        </Button>
        <p role="status" className="min-h-6">
          {status}
        </p>
      </form>
    </main>
  );
}
