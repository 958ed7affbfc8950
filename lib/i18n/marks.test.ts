import { describe, expect, it } from 'vitest';
import { directionOf, leftToRight, ownDirection } from './marks';

const LRM = '\u200e';
const RLM = '\u200f';

describe('people’s words in a document of the other direction', () => {
  it('take their direction from their first letter, as a screen’s dir="auto" does', () => {
    expect(directionOf('Street trees')).toBe('ltr');
    expect(directionOf('42 حديقة')).toBe('rtl');
    expect(directionOf('“Łódź”')).toBe('ltr');
    expect(directionOf('10:00–11:00')).toBeNull();
  });

  it('are set between two marks of their own direction, line by line, only where it differs', () => {
    expect(ownDirection('How do we make our town walkable?', 'ar')).toBe(
      `${LRM}How do we make our town walkable?${LRM}`,
    );
    expect(ownDirection('أشجار في كل شارع\nLimes by the school.\n', 'ar')).toBe(
      `أشجار في كل شارع\n${LRM}Limes by the school.${LRM}\n`,
    );
    expect(ownDirection('مقاعد أكثر!', 'en')).toBe(`${RLM}مقاعد أكثر!${RLM}`);
    // In the document's own direction, or without a letter, exactly as typed.
    for (const [text, locale] of [
      ['Street trees', 'en'],
      ['Ławki', 'pl'],
      ['حدائق', 'ar'],
      ['42!', 'ar'],
    ] as const)
      expect(ownDirection(text, locale)).toBe(text);
  });

  it('keep a time range reading left to right in a right-to-left document', () => {
    expect(leftToRight('10:00–11:00', 'ar')).toBe(`${LRM}10:00–11:00${LRM}`);
    expect(leftToRight('10:00–11:00', 'pl')).toBe('10:00–11:00');
  });
});
