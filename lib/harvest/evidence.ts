/**
 * The evidence section of the harvest report: what the event's own data says under each heading
 * of the National Standards for Community Engagement, in the report's language. Every point is a
 * figure the event collected (reach, barriers addressed, the evaluation's answers, commitments);
 * a heading with nothing collected says so. Counts only: no point names anyone, and nobody's
 * "something else" in their needs ever appears. The public copy leaves out what is about a person
 * rather than the event (needs by kind, needs met, phones' languages, first times): in a small
 * event "an interpreter (1)" points at one person, and the published page is read by anyone.
 */
import type { StatementId } from '../evaluation/bank';
import { tallyEvaluation } from '../evaluation/state';
import { intlLocale } from '../i18n/locales';
import type { ReportWords } from '../i18n/report';
import {
  asksFirstTime,
  asksNeeds,
  firstTimeCountsOf,
  groupCountsOf,
  languageCountsOf,
} from '../people/about';
import { NEEDS } from '../people/needs';
import { type EventState, liveNotes, peopleOf } from '../state';
import type { Audience, EvidenceItem, HarvestReport } from './report';
import { COMMITMENT_STATUSES } from './state';

/** The National Standards' headings, in their own order. */
const HEADINGS = [
  'inclusion',
  'support',
  'planning',
  'workingTogether',
  'methods',
  'communication',
  'impact',
] as const;
type Heading = (typeof HEADINGS)[number];

/** The heading each statement of the evaluation speaks to. */
const STATEMENT_HEADING: Record<StatementId, Heading> = {
  welcome: 'inclusion',
  accessible: 'support',
  listened: 'workingTogether',
  could_say: 'methods',
  understand_next: 'communication',
  worth_it: 'impact',
  would_come_again: 'impact',
};

/**
 * What the event's own data says under each heading of the National Standards for Community
 * Engagement, for the organiser's copy or the public one.
 */
export function evidence(
  state: EventState,
  r: HarvestReport,
  audience: Audience,
  w: ReportWords,
): EvidenceItem[] {
  const points: Record<Heading, string[]> = {
    inclusion: inclusion(state, r, audience, w),
    support: support(state, r, audience, w),
    planning: planning(state, r, w),
    workingTogether: workingTogether(state, r, w),
    methods: methods(state, r, w),
    communication: communication(state, r, w),
    impact: impact(state, r, w),
  };
  for (const line of evaluation(state, w)) points[line.heading].push(line.text);
  return HEADINGS.map((h) => ({
    heading: w.ev(`headings.${h}`),
    points: points[h].length > 0 ? points[h] : [w.ev(noData(h, audience))],
  }));
}

/**
 * What an empty heading says. The public copy's Support never counts needs or languages, so its
 * empty heading says those stay with the team rather than that none were recorded (which could be
 * untrue), whether or not anyone gave any.
 */
const noData = (h: Heading, audience: Audience) =>
  h === 'support' && audience === 'public' ? 'noData.supportPublic' : (`noData.${h}` as const);

/**
 * Counts of people below this are not published: in the public copy "Staff (1)" would point at
 * one person, so 1 to 4 read "fewer than 5" (small-number suppression, as public health and care
 * statistics do). Nought stays nought. The organiser's copy keeps every count.
 */
export const SMALL_COUNT = 5;

/** "Carer (3), Staff (2) and not said (1)" in the report's language; with `hideSmall`, 1 to 4 hidden. */
const counted = (w: ReportWords, rows: readonly { label: string; count: number }[], hideSmall = false) =>
  w.list(
    rows.map(({ label, count }) =>
      w.ev('count', {
        label,
        count:
          hideSmall && count > 0 && count < SMALL_COUNT
            ? w.ev('fewerThan', { n: w.number(SMALL_COUNT) })
            : w.number(count),
      }),
    ),
  );

function inclusion(state: EventState, r: HarvestReport, audience: Audience, w: ReportWords): string[] {
  const p = r.participation;
  const out: string[] = [];
  if (p.people > 0) {
    out.push(w.ev('inclusion.people', { people: p.people, anonymous: w.number(p.anonymousPeople) }));
    const groups = groupCountsOf(state);
    if (groups)
      out.push(
        w.ev('inclusion.groups', {
          counts: counted(
            w,
            [...groups.groups, { label: w.ev('inclusion.notSaid'), count: groups.notSaid }],
            audience === 'public',
          ),
        }),
      );
    const first = audience === 'organiser' ? firstTimeCountsOf(state) : null;
    if (first)
      out.push(
        w.ev('inclusion.firstTime', {
          first: w.number(first.first),
          returning: w.number(first.returning),
          notSaid: w.number(first.notSaid),
        }),
      );
  }
  // Every table that had people in a round counts, so a silent table shows as 0, not as nothing.
  const tables = state.rounds.flatMap((round, i) =>
    round.startedAt === null
      ? []
      : [...new Set(Object.values(round.seating))].map(
          (table) => p.byTable.find((t) => t.round === i + 1 && t.table === table)?.notes ?? 0,
        ),
  );
  if (tables.length > 0) {
    const min = Math.min(...tables);
    const max = Math.max(...tables);
    out.push(
      min > 0 && min === max
        ? w.ev('inclusion.tablesSame', { count: min })
        : min > 0
          ? w.ev('inclusion.tablesAll', { min: w.number(min), max: w.number(max) })
          : w.ev('inclusion.tablesSome', {
              max: w.number(max),
              silent: tables.filter((n) => n === 0).length,
            }),
    );
  }
  return out;
}

