/**
 * Turns a short note into the terms that theming compares: lower-cased lemmas of content words
 * (nouns, verbs, adjectives, adverbs, proper nouns, numbers, emoji), via wink-nlp's English model,
 * which ships its data inside the package (offline). Text in scripts written without spaces (Chinese,
 * Japanese, Thai, …) comes out of the English model as one unknown blob, so it is re-split with
 * Intl.Segmenter and, where that still yields long runs, into character bigrams, so such notes can
 * still be grouped by shared words instead of crashing or collapsing into one token.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction, type WinkMethods } from 'wink-nlp';

/** Longest slice of one note that is analysed: themes come from the gist, and cost stays linear. */
export const MAX_ANALYSED_CHARS = 4000;

let nlpInstance: WinkMethods | null = null;
function nlp(): WinkMethods {
  // Loaded on first use (about 60 ms), not at import, so importing the module stays cheap.
  // Only the POS pipe (lemmas depend on it): sentence breaks, negation, entities and sentiment are
  // not used, and skipping them makes analysis about 30% faster.
  nlpInstance ??= winkNLP(model, ['pos']);
  return nlpInstance;
}

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN', 'NUM']);

/**
 * Words that carry no theme in notes answering a question: opinion scaffolding ("I think we
 * should…") and vague quantifiers. wink's stop-word list keeps many of these, so they are dropped here.
 */
const FILLER = new Set([
  'think',
  'believe',
  'feel',
  'say',
  'also',
  'really',
  'just',
  'very',
  'well',
  'even',
  'still',
  'much',
  'many',
  'lot',
  'thing',
  'way',
  'make',
  'get',
  'go',
  'do',
  'be',
  'have',
  'can',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'need',
  'want',
  'use',
  'like',
  'so',
  'too',
  'only',
  'often',
  'always',
  'never',
  'however',
  'therefore',
  'instead',
  'etc',
  'yes',
  'no',
  'not',
  'other',
  'more',
  'most',
  'less',
  'some',
  'such',
]);

/** Words in wink's stop-word list that carry a theme in notes ("Empty the bins", "side gate"). */
const CONTENT_STOP = new Set([
  'empty',
  'move',
  'back',
  'top',
  'bottom',
  'side',
  'front',
  'full',
  'call',
  'amount',
  'show',
  'serious',
  'part',
  'name',
  'alone',
]);

const SPACELESS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

let segmenter: Intl.Segmenter | null = null;

