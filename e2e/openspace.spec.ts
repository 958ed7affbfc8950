/**
 * A small Open Space in a real browser: a facilitator, a projector and four phones. Marketplace,
 * a merge and a move, an announcement made and cleared, the law of two feet seen live, reports,
 * dot votes, an action adopted from a report, and the proceedings.
 */
import fs from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { joinOnPhone, type Phone } from './phone';
import { SCREENS, screen } from './screens';

async function join(browser: Browser, code: string, name: string): Promise<Phone> {
  const phone = await joinOnPhone(browser, code, name);
  await expect(phone.page.getByText('Go wherever you learn or contribute most.')).toBeVisible();
  return phone;
}

async function propose(p: Phone, title: string, place: string | null) {
  await p.page.getByRole('button', { name: 'Propose', exact: true }).click();
  await p.page.getByLabel('Title').fill(title);
  await p.page.getByLabel('A few words about it').fill(`Proposed by ${p.label}`);
  if (place) await p.page.getByLabel('When and where').selectOption({ label: place });
  await p.page.getByRole('button', { name: 'Propose it' }).click();
  await expect(p.page.getByTestId('session-row').filter({ hasText: title })).toBeVisible();
}

/** Nothing spills off the projector at either common size (screenshots of both); back to 1920x1080. */
async function expectNoOverflow(projector: Page, name: string) {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await projector.setViewportSize(size);
    const overflow = await projector.evaluate(() => {
      const boxes = [
        document.documentElement,
        ...document.querySelectorAll('main, main section, main aside'),
      ];
      return boxes
        .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        .map(
          (el) =>
            `${el.tagName} ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`,
        );
    });
    expect(overflow, `${name} at ${size.width}x${size.height}`).toEqual([]);
    await screen(projector, { path: `${SCREENS}/openspace-projector-${name}-${size.width}.png` });
  }
}

const row = (p: Phone, title: string) => p.page.getByTestId('session-row').filter({ hasText: title });

async function agenda(p: Phone) {
  await p.page.getByRole('button', { name: 'Agenda', exact: true }).click();
}

async function writeReport(p: Phone, title: string, keyPoints: string, actions = '') {
  await agenda(p);
  await p.page.getByRole('button', { name: `Open “${title}”` }).click();
  await p.page.getByLabel('Key points').fill(keyPoints);
  if (actions) await p.page.getByLabel('Proposed actions').fill(actions);
  await p.page.getByLabel('How many people took part').fill('6');
  await p.page.getByRole('button', { name: 'Save the report' }).click();
  await expect(p.page.getByRole('button', { name: 'Saved' })).toBeVisible();
  await p.page.getByRole('button', { name: '← Back to the agenda' }).click();
}

