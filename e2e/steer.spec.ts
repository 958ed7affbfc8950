/**
 * The day as it really goes: a facilitator team steers a live café. The organiser gives a
 * co-facilitator and a projector screen links of their own; the co-facilitator rewords the live
 * question, adds a round, moves a person to another table, types in a paper card and removes a
 * note that names someone (gone from every phone and the projector at once; its author is told
 * why); the organiser revokes the projector's link and imports the notes typed up from a
 * tablecloth; the export marks the paper card and the imported note.
 */
import { expect, type Page, test } from '@playwright/test';
import { newPhone, type Phone, postNote } from './phone';
import { SCREENS, screen } from './screens';

const shot = (page: Page, name: string) =>
  screen(page, { path: `${SCREENS}/steer-${name}.png`, fullPage: true });

/** The table a phone says its person sits at in the round now. */
async function tableOf(p: Phone): Promise<number> {
  const text = (await p.page.getByTestId('my-table').textContent()) ?? '';
  const m = /table (\d+)/i.exec(text);
  if (!m?.[1]) throw new Error(`no table on ${p.label}'s phone: ${text}`);
  return Number(m[1]);
}

/** Make a team link in the organiser's Team panel; its address as the organiser would copy it. */
async function makeLink(f: Page, role: 'Co-facilitator' | 'Helper' | 'Projector screen', label: string) {
  const team = f.getByRole('region', { name: 'Your team' });
  await team.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  await team.getByLabel(/^Label/).fill(label);
  await team.getByRole('button', { name: 'Make link' }).click();
  const url = team.getByRole('textbox', { name: `Link for ${label}` });
  await expect(url).toHaveValue(/\/[fp]\/[\w-]+#[\w-]{20,}/);
  return url.inputValue();
}

test('a facilitator team steers a live café', async ({ browser, request }) => {
  test.setTimeout(300_000);
  const res = await request.post('/api/events', {
    data: {
      settings: {
        title: 'Steering café',
        purpose: 'Care closer to home.',
        identity: 'choice',
        tables: 2,
        rounds: [
          { question: 'What works well in local care?', minutes: 20 },
          { question: 'What should change first?', minutes: 20 },
        ],
      },
    },
  });
  expect(res.status()).toBe(201);
  const ev = (await res.json()) as { eventId: string; joinCode: string; facilitatorToken: string };

  const laptop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const f = await laptop.newPage();
  await f.goto(`/f/${ev.eventId}#${ev.facilitatorToken}`);
  await expect(f.getByTestId('team-badge')).toHaveText('Organiser');

  // The organiser's team: a co-facilitator and the screen in the hall, each with a link of its own.
  const samLink = await makeLink(f, 'Co-facilitator', 'Sam, tables 1–2');
  const screenLink = await makeLink(f, 'Projector screen', 'Hall screen');
  expect(samLink).not.toContain(ev.facilitatorToken);

  const second = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const sam = await second.newPage();
  await sam.goto(samLink);
  await expect(sam.getByTestId('team-badge')).toHaveText('Co-facilitator: Sam, tables 1–2');
  // A co-facilitator can neither delete the event nor give out links.
  await expect(sam.getByRole('button', { name: /Delete this event/ })).toHaveCount(0);
  await expect(sam.getByRole('button', { name: 'Make link' })).toHaveCount(0);

  // The hall screen's link is the projector view's own, and steers nothing.
  expect(screenLink).toContain(`/p/${ev.eventId}#`);
  expect(samLink).toContain(`/f/${ev.eventId}#`);
  const hall = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await hall.goto(screenLink);
  await expect(hall.getByTestId('join-code')).toBeVisible();

  const phones: Phone[] = [];
  for (const name of ['Ann', 'Bo', 'Cy', 'Di']) phones.push(await newPhone(browser, ev.joinCode, name));
  const [ann, bo, cy, di] = phones as [Phone, Phone, Phone, Phone];
  await expect(hall.getByText('4 people here')).toBeVisible();

  await f.getByRole('button', { name: 'Seat people for round 1' }).click();
  await f.getByRole('button', { name: 'Start round 1' }).click();
  for (const p of phones) await expect(p.page.getByTestId('my-table')).toBeVisible();
  await expect(ann.page.getByText('What works well in local care?')).toBeVisible();

  // 9:55: the co-facilitator rewords the question of the round now running.
  const reworded = 'What works well in care close to home?';
  await sam.getByLabel('Question for round 1').fill(reworded);
  await sam.getByRole('button', { name: 'Save round 1' }).click();
  for (const p of phones) await expect(p.page.getByText(reworded)).toBeVisible();
  await expect(hall.getByTestId('projector-question')).toContainText(reworded);

  // And adds a third round at the end.
  await sam.getByLabel('Question for round 3').fill('Who else should be in the room?');
  await sam.getByRole('button', { name: 'Add the round' }).click();
  await expect(f.getByLabel('Question for round 3')).toHaveValue('Who else should be in the room?');

  // Moves Ann to the other table by hand: her phone says so at once.
  const annWas = await tableOf(ann);
  const annTo = annWas === 1 ? 2 : 1;
  const annMove = sam.getByLabel(/^Move \W?Ann\W? to table$/);
  await annMove.selectOption({ label: `Table ${annTo}` });
  await sam
    .getByRole('listitem')
    .filter({ has: annMove })
    .getByRole('button', { name: 'Move', exact: true })
    .click();
  await expect.poll(() => tableOf(ann)).toBe(annTo);

  // Notes arrive; the co-facilitator types in a paper card for Ann's new table.
  const atAnnsTable = [];
  for (const p of phones) if ((await tableOf(p)) === annTo) atAnnsTable.push(p);
  await postNote(ann, 'A lunch club so nobody eats alone');
  const paper = sam.getByTestId('paper-card-form').first();
  await paper.getByLabel('Table').selectOption(String(annTo));
  await paper.getByLabel('Paper card text').fill('Buses in the evening for hospital visits');
  await paper.getByRole('button', { name: 'Add paper card' }).click();
  for (const p of atAnnsTable) {
    const card = p.page.getByTestId('table-notes').getByRole('listitem').filter({
      hasText: 'Buses in the evening for hospital visits',
    });
    await expect(card).toBeVisible();
    await expect(card.getByTestId('mark-paper')).toBeVisible();
  }

  // A note names someone: the co-facilitator takes it off every screen now, for personal details.
  const named = 'Mrs Jones at number 12 is never visited';
  await postNote(ann, named);
  for (const p of atAnnsTable) await expect(p.page.getByText(named)).toBeVisible();
  // The projector counts each table's notes (it never shows their words while a round runs).
  const hallTile = hall.getByTestId('room-table').filter({ hasText: `Table ${annTo}` });
  await expect(hallTile).toContainText('3 notes');
  await shot(sam, 'console-before-removal');
  const noteInConsole = sam.getByRole('listitem').filter({ hasText: named }).last();
  await noteInConsole.getByRole('button', { name: 'Remove note' }).click();
  await sam.getByLabel(/personal details/i).check();
  await sam.getByRole('button', { name: 'Remove it' }).click();
  // The note and its button are gone: the focus goes to the list of removed notes.
  await expect(sam.getByRole('heading', { name: /^Removed notes/ })).toBeFocused();
  for (const p of phones) if (p !== ann) await expect(p.page.getByText(named)).toHaveCount(0);
  await expect(hallTile).toContainText('2 notes');
  await expect(f.getByText(named)).toHaveCount(0);
  // Its author's phone says it was removed, and why, without the words.
  await expect(ann.page.getByText(named)).toHaveCount(0);
  await expect(ann.page.getByText(/Removed by the facilitators/)).toBeVisible();
  await shot(ann.page, 'phone-note-removed');

  // The organiser revokes the hall screen's link: it stops at once.
  const team = f.getByRole('region', { name: 'Your team' });
  await team.getByRole('button', { name: 'Revoke Hall screen’s link' }).click();
  await team.getByRole('button', { name: 'Revoke now' }).click();
  await expect(
    hall.getByText('This link was revoked by the organiser; ask them for a new one.'),
  ).toBeVisible();
  await expect(team.getByTestId('team-link').filter({ hasText: 'Hall screen' })).toContainText('Revoked');

  // After the event: the tablecloth's notes, typed up, imported as one CSV.
  const importer = f.getByRole('region', { name: 'Import notes' }).first();
  await importer.getByText('Choose a file or paste the lines').click();
  await importer.getByLabel('CSV file').setInputFiles({
    name: 'tablecloth.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('table,round,text\r\n1,1,A walking group from the surgery\r\n'),
  });
  await importer.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importer.getByText('1 note imported.')).toBeVisible();

  // The export marks the paper card and the imported note, and has no trace of the removed one.
  const csv = await (
    await request.get(`/api/events/${ev.eventId}/export.csv`, {
      headers: { authorization: `Bearer ${ev.facilitatorToken}` },
    })
  ).text();
  const rows = csv.split('\r\n');
  expect(rows[0]).toContain(',source');
  expect(rows.find((r) => r.includes('Buses in the evening'))).toMatch(/,paper card$/);
  expect(rows.find((r) => r.includes('A walking group from the surgery'))).toMatch(/,imported$/);
  expect(rows.find((r) => r.includes('A lunch club'))).toMatch(/,phone$/);
  expect(csv).not.toContain('Mrs Jones');
  await shot(f, 'console-end');

  for (const p of [bo, cy, di, ann]) await p.context.close();
  await laptop.close();
  await second.close();
});
