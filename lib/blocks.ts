/**
 * A report as a sequence of blocks: what the harvest report, the series report and the book of
 * proceedings are made of before server/document.ts writes them as a PDF and a Word file, so
 * every format says the same thing in the same order.
 */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'h1'; text: string }
  | { kind: 'h2'; text: string }
  /** A small heading inside a section: "Key points". */
  | { kind: 'label'; text: string }
  | { kind: 'p'; text: string }
  /** A quieter line: when and where, "No report was written", the export time. */
  | { kind: 'aside'; text: string }
  /** Someone's words, quoted: set in from the start side. */
  | { kind: 'quote'; text: string }
  | { kind: 'bullet'; text: string }
  /** A bullet under the bullet before it. */
  | { kind: 'sub'; text: string };
