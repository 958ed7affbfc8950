/**
 * Asking for a series report: the request `POST /api/series/report.<format>` takes, checked at the
 * edge, and the page's reading of the organiser links pasted one a line. Shared by the server and
 * the page, so both count and name the events the same way (event 1 is the first line with a link).
 */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { requiredText } from '../text';

/** A series report combines 2 to 20 events. */
export const SERIES_EVENTS = { min: 2, max: 20 } as const;

export const SERIES_FORMATS = ['md', 'pdf', 'docx'] as const;
export type SeriesFormat = (typeof SERIES_FORMATS)[number];

/**
 * The events as (id, token) pairs, each checked later as a download is (so a malformed id is
 * `unknown_event` and a malformed token `bad_token`, event by event): here only their size.
 */
export const SeriesRequestSchema = z.strictObject({
  title: requiredText(LIMITS.title, 'the report needs a title'),
  events: z
    .array(z.strictObject({ eventId: z.string().max(64), token: z.string().max(128) }))
    .min(SERIES_EVENTS.min, `combine at least ${SERIES_EVENTS.min} events`)
    .max(SERIES_EVENTS.max, `combine at most ${SERIES_EVENTS.max} events`),
});
export type SeriesRequest = z.infer<typeof SeriesRequestSchema>;

/** The first event given twice, as positions from 1 (`event` repeats `first`), or null. */
export function repeatedEvent(
  events: readonly { eventId: string }[],
): { event: number; first: number } | null {
  const seen = new Map<string, number>();
  for (const [i, e] of events.entries()) {
    const first = seen.get(e.eventId);
    if (first !== undefined) return { event: i + 1, first };
    seen.set(e.eventId, i + 1);
  }
  return null;
}

/** One pasted line: the event it opens, or why it opens none. */
export type PastedLine =
  | { line: number; eventId: string; token: string }
  | { line: number; problem: 'notLink' }
  | { line: number; problem: 'twice'; first: number };

/**
 * The organiser links pasted one a line (`https://…/f/<eventId>#<token>`, as the console and the
 * set-up page give them), blank lines left out. Lines are counted as the organiser sees them.
 */
export function readPastedLinks(text: string): PastedLine[] {
  const out: PastedLine[] = [];
  const firstLine = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const m = /\/f\/([A-Za-z0-9_-]{8,32})#([A-Za-z0-9_-]{20,64})\s*$/.exec(raw.trim());
    if (!m?.[1] || !m[2]) {
      out.push({ line, problem: 'notLink' });
      return;
    }
    const first = firstLine.get(m[1]);
    if (first !== undefined) {
      out.push({ line, problem: 'twice', first });
      return;
    }
    firstLine.set(m[1], line);
    out.push({ line, eventId: m[1], token: m[2] });
  });
  return out;
}
