/**
 * Hostile text shows as text everywhere: a title, a name and notes full of HTML, script and
 * Markdown reach the phone, the facilitator console, the projector, the harvest and the published
 * page without running, and every page carries a security policy that would block them anyway.
 */
import { expect, type Page, test } from '@playwright/test';
import { joinOnPhone } from './phone';

const TITLE = 'Safe <img src=x onerror="window.__xss=1"> café';
const NAME = '<b onmouseover="window.__xss=2">Bo</b>';
const NOTES = [
  '<script>window.__xss=3</script> buses please',
  '<img src=x onerror="window.__xss=4"> more benches',
  '[click me](javascript:window.__xss=5) **loud** =HYPERLINK("http://example.com")',
];

/** Nothing a person typed ran on this page, and the page is protected by a nonce policy. */
async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
}

test('notes, names and titles full of markup are shown as text and never run', async ({
  browser,
  request,
}) => {
  const violations: string[] = [];
  const created = await request.post('/api/events', {
    data: {
      settings: {
        title: TITLE,
        purpose: 'Checking <i>markup</i> stays text',
        tables: 1,
        rounds: [{ question: 'What would <u>help</u>?', minutes: 20 }],
        identity: 'choice',
      },
    },
  });
  const { eventId, joinCode, facilitatorToken } = (await created.json()) as Record<string, string>;

  const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const f = await laptop.newPage();
  f.on(
    'console',
    (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && violations.push(m.text()),
  );
  const response = await f.goto(`/f/${eventId}#${facilitatorToken}`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  // Each page view has its own nonce.
  const again = await request.get(`/f/${eventId}`);
  expect(again.headers()['content-security-policy']).not.toBe(csp);

  const { page: phone } = await joinOnPhone(browser, joinCode ?? '', NAME);
  phone.on(
    'console',
    (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && violations.push(m.text()),
  );
  await expect(phone.getByRole('heading', { name: 'You’re in' })).toBeVisible();
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await f.getByRole('button', { name: 'Start round 1' }).click();
  for (const text of NOTES) {
    await phone.getByLabel('Add a note for your table').fill(text);
    await phone.getByRole('button', { name: 'Add note' }).click();
    await expect(phone.getByTestId('table-notes').getByText(text)).toBeVisible();
  }
  await expect(phone.getByText(TITLE).first()).toBeVisible();
  await expectInert(phone);

  for (const text of NOTES) await expect(f.getByText(text).first()).toBeVisible();
  await expect(f.getByText(TITLE).first()).toBeVisible();
  await expect(f.getByText(NAME).first()).toBeVisible();
  await expectInert(f);

  const projector = await laptop.newPage();
  await projector.goto(`/p/${eventId}#${facilitatorToken}`);
  await expect(projector.getByText('What would <u>help</u>?').first()).toBeVisible();
  await expectInert(projector);

  // Through the harvest to the published page.
  await f.getByRole('button', { name: 'Harvest', exact: true }).click();
  await f.getByRole('button', { name: 'Start the harvest' }).click();
  await expect(f.getByTestId('theme-card').first()).toBeVisible();
  await expectInert(f);
  await f.getByRole('button', { name: 'Publish “What you told us”' }).click();
  const reader = await browser.newPage();
  reader.on(
    'console',
    (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && violations.push(m.text()),
  );
  await reader.goto(`/told/${eventId}`);
  await expect(reader.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(reader.getByText(NOTES[0] ?? '').first()).toBeVisible();
  await expect(reader.getByText('1 person took part and wrote 3 notes.')).toBeVisible();
  await expectInert(reader);

  // The app's own scripts all ran under the policy: nothing of ours was blocked.
  expect(violations).toEqual([]);
  await laptop.close();
  await reader.close();
});
