'use client';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { dirOf, isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../lib/i18n/locales';
import { LIMITS } from '../../lib/limits';
import { useLocaleChoice } from '../i18n/PersonalIntl';
import { useLive } from '../live/store';
import { Button } from '../ui/Button';
import { downloadWithToken } from './download';

interface Printout {
  name: string;
  /** Its label and hint in `console.print`. */
  words: 'joinPoster' | 'tableCards' | 'agendaWall' | 'runSheet' | 'kitList' | 'told';
  /** Only an event with this part has this printout. */
  needs?: 'cafe' | 'openSpace';
}

const PRINTOUTS: Printout[] = [
  { name: 'join-poster', words: 'joinPoster' },
  { name: 'table-cards', words: 'tableCards', needs: 'cafe' },
  { name: 'agenda-wall', words: 'agendaWall', needs: 'openSpace' },
  { name: 'run-sheet', words: 'runSheet' },
  { name: 'kit-list', words: 'kitList' },
  { name: 'told', words: 'told' },
];

/** The printed things for the room, made from the event as it is set up now. */
export function PrintKit({ eventId, token }: { eventId: string; token: string }) {
  const hasCafe = useLive((s) => (s.event?.settings.rounds.length ?? 0) > 0);
  const hasOpenSpace = useLive((s) => Boolean(s.event?.settings.openSpace));
  // null while the café will work its tables out on the day: then the organiser may say how many.
  const fixedTables = useLive((s) => s.event?.tableCount ?? s.event?.settings.tables ?? null);
  const [start, setStart] = useState('');
  const [tables, setTables] = useState('');
  // The printouts' language: the console's, unless the organiser chooses another.
  const consoleLocale = useLocaleChoice()?.locale ?? 'en';
  const [chosenLang, setLang] = useState<Locale | null>(null);
  const lang = chosenLang ?? consoleLocale;
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const id = useId();
  const t = useTranslations('console.print');

  const shown = PRINTOUTS.filter(
    (p) => !p.needs || (p.needs === 'cafe' && hasCafe) || (p.needs === 'openSpace' && hasOpenSpace),
  );

  function query(name: string) {
    const q = new URLSearchParams({ lang });
    if (name === 'run-sheet' && start) q.set('start', start);
    if ((name === 'table-cards' || name === 'kit-list') && fixedTables === null && tables)
      q.set('tables', tables);
    const s = q.toString();
    return s ? `?${s}` : '';
  }

  async function download(name: string) {
    setError('');
    const n = Number(tables);
    if (query(name).includes('tables=') && !(Number.isInteger(n) && n >= 1 && n <= LIMITS.tables)) {
      setError(t('tablesRange', { max: LIMITS.tables }));
      return;
    }
    setBusy(name);
    try {
      await downloadWithToken(`/api/events/${eventId}/kit/${name}.pdf${query(name)}`, token, `${name}.pdf`);
    } catch {
      setError(t('failed'));
    } finally {
      setBusy('');
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id={`${id}-h`} className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="text-stone-600">{t('help')}</p>
      <label className="mt-3 flex min-h-11 flex-wrap items-center gap-2">
        {t('language')}
        <select
          value={lang}
          onChange={(e) => {
            if (isLocale(e.target.value)) setLang(e.target.value);
          }}
          className="min-h-11 rounded-lg border-2 border-stone-400 bg-white px-2 text-base"
          data-testid="kit-language"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l} dir={dirOf(l)}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <ul className="mt-3 space-y-3">
        {shown.map((p) => (
          <li key={p.name} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Button
              variant="secondary"
              className="sm:w-40"
              onClick={() => download(p.name)}
              disabled={busy !== ''}
              aria-describedby={`${id}-${p.name}`}
            >
              {busy === p.name ? t('making') : t(`${p.words}.label`)}
            </Button>
            <span id={`${id}-${p.name}`} className="min-w-0 flex-1 basis-64 text-stone-700">
              {t(`${p.words}.hint`)}
            </span>
            {p.name === 'run-sheet' && (
              <label className="flex min-h-11 basis-full items-center gap-2">
                {t('startTime')}
                <input
                  type="time"
                  value={start}
                  onChange={(e) => setStart(e.target.value)}
                  className="rounded-lg border-2 border-stone-400 px-2 py-1"
                />
              </label>
            )}
            {p.name === 'table-cards' && fixedTables === null && (
              <label className="flex min-h-11 basis-full items-center gap-2">
                {t('howManyTables')}
                <input
                  type="number"
                  min={1}
                  max={LIMITS.tables}
                  value={tables}
                  onChange={(e) => setTables(e.target.value)}
                  className="w-24 rounded-lg border-2 border-stone-400 px-2 py-1"
                />
              </label>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="mt-2 text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
