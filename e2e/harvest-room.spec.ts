/**
 * The harvest reaching the room, in a real browser: the projector shows nothing of the live
 * harvest until the facilitator chooses, then only what was chosen, sized to fit 1366×768 and
 * 1920×1080 without scrolling; phones vote question by question and can read a theme's notes;
 * once published, every phone (also one that left) is told, and the console's link and the
 * projector's QR code use the address the phones use (`/api/info`'s joinBase), not the console's.
 *
 * The notes come from the green-spaces fixture, written by a crowd of phones over plain sockets
 * (the browser phones are there to be looked at).
 */
import { randomBytes } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { io, type Socket } from 'socket.io-client';
import { GREEN_SPACES, GREEN_SPACES_PURPOSE, GREEN_SPACES_TITLE } from '../lib/testing/green-spaces';
import { joinOnPhone } from './phone';
import { SCREENS, screen } from './screens';

type Ack = { ok: boolean; participantId?: string; records?: Rec[]; error?: { message: string } };
type Rec = { type: string; payload: Record<string, unknown> };

const newId = () => `c_${randomBytes(12).toString('base64url')}`;

async function socketTo(base: string): Promise<Socket> {
  const s = io(base, { transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

async function ack(s: Socket, name: string, msg: unknown): Promise<Ack> {
  const reply = (await s.timeout(10_000).emitWithAck(name, msg)) as Ack;
  if (!reply.ok) throw new Error(`${name} refused: ${reply.error?.message}`);
  return reply;
}

/** Where everyone sits in `round`, from the log as the facilitator sees it. */
async function seating(f: Socket, round: number): Promise<Record<string, number>> {
  const { records = [] } = await ack(f, 'sync', { since: 0 });
  let seats: Record<string, number> = {};
  for (const r of records) {
    const plan =
      r.type === 'seating.planned'
        ? r.payload
        : r.type === 'round.ended'
          ? (r.payload.next as Rec['payload'])
          : null;
    if (plan && plan.round === round) seats = plan.seating as Record<string, number>;
  }
  return seats;
}

/** Nothing scrolls: the page fits the window, and every card fits its own box. */
async function expectNoOverflow(page: Page) {
  const fit = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
    cards: [...document.querySelectorAll('[data-testid="projector-theme"]')].map(
      (el) => el.scrollHeight - el.clientHeight,
    ),
  }));
  expect(fit.scrollHeight).toBeLessThanOrEqual(fit.innerHeight);
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
  for (const spill of fit.cards) expect(spill).toBeLessThanOrEqual(1);
}

