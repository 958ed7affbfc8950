/** Dates typed as "2026-06-01" (a day, no time), written out in the reader's language. */
import type { useFormatter } from 'next-intl';

export function formatDay(format: ReturnType<typeof useFormatter>, day: string): string {
  // Read and written as UTC, so the day never shifts with the phone's time zone.
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return format.dateTime(date, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
