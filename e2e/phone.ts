/** A participant's phone in the end-to-end tests: its own browser context at phone size. */
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';

export interface Phone {
  /** How the tests refer to this person: their name, or "anonymous". */
  label: string;
  page: Page;
  context: BrowserContext;
}

/** Open the join link, give the name (or none) and join; the caller checks what the phone shows next. */
export async function joinOnPhone(browser: Browser, code: string, name: string): Promise<Phone> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto(`/j/${code}`);
  await expect(page.getByText('You are joining')).toBeVisible();
  if (name) await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: name ? 'Join' : 'Join anonymously' }).click();
  return { label: name || 'anonymous', page, context };
}
