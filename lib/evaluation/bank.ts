/**
 * The evaluation's bank of statements: each has a stable id (what settings, records and answers
 * carry) and is worded on every screen from the message catalogues (`evaluation.statements.<id>`).
 * The English wording here is for the server's refusals and the documentation; the harvest report
 * quotes the catalogues' wording in its own language.
 */

export const STATEMENT_IDS = [
  'listened',
  'could_say',
  'understand_next',
  'welcome',
  'accessible',
  'worth_it',
  'would_come_again',
] as const;
export type StatementId = (typeof STATEMENT_IDS)[number];

/** The most statements one evaluation asks about. */
export const MAX_STATEMENTS = 6;
/** The open question's length, and an open answer's. */
export const OPEN_QUESTION_MAX = 200;
export const OPEN_ANSWER_MAX = 500;

export const STATEMENT_TEXT: Record<StatementId, string> = {
  listened: 'I felt listened to',
  could_say: 'I could say what I wanted',
  understand_next: 'I understand what happens next',
  welcome: 'I felt welcome',
  accessible: 'The event was easy for me to take part in',
  worth_it: 'It was worth my time',
  would_come_again: 'I would come to an event like this again',
};

/** A point on the five-point scale: 1 strongly disagree … 5 strongly agree. */
export type Score = 1 | 2 | 3 | 4 | 5;
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

/** What the organiser asks: statements from the bank (0–6), and one open question ('' for none). */
export interface EvaluationSettings {
  statements: StatementId[];
  open: string;
}

/** What an event set up without choosing asks (older logs, and API clients that leave it out). */
export const DEFAULT_EVALUATION: EvaluationSettings = {
  statements: ['listened', 'could_say', 'understand_next'],
  open: 'What one thing would you change?',
};
