/**
 * Everyone can take part: every page and key state passes axe (WCAG 2.2 AA rules) in the light,
 * dark and high-contrast themes; a whole café run from the keyboard alone, with focus always
 * visible; the console's one-key shortcuts; and on phones, touch targets, text at 200%, live
 * announcements, reduced motion and the optional round-end beep. Screenshots of key screens, light
 * and dark, are kept in test-results/screens/a11y-*.png.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { joinOnPhone, type Phone } from './phone';
import { SCREENS, screen } from './screens';

/** axe itself (the engine @axe-core/playwright wraps), put into a page once rather than at every run. */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Run axe on the page as it is now. The source goes in through the debugging protocol (as
 * @axe-core/playwright does, so the pages' Content Security Policy does not stop it), once per
 * page load; injecting it again for every theme was most of the time this spec took.
 */
async function runAxe(page: Page, runOnly: { type: 'tag' | 'rule'; values: string[] }) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (only) =>
      (
        window as unknown as {
          axe: {
            run: (
              ctx: Document,
              opts: object,
            ) => Promise<Record<'violations' | 'passes' | 'incomplete', unknown>>;
          };
        }
      ).axe.run(document, { runOnly: only }),
    runOnly,
  ) as Promise<{ violations: AxeResult[]; passes: AxeResult[]; incomplete: AxeResult[] }>;
}
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** axe's good-practice rules too: heading order, landmarks, a heading one on every page. */
const AXE_TAGS = [...TAGS, 'best-practice'];
/**
 * What a theme changes is colour: in the dark and high-contrast themes axe runs the rules that
 * read colours (every other rule gives the same answer in every theme, and runs in the light one).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1366, height: 900 };
/** A 20-minute round a few seconds in, after one more minute. */
const EXTENDED = /^20:[1-5]\d$/;

/** What axe found, by page and theme: written to a file at the end, for the record. */
const found: Record<string, { violations: number; passes: number; incomplete: string[] }> = {};

/**
 * axe on the page as it is now: every rule in the light theme, the colour rules again in the dark
 * theme (and high contrast when asked), with a screenshot of each. Soft failures, so one run lists
 * every problem on every page.
 */
