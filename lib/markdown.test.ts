/**
 * People's words in Markdown exports: hostile text shows as the literal text, ordinary sentences
 * carry no backslashes, and dates read as dates. The checks read the escaped text the way
 * CommonMark and GFM would (which characters are escaped, what stands at the start of each line),
 * and then a real GFM renderer (micromark with its GFM extension, autolinks included) renders it.
 */
import { describe, expect, it } from 'vitest';
import { mdText, readableDay, readableTime } from './markdown';
import { elementsIn, renderedText, renderGfm } from './testing/formats';

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** What a reader shows for escaped text: escapes undone, line breaks back, the invisible joiner gone. */
function literal(md: string, indent = ''): string {
  const joined = md.split(`  \n${indent}`).join('\n').replaceAll('\u200c', '');
  let out = '';
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charAt(i);
    const next = joined.charAt(i + 1);
    if (c === '\\' && PUNCTUATION.test(next)) {
      out += next;
      i++;
    } else out += c;
  }
  return out;
}

/** The characters of one line, each marked as escaped (by a backslash) or bare. */
function tokens(line: string): { c: string; escaped: boolean }[] {
  const out: { c: string; escaped: boolean }[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    const next = line.charAt(i + 1);
    if (c === '\\' && PUNCTUATION.test(next)) {
      out.push({ c: next, escaped: true });
      i++;
    } else out.push({ c, escaped: false });
  }
  return out;
}

