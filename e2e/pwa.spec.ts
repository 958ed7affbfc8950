/**
 * The phone page as an app on the home screen that opens with no signal: its manifest is served
 * and complete, the service worker registers, and after one visit with a signal the page reloads
 * with the network switched off, from the worker's copy, still showing the table; a note written
 * then survives another offline reload and arrives once when the signal is back.
 */
import { expect, test } from '@playwright/test';
import { joinOnPhone } from './phone';

const PAGES = 'cafe-pages-v1';
const ASSETS = 'cafe-assets-v1';

/** Width and height from a PNG's header. */
function pngSize(body: Buffer): [number, number] {
  expect(body.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [body.readUInt32BE(16), body.readUInt32BE(20)];
}

test('the phone page installs, and reopens and keeps notes with no signal', async ({ browser, request }) => {
  const created = await request.post('/api/events', {
    data: {
      settings: {
        title: 'Pocket café',
        purpose: '',
        tables: 1,
        rounds: [{ question: 'What would help?', minutes: 15 }],
        identity: 'choice',
      },
    },
  });
  expect(created.status()).toBe(201);
  const { eventId, joinCode, facilitatorToken } = (await created.json()) as Record<string, string>;
  const code = joinCode ?? '';

  const { page: phone, context } = await joinOnPhone(browser, code, 'Pia');
  await expect(phone.getByRole('heading', { name: 'You’re in' })).toBeVisible();

  // The manifest: linked from the page, served, and with what installing needs.
  const href = await phone.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe(`/j/${code}/manifest.webmanifest`);
  const res = await request.get(href ?? '');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await res.json()) as {
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  } & Record<string, unknown>;
  expect(manifest).toMatchObject({
    name: 'Pocket café · Café Space',
    short_name: 'Café Space',
    start_url: `/j/${code}`,
    scope: '/j/',
    display: 'standalone',
    theme_color: '#0f766e',
    background_color: '#ffffff',
  });
  expect(String(manifest.start_url).startsWith(String(manifest.scope))).toBe(true);
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.purpose === 'any');
    expect(icon?.type).toBe('image/png');
    const png = await request.get(icon?.src ?? '');
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    expect(pngSize(await png.body())).toEqual([size, size]);
  }
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  const site = await request.get('/manifest.webmanifest');
  expect(site.status()).toBe(200);
  expect(await site.json()).toMatchObject({ start_url: '/', display: 'standalone' });

  // The service worker registers for the phone pages and takes charge of this one.
  await expect
    .poll(() =>
      phone.evaluate(
        async () => (await navigator.serviceWorker.getRegistration('/j/'))?.active?.state ?? null,
      ),
    )
    .toBe('activated');
  await expect.poll(() => phone.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // The organiser seats everyone and starts the round.
  const laptop = await browser.newContext();
  const f = await laptop.newPage();
  await f.goto(`/f/${eventId}#${facilitatorToken}`);
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await f.getByRole('button', { name: 'Start round 1' }).click();
  await expect(phone.getByTestId('my-table')).toHaveText('Table 1');

  // The worker has kept the page and every script and style the page loaded.
  await expect
    .poll(
      () =>
        phone.evaluate(
          async ({ pages, assets, path }) => {
            const page = await (await caches.open(pages)).match(`${location.origin}${path}`);
            const kept = new Set((await (await caches.open(assets)).keys()).map((r) => r.url));
            const missing = performance
              .getEntriesByType('resource')
              .map((e) => e.name)
              .filter((n) => new URL(n).pathname.startsWith('/_next/static/') && !kept.has(n));
            return { page: !!page, missing };
          },
          { pages: PAGES, assets: ASSETS, path: `/j/${code}` },
        ),
      { timeout: 30_000 },
    )
    .toEqual({ page: true, missing: [] });
  // The nonce of the kept copy: the page reloaded offline must be that copy, not a fresh one.
  const keptNonce = await phone.evaluate(
    async ({ pages, path }) => {
      const page = await (await caches.open(pages)).match(`${location.origin}${path}`);
      return /<script[^>]* nonce="([^"]+)"/.exec((await page?.text()) ?? '')?.[1] ?? null;
    },
    { pages: PAGES, path: `/j/${code}` },
  );
  expect(keptNonce).toBeTruthy();

  // No signal at all, and the page is reloaded: it opens from the worker's copy.
  await context.setOffline(true);
  await phone.reload();
  await expect(phone.getByTestId('my-table')).toHaveText('Table 1');
  expect(await phone.evaluate(() => document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce)).toBe(
    keptNonce,
  );
  const badge = phone.getByRole('status').filter({ hasText: /Offline|Connecting|Saved|Waiting/ });
  await expect(badge).toHaveText('Offline – your notes are kept on this phone');

  await phone.getByLabel('Add a note for your table').fill('Written on the train');
  await phone.getByRole('button', { name: 'Add note' }).click();
  await expect(phone.getByText('Waiting to send…')).toBeVisible();
  await expect(badge).toHaveText('Offline – waiting to send (1), kept on this phone');

  // Reloaded again, still offline: the table and the note are still there, waiting.
  await phone.reload();
  await expect(phone.getByTestId('my-table')).toHaveText('Table 1');
  await expect(phone.getByText('Written on the train')).toBeVisible();
  await expect(phone.getByText('Waiting to send…')).toBeVisible();
  await expect(f.getByText('Written on the train')).toHaveCount(0);

  // The signal comes back: the note is sent once.
  await context.setOffline(false);
  await expect(badge).toHaveText('Saved', { timeout: 30_000 });
  await expect(f.getByText('Written on the train')).toHaveCount(1);
  await phone.reload();
  await expect(phone.getByTestId('table-notes').getByText('Written on the train')).toHaveCount(1);
  const csv = await request.get(`/api/events/${eventId}/export.csv`, {
    headers: { authorization: `Bearer ${facilitatorToken}` },
  });
  expect((await csv.text()).split('Written on the train').length - 1).toBe(1);
  await laptop.close();
  await context.close();
});

