'use client';
import { useTranslations } from 'next-intl';
import { themesByQuestion } from '../../lib/harvest/reducer';
import { PROJECTOR_VIEWS, projectorOf } from '../../lib/harvest/screen';
import type { HarvestTheme } from '../../lib/harvest/state';
import type { EventState } from '../../lib/state';
import { useSend } from '../live/useConnection';
import { JoinQr, usePublishedUrl } from '../projector/JoinQr';
import { Button } from '../ui/Button';
import { useLiveThemes } from './useLiveThemes';

/**
 * The console's hold on the projector: what it shows (the room, the harvest, or the published
 * page's QR code) and which harvest themes may go on it. Nothing of the harvest reaches the
 * projector until it is chosen here, so raw machine labels are never shown by surprise.
 */
export function ProjectorControl({
  event,
  eventId,
  token,
}: {
  event: EventState;
  eventId: string;
  token: string;
}) {
  const t = useTranslations('harvestConsole.screen');
  const send = useSend();
  const p = projectorOf(event);
  const h = event.harvest;
  const published = !!h?.published;
  const live = useLiveThemes(eventId, token, 5_000, h ? null : '');
  const publishedUrl = usePublishedUrl(eventId);
  // Under their question: two questions may well have a theme of the same name.
  const groups: { question: string; themes: { id: string; label: string }[] }[] = h
    ? themesByQuestion(h.themeOrder.map((id) => h.themes[id]).filter((x): x is HarvestTheme => !!x))
    : (live ?? []).filter((g) => g.themes.length > 0);
  const themes = groups.flatMap((g) => g.themes);
  return (
    <section
      aria-labelledby="projector-control-h"
      className="space-y-3 rounded-2xl border-2 border-stone-200 bg-white p-4"
      data-testid="projector-control"
    >
      <h2 id="projector-control-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="mb-1 font-semibold">{t('shows')}</legend>
        {PROJECTOR_VIEWS.map((view) => (
          <Button
            key={view}
            variant={p.view === view ? 'primary' : 'secondary'}
            aria-pressed={p.view === view}
            disabled={view === 'told' && !published && p.view !== 'told'}
            onClick={() => p.view !== view && send('projector.show', { view })}
          >
            {t(view)}
          </Button>
        ))}
        <a
          className="font-semibold text-brand-700 underline"
          href={`/p/${eventId}#${token}`}
          target="_blank"
          rel="noopener"
        >
          {t('open')}
        </a>
      </fieldset>
      {!published && <p className="text-sm text-stone-700">{t('toldNeedsPublish')}</p>}
      <p className="text-stone-700">{h ? t('pickCurated') : t('pickLive')}</p>
      {h && (
        <label className="flex items-center gap-2 font-semibold">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={p.allThemes}
            onChange={(e) => send('projector.all-themes', { all: e.target.checked })}
          />
          {t('allThemes')}
        </label>
      )}
      {h && published && !p.allThemes && p.themes.length === 0 && (
        <p className="text-sm text-stone-700">{t('publishedShowsAll')}</p>
      )}
      {themes.length === 0 ? (
        <p className="text-stone-600">{t('noThemes')}</p>
      ) : (
        groups.map((g) => (
          <div key={g.question} className="space-y-1">
            {g.question && <h3 className="text-sm font-semibold text-stone-700">{g.question}</h3>}
            <ul className="grid gap-1 sm:grid-cols-2">
              {g.themes.map((theme) => (
                <li key={theme.id}>
                  <ShowOnProjector event={event} themeId={theme.id} label={theme.label} />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {published && publishedUrl && (
        <div className="flex flex-wrap items-center gap-4 border-t-2 border-stone-200 pt-3">
          <JoinQr url={publishedUrl} label={t('publishedQr', { url: publishedUrl })} className="h-32 w-32" />
          <p>
            {t('publishedAt')}{' '}
            <a
              className="font-semibold break-all text-brand-700 underline"
              href={publishedUrl}
              target="_blank"
              rel="noopener"
              dir="ltr"
              data-testid="told-link"
            >
              {publishedUrl}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}

/** "Show on projector" for one theme (live before the start, curated after); for the theme cards too. */
export function ShowOnProjector({
  event,
  themeId,
  label,
}: {
  event: EventState;
  themeId: string;
  label: string;
}) {
  const t = useTranslations('harvestConsole.screen');
  const send = useSend();
  const p = projectorOf(event);
  const all = !!event.harvest && p.allThemes;
  // The facilitator's own choice (once published, the projector shows every theme until one is chosen).
  const chosen = (event.harvest ? p.themes : p.live).includes(themeId);
  return (
    <label className="flex items-start gap-2 rounded-lg bg-brand-50 p-2" data-testid="show-on-projector">
      <input
        type="checkbox"
        className="mt-1 h-5 w-5 shrink-0"
        checked={all || chosen}
        disabled={all}
        aria-label={t('showThemeLabel', { label })}
        onChange={(e) => send('projector.theme', { themeId, shown: e.target.checked })}
      />
      <span className="min-w-0 break-words" dir="auto">
        {label}
      </span>
    </label>
  );
}
