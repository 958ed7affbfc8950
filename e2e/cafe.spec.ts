/**
 * A whole two-round café in a real browser: a facilitator on a laptop, a projector window and
 * four phones. Screenshots of each screen are kept in test-results/screens.
 */
import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { newPhone, type Phone, postNote } from './phone';
import { SCREENS, screen } from './screens';

const shot = (page: Page, name: string) => screen(page, { path: `${SCREENS}/${name}.png`, fullPage: true });

async function tableOnPhone(p: Phone): Promise<number> {
  const text = (await p.page.getByTestId('go-to-table').getByRole('heading').textContent()) ?? '';
  const m = /table (\d+)/i.exec(text);
  if (!m?.[1]) throw new Error(`no table on ${p.label}'s phone: ${text}`);
  return Number(m[1]);
}

test('a two-round café from set-up to export', async ({ browser }) => {
  // Many phones and screens at once: more than the default on a busy machine.
  test.setTimeout(300_000);
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const f = await laptop.newPage();

  // Set up: two fixed tables, two rounds, each person chooses whether to give a name.
  await f.goto('/');
  await f.getByRole('link', { name: 'Set up a World Café' }).click();
  await f.getByLabel('Title').fill('Community health café');
  await f.getByLabel(/Purpose/).fill('Hearing what matters to people about local care.');
  await f.getByLabel('A fixed number of tables').check();
  await f.getByLabel('Number of tables', { exact: true }).fill('2');
  await f.getByLabel('Round 1 question').fill('What works well in local care?');
  await f.getByLabel('Round 2 question').fill('What should change first?');
  await f.getByRole('button', { name: 'Remove round 3' }).click();
  await f.getByRole('button', { name: 'Create the event' }).click();

  await expect(f.getByText('Keep this link secret.')).toBeVisible();
  const link = await f.getByTestId('facilitator-link').inputValue();
  expect(link).toMatch(/\/f\/[\w-]+#[\w-]{20,}/);
  const code = ((await f.locator('header .font-mono').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  // The projector window shows the code, a QR code and the head count.
  const projector = await laptop.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(link.replace('/f/', '/p/'));
  await expect(projector.getByTestId('join-code')).toHaveText(code);
  await expect(projector.getByRole('img', { name: /QR code to join/ }).locator('svg')).toBeVisible();

  // Four phones join; one stays anonymous.
  const phones: Phone[] = [];
  for (const name of ['Ann', 'Bo', 'Cy', '']) phones.push(await newPhone(browser, code, name));
  const [ann, bo, cy, anon] = phones as [Phone, Phone, Phone, Phone];
  await expect(projector.getByText('4 people here')).toBeVisible();
  // Phones are not sent each other's joins: Ann, first in, learns the head count from the server.
  await expect(ann.page.getByText('4 people have joined so far.')).toBeVisible();
  await expect(f.getByTestId('join-rate')).toHaveText('4 people joined in the last minute.');

  // The facilitator can keep new people out (a flood of made-up joins, a full room), and let
  // them in again; the people already here are not affected.
  await f.getByRole('button', { name: 'Keep new people out' }).click();
  await expect(f.getByText('New people cannot join. People already here can come back.')).toBeVisible();
  const late = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const latePage = await late.newPage();
  await latePage.goto(`/j/${code}`);
  await expect(latePage.getByText('This event is not letting new people in just now.')).toBeVisible();
  await expect(latePage.getByRole('button', { name: /^Join/ })).toHaveCount(0);
  await f.getByRole('button', { name: 'Let new people join' }).click();
  await expect(f.getByText('New people cannot join.')).toHaveCount(0);
  // Once the doors are open again, the same screen shows the form.
  await latePage.getByRole('button', { name: 'Look again' }).click();
  await expect(latePage.getByRole('button', { name: 'Join anonymously' })).toBeVisible();
  await late.close();
  await shot(projector, 'projector-lobby');
  await shot(ann.page, 'phone-lobby');

  // Ann offers to host; the facilitator makes Bo host of table 2; seating fills table 1 with Ann.
  await ann.page.getByRole('button', { name: 'Yes, I can host' }).click();
  await expect(f.getByText('can host')).toBeVisible();
  await f.getByLabel('Host for Bo').selectOption('2');
  await expect(f.getByText('host of 2')).toBeVisible();
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();

  const round1 = new Map<Phone, number>();
  for (const p of phones) {
    await expect(p.page.getByTestId('go-to-table')).toBeVisible();
    round1.set(p, await tableOnPhone(p));
  }
  expect(round1.get(ann)).toBe(1);
  expect(round1.get(bo)).toBe(2);
  expect([...round1.values()].filter((t) => t === 1)).toHaveLength(2);

  // Round 1: everyone writes; tablemates see each note live; the other table does not.
  await f.getByRole('button', { name: 'Start round 1' }).click();
  for (const p of phones) await expect(p.page.getByTestId('my-table')).toBeVisible();
  await expect(ann.page.getByText('Time left')).toBeVisible();
  for (const p of phones) await postNote(p, `Round 1 from ${p.label}: "care", close to home 🌱`);
  for (const p of phones) {
    for (const q of phones) {
      const note = p.page
        .getByTestId('table-notes')
        .getByText(`Round 1 from ${q.label}: "care", close to home 🌱`);
      if (round1.get(p) === round1.get(q)) await expect(note).toBeVisible();
      else await expect(note).toHaveCount(0);
    }
  }
  for (const p of phones)
    await expect(f.getByText(`Round 1 from ${p.label}: "care", close to home 🌱`)).toBeVisible();

  // Cy edits their note; their tablemate sees the new words.
  const cyMate = phones.find((p) => p !== cy && round1.get(p) === round1.get(cy));
  if (!cyMate) throw new Error('Cy has no tablemate');
  const cyNote = cy.page
    .getByTestId('table-notes')
    .getByRole('listitem')
    .filter({ hasText: 'Round 1 from Cy' });
  await cyNote.getByRole('button', { name: 'Edit' }).click();
  await cy.page.getByLabel('Edit your note').fill('Round 1 from Cy, edited: more evening appointments');
  await cy.page.getByRole('button', { name: 'Save' }).click();
  await expect(cyMate.page.getByText('Round 1 from Cy, edited: more evening appointments')).toBeVisible();

  // The anonymous person withdraws their note; it disappears for their tablemate too.
  const anonMate = phones.find((p) => p !== anon && round1.get(p) === round1.get(anon));
  if (!anonMate) throw new Error('anonymous person has no tablemate');
  await postNote(anon, 'A note I will take back');
  await expect(anonMate.page.getByText('A note I will take back')).toBeVisible();
  const mine = anon.page
    .getByTestId('table-notes')
    .getByRole('listitem')
    .filter({ hasText: 'A note I will take back' });
  await mine.getByRole('button', { name: 'Withdraw' }).click();
  await mine.getByRole('button', { name: 'Yes, withdraw it' }).click();
  await expect(anonMate.page.getByText('A note I will take back')).toHaveCount(0);

  await shot(f, 'facilitator-round-1');
  await shot(projector, 'projector-round-1');
  await shot(ann.page, 'phone-round-1');

  // End round 1: every phone says where to go; hosts stay, the others change tables.
  await f.getByRole('button', { name: 'End round 1' }).click();
  await f.getByRole('button', { name: 'Yes, end round 1' }).click();
  for (const p of phones) await expect(p.page.getByText('Round 1 is over')).toBeVisible();
  await expect(ann.page.getByTestId('go-to-table')).toContainText('Stay at table 1');
  await expect(bo.page.getByTestId('go-to-table')).toContainText('Stay at table 2');
  for (const p of [cy, anon]) {
    const next = await tableOnPhone(p);
    expect(next).not.toBe(round1.get(p));
    await expect(p.page.getByTestId('go-to-table')).toContainText(`Go to table ${next}`);
  }

  // The host of table 1 sees what the first group wrote there, to brief the newcomers.
  const earlier = ann.page.getByTestId('earlier-round-1');
  for (const q of phones.filter((p) => round1.get(p) === 1)) {
    const text = q === cy ? 'Round 1 from Cy, edited' : `Round 1 from ${q.label}`;
    await expect(earlier.getByText(text, { exact: false })).toBeVisible();
  }
  await expect(earlier.getByText('A note I will take back')).toHaveCount(0);
  await shot(ann.page, 'phone-host-between-rounds');
  await shot(cy.page, 'phone-go-to-table');
  await shot(projector, 'projector-between-rounds');

  // Round 2, then the end.
  await f.getByRole('button', { name: 'Start round 2' }).click();
  for (const p of phones) {
    await expect(p.page.getByTestId('my-table')).toBeVisible();
    await postNote(p, `Round 2 from ${p.label}`);
  }
  await f.getByRole('button', { name: 'End round 2' }).click();
  await f.getByRole('button', { name: 'Yes, end round 2' }).click();
  for (const p of phones) await expect(p.page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await shot(f, 'facilitator-finished');

  // Export: every note that was not withdrawn, in each format.
  const expected = [
    'Round 1 from Ann: "care", close to home 🌱',
    'Round 1 from Bo: "care", close to home 🌱',
    'Round 1 from Cy, edited: more evening appointments',
    'Round 1 from anonymous: "care", close to home 🌱',
    ...phones.map((p) => `Round 2 from ${p.label}`),
  ];
  const files: Record<string, string> = {};
  for (const [format, label] of [
    ['md', 'Markdown'],
    ['csv', 'CSV'],
    ['json', 'JSON'],
  ] as const) {
    const download = f.waitForEvent('download');
    await f.getByRole('button', { name: label, exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`community-health-cafe-notes.${format}`);
    const where = `${SCREENS}/../export.${format}`;
    await file.saveAs(where);
    files[format] = fs.readFileSync(where, 'utf8');
  }
  const json = JSON.parse(files.json ?? '{}') as {
    rounds: { question: string; tables: { table: number; notes: { text: string }[] }[] }[];
  };
  const jsonTexts = json.rounds.flatMap((r) => r.tables.flatMap((t) => t.notes.map((n) => n.text)));
  expect(jsonTexts.sort()).toEqual([...expected].sort());
  expect(json.rounds.map((r) => r.question)).toEqual([
    'What works well in local care?',
    'What should change first?',
  ]);
  // CSV quotes the notes that hold commas and double quotes.
  expect(files.csv).toContain('"Round 1 from Ann: ""care"", close to home 🌱"');
  expect(files.csv).not.toContain('A note I will take back');
  // Markdown keeps every note (its escaping adds backslashes before punctuation).
  const md = (files.md ?? '').replace(/\\(.)/g, '$1');
  for (const text of expected) expect(md).toContain(text);
  expect(md).toContain('## Round 1: What works well in local care?');
  expect(md).toContain('### Table 1');

  for (const p of phones) await p.context.close();
  await laptop.close();
});