function support(state: EventState, r: HarvestReport, audience: Audience, w: ReportWords): string[] {
  const p = r.participation;
  const out: string[] = [];
  // Nothing about needs in the public copy, not even "nobody asked": its absence would tell that someone did.
  if (audience === 'organiser') out.push(...needs(state, w));
  const languages = audience === 'organiser' ? languageCountsOf(state) : [];
  if (languages.length > 0)
    out.push(
      w.ev('support.languages', {
        counts: counted(
          w,
          languages.map((l) => ({ label: w.ev(`language.${l.language}`), count: l.count })),
        ),
      }),
    );
  if (p.notes > 0)
    out.push(w.ev('support.anonymousNotes', { share: w.number(p.anonymousNoteShare), notes: p.notes }));
  const live = liveNotes(state);
  const paper = live.filter((n) => n.source === 'paper').length;
  const imported = live.filter((n) => n.source === 'import').length;
  if (paper > 0) out.push(w.ev('support.paper', { count: paper }));
  if (imported > 0) out.push(w.ev('support.imported', { count: imported }));
  const spaces = (state.settings.openSpace?.spaces ?? []).filter((s) => s.notes);
  if (spaces.length > 0)
    out.push(
      w.ev('support.spaces', {
        spaces: w.list(spaces.map((s) => w.ev('support.space', { name: s.name, notes: s.notes }))),
      }),
    );
  return out;
}

/** What people said would help them take part, by kind, and how many were marked as met (or that nobody asked). */
function needs(state: EventState, w: ReportWords): string[] {
  const people = peopleOf(state);
  const asking = people.filter((x) => x.needs && x.needs.length > 0);
  if (asking.length > 0) {
    // By kind only: "something else" is counted, and what the person wrote never leaves the team.
    const kinds = NEEDS.flatMap((need) => {
      const count = asking.filter((x) => x.needs?.includes(need)).length;
      return count > 0 ? [{ label: w.ev(`need.${need}`), count }] : [];
    });
    return [
      w.ev('support.needs', { counts: counted(w, kinds) }),
      w.ev('support.met', { met: w.number(asking.filter((x) => x.needsMet).length), asking: asking.length }),
    ];
  }
  if (asksNeeds(state.settings) && people.length > 0)
    return [w.ev('support.noNeeds', { people: people.length })];
  return [];
}

function planning(state: EventState, r: HarvestReport, w: ReportWords): string[] {
  const p = r.participation;
  const out: string[] = [];
  if (p.people > 0) {
    if (r.purpose) out.push(w.ev('planning.purpose', { people: p.people, purpose: r.purpose }));
    const asked = [
      ...(groupCountsOf(state) ? [w.ev('planning.askedGroups')] : []),
      ...(asksNeeds(state.settings) ? [w.ev('planning.askedNeeds')] : []),
      ...(asksFirstTime(state.settings) ? [w.ev('planning.askedFirstTime')] : []),
    ];
    if (asked.length > 0) out.push(w.ev('planning.asked', { questions: w.list(asked) }));
  }
  // Each question set in advance, with what it drew: the rounds that were run.
  p.byRound.forEach((round, i) => {
    if (state.rounds[i]?.startedAt == null) return;
    out.push(
      w.ev('planning.round', {
        round: w.number(i + 1),
        question: round.question,
        notes: round.notes,
        tables: round.tables,
      }),
    );
  });
  const theme = state.settings.openSpace?.theme;
  if (theme && p.bySession.length > 0)
    out.push(
      w.ev('planning.openSpace', {
        theme,
        sessions: p.bySession.length,
        notes: p.bySession.reduce((n, s) => n + s.notes, 0),
      }),
    );
  return out;
}

/** The Open Space sessions that were held: neither cancelled nor merged into another. */
function heldSessions(state: EventState) {
  const os = state.openSpace;
  if (!os) return [];
  return os.sessionOrder.flatMap((id) => {
    const s = os.sessions[id];
    return s && !s.cancelled && !s.mergedInto ? [s] : [];
  });
}

