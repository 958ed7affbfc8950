/**
 * Screenshots of the screens the browser tests walk through, kept in test-results/screens for
 * people to look at. Encoding them is a large share of the browser's work in these tests and a CI
 * log cannot show them, so they are taken only when asked: `E2E_SCREENS=1 npm run e2e`.
 */
import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';

export const SCREENS = 'test-results/screens';
fs.mkdirSync(SCREENS, { recursive: true });

/** Whether this run keeps screenshots (E2E_SCREENS set). */
const keepScreens = Boolean(process.env.E2E_SCREENS);

/** A screenshot of a page (or one element) into `path`, when this run keeps them. */
export async function screen(target: Page | Locator, options: { path: string; fullPage?: boolean }) {
  if (!keepScreens) return;
  if ('goto' in target) await target.screenshot(options);
  else await target.screenshot({ path: options.path });
}
