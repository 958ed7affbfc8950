/**
 * The café as the room sees it: the projector designed for each moment (a big QR code in the
 * lobby; the question, the timer, the tables and a small corner code during a round; thanks and
 * no QR code at the end), fitting 1366×768 and 1920×1080 without scrolling; and the console
 * always showing the next step, flagging a table with no host, and leading to the harvest.
 * axe finds nothing on the console with the flag, nor on the projector during a round and at the
 * end. Screenshots of every state at both sizes are kept in test-results/screens.
 */
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { joinOnPhone, type Phone, postNote } from './phone';
import { SCREENS, screen } from './screens';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const LONG_QUESTION =
  'Thinking about the parks, the river path and the allotments you use or walk past, and about the people who never go there, what one change would make the biggest difference to who feels welcome, safe and at home in our green spaces next year?';

async function createEvent(request: APIRequestContext, settings: Record<string, unknown>) {
  const res = await request.post('/api/events', {
    data: { settings: { purpose: '', identity: 'choice', tables: 1, rounds: [], ...settings } },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { eventId: string; joinCode: string; facilitatorToken: string };
}

/** At both projector sizes: nothing scrolls, and a screenshot of the state is kept. */
async function fitsBothSizes(projector: Page, state: string) {
  for (const size of SIZES) {
    await projector.setViewportSize(size);
    await expect
      .poll(() =>
        projector.evaluate(() => {
          const d = document.documentElement;
          // Nothing spills out of its own box either (one part drawn over another).
          const spilled = [...document.querySelectorAll<HTMLElement>('main, main *')]
            .filter((el) => !(el instanceof SVGElement) && !el.matches('.truncate, .sr-only'))
            .filter((el) => getComputedStyle(el).display !== 'inline')
            .filter((el) => {
              // A line set tight (the big code, the clock) may poke out of its box by a little of
              // its own height; a part drawn over another spills far more.
              const slack = Math.max(2, Number.parseFloat(getComputedStyle(el).fontSize) * 0.3);
              return el.scrollHeight > el.clientHeight + slack || el.scrollWidth > el.clientWidth + slack;
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
          return {
            tall: d.scrollHeight <= window.innerHeight,
            wide: d.scrollWidth <= window.innerWidth,
            spilled,
          };
        }),
      )
      .toEqual({ tall: true, wide: true, spilled: [] });
    await screen(projector, { path: `${SCREENS}/room-${state}-${size.width}x${size.height}.png` });
  }
}

/** axe finds nothing (WCAG 2.2 AA and good practice) on the screen as it is now. */
async function noAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The share of the screen's height the join QR code takes. */
async function qrShare(projector: Page): Promise<number> {
  const box = await projector.getByRole('img', { name: /QR code to join/ }).boundingBox();
  const height = projector.viewportSize()?.height ?? 1;
  if (!box) throw new Error('no QR code on the projector');
  return box.height / height;
}

test('the projector fits each moment of the café, and the console always shows the next step', async ({
  browser,
  request,
}) => {
  test.setTimeout(480_000);
  const cafe = await createEvent(request, {
    title: 'Our green spaces',
    tables: 3,
    rounds: [
      { question: 'What do you value most about the parks and green spaces in our town?', minutes: 20 },
      { question: LONG_QUESTION, minutes: 20 },
    ],
  });
  const laptop = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const f = await laptop.newPage();
  await f.goto(`/f/${cafe.eventId}#${cafe.facilitatorToken}`);
  const projector = await laptop.newPage();
  await projector.goto(`/p/${cafe.eventId}#${cafe.facilitatorToken}`);

  // The lobby: joining is the moment. A big QR code, the code, the address and the head count.
  const phones: Phone[] = [];
  for (const name of ['Ann', 'Bo', 'Cy', 'Di', 'Ed']) {
    const p = await joinOnPhone(browser, cafe.joinCode, name);
    await expect(p.page.getByRole('heading', { name: 'You’re in' })).toBeVisible();
    phones.push(p);
  }
  const [ann, bo, cy] = phones as [Phone, Phone, Phone];
  await expect(projector.getByText('5 people here')).toBeVisible();
  await expect(projector.getByTestId('join-code')).toHaveText(cafe.joinCode);
  await expect(projector.getByRole('img', { name: /QR code to join/ }).locator('svg')).toBeVisible();
  await expect(projector.getByTestId('corner-join')).toHaveCount(0);
  await fitsBothSizes(projector, 'lobby');
  expect(await qrShare(projector)).toBeGreaterThan(0.5);

  // Ann and Bo host tables 1 and 2; table 3 has nobody to host it.
  await f.getByLabel('Host for Ann').selectOption('1');
  await f.getByLabel('Host for Bo').selectOption('2');
  await expect(f.getByText('host of 2')).toBeVisible();
  await expect(f.getByTestId('no-host')).toHaveCount(0);
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();

  // Seated: the console flags table 3 (in words and with a sign) and says what to do.
  const flag = f.getByTestId('no-host');
  await expect(flag).toContainText('Table 3 has no host');
  await expect(flag).toContainText('Choose one in People below');
  await expect(flag.locator('svg')).toBeVisible();
  await expect(f.getByTestId('table-3-no-host')).toContainText('No host: choose one in People');
  await expect(f.getByTestId('table-1-no-host')).toHaveCount(0);
  await expect(f.getByRole('button', { name: 'Start round 1' })).toBeVisible();
  await screen(f, { path: `${SCREENS}/room-console-no-host.png`, fullPage: true });
  await noAxeViolations(f);

  // The projector: find your table, the first question, a small corner code for latecomers.
  await expect(projector.getByText('Find your table')).toBeVisible();
  await expect(projector.getByText('Question for round 1')).toBeVisible();
  await expect(projector.getByTestId('room-table')).toHaveCount(3);
  await expect(projector.getByTestId('corner-code')).toHaveText(cafe.joinCode);
  await fitsBothSizes(projector, 'seated');
  expect(await qrShare(projector)).toBeLessThan(0.2);

  // Running: the question, the timer and each table's notes this round, live.
  await f.getByRole('button', { name: 'Start round 1' }).click();
  await expect(f.getByRole('button', { name: 'End round 1' })).toBeVisible();
  await postNote(ann, 'Somewhere quiet to sit away from traffic');
  await postNote(ann, 'The allotments on Mill Lane');
  await postNote(bo, 'Free space for the kids to run around');
  const tiles = projector.getByTestId('room-table');
  await expect(tiles).toHaveCount(3);
  await expect(tiles.nth(0)).toContainText('Table 1');
  await expect(tiles.nth(0)).toContainText('2 notes');
  await expect(tiles.nth(0)).toContainText('Host here');
  await expect(tiles.nth(1)).toContainText('1 note');
  await expect(tiles.nth(2)).toContainText('No host yet');
  await expect(projector.getByText('Time left')).toBeVisible();
  await expect(projector.getByTestId('corner-code')).toHaveText(cafe.joinCode);
  await expect(projector.getByTestId('join-code')).toHaveCount(0);
  await fitsBothSizes(projector, 'running');
  await noAxeViolations(projector);
  expect(await qrShare(projector)).toBeLessThan(0.2);
  await expect(cy.page.getByLabel('Beep and buzz when a round ends')).toBeVisible();

  // The flag stays during the round until a host is chosen for table 3.
  await expect(flag).toContainText('Table 3 has no host');
  await f.getByLabel('Host for Cy').selectOption('3');
  await expect(flag).toHaveCount(0);
  await expect(f.getByTestId('table-3-no-host')).toHaveCount(0);
  await expect(tiles.nth(2)).toContainText('Host here');

  // Paused.
  await f.getByRole('button', { name: 'Pause' }).click();
  await expect(projector.getByText('Paused')).toBeVisible();
  await fitsBothSizes(projector, 'paused');

  // Between rounds: where to go, the next (long) question, and still nothing scrolls.
  await f.getByRole('button', { name: 'End round 1' }).click();
  await f.getByRole('button', { name: 'Yes, end round 1' }).click();
  await expect(projector.getByText('Round 1 is over. Your phone shows your next table.')).toBeVisible();
  await expect(projector.getByText('Question for round 2')).toBeVisible();
  await expect(projector.getByTestId('projector-question')).toHaveText(LONG_QUESTION);
  await fitsBothSizes(projector, 'between-rounds');
  await expect(f.getByRole('button', { name: 'Start round 2' })).toBeVisible();

  await f.getByRole('button', { name: 'Start round 2' }).click();
  await postNote(bo, 'Keep the public toilets open until dusk');
  await expect(tiles.nth(1)).toContainText('1 note');
  await expect(tiles.nth(0)).toContainText('0 notes');
  await fitsBothSizes(projector, 'running-long-question');

  // Finished: thanks, what the room did, what comes next, and no join QR code.
  await f.getByRole('button', { name: 'End round 2' }).click();
  await f.getByRole('button', { name: 'Yes, end round 2' }).click();
  await expect(projector.getByText('Thank you for taking part')).toBeVisible();
  await expect(projector.getByTestId('finished-totals')).toContainText('5 people took part');
  await expect(projector.getByTestId('finished-totals')).toContainText('4 notes written');
  await expect(projector.getByText('What happens next')).toBeVisible();
  await expect(projector.getByRole('img', { name: /QR code to join/ })).toHaveCount(0);
  await expect(projector.getByTestId('corner-join')).toHaveCount(0);
  await fitsBothSizes(projector, 'finished');
  await noAxeViolations(projector);

  // The phone's beep setting and the console's shortcut help are gone with the café.
  await expect(cy.page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(cy.page.getByLabel('Beep and buzz when a round ends')).toHaveCount(0);
  await expect(f.getByRole('heading', { name: 'Café finished' })).toBeVisible();
  await expect(f.getByRole('heading', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expect(f.getByTestId('no-host')).toHaveCount(0);

  // The console's next step is the harvest, which opens with the focus on its tab.
  const next = f.getByRole('button', { name: 'Go to the harvest' });
  await expect(next).toBeFocused();
  await screen(f, { path: `${SCREENS}/room-console-finished.png`, fullPage: true });
  await noAxeViolations(f);
  await next.click();
  const harvestTab = f.getByRole('button', { name: 'Harvest', exact: true });
  await expect(harvestTab).toHaveAttribute('aria-pressed', 'true');
  await expect(harvestTab).toBeFocused();
  await expect(f.getByRole('button', { name: 'Start the harvest' })).toBeVisible();

  for (const p of phones) await p.context.close();
  await laptop.close();
});

test('a big café still fits: two rows of table tiles for 12 tables, a summary line for 30', async ({
  browser,
  request,
}) => {
  test.setTimeout(480_000);
  for (const tables of [12, 30]) {
    const cafe = await createEvent(request, {
      title: `A café with ${tables} tables`,
      tables,
      rounds: [
        { question: 'What would make our high street a place you want to spend time in?', minutes: 20 },
      ],
    });
    const ann = await joinOnPhone(browser, cafe.joinCode, 'Ann');
    await expect(ann.page.getByRole('heading', { name: 'You’re in' })).toBeVisible();
    const laptop = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const f = await laptop.newPage();
    await f.goto(`/f/${cafe.eventId}#${cafe.facilitatorToken}`);
    const projector = await laptop.newPage();
    await projector.goto(`/p/${cafe.eventId}#${cafe.facilitatorToken}`);
    await f.getByRole('button', { name: 'Seat people for round 1' }).click();
    await f.getByRole('button', { name: 'Start round 1' }).click();
    await postNote(ann, 'Benches and shade');
    if (tables <= 24) {
      await expect(projector.getByTestId('room-table')).toHaveCount(tables);
      // Ann's table, wherever the seating put her.
      await expect(projector.locator('[data-testid="room-table"][data-notes="1"]')).toContainText('1 note');
    } else {
      await expect(projector.getByTestId('room-table')).toHaveCount(0);
      await expect(projector.getByTestId('room-summary')).toContainText('30 tables · 1 note this round');
      await expect(projector.getByTestId('room-summary')).toContainText('30 tables have no host yet');
    }
    await fitsBothSizes(projector, `running-${tables}-tables`);
    await ann.context.close();
    await laptop.close();
  }
});
