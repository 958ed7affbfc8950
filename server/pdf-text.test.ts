import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { keepApart, keepLeftToRight } from '../lib/i18n/locales';
import { type Doc, pdf } from './pdf';
import {
  breakLines,
  drawPieces,
  heightOf,
  paragraphDirection,
  visualRuns,
  visualText,
  withEllipsis,
  write,
} from './pdf-text';

/** A width of one point per character, so the tests can say where lines break. */
const chars = (s: string) => Array.from(s).length;

const A4 = { size: 'A4' as const, margin: 56, compress: false };

/** Every piece of text pdfkit is asked to draw, with where. */
function recordText(doc: Doc) {
  const drawn: { text: string; x: number; y: number }[] = [];
  const text = doc.text.bind(doc);
  doc.text = ((t: string, x: number, y: number, o?: PDFKit.Mixins.TextOptions) => {
    drawn.push({ text: t, x, y });
    return text(t, x, y, o);
  }) as Doc['text'];
  return drawn;
}

async function textOf(file: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(file) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** The drawing operators of every page (text objects), from an uncompressed PDF. */
const textObjects = (file: Buffer) => file.toString('latin1').match(/BT[\s\S]*?ET/g) ?? [];

const PARAGRAPH =
  'شارك في هذا اللقاء أشخاص من خدمات الرعاية الصحية والاجتماعية، وتحدثوا عن الطريقة التي يمكن بها تحسين الرعاية في المنزل، ثم صوّتوا على المواضيع التي رأوها الأهم.';

describe('breaking text into lines', () => {
  it('keeps every word, in order, and no line is wider than the width', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const lines = breakLines(text, 14, chars);
    expect(lines.map((l) => l.text).join(' ')).toBe(text);
    for (const l of lines) expect(chars(l.text)).toBeLessThanOrEqual(14);
    expect(lines.map((l) => l.text)).toEqual([
      'one two three',
      'four five six',
      'seven eight',
      'nine ten',
      'eleven twelve',
    ]);
  });

  it('keeps Arabic words in the order they were written', () => {
    const lines = breakLines(PARAGRAPH, 40, chars);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map((l) => l.text).join(' ')).toBe(PARAGRAPH);
    expect(lines[0]?.text.startsWith('شارك في هذا')).toBe(true);
  });

  it('indents the first line of each paragraph only, and starts a paragraph at each new line', () => {
    const lines = breakLines('aaa bbb ccc\nddd eee', 8, chars, 2);
    expect(lines).toEqual([
      { text: 'aaa', startsParagraph: true, endsParagraph: false },
      { text: 'bbb ccc', startsParagraph: false, endsParagraph: true },
      { text: 'ddd', startsParagraph: true, endsParagraph: false },
      { text: 'eee', startsParagraph: false, endsParagraph: true },
    ]);
  });

  it('keeps an empty paragraph as an empty line, and no text as no lines', () => {
    expect(breakLines('a\n\nb', 10, chars).map((l) => l.text)).toEqual(['a', '', 'b']);
    expect(breakLines('', 10, chars)).toEqual([]);
  });

  it('breaks a word wider than a line between its characters', () => {
    const lines = breakLines('go https://example.org/a/long/path now', 10, chars);
    expect(lines.map((l) => l.text)).toEqual(['go', 'https://ex', 'ample.org/', 'a/long/pat', 'h now']);
  });

  it('cuts a line to end in an ellipsis and still fit', () => {
    expect(withEllipsis('abcdef ghij', 8, chars)).toBe('abcdef…');
    expect(chars(withEllipsis('abcdefghij', 5, chars))).toBe(5);
  });
});

