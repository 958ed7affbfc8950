/** The live events of this process: created on demand, loaded from the store once, then kept. */

import type { NewRecord } from '../lib/records';
import { EventSettingsSchema } from '../lib/settings';
import { hashToken, newEventId, newJoinCode, newRecordId, newToken } from './ids';
import { type Delivery, EventRoom } from './room';
import type { Store } from './store/store';

export class Events {
  private readonly rooms = new Map<string, Promise<EventRoom | null>>();

  constructor(
    readonly store: Store,
    private readonly delivery: Delivery,
  ) {}

  get(eventId: string): Promise<EventRoom | null> {
    let room = this.rooms.get(eventId);
    if (!room) {
      room = EventRoom.load(eventId, this.store, this.delivery);
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

  async isFacilitator(eventId: string, token: string): Promise<boolean> {
    const meta = await this.store.meta(eventId);
    return meta !== null && meta.facilitatorTokenHash === hashToken(token);
  }
}
