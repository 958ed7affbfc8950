/**
 * The loop back to people, end to end: three phones join through the privacy notice, say who
 * they are here as and what would help (one asks for large print), take part in a short café,
 * answer the evaluation when it is over, and see the "What you told us" link the moment the
 * organiser publishes. Weeks later the organiser updates a commitment, and the published page
 * shows it with its history. The harvest report comes down in English, Polish and Arabic, and
 * the first page of each is kept as a picture to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { SCREENS, screen } from './screens';

const NOTICE = 'We will share what you say at the Tuesday drop-in.';
const WHERE = 'At the Tuesday drop-in and on this page';
const GROUPS = ['Person who uses services', 'Carer', 'Staff'];

interface Joiner {
  name: string;
  group: string;
  largePrint: boolean;
  firstTime: boolean;
}

/** Join through the door: read the notice, answer the optional questions, join. */
async function join(browser: Browser, code: string, who: Joiner): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(`/j/${code}`);
  await expect(page.getByText('You are joining')).toBeVisible();
  await expect(page.getByText(NOTICE)).toBeVisible();
  await page.getByRole('radio', { name: who.group }).check();
  if (who.largePrint) await page.getByRole('checkbox', { name: /Large print/ }).check();
  await page.getByRole('radio', { name: who.firstTime ? /my first/ : /been to one before/ }).check();
  // The notice says who sees a note and how long it is kept.
  await expect(page.getByText(/Everything is (deleted|kept)/)).toBeVisible();
  await expect(page.getByText(/withdraw any note/)).toBeVisible();
  await page.getByLabel(/Your name/).fill(who.name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: 'You’re in' })).toBeVisible();
  return page;
}

/** The PDF's text and its first page as a PNG beside the screenshots. */
async function pdfFirstPage(file: string, name: string): Promise<string> {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, `${SCREENS}/${name}`]);
  const parser = new PDFParse({ data: fs.readFileSync(file) });
  return (await parser.getText()).text;
}

