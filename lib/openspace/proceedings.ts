/**
 * The book of proceedings: every session's report in agenda order, the convergence result and
 * the action plans, as Markdown to read and JSON for programs. A pure fold over the state;
 * anonymous conveners and owners stay anonymous.
 */
import { mdText, readableDay, readableTime } from '../markdown';
import { type EventState, liveNotes } from '../state';
import { ranking } from './convergence';
import { isLive, resolveSession } from './sessions';
import type { Session } from './state';
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
  title: string;
  theme: string;
  purpose: string;
  exportedAt: string;
  participants: { joined: number; anonymous: number };
  sessions: ProceedingsSession[];
  convergence: { sessionId: string; title: string; dots: number; voters: number }[];
  actions: { title: string; session: string; nextStep: string; due: string | null; owners: string[] }[];
}

const nameOf = (state: EventState, pid: string) => state.participants[pid]?.name ?? 'anonymous';

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

export function exportProceedings(state: EventState, now: number): Proceedings {
  const os = state.openSpace;
  const settings = state.settings.openSpace;
  const people = Object.values(state.participants);
  const live = os ? os.sessionOrder.map((id) => os.sessions[id]).filter(isLive) : [];
  // Notes written before a merge belong to the session that absorbed theirs.
  const notesOf = (sessionId: string) =>
    liveNotes(state)
      .filter((n) => n.session !== null && !!os && resolveSession(os, n.session)?.id === sessionId)
      .map((n) => n.text);
  const sessions = agendaOrder(live, slotRanks(settings?.slots ?? [])).map((s): ProceedingsSession => {
    const slot = s.slot !== null ? settings?.slots[s.slot] : undefined;
    return {
      id: s.id,
      title: s.title,
      description: s.description,
      conveners: s.anonymous ? [] : s.conveners.map((pid) => nameOf(state, pid)),
      when: slot ? `${slot.start}–${slot.end}` : null,
      space: s.space !== null ? (settings?.spaces[s.space]?.name ?? null) : null,
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
    };
  });
  const titleOf = (id: string) => os?.sessions[id]?.title ?? '';
  return {
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
              owners: a.owners.map((pid) => nameOf(state, pid)),
            },
          ];
        })
      : [],
  };
}

export const toProceedingsJson = (p: Proceedings): string => `${JSON.stringify(p, null, 2)}\n`;

/**
 * Markdown that reads well as plain text; people's words are escaped only where they would become
 * markup, and times read as dates.
 */
export function toProceedingsMarkdown(p: Proceedings): string {
  const esc = (s: string) => mdText(s);
  const out: string[] = [`# ${esc(p.title)}: book of proceedings`, ''];
  if (p.theme) out.push(`**Theme:** ${esc(p.theme)}`, '');
  if (p.purpose) out.push(esc(p.purpose), '');
  out.push(
    `${p.participants.joined} ${p.participants.joined === 1 ? 'person' : 'people'} took part (${p.participants.anonymous} anonymously); ${p.sessions.length} ${p.sessions.length === 1 ? 'session' : 'sessions'}.`,
    '',
    `Exported ${readableTime(p.exportedAt)}.`,
    '',
    '## Sessions',
    '',
  );
  p.sessions.forEach((s, i) => {
    out.push(`### ${i + 1}. ${esc(s.title)}`, '');
    const where = [s.when, s.space].filter(Boolean).join(', ');
    if (where) out.push(`_${esc(where)}_`, '');
    out.push(`Convened by ${s.conveners.length ? s.conveners.map(esc).join(', ') : 'anonymous'}.`, '');
    if (s.description) out.push(esc(s.description), '');
    if (s.report) {
      const r = s.report;
      if (r.attendance !== null)
        out.push(
          `**Who was there:** ${r.attendance} ${r.attendance === 1 ? 'person' : 'people'}${r.names ? ` (${esc(r.names)})` : ''}`,
          '',
        );
      else if (r.names) out.push(`**Who was there:** ${esc(r.names)}`, '');
      if (r.keyPoints) out.push('**Key points**', '', esc(r.keyPoints), '');
      if (r.questions) out.push('**Questions raised**', '', esc(r.questions), '');
      if (r.actions) out.push('**Proposed actions**', '', esc(r.actions), '');
    } else {
      out.push('_No report was written for this session._', '');
    }
    if (s.notes.length) {
      out.push('**Notes**', '');
      for (const n of s.notes) out.push(`- ${esc(n)}`);
      out.push('');
    }
  });
  if (p.convergence.some((c) => c.dots > 0)) {
    out.push('## Convergence: what matters most', '');
    p.convergence
      .filter((c) => c.dots > 0)
      .forEach((c, i) => {
        out.push(
          `${i + 1}. ${esc(c.title)}: ${c.dots} ${c.dots === 1 ? 'dot' : 'dots'} from ${c.voters} ${c.voters === 1 ? 'person' : 'people'}`,
        );
      });
    out.push('');
  }
  if (p.actions.length) {
    out.push('## Action plans', '');
    for (const a of p.actions) {
      out.push(`### ${esc(a.title)}`, '', `From: ${esc(a.session)}`, '');
      if (a.nextStep) out.push(`Next step: ${esc(a.nextStep)}`, '');
      if (a.due) out.push(`By: ${readableDay(a.due)}`, '');
      out.push(`Owners: ${a.owners.length ? a.owners.map(esc).join(', ') : 'nobody yet'}`, '');
    }
  }
  return out.join('\n');
}
