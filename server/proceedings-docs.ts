/**
 * The book of proceedings as documents to print or edit: PDF and Word (server/document.ts), in
 * the book's language. Both are written from the same blocks, and say what the Markdown says
 * (lib/openspace/proceedings.ts). People's words are written as printable text
 * (lib/clean-text.ts), so whatever was typed the Word file is valid XML and the PDF is drawn.
 */
import { printableText } from '../lib/clean-text';
import { ownDirection } from '../lib/i18n/marks';
import { reportWords } from '../lib/i18n/report';
import { convenedBy, ownersLine, type Proceedings, whereOf, whoWasThere } from '../lib/openspace/proceedings';
import { type Block, blocksDocx, blocksPdf } from './document';

function blocks(p: Proceedings): Block[] {
  const w = reportWords(p.language);
  /** People's words, each line kept in its own direction (lib/i18n/marks.ts). */
  const own = (s: string) => ownDirection(s, p.language);
  const out: Block[] = [{ kind: 'title', text: w.proc('title', { title: own(p.title) }) }];
  if (p.theme) out.push({ kind: 'p', text: `${w.proc('theme')} ${own(p.theme)}` });
  if (p.purpose) out.push({ kind: 'p', text: own(p.purpose) });
  out.push(
    {
      kind: 'p',
      text: w.proc('tookPart', {
        people: p.participants.joined,
        anonymous: p.participants.anonymous,
        sessions: p.sessions.length,
      }),
    },
    { kind: 'aside', text: w.proc('exported', { time: w.time(p.exportedAt) }) },
    { kind: 'h1', text: w.proc('sessions') },
  );
  p.sessions.forEach((s, i) => {
    out.push({ kind: 'h2', text: `${i + 1}. ${own(s.title)}` });
    const where = whereOf(s, w, own);
    if (where) out.push({ kind: 'aside', text: where });
    out.push({ kind: 'p', text: convenedBy(s, w, own) });
    if (s.description) out.push({ kind: 'p', text: own(s.description) });
    const r = s.report;
    if (r) {
      const who = whoWasThere(r, w, own);
      if (who) out.push({ kind: 'p', text: `${w.proc('whoWasThere')} ${who}` });
      for (const [label, text] of [
        [w.proc('keyPoints'), r.keyPoints],
        [w.proc('questions'), r.questions],
        [w.proc('proposedActions'), r.actions],
      ] as const)
        if (text) out.push({ kind: 'label', text: label }, { kind: 'p', text: own(text) });
    } else {
      out.push({ kind: 'aside', text: w.proc('noReport') });
    }
    if (s.notes.length) {
      out.push({ kind: 'label', text: w.proc('notes') });
      for (const n of s.notes) out.push({ kind: 'bullet', text: own(n) });
    }
  });
  const voted = p.convergence.filter((c) => c.dots > 0);
  if (voted.length) {
    out.push({ kind: 'h1', text: w.proc('convergence') });
    voted.forEach((c, i) => {
      out.push({
        kind: 'p',
        text: `${i + 1}. ${own(c.title)}: ${w.proc('dots', { dots: c.dots, voters: c.voters })}`,
      });
    });
  }
  if (p.actions.length) {
    out.push({ kind: 'h1', text: w.proc('actionPlans') });
    for (const a of p.actions) {
      out.push(
        { kind: 'h2', text: own(a.title) },
        { kind: 'p', text: w.proc('from', { session: own(a.session) }) },
      );
      if (a.nextStep) out.push({ kind: 'p', text: w.proc('nextStep', { step: own(a.nextStep) }) });
      if (a.due) out.push({ kind: 'p', text: w.proc('by', { day: w.day(a.due) }) });
      out.push({ kind: 'p', text: ownersLine(a.owners, w, own) });
    }
  }
  // Every character a Word file holds must be one XML 1.0 allows; the PDF says the same.
  return out.map((b) => ({ ...b, text: printableText(b.text) }));
}

/** The document's own title (its properties). */
const docTitle = (p: Proceedings) => printableText(reportWords(p.language).proc('title', { title: p.title }));

/**
 * People's line breaks stay line breaks, and a line in the other direction than the book's (an
 * Arabic note in an English book) is written in its own: in the PDF line by line, in Word as its
 * own run, right to left only when it has right-to-left letters.
 */
export function proceedingsPdf(p: Proceedings): Promise<Buffer> {
  return blocksPdf(docTitle(p), blocks(p), { locale: p.language, linesInOwnDirection: true, h2Before: 0.4 });
}

export function proceedingsDocx(p: Proceedings): Promise<Buffer> {
  return blocksDocx(docTitle(p), blocks(p), { locale: p.language, lineRuns: true });
}