describe('the order a line is seen in', () => {
  it('reads Arabic from right to left', () => {
    expect(visualText('مرحبا بالعالم', 'rtl')).toBe('ملاعلاب ابحرم');
  });

  it('keeps Latin names and numbers left to right inside an Arabic line', () => {
    expect(visualText('قالت Sarah Jones في 12 مايو 2026', 'rtl')).toBe('2026 ويام 12 يف Sarah Jones تلاق');
  });

  it('mirrors brackets and quotation marks in right-to-left text', () => {
    expect(visualText('(الطاولة 4)', 'rtl')).toBe('(4 ةلواطلا)');
    expect(visualText('«نحتاج»', 'rtl')).toBe('«جاتحن»');
  });

  it('puts an English sentence in an Arabic document to the right, its full stop on its left', () => {
    expect(visualText('A note in English.', 'rtl')).toBe('.A note in English');
  });

  it('leaves a left-to-right line left to right, with an Arabic word turned round', () => {
    expect(visualText('Say مرحبا now', 'ltr')).toBe('Say ابحرم now');
    expect(visualRuns('Table 4', 'ltr')).toEqual([{ text: 'Table 4', rtl: false }]);
  });

  it('keeps an isolated time range or code left to right, and an isolated title whole, printing no mark', () => {
    expect(visualText(`الجولة ${keepLeftToRight('10:00–11:00', 'ar')}`, 'rtl')).toBe('10:00–11:00 ةلوجلا');
    // Without the isolate the range reads right to left, as the algorithm says.
    expect(visualText('الجولة 10:00–11:00', 'rtl')).toBe('11:00–10:00 ةلوجلا');
    expect(visualText(`الموضوع: ${keepApart('Why walk?', 'ar')}`, 'rtl')).toBe('Why walk? :عوضوملا');
    for (const run of visualRuns(`أ ${keepLeftToRight('KIT427', 'ar')} ${keepApart('x', 'ar')}`, 'rtl'))
      expect(run.text).not.toMatch(/[\u2066-\u2069]/);
  });

  it('finds the direction of words people typed from their first letter', () => {
    expect(paragraphDirection('What do you love?', 'rtl')).toBe('ltr');
    expect(paragraphDirection('1. ما الذي تحبه؟', 'ltr')).toBe('rtl');
    expect(paragraphDirection('2026 — 10:30', 'rtl')).toBe('rtl');
    expect(paragraphDirection(`${keepLeftToRight('KIT427', 'ar')} رمز`, 'ltr')).toBe('rtl');
  });

  it('hands pdfkit Arabic as typed (fontkit lays it out right to left) and turns round what it would not', () => {
    // fontkit lays out Arabic-Indic digits right to left, so they go to it reversed.
    expect(visualRuns('العدد ١٢٣ هنا', 'rtl').flatMap(drawPieces)).toEqual([' هنا', '٣٢١', 'العدد ']);
    // Brackets alone in a right-to-left run: fontkit would not turn them round.
    expect(drawPieces({ text: '!(', rtl: true })).toEqual(['(!']);
    expect(drawPieces({ text: 'Sarah Jones', rtl: false })).toEqual(['Sarah Jones']);
  });
});

