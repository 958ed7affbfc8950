/** Asking for a series report: the organiser links as pasted, and the request the server takes. */
import { describe, expect, it } from 'vitest';
import { readPastedLinks, repeatedEvent, SERIES_EVENTS, SeriesRequestSchema } from './request';

const TOKEN_A = 'aB3_-'.repeat(6).slice(0, 32);
const TOKEN_B = 'Zy9x8w7v6u5t4s3r2q1p0onmlkjihgfe';

describe('organiser links pasted one a line', () => {
  it('reads each line’s event and token, counting lines as the organiser sees them', () => {
    const text = [
      `https://cafe.example.org/f/evt_north_001#${TOKEN_A}`,
      '',
      `   http://192.168.1.20:3210/f/evt_south_002#${TOKEN_B}  `,
      '\r',
    ].join('\n');
    expect(readPastedLinks(text)).toEqual([
      { line: 1, eventId: 'evt_north_001', token: TOKEN_A },
      { line: 3, eventId: 'evt_south_002', token: TOKEN_B },
    ]);
  });

  it('names a line that is not a link, and a line that gives an event again', () => {
    const text = [
      `https://cafe.example.org/f/evt_north_001#${TOKEN_A}`,
      'https://cafe.example.org/f/evt_north_001',
      `https://cafe.example.org/j/ABC123#${TOKEN_A}`,
      `https://cafe.example.org/f/evt_north_001#${TOKEN_B}`,
      'Northfield café',
    ].join('\n');
    expect(readPastedLinks(text)).toEqual([
      { line: 1, eventId: 'evt_north_001', token: TOKEN_A },
      { line: 2, problem: 'notLink' },
      { line: 3, problem: 'notLink' },
      { line: 4, problem: 'twice', first: 1 },
      { line: 5, problem: 'notLink' },
    ]);
  });
});

describe('the request for a series report', () => {
  const events = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ eventId: `evt_series_${i}`, token: TOKEN_A }));

  it('takes a title and 2 to 20 events', () => {
    expect(
      SeriesRequestSchema.safeParse({ title: 'Spring', events: events(SERIES_EVENTS.min) }).success,
    ).toBe(true);
    expect(
      SeriesRequestSchema.safeParse({ title: 'Spring', events: events(SERIES_EVENTS.max) }).success,
    ).toBe(true);
  });

  it.each([
    ['one event', { title: 'Spring', events: events(1) }, 'combine at least 2 events'],
    ['21 events', { title: 'Spring', events: events(21) }, 'combine at most 20 events'],
    ['no title', { title: '  ', events: events(2) }, 'the report needs a title'],
    ['another field', { title: 'Spring', events: events(2), names: true }, 'names'],
  ])('refuses %s, saying why', (_what, body, words) => {
    const parsed = SeriesRequestSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(words);
  });

  it('finds an event given twice, by position from 1', () => {
    expect(repeatedEvent([{ eventId: 'a' }, { eventId: 'b' }, { eventId: 'a' }])).toEqual({
      event: 3,
      first: 1,
    });
    expect(repeatedEvent([{ eventId: 'a' }, { eventId: 'b' }])).toBeNull();
  });
});