test('the harvest reaches the room: projector by choice, phones told, links at the phones’ address', async ({
  browser,
  request,
  baseURL,
}) => {
  // Two rounds of notes from ten phones and four screens: longer than the default on a busy machine.
  test.setTimeout(600_000);
  const base = baseURL ?? '';
  const { joinBase } = (await (await request.get('/api/info')).json()) as { joinBase: string };
  const rounds = GREEN_SPACES;
  const created = await request.post('/api/events', {
    data: {
      settings: {
        title: GREEN_SPACES_TITLE,
        purpose: GREEN_SPACES_PURPOSE,
        tables: 4,
        rounds: rounds.map((r) => ({ question: r.question, minutes: 20 })),
        identity: 'choice',
      },
    },
  });
  const { eventId, joinCode, facilitatorToken } = (await created.json()) as Record<string, string>;
  const asha = await joinOnPhone(browser, joinCode ?? '', 'Asha');
  const ben = await joinOnPhone(browser, joinCode ?? '', 'Ben');
  for (const p of [asha, ben]) await expect(p.page.getByRole('heading', { name: 'You’re in' })).toBeVisible();

  // A crowd of eight more phones, and the facilitator's own socket to run the rounds.
  const sockets: Socket[] = [];
  const crowd: { s: Socket; id: string }[] = [];
  for (let i = 0; i < 8; i++) {
    const s = await socketTo(base);
    sockets.push(s);
    const token = randomBytes(24).toString('base64url');
    const joined = await ack(s, 'join', { code: joinCode, name: null, token });
    crowd.push({ s, id: joined.participantId ?? '' });
  }
  const f = await socketTo(base);
  sockets.push(f);
  await ack(f, 'facilitate', { eventId, token: facilitatorToken });

  const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const consolePage = await laptop.newPage();
  // The facilitator's laptop opens the console as http://localhost; phones use the room's address.
  const consoleBase = base.replace('127.0.0.1', 'localhost');
  expect(consoleBase).not.toBe(base);
  await consolePage.goto(`${consoleBase}/f/${eventId}#${facilitatorToken}`);
  const projector = await laptop.newPage();
  await projector.setViewportSize({ width: 1366, height: 768 });
  await projector.goto(`${consoleBase}/p/${eventId}#${facilitatorToken}`);
  await expect(projector.getByTestId('join-code')).toHaveText(joinCode ?? '');

  // Three rounds of notes at four tables; round 3 is still running when the harvest begins.
  for (const [round, r] of rounds.entries()) {
    if (round === 0) await ack(f, 'act', { id: newId(), type: 'seating.plan', payload: {} });
    await ack(f, 'act', { id: newId(), type: 'round.start', payload: {} });
    const seats = await seating(f, round);
    for (const [i, [table, text]] of r.notes.entries()) {
      const writer = crowd.find((c) => seats[c.id] === table) ?? crowd[i % crowd.length];
      if (!writer) throw new Error('no writer');
      await ack(writer.s, 'act', {
        id: newId(),
        type: 'note.post',
        payload: { text, round, table: seats[writer.id] },
      });
    }
    if (round < rounds.length - 1) await ack(f, 'act', { id: newId(), type: 'round.end', payload: {} });
  }

  // The last round runs: the projector shows the room (question, timer, a tile per table) and a
  // small code for latecomers, and fits both screens.
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await projector.setViewportSize({ width, height });
    await expect(projector.getByText(rounds[rounds.length - 1]?.question ?? '')).toBeVisible();
    await expectNoOverflow(projector);
    await screen(projector, { path: `${SCREENS}/harvest-room-cafe-round-${width}.png` });
  }
  await projector.setViewportSize({ width: 1366, height: 768 });

  // An announcement from the console reaches phones and the projector, and clearing it takes it
  // off both at once.
  const announcement = 'Tea and coffee are now in the side hall';
  await consolePage.getByLabel('Announcement to every phone and the projector').fill(announcement);
  await consolePage.getByRole('button', { name: 'Announce', exact: true }).click();
  await expect(asha.page.getByTestId('announcement')).toContainText(announcement);
  await expect(projector.getByTestId('projector-announcement')).toHaveText(announcement);
  await expectNoOverflow(projector);
  await consolePage.getByRole('button', { name: 'Clear the announcement' }).click();
  await expect(asha.page.getByTestId('announcement')).toHaveCount(0);
  await expect(ben.page.getByTestId('announcement')).toHaveCount(0);
  await expect(projector.getByTestId('projector-announcement')).toHaveCount(0);

  // The console shows the live harvest; the projector, switched to the harvest, shows none of it.
  await consolePage.getByRole('button', { name: 'Harvest', exact: true }).click();
  await expect(consolePage.getByTestId('live-theme').first()).toBeVisible();
  const control = consolePage.getByTestId('projector-control');
  await control.getByRole('button', { name: 'The harvest' }).click();
  await expect(projector.getByTestId('harvest-projector')).toBeVisible();
  await expect(projector.getByTestId('projector-nothing')).toBeVisible();
  await expect(projector.getByTestId('projector-theme')).toHaveCount(0);
  const liveLabels = await consolePage.getByTestId('live-theme').locator('p.font-bold').allTextContents();
  const projectorText = (await projector.textContent('main')) ?? '';
  for (const label of liveLabels) expect(projectorText).not.toContain(label);
  await screen(projector, { path: `${SCREENS}/harvest-room-projector-nothing.png` });

  // Chosen on the console, one live theme goes up; nothing else does.
  const firstShow = control.getByTestId('show-on-projector').first();
  const chosenLabel = (await firstShow.textContent()) ?? '';
  // The tick follows the record, so it changes once the server has recorded the choice.
  await firstShow.getByRole('checkbox').click();
  await expect(firstShow.getByRole('checkbox')).toBeChecked();
  await expect(projector.getByTestId('projector-theme')).toHaveCount(1);
  await expect(projector.getByTestId('projector-theme')).toContainText(chosenLabel);
  await expectNoOverflow(projector);
  await screen(projector, { path: `${SCREENS}/harvest-room-projector-one.png` });

  // Started: the curated themes are new, so the projector is empty again until they are chosen.
  await consolePage.getByRole('button', { name: 'Start the harvest' }).click();
  await expect(consolePage.getByTestId('theme-card').first()).toBeVisible();
  await expect(projector.getByTestId('projector-nothing')).toBeVisible();
  await control.getByRole('checkbox', { name: 'Show every theme' }).click();
  await expect(control.getByRole('checkbox', { name: 'Show every theme' })).toBeChecked();
  // The longest name a theme can have still fits its card.
  const { records = [] } = await ack(f, 'sync', { since: 0 });
  const started = records.find((r) => r.type === 'harvest.started');
  const startedThemes = (started?.payload.themes ?? []) as { id: string; group: string; label: string }[];
  // The projector shows the twelve themes raised at the most tables: rename one it shows now (one
  // whose name no other theme has), whichever way the engine broke ties between themes alike.
  await expect(projector.getByTestId('projector-theme').first()).toBeVisible();
  const onProjector = await projector.getByTestId('projector-theme').locator('bdi').allTextContents();
  const unique = (label: string) => startedThemes.filter((t) => t.label === label).length === 1;
  const firstTheme = startedThemes.find((t) => t.label === onProjector.find(unique));
  if (!firstTheme) throw new Error('no theme');
  // Themes a facilitator would keep: each label is a phrase from the notes, and no two themes of
  // a question are labelled alike (allotment and allotments are one theme).
  for (const t of startedThemes) expect(t.label.split(/\s+/).length, t.label).toBeGreaterThanOrEqual(2);
  for (const r of rounds) {
    const labels = startedThemes.filter((t) => t.group === r.question).map((t) => t.label.toLowerCase());
    expect(labels.length, r.question).toBeGreaterThanOrEqual(2);
    expect(new Set(labels).size).toBe(labels.length);
  }
  console.log(`themes at the start: ${startedThemes.map((t) => t.label).join(' | ')}`);
  const longName = 'Somewhere to sit in the shade near the playground, with benches for older people'.slice(
    0,
    80,
  );
  await ack(f, 'act', {
    id: newId(),
    type: 'theme.rename',
    payload: { themeId: firstTheme.id, label: longName },
  });
  await expect(projector.getByText(longName)).toBeVisible();
  const themes = await consolePage.getByTestId('theme-card').count();
  await expect(projector.getByTestId('projector-theme')).toHaveCount(Math.min(themes, 12));
  await screen(consolePage, { path: `${SCREENS}/harvest-room-console.png`, fullPage: true });

  // Voting: the projector ranks by dots and says to vote; phones vote question by question.
  await consolePage.getByRole('button', { name: /Open the voting/ }).click();
  await expect(projector.getByText(/Vote on your phone/)).toBeVisible();
  const phone = asha.page;
  await expect(phone.getByRole('heading', { name: 'What matters most?' })).toBeVisible();
  const questions = phone.getByTestId('harvest-vote-question');
  await expect(questions).toHaveCount(rounds.length);
  for (const [i, r] of rounds.entries())
    await expect(questions.nth(i).getByRole('heading', { level: 3 })).toHaveText(r.question);
  // A theme's notes, from every table, before giving it a dot.
  const theme = phone.getByTestId('harvest-vote-theme').first();
  const readNotes = theme.getByText(/^Read the \d+ notes?$/);
  // A touch target a finger can hit (44 px, as the accessibility checks ask of every phone control).
  expect((await readNotes.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await readNotes.click();
  const notes = theme.getByTestId('harvest-vote-notes').getByRole('listitem');
  await expect(notes.first()).toBeVisible();
  const allNotes = rounds.flatMap((r) => r.notes.map(([, text]) => text));
  for (const text of await notes.allTextContents()) expect(allNotes).toContain(text);
  await theme.getByRole('button', { name: /Give a dot to/ }).click();
  await expect(phone.getByTestId('harvest-dots-left')).toHaveText('You have 2 of 3 dots left.');
  await phone.getByRole('heading', { name: 'What matters most?' }).scrollIntoViewIfNeeded();
  await screen(phone, { path: `${SCREENS}/harvest-room-phone-vote.png` });

  // The projector fits both screens, without scrolling, with every theme up.
  await expect(projector.getByTestId('projector-theme').first()).toContainText('1 dot');
  await expectNoOverflow(projector);
  await screen(projector, { path: `${SCREENS}/harvest-room-projector-1366.png` });
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await expectNoOverflow(projector);
  await screen(projector, { path: `${SCREENS}/harvest-room-projector-1920.png` });

  // Ben leaves; then the harvest is published and every phone is told, Ben's too.
  await ben.page.getByRole('button', { name: 'I am leaving the event' }).click();
  await ben.page.getByRole('button', { name: 'Yes, leave' }).click();
  await expect(ben.page.getByRole('heading', { name: 'You have left the event' })).toBeVisible();
  await expect(phone.getByTestId('told-link-card')).toHaveCount(0);
  await consolePage.getByRole('button', { name: 'Publish “What you told us”' }).click();
  for (const p of [asha.page, ben.page]) {
    const card = p.getByTestId('told-link-card');
    await expect(card).toBeVisible();
    await expect(card.getByRole('link', { name: 'Read what you told us' })).toHaveAttribute(
      'href',
      `/told/${eventId}`,
    );
  }
  await phone.evaluate(() => window.scrollTo(0, 0));
  await screen(phone, { path: `${SCREENS}/harvest-room-phone-told.png` });

  // The published link on the console is at the phones' address, like the join QR code.
  const told = `${joinBase}/told/${eventId}`;
  await expect(consolePage.getByTestId('public-link')).toHaveText(told);
  await expect(control.getByTestId('told-link')).toHaveText(told);
  // …which is the host the phones reached, not the console's own.
  expect(new URL(told).host).toBe(new URL(base).host);
  expect(new URL(consolePage.url()).host).not.toBe(new URL(base).host);

  // The projector shows the published page's QR code and address, then goes back to the room.
  await projector.setViewportSize({ width: 1366, height: 768 });
  await control.getByRole('button', { name: 'Results QR code' }).click();
  await expect(projector.getByTestId('told-address')).toHaveText(told.replace(/^https?:\/\//, ''));
  await expect(
    projector.getByRole('img', { name: /QR code to read what you told us/ }).locator('svg'),
  ).toBeVisible();
  await expectNoOverflow(projector);
  await screen(projector, { path: `${SCREENS}/harvest-room-projector-told.png` });
  await control.getByRole('button', { name: 'The room' }).click();
  // Back to the room: the last round is still running, so its question and the tables show.
  await expect(projector.getByText(rounds[rounds.length - 1]?.question ?? '')).toBeVisible();
  await expect(projector.getByText('At the tables this round')).toBeVisible();

  // The told page itself opens from the phone's card.
  await phone.getByTestId('told-link-card').getByRole('link').click();
  await expect(phone.getByTestId('told-theme').first()).toBeVisible();

  for (const s of sockets) s.close();
  await laptop.close();
  await asha.context.close();
  await ben.context.close();
});