test('the join screen works before the page’s scripts arrive, and the phone joins once', async ({
  browser,
  request,
}) => {
  const created = await request.post('/api/events', {
    data: {
      settings: {
        title: 'Slow signal café',
        purpose: '',
        tables: 1,
        rounds: [{ question: 'What would help?', minutes: 15 }],
        identity: 'choice',
      },
    },
  });
  expect(created.status()).toBe(201);
  const { joinCode } = (await created.json()) as Record<string, string>;
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    // Every script comes from the network here, none from the page's worker.
    serviceWorkers: 'block',
  });
  const phone = await context.newPage();

  // The page's scripts are held back, as on a weak signal, until the person has tapped Join.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let heldBack = 0;
  await phone.route('**/_next/static/chunks/**', async (route) => {
    heldBack++;
    await held;
    await route.continue();
  });
  await phone.goto(`/j/${joinCode}`, { waitUntil: 'commit' });
  await phone.getByLabel(/Your name/).fill('Sam');
  await phone.getByRole('button', { name: 'Join anonymously' }).click();
  await expect(phone.getByText('Joining…')).toBeVisible();
  await expect(phone.getByRole('button', { name: /^Join/ })).toBeHidden();
  expect(heldBack).toBeGreaterThan(0);
  const kept = await phone.evaluate((code) => localStorage.getItem(`cafe:p:${code}`), joinCode);
  expect(JSON.parse(kept ?? 'null')).toMatchObject({
    name: 'Sam',
    token: expect.stringMatching(/^[\w-]{32}$/),
  });

  // The scripts arrive: the live café takes the phone in with the token it made up.
  release();
  await expect(phone.getByRole('heading', { name: 'You’re in' })).toBeVisible();
  await expect(phone.getByText('1 person has joined so far.')).toBeVisible();

  // Reopened before the scripts come, the page never offers the form again.
  await phone.unrouteAll({ behavior: 'ignoreErrors' });
  let again = () => {};
  const heldAgain = new Promise<void>((resolve) => {
    again = resolve;
  });
  await phone.route('**/_next/static/chunks/**', async (route) => {
    await heldAgain;
    await route.continue();
  });
  await phone.reload({ waitUntil: 'commit' });
  await expect(phone.getByText('Joining…')).toBeVisible();
  await expect(phone.getByLabel(/Your name/)).toBeHidden();
  again();
  await expect(phone.getByRole('heading', { name: 'You’re in' })).toBeVisible();
  await expect(phone.getByText('1 person has joined so far.')).toBeVisible();
  await context.close();
});