/** Every way the escaped text could still become markup; empty when it is plain text. */
function markupIn(md: string): string[] {
  const found: string[] = [];
  const lines = md.split('\n');
  for (const line of lines) {
    const t = tokens(line);
    t.forEach(({ c, escaped }, i) => {
      if (escaped) return;
      const prev = t[i - 1]?.c ?? '';
      const next = t[i + 1]?.c ?? '';
      const spaced = /\s/.test(prev) && /\s/.test(next);
      if ('[]<`'.includes(c)) found.push(`bare ${c} in ${JSON.stringify(line)}`);
      if ((c === '*' || c === '~') && !spaced) found.push(`bare ${c} that could emphasise`);
      if (c === '_' && !spaced && !(/[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next)))
        found.push('bare _ that could emphasise');
      if (
        c === '&' &&
        /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(
          t
            .slice(i)
            .map((x) => x.c)
            .join(''),
        )
      )
        found.push('an entity');
    });
    const start = line.replace(/^\s*/, '');
    if (/^(#{1,6}(\s|$)|>|[-+*](\s|$)|\d{1,9}[.)](\s|$)|=+\s*$|-+\s*$|(\*\s*){3,}$|(_\s*){3,}$)/.test(start))
      found.push(`a block at the start of ${JSON.stringify(line)}`);
    if (/(https?|ftp|mailto):|www\.|@[\p{L}\p{N}]/iu.test(line)) found.push('a bare address');
  }
  return found;
}

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const PIECES = [
  '#',
  '##',
  '###### ',
  '*',
  '**',
  '_',
  '__',
  '`',
  '```',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '!',
  '.',
  '1.',
  '2)',
  '10. ',
  '-',
  '- ',
  '+ ',
  '=',
  '===',
  '---',
  '|',
  '~',
  '~~',
  '&amp;',
  '&#169;',
  '&x',
  '\\',
  '\\*',
  'http://evil.example',
  'https://a.b/c?d=e',
  'www.example.org',
  'a@b.co',
  'MAILTO:x',
  'http://3232235777/phish',
  'http://localhost:8080/reset_password',
  'www.example.com',
  'HTTPS://X.Y',
  'me@-evil.com',
  '-@-a.bc',
  'x@_y.zz',
  'xmpp:a@b.cc',
  'ftp://f.tp',
  '@',
  '://',
  'www',
  '\n\t',
  '\n    ',
  '    ',
  ' ',
  '  ',
  '\n',
  '\n\n',
  'word',
  'snake_case',
  'café',
  '١٢',
  '😀',
  '\t',
  '![x](y)',
  '<b>',
  '[a]: http://x',
  '[^1]',
  ':::',
  '$x$',
  '0.5',
  'e.g.',
  '?',
];

function hostile(next: (n: number) => number): string {
  const n = 1 + next(12);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[next(PIECES.length)] ?? '';
  return s;
}

describe('people’s words in Markdown', () => {
  it('shows 3,000 generated hostile strings as their literal text, with nothing that could become markup', () => {
    const next = rng(20250614);
    for (let i = 0; i < 3_000; i++) {
      const s = hostile(next);
      const md = mdText(s);
      expect(literal(md), JSON.stringify(s)).toBe(s);
      expect(markupIn(md), JSON.stringify(s)).toEqual([]);
      // Inside a list item, every line stays indented under it.
      const item = mdText(s, { indent: '  ' });
      expect(literal(item, '  '), JSON.stringify(s)).toBe(s);
      expect(markupIn(item), JSON.stringify(s)).toEqual([]);
    }
  });

  it('leaves ordinary sentences alone: no backslash before a full stop, an exclamation mark or a hyphen', () => {
    for (const s of [
      'Lunch is at 12.30! Bring a friend.',
      'Is it safe? Mostly (at night, less so).',
      'We need 3-4 benches, e.g. by the pond.',
      'Cost: £5 + VAT = £6 — fine.',
      'A 20mph limit near the school; 2 * 3 = 6.',
      'Use the snake_case name, not this one.',
      'Wi-Fi in the library is slow!!!',
      'Café für alle. Ça va ! Ünlü.',
      'الحديقة مفتوحة للجميع.',
      '100% agree :) it is the #1 issue.',
    ])
      expect(mdText(s), s).toBe(s);
  });

  it('escapes what would become markup where it stands, and only there', () => {
    expect(mdText('# not a heading')).toBe('\\# not a heading');
    expect(mdText('1. first\n2) second')).toBe('1\\. first  \n2\\) second');
    expect(mdText('In 2025. We start')).toBe('In 2025. We start');
    expect(mdText('- a\n+ b\n> c')).toBe('\\- a  \n\\+ b  \n\\> c');
    expect(mdText('Idea\n===')).toBe('Idea  \n\\===');
    expect(mdText('**Free** [wifi](x) <b>now</b>')).toBe('\\*\\*Free\\*\\* \\[wifi\\](x) \\<b>now\\</b>');
    expect(mdText('`rm -rf`')).toBe('\\`rm -rf\\`');
    expect(mdText('Vote #')).toBe('Vote \\#');
    expect(mdText('a | b')).toBe('a | b');
    expect(mdText('a | b\n--- | ---')).toBe('a \\| b  \n--- \\| ---');
    expect(mdText('Tom &amp; Jerry & co')).toBe('Tom \\&amp; Jerry & co');
  });

  it('renders 3,000 generated hostile strings through a real GFM renderer as plain text: no link, no HTML, no code', () => {
    const next = rng(20250615);
    for (let i = 0; i < 3_000; i++) {
      const s = hostile(next);
      for (const html of [renderGfm(mdText(s)), renderGfm(`- ${mdText(s, { indent: '  ' })}\n`)]) {
        // Only the paragraph or list item written around it, and line breaks; nothing from the text itself.
        const extra = elementsIn(html).filter((tag) => !['p', 'br', 'ul', 'li'].includes(tag));
        expect(extra, `${JSON.stringify(s)} → ${html}`).toEqual([]);
        expect(renderedText(html), JSON.stringify(s)).toBe(s.replace(/\s+/g, ' ').trim());
      }
    }
  });

  it('makes no link of the addresses people write, by any GFM autolink rule', () => {
    for (const s of [
      'http://3232235777/phish',
      'http://localhost:8080/reset_password',
      'www.example.com',
      'go to WWW.Example.com/reset now',
      'me@example.org',
      'me@-evil.com or -@-a.bc or x@_y.zz',
      'mailto:me@example.org',
      'xmpp:me@example.org/home',
      'https://a.b/c?d=e#f',
      '<http://x.y>',
      '<me@example.org>',
      '[click](javascript:alert(1))',
      '[x]: http://ref.example\n[x]',
    ]) {
      const html = renderGfm(mdText(s));
      expect(html, s).not.toContain('<a ');
      expect(renderedText(html), s).toBe(s.replace(/\s+/g, ' ').trim());
    }
  });

  it('keeps web and mail addresses as text: no link, no autolink', () => {
    const md = mdText('See http://evil.example, www.example.org or write to me@example.org');
    expect(md).not.toMatch(/https?:|www\.|@e/);
    expect(md.replaceAll('\u200c', '')).toBe(
      'See http://evil.example, www.example.org or write to me@example.org',
    );
    expect(md).not.toContain('\\');
  });
});

describe('dates in Markdown', () => {
  const T = Date.UTC(2025, 5, 14, 10, 30);
  it('reads as a day and a time, not an ISO string', () => {
    expect(readableTime(T)).toBe('Saturday 14 June 2025, 10:30 UTC');
    expect(readableTime(new Date(T).toISOString())).toBe('Saturday 14 June 2025, 10:30 UTC');
    expect(readableTime(T, 'Europe/London')).toBe('Saturday 14 June 2025, 11:30');
    expect(readableDay('2025-09-01')).toBe('Monday 1 September 2025');
    expect(readableDay('someday')).toBe('someday');
  });
});
