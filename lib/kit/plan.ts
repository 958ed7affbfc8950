/**
 * What the room's kit says (pure): which printouts there are, the options a request may give,
 * how many table cards, the run sheet's times, the plain-language steps and tips, the list of
 * things to bring, and words shortened to fit. server/kit.ts draws them; tests check them here.
 * The words are in the language asked for (`messages/kit/<locale>.json`, `reportWords(…).kit`).
 */
import { intlLocale, keepApart, keepLeftToRight, type Locale } from '../i18n/locales';
import { LANG_REFUSAL, type ReportWords, reportLocale } from '../i18n/report';
import { LIMITS } from '../limits';
import type { OpenSpaceSettings } from '../openspace/settings';
import { slotsInTimeOrder } from '../openspace/wall';
import { suggestTableCount } from '../seating';
import type { EventSettings, Identity } from '../settings';
import type { EventState } from '../state';
import { peopleOf } from '../state';

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
  /** "HH:MM" the run sheet's clock starts at; null: times count from 0:00. */
  start: string | null;
  /** How many table cards to print when the café works its table count out on the day. */
  tables: number | null;
  /** The language the printouts are in. */
  lang: Locale;
}

/** `?start=14:00&tables=8&lang=pl`, checked; an empty value counts as not given. */
export function kitQuery(
  params: URLSearchParams,
): Omit<KitOptions, 'joinUrl' | 'toldUrl'> | { invalid: string } {
  const rawStart = params.get('start') ?? '';
  const rawTables = params.get('tables') ?? '';
  const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(rawStart);
  if (rawStart && !clock) return { invalid: 'Give the start time as a 24-hour time, like 14:00.' };
  const tables = Number(rawTables);
  if (rawTables && !(/^\d{1,3}$/.test(rawTables) && tables >= 1 && tables <= LIMITS.tables))
    return { invalid: `The number of tables is a whole number from 1 to ${LIMITS.tables}.` };
  const lang = reportLocale(params.get('lang'));
  // The same words as every other download that takes a language.
  if (lang === null) return { invalid: LANG_REFUSAL };
  return {
    start: clock ? `${(clock[1] ?? '').padStart(2, '0')}:${clock[2]}` : null,
    tables: rawTables ? tables : null,
    lang,
  };
}

