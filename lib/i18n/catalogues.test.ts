/**
 * Every language is complete: each English message exists, is not empty, and has the same
 * placeholders and tags in every other catalogue; plurals give every form the language needs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { dirOf, guessLocale, intlLocale, LOCALES, type Locale, PARTS, requestLocale } from './locales';

const dir = path.join(import.meta.dirname, '../../messages');
type Tree = { [key: string]: string | Tree };
/** The phone's catalogue of a language, or one part's (`messages/<part>/<locale>.json`). */
const load = (locale: string, part?: string): Tree =>
  JSON.parse(fs.readFileSync(path.join(dir, part ?? '', `${locale}.json`), 'utf8'));

/** "namespace.key" → message. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    if (v !== null && typeof v === 'object')
      for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, v);
  }
  return out;
}

interface Shape {
  /** Placeholders, e.g. `{table}`, `{count, plural, …}`. */
  args: Set<string>;
  /** Tags, e.g. `<ltr>…</ltr>`. */
  tags: Set<string>;
  /** Each plural's branches, by its argument. */
  plurals: Map<string, Set<string>>;
}

function shapeOf(message: string): Shape {
  const shape: Shape = { args: new Set(), tags: new Set(), plurals: new Map() };
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      switch (el.type) {
        case TYPE.argument:
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          shape.args.add(el.value);
          break;
        case TYPE.plural:
        case TYPE.select:
          shape.args.add(el.value);
          if (el.type === TYPE.plural) shape.plurals.set(el.value, new Set(Object.keys(el.options)));
          for (const option of Object.values(el.options)) walk(option.value);
          break;
        case TYPE.tag:
          shape.tags.add(el.value);
          walk(el.children);
          break;
      }
    }
  };
  walk(parse(message));
  return shape;
}