function workingTogether(state: EventState, r: HarvestReport, w: ReportWords): string[] {
  const out: string[] = [];
  const hosts = new Set(
    state.rounds.flatMap((round) => (round.startedAt === null ? [] : Object.values(round.hosts))),
  ).size;
  if (hosts > 0) out.push(w.ev('workingTogether.hosts', { hosts }));
  const sessions = heldSessions(state);
  if (sessions.length > 0) {
    out.push(
      w.ev('workingTogether.sessions', {
        sessions: sessions.length,
        byParticipants: w.number(sessions.filter((s) => s.conveners.length > 0).length),
      }),
    );
    const reports = sessions.filter((s) => s.report).length;
    if (reports > 0) out.push(w.ev('workingTogether.reports', { count: reports }));
  }
  if (r.actions.length > 0)
    out.push(
      w.ev('workingTogether.actions', {
        plans: w.number(r.actions.length),
        signups: w.number(r.actions.reduce((n, a) => n + a.owners, 0)),
      }),
    );
  return out;
}

function methods(state: EventState, r: HarvestReport, w: ReportWords): string[] {
  const out: string[] = [];
  const run = state.rounds.filter((round) => round.startedAt !== null);
  if (run.length > 0)
    out.push(
      w.ev('methods.cafe', {
        rounds: run.length,
        tables: new Set(run.flatMap((round) => Object.values(round.seating))).size,
      }),
    );
  const onPhones = liveNotes(state).filter((n) => n.source === undefined).length;
  if (onPhones > 0) out.push(w.ev('methods.phoneNotes', { count: onPhones }));
  const sessions = heldSessions(state);
  if (sessions.length > 0)
    out.push(
      w.ev('methods.openSpace', {
        sessions: sessions.length,
        placed: w.number(sessions.filter((s) => s.slot !== null && s.space !== null).length),
      }),
    );
  const sessionVotes = Object.values(state.openSpace?.votes ?? {});
  const sessionDots = sessionVotes.reduce((n, v) => n + Object.values(v).reduce((a, b) => a + b, 0), 0);
  if (sessionDots > 0)
    out.push(
      w.ev('methods.sessionDots', {
        voters: sessionVotes.filter((v) => Object.values(v).some((d) => d > 0)).length,
        dots: sessionDots,
      }),
    );
  if (r.votes.dots > 0) out.push(w.ev('methods.themeDots', { voters: r.votes.voters, dots: r.votes.dots }));
  return out;
}

function communication(state: EventState, r: HarvestReport, w: ReportWords): string[] {
  const out: string[] = [];
  if (r.themes.length > 0)
    out.push(
      w.ev('communication.themes', {
        themes: r.themes.length,
        notes: r.themes.reduce((n, t) => n + t.notes, 0),
        unthemed: r.unthemed,
      }),
    );
  if (state.harvest?.published) out.push(w.ev('communication.published'));
  if (state.announcements.length > 0)
    out.push(w.ev('communication.announcements', { count: state.announcements.length }));
  return out;
}

function impact(state: EventState, r: HarvestReport, w: ReportWords): string[] {
  const out: string[] = [];
  const answers = tallyEvaluation(state).answers;
  if (answers > 0) out.push(w.ev('impact.answers', { count: answers }));
  const committed = r.themes.flatMap((t) => (t.commitment ? [t.commitment] : []));
  if (committed.length > 0) {
    out.push(w.ev('impact.commitments', { with: w.number(committed.length), themes: r.themes.length }));
    out.push(
      w.ev('impact.statuses', {
        counts: counted(
          w,
          COMMITMENT_STATUSES.map((status) => ({
            label: w.ev(`status.${status}`),
            count: committed.filter((c) => c.status === status).length,
          })),
        ),
      }),
    );
  }
  for (const a of r.actions)
    if (a.due) out.push(w.ev('impact.action', { title: a.title, date: day(a.due, w) }));
  return out;
}

/** Each statement's answers, under the heading it speaks to (nothing when nobody answered). */
function evaluation(state: EventState, w: ReportWords): { heading: Heading; text: string }[] {
  const tally = tallyEvaluation(state);
  if (tally.answers === 0) return [];
  return tally.statements.map((s) => {
    const statement = w.ev(`statement.${s.id}`);
    return {
      heading: STATEMENT_HEADING[s.id],
      text:
        s.answered === 0
          ? w.ev('evaluation.unanswered', { statement })
          : w.ev('evaluation.statement', { statement, agree: w.number(s.agree), answered: s.answered }),
    };
  });
}

/** "10 January 2028" (from YYYY-MM-DD) in the report's language, as a date after "by" reads. */
function day(date: string, w: ReportWords): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(intlLocale(w.locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}
