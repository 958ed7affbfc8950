import { describe, expect, it } from 'vitest';
import { reportLocale, reportWords } from './report';

describe('the words of the reports', () => {
  it('are in the language chosen at export', () => {
    expect(reportWords('en').t('title', { title: 'Care' })).toBe('Care: what you told us');
    expect(reportWords('pl').t('title', { title: 'Opieka' })).toContain('powiedzieliście');
    expect(reportWords('ar').dir).toBe('rtl');
    expect(reportWords('en').list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(reportWords('ar').number(1204)).toMatch(/^1.?204$/);
  });

  it('write days and times out in that language, in UTC', () => {
    expect(reportWords('en').day('2026-07-06')).toBe('Monday 6 July 2026');
    expect(reportWords('pl').day('2026-07-06')).toBe('poniedziałek, 6 lipca 2026');
    expect(reportWords('ar').day('2026-07-06')).toBe('الاثنين، 6 يوليو 2026');
    expect(reportWords('pl').day('someday')).toBe('someday');
    // 23:30 UTC on the 5th: the day and the time of that moment in UTC, wherever the server is.
    const late = Date.UTC(2026, 6, 5, 23, 30);
    expect(reportWords('pl').dayOf(late)).toBe('niedziela, 5 lipca 2026');
    expect(reportWords('ar').time(new Date(late).toISOString())).toBe('23:30');
  });

  it('take the language from the query, English when none is asked for, and refuse any other', () => {
    expect(reportLocale(null)).toBe('en');
    expect(reportLocale('')).toBe('en');
    expect(reportLocale('ar')).toBe('ar');
    expect(reportLocale('de')).toBeNull();
    expect(reportLocale('EN')).toBeNull();
  });
});

describe('each document has its own words', () => {
  it('in every language, plurals included', () => {
    expect(reportWords('en').series('title', { title: 'Care', count: 3 })).toBe(
      'Care: what you told us across 3 events',
    );
    expect(reportWords('pl').series('title', { title: 'Opieka', count: 5 })).toContain('5 wydarzeń');
    expect(reportWords('ar').kit('poster')).toBe('ما قلتموه لنا');
    expect(reportWords('en').proc('title', { title: 'Day' })).toBe('Day: book of proceedings');
    expect(reportWords('pl').ev('heading')).toBe('Dowody zaangażowania');
  });
});
