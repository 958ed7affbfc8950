/**
 * The book of proceedings: every session's report in agenda order, the convergence result and
 * the action plans, as Markdown to read and JSON for programs (PDF and Word: server/
 * proceedings-docs.ts), in the language chosen at export. A pure fold over the state; anonymous
 * conveners and owners stay anonymous. The published page's share of it (`publicProceedings`)
 * names nobody and holds no notes.
 */

import type { Locale } from '../i18n/locales';
import { leftToRight, ownDirection } from '../i18n/marks';
import { type ReportWords, reportWords } from '../i18n/report';
import { mdText } from '../markdown';
import { type EventState, liveNotes, peopleOf, personById } from '../state';
import { ranking } from './convergence';
import { isLive, resolveSession } from './sessions';
import type { OpenSpaceState, Session } from './state';
import { publishesProceedings } from './view';
import { slotRanks } from './wall';

export interface ProceedingsSession {
  id: string;
  title: string;
  description: string;
  conveners: string[];
  when: string | null;
  space: string | null;
  interested: number;
  report: {
    keyPoints: string;
    questions: string;
    actions: string;
    attendance: number | null;
    names: string;
  } | null;
  notes: string[];
}

export interface Proceedings {
  /** The language of the book's own words, and of "anonymous" among the names. */
  language: Locale;
  title: string;
  theme: string;
  purpose: string;
  exportedAt: string;
  participants: { joined: number; anonymous: number };
  sessions: ProceedingsSession[];
  convergence: { sessionId: string; title: string; dots: number; voters: number }[];
  actions: { title: string; session: string; nextStep: string; due: string | null; owners: string[] }[];
}

/** A person's name, or the word for someone who gave none. */
const nameOf = (state: EventState, pid: string, w: ReportWords) =>
  personById(state, pid)?.name ?? w.proc('anonymous');

/**
 * Placed sessions by time (the slot's place in time order, not its index: a slot added late is
 * last in the list) then space; unplaced ones after them in the order proposed.
 */
function agendaOrder(sessions: Session[], ranks: number[]): Session[] {
  const key = (s: Session) =>
    s.slot === null ? [Number.MAX_SAFE_INTEGER, 0] : [ranks[s.slot] ?? s.slot, s.space ?? 0];
  return sessions
    .map((s, i) => ({ s, i, k: key(s) }))
    .sort((a, b) => (a.k[0] ?? 0) - (b.k[0] ?? 0) || (a.k[1] ?? 0) - (b.k[1] ?? 0) || a.i - b.i)
    .map(({ s }) => s);
}

/** The live sessions (not merged away, not cancelled) in agenda order. */
function agenda(state: EventState): Session[] {
  const os = state.openSpace;
  const live = os ? os.sessionOrder.map((id) => os.sessions[id]).filter(isLive) : [];
  return agendaOrder(live, slotRanks(state.settings.openSpace?.slots ?? []));
}

/** Where a session is on the wall: its slot's times and its space's name. */
function placeOf(state: EventState, s: Session) {
  const settings = state.settings.openSpace;
  const slot = s.slot !== null ? settings?.slots[s.slot] : undefined;
  return {
    when: slot ? `${slot.start}–${slot.end}` : null,
    space: s.space !== null ? (settings?.spaces[s.space]?.name ?? null) : null,
  };
}

export function exportProceedings(state: EventState, now: number, locale: Locale = 'en'): Proceedings {
  const w = reportWords(locale);
  const os = state.openSpace;
  const settings = state.settings.openSpace;
  const people = peopleOf(state);
  // Notes written before a merge belong to the session that absorbed theirs.
  const notesOf = (sessionId: string) =>
    liveNotes(state)
      .filter((n) => n.session !== null && !!os && resolveSession(os, n.session)?.id === sessionId)
      .map((n) => n.text);
  const sessions = agenda(state).map(
    (s): ProceedingsSession => ({
      id: s.id,
      title: s.title,
      description: s.description,
      conveners: s.anonymous ? [] : s.conveners.map((pid) => nameOf(state, pid, w)),
      ...placeOf(state, s),
      interested: s.interested.length,
      report: s.report
        ? {
            keyPoints: s.report.keyPoints,
            questions: s.report.questions,
            actions: s.report.actions,
            attendance: s.report.attendance,
            names: s.report.names,
          }
        : null,
      notes: notesOf(s.id),
    }),
  );
  const titleOf = (id: string) => os?.sessions[id]?.title ?? '';
  return {
    language: locale,
    title: state.settings.title,
    theme: settings?.theme ?? '',
    purpose: state.settings.purpose,
    exportedAt: new Date(now).toISOString(),
    participants: { joined: people.length, anonymous: people.filter((p) => !p.name).length },
    sessions,
    convergence: os ? ranking(os).map((r) => ({ ...r, title: titleOf(r.sessionId) })) : [],
    actions: os
      ? os.actionOrder.flatMap((id) => {
          const a = os.actions[id];
          if (!a) return [];
          return [
            {
              title: a.title,
              session: titleOf(a.sessionId),
              nextStep: a.nextStep,
              due: a.due,
              owners: a.owners.map((pid) => nameOf(state, pid, w)),
            },
          ];
        })
      : [],
  };
}

/**
 * What the published page shows of the proceedings, to anyone with its address: the sessions in
 * agenda order with their reports and the plans made in them. Like the published harvest it names
 * nobody (no conveners, no names from a report, no owners: only how many signed up) and holds no
 * notes, so nothing the organiser hid from the harvest can appear here.
 */
export interface PublicProceedings {
  theme: string;
  sessions: {
    id: string;
    title: string;
    description: string;
    when: string | null;
    space: string | null;
    report: { keyPoints: string; questions: string; actions: string; attendance: number | null } | null;
    plans: { title: string; nextStep: string; due: string | null; owners: number }[];
  }[];
}

