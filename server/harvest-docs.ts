/**
 * The harvest as a readable report: PDF and Word (server/document.ts), written from the same
 * report model as the Markdown, in its language (`HarvestReport.language`), so every format says
 * the same thing. An Arabic report reads right to left. People's words are written as printable
 * text (lib/clean-text.ts), so whatever was typed the Word file is valid XML and the PDF is drawn.
 */
import { printableText } from '../lib/clean-text';
import {
  actionLine,
  commitmentLine,
  evaluationLines,
  type HarvestReport,
  updateHeading,
} from '../lib/harvest/report';
import { ownDirection } from '../lib/i18n/marks';
import { reportWords } from '../lib/i18n/report';
import { type Block, blocksDocx, blocksPdf } from './document';

function blocks(r: HarvestReport): Block[] {
  const w = reportWords(r.language);
  const { t } = w;
  /** People's words, each line kept in its own direction (lib/i18n/marks.ts). */
  const own = (s: string) => ownDirection(s, r.language);
  const out: Block[] = [{ kind: 'title', text: t('title', { title: own(r.title) }) }];
  if (r.purpose) out.push({ kind: 'p', text: own(r.purpose) });
  out.push({ kind: 'p', text: t('tookPart', { method: r.method, people: r.participation.people }) });
  out.push({ kind: 'h1', text: t('questions') });
  for (const q of r.questions) out.push({ kind: 'bullet', text: own(q) });
  out.push({ kind: 'h1', text: t('themes') });
  r.themes.forEach((theme, i) => {
    out.push({ kind: 'h2', text: `${i + 1}. ${own(theme.label)}` });
    out.push({
      kind: 'p',
      text: t('theme', {
        notes: theme.notes,
        spread: theme.spread,
        dots: theme.dots,
        voters: theme.voters,
        question: own(theme.question),
      }),
    });
    for (const q of theme.quotes.length ? theme.quotes : theme.examples)
      out.push({ kind: 'quote', text: t('quote', { text: own(q) }) });
    const c = theme.commitment;
    if (c) {
      out.push({ kind: 'p', text: `${t('willDo')} ${own(c.what)}` });
      if (c.who) out.push({ kind: 'bullet', text: t('who', { who: own(c.who) }) });
      if (c.due) out.push({ kind: 'bullet', text: t('due', { date: w.day(c.due) }) });
      out.push({ kind: 'bullet', text: t('status', { status: commitmentLine(c, w) }) });
      for (const u of c.history) {
        const update = updateHeading(u, w);
        out.push({ kind: 'bullet', text: u.note ? t('updateNote', { update, note: own(u.note) }) : update });
      }
    }
  });
  if (r.actions.length) {
    out.push({ kind: 'h1', text: t('actions') });
    for (const a of r.actions) out.push({ kind: 'bullet', text: actionLine(a, w, own) });
  }
  out.push({ kind: 'h1', text: t('whoTookPart') });
  const p = r.participation;
  out.push({
    kind: 'bullet',
    text: t('people', {
      people: p.people,
      anonymous: p.anonymousPeople,
      notes: p.notes,
      share: p.anonymousNoteShare,
    }),
  });
  for (const round of p.byRound)
    out.push({
      kind: 'bullet',
      text: t('byRound', { question: own(round.question), notes: round.notes, tables: round.tables }),
    });
  for (const s of p.bySession)
    out.push({ kind: 'bullet', text: t('bySession', { title: own(s.title), notes: s.notes }) });
  if (r.votes.dots)
    out.push({ kind: 'bullet', text: t('votes', { voters: r.votes.voters, dots: r.votes.dots }) });
  out.push({ kind: 'h1', text: w.ev('heading') });
  out.push({ kind: 'p', text: w.ev('intro') });
  for (const e of r.evidence) {
    out.push({ kind: 'h2', text: e.heading });
    for (const pt of e.points) out.push({ kind: 'bullet', text: pt });
  }
  if (r.evaluation) {
    const e = evaluationLines(r.evaluation, w);
    out.push({ kind: 'h2', text: t('evaluation.heading') });
    for (const pt of e.points) out.push({ kind: 'bullet', text: pt });
    if (e.question) {
      out.push({ kind: 'p', text: t('evaluation.openAnswers', { question: own(e.question) }) });
      for (const a of e.open) out.push({ kind: 'quote', text: t('quote', { text: own(a) }) });
    }
  }
  // Every character a Word file holds must be one XML 1.0 allows; the PDF says the same.
  return out.map((b) => ({ ...b, text: printableText(b.text) }));
}

/** The document's own title (its properties), from the report's title. */
const docTitle = (r: HarvestReport) => printableText(reportWords(r.language).t('title', { title: r.title }));

export function harvestPdf(r: HarvestReport): Promise<Buffer> {
  return blocksPdf(docTitle(r), blocks(r), { locale: r.language });
}

export function harvestDocx(r: HarvestReport): Promise<Buffer> {
  return blocksDocx(docTitle(r), blocks(r), { locale: r.language });
}
