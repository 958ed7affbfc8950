/**
 * What the room's kit says (pure): which printouts there are, the options a request may give,
 * how many table cards, the run sheet's times, the plain-language steps and tips, the list of
 * things to bring, and words shortened to fit. server/kit.ts draws them; tests check them here.
 */
import { LOCALES, type Locale } from '../i18n/locales';
import { reportLocale } from '../i18n/report';
import { LIMITS } from '../limits';
import type { OpenSpaceSettings } from '../openspace/settings';
import { slotsInTimeOrder } from '../openspace/wall';
import { suggestTableCount } from '../seating';
import type { EventSettings, Identity } from '../settings';
import type { EventState } from '../state';

export const KIT_NAMES = [
  'table-cards',
  'join-poster',
  'run-sheet',
  'kit-list',
  'agenda-wall',
  'told',
] as const;
export type KitName = (typeof KIT_NAMES)[number];

export interface KitOptions {
  /** The address the projector's QR code opens: the join base + `/j/<code>`. */
  joinUrl: string;
  /** The published "What you told us" at the phones' address: the join base + `/told/<eventId>`. */
  toldUrl: string;
  /** The language the printout is written in (`?lang=`; English when not given). */
  locale: Locale;
  /** "HH:MM" the run sheet's clock starts at; null: times count from 0:00. */
  start: string | null;
  /** How many table cards to print when the café works its table count out on the day. */
  tables: number | null;
}

/** `?start=14:00&tables=8&lang=pl`, checked; an empty value counts as not given. */
export function kitQuery(
  params: URLSearchParams,
): Omit<KitOptions, 'joinUrl' | 'toldUrl'> | { invalid: string } {
  const locale = reportLocale(params.get('lang'));
  if (!locale) return { invalid: `lang is one of ${LOCALES.join(', ')} (the default is en).` };
  const rawStart = params.get('start') ?? '';
  const rawTables = params.get('tables') ?? '';
  const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(rawStart);
  if (rawStart && !clock) return { invalid: 'Give the start time as a 24-hour time, like 14:00.' };
  const tables = Number(rawTables);
  if (rawTables && !(/^\d{1,3}$/.test(rawTables) && tables >= 1 && tables <= LIMITS.tables))
    return { invalid: `The number of tables is a whole number from 1 to ${LIMITS.tables}.` };
  return {
    start: clock ? `${(clock[1] ?? '').padStart(2, '0')}:${clock[2]}` : null,
    tables: rawTables ? tables : null,
    locale,
  };
}

/** Tables to print cards for: fixed once round 1 is seated or set up front; else asked, else guessed. */
export function tableCountFor(state: EventState, asked: number | null): number {
  if (state.tableCount) return state.tableCount;
  if (state.settings.tables) return state.settings.tables;
  if (asked) return asked;
  const present = Object.values(state.participants).filter((p) => !p.left).length;
  return suggestTableCount(present);
}

export const pad = (n: number) => String(n).padStart(2, '0');
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** A moment `min` minutes in: "14:20" from a start time, else "0:20" from the start. */
export function clockAt(min: number, start: string | null): string {
  if (start === null) return `${Math.floor(min / 60)}:${pad(min % 60)}`;
  const t = (minutesOf(start) + min) % (24 * 60);
  return `${pad(Math.floor(t / 60))}:${pad(t % 60)}`;
}

/** Minutes allowed between café rounds for people to move to their next table. */
export const CHANGE_MINUTES = 3;

export interface RunRow {
  time: string;
  title: string;
  detail: string;
  /** What to press in the console. */
  console: string;
}

export function cafeRun(settings: EventSettings, start: string | null): { rows: RunRow[]; minutes: number } {
  const rows: RunRow[] = [
    {
      time: 'Before',
      title: 'People arrive and join',
      detail:
        'They scan the QR code on the poster or a table card, or type the code. Ask who will host a table.',
      console: 'Open projector view. Choose hosts. Seat people for round 1.',
    },
  ];
  let at = 0;
  settings.rounds.forEach((round, i) => {
    if (i > 0) {
      rows.push({
        time: `${clockAt(at, start)}–${clockAt(at + CHANGE_MINUTES, start)}`,
        title: `Change tables · about ${CHANGE_MINUTES} min`,
        detail: 'Hosts stay. Others go where their phone says.',
        console: 'Wait until people sit down.',
      });
      at += CHANGE_MINUTES;
    }
    rows.push({
      time: `${clockAt(at, start)}–${clockAt(at + round.minutes, start)}`,
      title: `Round ${i + 1} · ${round.minutes} min`,
      detail: round.question,
      console: `Start round ${i + 1}. When time is up, End round ${i + 1}.`,
    });
    at += round.minutes;
  });
  rows.push({
    time: `From ${clockAt(at, start)}`,
    title: 'Harvest',
    detail: 'Themes on the projector. People give dots to those that matter most.',
    console: 'Harvest tab: Start the harvest, then Open the voting.',
  });
  return { rows, minutes: at };
}

