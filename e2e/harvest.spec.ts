/**
 * The harvest in a real browser: after a small café, themes appear live, phones vote, the
 * organiser merges two themes and hides a note, exports every format, and publishes
 * "What you told us" without the hidden note.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { GREEN_SPACES, GREEN_SPACES_PURPOSE, GREEN_SPACES_TITLE } from '../lib/testing/green-spaces';
import { Client, newToken } from '../server/testing/harness';
import { joinOnPhone } from './phone';
import { SCREENS, screen } from './screens';

const NOTES = [
  'The bus to the health centre only runs twice a day',
  'We need a bus that stops at the surgery',
  'Community transport to appointments would help older people',
  'Lonely people need a friendly face every week',
  'A lunch club so nobody eats alone',
  'Befriending visits for people living alone',
  'More buses in the evening for hospital visits',
  'Friendship groups at the library for lonely people',
];
const PERSONAL = 'Ring me about this on 07700 900123, Mrs Jones at 4 Mill Lane';

/**
 * axe on the harvest console as it is now, with the rules of e2e/accessibility.spec.ts: every
 * WCAG 2.2 AA and best-practice rule in the light theme, the colour rules in dark and high contrast.
 */
async function axe(page: Page, name: string, { contrast = false } = {}) {
  const themes = [
    { colorScheme: 'light', contrast: 'no-preference' },
    { colorScheme: 'dark', contrast: 'no-preference' },
    ...(contrast
      ? ([
          { colorScheme: 'light', contrast: 'more' },
          { colorScheme: 'dark', contrast: 'more' },
        ] as const)
      : []),
  ] as const;
  for (const [i, media] of themes.entries()) {
    await page.emulateMedia(media);
    const builder = new AxeBuilder({ page });
    const { violations } = await (i === 0
      ? builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      : builder.withRules(['color-contrast', 'link-in-text-block'])
    ).analyze();
    const explained = violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`,
    );
    expect.soft(explained, `axe on ${name} (${media.colorScheme}, contrast ${media.contrast})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
}

async function phone(browser: Browser, code: string, name: string): Promise<Page> {
  const { page } = await joinOnPhone(browser, code, name);
  await expect(page.getByRole('heading', { name: 'You’re in' })).toBeVisible();
  return page;
}

test('from a café’s notes to a published harvest', async ({ browser, request }) => {
  // Nine notes typed on three phones, then every export: slow on a busy machine.
  test.setTimeout(240_000);
  const created = await request.post('/api/events', {
    data: {
      settings: {
        title: 'Care close to home',
        purpose: 'What would make care easier to reach?',
        tables: 2,
        rounds: [{ question: 'What would make care easier to reach?', minutes: 20 }],
        identity: 'choice',
      },
    },
  });
  const { eventId, joinCode, facilitatorToken } = (await created.json()) as Record<string, string>;
  const phones = [
    await phone(browser, joinCode ?? '', 'Asha'),
    await phone(browser, joinCode ?? '', 'Ben'),
    await phone(browser, joinCode ?? '', 'Cara'),
  ];

  const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const f = await laptop.newPage();
  await f.goto(`/f/${eventId}#${facilitatorToken}`);
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await f.getByRole('button', { name: 'Start round 1' }).click();
  const all = [...NOTES, PERSONAL];
  for (const [i, text] of all.entries()) {
    const p = phones[i % phones.length] as Page;
    await p.getByLabel('Add a note for your table').fill(text);
    await p.getByRole('button', { name: 'Add note' }).click();
    await expect(p.getByTestId('table-notes').getByText(text)).toBeVisible();
  }

  // The live harvest shows themes while the notes are still coming in.
  await f.getByRole('button', { name: 'Harvest', exact: true }).click();
  await expect(f.getByTestId('live-theme').first()).toBeVisible();
  await screen(f, { path: `${SCREENS}/harvest-live.png`, fullPage: true });

  await f.getByRole('button', { name: 'Start the harvest' }).click();
  await expect(f.getByTestId('theme-card').first()).toBeVisible();

  // Make sure there are two themes to merge: split one off if the engine found only one.
  if ((await f.getByTestId('theme-card').count()) < 2) {
    const card = f.getByTestId('theme-card').first();
    await card.getByTestId('harvest-note').first().locator('button[aria-pressed]').click();
    await f.getByLabel('New theme from selected, named').fill('Split off');
    await f.getByRole('button', { name: 'New theme from selected' }).click();
    await expect(f.getByTestId('theme-card')).toHaveCount(2);
  }
  const before = await f.getByTestId('theme-card').count();

  // Phones vote.
  await f.getByRole('button', { name: /Open the voting/ }).click();
  for (const p of phones) {
    await expect(p.getByRole('heading', { name: 'What matters most?' })).toBeVisible();
    await p
      .getByRole('button', { name: /Give a dot to/ })
      .first()
      .click();
    await expect(p.getByTestId('harvest-dots-left')).toHaveText('You have 2 of 3 dots left.');
  }

  // The organiser merges two themes and hides the note with personal details.
  const firstLabel = await f.getByTestId('theme-card').first().getByLabel('Theme name').inputValue();
  const second = f.getByTestId('theme-card').nth(1);
  const secondLabel = await second.getByLabel('Theme name').inputValue();
  await second.getByLabel(`Merge “${secondLabel}” into`).selectOption({ label: firstLabel });
  await expect(f.getByTestId('theme-card')).toHaveCount(before - 1);
  const personal = f.getByTestId('harvest-note').filter({ hasText: PERSONAL });
  await personal.getByRole('button', { name: /More for this note/ }).click();
  await personal.getByRole('button', { name: 'Hide from publication' }).click();
  await expect(personal).toContainText('(hidden from publication)');
  const merged = f.getByTestId('theme-card').first();
  await merged.locator('summary').click();
  await merged.getByLabel('What we will do').fill('We will ask the bus company for a stop at the surgery.');
  await merged.getByRole('button', { name: 'Save the commitment' }).click();
  await screen(f, { path: `${SCREENS}/harvest-curation.png`, fullPage: true });

  // Every export downloads; none of the readable ones carries the hidden note.
  const files: Record<string, Buffer> = {};
  for (const [format, label] of [
    ['pdf', 'PDF report'],
    ['docx', 'Word report'],
    ['md', 'Markdown'],
    ['csv', 'CSV'],
  ] as const) {
    const download = f.waitForEvent('download');
    await f.getByRole('button', { name: label, exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`care-close-to-home-harvest.${format}`);
    const where = `${SCREENS}/../harvest.${format}`;
    await file.saveAs(where);
    files[format] = fs.readFileSync(where);
  }
  expect(files.pdf?.subarray(0, 4).toString()).toBe('%PDF');
  expect(files.docx?.subarray(0, 2).toString()).toBe('PK');
  for (const format of ['md', 'csv'] as const)
    expect(files[format]?.toString('utf8')).not.toContain('07700 900123');
  expect(files.md?.toString('utf8').replace(/\\(.)/g, '$1')).toContain('We will ask the bus company');
  expect(files.csv?.toString('utf8')).toContain('The bus to the health centre only runs twice a day');
  // The report in another language: chosen beside the buttons, for every download after it.
  await expect(f.getByLabel('Report language')).toHaveValue('en');
  await f.getByLabel('Report language').selectOption({ label: 'Polski' });
  const polish = f.waitForEvent('download');
  await f.getByRole('button', { name: 'Markdown', exact: true }).click();
  const polishFile = await polish;
  expect(polishFile.suggestedFilename()).toBe('care-close-to-home-harvest.md');
  await polishFile.saveAs(`${SCREENS}/../harvest-pl.md`);
  const polishText = fs.readFileSync(`${SCREENS}/../harvest-pl.md`, 'utf8');
  expect(polishText).toContain('Care close to home: co nam powiedzieliście');
  expect(polishText).toContain('## Tematy');
  await f.getByLabel('Report language').selectOption({ label: 'English' });
  // The PDF's first page, as a picture to look at.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    `${SCREENS}/../harvest.pdf`,
    `${SCREENS}/harvest-pdf`,
  ]);
  expect(fs.readdirSync(SCREENS).some((n) => n.startsWith('harvest-pdf') && n.endsWith('.png'))).toBe(true);

  // Published: the page people get shows the curated harvest, without the hidden note or names.
  await f.getByRole('button', { name: 'Publish “What you told us”' }).click();
  const publicUrl = await f.getByTestId('public-link').textContent();
  const reader = phones[0] as Page;
  await reader.goto(publicUrl ?? '');
  await expect(reader.getByRole('heading', { name: 'Care close to home' })).toBeVisible();
  await expect(reader.getByTestId('told-theme').first()).toBeVisible();
  await expect(reader.getByText('We will ask the bus company for a stop at the surgery.')).toBeVisible();
  const page = (await reader.textContent('main')) ?? '';
  expect(page).not.toContain('07700 900123');
  for (const name of ['Asha', 'Ben', 'Cara']) expect(page).not.toContain(name);
  await screen(reader, { path: `${SCREENS}/harvest-published-phone.png`, fullPage: true });
  // In the reader's language, the report's own words too: where each theme came from.
  await reader.getByTestId('language-picker').selectOption('pl');
  await expect(reader.getByTestId('told-theme').first()).toContainText(/ z \d+ stolik(a|ów)/);
  await reader.getByTestId('language-picker').selectOption('en');
  await expect(reader.getByTestId('told-theme').first()).toContainText(/ from \d+ tables?/);

  const projector = await laptop.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`/p/${eventId}?view=harvest#${facilitatorToken}`);
  await expect(projector.getByTestId('projector-theme').first()).toBeVisible();
  await screen(projector, { path: `${SCREENS}/harvest-projector.png` });
  await laptop.close();
});

