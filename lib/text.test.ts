/**
 * People's text at the edge: every field is cleaned by one rule (lib/text.ts). What cannot be seen
 * or would disguise the text is removed, control characters are refused with a plain reason, a
 * name must show something, and lengths count characters as people see them (code points).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { NAME_INVISIBLE } from './clean-text';
import { NameSchema } from './people/people';
import { RoundSettingsSchema } from './settings';
import { humanText, requiredText } from './text';

const Note = requiredText(500, 'a note cannot be empty');
const accepted = (s: string) => {
  const r = Note.safeParse(s);
  if (!r.success) throw new Error(`refused ${JSON.stringify(s)}: ${r.error.issues[0]?.message}`);
  return r.data;
};
const refusal = (schema: z.ZodType, s: string) => schema.safeParse(s).error?.issues[0]?.message;

describe('text people type', () => {
  it('drops halves of characters and noncharacters, keeping every whole character', () => {
    expect(accepted('cut \ud83d in two')).toBe('cut  in two');
    expect(accepted('a\ude00b')).toBe('ab');
    expect(accepted('\ude00\ud83dbackwards')).toBe('backwards');
    expect(accepted('whole 😀 and 👩‍👩‍👧‍👦')).toBe('whole 😀 and 👩‍👩‍👧‍👦');
    expect(accepted('not\ufffe a\uffff char\ufdd0acter\u{1fffe}')).toBe('not a character');
  });

  it('drops the controls that make text read in another order than it is stored', () => {
    expect(accepted('invoice\u202egnp.exe')).toBe('invoicegnp.exe');
    expect(accepted('\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069ok')).toBe('ok');
    // Right-to-left writing, with the marks that do not reorder anything, is kept as typed.
    expect(accepted('الحديقة \u200fمفتوحة\u200e 24/7 \u061c')).toBe('الحديقة \u200fمفتوحة\u200e 24/7 \u061c');
  });

  it('refuses control characters, C0 and C1 alike, and says so', () => {
    for (const s of [
      'bell\u0007',
      'esc\u001b[31m',
      'del\u007f',
      'next line\u0085',
      'csi\u009b31m',
      'c1\u0080',
    ])
      expect(refusal(Note, s), JSON.stringify(s)).toBe('must not contain control characters');
    expect(accepted('tab\tand\nnewline\r\nand\rreturn')).toBe('tab\tand\nnewline\nand\nreturn');
  });

  it('refuses a required text with nothing a reader could see', () => {
    for (const s of [
      '',
      '   ',
      '\u200b',
      '\u200b \u200d\u200c',
      '\ufeff',
      '\u3164',
      '\u2800\u2800',
      '\u0301\u0301',
      '\u202e',
      '\ud83d',
    ])
      expect(refusal(Note, s), JSON.stringify(s)).toBe('a note cannot be empty');
    for (const s of ['.', '😀', 'a\u0301', '\u00a0x', '١'])
      expect(Note.safeParse(s).success, JSON.stringify(s)).toBe(true);
    expect(refusal(RoundSettingsSchema.shape.question, '\u200b\u200b')).toBe('each round needs a question');
  });

  it('counts length in characters as people see them: an emoji is one', () => {
    expect(accepted('😀'.repeat(500))).toHaveLength(1000);
    expect(refusal(Note, '😀'.repeat(501))).toBe('must be at most 500 characters');
    expect(Note.safeParse('é'.repeat(500)).success).toBe(true);
    // Counted after cleaning: what is removed does not count.
    expect(Note.safeParse(`${'x'.repeat(500)}\u202e\ud800`).success).toBe(true);
    // A character built of several code points counts each (👍🏽 is two).
    expect(refusal(humanText(3), '👍🏽👍🏽')).toBe('must be at most 3 characters');
  });
});

describe('names', () => {
  it('takes a blank name as no name', () => {
    expect(NameSchema.parse('')).toBe('');
    expect(NameSchema.parse('   ')).toBe('');
  });

  it('refuses a name of invisible characters alone, with a reason a person understands', () => {
    for (const s of [
      '\u200b',
      ' \u200b\u200b ',
      '\u200d',
      '\u3164',
      '\u115f\u1160',
      '\u2800',
      '\u034f',
      '\ufe0f',
    ])
      expect(refusal(NameSchema, s), JSON.stringify(s)).toBe(NAME_INVISIBLE);
    expect(NAME_INVISIBLE).toMatch(/can be seen/);
  });

  it('cleans a name like any text and keeps names in any script', () => {
    expect(NameSchema.parse('\u202eZoë\u202c')).toBe('Zoë');
    for (const s of ['Zoë', 'Łucja', 'سارة', '李雷', 'O’Neill', 'A\u0301', '🙂'])
      expect(NameSchema.parse(s)).toBe(s);
    expect(refusal(NameSchema, 'Ann\u0085')).toBe('must not contain control characters');
  });
});
