/**
 * The curated harvest as one document model, from which every format is written (Markdown, CSV,
 * JSON here; PDF and DOCX on the server) and the public "what you told us" page is shown.
 * Hidden notes never appear; names appear only for the organiser's own copy and only where the
 * person gave one. Counts, not identities, are the evidence.
 */
import { spreadsheetCsv } from '../csv';
import { SCORE_TEXT, type Score, STATEMENT_TEXT } from '../evaluation/bank';
import { asksAnything, evaluationOf, tallyEvaluation } from '../evaluation/state';
import { reportWords } from '../i18n/report';
import { mdText, readableDay, readableTime } from '../markdown';
import { type EventState, isShown, liveNotes, type Note, noteById, shownAuthor } from '../state';
import { plural } from '../text';
import { evidence } from './evidence';
import { placeName, placeOf, questionOf, spreadText } from './groups';
import { themeOfNote } from './reducer';
import { type Commitment, type CommitmentStatus, commitmentStatus } from './state';

export type Audience = 'organiser' | 'public';

export interface ReportNote {
  id: string;
  text: string;
  question: string;
  theme: string | null;
  /** The id of `theme` (the CSV gives each note its theme's commitment). */
  themeId: string | null;
  place: string;
  writtenAt: string;
  /** A name only in the organiser's copy, and only when the person gave one. */
  author: string | null;
  quote: boolean;
}

export interface ReportTheme {
  id: string;
  question: string;
  label: string;
  notes: number;
  /** How many tables or sessions the theme's notes came from (spread, beside volume). */
  places: number;
  /** The same in words, e.g. "3 tables". */
  spread: string;
  dots: number;
  voters: number;
  quotes: string[];
  examples: string[];
  /** The commitment's `what` ("" when there is none), kept for readers of older exports. */
  response: string;
  /** "You said, we did": the theme's commitment with its latest status and dated history, or null. */
  commitment: ReportCommitment | null;
}

export interface ReportCommitment {
  what: string;
  /** A team or a role, as the organiser wrote it ("" when not said). */
  who: string;
  /** YYYY-MM-DD, or null. */
  due: string | null;
  /** The latest update's status, or `planned` before any. */
  status: CommitmentStatus;
  /** When the latest update was made (ISO 8601), or null before any. */
  updatedAt: string | null;
  /** Every dated update, oldest first. */
  history: { at: string; status: CommitmentStatus; note: string }[];
}

/** How each status reads in the English reports. */
const STATUS_WORDS: Record<CommitmentStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  not_possible: 'Not possible',
};

function reportCommitment(c: Commitment | null): ReportCommitment | null {
  if (!c) return null;
  const latest = c.updates.at(-1);
  return {
    what: c.what,
    who: c.who,
    due: c.due,
    status: commitmentStatus(c),
    updatedAt: latest ? new Date(latest.at).toISOString() : null,
    history: c.updates.map((u) => ({ at: new Date(u.at).toISOString(), status: u.status, note: u.note })),
  };
}

/** A commitment's history in one line per update, e.g. "2027-01-10 In progress: the bid is in". */
const historyLines = (c: ReportCommitment) =>
  c.history.map((u) => `${u.at.slice(0, 10)} ${STATUS_WORDS[u.status]}${u.note ? `: ${u.note}` : ''}`);

/** One heading of the National Standards for Community Engagement and what the data says under it. */
export interface EvidenceItem {
  /** The heading's words in the report's language. */
  heading: string;
  points: string[];
}

/**
 * The evaluation's results: how many answered, each statement's counts and % agree, and (in the
 * organiser's copy only) the open answers. Never who answered what.
 */
export interface ReportEvaluation {
  answers: number;
  statements: {
    statement: string;
    /** How many chose each point, strongly disagree (first) to strongly agree (last). */
    counts: number[];
    answered: number;
    agree: number;
  }[];
  /** The open question, '' for none. */
  question: string;
  open: string[];
}

