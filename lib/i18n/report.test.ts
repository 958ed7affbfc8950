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

  it('write days and times in the report’s language, English exactly as the other exports do', () => {
    expect(reportWords('en').day('2025-07-01')).toBe('Tuesday 1 July 2025');
    expect(reportWords('pl').day('2025-07-01')).toBe('wtorek, 1 lipca 2025');
    expect(reportWords('ar').day('2025-07-01')).toBe('الثلاثاء، 1 يوليو 2025');
    const at = Date.UTC(2025, 5, 14, 17, 5);
    expect(reportWords('en').time(at)).toBe('Saturday 14 June 2025, 17:05 UTC');
    expect(reportWords('pl').time(new Date(at).toISOString())).toBe('sobota, 14 czerwca 2025 17:05 UTC');
    expect(reportWords('ar').time(at)).toBe('السبت، 14 يونيو 2025 في 17:05 UTC');
    // Something that is not a date is shown as it is.
    expect(reportWords('pl').day('soon')).toBe('soon');
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
    expect(reportWords('ar').kit('told.title')).toBe('ما قلتموه لنا');
    expect(reportWords('en').proc('title', { title: 'Day' })).toBe('Day: book of proceedings');
    expect(reportWords('pl').ev('heading')).toBe('Dowody zaangażowania');
  });
});
