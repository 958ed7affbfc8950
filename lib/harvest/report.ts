/**
 * The curated harvest as one document model, from which every format is written (Markdown, CSV,
 * JSON here; PDF and DOCX on the server) and the public "what you told us" page is shown, in the
 * language chosen at export (`messages/report/<locale>.json`). People's own words stay as they
 * wrote them. Hidden notes never appear; names appear only for the organiser's own copy and only
 * where the person gave one. Counts, not identities, are the evidence.
 */
import ar from '../../messages/ar.json';
import en from '../../messages/en.json';
import pl from '../../messages/pl.json';
import { spreadsheetCsv } from '../csv';
import type { StatementId } from '../evaluation/bank';
import { asksAnything, evaluationOf, tallyEvaluation } from '../evaluation/state';
import type { Locale } from '../i18n/locales';
import { ownDirection } from '../i18n/marks';
import { type ReportWords, reportWords } from '../i18n/report';
import { mdText } from '../markdown';
import { type EventState, isShown, liveNotes, type Note, noteById, peopleOf, shownName } from '../state';
import { evidence } from './evidence';
import { placeOf, questionOf } from './groups';
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
  /** Where it was written, in the report's language ("Round 1, table 2", "Session “Parking”"). */
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
  /** The same in words in the report's language, as it follows "from": "3 tables", "1 table and 2 sessions". */
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

/**
 * Each statement of the evaluation as the phones word it, in each language: the report quotes
 * the very words people answered.
 */
const STATEMENTS: Record<Locale, Record<StatementId, string>> = {
  en: en.evaluation.statements,
  pl: pl.evaluation.statements,
  ar: ar.evaluation.statements,
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

const statusWord = (w: ReportWords, status: CommitmentStatus) => w.t(`statuses.${status}`);

/** A commitment's history in one line per update, e.g. "2027-01-10 In progress: the bid is in". */
const historyLines = (c: ReportCommitment, w: ReportWords) =>
  c.history.map((u) => `${u.at.slice(0, 10)} ${statusWord(w, u.status)}${u.note ? `: ${u.note}` : ''}`);

/** The spread of a theme in words, from its notes' places: "3 tables", "1 table and 2 sessions". */
function spreadWords(places: Iterable<string>, w: ReportWords): string {
  const keys = [...new Set(places)];
  const sessions = keys.filter((k) => k.startsWith('s:')).length;
  const tables = keys.length - sessions;
  const parts = [
    ...(tables ? [w.t('spread.tables', { count: tables })] : []),
    ...(sessions ? [w.t('spread.sessions', { count: sessions })] : []),
  ];
  return parts.length ? w.list(parts) : w.t('spread.nowhere');
}

/** Where a note was written, in words. */
const placeWords = (state: EventState, n: Note, w: ReportWords) =>
  n.session !== null
    ? w.t('place.session', { title: state.openSpace?.sessions[n.session]?.title ?? '' })
    : w.t('place.table', { round: n.round + 1, table: n.table });

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
  /** The language its words are in (chosen at export); people's own words are as they wrote them. */
  language: Locale;
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

export function buildHarvestReport(
  state: EventState,
  now: number,
  audience: Audience,
  locale: Locale = 'en',
): HarvestReport {
  const w = reportWords(locale);
  const h = state.harvest;
  const hidden = new Set(h?.hidden ?? []);
  const quotes = new Set(h?.quotes ?? []);
  const live = liveNotes(state);
  const shown = live.filter((n) => !hidden.has(n.id));
  const os = state.openSpace;
  const people = peopleOf(state);
  const anonymousPeople = people.filter((p) => !p.name).length;
  const nameOf = (n: Note) => shownName(state, n);
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
        spread: spreadWords(notes.map(placeOf), w),
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
  const method = w.t(
    state.settings.rounds.length > 0 && os ? 'method.both' : os ? 'method.openSpace' : 'method.cafe',
  );
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
      place: placeWords(state, n, w),
      writtenAt: new Date(n.postedAt).toISOString(),
      author: audience === 'organiser' ? nameOf(n) : null,
      quote: quotes.has(n.id),
    };
  });

  const report: HarvestReport = {
    language: locale,
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
    evaluation: reportEvaluation(state, audience, locale),
    notes,
  };
  report.evidence = evidence(state, report, audience, w);
  return report;
}

/** "Monday 10 January 2028: In progress": an update's day and status, as the reports read it. */
export const updateHeading = (u: { at: string; status: CommitmentStatus }, w: ReportWords) =>
  w.t('update', { date: w.day(u.at.slice(0, 10)), status: statusWord(w, u.status) });

/** "In progress (updated Monday 10 January 2028)", or "Planned" before any update. */
export const commitmentLine = (c: ReportCommitment, w: ReportWords) =>
  c.updatedAt
    ? w.t('statusUpdated', { status: statusWord(w, c.status), date: w.day(c.updatedAt.slice(0, 10)) })
    : statusWord(w, c.status);

