/**
 * The series report (lib/series/report.ts) as a sequence of blocks in the language chosen at
 * export, shared by every writer: Markdown here, PDF and Word in server/series-docs.ts. So every
 * format says the same thing in the same order.
 */
import type { Block } from '../blocks';
import { printableText } from '../clean-text';
import { intlLocale } from '../i18n/locales';
import { ownDirection } from '../i18n/marks';
import type { ReportWords } from '../i18n/report';
import { mdText } from '../markdown';
import type { SeriesEvent, SeriesReport } from './report';

/** The blocks a series report uses: no quotes, labels or asides (it quotes nobody). */
export type SeriesBlock = Extract<Block, { kind: 'title' | 'h1' | 'h2' | 'p' | 'bullet' | 'sub' }>;

/**
 * "12 March 2026" (a calendar day, or the day of an ISO time) in the report's language. Without
 * the weekday the harvest report gives (`words.day`): here dates sit inside sentences and lists of
 * events, where "czwartek, 12 marca 2026" would read awkwardly.
 */
export function seriesDay(words: ReportWords, day: string): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(intlLocale(words.locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

export function seriesTitle(r: SeriesReport, words: ReportWords): string {
  return printableText(
    words.series('title', { title: ownDirection(r.title, words.locale), count: r.events.length }),
  );
}

export function seriesBlocks(r: SeriesReport, words: ReportWords): SeriesBlock[] {
  const s = words.series;
  const day = (d: string) => seriesDay(words, d);
  // The organisers' own words (titles, theme names, commitments) keep their own direction.
  const own = (text: string) => ownDirection(text, words.locale);
  const method = (e: SeriesEvent) => s('method', { method: e.method });
  const out: SeriesBlock[] = [{ kind: 'title', text: seriesTitle(r, words) }];
  out.push({ kind: 'p', text: s('intro', { date: day(r.madeAt), count: r.events.length }) });

  out.push({ kind: 'h1', text: s('events.heading') });
  for (const e of r.events)
    out.push({
      kind: 'bullet',
      text: s('events.line', {
        title: own(e.title),
        date: day(e.day),
        method: method(e),
        people: e.people,
        notes: e.notes,
      }),
    });

  const t = r.totals;
  out.push({ kind: 'h1', text: s('totals.heading') });
  out.push({ kind: 'bullet', text: s('totals.people', { count: t.people }) });
  out.push({ kind: 'bullet', text: s('totals.notes', { count: t.notes, share: t.anonymousShare }) });
  const c = t.commitments;
  const made = c.planned + c.in_progress + c.done + c.not_possible;
  out.push({
    kind: 'bullet',
    text:
      made === 0
        ? s('totals.noCommitments')
        : s('totals.commitments', {
            count: made,
            done: c.done,
            inProgress: c.in_progress,
            planned: c.planned,
            notPossible: c.not_possible,
          }),
  });
  if (t.eventsAskingGroups > 0) {
    out.push({ kind: 'h2', text: s('totals.groupsHeading') });
    out.push({
      kind: 'p',
      text: s('totals.groupsIntro', { asked: t.eventsAskingGroups, count: r.events.length }),
    });
    for (const g of t.groups)
      out.push({ kind: 'bullet', text: s('totals.group', { label: own(g.label), count: g.count }) });
    out.push({ kind: 'bullet', text: s('totals.notSaid', { count: t.notSaid }) });
  }

  out.push({ kind: 'h1', text: s('themes.heading') });
  for (const e of r.events) {
    out.push({ kind: 'h2', text: s('themes.event', { title: own(e.title), date: day(e.day) }) });
    if (!e.harvested) out.push({ kind: 'p', text: s('themes.notHarvested') });
    else if (e.themes.length === 0) out.push({ kind: 'p', text: s('themes.none') });
    for (const theme of e.themes) {
      out.push({ kind: 'bullet', text: s('themes.theme', { label: own(theme.label), count: theme.notes }) });
      const k = theme.commitment;
      if (!k) continue;
      out.push({ kind: 'sub', text: s('themes.what', { what: own(k.what) }) });
      if (k.who) out.push({ kind: 'sub', text: s('themes.who', { who: own(k.who) }) });
      if (k.due) out.push({ kind: 'sub', text: s('themes.due', { date: day(k.due) }) });
      out.push({
        kind: 'sub',
        text: k.updatedAt
          ? s('themes.statusUpdated', { status: k.status, date: day(k.updatedAt) })
          : s('themes.status', { status: k.status }),
      });
    }
  }

  out.push({ kind: 'h1', text: s('recurring.heading') });
  out.push({ kind: 'p', text: s('recurring.intro') });
  if (r.recurring.length === 0) out.push({ kind: 'p', text: s('recurring.none') });
  for (const theme of r.recurring) {
    out.push({
      kind: 'bullet',
      text: s('recurring.theme', { label: own(theme.label), count: theme.events, notes: theme.notes }),
    });
    for (const m of theme.members)
      out.push({
        kind: 'sub',
        text: s('recurring.member', {
          event: own(r.events[m.event]?.title ?? ''),
          label: own(m.label),
          notes: m.notes,
        }),
      });
  }
  // Every character a Word file holds must be one XML 1.0 allows; the PDF and Markdown say the same.
  return out.map((b) => ({ ...b, text: printableText(b.text) }));
}

/** The report as Markdown: the blocks as headings, paragraphs and (nested) lists. */
export function seriesMarkdown(r: SeriesReport, words: ReportWords): string {
  const out: string[] = [];
  let inList = false;
  for (const b of seriesBlocks(r, words)) {
    const listItem = b.kind === 'bullet' || b.kind === 'sub';
    if (inList && !listItem) out.push('');
    inList = listItem;
    switch (b.kind) {
      case 'title':
        out.push(`# ${mdText(b.text)}`, '');
        break;
      case 'h1':
        out.push(`## ${mdText(b.text)}`, '');
        break;
      case 'h2':
        out.push(`### ${mdText(b.text)}`, '');
        break;
      case 'p':
        out.push(mdText(b.text), '');
        break;
      case 'bullet':
        out.push(`- ${mdText(b.text, { indent: '  ' })}`);
        break;
      case 'sub':
        out.push(`  - ${mdText(b.text, { indent: '    ' })}`);
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
