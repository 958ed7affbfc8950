/**
 * A small, realistic World Café for tests of what the room gets out of an event: three rounds
 * about a town's parks and green spaces, 36 notes written at four tables, the way people write
 * on their phones (short, plain, sometimes with a typo). No test framework is imported here, so
 * unit tests, integration tests and Playwright specs can all use it.
 *
 * The notes were written for this fixture; they are not taken from any real event. They hold the
 * cases a facilitator meets: the same idea at several tables (toilets come up in every round),
 * singular and plural forms ("allotment", "allotments"), a stray note on a different subject
 * (parkrun), and safety worries that share words with other themes.
 */

export interface GreenSpacesRound {
  question: string;
  /** [table number (1-based), note text] */
  notes: readonly (readonly [number, string])[];
}

export const GREEN_SPACES_TITLE = 'Our green spaces';
export const GREEN_SPACES_PURPOSE = 'Help the town council decide what to change in our parks next year.';

export const GREEN_SPACES: readonly GreenSpacesRound[] = [
  {
    question: 'What do you value most about the parks and green spaces in our town?',
    notes: [
      [1, 'Somewhere quiet to sit away from traffic'],
      [1, 'The allotments on Mill Lane, growing our own veg'],
      [1, 'Clean public toilets that are actually open'],
      [2, 'Free space for the kids to run around'],
      [2, 'Meeting neighbours while walking the dog'],
      [2, 'The allotment community, people share seeds and tools'],
      [3, 'Trees and wildlife right in the middle of town'],
      [3, 'Saturday parkrun brings people together'],
      [3, 'Quiet benches in the shade for older people'],
      [4, 'Dog walking with friends every morning'],
      [4, 'Birds and wildlife by the pond'],
      [4, 'A toilet nearby so I can stay out longer'],
    ],
  },
  {
    question: 'What stops people from using them?',
    notes: [
      [1, 'No public toilets open after 4pm'],
      [1, 'Bins overflowing at the weekend, rubbish everywhere'],
      [1, 'Paths too dark at night, no lighting'],
      [2, 'Feeling unsafe after dark on the paths'],
      [2, 'Busy road to cross with no safe crossing for children'],
      [2, 'Litter and overflowing bins near the play area'],
      [3, 'Toilets locked most of the day'],
      [3, 'Not enough benches for older people to rest'],
      [3, 'Traffic on the main road makes it hard to get there'],
      [4, 'Broken lights on the paths, it feels unsafe at night'],
      [4, 'Dog mess and litter on the grass'],
      [4, 'Nowhere to sit down for older people'],
    ],
  },
  {
    question: 'What one change would make the biggest difference?',
    notes: [
      [1, 'Keep the public toilets open until dusk'],
      [1, 'More bins and empty them more often'],
      [1, 'A safe crossing on the main road by the park gate'],
      [2, 'Lighting along the main paths at night'],
      [2, 'More allotments, the waiting list is years long'],
      [2, 'More benches along the paths for older people'],
      [3, 'Open the toilets every day, not just in summer'],
      [3, 'Better lights on the paths so people feel safe'],
      [3, 'A zebra crossing on the busy road'],
      [4, 'Empty the bins more often at weekends'],
      [4, 'New allotments on the empty land by the school'],
      [4, 'Benches with arm rests for older people'],
    ],
  },
];

/** Every note of the fixture with its round (0-based) and table, in the order they were written. */
export function greenSpacesNotes(): { round: number; table: number; text: string }[] {
  return GREEN_SPACES.flatMap((r, round) => r.notes.map(([table, text]) => ({ round, table, text })));
}
