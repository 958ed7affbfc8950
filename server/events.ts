/** The live events of this process: created on demand, loaded from the store once, then kept. */

import { NO_SERVICES, type Services } from '../lib/command';
import type { NewRecord } from '../lib/records';
import { EventSettingsSchema } from '../lib/settings';
import { actorOfLink, type TeamLink } from '../lib/team/roles';
import type { Viewer } from '../lib/visibility';
import { hashToken, newEventId, newJoinCode, newRecordId, newToken } from './ids';
import { type Delivery, EventRoom } from './room';
import type { Store } from './store/store';

export type Identity =
  | { room: EventRoom; viewer: Viewer; link: TeamLink | null }
  | { room: null; revoked?: true };

export class Events {
  private readonly rooms = new Map<string, Promise<EventRoom | null>>();
  private closing = false;

  constructor(
    readonly store: Store,
    private readonly delivery: Delivery,
    private readonly services: Services = NO_SERVICES,
  ) {}

  get(eventId: string): Promise<EventRoom | null> {
    let room = this.rooms.get(eventId);
    if (!room) {
      room = EventRoom.load(eventId, this.store, this.delivery, this.services);
      // A room first opened during shutdown refuses work like the others (before its caller acts).
      if (this.closing)
        room = room.then((r) => {
          void r?.close();
          return r;
        });
      this.rooms.set(eventId, room);
      // An event that does not exist yet must not be cached as missing forever.
      room.then((r) => r ?? this.rooms.delete(eventId)).catch(() => this.rooms.delete(eventId));
    }
    return room;
  }

  /** Create a café from settings that already passed EventSettingsSchema. */
  async create(settingsInput: unknown, now = Date.now()) {
    const settings = EventSettingsSchema.parse(settingsInput);
    const eventId = newEventId();
    const facilitatorToken = newToken();
    for (let attempt = 0; ; attempt++) {
      const joinCode = newJoinCode();
      if (await this.store.eventIdByJoinCode(joinCode)) {
        if (attempt > 20) throw new Error('could not find a free join code');
        continue;
      }
      const first = {
        id: newRecordId(),
        type: 'event.created',
        at: now,
        actor: { role: 'facilitator' },
        payload: { eventId, joinCode, settings },
      } as NewRecord;
      await this.store.createEvent(
        { id: eventId, joinCode, facilitatorTokenHash: hashToken(facilitatorToken) },
        first,
      );
      return { eventId, joinCode, facilitatorToken };
    }
  }

  /** Delete an event and everything stored for it, here and (through `delivery`) everywhere. */
  async delete(eventId: string): Promise<boolean> {
    const room = await this.get(eventId);
    if (!room) return false;
    this.rooms.delete(eventId);
    await room.delete();
    this.delivery.deleted(eventId);
    return true;
  }

  /** Another process deleted this event: drop the copy kept here. */
  async forget(eventId: string) {
    const room = await this.rooms.get(eventId)?.catch(() => null);
    this.rooms.delete(eventId);
    await room?.delete(false);
  }

  /** Delete every event with no activity for `retentionMs`; returns how many went. */
  async sweep(retentionMs: number, now = Date.now()): Promise<number> {
    let deleted = 0;
    for (const { id, lastActivityAt } of await this.store.listEvents()) {
      if (now - lastActivityAt <= retentionMs) continue;
      if (await this.delete(id)) deleted++;
      else {
        // Stored but unreadable (no first record): remove what is there all the same.
        await this.store.deleteEvent(id);
        deleted++;
      }
    }
    return deleted;
  }

  /** Shutting down: every room finishes the actions it has queued and refuses new ones. */
  async close() {
    this.closing = true;
    const rooms = await Promise.all([...this.rooms.values()].map((room) => room.catch(() => null)));
    await Promise.all(rooms.map((r) => r?.close()));
  }

  /**
   * Who a facilitator-side token lets in: the organiser (the event's own link), a working team
   * link (read from the latest log, so a link revoked by another process is refused at once), or
   * nobody (`revoked` when the token was a link the organiser has revoked).
   */
  async identify(eventId: string, token: string): Promise<Identity> {
    const meta = await this.store.meta(eventId);
    if (meta === null) return { room: null };
    const tokenHash = hashToken(token);
    const room = await this.get(eventId);
    if (!room) return { room: null };
    if (meta.facilitatorTokenHash === tokenHash) return { room, viewer: { role: 'facilitator' }, link: null };
    await room.refresh();
    const link = Object.values(room.state.links).find((l) => l.tokenHash === tokenHash);
    if (!link) return { room: null };
    if (link.revokedAt !== null) return { room: null, revoked: true };
    return { room, viewer: actorOfLink(link) as Viewer, link };
  }
}