export interface HarvestReport {
  title: string;
  purpose: string;
  method: string;
  questions: string[];
  exportedAt: string;
  participation: {
    people: number;
    anonymousPeople: number;
    notes: number;
    anonymousNoteShare: number;
    byRound: { question: string; notes: number; tables: number }[];
    byTable: { round: number; table: number; notes: number }[];
    bySession: { title: string; notes: number; present: number | null }[];
  };
  themes: ReportTheme[];
  unthemed: number;
  hiddenNotes: number;
  votes: { dots: number; voters: number };
  actions: { title: string; session: string; nextStep: string; due: string | null; owners: number }[];
  evidence: EvidenceItem[];
  /** null when the evaluation asked nothing. */
  evaluation: ReportEvaluation | null;
  notes: ReportNote[];
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function buildHarvestReport(state: EventState, now: number, audience: Audience): HarvestReport {
  const h = state.harvest;
  const hidden = new Set(h?.hidden ?? []);
  const quotes = new Set(h?.quotes ?? []);
  const live = liveNotes(state);
  const shown = live.filter((n) => !hidden.has(n.id));
  const os = state.openSpace;
  const people = Object.values(state.participants);
  const anonymousPeople = people.filter((p) => !p.name).length;
  const nameOf = (n: Note) => {
    const author = shownAuthor(n);
    return author ? (state.participants[author]?.name ?? null) : null;
  };
  const anonymousNotes = live.filter((n) => !nameOf(n)).length;

  const themes: ReportTheme[] = (h?.themeOrder ?? []).flatMap((id) => {
    const t = h?.themes[id];
    if (!t) return [];
    const notes = t.noteIds
      .map((nid) => noteById(state, nid))
      .filter((n): n is Note => !!n && isShown(n) && !hidden.has(n.id));
    if (notes.length === 0) return [];
    let dots = 0;
    let voters = 0;
    for (const v of Object.values(h?.votes ?? {})) {
      const d = v[id] ?? 0;
      dots += d;
      if (d > 0) voters++;
    }
    return [
      {
        id,
        question: t.group,
        label: t.label,
        notes: notes.length,
        places: new Set(notes.map(placeOf)).size,
        spread: spreadText(notes.map(placeOf)),
        dots,
        voters,
        quotes: notes.filter((n) => quotes.has(n.id)).map((n) => n.text),
        examples: notes.slice(0, 3).map((n) => n.text),
        response: t.commitment?.what ?? '',
        commitment: reportCommitment(t.commitment),
      },
    ];
  });
  // Most dots first; then spread (a quiet table's theme is not hidden by a loud one); then size.
  themes.sort((a, b) => b.dots - a.dots || b.places - a.places || b.notes - a.notes);

  const byRound = state.settings.rounds.map((r, i) => {
    const inRound = live.filter((n) => n.session === null && n.round === i);
    return { question: r.question, notes: inRound.length, tables: new Set(inRound.map((n) => n.table)).size };
  });
  const tableKeys = new Map<string, { round: number; table: number; notes: number }>();
  for (const n of live.filter((x) => x.session === null)) {
    const k = `${n.round}:${n.table}`;
    const row = tableKeys.get(k) ?? { round: n.round + 1, table: n.table, notes: 0 };
    row.notes++;
    tableKeys.set(k, row);
  }
  const byTable = [...tableKeys.values()].sort((a, b) => a.round - b.round || a.table - b.table);
  const bySession = os
    ? os.sessionOrder.flatMap((id) => {
        const s = os.sessions[id];
        if (!s || s.cancelled || s.mergedInto) return [];
        return [
          {
            title: s.title,
            notes: live.filter((n) => n.session === id).length,
            present: s.report?.attendance ?? null,
          },
        ];
      })
    : [];

  const allDots = Object.values(h?.votes ?? {}).flatMap((v) => Object.values(v));
  const votes = {
    dots: allDots.reduce((a, b) => a + b, 0),
    voters: Object.values(h?.votes ?? {}).filter((v) => Object.values(v).some((d) => d > 0)).length,
  };
  const actions = os
    ? os.actionOrder.flatMap((id) => {
        const a = os.actions[id];
        return a
          ? [
              {
                title: a.title,
                session: os.sessions[a.sessionId]?.title ?? '',
                nextStep: a.nextStep,
                due: a.due,
                owners: a.owners.length,
              },
            ]
          : [];
      })
    : [];
  const method =
    state.settings.rounds.length > 0 && os ? 'World Café and Open Space' : os ? 'Open Space' : 'World Café';
  const questions = [
    ...state.settings.rounds.map((r) => r.question),
    ...(state.settings.openSpace ? [state.settings.openSpace.theme] : []),
  ];

  const notes: ReportNote[] = shown.map((n) => {
    const theme = h ? themeOfNote(h, n.id) : undefined;
    return {
      id: n.id,
      text: n.text,
      question: questionOf(state, n),
      theme: theme?.label ?? null,
      themeId: theme?.id ?? null,
      place: placeName(state, n),
      writtenAt: new Date(n.postedAt).toISOString(),
      author: audience === 'organiser' ? nameOf(n) : null,
      quote: quotes.has(n.id),
    };
  });

  const report: HarvestReport = {
    title: state.settings.title,
    purpose: state.settings.purpose,
    method,
    questions,
    exportedAt: new Date(now).toISOString(),
    participation: {
      people: people.length,
      anonymousPeople,
      notes: live.length,
      anonymousNoteShare: pct(anonymousNotes, live.length),
      byRound,
      byTable,
      bySession,
    },
    themes,
    unthemed: h
      ? h.unthemed.filter((id) => {
          const n = noteById(state, id);
          return !hidden.has(id) && !!n && isShown(n);
        }).length
      : shown.length,
    hiddenNotes: live.length - shown.length,
    votes,
    actions,
    evidence: [],
    evaluation: reportEvaluation(state, audience),
    notes,
  };
  report.evidence = evidence(state, report, reportWords('en'));
  return report;
}

/** "Monday 10 January 2028: In progress": an update's day and status, as the reports read it. */
export const updateHeading = (u: { at: string; status: CommitmentStatus }) =>
  `${readableDay(u.at.slice(0, 10))}: ${STATUS_WORDS[u.status]}`;

/** "In progress (updated Monday 10 January 2028)", or "Planned" before any update. */
export const commitmentLine = (c: ReportCommitment) =>
  `${STATUS_WORDS[c.status]}${c.updatedAt ? ` (updated ${readableDay(c.updatedAt.slice(0, 10))})` : ''}`;

function reportEvaluation(state: EventState, audience: Audience): ReportEvaluation | null {
  const ask = evaluationOf(state).ask;
  if (!asksAnything(ask)) return null;
  const tally = tallyEvaluation(state);
  return {
    answers: tally.answers,
    statements: tally.statements.map((s) => ({
      statement: STATEMENT_TEXT[s.id],
      counts: [...s.counts],
      answered: s.answered,
      agree: s.agree,
    })),
    question: ask.open,
    // Open answers are people's own words: the public page gives the counts only.
    open: audience === 'organiser' ? tally.open : [],
  };
}

/** The evaluation's results as lines of the evidence section (no filler when nobody answered). */
export function evaluationLines(e: ReportEvaluation): { points: string[]; question: string; open: string[] } {
  if (e.answers === 0) return { points: ['Nobody answered the evaluation.'], question: '', open: [] };
  const points = [`${plural(e.answers, 'person', 'people')} answered the evaluation, anonymously.`];
  for (const s of e.statements) {
    if (s.answered === 0) {
      points.push(`“${s.statement}”: nobody answered.`);
      continue;
    }
    const counts = ([5, 4, 3, 2, 1] as Score[]).map(
      (score) => `${SCORE_TEXT[score]} ${s.counts[score - 1] ?? 0}`,
    );
    points.push(`“${s.statement}”: ${s.agree}% agree, of ${s.answered} (${counts.join(', ')}).`);
  }
  return { points, question: e.open.length ? e.question : '', open: e.open };
}

export const harvestJson = (r: HarvestReport) => `${JSON.stringify(r, null, 2)}\n`;

/** One row per note with its theme. Every cell goes through `csvCell`, so no spreadsheet runs any of them. */
export function harvestCsv(r: HarvestReport): string {
  const commitments = new Map<string, ReportCommitment | null>();
  for (const t of r.themes) if (!commitments.has(t.id)) commitments.set(t.id, t.commitment);
  return spreadsheetCsv(
    [
      'question',
      'theme',
      'note',
      'where',
      'written_at',
      'quote',
      'author',
      'commitment',
      'commitment_who',
      'commitment_due',
      'commitment_status',
      'commitment_updates',
    ],
    r.notes.map((n) => {
      const c = n.themeId ? (commitments.get(n.themeId) ?? null) : null;
      return [
        n.question,
        n.theme ?? '',
        n.text,
        n.place,
        n.writtenAt,
        n.quote ? 'yes' : '',
        n.author ?? '',
        c?.what ?? '',
        c?.who ?? '',
        c?.due ?? '',
        c ? STATUS_WORDS[c.status] : '',
        c ? historyLines(c).join('\n') : '',
      ];
    }),
  );
}

export function harvestMarkdown(r: HarvestReport): string {
  const esc = (s: string) => mdText(s);
  const out = [`# ${esc(r.title)}: what you told us`, ''];
  if (r.purpose) out.push(esc(r.purpose), '');
  out.push(`_${esc(r.method)}. Exported ${readableTime(r.exportedAt)}._`, '', '## Questions', '');
  for (const q of r.questions) out.push(`- ${esc(q)}`);
  out.push('', '## Themes', '');
  r.themes.forEach((t, i) => {
    out.push(`### ${i + 1}. ${esc(t.label)}`, '');
    out.push(
      `${plural(t.notes, 'note', 'notes')} from ${t.spread}; ${plural(t.dots, 'dot', 'dots')} from ${plural(t.voters, 'person', 'people')}. Question: ${esc(t.question)}`,
      '',
    );
    for (const q of t.quotes.length ? t.quotes : t.examples) out.push(`> ${esc(q)}`, '');
    const c = t.commitment;
    if (c) {
      out.push(`**What we will do:** ${esc(c.what)}`, '');
      if (c.who) out.push(`- Who: ${esc(c.who)}`);
      if (c.due) out.push(`- By when: ${readableDay(c.due)}`);
      out.push(`- Status: ${commitmentLine(c)}`, '');
      if (c.history.length) {
        out.push('Updates:', '');
        for (const u of c.history)
          out.push(`- ${updateHeading(u)}${u.note ? `. ${mdText(u.note, { indent: '  ' })}` : ''}`);
        out.push('');
      }
    }
  });
  if (r.actions.length) {
    out.push('## Actions', '');
    for (const a of r.actions)
      out.push(
        `- ${esc(a.title)} (from ${esc(a.session)})${a.nextStep ? `: ${esc(a.nextStep)}` : ''}${a.due ? `, by ${readableDay(a.due)}` : ''}`,
      );
    out.push('');
  }
  out.push('## Who took part', '');
  const p = r.participation;
  out.push(
    `- ${plural(p.people, 'person', 'people')} (${p.anonymousPeople} anonymous); ${plural(p.notes, 'note', 'notes')}, ${p.anonymousNoteShare}% anonymous.`,
  );
  for (const round of p.byRound)
    out.push(
      `- ${esc(round.question)}: ${plural(round.notes, 'note', 'notes')} from ${plural(round.tables, 'table', 'tables')}`,
    );
  for (const s of p.bySession) out.push(`- Session ${esc(s.title)}: ${plural(s.notes, 'note', 'notes')}`);
  out.push('', '## Evidence of engagement', '');
  for (const e of r.evidence) {
    out.push(`### ${e.heading}`, '');
    for (const pt of e.points) out.push(`- ${esc(pt)}`);
    out.push('');
  }
  if (r.evaluation) {
    const e = evaluationLines(r.evaluation);
    out.push('### Evaluation', '');
    for (const pt of e.points) out.push(`- ${esc(pt)}`);
    out.push('');
    if (e.question) {
      out.push(`Answers to “${esc(e.question)}”:`, '');
      for (const a of e.open) out.push(`- “${esc(a)}”`);
      out.push('');
    }
  }
  return out.join('\n');
}
