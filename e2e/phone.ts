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

/** Join and wait until the phone says the person is in. */
export async function newPhone(browser: Browser, code: string, name: string): Promise<Phone> {
  const phone = await joinOnPhone(browser, code, name);
  await expect(phone.page.getByRole('heading', { name: 'You’re in' })).toBeVisible();
  return phone;
}

/** Write a note for the phone's table and wait until it shows among the table's notes. */
export async function postNote(p: Phone, text: string) {
  await p.page.getByLabel('Add a note for your table').fill(text);
  await p.page.getByRole('button', { name: 'Add note' }).click();
  await expect(p.page.getByTestId('table-notes').getByText(text, { exact: true })).toBeVisible();
}