describe('writing Arabic into a PDF', () => {
  it('right-aligns each line in the box, and writes the first words on the first line', async () => {
    let drawn: ReturnType<typeof recordText> = [];
    let right = 0;
    const widths = new Map<string, number>();
    await pdf(
      'test',
      (doc) => {
        drawn = recordText(doc);
        write(doc, PARAGRAPH, { dir: 'rtl', font: 'Body', size: 11, x: 100, y: 100, width: 250 });
        right = 100 + 250;
        for (const d of drawn) widths.set(d.text, doc.widthOfString(d.text, { features: [] }));
      },
      A4,
      'ar',
    );
    const lines = [...new Set(drawn.map((d) => d.y))];
    expect(lines.length).toBeGreaterThan(2);
    for (const y of lines) {
      const pieces = drawn.filter((d) => d.y === y);
      const last = pieces.at(-1);
      if (!last) throw new Error('a line with nothing on it');
      expect(last.x + (widths.get(last.text) ?? 0)).toBeCloseTo(right, 3);
      expect(Math.min(...pieces.map((p) => p.x))).toBeGreaterThanOrEqual(100 - 0.01);
    }
    // The rightmost piece of the first line is the text's first word.
    expect(
      drawn
        .filter((d) => d.y === lines[0])
        .at(-1)
        ?.text.startsWith('شارك في هذا'),
    ).toBe(true);
  });

  it('puts the indent and the bullet on the right, and centres or ends on the left when asked', async () => {
    const seen: Record<string, { text: string; x: number }[]> = {};
    let bulletWidth = 0;
    await pdf(
      'test',
      (doc) => {
        const drawn = recordText(doc);
        const take = (name: string) => {
          seen[name] = drawn.splice(0);
        };
        const style = { dir: 'rtl', font: 'Body', size: 11, x: 100, y: 100, width: 300 } as const;
        write(doc, 'بند', { ...style, bullet: '•', indent: 6 });
        take('bullet');
        bulletWidth = doc.widthOfString('بند  •', { features: [] });
        write(doc, 'نص', { ...style, align: 'end' });
        take('end');
        write(doc, 'نص', { ...style, align: 'center' });
        take('center');
      },
      A4,
      'ar',
    );
    expect(seen.bullet).toEqual([{ text: '•  بند', x: expect.closeTo(400 - 6 - bulletWidth, 3), y: 100 }]);
    expect(seen.end?.[0]?.x).toBe(100);
    expect(seen.center?.[0]?.x).toBeGreaterThan(200);
    expect(seen.center?.[0]?.x).toBeLessThan(300);
  });

  it('writes words people typed in their own direction: an English note left, an Arabic one right', async () => {
    let drawn: ReturnType<typeof recordText> = [];
    await pdf(
      'test',
      (doc) => {
        drawn = recordText(doc);
        const box = { x: 100, y: 100, width: 300 };
        write(doc, 'An English note.', { dir: 'rtl', auto: true, font: 'Body', size: 11, ...box });
        write(doc, 'ملاحظة بالعربية', { dir: 'ltr', auto: true, font: 'Body', size: 11, ...box, y: 130 });
        write(doc, 'ملاحظة بالعربية', { dir: 'ltr', font: 'Body', size: 11, ...box, y: 160 });
      },
      A4,
    );
    expect(drawn.find((d) => d.y === 100)).toMatchObject({ text: 'An English note.', x: 100 });
    const arabic = drawn.find((d) => d.y === 130);
    expect(arabic?.text).toBe('ملاحظة بالعربية');
    expect(arabic?.x).toBeGreaterThan(250);
    // In an English sentence's own direction, Arabic still reads right to left, from the left.
    expect(drawn.find((d) => d.y === 160)).toMatchObject({ text: 'ملاحظة بالعربية', x: 100 });
  });

  it('flows a long text on to new pages', async () => {
    let pages = 1;
    let end = 0;
    await pdf(
      'test',
      (doc) => {
        doc.on('pageAdded', () => pages++);
        for (let i = 0; i < 12; i++) write(doc, PARAGRAPH.repeat(3), { dir: 'rtl', font: 'Body', size: 11 });
        end = doc.y;
      },
      { size: 'A4', margin: 56 },
      'ar',
    );
    expect(pages).toBeGreaterThan(1);
    expect(end).toBeLessThanOrEqual(842 - 56);
  });

  it('stays inside a box of a given height, ending with an ellipsis', async () => {
    let drawn: ReturnType<typeof recordText> = [];
    let lineHeight = 0;
    await pdf(
      'test',
      (doc) => {
        drawn = recordText(doc);
        write(doc, PARAGRAPH, {
          dir: 'rtl',
          font: 'Body',
          size: 11,
          x: 100,
          y: 100,
          width: 200,
          height: 30,
          ellipsis: true,
        });
        lineHeight = doc.currentLineHeight(true);
      },
      A4,
      'ar',
    );
    const lines = [...new Set(drawn.map((d) => d.y))];
    expect(lines).toEqual([100, 100 + lineHeight]);
    // The ellipsis ends the last line, so it is on its left: the end of its leftmost piece,
    // which fontkit lays out from right to left.
    expect(drawn.filter((d) => d.y === lines[1])[0]?.text.endsWith('…')).toBe(true);
  });

  it('measures the height it writes', async () => {
    let measured = 0;
    let written = 0;
    await pdf(
      'test',
      (doc) => {
        const style = {
          dir: 'rtl',
          font: 'Body',
          size: 11,
          width: 200,
          paragraphGap: 3,
          lineGap: 1,
        } as const;
        measured = heightOf(doc, `${PARAGRAPH}\n${PARAGRAPH}`, style);
        const top = doc.y;
        write(doc, `${PARAGRAPH}\n${PARAGRAPH}`, style);
        written = doc.y - top;
      },
      A4,
      'ar',
    );
    expect(measured).toBeGreaterThan(0);
    expect(written).toBeCloseTo(measured, 6);
  });

  it('joins the letters of a word (DejaVu Sans has the Arabic forms, fontkit applies them)', async () => {
    let joined = 0;
    let apart = 0;
    await pdf(
      'test',
      (doc) => {
        doc.font('Body').fontSize(20);
        joined = doc.widthOfString('ببببب', { features: [] });
        apart = 5 * doc.widthOfString('ب', { features: [] });
      },
      A4,
    );
    expect(joined).toBeLessThan(apart * 0.8);
  });

  it('gives the words back when the text is extracted, Arabic and English alike', async () => {
    const file = await pdf(
      'test',
      (doc) => {
        write(doc, 'الأسئلة', { dir: 'rtl', font: 'Bold', size: 16 });
        write(doc, PARAGRAPH, { dir: 'rtl', font: 'Body', size: 11 });
        write(doc, 'قالت Sarah Jones في 12 مايو: «لا نحتاج إلى ملاحظات أخرى»', {
          dir: 'rtl',
          font: 'Body',
          size: 11,
        });
        write(doc, 'A note typed in English.', {
          dir: 'rtl',
          font: 'Body',
          size: 11,
          bullet: '•',
          indent: 6,
        });
      },
      A4,
      'ar',
    );
    const text = await textOf(file);
    // Lam-alef is one glyph drawn right to left: its two letters must still come out in order.
    for (const word of ['الأسئلة', 'والاجتماعية', 'شارك', 'المنزل،', 'ملاحظات', 'لا', 'Sarah', 'Jones', '12'])
      expect(text).toContain(word);
    expect(text).toContain('A note typed in English');
    expect(file.toString('latin1')).toContain('/Lang (ar)');
  });
});