test('a small Open Space from marketplace to proceedings', async ({ browser }) => {
  // Four phones, a console and a projector through every stage of the day.
  test.setTimeout(300_000);
  const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const f = await laptop.newPage();
  await f.goto('/');
  await f.getByRole('link', { name: 'Set up an Open Space' }).click();
  await f.getByLabel('Title').fill('Living well in Riverside');
  await f.getByLabel(/Theme/).fill('How can we help each other live well as we get older?');
  await f.getByRole('button', { name: 'Create the event' }).click();
  await expect(f.getByRole('button', { name: 'Open the marketplace' })).toBeVisible();
  const link = await f.getByTestId('facilitator-link').inputValue();
  const code = ((await f.locator('header .font-mono').textContent()) ?? '').trim();

  const projector = await laptop.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(link.replace('/f/', '/p/'));
  await expect(projector.getByTestId('join-code')).toHaveText(code);

  const phones: Phone[] = [];
  for (const name of ['Ann', 'Bo', 'Cy', '']) phones.push(await join(browser, code, name));
  const [ann, bo, cy, anon] = phones as [Phone, Phone, Phone, Phone];

  // Marketplace: proposals are refused until it opens, then four arrive from four phones.
  await expect(ann.page.getByRole('button', { name: 'Propose', exact: true })).toHaveCount(0);
  await f.getByRole('button', { name: 'Open the marketplace' }).click();
  await expect(projector.getByText('Marketplace open')).toBeVisible();
  await propose(ann, 'Loneliness after retirement', '10:00–11:00, Main hall (step-free access)');
  await propose(bo, 'Getting to the GP without a car', '10:00–11:00, Room 2 (has a screen)');
  await propose(cy, 'Transport for older people', null);
  await propose(anon, 'Intergenerational gardening', '11:15–12:15, Main hall (step-free access)');
  for (const title of [
    'Loneliness after retirement',
    'Getting to the GP without a car',
    'Intergenerational gardening',
  ])
    await expect(projector.getByTestId('wall-session').filter({ hasText: title })).toBeVisible();
  await expect(f.getByRole('heading', { name: 'Proposals not on the wall yet (1)' })).toBeVisible();

  // The facilitator merges the two transport proposals and moves the gardening session outside.
  await f
    .getByLabel('Merge “Transport for older people” into')
    .selectOption({ label: 'Getting to the GP without a car' });
  await expect(f.getByRole('heading', { name: 'Proposals not on the wall yet (0)' })).toBeVisible();
  await expect(projector.getByTestId('wall-session').filter({ hasText: 'Getting to the GP' })).toContainText(
    'by Bo and Cy',
  );
  await f
    .getByLabel('Move “Intergenerational gardening”')
    .selectOption({ label: '11:15–12:15, Garden room' });
  await agenda(bo);
  await expect(row(bo, 'Intergenerational gardening')).toContainText('Garden room');
  // An announcement reaches every phone and the projector; cleared, it leaves them all at once.
  await f.getByLabel('Announcement to every phone and the projector').fill('Lunch is in the hall at one.');
  await f.getByRole('button', { name: 'Announce', exact: true }).click();
  await expect(ann.page.getByTestId('announcement')).toContainText('Lunch is in the hall at one.');
  await expect(projector.getByTestId('projector-announcement')).toHaveText('Lunch is in the hall at one.');
  await f.getByLabel('Announcement to every phone and the projector').fill('Lunch has moved to the garden.');
  await f.getByRole('button', { name: 'Replace the announcement' }).click();
  await expect(bo.page.getByTestId('announcement')).toContainText('Lunch has moved to the garden.');
  await expect(projector.getByTestId('projector-announcement')).toHaveText('Lunch has moved to the garden.');
  await f.getByRole('button', { name: 'Clear the announcement' }).click();
  await expect(ann.page.getByTestId('announcement')).toHaveCount(0);
  await expect(bo.page.getByTestId('announcement')).toHaveCount(0);
  await expect(projector.getByTestId('projector-announcement')).toHaveCount(0);
  await expect(f.getByText('No announcement is showing.')).toBeVisible();

  await expect(projector.getByTestId('big-qr')).toBeVisible();
  await expectNoOverflow(projector, 'joining');
  await f.getByRole('button', { name: 'Close the marketplace' }).click();
  // The next step is the next phase, never the marketplace again; the projector's code gets small.
  await expect(f.getByTestId('next-step')).toHaveText('Start the dot votes');
  await expect(f.getByRole('button', { name: 'Open the marketplace' })).toHaveCount(0);
  await expect(projector.getByTestId('big-qr')).toHaveCount(0);
  await expect(projector.getByTestId('corner-code')).toContainText(code);

  // The law of two feet: Ann arrives in one session, then moves; Bo's phone and the projector follow.
  await agenda(ann);
  await row(ann, 'Loneliness after retirement').getByRole('button', { name: 'I’m here' }).click();
  await expect(row(bo, 'Loneliness after retirement').getByTestId('session-counts')).toContainText('1 here');
  const wallCount = (title: string) =>
    projector.getByTestId('wall-session').filter({ hasText: title }).getByTestId('wall-count');
  await expect(wallCount('Loneliness after retirement')).toHaveText('1 here');
  await row(ann, 'Getting to the GP without a car').getByRole('button', { name: 'I’m here' }).click();
  await expect(row(bo, 'Loneliness after retirement').getByTestId('session-counts')).toContainText('0 here');
  await expect(row(bo, 'Getting to the GP without a car').getByTestId('session-counts')).toContainText(
    '1 here',
  );
  await expect(wallCount('Loneliness after retirement')).toHaveText('0 here');
  await expect(wallCount('Getting to the GP without a car')).toHaveText('1 here');
  await expect(ann.page.getByTestId('where-i-am')).toHaveText(
    'You are in “Getting to the GP without a car”.',
  );

  // Notes in a session reach the others there.
  await ann.page.getByRole('button', { name: 'Open “Getting to the GP without a car”' }).click();
  await ann.page.getByLabel('Add a note').fill('Community minibus on Tuesdays?');
  await ann.page.getByRole('button', { name: 'Add note' }).click();
  await bo.page.getByRole('button', { name: 'Open “Getting to the GP without a car”' }).click();
  await expect(
    bo.page.getByTestId('session-notes').getByText('Community minibus on Tuesdays?'),
  ).toBeVisible();
  await bo.page.getByRole('button', { name: '← Back to the agenda' }).click();
  // Ann is not a convener here, so she sees the report but cannot write it.
  await expect(ann.page.getByRole('heading', { name: 'Session report' })).toBeVisible();
  await expect(ann.page.getByRole('button', { name: 'Save the report' })).toHaveCount(0);
  await ann.page.getByRole('button', { name: '← Back to the agenda' }).click();

  await screen(projector, { path: `${SCREENS}/openspace-projector-wall.png` });
  await screen(ann.page, { path: `${SCREENS}/openspace-phone-agenda.png`, fullPage: true });
  await screen(f, { path: `${SCREENS}/openspace-facilitator.png`, fullPage: true });

  // Reports, by the conveners (Cy convenes the merged session too).
  const reports = {
    'Loneliness after retirement': 'Lunch clubs matter; people want a friendly face more than a service.',
    'Getting to the GP without a car': 'Volunteer drivers exist but nobody knows how to book them.',
    'Intergenerational gardening': 'The school allotment has space; start in spring.',
  };
  await writeReport(ann, 'Loneliness after retirement', reports['Loneliness after retirement']);
  await writeReport(
    cy,
    'Getting to the GP without a car',
    reports['Getting to the GP without a car'],
    '- Ask the surgery to share the volunteer drivers’ number.\n- Start a lift-share list',
  );
  await writeReport(anon, 'Intergenerational gardening', reports['Intergenerational gardening']);
  await expect(f.getByText('report written')).toHaveCount(3);

  // Convergence: dot votes, limited, ranked live on the projector.
  await expect(f.getByTestId('next-step')).toHaveText('Start the dot votes');
  await f.getByTestId('next-step').click();
  await expect(f.getByRole('button', { name: 'Convergence: dot votes' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const vote = async (p: Phone, title: string, times: number) => {
    await p.page.getByRole('button', { name: 'Vote', exact: true }).click();
    for (let i = 0; i < times; i++)
      await p.page.getByRole('button', { name: `Give a dot to “${title}”` }).click();
  };
  await vote(ann, 'Getting to the GP without a car', 2);
  await vote(ann, 'Loneliness after retirement', 1);
  await expect(ann.page.getByTestId('dots-left')).toHaveText('You have 0 of 3 dots left.');
  await expect(
    ann.page.getByRole('button', { name: 'Give a dot to “Intergenerational gardening”' }),
  ).toBeDisabled();
  await vote(bo, 'Getting to the GP without a car', 3);
  await vote(anon, 'Intergenerational gardening', 2);
  await expect(projector.getByRole('listitem').first()).toContainText('Getting to the GP without a car');
  await expect(projector.getByRole('listitem').first()).toContainText('5 dots');
  await screen(projector, { path: `${SCREENS}/openspace-projector-ranking.png` });
  await expectNoOverflow(projector, 'ranking');

  // Action planning: a proposed action from a report becomes a plan in one tap, on a phone.
  await expect(f.getByTestId('next-step')).toHaveText('Move on to planning actions');
  await f.getByTestId('next-step').click();
  await expect(f.getByTestId('report-draft')).toHaveCount(2);
  await bo.page.getByRole('button', { name: 'Actions', exact: true }).click();
  const drafted = 'Ask the surgery to share the volunteer drivers’ number.';
  await expect(bo.page.getByTestId('report-draft')).toHaveCount(2);
  await screen(bo.page, { path: `${SCREENS}/openspace-phone-drafts.png`, fullPage: true });
  await bo.page.getByRole('button', { name: `Adopt “${drafted}” as an action plan` }).click();
  await expect(bo.page.getByTestId('action-plan').filter({ hasText: drafted })).toContainText('Owners: you');
  await expect(f.getByTestId('report-draft')).toHaveCount(1);
  // The facilitator adopts the other from the console; it waits for owners.
  await f.getByRole('button', { name: 'Adopt “Start a lift-share list” as an action plan' }).click();
  await expect(f.getByTestId('report-draft')).toHaveCount(0);
  const plan = projector.getByTestId('projector-plan').filter({ hasText: drafted });
  await expect(plan).toContainText('From “Getting to the GP without a car”');
  await expect(plan).toContainText('Owners: Bo');
  await expect(
    projector.getByTestId('projector-plan').filter({ hasText: 'Start a lift-share list' }),
  ).toContainText('Owners wanted');
  await expect(projector.getByText('5 dots')).toHaveCount(0);
  await expect(projector.getByTestId('big-qr')).toHaveCount(0);
  await expect(f.getByTestId('next-step')).toHaveText('Download the book of proceedings');
  await expectNoOverflow(projector, 'actions');
  await screen(bo.page, { path: `${SCREENS}/openspace-phone-actions.png`, fullPage: true });
  await screen(f, { path: `${SCREENS}/openspace-facilitator-actions.png`, fullPage: true });

  // The book of proceedings holds every report, in agenda order, with the votes.
  const download = f.waitForEvent('download');
  await f.getByRole('button', { name: 'Proceedings (Markdown)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('living-well-in-riverside-proceedings.md');
  await file.saveAs(`${SCREENS}/../proceedings.md`);
  const raw = fs.readFileSync(`${SCREENS}/../proceedings.md`, 'utf8');
  // Ordinary sentences read as written: no backslash before a full stop or an exclamation mark.
  expect(raw).not.toMatch(/\\[.!]/);
  expect(raw).toContain('### Ask the surgery to share the volunteer drivers’ number.');
  const md = raw.replace(/\\(.)/g, '$1');
  for (const text of Object.values(reports)) expect(md).toContain(text);
  expect(md.indexOf('Loneliness after retirement')).toBeLessThan(md.indexOf('Intergenerational gardening'));
  expect(md).toContain('Getting to the GP without a car: 5 dots from 2 people');
  expect(md).toContain('Community minibus on Tuesdays?');
  expect(md).not.toContain('Transport for older people\n');

  const jsonDownload = f.waitForEvent('download');
  await f.getByRole('button', { name: 'Proceedings (JSON)' }).click();
  const jsonFile = await jsonDownload;
  await jsonFile.saveAs(`${SCREENS}/../proceedings.json`);
  const json = JSON.parse(fs.readFileSync(`${SCREENS}/../proceedings.json`, 'utf8')) as {
    sessions: { title: string; report: { keyPoints: string } | null }[];
  };
  expect(json.sessions.map((s) => s.title)).toEqual([
    'Loneliness after retirement',
    'Getting to the GP without a car',
    'Intergenerational gardening',
  ]);
  for (const s of json.sessions) expect(s.report?.keyPoints).toBe(reports[s.title as keyof typeof reports]);

  // The same book as a PDF, in the language chosen beside the buttons.
  await f.getByLabel('Language of the book').selectOption('pl');
  const pdfDownload = f.waitForEvent('download');
  await f.getByRole('button', { name: 'Proceedings (PDF)' }).click();
  const pdfFile = await pdfDownload;
  expect(pdfFile.suggestedFilename()).toBe('living-well-in-riverside-proceedings.pdf');
  await pdfFile.saveAs(`${SCREENS}/../proceedings-pl.pdf`);
  const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(`${SCREENS}/../proceedings-pl.pdf`)) });
  const pdfText = (await parser.getText()).text.replace(/\s+/g, ' ');
  await parser.destroy();
  expect(pdfText).toContain('Living well in Riverside: księga podsumowań');
  expect(pdfText).toContain(reports['Loneliness after retirement']);
  // The big button gives the book in the language chosen beside the buttons too.
  const bigDownload = f.waitForEvent('download');
  await f.getByTestId('next-step').click();
  const bigFile = await bigDownload;
  expect(bigFile.suggestedFilename()).toBe('living-well-in-riverside-proceedings.md');
  await bigFile.saveAs(`${SCREENS}/../proceedings-pl.md`);
  expect(fs.readFileSync(`${SCREENS}/../proceedings-pl.md`, 'utf8')).toContain('księga podsumowań');

  // Published, the page people get shows every session's report, in agenda order.
  await f.getByRole('button', { name: 'Harvest', exact: true }).click();
  await f.getByRole('button', { name: 'Start the harvest' }).click();
  // Beside Publish, the console says the sessions' reports and plans go out with it.
  await expect(
    f.getByText(
      'Publishing also shares the Open Space sessions’ reports and action plans on the page, without anyone’s name.',
    ),
  ).toBeVisible();
  await f.getByRole('button', { name: 'Publish “What you told us”' }).click();
  const publicUrl = await f.getByTestId('public-link').textContent();
  await bo.page.goto(publicUrl ?? '');
  const told = bo.page.getByTestId('told-session');
  await expect(told).toHaveCount(3);
  await expect(told.nth(0)).toContainText('Loneliness after retirement');
  for (const [title, keyPoints] of Object.entries(reports))
    await expect(told.filter({ hasText: title })).toContainText(keyPoints);
  await expect(bo.page.getByTestId('told-plan').first()).toBeVisible();
  await screen(bo.page, { path: `${SCREENS}/openspace-told-phone.png`, fullPage: true });

  for (const p of phones) await p.context.close();
  await laptop.close();
});