export function openSpaceRun(os: OpenSpaceSettings): RunRow[] {
  const names = os.spaces.map((s) => s.name).join(', ');
  // In time order: a slot added on the day is last in the list, not in the day.
  const slots = slotsInTimeOrder(os.slots).flatMap((i) => os.slots[i] ?? []);
  const rows: RunRow[] = [
    {
      time: `Before ${slots[0]?.start ?? ''}`.trim(),
      title: 'Opening circle and marketplace',
      detail: 'Everyone sits in a circle. Say the theme. People write their sessions and put them up.',
      console: 'Open the marketplace. Show the agenda wall on the projector.',
    },
  ];
  const first = slots.findIndex((s) => !s.isBreak);
  slots.forEach((slot, i) => {
    const time = `${slot.start}–${slot.end}`;
    if (slot.isBreak) rows.push({ time, title: slot.label || 'Break', detail: '', console: '' });
    else
      rows.push({
        time,
        title: slot.label || 'Sessions',
        detail: `Sessions in ${os.spaces.length === 1 ? '1 space' : `${os.spaces.length} spaces`}: ${names}.`,
        // Said once: the same advice on every slot would only crowd the sheet.
        console: i === first ? 'Fix any clashes the console lists. People tap “I’m here” in a session.' : '',
      });
  });
  rows.push({
    time: `From ${slots.at(-1)?.end ?? ''}`.trim(),
    title: 'Closing: dots and next steps',
    detail: 'People give dots to the sessions that matter most, then sign up to next steps.',
    console: 'Stage: Convergence, then Action planning. Download the book of proceedings.',
  });
  return rows;
}

export const HOST_TIPS = [
  'Stay at your table for every round. Everyone else moves.',
  'Welcome each new group. In a minute, tell them what the last group talked about: your phone shows their notes.',
  'Help everyone have a turn to speak. Pass the talking piece.',
  'Make sure ideas get written down: on phones, or on the paper tablecloth.',
];

export const CONVENER_TIPS = [
  'Start on time, even if only one person comes.',
  'Whoever comes are the right people. Anyone may leave or join at any time.',
  'Write the session report on your phone, or ask someone to help.',
];

/** The three steps on the join poster; the second follows the event's rule about names. */
export function joinSteps(identity: Identity): { title: string; detail: string }[] {
  const names = {
    named: { title: 'Type your name', detail: 'Everyone here gives a name.' },
    anonymous: { title: 'No names needed', detail: 'You stay anonymous. Nobody sees who wrote what.' },
    choice: { title: 'Choose a name, or stay anonymous', detail: 'It is up to you.' },
  } as const;
  return [
    {
      title: 'Scan',
      detail: 'Point your phone’s camera at the square code. Or type the address, then the code.',
    },
    names[identity],
    { title: 'Write', detail: 'Write your ideas in short notes. You can change them later.' },
  ];
}

export interface KitGroup {
  heading: string;
  items: string[];
}

/** Places on the Open Space wall: every time that is not a break, in every space. */
const wallPlaces = (os: OpenSpaceSettings) => os.slots.filter((s) => !s.isBreak).length * os.spaces.length;

/** What to bring, with counts worked out from the event. */
export function kitList(state: EventState, tables: number): KitGroup[] {
  const { settings } = state;
  const groups: KitGroup[] = [];
  if (settings.rounds.length)
    groups.push({
      heading: `For each table (${tables} ${tables === 1 ? 'table' : 'tables'})`,
      items: [
        `${tables + 2} paper tablecloths or flipchart sheets (one per table, and 2 spare)`,
        `${tables * 5} markers or felt pens in different colours (about 5 per table)`,
        `${tables} talking pieces: anything people can hold, like a stone or a shell`,
        `${tables} table cards: print them from the console and fold them`,
        'If you like: flowers or a small plant on each table, so it feels like a café',
      ],
    });
  const os = settings.openSpace;
  if (os)
    groups.push({
      heading: 'For the Open Space',
      items: [
        'The agenda wall (print it on A3, or draw the grid big on paper), and tape or sticky putty',
        `${wallPlaces(os) + 5} session sheets (plain A4 paper), one for each session and a few spare`,
        'Thick markers, so session titles can be read from across the room',
        `A sign for each space: ${os.spaces.map((s) => s.name).join(', ')}`,
        'Chairs in one big circle for the opening and the closing',
      ],
    });
  groups.push(
    {
      heading: 'For the room',
      items: [
        'The laptop running Café Space, and its charger',
        'A projector and screen, and the cable for your laptop',
        'Wi-Fi that phones and the laptop share: put its name and password on a sign',
        'An extension lead, and phone chargers for anyone whose battery is low',
        'Join posters: one by the door and one by the screen',
        'A bell or chime to call time, and a microphone if the room is big',
      ],
    },
    {
      heading: 'So everyone can take part',
      items: [
        'Paper and pens for anyone without a phone, and a helper to type their notes in',
        'Spare phones or a tablet to lend, if you have them',
        'Large-print copies of the questions, for anyone who needs them',
        'Room between tables for wheelchairs and walking aids',
        'A quiet corner for anyone who needs a break',
      ],
    },
    {
      heading: 'For you',
      items: [
        'The run sheet, printed',
        'Your facilitator link, saved somewhere safe (anyone with it can run the event)',
        'Water, and time to set up before people arrive',
      ],
    },
  );
  return groups;
}

/** `text` cut at a word to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}
