import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, normalizedMutualInfo } from './theming-metrics';

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under different label names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ['b', 'b', 'a', 'a', 'c'])).toBe(1);
  });

  it('matches a hand-computed case', () => {
    // Contingency [[2,1,0],[0,1,2]]: index 2, row pairs 6, column pairs 3, C(6,2) = 15,
    // expected 6·3/15 = 1.2, max (6+3)/2 = 4.5 → (2 − 1.2) / (4.5 − 1.2) = 0.8 / 3.3.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 12);
  });

  it('is negative for worse-than-chance agreement', () => {
    // Every cell holds 1: index 0, expected 2·2/6, max 2 → −(2/3) / (4/3) = −0.5.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it('is 0 for one group against all singletons', () => {
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  it('treats the degenerate identical cases as perfect', () => {
    expect(adjustedRandIndex([1, 1, 1], [2, 2, 2])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [5, 6, 7])).toBe(1);
    expect(adjustedRandIndex([], [])).toBe(1);
  });

  it('is symmetric', () => {
    const a = [0, 0, 1, 1, 1, 2, 2, 3];
    const b = [1, 1, 1, 0, 0, 2, 3, 3];
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
  });

  it('rejects arrays of different length', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/length/);
  });
});

describe('normalizedMutualInfo', () => {
  it('is 1 for the same partition', () => {
    expect(normalizedMutualInfo([0, 0, 1, 1], ['x', 'x', 'y', 'y'])).toBeCloseTo(1, 12);
  });

  it('is 0 for independent partitions', () => {
    expect(normalizedMutualInfo([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 12);
  });

  it('matches a hand-computed case', () => {
    // MI = 2 · (2/6)·ln(6·2/(3·2)) = (2/3)·ln 2; H(a) = ln 2, H(b) = ln 3; arithmetic-mean normalisation.
    const expected = ((2 / 3) * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2);
    expect(normalizedMutualInfo([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.5158, 4);
  });

  it('handles single-group labelings', () => {
    expect(normalizedMutualInfo([1, 1, 1], [2, 2, 2])).toBe(1);
    expect(normalizedMutualInfo([1, 1, 1], [0, 1, 2])).toBe(0);
  });
});
