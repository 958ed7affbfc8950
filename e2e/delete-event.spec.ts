/**
 * The organiser deletes an event from the console: the phone still in it is told and keeps
 * nothing of it, and the laptop forgets the event's link.
 */
import { expect, test } from '@playwright/test';
import { joinOnPhone } from './phone';
import { SCREENS, screen } from './screens';

test('deleting an event removes it from the server, the phones and the laptop', async ({
  browser,
  request,
}) => {
  const created = await request.post('/api/events', {
    data: {
      settings: {
        title: 'Short-lived café',
        purpose: 'Checking deletion',
        tables: 1,
        rounds: [{ question: 'What would help?', minutes: 20 }],
        identity: 'choice',
      },
    },
  });
  const { eventId, joinCode, facilitatorToken } = (await created.json()) as Record<string, string>;
  const { page: phone } = await joinOnPhone(browser, joinCode ?? '', 'Dee');
  await expect(phone.getByRole('heading', { name: 'You’re in' })).toBeVisible();

  const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const f = await laptop.newPage();
  await f.goto(`/f/${eventId}#${facilitatorToken}`);
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await f.getByRole('button', { name: 'Start round 1' }).click();
  await phone.getByLabel('Add a note for your table').fill('A note that will be deleted');
  await phone.getByRole('button', { name: 'Add note' }).click();
  await expect(f.getByText('A note that will be deleted')).toBeVisible();

  const section = f.getByRole('region', { name: 'Delete this event' });
  const button = section.getByRole('button', { name: 'Delete the event and all its data' });
  await expect(button).toBeDisabled();
  await section.getByLabel(/Type the join code/).fill('WRONG1');
  await expect(button).toBeDisabled();
  await section.getByLabel(/Type the join code/).fill((joinCode ?? '').toLowerCase());
  await screen(section, { path: `${SCREENS}/delete-event-laptop.png` });
  await button.click();

  await expect(f.getByRole('status').filter({ hasText: /have been deleted/ })).toBeVisible();
  await expect(phone.getByRole('heading', { name: 'This event has been deleted' })).toBeVisible();
  await expect(
    phone.getByText(/The organiser has deleted this event and everything written in it/),
  ).toBeVisible();
  await screen(phone, { path: `${SCREENS}/delete-event-phone.png` });
  const kept = await phone.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cafe:')));
  expect(kept).toEqual([]);
  const saved = await f.evaluate(() => localStorage.getItem('cafe:facilitating'));
  expect(saved ?? '[]').not.toContain(eventId);
  expect((await request.get(`/api/join/${joinCode}`)).status()).toBe(404);
  await laptop.close();
});