/** Splits a run of text in a script without spaces into word-ish terms. */
function splitSpaceless(run: string): string[] {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(run)) {
    if (!isWordLike) continue;
    const chars = [...segment];
    if (chars.length <= 3) out.push(segment);
    else for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

export interface AnalysedText {
  /**
   * Content terms in reading order: stems of the lemmas, lower case ("allotments", "Allotments" and
   * "allotment" are one term; so are "lighting" and "lights"). Compared, never shown.
   */
  terms: string[];
  /** The lemma of each term (same positions as `terms`), for looking up word vectors. */
  lemmas: string[];
  /** The word as written (lower case), by position in `terms`, for readable labels. */
  surface: string[];
  /** Every token of the note in order (words and punctuation), for phrase labels. */
  tokens: Token[];
}

export interface Token {
  /** The token as written. */
  text: string;
  /** Universal part-of-speech tag (wink-nlp), e.g. NOUN, ADJ, ADP, PUNCT. */
  pos: string;
  /** The token's term (stem) when it is a content word, else undefined. */
  term?: string;
  /** Whether whitespace precedes the token in the note. */
  space: boolean;
}

/** -ing nouns whose stem is a different word ("parking" is not "park"). */
const KEEP_ING = new Set([
  'parking',
  'morning',
  'evening',
  'building',
  'meeting',
  'ceiling',
  'wedding',
  'nothing',
  'something',
  'anything',
  'everything',
  'during',
  'spring',
  'string',
  'thing',
  'housing',
]);
/** Words ending in s that are not plurals. */
const KEEP_S = new Set([
  'news',
  'series',
  'species',
  'lens',
  'gas',
  'bus',
  'bias',
  'canvas',
  'atlas',
  'chaos',
  'this',
  'its',
  'always',
  'perhaps',
  'sometimes',
  'towards',
  'whereas',
  'besides',
]);

/**
 * A light stem of a lemma, so that word forms the lemmatiser leaves apart still meet: plurals of words
 * it took for proper nouns ("Allotments" at the start of a note), and -ing nouns ("lighting" →
 * "light", "crossing" → "cross"). Only used to compare words; labels keep the notes' own wording.
 */
export function stem(lemma: string, pluralToo = false): string {
  let w = lemma;
  if (!/^[a-z]+$/.test(w)) return w;
  if (pluralToo && w.length > 3 && !KEEP_S.has(w)) {
    if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
    else if (/(ss|us|is)$/.test(w)) {
      // not a plural ("grass", "campus", "analysis")
    } else if (/(sses|xes|zes|ches|shes)$/.test(w)) w = w.slice(0, -2);
    else if (w.endsWith('s')) w = w.slice(0, -1);
  }
  if (w.endsWith('ing') && w.length >= 7 && !KEEP_ING.has(w)) {
    w = w.slice(0, -3);
    // "sitting" → "sit", but "filling" keeps its ll.
    if (/([^aeioulsz])\1$/.test(w)) w = w.slice(0, -1);
  }
  // "hike" and "hiking" → "hik"; "tree" keeps its ee.
  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/** Collapses whitespace and case so that trivially different copies of a note compare equal. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Content terms of one note. Never throws on odd input (emoji, control characters, any script). */
export function analyse(text: string): AnalysedText {
  const clipped = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  const source = clipped.normalize('NFKC');
  const terms: string[] = [];
  const lemmaList: string[] = [];
  const surface: string[] = [];
  const tokens: Token[] = [];
  const result: AnalysedText = { terms, lemmas: lemmaList, surface, tokens };
  if (!LETTER_OR_DIGIT.test(source) && !/\p{Extended_Pictographic}/u.test(source)) return result;
  const w = nlp();
  const its = w.its;
  const doc = w.readDoc(source);
  const values = doc.tokens().out(its.value);
  const types = doc.tokens().out(its.type);
  const pos = doc.tokens().out(its.pos);
  // wink's type for its.lemma does not match its own ItsFunction type; the call is as documented.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>);
  const stop = doc.tokens().out(its.stopWordFlag);
  const spaces = doc.tokens().out(its.precedingSpaces);
  const push = (term: string, lemma: string, form: string) => {
    terms.push(term);
    lemmaList.push(lemma);
    surface.push(form);
  };
  for (let i = 0; i < values.length; i++) {
    const type = types[i];
    const value = values[i] ?? '';
    const p = pos[i] ?? 'X';
    const token: Token = {
      text: value,
      pos: type === 'punctuation' ? 'PUNCT' : p,
      space: (spaces[i] ?? '') !== '',
    };
    tokens.push(token);
    if (type === 'emoji' || type === 'emoticon') {
      push(value, value, value);
      token.term = value;
      continue;
    }
    if (SPACELESS.test(value)) {
      for (const t of splitSpaceless(value.toLowerCase())) push(t, t, t);
      continue;
    }
    if (type !== 'word' && type !== 'unk' && type !== 'number') continue;
    if (stop[i] === true && !CONTENT_STOP.has(value.toLowerCase())) continue;
    // Unknown-script words get POS "X" from the English model; keep them, they are content too.
    if (!CONTENT_POS.has(p) && !(type === 'unk' || (p === 'X' && /[^\p{Script=Latin}\d]/u.test(value))))
      continue;
    const lemma = (lemmas[i] ?? value).toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (lemma.length < 2 && !/[^\p{Script=Latin}\d]/u.test(lemma)) continue;
    if (lemma.length === 0 || FILLER.has(lemma)) continue;
    // The lemmatiser leaves words it takes for names as written: strip their plural here.
    const term = stem(lemma, lemma === value.toLowerCase());
    if (FILLER.has(term)) continue;
    token.term = term;
    push(term, lemma, value.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') || lemma);
  }
  return result;
}

/** Lemmas of the question the notes answer: its words are shared by every note and carry no theme. */
export function questionTerms(question: string | undefined): Set<string> {
  if (!question) return new Set();
  return new Set(analyse(question).terms);
}
