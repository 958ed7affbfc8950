/**
 * Each person reads their phone in their own language. A phone switches to Polish in the middle
 * of a round, with a note written, a note waiting to be sent and a note half typed: nothing is
 * lost. It then switches to Arabic, and the page turns right to left. Meanwhile a tablemate's
 * phone stays in English. A phone whose browser is in Polish or Arabic opens in that language.
 * The organisers' screens too: a laptop whose browser is in Polish gets the start page, set-up,
 * console and projector in Polish; switching the console to Arabic turns it right to left and the
 * projector, in another tab, follows at once.
 * Screenshots (phones 360 × 740, laptop 1280 × 800) are kept in test-results/screens/lang-*.png.
 */
import fs from 'node:fs';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { SCREENS, screen } from './screens';

/** The organisers' catalogues, to find the screens' words in each language. */
const catalogue = <T>(part: string, locale: string): T =>
  JSON.parse(fs.readFileSync(`messages/${part}/${locale}.json`, 'utf8')) as T;
const consoleAr = catalogue<typeof import('../messages/console/en.json')>('console', 'ar');
const consolePl = catalogue<typeof import('../messages/console/en.json')>('console', 'pl');
const projectorAr = catalogue<typeof import('../messages/projector/en.json')>('projector', 'ar');
const projectorPl = catalogue<typeof import('../messages/projector/en.json')>('projector', 'pl');
const siteAr = catalogue<typeof import('../messages/site/en.json')>('site', 'ar');
const sitePl = catalogue<typeof import('../messages/site/en.json')>('site', 'pl');

const shot = (page: Page, name: string) => screen(page, { path: `${SCREENS}/lang-${name}.png` });

async function phone(browser: Browser, locale: string) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale,
  });
  return { context, page: await context.newPage() };
}

async function createEvent(request: APIRequestContext, settings: Record<string, unknown>) {
  const created = await request.post('/api/events', { data: { settings } });
  expect(created.ok()).toBe(true);
  return (await created.json()) as { eventId: string; joinCode: string; facilitatorToken: string };
}

const outboxOf = (page: Page) =>
  page.evaluate(() =>
    Object.entries(localStorage)
      .filter(([k]) => k.startsWith('cafe:outbox:'))
      .flatMap(([, v]) => JSON.parse(v) as { type: string; payload: { text?: string } }[]),
  );

