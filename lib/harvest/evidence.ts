/**
 * The evidence section of the harvest report: what the event's own data says under each heading
 * of the National Standards for Community Engagement, in the report's language.
 */
import type { ReportWords } from '../i18n/report';
import { readableDay } from '../markdown';
import type { EventState } from '../state';
import { plural } from '../text';
import type { EvidenceItem, HarvestReport } from './report';

/** What the event's own data says under each heading of the National Standards for Community Engagement. */
export function evidence(state: EventState, r: HarvestReport, _w: ReportWords): EvidenceItem[] {
  const p = r.participation;
  // Every table that had people in a round counts, so a silent table shows as 0, not as nothing.
  const tables = state.rounds.flatMap((round, i) =>
    round.startedAt === null
      ? []
      : [...new Set(Object.values(round.seating))].map(
          (table) => p.byTable.find((t) => t.round === i + 1 && t.table === table)?.notes ?? 0,
        ),
  );
  const hosts = new Set(state.rounds.flatMap((round) => Object.values(round.hosts))).size;
  const accessible = (state.settings.openSpace?.spaces ?? [])
    .filter((s) => s.notes)
    .map((s) => `${s.name} (${s.notes})`);
  const responded = r.themes.filter((t) => t.commitment).length;
  const done = r.themes.filter((t) => t.commitment?.status === 'done').length;
  const items: EvidenceItem[] = [
    {
      heading: 'Inclusion',
      points: [
        `${plural(p.people, 'person', 'people')} took part; ${plural(p.anonymousPeople, 'person', 'people')} took part anonymously.`,
        `${p.anonymousNoteShare}% of the ${plural(p.notes, 'note', 'notes')} were written anonymously.`,
        ...(tables.length
          ? [
              Math.min(...tables) > 0
                ? `Every table wrote notes: between ${Math.min(...tables)} and ${Math.max(...tables)} per table and round.`
                : `Notes per table and round ranged from 0 to ${Math.max(...tables)}; ${plural(tables.filter((n) => n === 0).length, 'table-round', 'table-rounds')} wrote none.`,
            ]
          : []),
      ],
    },
    {
      heading: 'Support',
      points: [
        ...(hosts
          ? [
              `${plural(hosts, 'table host', 'table hosts')} welcomed people and carried conversations between rounds.`,
            ]
          : []),
        ...(accessible.length ? [`Spaces described for access: ${accessible.join('; ')}.`] : []),
        'People joined from their own phones with no app and no account; names were optional where the organiser allowed.',
      ],
    },
    {
      heading: 'Planning',
      points: [
        ...(r.purpose ? [`The purpose was stated to everyone who joined: “${r.purpose}”`] : []),
        `${plural(r.questions.length, 'question was', 'questions were')} set in advance: ${r.questions.map((q) => `“${q}”`).join('; ')}.`,
      ],
    },
    {
      heading: 'Working together',
      points: [
        ...(p.bySession.length
          ? [
              `${plural(p.bySession.length, 'session was', 'sessions were')} proposed and convened by participants.`,
            ]
          : []),
        ...(r.actions.length
          ? [
              `${plural(r.actions.length, 'action plan', 'action plans')} with ${plural(
                r.actions.reduce((n, a) => n + a.owners, 0),
                'owner',
                'owners',
              )} signed up.`,
            ]
          : []),
      ],
    },
    {
      heading: 'Methods',
      points: [
        `Method: ${r.method}.`,
        ...(p.byRound.length
          ? [
              `${plural(p.byRound.length, 'café round', 'café rounds')} across ${plural(new Set(p.byTable.map((t) => t.table)).size, 'table', 'tables')}.`,
            ]
          : []),
        ...(r.votes.dots
          ? [
              `${plural(r.votes.voters, 'person', 'people')} gave ${plural(r.votes.dots, 'dot vote', 'dot votes')} to the themes.`,
            ]
          : []),
      ],
    },
    {
      heading: 'Communication',
      points: [
        `${plural(r.themes.length, 'theme was', 'themes were')} drawn from the notes, each traceable to the notes behind it.`,
        ...(state.harvest?.published
          ? ['The harvest was published back to participants as “What you told us”.']
          : []),
      ],
    },
    {
      heading: 'Impact',
      points: [
        ...(responded
          ? [
              `The organiser responded to ${responded} of ${plural(r.themes.length, 'theme', 'themes')} with what will be done.`,
            ]
          : []),
        ...(done ? [`${plural(done, 'commitment is', 'commitments are')} done.`] : []),
        ...r.actions
          .filter((a) => a.due)
          .map((a) => `“${a.title}”: next step by ${readableDay(a.due ?? '')}.`),
      ],
    },
  ];
  return items.filter((i) => i.points.length > 0);
}
