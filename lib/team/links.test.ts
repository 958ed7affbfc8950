/**
 * Team links: only the organiser makes and revokes them, a link's token is kept only as a hash
 * that no screen is ever sent, and whatever a revoked link sends is refused.
 */
import { describe, expect, it } from 'vitest';
import { REVOKED } from '../pipeline';
import type { RecordOf } from '../records';
import { hashToken } from '../secret';
import { cafeSettings, EventUnderTest, FACILITATOR, person } from '../testing/events';
import { deliveriesOf, roomsFor, viewFor } from '../visibility';
import { actorOfLink, isOrganiser, linkById, liveLinkByHash } from './roles';

const TOKEN = 'coFacilitatorTokenOf32Characters';
const COFACILITATOR = (id: string) => ({ role: 'facilitator', link: id }) as const;

function eventWithLink() {
  const ev = new EventUnderTest(cafeSettings({ tables: 2 }));
  const rec = ev.facilitate('link.create', { role: 'cofacilitator', label: ' Sam ', token: TOKEN });
  return { ev, rec: rec as RecordOf<'link.created'>, linkId: rec.id };
}

describe('making a link', () => {
  it('keeps the role, the label and only a hash of the token', () => {
    const { ev, rec, linkId } = eventWithLink();
    expect(rec.payload).toEqual({ linkId, role: 'cofacilitator', label: 'Sam', tokenHash: hashToken(TOKEN) });
    expect(JSON.stringify(ev.log)).not.toContain(TOKEN);
    const link = linkById(ev.state, linkId);
    expect(link).toMatchObject({ id: linkId, role: 'cofacilitator', label: 'Sam', revokedAt: null });
    expect(liveLinkByHash(ev.state, hashToken(TOKEN))?.id).toBe(linkId);
    expect(actorOfLink(link ?? ({} as never))).toEqual(COFACILITATOR(linkId));
  });

  it('is the organiser’s alone', () => {
    const { ev, linkId } = eventWithLink();
    const payload = { role: 'helper', label: 'Helper', token: 'anotherTokenOfThirtyTwoCharacter' } as const;
    expect(isOrganiser(COFACILITATOR(linkId))).toBe(false);
    expect(ev.refusal(COFACILITATOR(linkId), 'link.create', payload).code).toBe('not_allowed');
    expect(ev.refusal(COFACILITATOR(linkId), 'link.revoke', { linkId }).code).toBe('not_allowed');
    expect(ev.refusal(person('ada'), 'link.create', payload).code).toBe('not_allowed');
  });

  it('refuses a token already used, an empty label, an unknown role and a short token', () => {
    const { ev } = eventWithLink();
    expect(
      ev.refusal(FACILITATOR, 'link.create', { role: 'helper', label: 'Again', token: TOKEN }),
    ).toMatchObject({
      code: 'invalid_message',
      message: 'That token is already used by another link; make a new one.',
    });
    for (const payload of [
      { role: 'helper', label: '  ', token: 'yetAnotherTokenOfThirtyTwoChars_' },
      { role: 'organiser', label: 'Me', token: 'yetAnotherTokenOfThirtyTwoChars_' },
      { role: 'helper', label: 'Me', token: 'short' },
    ])
      expect(ev.refusalRaw(FACILITATOR, 'link.create', payload).code).toBe('invalid_message');
  });

  it('stops at the limit of working links; a revoked one frees its place', () => {
    const ev = new EventUnderTest(cafeSettings({ tables: 2 }));
    const token = (i: number) => `tokenNumber${String(i).padStart(21, '0')}`;
    const ids = Array.from(
      { length: 50 },
      (_, i) => ev.facilitate('link.create', { role: 'projector', label: `Screen ${i}`, token: token(i) }).id,
    );
    const more = { role: 'projector', label: 'One more', token: token(99) } as const;
    expect(ev.refusal(FACILITATOR, 'link.create', more).message).toBe(
      'An event can have 50 working links; revoke one first.',
    );
    ev.facilitate('link.revoke', { linkId: ids[0] ?? '' });
    expect(ev.run(FACILITATOR, 'link.create', more).type).toBe('link.created');
  });
});

describe('revoking a link', () => {
  it('marks it revoked; it cannot be revoked twice, and an unknown link is not found', () => {
    const { ev, linkId } = eventWithLink();
    ev.later(60_000).facilitate('link.revoke', { linkId });
    expect(linkById(ev.state, linkId)?.revokedAt).toBe(ev.now);
    expect(liveLinkByHash(ev.state, hashToken(TOKEN))).toBeUndefined();
    expect(ev.refusal(FACILITATOR, 'link.revoke', { linkId }).code).toBe('wrong_state');
    expect(ev.refusal(FACILITATOR, 'link.revoke', { linkId: 'constructor' }).code).toBe('not_found');
  });

  it('refuses whatever the revoked link sends, while the organiser carries on', () => {
    const { ev, linkId } = eventWithLink();
    expect(ev.run(COFACILITATOR(linkId), 'announce', { text: 'Tea is ready' }).type).toBe(
      'announcement.made',
    );
    ev.facilitate('link.revoke', { linkId });
    expect(ev.refusal(COFACILITATOR(linkId), 'announce', { text: 'Still here?' })).toEqual({
      code: 'not_allowed',
      message: REVOKED,
    });
    // A link that never existed is refused the same way.
    expect(ev.refusal(COFACILITATOR('made-up'), 'announce', { text: 'Hello' }).message).toBe(REVOKED);
    expect(ev.run(FACILITATOR, 'announce', { text: 'Tea is ready' }).type).toBe('announcement.made');
  });
});

describe('what screens are sent of a link', () => {
  it('never the token’s hash; the team sees the label, phones not even that', () => {
    const { ev, rec, linkId } = eventWithLink();
    const sent = deliveriesOf(ev.state, rec, null);
    expect(sent.map((d) => [d.to, d.except ?? null])).toEqual([
      [['notes'], null],
      [null, ['notes']],
    ]);
    expect(sent.map((d) => d.rec.payload)).toEqual([
      { linkId, role: 'cofacilitator', label: 'Sam' },
      { linkId, role: 'cofacilitator', label: '' },
    ]);
    expect(viewFor(ev.state, rec, { role: 'facilitator' }).payload).toEqual({
      linkId,
      role: 'cofacilitator',
      label: 'Sam',
    });
    expect(viewFor(ev.state, rec, { role: 'projector', link: 'x' }).payload).not.toHaveProperty('tokenHash');
    expect(viewFor(ev.state, rec, { role: 'participant', id: 'ada' }).payload).toEqual({
      linkId,
      role: 'cofacilitator',
      label: '',
    });
  });

  it('puts a team screen in the room its link is closed by', () => {
    const { ev, linkId } = eventWithLink();
    expect(roomsFor(ev.state, { role: 'facilitator' })).toEqual(['notes', 'facilitators', 'care']);
    expect(roomsFor(ev.state, COFACILITATOR(linkId))).toEqual([
      'notes',
      'facilitators',
      'care',
      `l${linkId}`,
    ]);
    expect(roomsFor(ev.state, { role: 'helper', link: 'h1' })).toEqual(['notes', 'care', 'lh1']);
    expect(roomsFor(ev.state, { role: 'projector', link: 'p1' })).toEqual(['notes', 'lp1']);
  });
});