test('join, take part, evaluate, publish, follow up: the loop back to people', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const res = await request.post('/api/events', {
    data: {
      settings: {
        title: 'Loop café',
        purpose: 'Care closer to home.',
        identity: 'choice',
        tables: 1,
        rounds: [{ question: 'What would make care easier to reach?', minutes: 20 }],
        notice: NOTICE,
        groups: GROUPS,
        askNeeds: true,
        askFirstTime: true,
        results: { where: WHERE, by: null },
      },
    },
  });
  expect(res.status()).toBe(201);
  const ev = (await res.json()) as { eventId: string; joinCode: string; facilitatorToken: string };

  const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const f = await laptop.newPage();
  await f.goto(`/f/${ev.eventId}#${ev.facilitatorToken}`);

  const people: Joiner[] = [
    { name: 'Ann', group: 'Carer', largePrint: true, firstTime: true },
    { name: 'Bo', group: 'Staff', largePrint: false, firstTime: false },
    { name: 'Cy', group: 'Carer', largePrint: false, firstTime: true },
  ];
  const phones: Page[] = [];
  for (const p of people) phones.push(await join(browser, ev.joinCode, p));
  const [ann] = phones as [Page, Page, Page];
  await screen(ann, { path: `${SCREENS}/loop-phone-in.png`, fullPage: true });

  // The team sees counts by group and who asked for what, and marks it met.
  const here = f.getByRole('region', { name: 'Who is here' });
  await expect(here.getByText('Carer: 2')).toBeVisible();
  await expect(here.getByText('Staff: 1')).toBeVisible();
  // The box shows what the server has recorded, so it turns on once the mark is saved.
  const met = here.getByRole('checkbox', { name: /What would help .?Ann.? is met/ });
  await met.click();
  await expect(met).toBeChecked();
  await expect(here.getByText(/Met for 1 of 1 person/)).toBeVisible();

  // A short café.
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await f.getByRole('button', { name: 'Start round 1' }).click();
  const notes = [
    'The bus to the health centre only runs twice a day',
    'We need a bus that stops at the surgery',
    'Community transport to appointments would help older people',
    'Lonely people need a friendly face every week',
    'A lunch club so nobody eats alone',
    'Befriending visits for people living alone',
  ];
  for (const [i, text] of notes.entries()) {
    const p = phones[i % phones.length] as Page;
    await p.getByLabel('Add a note for your table').fill(text);
    await p.getByRole('button', { name: 'Add note' }).click();
    await expect(p.getByTestId('table-notes').getByText(text)).toBeVisible();
  }
  // Early, with time left: the console asks first.
  await f.getByRole('button', { name: 'End round 1' }).click();
  await f.getByRole('button', { name: 'Yes, end round 1' }).click();

  // The event is over: each phone says where the results will be shared, and asks how it went.
  for (const p of phones) {
    await expect(p.getByText(WHERE)).toBeVisible();
    await expect(
      p.getByTestId('evaluation').getByRole('heading', { name: 'How was it for you?' }),
    ).toBeVisible();
  }
  for (const [i, p] of phones.entries()) {
    await p
      .getByRole('radiogroup', { name: 'I felt listened to' })
      .getByRole('radio', { name: i === 2 ? 'Disagree' : 'Agree', exact: true })
      .check();
    await p.getByRole('button', { name: 'Send' }).click();
    await expect(p.getByTestId('evaluation').getByRole('heading', { name: 'Thank you' })).toBeVisible();
  }
  await expect(f.getByText('3 answers.')).toBeVisible();

  // The harvest: a commitment on the first theme, then publish.
  await f.getByRole('button', { name: 'Harvest', exact: true }).click();
  await f.getByRole('button', { name: 'Start the harvest' }).click();
  // The theme the bus notes went into (the engine names it).
  const theme = f.getByTestId('theme-card').filter({ hasText: 'We need a bus that stops at the surgery' });
  await expect(theme).toBeVisible();
  await theme.locator('summary').click();
  await theme.getByLabel('What we will do').fill('We will ask the bus company for a stop at the surgery.');
  await theme.getByLabel(/^Who/).fill('Transport team');
  await theme.getByRole('button', { name: 'Save the commitment' }).click();
  await f.getByRole('button', { name: 'Publish “What you told us”' }).click();

  // Every phone shows the link at once, without reloading.
  for (const p of phones) await expect(p.getByTestId('told-link')).toBeVisible();
  await screen(ann, { path: `${SCREENS}/loop-phone-told.png`, fullPage: true });

  // The link stays on the phone after the event, even opened with no signal (the installed page).
  const bo = phones[1] as Page;
  await expect
    .poll(() => bo.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
    .toBe(true);
  await bo.context().setOffline(true);
  await bo.reload();
  await expect(bo.getByTestId('told-link')).toBeVisible();
  await bo.context().setOffline(false);

  // Weeks later: the organiser updates the commitment.
  await theme.getByLabel('Status').selectOption({ label: 'In progress' });
  await theme.getByLabel('Add an update').fill('The bus company is looking at the timetable.');
  await theme.getByRole('button', { name: 'Save the update' }).click();

  // The published page, opened from a phone's link, shows the update.
  await ann.getByTestId('told-link').click();
  const told = ann.getByTestId('told-commitment').first();
  await expect(told).toContainText('We will ask the bus company for a stop at the surgery.');
  await expect(told).toContainText('In progress');
  await expect(told).toContainText('The bus company is looking at the timetable.');
  await screen(ann, { path: `${SCREENS}/loop-told.png`, fullPage: true });

  // The report, in each language, chosen beside the downloads.
  const expected = { en: 'Evidence of engagement', pl: 'Dowody zaangażowania', ar: 'أدلة المشاركة' };
  for (const [lang, words] of Object.entries(expected)) {
    await f.getByLabel('Report language').selectOption(lang);
    const download = f.waitForEvent('download');
    await f.getByRole('button', { name: 'PDF report', exact: true }).click();
    const file = `${SCREENS}/../loop-${lang}.pdf`;
    await (await download).saveAs(file);
    const text = await pdfFirstPage(file, `loop-report-${lang}`);
    expect(text, lang).toContain(words);
  }
  await laptop.close();
});