async function audit(page: Page, name: string, { contrast = false, shot = true } = {}) {
  const themes = [
    ['light', { colorScheme: 'light', contrast: 'no-preference' }],
    ['dark', { colorScheme: 'dark', contrast: 'no-preference' }],
    ...(contrast
      ? ([
          ['contrast', { colorScheme: 'light', contrast: 'more' }],
          ['dark-contrast', { colorScheme: 'dark', contrast: 'more' }],
        ] as const)
      : []),
  ] as const;
  for (const [theme, media] of themes) {
    await page.emulateMedia(media);
    const { violations, passes, incomplete } = await runAxe(
      page,
      theme === 'light' ? { type: 'tag', values: AXE_TAGS } : { type: 'rule', values: COLOUR_RULES },
    );
    found[`${name} (${theme})`] = {
      violations: violations.reduce((n, v) => n + v.nodes.length, 0),
      passes: passes.length,
      // What axe could not decide (e.g. text over a see-through colour): to look at by eye.
      incomplete: incomplete.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    };
    const explained = violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`,
    );
    expect.soft(explained, `axe on ${name} (${theme})`).toEqual([]);
    if (shot && (theme === 'light' || theme === 'dark'))
      await screen(page, { path: `${SCREENS}/a11y-${name}-${theme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light', contrast: 'no-preference' });
}

/**
 * What a phone screen must also do: every button and link at least 44 × 44 px, and with the text
 * at 200% nothing is cut off and the page does not scroll sideways.
 */
async function phoneChecks(page: Page, name: string) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], summary, [role="button"]')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.sr-only'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ el, box }) => `${el.textContent?.trim()} (${Math.round(box.width)}×${Math.round(box.height)})`),
  );
  expect.soft(small, `touch targets under 44 px on ${name}`).toEqual([]);

  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const cut = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        if (el.closest('.sr-only') || el.getClientRects().length === 0) return false;
        const style = getComputedStyle(el);
        const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
        return clips && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 40)}`);
    return { sideways: root.scrollWidth - root.clientWidth, cut };
  });
  await screen(page, { path: `${SCREENS}/a11y-${name}-text-200.png`, fullPage: true });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });
  expect.soft(overflow.sideways, `sideways scroll at 200% text on ${name}`).toBeLessThanOrEqual(0);
  expect.soft(overflow.cut, `text cut off at 200% on ${name}`).toEqual([]);
}

async function phoneAt(browser: Browser) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

async function createEvent(request: APIRequestContext, settings: Record<string, unknown>) {
  const res = await request.post('/api/events', {
    data: { settings: { purpose: '', identity: 'choice', tables: 1, rounds: [], ...settings } },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { eventId: string; joinCode: string; facilitatorToken: string };
}

const OPEN_SPACE = {
  theme: 'How can we help each other live well as we get older?',
  slots: [
    { start: '10:00', end: '11:00', isBreak: false, label: '' },
    { start: '11:00', end: '11:30', isBreak: true, label: 'Coffee' },
    { start: '11:30', end: '12:30', isBreak: false, label: '' },
  ],
  spaces: [
    { name: 'Main hall', capacity: 40, notes: 'step-free access' },
    { name: 'Garden room', capacity: null, notes: '' },
  ],
  selfScheduling: true,
  votesPerPerson: 3,
};

async function postNote(page: Page, text: string) {
  await page.getByLabel('Add a note for your table').fill(text);
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByTestId('table-notes').getByText(text)).toBeVisible();
}

test.afterAll(() => {
  fs.writeFileSync('test-results/a11y-violations.json', `${JSON.stringify(found, null, 2)}\n`);
});

test('every page and key state passes axe, in light, dark and high contrast', async ({
  browser,
  request,
}) => {
  test.setTimeout(900_000);
  const laptop = await browser.newContext({ viewport: LAPTOP });
  const f = await laptop.newPage();

  await f.goto('/');
  await expect(f.getByRole('heading', { name: 'Café Space' })).toBeVisible();
  await audit(f, 'home', { contrast: true });
  await f.goto('/new?kind=cafe');
  await expect(f.getByLabel('Round 1 question')).toBeVisible();
  await audit(f, 'new-cafe');
  await f.goto('/new?kind=openSpace');
  await expect(f.getByLabel(/Theme/)).toBeVisible();
  await audit(f, 'new-openspace');
  await f.goto('/accessibility');
  await expect(f.getByRole('heading', { name: 'Accessibility and help' })).toBeVisible();
  await audit(f, 'statement');

  const home = await phoneAt(browser);
  await home.page.goto('/');
  await audit(home.page, 'home-phone');
  await phoneChecks(home.page, 'home-phone');
  await home.page.getByRole('link', { name: 'Accessibility and help' }).click();
  await expect(home.page.getByRole('heading', { name: 'Accessibility and help' })).toBeVisible();
  await audit(home.page, 'statement-phone');
  await phoneChecks(home.page, 'statement-phone');
  await home.context.close();

  // A café: the phone's join screen, then the lobby on every screen.
  const cafe = await createEvent(request, {
    title: 'Community health café',
    purpose: 'Hearing what matters to people about local care.',
    rounds: [
      { question: 'What works well in local care?', minutes: 20 },
      { question: 'What should change first?', minutes: 20 },
    ],
  });
  const join = await phoneAt(browser);
  await join.page.goto(`/j/${cafe.joinCode}`);
  await expect(join.page.getByText('You are joining')).toBeVisible();
  await audit(join.page, 'phone-join', { contrast: true });
  await phoneChecks(join.page, 'phone-join');
  await expect(join.page.getByRole('link', { name: 'Accessibility and help' })).toBeVisible();
  await join.context.close();

  const phones: Phone[] = [];
  for (const name of ['Ann', 'Bo', '']) {
    const p = await joinOnPhone(browser, cafe.joinCode, name);
    await expect(p.page.getByRole('heading', { name: 'You’re in' })).toBeVisible();
    phones.push(p);
  }
  const [ann, bo, anon] = phones as [Phone, Phone, Phone];
  await audit(ann.page, 'phone-lobby', { contrast: true });
  await phoneChecks(ann.page, 'phone-lobby');

  await f.goto(`/f/${cafe.eventId}#${cafe.facilitatorToken}`);
  await expect(f.getByText('3 here')).toBeVisible();
  await audit(f, 'console-lobby', { contrast: true });
  // The console on a co-facilitator's phone: nothing makes the page wider than the screen.
  const onPhone = await phoneAt(browser);
  await onPhone.page.goto(`/f/${cafe.eventId}#${cafe.facilitatorToken}`);
  await expect(onPhone.page.getByText('3 here')).toBeVisible();
  expect(await onPhone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  await onPhone.context.close();
  const projector = await laptop.newPage();
  await projector.goto(`/p/${cafe.eventId}#${cafe.facilitatorToken}`);
  await expect(projector.getByText('3 people here')).toBeVisible();
  await audit(projector, 'projector-lobby');

  // Round 1 running, with notes.
  await f.getByLabel('Host for Ann').selectOption('1');
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await f.getByRole('button', { name: 'Start round 1' }).click();
  await postNote(ann.page, 'Lonely people need a friendly face every week');
  await postNote(bo.page, 'The bus to the health centre only runs twice a day');
  await postNote(anon.page, 'We need a bus that stops at the surgery');
  await postNote(ann.page, 'A lunch club so nobody eats alone');
  await postNote(bo.page, 'More buses in the evening for hospital visits');
  await postNote(anon.page, 'Befriending visits for people living alone');
  await expect(ann.page.getByTestId('table-notes').getByRole('listitem')).toHaveCount(6);
  await audit(ann.page, 'phone-round', { contrast: true });
  await phoneChecks(ann.page, 'phone-round');
  await expect(f.getByText('Befriending visits for people living alone')).toBeVisible();
  await audit(f, 'console-round', { contrast: true });
  await audit(projector, 'projector-round');

  // Between rounds: the host's briefing on the phone, the next step on the console.
  await f.getByRole('button', { name: 'End round 1' }).click();
  await f.getByRole('button', { name: 'Yes, end round 1' }).click();
  await expect(ann.page.getByTestId('earlier-round-1')).toBeVisible();
  await audit(ann.page, 'phone-host-between-rounds');
  await phoneChecks(ann.page, 'phone-host-between-rounds');
  await expect(f.getByRole('button', { name: 'Start round 2' })).toBeVisible();
  await audit(f, 'console-between-rounds');
  await expect(bo.page.getByTestId('go-to-table')).toBeVisible();
  await audit(bo.page, 'phone-go-to-table');
  await phoneChecks(bo.page, 'phone-go-to-table');

  // The harvest: live themes, then curation with voting open (and the vote on a phone), published.
  await f.getByRole('button', { name: 'Harvest', exact: true }).click();
  await expect(f.getByTestId('live-group').first()).toBeVisible();
  await audit(f, 'console-harvest-live');
  await f.getByRole('button', { name: 'Start the harvest' }).click();
  await expect(f.getByTestId('theme-card').first()).toBeVisible();
  await f.getByRole('button', { name: /Open the voting/ }).click();
  await expect(bo.page.getByRole('heading', { name: 'What matters most?' })).toBeVisible();
  await audit(bo.page, 'phone-harvest-vote');
  await phoneChecks(bo.page, 'phone-harvest-vote');
  await f.getByRole('button', { name: 'Publish “What you told us”' }).click();
  await expect(f.getByTestId('public-link')).toBeVisible();
  await audit(f, 'console-harvest', { contrast: true });
  await projector.goto(`/p/${cafe.eventId}?view=harvest#${cafe.facilitatorToken}`);
  await expect(projector.getByTestId('projector-theme').first()).toBeVisible();
  await audit(projector, 'projector-harvest');
  await f.goto(`/told/${cafe.eventId}`);
  await expect(f.getByTestId('told-theme').first()).toBeVisible();
  await audit(f, 'told');
  await anon.page.goto(`/told/${cafe.eventId}`);
  await expect(anon.page.getByTestId('told-theme').first()).toBeVisible();
  await audit(anon.page, 'told-phone');
  await phoneChecks(anon.page, 'told-phone');
  for (const p of phones) await p.context.close();

  // An Open Space: the marketplace on the console, the wall on the projector, the agenda and a
  // session on a phone.
  const os = await createEvent(request, { title: 'Living well in Riverside', openSpace: OPEN_SPACE });
  await f.goto(`/f/${os.eventId}#${os.facilitatorToken}`);
  await f.getByRole('button', { name: 'Open the marketplace' }).click();
  const cy = await joinOnPhone(browser, os.joinCode, 'Cy');
  const dee = await joinOnPhone(browser, os.joinCode, 'Dee');
  await cy.page.getByRole('button', { name: 'Propose', exact: true }).click();
  await audit(cy.page, 'phone-openspace-propose');
  await phoneChecks(cy.page, 'phone-openspace-propose');
  await cy.page.getByLabel('Title').fill('Loneliness after retirement');
  await cy.page
    .getByLabel('When and where')
    .selectOption({ label: '10:00–11:00, Main hall (step-free access)' });
  await cy.page.getByRole('button', { name: 'Propose it' }).click();
  await dee.page.getByRole('button', { name: 'Propose', exact: true }).click();
  await dee.page.getByLabel('Title').fill('Getting to the GP without a car');
  await dee.page.getByRole('button', { name: 'Propose it' }).click();
  await cy.page.getByRole('button', { name: 'Agenda', exact: true }).click();
  const row = cy.page.getByTestId('session-row').filter({ hasText: 'Loneliness after retirement' });
  await row.getByRole('button', { name: 'I’m here' }).click();
  await expect(cy.page.getByTestId('where-i-am')).toContainText('Loneliness after retirement');
  await audit(cy.page, 'phone-openspace-agenda', { contrast: true });
  await phoneChecks(cy.page, 'phone-openspace-agenda');
  await cy.page.getByRole('button', { name: 'Open “Loneliness after retirement”' }).click();
  await cy.page.getByLabel('Add a note').fill('Lunch clubs matter');
  await cy.page.getByRole('button', { name: 'Add note' }).click();
  await expect(cy.page.getByTestId('session-notes').getByText('Lunch clubs matter')).toBeVisible();
  await audit(cy.page, 'phone-openspace-session');
  await phoneChecks(cy.page, 'phone-openspace-session');

  await expect(f.getByTestId('session-card')).toHaveCount(2);
  await audit(f, 'console-openspace', { contrast: true });
  await projector.goto(`/p/${os.eventId}#${os.facilitatorToken}`);
  await expect(projector.getByTestId('wall-session')).toHaveCount(1);
  await audit(projector, 'projector-openspace');

  // The closing: dot votes on a phone and the ranking on the projector, then action planning.
  await f.getByRole('button', { name: 'Convergence: dot votes' }).click();
  await cy.page.getByRole('button', { name: '← Back to the agenda' }).click();
  await cy.page.getByRole('button', { name: 'Vote', exact: true }).click();
  await cy.page.getByRole('button', { name: 'Give a dot to “Loneliness after retirement”' }).click();
  await expect(cy.page.getByTestId('dots-left')).toHaveText('You have 2 of 3 dots left.');
  await audit(cy.page, 'phone-openspace-vote');
  await phoneChecks(cy.page, 'phone-openspace-vote');
  await expect(projector.getByText('1 dot', { exact: true })).toBeVisible();
  await audit(projector, 'projector-openspace-ranking');
  await audit(f, 'console-openspace-convergence');
  await f.getByRole('button', { name: 'Action planning' }).click();
  await cy.page.getByRole('button', { name: 'Actions', exact: true }).click();
  await expect(cy.page.getByRole('button', { name: 'Propose an action' }).first()).toBeVisible();
  await audit(cy.page, 'phone-openspace-actions');
  await phoneChecks(cy.page, 'phone-openspace-actions');
  await cy.context.close();
  await dee.context.close();
  await laptop.close();
});