/** Tables to print cards for: fixed once round 1 is seated or set up front; else asked, else guessed. */
export function tableCountFor(state: EventState, asked: number | null): number {
  if (state.tableCount) return state.tableCount;
  if (state.settings.tables) return state.settings.tables;
  if (asked) return asked;
  const present = peopleOf(state).filter((p) => !p.left).length;
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

/** "10:00–11:00", kept left to right in Arabic as the screens show time ranges. */
export const timeSpan = (from: string, to: string, w: ReportWords) =>
  keepLeftToRight(`${from}–${to}`, w.locale);

/** "45 min", "1 h 05 min", "2 h" in the kit's language. */
export function duration(min: number, w: ReportWords): string {
  const hours = Math.floor(min / 60);
  if (hours === 0) return w.kit('time.minutes', { minutes: min });
  if (min % 60 === 0) return w.kit('time.hours', { hours });
  return w.kit('time.hoursMinutes', { hours, minutes: pad(min % 60) });
}

/** "Garden, Library, Hall": names people gave, as a list in the kit's language. */
const names = (items: string[], w: ReportWords) =>
  new Intl.ListFormat(intlLocale(w.locale), { type: 'unit', style: 'short' }).format(
    items.map((name) => keepApart(name, w.locale)),
  );

/** Minutes allowed between café rounds for people to move to their next table. */
export const CHANGE_MINUTES = 3;

export interface RunRow {
  time: string;
  title: string;
  detail: string;
  /** What to press in the console. */
  console: string;
}

export function cafeRun(
  settings: EventSettings,
  start: string | null,
  w: ReportWords,
): { rows: RunRow[]; minutes: number } {
  const rows: RunRow[] = [
    {
      time: w.kit('time.before'),
      title: w.kit('run.arrive.title'),
      detail: w.kit('run.arrive.detail'),
      console: w.kit('run.arrive.console'),
    },
  ];
  let at = 0;
  settings.rounds.forEach((round, i) => {
    if (i > 0) {
      rows.push({
        time: timeSpan(clockAt(at, start), clockAt(at + CHANGE_MINUTES, start), w),
        title: w.kit('run.change.title', { duration: duration(CHANGE_MINUTES, w) }),
        detail: w.kit('run.change.detail'),
        console: w.kit('run.change.console'),
      });
      at += CHANGE_MINUTES;
    }
    rows.push({
      time: timeSpan(clockAt(at, start), clockAt(at + round.minutes, start), w),
      title: w.kit('run.round.title', { round: i + 1, duration: duration(round.minutes, w) }),
      detail: round.question,
      console: w.kit('run.round.console', { round: i + 1 }),
    });
    at += round.minutes;
  });
  rows.push({
    time: w.kit('time.from', { time: clockAt(at, start) }),
    title: w.kit('run.harvest.title'),
    detail: w.kit('run.harvest.detail'),
    console: w.kit('run.harvest.console'),
  });
  return { rows, minutes: at };
}

export function openSpaceRun(os: OpenSpaceSettings, w: ReportWords): RunRow[] {
  // In time order: a slot added on the day is last in the list, not in the day.
  const slots = slotsInTimeOrder(os.slots).flatMap((i) => os.slots[i] ?? []);
  const firstStart = slots[0]?.start;
  const lastEnd = slots.at(-1)?.end;
  const rows: RunRow[] = [
    {
      time: firstStart ? w.kit('time.beforeAt', { time: firstStart }) : w.kit('time.before'),
      title: w.kit('run.opening.title'),
      detail: w.kit('run.opening.detail'),
      console: w.kit('run.opening.console'),
    },
  ];
  const first = slots.findIndex((s) => !s.isBreak);
  const spaces = names(
    os.spaces.map((s) => s.name),
    w,
  );
  slots.forEach((slot, i) => {
    const time = timeSpan(slot.start, slot.end, w);
    if (slot.isBreak) rows.push({ time, title: slot.label || w.kit('wall.break'), detail: '', console: '' });
    else
      rows.push({
        time,
        title: slot.label || w.kit('run.sessions.title'),
        detail: w.kit('run.sessions.detail', { count: os.spaces.length, names: spaces }),
        // Said once: the same advice on every slot would only crowd the sheet.
        console: i === first ? w.kit('run.sessions.console') : '',
      });
  });
  rows.push({
    time: lastEnd ? w.kit('time.from', { time: lastEnd }) : '',
    title: w.kit('run.closing.title'),
    detail: w.kit('run.closing.detail'),
    console: w.kit('run.closing.console'),
  });
  return rows;
}

/** The advice for table hosts on the run sheet. */
export const hostTips = (w: ReportWords) =>
  (['stay', 'welcome', 'turns', 'writeDown'] as const).map((tip) => w.kit(`run.hosts.${tip}`));

/** The advice for session conveners on the run sheet. */
export const convenerTips = (w: ReportWords) =>
  (['onTime', 'rightPeople', 'report'] as const).map((tip) => w.kit(`run.conveners.${tip}`));

/** The three steps on the join poster; the second follows the event's rule about names. */
export function joinSteps(identity: Identity, w: ReportWords): { title: string; detail: string }[] {
  return (['scan', identity, 'write'] as const).map((step) => ({
    title: w.kit(`join.${step}.title`),
    detail: w.kit(`join.${step}.detail`),
  }));
}

export interface KitGroup {
  heading: string;
  items: string[];
}

/** Places on the Open Space wall: every time that is not a break, in every space. */
const wallPlaces = (os: OpenSpaceSettings) => os.slots.filter((s) => !s.isBreak).length * os.spaces.length;

/** The things to bring that are the same for every event, by group. */
const PLAIN_GROUPS = {
  room: ['laptop', 'projector', 'wifi', 'power', 'posters', 'bell'],
  everyone: ['paper', 'phones', 'largePrint', 'room', 'quiet'],
  you: ['runSheet', 'link', 'water'],
} as const;

/** What to bring, with counts worked out from the event. */
export function kitList(state: EventState, tables: number, w: ReportWords): KitGroup[] {
  const { settings } = state;
  const groups: KitGroup[] = [];
  if (settings.rounds.length)
    groups.push({
      heading: w.kit('list.tables.heading', { count: tables }),
      items: [
        w.kit('list.tables.cloths', { count: tables + 2 }),
        w.kit('list.tables.markers', { count: tables * 5 }),
        w.kit('list.tables.pieces', { count: tables }),
        w.kit('list.tables.cards', { count: tables }),
        w.kit('list.tables.flowers'),
      ],
    });
  const os = settings.openSpace;
  if (os)
    groups.push({
      heading: w.kit('list.space.heading'),
      items: [
        w.kit('list.space.wall'),
        w.kit('list.space.sheets', { count: wallPlaces(os) + 5 }),
        w.kit('list.space.markers'),
        w.kit('list.space.signs', {
          names: names(
            os.spaces.map((s) => s.name),
            w,
          ),
        }),
        w.kit('list.space.circle'),
      ],
    });
  for (const [group, items] of Object.entries(PLAIN_GROUPS) as [
    keyof typeof PLAIN_GROUPS,
    readonly string[],
  ][])
    groups.push({
      heading: w.kit(`list.${group}.heading`),
      items: items.map((item) => w.kit(`list.${group}.${item}` as Parameters<ReportWords['kit']>[0])),
    });
  return groups;
}

/** `text` cut at a word to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}
