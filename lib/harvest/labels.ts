/**
 * Theme labels a facilitator can put on a projector as they are: a short phrase (2–6 words) taken
 * from the theme's own notes, in the form a note wrote it ("overflowing bins", "safe crossing on the
 * main road"), never a comma list of keywords.
 *
 * Every stretch of 1–6 words inside one note (not across punctuation, starting and ending on a
 * content word: noun, proper noun, adjective or verb) is a candidate. A candidate is worth the sum,
 * over its distinct terms (stems), of how distinctive the term is for the theme (share of the
 * theme's notes holding it, squared, × √(that share / its share in the whole question) × how rare the word is
 * in English, when word vectors give that), less a cost per word, so that a word is only added when
 * it says enough. A phrase of two words or more is always preferred to a single word; among equal phrases the one written by more notes, then the shorter, then the first in code-unit
 * order wins, so labels are deterministic.
 * Terms already used by another label of the same question are avoided (two themes never get
 * labels with the same head word): a candidate holding one is taken only when nothing else is left,
 * not even the start of the representative note. Privacy: nothing with a digit (phone or house numbers, dates),
 * and never a label made only of the question's words. When no candidate qualifies, the label is
 * the theme's representative note cut to at most six words at a word boundary.
 */
import { type AnalysedText, analyse, type Token } from './theming-text';

export interface LabelMember {
  analysed: AnalysedText;
  /** Notes folded into this item (copies count). */
  count: number;
  text: string;
}

export interface LabelContext {
  /** Notes (copies counted) of the whole question holding each term. */
  dfAll: Map<string, number>;
  /** Notes of the whole question, copies counted. */
  total: number;
  /** Terms of the question: they say nothing about a theme. */
  question: Set<string>;
  /** How rare a term is in English, 0–1 (1 = rare), when known. */
  rarity?: (term: string) => number;
}

export interface Label {
  label: string;
  /** Distinct terms (stems) of the label's content words. */
  terms: string[];
}

/** Longest label, in words. */
export const MAX_LABEL_WORDS = 6;
const MAX_LABEL_CHARS = 60;
/** Cost of one content word / one function word, as a share of the theme's best term weight. */
const CONTENT_COST = 0.3;
const FUNCTION_COST = 0.06;
/** Bonus for a phrase that ends on a noun ("birds and wildlife" rather than "wildlife right"). */
const NOUN_END_BONUS = 0.1;
/** Cost of a term already used by another label of the question, as a share of the best weight. */
const AVOID_COST = 3;
const EDGE_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'VERB']);
const BREAK_POS = new Set(['PUNCT', 'SYM', 'X', 'SPACE']);

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Terms held by each member, once per member. */
function termSets(members: readonly LabelMember[]): Set<string>[] {
  return members.map((m) => new Set(m.analysed.terms));
}

/** Weight of each term for the theme: distinctive, frequent in the theme, rare in English. */
export function termWeights(members: readonly LabelMember[], ctx: LabelContext): Map<string, number> {
  const size = members.reduce((s, m) => s + m.count, 0);
  const dfIn = new Map<string, number>();
  termSets(members).forEach((set, k) => {
    for (const t of set) dfIn.set(t, (dfIn.get(t) ?? 0) + (members[k] as LabelMember).count);
  });
  const weights = new Map<string, number>();
  for (const [t, d] of dfIn) {
    if (ctx.question.has(t) || /\d/.test(t)) {
      weights.set(t, 0);
      continue;
    }
    const pIn = d / size;
    const pAll = Math.max(d, ctx.dfAll.get(t) ?? d) / Math.max(1, ctx.total);
    const rare = ctx.rarity ? ctx.rarity(t) : 1;
    // pIn squared: a word of one note in a theme of three says little about the theme.
    weights.set(t, pIn * pIn * Math.sqrt(pIn / pAll) * Math.sqrt(rare));
  }
  return weights;
}

/**
 * The written form of tokens a..b: lower case except names and acronyms, with the note's spacing. A
 * capital at the start of a sentence is not a name, whatever the tagger says.
 */
function written(tokens: readonly Token[], a: number, b: number): string {
  let out = '';
  for (let i = a; i <= b; i++) {
    const t = tokens[i] as Token;
    const startsSentence = i === 0 || /^[.!?]+$/.test((tokens[i - 1] as Token).text);
    const keep = (t.pos === 'PROPN' && !startsSentence) || /^[A-Z]{2,}$/.test(t.text) || t.text === 'I';
    if (i > a && t.space) out += ' ';
    out += keep ? t.text : t.text.toLowerCase();
  }
  return out;
}