test('each phone reads its own language, and switching keeps everything', async ({ browser, request }) => {
  const { eventId, joinCode, facilitatorToken } = await createEvent(request, {
    title: 'Neighbourhood café',
    purpose: 'What would make our streets better?',
    tables: 1,
    rounds: [{ question: 'What would make our street safer?', minutes: 20 }],
    identity: 'choice',
  });

  // Two phones whose browsers are in English join the same table. Ana's link to the café can be
  // cut (her socket refused) while the rest of the page still loads.
  const ana = await phone(browser, 'en-GB');
  const ben = await phone(browser, 'en-GB');
  let cut = false;
  await ana.page.routeWebSocket(/\/socket\.io\//, (ws) => (cut ? ws.close() : ws.connectToServer()));
  await ana.page.route('**/socket.io/**', (r) => (cut ? r.abort() : r.continue()));
  for (const [p, name] of [
    [ana, 'Ana'],
    [ben, 'Ben'],
  ] as const) {
    await p.page.goto(`/j/${joinCode}`);
    await expect(p.page.getByText('You are joining')).toBeVisible();
    await p.page.getByLabel(/Your name/).fill(name);
    await p.page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(p.page.getByRole('heading', { name: 'You’re in' })).toBeVisible();
  }

  const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const f = await laptop.newPage();
  await f.goto(`/f/${eventId}#${facilitatorToken}`);
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await f.getByRole('button', { name: 'Start round 1' }).click();
  await expect(ana.page.getByTestId('my-table')).toHaveText('Table 1');

  // Ana writes a note; then, without signal, a second one; then starts a third. Her signal comes
  // back but the café cannot be reached, so the second note waits in her outbox.
  await ana.page.getByLabel('Add a note for your table').fill('Slower cars near the school');
  await ana.page.getByRole('button', { name: 'Add note' }).click();
  await expect(ben.page.getByTestId('table-notes').getByText('Slower cars near the school')).toBeVisible();
  cut = true;
  await ana.context.setOffline(true);
  await expect(ana.page.getByRole('status').filter({ hasText: /Offline|Connecting/ })).toBeVisible();
  await ana.page.getByLabel('Add a note for your table').fill('More light in the park');
  await ana.page.getByRole('button', { name: 'Add note' }).click();
  await expect(ana.page.getByText('Waiting to send…')).toBeVisible();
  await ana.context.setOffline(false);
  await ana.page.getByLabel('Add a note for your table').fill('Half a thought');

  // Polish, mid-round: the words change; the table, the notes, the timer, the outbox and the
  // half-typed note stay.
  await ana.page.getByTestId('language-picker').selectOption('pl');
  await expect(ana.page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(ana.page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(ana.page.getByTestId('my-table')).toHaveText('Stolik 1');
  const composerPl = ana.page.getByLabel('Dodaj notatkę dla swojego stolika');
  await expect(composerPl).toHaveValue('Half a thought');
  await expect(ana.page.getByTestId('table-notes').getByText('Slower cars near the school')).toBeVisible();
  await expect(ana.page.getByTestId('table-notes').getByText('More light in the park')).toBeVisible();
  await expect(ana.page.getByText('Czeka na wysłanie…')).toBeVisible();
  await expect(ana.page.getByText('Pozostały czas')).toBeVisible();
  await expect(
    ana.page.getByRole('status').filter({ hasText: 'Brak połączenia – czeka na wysłanie (1)' }),
  ).toBeVisible();
  expect((await outboxOf(ana.page)).map((a) => a.payload.text)).toEqual(['More light in the park']);
  await shot(ana.page, 'pl-round');
  await ana.page.getByText('Czeka na wysłanie…').scrollIntoViewIfNeeded();
  await shot(ana.page, 'pl-notes');

  // Ben's phone was never asked: it is still in English.
  await expect(ben.page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(ben.page.getByLabel('Add a note for your table')).toBeVisible();
  await expect(ben.page.getByText('Time left')).toBeVisible();
  await expect(ben.page.getByText('Round 1 of 1 · 2 people')).toBeVisible();

  // Arabic: right to left, Arabic words; the join code, table number and timer stay as digits.
  await ana.page.getByTestId('language-picker').selectOption('ar');
  await expect(ana.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(ana.page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(ana.page.getByTestId('my-table')).toHaveText('الطاولة 1');
  await expect(ana.page.getByLabel('أضف ملاحظة لطاولتك')).toHaveValue('Half a thought');
  await expect(ana.page.getByText('الوقت المتبقي')).toBeVisible();
  await expect(ana.page.getByText('تنتظر الإرسال…')).toBeVisible();
  expect(await outboxOf(ana.page)).toHaveLength(1);
  // "14 / 500" under the note still reads left to right: 14 is drawn to the left of 500.
  expect(
    await ana.page.evaluate(() => {
      const text = document.querySelector('[id$="-count"] bdi')?.firstChild;
      if (!text?.textContent) return null;
      const left = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(text, from);
        range.setEnd(text, to);
        return range.getBoundingClientRect().left;
      };
      return left(0, 2) < left(text.textContent.length - 3, text.textContent.length);
    }),
  ).toBe(true);
  await ana.page.evaluate(() => window.scrollTo(0, 0));
  await shot(ana.page, 'ar-round');
  await ana.page.getByText('تنتظر الإرسال…').scrollIntoViewIfNeeded();
  await shot(ana.page, 'ar-notes');

  // The café is reachable again: the waiting note is sent and reaches Ben.
  cut = false;
  await expect(ana.page.getByRole('status').filter({ hasText: 'تم الحفظ' })).toBeVisible({ timeout: 30_000 });
  await expect(ben.page.getByTestId('table-notes').getByText('More light in the park')).toBeVisible();
  expect(await outboxOf(ana.page)).toEqual([]);
  await expect(ben.page.locator('html')).toHaveAttribute('dir', 'ltr');
  await ana.page.getByTestId('language-picker').scrollIntoViewIfNeeded();
  await shot(ana.page, 'ar-footer');
  await shot(ben.page, 'en-round');

  // The choice is kept on the phone: a reload opens in Arabic again.
  await ana.page.reload();
  await expect(ana.page.getByTestId('my-table')).toHaveText('الطاولة 1');
  await expect(ana.page.locator('html')).toHaveAttribute('dir', 'rtl');

  // A phone whose browser is in Polish opens the join screen in Polish; one in Arabic, in Arabic.
  const cy = await phone(browser, 'pl-PL');
  await cy.page.goto(`/j/${joinCode}`);
  await expect(cy.page.getByText('Dołączasz do spotkania')).toBeVisible();
  await expect(cy.page.getByRole('button', { name: 'Dołącz bez imienia' })).toBeVisible();
  await shot(cy.page, 'pl-join');
  // Without signal, a language not loaded yet cannot be shown: the screen stays in Polish and says so.
  await cy.context.setOffline(true);
  await cy.page.getByTestId('language-picker').selectOption('ar');
  await expect(
    cy.page.getByRole('alert').filter({ hasText: 'Nie udało się wczytać języka: العربية' }),
  ).toBeVisible();
  await expect(cy.page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(cy.page.getByTestId('language-picker')).toHaveValue('pl');
  await cy.context.setOffline(false);
  const dee = await phone(browser, 'ar-EG');
  await dee.page.goto(`/j/${joinCode}`);
  await expect(dee.page.getByText('أنت تنضم إلى')).toBeVisible();
  await expect(dee.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await shot(dee.page, 'ar-join');
  await dee.page.getByLabel(/اسمك/).fill('دينا');
  await dee.page.getByRole('button', { name: 'انضم', exact: true }).click();
  await expect(dee.page.getByTestId('my-table')).toHaveText('الطاولة 1');
  await expect(dee.page.getByTestId('table-notes').getByText('More light in the park')).toBeVisible();

  // A wrong code is explained in the phone's language, with the code itself left to right.
  await dee.page.goto('/j/ZZZZZZ');
  await expect(dee.page.getByRole('alert').filter({ hasText: 'لا يوجد لقاء بالرمز ZZZZZZ' })).toBeVisible();
  await shot(dee.page, 'ar-wrong-code');

  // The harvest: the vote on Ana's phone, and the published page, in Arabic and in Polish.
  for (const text of [
    'A safer crossing at the school gate',
    'Speed bumps on the road by the school',
    'A crossing patrol at the school at home time',
    'Brighter street lights on the park path',
    'Lights in the park so it feels safe at night',
  ]) {
    await ben.page.getByLabel('Add a note for your table').fill(text);
    await ben.page.getByRole('button', { name: 'Add note' }).click();
    await expect(ben.page.getByTestId('table-notes').getByText(text)).toBeVisible();
  }
  await f.getByRole('button', { name: 'Harvest', exact: true }).click();
  await f.getByRole('button', { name: 'Start the harvest' }).click();
  await expect(f.getByTestId('theme-card').first()).toBeVisible();
  await f.getByRole('button', { name: /^Open the voting/ }).click();
  await expect(ana.page.getByRole('heading', { name: 'ما الأهم؟' })).toBeVisible();
  await expect(ana.page.getByTestId('harvest-dots-left')).toHaveText('بقي لديك 3 من 3 نقاط.');
  await ana.page.getByRole('heading', { name: 'ما الأهم؟' }).scrollIntoViewIfNeeded();
  await shot(ana.page, 'ar-harvest-vote');
  await f.getByRole('button', { name: 'Publish “What you told us”' }).click();
  const told = (await f.getByTestId('public-link').textContent()) ?? '';
  await dee.page.goto(told);
  await expect(dee.page.getByTestId('told-theme').first()).toBeVisible();
  await expect(dee.page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(dee.page.getByRole('heading', { name: 'ما سمعناه' })).toBeVisible();
  await shot(dee.page, 'ar-told');
  await cy.page.goto(told);
  await expect(cy.page.getByRole('heading', { name: 'Co usłyszeliśmy' })).toBeVisible();
  await expect(cy.page.getByText(/Udział wzięły 3 osoby\. Razem napisaliście 7 notatek\./)).toBeVisible();
  await shot(cy.page, 'pl-told');

  for (const p of [ana, ben, cy, dee]) await p.context.close();
  await laptop.close();
});

test('an Open Space phone in Arabic and in Polish', async ({ browser, request }) => {
  const { eventId, joinCode, facilitatorToken } = await createEvent(request, {
    title: 'Riverside Open Space',
    purpose: '',
    tables: null,
    rounds: [],
    identity: 'choice',
    openSpace: {
      theme: 'How can we help each other live well?',
      slots: [
        { start: '10:00', end: '11:00', isBreak: false, label: '' },
        { start: '11:00', end: '11:30', isBreak: true, label: 'Coffee' },
        { start: '11:30', end: '12:30', isBreak: false, label: '' },
      ],
      spaces: [
        { name: 'Main hall', capacity: 40, notes: 'step-free access' },
        { name: 'Room 2', capacity: null, notes: '' },
      ],
      selfScheduling: true,
      votesPerPerson: 3,
    },
  });
  const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const f = await laptop.newPage();
  await f.goto(`/f/${eventId}#${facilitatorToken}`);
  await f.getByRole('button', { name: 'Open the marketplace' }).click();

  const rana = await phone(browser, 'ar');
  await rana.page.goto(`/j/${joinCode}`);
  await rana.page.getByLabel(/اسمك/).fill('رنا');
  await rana.page.getByRole('button', { name: 'انضم', exact: true }).click();
  await expect(rana.page.getByTestId('where-i-am')).toHaveText(/اذهب إلى حيث تتعلم/);
  await rana.page.getByRole('button', { name: 'اقترح', exact: true }).click();
  await rana.page.getByLabel('العنوان').fill('حدائق للجميع');
  await rana.page.getByLabel(/كلمات قليلة عنها/).fill('نزرع معًا في الحي.');
  await rana.page.getByLabel('متى وأين').selectOption('0:0');
  await shot(rana.page, 'ar-propose');
  await rana.page.getByRole('button', { name: 'اقترحها' }).click();
  const row = rana.page.getByTestId('session-row').filter({ hasText: 'حدائق للجميع' });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'أنا هنا', exact: true }).click();
  await expect(row.getByTestId('session-counts')).toContainText('هنا الآن: 1');
  // By space, each session shows its time; the range reads forwards in a right-to-left line.
  await rana.page.getByRole('button', { name: 'حسب المكان' }).click();
  await expect(row).toContainText('10:00–11:00');
  await shot(rana.page, 'ar-mine');
  await rana.page.getByRole('button', { name: 'البرنامج', exact: true }).click();
  await shot(rana.page, 'ar-agenda');
  await rana.page.getByRole('button', { name: 'افتح «حدائق للجميع»' }).click();
  await expect(rana.page.getByRole('heading', { name: 'اكتب ملخص الجلسة' })).toBeVisible();
  await shot(rana.page, 'ar-session');

  const piotr = await phone(browser, 'pl-PL');
  await piotr.page.goto(`/j/${joinCode}`);
  await piotr.page.getByRole('button', { name: 'Dołącz bez imienia' }).click();
  const rowPl = piotr.page.getByTestId('session-row').filter({ hasText: 'حدائق للجميع' });
  await expect(rowPl.getByTestId('session-counts')).toContainText('Tutaj: 1 · Zainteresowani: 0 · 40 miejsc');
  await expect(rowPl).toContainText('prowadzi: رنا');
  await shot(piotr.page, 'pl-agenda');

  for (const p of [rana, piotr]) await p.context.close();
  await laptop.close();
});

test('the organisers’ screens in Polish, then the console switched to Arabic with the projector following', async ({
  browser,
  request,
}) => {
  const { eventId, joinCode, facilitatorToken } = await createEvent(request, {
    title: 'Kawiarnia sąsiedzka',
    purpose: '',
    tables: 2,
    rounds: [{ question: 'Co poprawiłoby naszą ulicę?', minutes: 20 }],
    identity: 'choice',
  });
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL' });
  const page = await laptop.newPage();

  // The start page and set-up open in the browser's language.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { name: sitePl.home.joinHeading })).toBeVisible();
  await expect(page.getByRole('link', { name: sitePl.home.setUpCafe })).toBeVisible();
  await expect(page).toHaveTitle(sitePl.titles.home);
  await shot(page, 'home-pl');
  await page.goto('/new?kind=cafe');
  await expect(page).toHaveTitle(sitePl.titles.new);
  await shot(page, 'new-pl');

  // The console and the projector in Polish.
  await page.goto(`/f/${eventId}#${facilitatorToken}`);
  await expect(page).toHaveTitle(consolePl.pageTitle);
  await expect(page.getByText(consolePl.header.console, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: consolePl.header.harvest })).toBeVisible();
  await expect(page.getByText(joinCode).first()).toBeVisible();
  const projector = await laptop.newPage();
  await projector.goto(`/p/${eventId}#${facilitatorToken}`);
  await expect(projector.getByText(projectorPl.join)).toBeVisible();
  await expect(projector).toHaveTitle(projectorPl.pageTitle);
  await shot(page, 'console-pl');
  await shot(projector, 'projector-pl');
  // Nothing of the English console is left.
  for (const english of [
    'Facilitator console',
    'Run the event',
    'Open projector view',
    'Join from your phone',
  ])
    for (const screen of [page, projector])
      await expect(screen.getByText(english, { exact: true })).toHaveCount(0);

  // Arabic, chosen on the console: right to left at once, and the projector tab follows.
  await page.getByTestId('language-picker').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByText(consoleAr.header.console, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: consoleAr.header.harvest })).toBeVisible();
  await expect(projector.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(projector.getByText(projectorAr.join)).toBeVisible();
  await shot(page, 'console-ar');
  await shot(projector, 'projector-ar');

  // The choice is the browser's: the start page opens in Arabic next time.
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { name: siteAr.home.joinHeading })).toBeVisible();
  await shot(page, 'home-ar');
  await laptop.close();
});
