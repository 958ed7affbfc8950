/**
 * The browser's client (components/live/connection.ts) when live records arrive out of order.
 * With several server processes, a record written on one can reach a phone before an earlier
 * event-wide record written on another. The phone must hold the later one until the earlier one
 * arrives (or catch up if it never does), never skip it. A small Socket.IO server stands in for
 * the real one, so the order of the pushes is the test's to choose.
 */
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../lib/records';
import { peopleOf } from '../lib/state';
import { cafeSettings, EventUnderTest } from '../lib/testing/events';
import { SimPhone } from './testing/phone';

const TOKEN = 'token-order-test-000000000';

describe('a phone receiving records out of order', () => {
  let io: Server;
  let url: string;
  /** The log the stand-in server answers `sync` from: the test decides how much of it exists. */
  let committed: EventRecord[];
  let syncs: number[];
  let phone: SimPhone | null = null;
  const event = new EventUnderTest(cafeSettings());
  const me = event.join('p_me', 'Me');
  const b = event.join('p_b', 'Bea');
  const c = event.join('p_c', 'Cal');
  const d = event.join('p_d', 'Dev');
  /** seq -> the seq of the event-wide record before it (all of these are event-wide). */
  const after = (rec: EventRecord) => rec.seq - 1;

  beforeEach(async () => {
    committed = event.log.slice(0, me.seq);
    syncs = [];
    io = new Server();
    io.on('connection', (socket) => {
      socket.on('join', (_msg, ack) => {
        socket.join('event');
        ack({
          ok: true,
          role: 'participant',
          eventId: 'evt_under_test',
          participantId: 'p_me',
          token: TOKEN,
          serverNow: Date.now(),
        });
      });
      socket.on('sync', ({ since }: { since: number }, ack) => {
        syncs.push(since);
        ack({
          ok: true,
          records: committed.filter((r) => r.seq > since),
          backfill: [],
          serverNow: Date.now(),
        });
      });
    });
    await new Promise<void>((resolve) => io.listen(0).httpServer?.once('listening', resolve) ?? resolve());
    url = `http://127.0.0.1:${(io.httpServer.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    phone?.close();
    phone = null;
    await new Promise<void>((resolve) => io.close(() => resolve()));
  });

  async function joinedPhone() {
    phone = new SimPhone({ kind: 'participant', code: 'TEST42', token: TOKEN, name: 'Me' }, url);
    const p = phone;
    await p.until((s) => s.status === 'online' && s.event?.seq === me.seq, 10_000, 'caught up');
    return p;
  }
  const push = (rec: EventRecord) => {
    committed = event.log.slice(0, Math.max(committed.length, rec.seq));
    io.to('event').emit('record', rec, { after: after(rec) });
  };
  const people = (p: SimPhone) => (p.state.event ? peopleOf(p.state.event) : []).map((x) => x.id).sort();

  it('holds a record that overtook an earlier one, and applies both when the earlier one comes', async () => {
    const p = await joinedPhone();
    push(c);
    await new Promise((r) => setTimeout(r, 200));
    // Cal's join waits: applying it would move the phone past Bea's, which it has not had.
    expect(p.state.event?.seq).toBe(me.seq);
    expect(people(p)).toEqual(['p_me']);
    push(b);
    await p.until((s) => s.event?.seq === c.seq, 5_000, 'both applied');
    expect(people(p)).toEqual(['p_b', 'p_c', 'p_me']);
    expect(syncs).toEqual([0]);
  });

  it('catches up when the record it is waiting for never comes', async () => {
    const p = await joinedPhone();
    // Bea's and Cal's joins are committed, but only Dev's reaches this phone.
    committed = event.log.slice(0, c.seq);
    push(d);
    await p.until((s) => s.event?.seq === d.seq, 10_000, 'caught up after the gap');
    expect(people(p)).toEqual(['p_b', 'p_c', 'p_d', 'p_me']);
    expect(syncs).toEqual([0, me.seq]);
  });
});