/** The published share of the proceedings; null for an event without an Open Space. */
export function publicProceedings(state: EventState): PublicProceedings | null {
  const os = state.openSpace;
  if (!os || !publishesProceedings(state)) return null;
  return {
    theme: state.settings.openSpace?.theme ?? '',
    sessions: agenda(state).map((s) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      ...placeOf(state, s),
      report: s.report
        ? {
            keyPoints: s.report.keyPoints,
            questions: s.report.questions,
            actions: s.report.actions,
            attendance: s.report.attendance,
          }
        : null,
      plans: plansOf(os, s.id),
    })),
  };
}

/** The action plans made for a session (or for one merged into it), in the order proposed. */
function plansOf(os: OpenSpaceState, sessionId: string): PublicProceedings['sessions'][number]['plans'] {
  return os.actionOrder.flatMap((id) => {
    const a = os.actions[id];
    if (!a || resolveSession(os, a.sessionId)?.id !== sessionId) return [];
    return [{ title: a.title, nextStep: a.nextStep, due: a.due, owners: a.owners.length }];
  });
}

export const toProceedingsJson = (p: Proceedings): string => `${JSON.stringify(p, null, 2)}\n`;

/**
 * Markdown that reads well as plain text, in the book's language; people's words are escaped only
 * where they would become markup (and kept in their own direction, lib/i18n/marks.ts), and times
 * read as dates.
 */
export function toProceedingsMarkdown(p: Proceedings): string {
  const w = reportWords(p.language);
  const esc = (s: string) => mdText(ownDirection(s, p.language));
  const out: string[] = [`# ${w.proc('title', { title: esc(p.title) })}`, ''];
  if (p.theme) out.push(`**${w.proc('theme')}** ${esc(p.theme)}`, '');
  if (p.purpose) out.push(esc(p.purpose), '');
  out.push(
    w.proc('tookPart', {
      people: p.participants.joined,
      anonymous: p.participants.anonymous,
      sessions: p.sessions.length,
    }),
    '',
    w.proc('exported', { time: w.time(p.exportedAt) }),
    '',
    `## ${w.proc('sessions')}`,
    '',
  );
  p.sessions.forEach((s, i) => {
    out.push(`### ${i + 1}. ${esc(s.title)}`, '');
    const where = whereOf(s, w, esc);
    if (where) out.push(`_${where}_`, '');
    out.push(convenedBy(s, w, esc), '');
    if (s.description) out.push(esc(s.description), '');
    if (s.report) {
      const r = s.report;
      const who = whoWasThere(r, w, esc);
      if (who) out.push(`**${w.proc('whoWasThere')}** ${who}`, '');
      if (r.keyPoints) out.push(`**${w.proc('keyPoints')}**`, '', esc(r.keyPoints), '');
      if (r.questions) out.push(`**${w.proc('questions')}**`, '', esc(r.questions), '');
      if (r.actions) out.push(`**${w.proc('proposedActions')}**`, '', esc(r.actions), '');
    } else {
      out.push(`_${w.proc('noReport')}_`, '');
    }
    if (s.notes.length) {
      out.push(`**${w.proc('notes')}**`, '');
      for (const n of s.notes) out.push(`- ${esc(n)}`);
      out.push('');
    }
  });
  const voted = p.convergence.filter((c) => c.dots > 0);
  if (voted.length) {
    out.push(`## ${w.proc('convergence')}`, '');
    voted.forEach((c, i) => {
      out.push(`${i + 1}. ${esc(c.title)}: ${w.proc('dots', { dots: c.dots, voters: c.voters })}`);
    });
    out.push('');
  }
  if (p.actions.length) {
    out.push(`## ${w.proc('actionPlans')}`, '');
    for (const a of p.actions) {
      out.push(`### ${esc(a.title)}`, '', w.proc('from', { session: esc(a.session) }), '');
      if (a.nextStep) out.push(w.proc('nextStep', { step: esc(a.nextStep) }), '');
      if (a.due) out.push(w.proc('by', { day: w.day(a.due) }), '');
      out.push(ownersLine(a.owners, w, esc), '');
    }
  }
  return out.join('\n');
}

const same = (s: string) => s;

/** "10:00–11:00, Garden", or whichever of the two is known; '' when neither. */
export function whereOf(
  s: { when: string | null; space: string | null },
  w: ReportWords,
  esc: (s: string) => string = same,
): string {
  const when = s.when === null ? null : leftToRight(s.when, w.locale);
  const space = s.space === null ? null : esc(s.space);
  if (when && space) return w.proc('whenWhere', { when, space });
  return when ?? space ?? '';
}

/** "Convened by Chen and Ben.", or the sentence for an anonymous session. */
export function convenedBy(s: ProceedingsSession, w: ReportWords, esc: (s: string) => string = same): string {
  return s.conveners.length
    ? w.proc('convenedBy', { names: w.list(s.conveners.map(esc)) })
    : w.proc('convenedAnonymously');
}

/** "9 people (Chen, Eli)", the names alone, or '' when the report says neither. */
export function whoWasThere(
  r: { attendance: number | null; names: string },
  w: ReportWords,
  esc: (s: string) => string = same,
): string {
  if (r.attendance !== null)
    return `${w.proc('attendance', { count: r.attendance })}${r.names ? ` (${esc(r.names)})` : ''}`;
  return r.names ? esc(r.names) : '';
}

/** "Owners: Chen, anonymous and Eli", or "Owners: nobody yet". */
export function ownersLine(owners: string[], w: ReportWords, esc: (s: string) => string = same): string {
  return owners.length ? w.proc('owners', { names: w.list(owners.map(esc)) }) : w.proc('noOwners');
}