function reportEvaluation(state: EventState, audience: Audience, locale: Locale): ReportEvaluation | null {
  const ask = evaluationOf(state).ask;
  if (!asksAnything(ask)) return null;
  const tally = tallyEvaluation(state);
  return {
    answers: tally.answers,
    statements: tally.statements.map((s) => ({
      statement: STATEMENTS[locale][s.id],
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
export function evaluationLines(
  e: ReportEvaluation,
  w: ReportWords,
): { points: string[]; question: string; open: string[] } {
  if (e.answers === 0) return { points: [w.t('evaluation.nobody')], question: '', open: [] };
  const points = [w.t('evaluation.answered', { count: e.answers })];
  for (const s of e.statements) {
    if (s.answered === 0) {
      points.push(w.t('evaluation.statementNobody', { statement: s.statement }));
      continue;
    }
    const [s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0] = s.counts;
    const counts = w.t('evaluation.counts', { s1, s2, s3, s4, s5 });
    points.push(
      w.t('evaluation.statement', { statement: s.statement, agree: s.agree, answered: s.answered, counts }),
    );
  }
  return { points, question: e.open.length ? e.question : '', open: e.open };
}

export const harvestJson = (r: HarvestReport) => `${JSON.stringify(r, null, 2)}\n`;

/**
 * One row per note with its theme. Every cell goes through `csvCell`, so no spreadsheet runs any
 * of them. The column names stay the same in every language (scripts read them); the words in
 * the cells are the report's.
 */
export function harvestCsv(r: HarvestReport): string {
  const w = reportWords(r.language);
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
        c ? statusWord(w, c.status) : '',
        c ? historyLines(c, w).join('\n') : '',
      ];
    }),
  );
}

export function harvestMarkdown(r: HarvestReport): string {
  const w = reportWords(r.language);
  const { t } = w;
  const esc = (s: string) => mdText(s);
  /** People's words: escaped, and each line kept in its own direction (lib/i18n/marks.ts). */
  const own = (s: string) => mdText(ownDirection(s, r.language));
  const out = [`# ${t('title', { title: own(r.title) })}`, ''];
  if (r.purpose) out.push(own(r.purpose), '');
  out.push(
    `_${t('exported', { method: esc(r.method), time: w.time(r.exportedAt) })}_`,
    '',
    `## ${t('questions')}`,
    '',
  );
  for (const q of r.questions) out.push(`- ${own(q)}`);
  out.push('', `## ${t('themes')}`, '');
  r.themes.forEach((theme, i) => {
    out.push(`### ${i + 1}. ${own(theme.label)}`, '');
    out.push(
      t('theme', {
        notes: theme.notes,
        spread: theme.spread,
        dots: theme.dots,
        voters: theme.voters,
        question: own(theme.question),
      }),
      '',
    );
    for (const q of theme.quotes.length ? theme.quotes : theme.examples) out.push(`> ${own(q)}`, '');
    const c = theme.commitment;
    if (c) {
      out.push(`**${t('willDo')}** ${own(c.what)}`, '');
      if (c.who) out.push(`- ${t('who', { who: own(c.who) })}`);
      if (c.due) out.push(`- ${t('due', { date: w.day(c.due) })}`);
      out.push(`- ${t('status', { status: commitmentLine(c, w) })}`, '');
      if (c.history.length) {
        out.push(t('updates'), '');
        for (const u of c.history) {
          const update = updateHeading(u, w);
          out.push(
            `- ${u.note ? t('updateNote', { update, note: mdText(ownDirection(u.note, r.language), { indent: '  ' }) }) : update}`,
          );
        }
        out.push('');
      }
    }
  });
  if (r.actions.length) {
    out.push(`## ${t('actions')}`, '');
    for (const a of r.actions) out.push(`- ${actionLine(a, w, own)}`);
    out.push('');
  }
  out.push(`## ${t('whoTookPart')}`, '');
  const p = r.participation;
  out.push(
    `- ${t('people', { people: p.people, anonymous: p.anonymousPeople, notes: p.notes, share: p.anonymousNoteShare })}`,
  );
  for (const round of p.byRound)
    out.push(
      `- ${t('byRound', { question: own(round.question), notes: round.notes, tables: round.tables })}`,
    );
  for (const s of p.bySession) out.push(`- ${t('bySession', { title: own(s.title), notes: s.notes })}`);
  out.push('', `## ${w.ev('heading')}`, '');
  for (const e of r.evidence) {
    out.push(`### ${e.heading}`, '');
    for (const pt of e.points) out.push(`- ${esc(pt)}`);
    out.push('');
  }
  if (r.evaluation) {
    const e = evaluationLines(r.evaluation, w);
    out.push(`### ${t('evaluation.heading')}`, '');
    for (const pt of e.points) out.push(`- ${esc(pt)}`);
    out.push('');
    if (e.question) {
      out.push(t('evaluation.openAnswers', { question: own(e.question) }), '');
      for (const a of e.open) out.push(`- ${t('quote', { text: own(a) })}`);
      out.push('');
    }
  }
  return out.join('\n');
}

/**
 * An action plan in one line: "Map empty shops (from Pop-up shops): Walk the street, by Monday 30
 * June 2025". `own` writes people's words as the document needs them.
 */
export function actionLine(
  a: HarvestReport['actions'][number],
  w: ReportWords,
  own: (s: string) => string,
): string {
  let line = w.t('action', { title: own(a.title), session: own(a.session) });
  if (a.nextStep) line = w.t('actionStep', { action: line, step: own(a.nextStep) });
  if (a.due) line = w.t('actionDue', { action: line, date: w.day(a.due) });
  return line;
}
