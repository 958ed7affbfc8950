/**
 * Nothing said is lost: a phone with no connection keeps its note in the outbox, through page
 * reloads, and sends it exactly once when the connection is back.
 */
import { expect, test } from '@playwright/test';
import { joinOnPhone } from './phone';

const SOCKET = /\/socket\.io\//;

test('a note written with no signal survives reloads and arrives once', async ({ browser, request }) => {
  const created = await request.post('/api/events', {
    data: {
      settings: {
        title: 'Corner café',
        purpose: '',
        tables: 1,
        rounds: [{ question: 'What would help?', minutes: 15 }],
        identity: 'choice',
      },
    },
  });
  expect(created.status()).toBe(201);
  const { eventId, joinCode, facilitatorToken } = (await created.json()) as {
    eventId: string;
    joinCode: string;
    facilitatorToken: string;
  };

  const phone = async (name: string) => {
    const { page } = await joinOnPhone(browser, joinCode, name);
    await expect(page.getByRole('heading', { name: 'You’re in' })).toBeVisible();
    return page;
  };
  const lift = await phone('Lift');
  const mate = await phone('Mate');

  const laptop = await browser.newContext();
  const f = await laptop.newPage();
  await f.goto(`/f/${eventId}#${facilitatorToken}`);
  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await f.getByRole('button', { name: 'Start round 1' }).click();
  await expect(lift.getByTestId('my-table')).toHaveText('Table 1');

  // The signal goes: the server cannot be reached at all, and the page is reloaded.
  let blocked = true;
  await lift.routeWebSocket(SOCKET, (ws) => {
    if (blocked) ws.close();
    else ws.connectToServer();
  });
  await lift.route(SOCKET, (route) => (blocked ? route.abort() : route.continue()));
  await lift.reload();
  await expect(lift.getByTestId('my-table')).toHaveText('Table 1');
  await expect(lift.getByRole('status')).toHaveText(/Offline|Connecting/);

  await lift.getByLabel('Add a note for your table').fill('Written in the lift');
  await lift.getByRole('button', { name: 'Add note' }).click();
  await expect(lift.getByText('Waiting to send…')).toBeVisible();
  await expect(lift.getByRole('status')).toHaveText('Offline – waiting to send (1), kept on this phone');

  // Reloaded again, still without signal: the note is still waiting on the phone.
  await lift.reload();
  await expect(lift.getByText('Written in the lift')).toBeVisible();
  await expect(lift.getByText('Waiting to send…')).toBeVisible();
  await expect(mate.getByText('Written in the lift')).toHaveCount(0);

  // The signal comes back: the note is sent once, and everybody sees it once.
  blocked = false;
  await expect(lift.getByText('Saved', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(mate.getByTestId('table-notes').getByText('Written in the lift')).toHaveCount(1);
  await expect(f.getByText('Written in the lift')).toHaveCount(1);
  await lift.reload();
  await expect(lift.getByTestId('table-notes').getByText('Written in the lift')).toHaveCount(1);

  const csv = await request.get(`/api/events/${eventId}/export.csv`, {
    headers: { authorization: `Bearer ${facilitatorToken}` },
  });
  expect((await csv.text()).split('Written in the lift').length - 1).toBe(1);
});
