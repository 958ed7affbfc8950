'use client';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type EventState, liveNotes, type Note } from '../../lib/state';
import { phaseOf, remainingMs, tableOf, WARNING_MS } from '../../lib/view';
import { useLive } from '../live/store';
import { useServerNow } from './Timer';

type Audience = 'phone' | 'console';
type T = ReturnType<typeof useTranslations<'announce'>>;

/** New notes are counted for this long before one summary is read out, so a busy table is not a flood. */
const NOTES_QUIET_MS = 4_000;

/**
 * The screen's one polite live region for screen readers. It says what changed, in a few words:
 * a new round or table, one minute left, time up, and how many new notes came in (summed up,
 * never read one by one). The note lists themselves are not live regions.
 */
export function Announcer({ audience }: { audience: Audience }) {
  const t = useTranslations('announce');
  const event = useLive((s) => s.event);
  const me = useLive((s) => s.me);
  const now = useServerNow(1_000);
  const [message, setMessage] = useState('');
  const prev = useRef<{ moment: string; notes: Set<string>; clock: string } | null>(null);
  const newNotes = useRef(0);
  const notesTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sayTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queued = useRef<string[]>([]);

  const say = useCallback((text: string) => {
    if (!text) return;
    queued.current.push(text);
    // Empty the region first, so the same words twice in a row are still read out.
    setMessage('');
    if (sayTimer.current) clearTimeout(sayTimer.current);
    sayTimer.current = setTimeout(() => {
      setMessage(queued.current.join(' '));
      queued.current = [];
    }, 150);
  }, []);

  useEffect(
    () => () => {
      if (notesTimer.current) clearTimeout(notesTimer.current);
      if (sayTimer.current) clearTimeout(sayTimer.current);
    },
    [],
  );

  useEffect(() => {
    if (!event || (audience === 'phone' && !me)) return;
    const moment = momentOf(event);
    const notes = new Set(watchedNotes(event, audience, me).map((n) => n.id));
    const clock = clockMilestone(event, now);
    const before = prev.current;
    prev.current = { moment, notes, clock };
    // The first look is the starting point: opening the page announces nothing.
    if (!before) return;

    if (moment !== before.moment) say(momentText(t, event, audience, me, before.moment));
    if (clock !== before.clock && clock !== 'none') say(t(clock === 'minute' ? 'minute' : 'up'));

    let added = 0;
    for (const id of notes) if (!before.notes.has(id)) added++;
    if (added > 0) {
      newNotes.current += added;
      notesTimer.current ??= setTimeout(() => {
        notesTimer.current = null;
        const n = newNotes.current;
        newNotes.current = 0;
        if (n > 0) say(notesText(t, n, audience, event));
      }, NOTES_QUIET_MS);
    }
  }, [event, me, audience, now, say, t]);

  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">
      {message}
    </div>
  );
}

/** Where the event is: the part of the day, the café's phase and round. */
function momentOf(event: EventState): string {
  const phase = phaseOf(event);
  return `${event.part}:${phase.kind}:${'round' in phase ? phase.round : ''}`;
}

function momentText(t: T, event: EventState, audience: Audience, me: string | null, before: string): string {
  if (event.part === 'openSpace') return t('openSpace');
  const phase = phaseOf(event);
  const total = event.settings.rounds.length;
  switch (phase.kind) {
    case 'lobby':
      return '';
    case 'finished':
      return audience === 'phone' ? t('cafeOver') : t('allOver');
    case 'seated': {
      if (audience === 'console') return t('seating', { round: phase.round + 1 });
      const table = me ? tableOf(event, me, phase.round) : null;
      const before = phase.round === 0 ? t('aboutToStart', { round: 1 }) : t('ended', { round: phase.round });
      if (table === null) return before;
      const stay = phase.round > 0 && me !== null && tableOf(event, me, phase.round - 1) === table;
      return `${before} ${t(stay ? 'stayAt' : 'goTo', { table })}`;
    }
    case 'running':
      return before === `cafe:paused:${phase.round}`
        ? t('goesOn', { round: phase.round + 1 })
        : t('started', { round: phase.round + 1, total });
    case 'paused':
      return t('paused', { round: phase.round + 1 });
  }
}

/** The timer's milestones: one minute left, and time up. */
function clockMilestone(event: EventState, now: number): 'none' | 'minute' | 'up' {
  const phase = phaseOf(event);
  if (event.part !== 'cafe' || phase.kind !== 'running') return 'none';
  const left = remainingMs(event.rounds[phase.round], now);
  if (left === null) return 'none';
  if (left <= 0) return 'up';
  return left <= WARNING_MS ? 'minute' : 'none';
}

/** The notes this screen tells about: the phone's own table (or session), or every table for the console. */
function watchedNotes(event: EventState, audience: Audience, me: string | null): readonly Note[] {
  const all = liveNotes(event);
  if (audience === 'console') return all;
  if (!me) return [];
  if (event.part === 'openSpace') {
    const here = event.openSpace?.presence[me];
    return all.filter((n) => n.authorId !== me && here !== undefined && n.session === here);
  }
  const phase = phaseOf(event);
  if (phase.kind !== 'running' && phase.kind !== 'paused') return [];
  const table = tableOf(event, me, phase.round);
  return all.filter((n) => n.authorId !== me && n.round === phase.round && n.table === table);
}

function notesText(t: T, count: number, audience: Audience, event: EventState): string {
  const os = event.part === 'openSpace';
  if (audience === 'console') return t(os ? 'notesFromSessions' : 'notesFromTables', { count });
  return t(os ? 'notesInSession' : 'notesAtTable', { count });
}
