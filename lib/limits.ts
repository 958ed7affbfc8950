/** What a commitment says will be done; `theme.respond` sets the same text. */
const COMMITMENT_WHAT = 2000;

/** Size limits shared by the edge (validation) and the screens (input maxLength, counters). */
export const LIMITS = {
  title: 120,
  purpose: 1000,
  question: 300,
  name: 60,
  note: 500,
  rounds: 12,
  tables: 200,
  minutesMin: 1,
  minutesMax: 180,
  extendMinutesMax: 30,
  slots: 24,
  spaces: 60,
  slotLabel: 60,
  spaceName: 60,
  spaceNotes: 200,
  /** The most seats a space may have. */
  spaceSeats: 10_000,
  sessionTitle: 120,
  sessionDescription: 600,
  reportField: 3000,
  reportNames: 1000,
  announcement: 280,
  actionText: 300,
  themeLabel: 80,
  /** A theme's response: its commitment's "what" as `theme.respond` (older clients) sets it. */
  themeResponse: COMMITMENT_WHAT,
  /**
   * A theme's commitment: what will be done (the same text as the theme's response, so one
   * limit), by whom (a team or role), and each dated update's note.
   */
  commitmentWhat: COMMITMENT_WHAT,
  commitmentWho: 120,
  commitmentNote: 1000,
  linkLabel: 60,
  /** The organiser's own line under the join screen's privacy notice. */
  notice: 200,
  /** Where the results will be shared ("on this page and at the Tuesday drop-in"). */
  resultsWhere: 200,
  /** "I'm here as…" choices an event may offer, and the length of each. */
  groups: 8,
  groupLabel: 40,
  /** What "Something else" that would help someone take part may say. */
  needsOther: 100,
  /** Notes in one import (a spreadsheet, or tablecloths typed up). */
  importNotes: 2000,
  /** Team links an event may have at once (revoked ones do not count). */
  links: 50,
  /** Largest socket message we accept, in bytes (Socket.IO closes the connection above it). */
  messageBytes: 16 * 1024,
} as const;

/**
 * How fast socket messages may come: each budget holds `points` messages and refills evenly over
 * `seconds` (a burst of `points`, then `points / seconds` a second). Each applies to every
 * connection, and again to all of one participant's connections together, so a second tab or a
 * script opening many sockets with the same token gets no more. Far above what a phone or the
 * facilitator console sends, so only a flood meets them.
 */
/**
 * Wrong guesses of a secret (an unknown join code, a facilitator or phone token that does not
 * fit, an event that does not exist), counted per address and per network (IPv4 /24, IPv6 /64).
 * Once either budget is spent, that address's look-ups are refused for a while, right or wrong.
 * A hall of phones behind one venue address gets a typo or two; someone guessing codes at
 * thousands a second gets 20 a minute.
 */
export const GUESS_LIMITS = {
  address: { points: 20, seconds: 60 },
  network: { points: 60, seconds: 60 },
} as const;

/**
 * Who may come in. A join with a token the event has not seen makes a new person, and a person
 * stays in the log and the exports, so new people are counted per address, per network (IPv4
 * /24, IPv6 /64) and per event: no single client can fill an event with made-up people. A venue's
 * phones often share one address, so one address may bring 400 at once and then 10 a second;
 * phones refused for this try again (`rate_limited`). People coming back are not counted.
 */
export const ADMISSION_LIMITS = {
  newPeople: {
    address: { points: 400, seconds: 40 },
    network: { points: 800, seconds: 40 },
    event: { points: 2000, seconds: 20 },
  },
  /** Connections open at once from one address, and from one network; more are turned away. */
  connections: { address: 1000, network: 2000 },
} as const;

export const RATE_LIMITS = {
  /** Every message, whatever its name (unknown names included). */
  message: { points: 120, seconds: 10 },
  act: { points: 30, seconds: 10 },
  sync: { points: 20, seconds: 10 },
  /** `facilitate` and `join` together; a join counts against its token before anyone is known. */
  hello: { points: 10, seconds: 30 },
  /** A connection refused for going too fast more than this often in `seconds` is disconnected. */
  cutOff: { points: 20, seconds: 30 },
} as const;