/**
 * The green-spaces café (36 notes, four tables, three rounds), written over sockets as the phones
 * would, so a test starts at the harvest without typing every note.
 */
async function greenSpacesCafe(baseURL: string) {
  const created = await fetch(`${baseURL}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      settings: {
        title: GREEN_SPACES_TITLE,
        purpose: GREEN_SPACES_PURPOSE,
        tables: 4,
        rounds: GREEN_SPACES.map((r) => ({ question: r.question, minutes: 20 })),
        identity: 'choice',
      },
    }),
  });
  const {
    eventId = '',
    joinCode = '',
    facilitatorToken = '',
  } = (await created.json()) as Record<string, string>;
  const clients: Client[] = [];
  const f = await Client.connect(baseURL);
  clients.push(f);
  expect(await f.send('facilitate', { eventId, token: facilitatorToken })).toMatchObject({ ok: true });
  const phones: { client: Client; id: string }[] = [];
  for (let i = 0; i < 8; i++) {
    const client = await Client.connect(baseURL);
    clients.push(client);
    const reply = await client.send('join', { code: joinCode, name: null, token: newToken() });
    if (!reply.ok) throw new Error(reply.error.message);
    phones.push({ client, id: reply.participantId });
  }
  expect(await f.act('seating.plan', {})).toMatchObject({ ok: true });
  for (const [round, r] of GREEN_SPACES.entries()) {
    if (round > 0) {
      expect(await f.act('round.end', {})).toMatchObject({ ok: true });
      // The next round may already be seated by the end of this one; if not, seat it.
      await f.act('seating.plan', {});
    }
    expect(await f.act('round.start', {})).toMatchObject({ ok: true });
    await f.waitFor((rec) => rec.type === 'round.started' && rec.payload.round === round);
    const plan = [...f.received]
      .reverse()
      .find((rec) => rec.type === 'seating.planned' && rec.payload.round === round);
    const seating = plan?.type === 'seating.planned' ? plan.payload.seating : {};
    for (const [table, text] of r.notes) {
      const p = phones.find((x) => seating[x.id] === table);
      if (!p) throw new Error(`nobody at table ${table}`);
      expect(await p.client.act('note.post', { text, round, table }), text).toMatchObject({ ok: true });
    }
  }
  for (const c of clients) c.close();
  return { eventId, facilitatorToken };
}

test('curating the green-spaces café on a laptop: drag, keyboard, rename on blur, fewer themes', async ({
  browser,
  baseURL,
}) => {
  // 36 notes over sockets, three passes of axe: slow on a busy machine.
  test.setTimeout(480_000);
  const { eventId, facilitatorToken } = await greenSpacesCafe(baseURL ?? '');
  const laptop = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const f = await laptop.newPage();
  await f.goto(`/f/${eventId}#${facilitatorToken}`);
  await f.getByRole('button', { name: 'Harvest', exact: true }).click();
  await expect(f.getByTestId('live-theme').first()).toBeVisible();
  await expect(f.getByTestId('summary-question')).toHaveCount(3);
  await f.getByRole('button', { name: 'Themes across all questions' }).click();
  await expect(f.getByTestId('across-theme').first()).toBeVisible();
  await axe(f, 'harvest console, live');
  await f.getByRole('button', { name: 'Start the harvest' }).click();
  await expect(f.getByTestId('theme-card').first()).toBeVisible();
  await expect(f.getByTestId('summary-question')).toHaveCount(3);

  // The whole curation, every note on show, fits in a few screens (the layout before this one
  // took 6,475 px for the page with these 36 notes; the number of themes the engine finds moves it
  // a little). Measured to the end of the last question's themes: the panels below them (the
  // evaluation, sharing the results, import, using the event again) are not the curation's.
  const height = await f.evaluate(() => {
    const questions = document.querySelectorAll('[data-testid="harvest-question"]');
    const last = questions[questions.length - 1];
    return last ? Math.round(last.getBoundingClientRect().bottom + window.scrollY) : 0;
  });
  test.info().annotations.push({ type: 'curation height at 1366×768', description: `${height} px` });
  console.log(`green-spaces curation height at 1366×768: ${height} px`);
  await screen(f, { path: `${SCREENS}/harvest-green-spaces-1366.png`, fullPage: true });
  expect(height).toBeGreaterThan(768);
  expect(height).toBeLessThan(3_300);

  const question = f.getByTestId('harvest-question').filter({ hasText: GREEN_SPACES[0]?.question ?? '' });
  const cards = question.getByTestId('theme-card');
  const nameOf = (i: number) => cards.nth(i).getByLabel('Theme name').inputValue();

  // Drag a note onto another theme.
  const dragged = cards.nth(0).getByTestId('harvest-note').first();
  const draggedText = (await dragged.textContent()) ?? '';
  const target = await nameOf(1);
  await dragged.dragTo(cards.nth(1));
  await expect(question.getByLabel(`Theme: ${target}`).getByText(draggedText)).toBeVisible();

  // The keyboard: the note's "⋯" menu, then a theme to move it to; the move is read out.
  const firstName = await nameOf(0);
  const moving = question.getByLabel(`Theme: ${target}`).getByTestId('harvest-note').first();
  const movingText = (await moving.textContent()) ?? '';
  await moving.getByRole('button', { name: /More for this note/ }).focus();
  await f.keyboard.press('Enter');
  for (let i = 0; i < 3; i++) await f.keyboard.press('Tab');
  await expect(f.locator(':focus')).toHaveText(firstName);
  await f.keyboard.press('Enter');
  await expect(question.getByLabel(`Theme: ${firstName}`).getByText(movingText)).toBeVisible();
  await expect(f.getByTestId('harvest-said')).toHaveText(/^Moved “.+” to “.+”\.$/);

  // A selection offers "Move to…" and "New theme from selected"; axe with it and a menu open.
  await cards.nth(0).getByTestId('harvest-note').first().locator('button[aria-pressed]').click();
  await expect(question.getByTestId('selection-bar')).toContainText('1 note selected');
  await cards
    .nth(1)
    .getByRole('button', { name: /More for this note/ })
    .first()
    .click();
  await expect(cards.nth(1).getByRole('button', { name: 'Hide from publication' })).toBeVisible();
  await axe(f, 'harvest console, curating', { contrast: true });
  await f.keyboard.press('Escape');
  await question.getByRole('button', { name: 'Clear selection' }).click();
  await expect(question.getByTestId('selection-bar')).toHaveCount(0);

  // Renaming: saved when the field loses focus; Escape puts the saved name back.
  const name = cards.nth(0).getByLabel('Theme name');
  const notesBefore = await cards.nth(0).getByTestId('harvest-note').allTextContents();
  await name.fill('Quiet places to sit');
  await f.keyboard.press('Tab');
  await expect(question.getByLabel('Theme: Quiet places to sit')).toBeVisible();
  await name.fill('Not this one');
  await name.press('Escape');
  await expect(name).toHaveValue('Quiet places to sit');
  await f.reload();
  await f.getByRole('button', { name: 'Harvest', exact: true }).click();
  const renamed = question.getByLabel('Theme: Quiet places to sit');
  await expect(renamed).toBeVisible();
  await expect(renamed.getByLabel('Theme name')).toHaveValue('Quiet places to sit');

  // Fewer themes: the other themes are made again, the renamed one keeps its notes.
  const setting = question.getByTestId('granularity').locator('output');
  await expect(setting).toHaveText('Themes as found');
  await question.getByRole('button', { name: 'Fewer themes' }).click();
  await expect(setting).toHaveText('Fewer themes');
  await expect(renamed.getByTestId('harvest-note')).toHaveText(notesBefore);

  // Once voting opens, themes go in order of dots and theming again waits for the vote to close.
  await f.getByRole('button', { name: /Open the voting/ }).click();
  await expect(f.getByText('Themes are in order of dots', { exact: false })).toBeVisible();
  await expect(question.getByRole('button', { name: 'Fewer themes' })).toBeDisabled();
  await axe(f, 'harvest console, voting');
  await screen(f, { path: `${SCREENS}/harvest-green-spaces-curated-1366.png`, fullPage: true });
  await laptop.close();
});
