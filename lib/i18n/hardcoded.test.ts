/**
 * Every word a person reads comes from a message catalogue. This test reads every screen's source
 * (`app/`, `components/`) and fails on English written into it: text between tags, text in the
 * attributes people hear or see (`aria-label`, `title`, `placeholder`, `alt`), and sentences in
 * string literals (an error set into state, a confirm dialog). Names that are the same in every
 * language (the product's name) are allowed below, each with its reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');

/** Words that are not translated, and why. */
const ALLOWED = new Set([
  'Café Space', // the product's name
  'Café Space — World Café facilitation', // the default title, replaced on every page that has one
]);

const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** A sentence: a capital, then at least one more word. Class names, ids and keys never start so. */
const SENTENCE = /^(?!Bearer )[A-Z][a-z’']*[,:]?\s+\S/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Server code under app/ (routes that send no screen) is not read by people. */
const SKIP = [
  /^app\/.*\/route\.ts$/,
  /^app\/manifest\.ts$/,
  /^app\/locale\.ts$/,
  /^components\/i18n\//,
  // The live connection's plumbing: what it keeps for screens carries a code they translate.
  /^components\/live\//,
];

interface Found {
  file: string;
  line: number;
  text: string;
}

function hardcoded(file: string, source: string): Found[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Found[] = [];
  const at = (node: ts.Node, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!/\p{L}/u.test(clean) || ALLOWED.has(clean)) return;
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: clean });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) at(node, node.text);
    else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (SPOKEN_ATTRIBUTES.has(name) && init) {
        if (ts.isStringLiteral(init)) at(init, init.text);
        else if (ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression))
          at(init.expression, init.expression.text);
      }
    } else if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression)) {
      if (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
        at(node.expression, node.expression.text);
    } else if (ts.isStringLiteralLike(node) && SENTENCE.test(node.text)) {
      const parent = node.parent;
      const isImport = ts.isImportDeclaration(parent) || ts.isExternalModuleReference(parent);
      const isKey = ts.isPropertyAssignment(parent) && parent.name === node;
      if (!isImport && !isKey && !ts.isJsxAttribute(parent)) at(node, node.text);
    } else if (ts.isTemplateExpression(node) && SENTENCE.test(`${node.head.text}…`))
      at(node, node.getText(sf));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no words outside the catalogues', () => {
  it('finds text, spoken attributes and sentences (the check itself)', () => {
    const found = hardcoded(
      'x.tsx',
      `const a = <p title="Close it">Hello <b>{'there'}</b> {n} {'·'}</p>;
       const b = setError('Type the code again.');
       const c = <div className="mt-2 flex" data-testid="round" aria-label={t('x')}>{t('y')}</div>;
       const d = \`Table \${n} is full\`;
       const e = <p>Café Space</p>;`,
    );
    expect(found.map((f) => f.text)).toEqual([
      'Close it',
      'Hello',
      'there',
      'Type the code again.',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template's own source text
      '`Table ${n} is full`',
    ]);
  });

  it('every screen reads its words from the catalogues', () => {
    const found = ['app', 'components']
      .flatMap((d) => files(path.join(root, d)))
      .map((f) => path.relative(root, f).split(path.sep).join('/'))
      .filter((f) => !SKIP.some((re) => re.test(f)))
      .flatMap((f) => hardcoded(f, fs.readFileSync(path.join(root, f), 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});
