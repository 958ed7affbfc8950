import { describe, expect, it } from 'vitest';
import { type LabelContext, type LabelMember, phraseLabel, shortened } from './labels';
import { analyse, questionTerms } from './theming-text';

const member = (text: string, count = 1): LabelMember => ({ text, count, analysed: analyse(text) });

/** Label context where `all` is every note of the question. */
function context(all: LabelMember[], question?: string): LabelContext {
  const dfAll = new Map<string, number>();
  for (const m of all) for (const t of new Set(m.analysed.terms)) dfAll.set(t, (dfAll.get(t) ?? 0) + m.count);
  return { dfAll, total: all.reduce((s, m) => s + m.count, 0), question: questionTerms(question) };
}

describe('phraseLabel', () => {
  const bins = [
    member('Bins overflowing at the weekend, rubbish everywhere'),
    member('Litter and overflowing bins near the play area'),
    member('Overflowing bins by the gate'),
  ];
  const others = [member('Paths too dark at night'), member('No public toilets open after 4pm')];

  it('takes a phrase the notes wrote, covering the words the theme shares', () => {
    const label = phraseLabel(bins, context([...bins, ...others]));
    expect(label.label).toBe('overflowing bins');
    expect(label.terms).toEqual(analyse('overflowing bins').terms.sort());
  });

  it('avoids the words of labels already given in the question', () => {
    const avoid = new Set(analyse('bins').terms);
    const label = phraseLabel(bins, context([...bins, ...others]), avoid);
    expect(analyse(label.label).terms).not.toContain(analyse('bins').terms[0]);
    expect(label.label.split(' ').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps names as written, lowercases sentence starts, and never shows a digit', () => {
    const lane = [
      member('The allotments on Mill Lane are great'),
      member('Allotments on Mill Lane, call 07700 900123'),
      member('More allotments on Mill Lane'),
    ];
    const label = phraseLabel(lane, context([...lane, ...others]));
    expect(label.label).toMatch(/^allotments on Mill Lane$/);
    expect(label.label).not.toMatch(/\d/);
  });

  it('never labels a theme with the question words only; falls back to a shortened note', () => {
    const notes = [member('Parks!'), member('parks parks'), member('the parks')];
    const label = phraseLabel(notes, context(notes, 'What about the parks?'), new Set(), notes[0]);
    expect(label.label).toBe('Parks');
    expect(shortened(member('Call me on 0123 456 789 about the long waiting list for allotments'))).toBe(
      'Call me on about the long',
    );
    expect(shortened(undefined)).toBe('untitled');
  });

  it('is deterministic whatever the order of the members', () => {
    const a = phraseLabel(bins, context([...bins, ...others]));
    const b = phraseLabel([...bins].reverse(), context([...others, ...bins]));
    expect(b).toEqual(a);
  });
});

describe('phraseLabel with every phrase taken', () => {
  it('falls back to the start of the representative note rather than repeat a word of another label', () => {
    const notes = [member('Toilets!'), member('toilets toilets'), member('Toilets')];
    const all = [...notes, member('Paths too dark at night')];
    const avoid = new Set(analyse('toilets').terms);
    const label = phraseLabel(notes, context(all), avoid, member('Open late please'));
    expect(label.label).toBe('Open late please');
    // … and only when that shares a word too, the best candidate anyway (a label is never empty).
    const forced = phraseLabel(notes, context(all), avoid, member('toilets'));
    expect(forced.label.toLowerCase()).toBe('toilets');
  });
});

describe('phraseLabel word boundaries', () => {
  it('never cuts a written word ("today | \'s")', () => {
    const notes = [
      member("Celibacy is outdated in today's society"),
      member("Outdated rules in today's world"),
      member('Outdated in a modern world'),
    ];
    const label = phraseLabel(notes, context([...notes, member('Priests need families')]));
    expect(label.label).not.toMatch(/today$/);
    const written = notes.some((n) => n.text.toLowerCase().includes(label.label.toLowerCase()));
    expect(written).toBe(true);
  });
});