interface Candidate {
  form: string;
  terms: string[];
  words: number;
  score: number;
  /** Notes (copies counted) that wrote this exact phrase. */
  support: number;
}

/** Chooses the label of one theme. `avoid`: terms of labels already given in the same question. */
export function phraseLabel(
  members: readonly LabelMember[],
  ctx: LabelContext,
  avoid: ReadonlySet<string> = new Set(),
  fallback?: LabelMember,
  /** Notes phrases are taken from (default: all members; a big theme passes its most central ones). */
  sources: readonly LabelMember[] = members,
): Label {
  const weights = termWeights(members, ctx);
  let best = 0;
  for (const w of weights.values()) best = Math.max(best, w);
  const byForm = new Map<string, Candidate>();
  if (best > 0) {
    for (const m of sources) {
      const tokens = m.analysed.tokens;
      const seenHere = new Set<string>();
      for (let a = 0; a < tokens.length; a++) {
        const first = tokens[a] as Token;
        if (first.term === undefined || !EDGE_POS.has(first.pos) || /\d/.test(first.text)) continue;
        let words = 0;
        for (let b = a; b < tokens.length && words < MAX_LABEL_WORDS; b++) {
          const t = tokens[b] as Token;
          if (BREAK_POS.has(t.pos) || /\d/.test(t.text)) break;
          // Contractions ("n't", "'s") are part of the word before them.
          if (b === a || t.space) words++;
          if (t.term === undefined || !EDGE_POS.has(t.pos)) continue;
          // Not in the middle of a noun phrase ("benches for older | people").
          const next = tokens[b + 1];
          if (t.pos === 'ADJ' && next && (next.pos === 'NOUN' || next.pos === 'PROPN')) continue;
          // Nor in the middle of a written word ("today | 's").
          if (next && !next.space && !BREAK_POS.has(next.pos)) continue;
          const form = written(tokens, a, b);
          if (form.length > MAX_LABEL_CHARS || seenHere.has(form)) continue;
          seenHere.add(form);
          const had = byForm.get(form);
          if (had) {
            had.support += m.count;
            continue;
          }
          const terms = new Set<string>();
          let gain = 0;
          let cost = 0;
          for (let k = a; k <= b; k++) {
            const term = (tokens[k] as Token).term;
            if (term === undefined) {
              cost += FUNCTION_COST * best;
              continue;
            }
            cost += CONTENT_COST * best;
            if (terms.has(term)) continue;
            terms.add(term);
            gain += weights.get(term) ?? 0;
            if (avoid.has(term)) cost += AVOID_COST * best;
          }
          // A phrase says two things ("toilets toilets" is not one).
          if (gain <= 0 || (words >= 2 && terms.size < 2)) continue;
          if (t.pos === 'NOUN' || t.pos === 'PROPN') gain += NOUN_END_BONUS * best;
          byForm.set(form, { form, terms: [...terms], words, score: gain - cost, support: m.count });
        }
      }
    }
  }
  const candidates = [...byForm.values()];
  const rank = (x: Candidate, y: Candidate) =>
    y.score - x.score || y.support - x.support || x.words - y.words || byCodeUnit(x.form, y.form);
  const phrases = candidates.filter((c) => c.words >= 2).sort(rank);
  const singles = candidates.filter((c) => c.words < 2).sort(rank);
  // A phrase whenever the notes have one; a single word only when they do not. Never a word of
  // another label of the question while anything else is left: then the start of the
  // representative note, and only if that too shares a word, the best candidate regardless.
  const clean = (c: Candidate) => !c.terms.some((t) => avoid.has(t));
  const chosen = phrases.find(clean) ?? singles.find(clean);
  if (chosen) return { label: chosen.form, terms: chosen.terms.sort(byCodeUnit) };
  const start = shortened(fallback ?? members[0]);
  const startTerms = [...new Set(analyse(start).terms)].sort(byCodeUnit);
  const other = phrases[0] ?? singles[0];
  if (other && startTerms.some((t) => avoid.has(t)))
    return { label: other.form, terms: other.terms.sort(byCodeUnit) };
  return { label: start, terms: startTerms };
}

/** The start of a note, at most six words, no digits, cut at a word boundary. */
export function shortened(member: LabelMember | undefined): string {
  const words = (member?.text ?? '')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '' && !/\d/.test(w))
    .slice(0, MAX_LABEL_WORDS);
  let out = words.join(' ').replace(/[\s,;:.!?–—-]+$/u, '');
  if (out.length > MAX_LABEL_CHARS) {
    const cut = out.slice(0, MAX_LABEL_CHARS - 1);
    const space = cut.lastIndexOf(' ');
    out = `${space > 0 ? cut.slice(0, space) : cut}…`;
  }
  return out || 'untitled';
}