/** The accessible name of the focused element, and whether its focus can be seen. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const label =
      el.getAttribute('aria-label') ??
      ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '').trim();
    return {
      name: label.replace(/\s+/g, ' '),
      outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
      describe: `${el.tagName.toLowerCase()} "${label}" outline ${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/**
 * Tab (or Shift+Tab) until the element named `name` has focus, checking at every stop on the way
 * that the focus can be seen.
 */
async function tabTo(page: Page, name: string | RegExp, { back = false, max = 120 } = {}) {
  const matches = (n: string) => (typeof name === 'string' ? n === name : name.test(n));
  for (let i = 0; i <= max; i++) {
    const now = await focused(page);
    if (now) expect(now.outline, `visible focus on ${now.describe}`).toBe(true);
    if (now && matches(now.name)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

async function expectFocusOn(page: Page, name: string) {
  await expect.poll(async () => (await focused(page))?.name).toBe(name);
  expect((await focused(page))?.outline, `visible focus on ${name}`).toBe(true);
}

test('a whole café run on the console from the keyboard alone, focus always visible', async ({ browser }) => {
  test.setTimeout(180_000);
  const laptop = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true });
  const f = await laptop.newPage();

  // Set up from the start page with Tab, Enter and Space (and typing into the boxes).
  await f.goto('/');
  await tabTo(f, 'Set up a World Café');
  await f.keyboard.press('Enter');
  await expect(f.getByRole('heading', { name: 'Set up an event' })).toBeVisible();
  await tabTo(f, 'Title');
  await f.keyboard.type('Keyboard café');
  await tabTo(f, 'Round 1 question');
  await f.keyboard.type('What helps you feel at home here?');
  await tabTo(f, 'Round 2 question');
  await f.keyboard.type('What would you change first?');
  await tabTo(f, 'Remove round 3');
  await f.keyboard.press('Space');
  await expect(f.getByLabel('Round 3 question')).toHaveCount(0);
  await tabTo(f, 'Create the event');
  await f.keyboard.press('Enter');
  await expect(f.getByText('Keep this link secret.')).toBeVisible();
  const code = ((await f.locator('header .font-mono').textContent()) ?? '').trim();

  const phones = [await joinOnPhone(browser, code, 'Ann'), await joinOnPhone(browser, code, 'Bo')];
  const [ann] = phones as [Phone, Phone];
  await expect(f.getByText('2 here')).toBeVisible();

  // Seat and start: after each step, focus moves on to the next step's button.
  await tabTo(f, 'Seat people for round 1');
  await f.keyboard.press('Enter');
  await expectFocusOn(f, 'Start round 1');
  await f.keyboard.press('Space');
  await expectFocusOn(f, 'Pause');
  await expect(ann.page.getByTestId('my-table')).toBeVisible();

  // Pause and carry on.
  await f.keyboard.press('Enter');
  await expectFocusOn(f, 'Resume');
  await expect(f.getByText('Round 1 of 2 is paused.')).toBeVisible();
  await f.keyboard.press('Space');
  await expectFocusOn(f, 'Pause');

  // One more minute: Tab forward past it, then Shift+Tab back to it.
  await tabTo(f, '+5 minutes');
  await tabTo(f, '+1 minute', { back: true });
  await f.keyboard.press('Enter');
  await expect(f.getByText(EXTENDED)).toBeVisible();

  // End round 1: the confirmation takes the focus.
  await tabTo(f, 'End round 1');
  await f.keyboard.press('Enter');
  await expectFocusOn(f, 'Yes, end round 1');
  await f.keyboard.press('Space');
  await expectFocusOn(f, 'Start round 2');
  for (const p of phones) await expect(p.page.getByText('Round 1 is over')).toBeVisible();

  // Round 2, then the end of the café.
  await f.keyboard.press('Enter');
  await expectFocusOn(f, 'Pause');
  await tabTo(f, 'End round 2');
  await f.keyboard.press('Enter');
  await expectFocusOn(f, 'Yes, end round 2');
  await f.keyboard.press('Enter');
  await expect(f.getByRole('heading', { name: 'Café finished' })).toBeVisible();
  for (const p of phones) await expect(p.page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();

  // Download the notes.
  await tabTo(f, 'Markdown');
  const download = f.waitForEvent('download');
  await f.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toBe('keyboard-cafe-notes.md');
  await screen(f, { path: `${SCREENS}/a11y-keyboard-finished.png`, fullPage: true });

  for (const p of phones) await p.context.close();
  await laptop.close();
});

test('the console’s one-key shortcuts, shown on screen, never firing while typing', async ({
  browser,
  request,
}) => {
  const cafe = await createEvent(request, {
    title: 'Shortcut café',
    rounds: [
      { question: 'What helps?', minutes: 20 },
      { question: 'What next?', minutes: 20 },
    ],
  });
  const phone = await joinOnPhone(browser, cafe.joinCode, 'Ann');
  const laptop = await browser.newContext({ viewport: LAPTOP });
  const f = await laptop.newPage();
  await f.goto(`/f/${cafe.eventId}#${cafe.facilitatorToken}`);
  await expect(f.getByText('1 here')).toBeVisible();

  const list = f.getByTestId('shortcuts');
  await expect(f.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  for (const key of ['S', 'P', 'E', 'N']) await expect(list.locator('kbd', { hasText: key })).toBeVisible();
  await expect(f.getByRole('button', { name: 'Seat people for round 1' })).toHaveAttribute(
    'aria-keyshortcuts',
    'S',
  );

  await f.keyboard.press('s');
  await expect(f.getByRole('button', { name: 'Start round 1' })).toBeVisible();
  await f.keyboard.press('s');
  await expect(f.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(phone.page.getByTestId('my-table')).toBeVisible();
  await f.keyboard.press('p');
  await expect(f.getByRole('button', { name: 'Resume' })).toBeVisible();
  await f.keyboard.press('p');
  await expect(f.getByRole('button', { name: 'Pause' })).toBeVisible();
  await f.keyboard.press('e');
  await expect(f.getByText(EXTENDED)).toBeVisible();

  // Typing in a box is typing: none of these letters does anything to the café.
  const box = f.getByLabel(/Type the join code/);
  await box.click();
  await f.keyboard.type('spen');
  await expect(box).toHaveValue('spen');
  await f.waitForTimeout(500);
  await expect(f.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(f.getByRole('button', { name: 'Yes, end round 1' })).toHaveCount(0);
  await expect(f.getByText(EXTENDED)).toBeVisible();

  // N asks first; Enter confirms.
  await f.getByRole('heading', { name: 'Round 1 of 2' }).click();
  await f.keyboard.press('n');
  await expectFocusOn(f, 'Yes, end round 1');
  await f.keyboard.press('Enter');
  await expect(f.getByRole('button', { name: 'Start round 2' })).toBeVisible();

  // The shortcuts can be turned off (and stay off on this laptop).
  await f.getByLabel(/Use these one-key shortcuts/).uncheck();
  await f.getByRole('heading', { name: 'Round 2 of 2' }).click();
  await f.keyboard.press('s');
  await f.waitForTimeout(500);
  await expect(f.getByRole('button', { name: 'Start round 2' })).toBeVisible();
  await f.reload();
  await expect(f.getByLabel(/Use these one-key shortcuts/)).not.toBeChecked();
  await f.getByLabel(/Use these one-key shortcuts/).check();
  await f.getByRole('heading', { name: 'Round 2 of 2' }).click();
  await f.keyboard.press('s');
  await expect(f.getByRole('button', { name: 'Pause' })).toBeVisible();

  await phone.context.close();
  await laptop.close();
});

test('phones: summed-up announcements, reduced motion and the optional round-end beep', async ({
  browser,
  request,
}) => {
  const cafe = await createEvent(request, {
    title: 'Listening café',
    rounds: [
      { question: 'What helps?', minutes: 5 },
      { question: 'What next?', minutes: 1 },
    ],
  });
  // Record the beeps and buzzes instead of making them.
  const record = () => {
    const w = window as unknown as { cues: string[] };
    w.cues = [];
    navigator.vibrate = () => {
      w.cues.push('buzz');
      return true;
    };
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args) {
      w.cues.push('beep');
      return start.apply(this, args);
    };
  };
  const cues = (p: Page) => p.evaluate(() => (window as unknown as { cues: string[] }).cues);

  const ann = await joinOnPhone(browser, cafe.joinCode, 'Ann');
  const bo = await joinOnPhone(browser, cafe.joinCode, 'Bo');
  for (const p of [ann, bo]) {
    await p.page.addInitScript(record);
    await p.page.reload();
    await expect(p.page.getByRole('heading', { name: 'You’re in' })).toBeVisible();
  }
  await ann.page.emulateMedia({ reducedMotion: 'reduce' });

  // The beep is off unless turned on; turning it on plays it once, as a sample.
  const cue = ann.page.getByLabel('Beep and buzz when a round ends');
  await expect(cue).not.toBeChecked();
  await cue.check();
  expect(await cues(ann.page)).toEqual(['buzz', 'beep']);

  const laptop = await browser.newContext({ viewport: LAPTOP });
  const f = await laptop.newPage();
  await f.goto(`/f/${cafe.eventId}#${cafe.facilitatorToken}`);
  const phoneSays = ann.page.getByTestId('announcer');
  const consoleSays = f.getByTestId('announcer');
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await expect(phoneSays).toHaveText('Round 1 is about to start. Go to table 1.');
  await expect(consoleSays).toHaveText('People are going to their tables for round 1.');
  await f.getByRole('button', { name: 'Start round 1' }).click();
  await expect(phoneSays).toHaveText('Round 1 of 2 has started.');
  await expect(consoleSays).toHaveText('Round 1 of 2 has started.');

  // Three notes from a tablemate are one short summary, not three notes read out.
  for (const text of ['Buses', 'Lunch clubs', 'Evening appointments']) {
    await bo.page.getByLabel('Add a note for your table').fill(text);
    await bo.page.getByRole('button', { name: 'Add note' }).click();
  }
  await expect(phoneSays).toHaveText('3 new notes at your table.', { timeout: 10_000 });
  await expect(consoleSays).toHaveText('3 new notes from the tables.', { timeout: 10_000 });
  await expect(bo.page.getByTestId('announcer')).not.toContainText('new note');
  await expect(ann.page.getByTestId('table-notes')).not.toHaveAttribute('aria-live');

  // Reduced motion: nothing on the phone moves.
  const moving = await ann.page.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((el) => {
        const s = getComputedStyle(el);
        return (
          s.animationName !== 'none' || (s.transitionDuration !== '0s' && s.transitionProperty !== 'none')
        );
      }).length,
  );
  expect(moving).toBe(0);

  // The round ends: Ann's phone beeps and buzzes (she turned it on); Bo's stays quiet.
  await f.getByRole('button', { name: 'End round 1' }).click();
  await f.getByRole('button', { name: 'Yes, end round 1' }).click();
  await expect(phoneSays).toHaveText('Round 1 has ended. Stay at table 1.');
  await expect.poll(() => cues(ann.page)).toEqual(['buzz', 'beep', 'buzz', 'beep']);
  expect(await cues(bo.page)).toEqual([]);

  // A one-minute round: the warning is said once, on the phone and the console.
  await f.getByRole('button', { name: 'Start round 2' }).click();
  // (The two may come a second apart, as one message or two.)
  await expect(phoneSays).toHaveText(/One minute left in this round\.$/);
  await expect(consoleSays).toHaveText(/One minute left in this round\.$/);
  await screen(ann.page, { path: `${SCREENS}/a11y-phone-last-minute-light.png`, fullPage: true });

  await ann.context.close();
  await bo.context.close();
  await laptop.close();
});