describe('writing English', () => {
  it('draws exactly what doc.text draws', async () => {
    const text =
      'What you told us: a long enough paragraph to wrap over more than one line of the page. '.repeat(4);
    const direct = await pdf(
      'test',
      (doc) => {
        doc.font('Body').fontSize(11).fillColor('#1c1917').text(text).moveDown(0.4);
        doc.font('Body').fontSize(11).text(`•  ${text}`, { indent: 6 });
        doc
          .font('Bold')
          .fontSize(13)
          .text(text, 80, 300, { width: 200, height: 40, ellipsis: true, align: 'right' });
      },
      A4,
    );
    const written = await pdf(
      'test',
      (doc) => {
        write(doc, text, { dir: 'ltr', font: 'Body', size: 11, color: '#1c1917' });
        doc.moveDown(0.4);
        write(doc, text, { dir: 'ltr', font: 'Body', size: 11, bullet: '•', indent: 6 });
        write(doc, text, {
          dir: 'ltr',
          font: 'Bold',
          size: 13,
          x: 80,
          y: 300,
          width: 200,
          height: 40,
          ellipsis: true,
          align: 'end',
        });
      },
      A4,
    );
    expect(textObjects(written).length).toBeGreaterThan(5);
    expect(textObjects(written)).toEqual(textObjects(direct));
    expect(written.toString('latin1')).toContain('/Lang (en)');
  });

  it('prints no mark for an isolate in an English document', async () => {
    const plain = await pdf(
      'test',
      (doc) => void doc.font('Body').fontSize(11).text('Times: 10:00–11:00, Why walk?'),
      A4,
    );
    const isolated = await pdf(
      'test',
      (doc) =>
        write(doc, `Times: ${keepLeftToRight('10:00–11:00', 'ar')}, ${keepApart('Why walk?', 'ar')}`, {
          dir: 'ltr',
          font: 'Body',
          size: 11,
        }),
      A4,
    );
    expect(textObjects(isolated)).toEqual(textObjects(plain));
  });

  it('measures as heightOfString does', async () => {
    let ours = 0;
    let pdfkits = 0;
    await pdf(
      'test',
      (doc) => {
        const text = 'A paragraph of several words that wraps. '.repeat(5);
        ours = heightOf(doc, text, { dir: 'ltr', font: 'Body', size: 11, width: 150, lineGap: 2 });
        pdfkits = doc.font('Body').fontSize(11).heightOfString(text, { width: 150, lineGap: 2 });
      },
      A4,
    );
    expect(ours).toBe(pdfkits);
    expect(ours).toBeGreaterThan(0);
  });
});