describe('message catalogues', () => {
  it('the parts are the folders beside the phone’s catalogues, and each part is its own namespace', () => {
    const folders = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.sort()).toEqual([...PARTS].sort());
    const phone = Object.keys(load('en'));
    for (const part of PARTS) expect(phone, part).not.toContain(part);
  });

  for (const part of [undefined, ...PARTS]) {
    describe(part ?? 'phone', () => {
      const en = flatten(load('en', part));
      it('there is one catalogue for each language offered, and no other', () => {
        const files = fs
          .readdirSync(path.join(dir, part ?? ''))
          .filter((f) => f.endsWith('.json'))
          .map((f) => f.replace(/\.json$/, ''));
        expect(files.sort()).toEqual([...LOCALES].sort());
      });

      it('every English message is a non-empty string that parses', () => {
        expect(en.size).toBeGreaterThan(part ? 0 : 150);
        for (const [key, message] of en) {
          expect(typeof message, key).toBe('string');
          expect((message as string).trim(), key).not.toBe('');
          expect(() => shapeOf(message as string), key).not.toThrow();
        }
      });

      for (const locale of LOCALES.filter((l) => l !== 'en')) {
        describe(locale, () => {
          const messages = flatten(load(locale, part));

          it('has every English key, and no key English lacks', () => {
            expect(
              [...messages.keys()].filter((k) => !en.has(k)),
              'extra',
            ).toEqual([]);
            expect(
              [...en.keys()].filter((k) => !messages.has(k)),
              'missing',
            ).toEqual([]);
          });

          it('has no empty message', () => {
            for (const [key, message] of messages) {
              expect(typeof message, key).toBe('string');
              expect((message as string).trim(), key).not.toBe('');
            }
          });

          it('keeps the same placeholders and tags as English', () => {
            for (const [key, english] of en) {
              const message = messages.get(key);
              if (typeof message !== 'string') continue;
              const want = shapeOf(english as string);
              const got = shapeOf(message);
              expect([...got.args].sort(), `${locale} ${key}`).toEqual([...want.args].sort());
              expect([...got.tags].sort(), `${locale} ${key}`).toEqual([...want.tags].sort());
              expect([...got.plurals.keys()].sort(), `${locale} ${key}`).toEqual(
                [...want.plurals.keys()].sort(),
              );
            }
          });

          it('gives every plural each form the language has, and no form it lacks', () => {
            const categories = new Set<string>(
              new Intl.PluralRules(intlLocale(locale)).resolvedOptions().pluralCategories,
            );
            for (const [key, message] of messages) {
              if (typeof message !== 'string') continue;
              for (const [arg, branches] of shapeOf(message).plurals) {
                const named = [...branches].filter((b) => !b.startsWith('='));
                expect(
                  [...categories].filter((c) => !branches.has(c)),
                  `${locale} ${key} {${arg}} is missing`,
                ).toEqual([]);
                expect(
                  named.filter((b) => !categories.has(b)),
                  `${locale} ${key} {${arg}} has forms the language lacks`,
                ).toEqual([]);
              }
            }
          });
        });
      }
    });
  }

  it('chooses the right plural forms', () => {
    const say = (
      locale: Locale,
      key: 'lobby.joinedSoFar' | 'vote.dotsLeft',
      values: Record<string, number>,
    ) =>
      createTranslator({ locale: intlLocale(locale), messages: load(locale) as never })(
        key as never,
        values as never,
      );
    expect(say('en', 'lobby.joinedSoFar', { count: 1 })).toBe('1 person has joined so far.');
    expect(say('en', 'vote.dotsLeft', { left: 2, total: 3 })).toBe('You have 2 of 3 dots left.');
    expect(say('pl', 'lobby.joinedSoFar', { count: 1 })).toBe('Do tej pory dołączyła 1 osoba.');
    expect(say('pl', 'lobby.joinedSoFar', { count: 3 })).toBe('Do tej pory dołączyły 3 osoby.');
    expect(say('pl', 'lobby.joinedSoFar', { count: 12 })).toBe('Do tej pory dołączyło 12 osób.');
    expect(say('pl', 'lobby.joinedSoFar', { count: 22 })).toBe('Do tej pory dołączyły 22 osoby.');
    expect(say('ar', 'lobby.joinedSoFar', { count: 2 })).toBe('انضم شخصان حتى الآن.');
    // Arabic keeps Western digits, as on the projector and the table signs.
    expect(say('ar', 'lobby.joinedSoFar', { count: 5 })).toBe('انضم 5 أشخاص حتى الآن.');
    expect(say('ar', 'lobby.joinedSoFar', { count: 11 })).toBe('انضم 11 شخصًا حتى الآن.');
  });
});

describe('choosing a language', () => {
  it('takes the first of the browser’s languages that we have', () => {
    expect(guessLocale(['pl-PL', 'en-GB'])).toBe('pl');
    expect(guessLocale(['de-DE', 'ar-EG', 'pl'])).toBe('ar');
    expect(guessLocale(['AR'])).toBe('ar');
    expect(guessLocale(['de', 'fr'])).toBe('en');
    expect(guessLocale([])).toBe('en');
  });

  it('on the server: the phone’s earlier choice, else its Accept-Language by preference', () => {
    expect(requestLocale('ar', 'pl-PL,pl;q=0.9')).toBe('ar');
    expect(requestLocale('xx', 'pl-PL,pl;q=0.9,en;q=0.8')).toBe('pl');
    expect(requestLocale(undefined, 'de-DE,de;q=0.9,ar;q=0.8,pl;q=0.7')).toBe('ar');
    expect(requestLocale(undefined, 'en;q=0.5, pl;q=0.8')).toBe('pl');
    expect(requestLocale(undefined, 'pl;q=0, ar')).toBe('ar');
    expect(requestLocale(undefined, '*')).toBe('en');
    expect(requestLocale(undefined, null)).toBe('en');
  });

  it('reads Arabic right to left and the others left to right', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('pl')).toBe('ltr');
    expect(dirOf('en')).toBe('ltr');
  });
});
