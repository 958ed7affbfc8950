/**
 * The series report (lib/series/report.ts) as a PDF and a Word file (server/document.ts), both
 * written from the same blocks as its Markdown (lib/series/document.ts), in the language chosen at
 * export. Arabic reads right to left; its Word paragraphs are also aligned to the right.
 */
import type { ReportWords } from '../lib/i18n/report';
import { seriesBlocks, seriesTitle } from '../lib/series/document';
import type { SeriesReport } from '../lib/series/report';
import { blocksDocx, blocksPdf } from './document';

export function seriesPdf(r: SeriesReport, words: ReportWords): Promise<Buffer> {
  return blocksPdf(seriesTitle(r, words), seriesBlocks(r, words), { locale: words.locale });
}

export function seriesDocx(r: SeriesReport, words: ReportWords): Promise<Buffer> {
  return blocksDocx(seriesTitle(r, words), seriesBlocks(r, words), {
    locale: words.locale,
    alignRight: true,
  });
}
