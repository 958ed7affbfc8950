/**
 * One live event on the server: the authoritative state and log, and the action pipeline
 * (validate -> authorise -> decide -> append -> apply -> deliver). Actions for one event are
 * handled one at a time, so every decision sees the state the previous one left.
 * Knows nothing about sockets: delivery is a callback, so it is testable without a network.
 */
import { type Draft, NO_SERVICES, type Services } from '../lib/command';
import { fail } from '../lib/errors';
import { isErasing } from '../lib/notes/removal';
import type { About } from '../lib/people/about';
import { decideJoin, NameSchema } from '../lib/people/people';
import { type Action, prepareAction } from '../lib/pipeline';
import type { RecordOrder, Replies } from '../lib/protocol';
import type { Actor, EventRecord, NewRecord, RecordActor } from '../lib/records';
import { foldLog, isNoteRecord, isTargetedRecord, reduce } from '../lib/reducer';
import { type EventState, personById } from '../lib/state';
import { isTeam, reaches, roomsFor, roomsOf, type Viewer, viewFor } from '../lib/visibility';
import { breathe } from './breather';
import { hashToken, newParticipantId, newRecordId } from './ids';
import { log } from './log';
import { appendOne, type Joining, type Store } from './store/store';

export interface Delivery {
  /**
   * A record was committed and applied: send it to `rooms` (null = everyone in the event).
   * `learned`: another process wrote it and this one read it from the shared store.
   */
  record(
    room: EventRoom,
    rec: EventRecord,
    order: RecordOrder,
    rooms: string[] | null,
    learned?: boolean,
  ): void;
  /** The event was deleted: tell its screens, close their connections, tell other processes. */
  deleted(eventId: string): void;
}

const MAX_CONFLICT_RETRIES = 10;
/** Lost races in a row after which a writer claims the event's turn, and for how long at most. */
const CLAIM_TURN_AFTER = 2;
const TURN_MS = 2_000;

/**
 * After a lost race for the shared store's next position, wait a moment before trying again
 * (random, growing with each loss: 0-2 ms, then 0-4, up to 0-256), so two processes writing
 * in a burst stop colliding step for step.
 */
const afterConflict = (attempt: number) =>
  new Promise((r) => setTimeout(r, Math.random() * 2 ** Math.min(attempt + 1, 8)));

/**
 * Resolves after the event loop's current round of reading sockets (setImmediate runs after the
 * poll phase): messages that arrived together are all handled by then, so a group of actions or
 * joins opened by the first of them takes in the rest.
 */
const afterReads = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What a try at writing answers when another process wrote first (see EventRoom.untilWritten). */
const LOST = Symbol('lost the race');

/** The answer while the server shuts down; the phone keeps the action and sends it again. */
const RESTARTING = fail('server_error', 'The server is restarting; try again in a moment.');

/** The index in a list sorted by seq of its first record after `since`. */
function firstAfter(list: readonly EventRecord[], since: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.seq ?? 0) <= since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function push(map: Map<string, EventRecord[]>, key: string, rec: EventRecord) {
  const list = map.get(key);
  if (list) list.push(rec);
  else map.set(key, [rec]);
}

/** The answer to a new person over the admission limits; the phone tries again (same token). */
const TOO_MANY_NEW = fail(
  'rate_limited',
  'Many people are joining from this network just now; trying again in a moment.',
);

export interface JoinOptions {
  /** Asked once before a token never seen becomes a new person: may one more come in now? */
  newPerson?: () => boolean;
  now?: number;
  /** "I'm here as…" and access needs, as the phone sent them (checked when deciding). */
  about?: About;
}

/** A record after which a note's words must be gone from the store: the note it names. */
function erasingOf(rec: EventRecord): string | null {
  if (rec.type === 'note.withdrawn') return rec.payload.noteId;
  // Removed for personal details: erased at once, as a withdrawal is.
  if (rec.type === 'note.removed' && isErasing(rec.payload.reason)) return rec.payload.noteId;
  return null;
}
/** Index key for notes everyone may see (Open Space session notes). */
const EVERYONE = '*';

/** An action waiting for its group to be decided and committed. */
interface Pending {
  actor: Actor;
  action: Action;
  now: number;
  resolve: (reply: Replies['act']) => void;
  reject: (err: unknown) => void;
}

/** A phone at the door, waiting for its group to be let in (see EventRoom.join). */
interface Arrival {
  token: string;
  tokenHash: string;
  name: string | null;
  rejoin: boolean;
  newPerson: () => boolean;
  now: number;
  about: About;
  /** The id a new person gets; kept across tries, as is whether admission let them in. */
  fresh: string;
  admitted: boolean;
  /** Who the phone turned out to be, once decided. */
  participantId?: string;
  resolve: (reply: Replies['join']) => void;
  reject: (err: unknown) => void;
}

/**
 * The most arrivals let in with one commit: a crowd of thousands is let in a few hundred at a
 * time, so the event's other actions get their turn between groups.
 */
const MAX_JOIN_GROUP = 200;

const sameActor = (a: RecordActor, b: Actor) =>
  a.role === 'participant' ? b.role === 'participant' && a.id === b.id : a.role === b.role;

export class EventRoom {
  private queue: Promise<unknown> = Promise.resolve();
  /** Set once the organiser has deleted the event: nothing more is accepted. */
  private deleted = false;
  /** Set when the server shuts down: what is queued finishes, anything new is refused (retryable). */
  private closing = false;
  private readonly actionSeq = new Map<string, number>();
  /** Actions that arrived since the last group started, to be decided and committed together. */
  private waiting: Pending[] | null = null;
  /**
   * What a participant's catch-up reads instead of the whole log, each list in sequence order:
   * the records that go to everyone, and the others (notes, person records) by the rooms that may
   * see them. Session notes, which go to everyone, are also listed under EVERYONE for backfill.
   */
  private readonly wide: EventRecord[] = [];
  private readonly byRoom = new Map<string, EventRecord[]>();
  /** The seq of the latest event-wide record applied (see RecordOrder). */
  private lastWide = 0;
  /** This copy's name as a writer to the shared store (see turn). */
  private readonly writer = newRecordId();
  /** Joins waiting to enter the queue, a group at a time (see join). */
  private doorway: Promise<unknown> = Promise.resolve();
  /** Arrivals since the last group went in, to be let in together. */
  private atDoor: Arrival[] | null = null;

  private constructor(
    readonly id: string,
    private readonly store: Store,
    private readonly delivery: Delivery,
    public state: EventState,
    readonly log: EventRecord[],
    /** What decisions and the live harvest need beyond the state (the word vectors). */
    readonly services: Services,
  ) {
    for (const r of log) {
      this.actionSeq.set(r.id, r.seq);
      // A note's table and round never change, so its rooms from the final state are its rooms.
      this.index(r, roomsOf(state, r));
      if (!isTargetedRecord(r)) this.lastWide = r.seq;
    }
  }

  static async load(
    id: string,
    store: Store,
    delivery: Delivery,
    services: Services = NO_SERVICES,
  ): Promise<EventRoom | null> {
    const log = await store.records(id);
    const state = foldLog(log);
    if (!state) return null;
    const room = new EventRoom(id, store, delivery, state, log, services);
    // A crash between a withdrawal (or a removal for personal details) and its erasure leaves
    // words behind: finish the job now.
    const leftover = log.flatMap((r) => {
      const noteId = erasingOf(r);
      return noteId === null ? [] : room.eraseWords(noteId, r.seq);
    });
    if (leftover.length > 0) await store.erase(id, leftover);
    return room;
  }

  /**
   * Blank the words of a withdrawn (or removed for personal details) note in this copy of the
   * log: the posting, every edit and any words it was put back with, in the records before
   * `before` (a note put back after a removal keeps its new words). Returns the records that
   * changed so the store can be told.
   */
  private eraseWords(noteId: string, before: number): EventRecord[] {
    const changed: EventRecord[] = [];
    // An imported note's id is its import record's id and its place in it.
    const recordId = this.actionSeq.has(noteId)
      ? noteId
      : noteId.slice(0, Math.max(0, noteId.lastIndexOf(':')));
    const posted = this.log[(this.actionSeq.get(recordId) ?? 0) - 1];
    for (const r of posted ? [posted, ...this.log.slice(posted.seq, before - 1)] : []) {
      const ofNote =
        (r.type === 'note.posted' && r.id === noteId) ||
        (r.type === 'note.edited' && r.payload.noteId === noteId) ||
        (r.type === 'note.restored' && r.payload.noteId === noteId && r.payload.text !== undefined);
      if (ofNote && 'text' in r.payload && (r.payload.text !== '' || 'name' in r.payload)) {
        r.payload.text = '';
        // A paper card's given name goes with its words.
        if ('name' in r.payload) delete r.payload.name;
        changed.push(r);
      }
      // One note of an import: blank its words (and any name given) in the import's record.
      if (r.type === 'notes.imported' && noteId.startsWith(`${r.id}:`)) {
        const n = r.payload.notes[Number(noteId.slice(r.id.length + 1)) - 1];
        if (n && (n.text !== '' || n.name !== null)) {
          n.text = '';
          n.name = null;
          changed.push(r);
        }
      }
    }
    return changed;
  }

  /**
   * Delete the event and all its data, after the actions already queued have finished; whatever
   * arrives later is refused. With `stored` false only this process's copy is dropped (another
   * process already deleted the stored event).
   */
  delete(stored = true): Promise<void> {
    return this.serial(async () => {
      this.deleted = true;
      if (stored) await this.store.deleteEvent(this.id);
      this.log.length = 0;
      this.wide.length = 0;
      this.byRoom.clear();
    });
  }

  /**
   * The server is shutting down: refuse new actions and joins with a retryable `server_error`,
   * and resolve once those already queued have committed and been answered.
   */
  close(): Promise<void> {
    this.closing = true;
    return this.queue.then(() => undefined);
  }

  /**
   * Run `fn` after every earlier action of this event has finished. With the embedded store a
   * task never waits on I/O, so a queue of them would run back to back without the event loop
   * getting a turn (a burst of joins would hold every other event and connection): each task
   * first lets the loop breathe if it has had no turn for a few milliseconds (server/breather.ts).
   */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const guarded = async () => {
      await breathe();
      return this.deleted ? (fail('unknown_event', 'This event has been deleted.') as T) : fn();
    };
    const run = this.queue.then(guarded, guarded);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Decide and commit an action. Actions that arrive while earlier ones are being handled wait
   * together, and are then decided one after another (each on the state the one before left) and
   * committed as one group (one fsync for all of them): each is answered only once its group is
   * committed. A refusal is answered with its group too.
   */
  act(actor: Actor, action: Action, now = Date.now()): Promise<Replies['act']> {
    if (this.closing) return Promise.resolve(RESTARTING);
    return new Promise((resolve, reject) => {
      if (!this.waiting) {
        const group: Pending[] = [];
        this.waiting = group;
        this.serial(async () => {
          // The embedded store commits without waiting, so a group started at once would hold the
          // one action that opened it: wait for the loop to read what the other sockets have sent
          // meanwhile, and commit those actions with it (one fsync for all).
          await afterReads();
          if (this.waiting === group) this.waiting = null;
          await this.commitGroup(group);
          return null;
        }).then(
          (refused) => {
            // The event was deleted while the group waited (the group never ran, so it is still
            // the one waiting): close it, and everyone in it hears so.
            if (this.waiting === group) this.waiting = null;
            if (refused) for (const p of group) p.resolve(refused);
          },
          (err) => {
            for (const p of group) p.reject(err);
          },
        );
      }
      this.waiting.push({ actor, action, now, resolve, reject });
    });
  }

  /**
   * Write to the shared store, deciding again after each lost race. `attempt` decides on the
   * current state and tries once: its answer, or LOST when another process wrote first. Between
   * tries the writer waits a random moment (afterConflict) and catches up; after CLAIM_TURN_AFTER
   * losses in a row it claims the event's turn (Store.claimTurn), so the other processes' appends
   * back off until it has written: a slow decision (seating a thousand people) is not starved by
   * a stream of quick notes. Null when every try lost.
   */
  private async untilWritten<T>(attempt: () => Promise<T | typeof LOST>): Promise<T | null> {
    let claimed = false;
    try {
      for (let n = 0; n < MAX_CONFLICT_RETRIES; n++) {
        if (n >= CLAIM_TURN_AFTER && this.store.shared && !claimed)
          claimed = await this.store.claimTurn(this.id, this.writer, TURN_MS);
        const out = await attempt();
        if (out !== LOST) return out;
        await afterConflict(n);
        await this.catchUpFromStore();
      }
      return null;
    } finally {
      if (claimed) await this.store.releaseTurn(this.id, this.writer);
    }
  }

  private async commitGroup(group: Pending[]) {
    const replies = await this.untilWritten(async () => {
      const planned = this.plan(group);
      // With several processes this copy may be behind: refuse only on the latest state (the
      // round may have been started elsewhere). With one process it is the latest already.
      if (this.store.shared && planned.replies.some((r) => r && !r.ok) && (await this.movedOn())) return LOST;
      const { recs, replies, recordOf, resends } = planned;
      if (recs.length > 0) {
        const result = await this.store.appendMany(this.id, this.state.seq, recs, this.writer);
        // Another process wrote first, or already wrote one of these actions (a phone that
        // resent through it): take its records and decide the group again.
        if (!result.ok) return LOST;
        // Each record's state was worked out while planning: it is not reduced a second time.
        const erased = result.records.flatMap((r, k) => this.apply(r, false, planned.states[k]));
        // Withdrawn (and removed personal) words are erased from the store before the sender is told it is done.
        if (erased.length > 0) await this.store.erase(this.id, erased);
        recordOf.forEach((k, i) => {
          const rec = result.records[k];
          if (rec) replies[i] = { ok: true, seq: rec.seq, duplicate: resends.has(i) };
        });
      }
      return replies;
    });
    const busy = fail('server_error', 'The event is too busy right now; try again.');
    for (const [i, p] of group.entries())
      p.resolve(replies ? (replies[i] ?? fail('server_error', 'Something went wrong; try again.')) : busy);
  }

  /**
   * Decide each action of a group on the state the ones before it leave. `recordOf` maps an
   * action to the index in `recs` of its record; a resend of an action earlier in the same group
   * maps to that action's record and is listed in `resends`.
   */
  private plan(group: Pending[]) {
    let state = this.state;
    const recs: NewRecord[] = [];
    /** The state after each of `recs`. */
    const states: EventState[] = [];
    const replies: (Replies['act'] | undefined)[] = [];
    const recordOf = new Map<number, number>();
    const resends = new Set<number>();
    /** Action id -> the record of this group that writes it, and who asked for it. */
    const writer = new Map<string, { rec: number; actor: Actor }>();
    const reused = () =>
      fail('invalid_message', 'That action id is already used; make a new one for each action.');
    group.forEach(({ actor, action, now }, i) => {
      // A resend by the same sender is answered as done; anyone else reusing an id is told so.
      const seen = this.actionSeq.get(action.id);
      if (seen !== undefined) {
        const earlier = this.log[seen - 1];
        replies[i] =
          earlier && sameActor(earlier.actor, actor) ? { ok: true, seq: seen, duplicate: true } : reused();
        return;
      }
      const first = writer.get(action.id);
      if (first) {
        if (sameActor(first.actor, actor)) {
          recordOf.set(i, first.rec);
          resends.add(i);
        } else replies[i] = reused();
        return;
      }
      const prepared = prepareAction(actor, action, this.services);
      if (!prepared.ok) {
        replies[i] = prepared;
        return;
      }
      const decision = prepared.decide(state, now);
      if (!decision.ok) {
        replies[i] = decision;
        return;
      }
      const rec = { ...decision.record, id: action.id, at: now, actor } as NewRecord;
      state = reduce(state, { ...rec, seq: state.seq + 1 } as EventRecord);
      recordOf.set(i, recs.length);
      writer.set(action.id, { rec: recs.length, actor });
      recs.push(rec);
      states.push(state);
    });
    return { recs, states, replies, recordOf, resends };
  }

  /** Whether the shared store holds records this copy has not seen (they are applied now). */
  private async movedOn(): Promise<boolean> {
    const seen = this.state.seq;
    await this.catchUpFromStore();
    return this.state.seq !== seen;
  }

  /**
   * A phone joins (or comes back). The phone makes up its own token, so a join that is retried
   * after a lost reply finds the same person instead of creating a second one.
   */
  join(
    token: string,
    name: string | null,
    rejoin: boolean,
    { newPerson = () => true, now = Date.now(), about = {} }: JoinOptions = {},
  ): Promise<Replies['join']> {
    if (this.closing) return Promise.resolve(RESTARTING);
    const cleanName = NameSchema.safeParse(name ?? '');
    if (!cleanName.success)
      return Promise.resolve(
        fail(
          'invalid_message',
          `That name is not valid: ${cleanName.error.issues[0]?.message ?? 'try another'}.`,
        ),
      );
    // Joins wait in a lane of their own and enter the event's queue a group at a time, so the
    // actions of people already here never wait behind a crowd (or a flood) at the door, and a
    // crowd arriving together is let in with one commit (one fsync) per group, not one per person.
    return new Promise((resolve, reject) => {
      if (!this.atDoor || this.atDoor.length >= MAX_JOIN_GROUP) {
        const group: Arrival[] = [];
        this.atDoor = group;
        const run = this.doorway.then(afterReads).then(() => {
          if (this.atDoor === group) this.atDoor = null;
          return this.admit(group);
        });
        this.doorway = run.catch(() => undefined);
        run.catch((err) => {
          for (const a of group) a.reject(err);
        });
      }
      this.atDoor.push({
        token,
        tokenHash: hashToken(token),
        name: cleanName.data || null,
        rejoin,
        newPerson,
        now,
        about,
        fresh: newParticipantId(),
        admitted: false,
        resolve,
        reject,
      });
    });
  }

  /**
   * Let a group of arrivals in: each is decided on the state the ones before it leave (a phone
   * that sent its join twice is let in once), and every new person's join and token is written in
   * one commit. Each is answered once that commit is done (a refusal with it).
   */
  private async admit(group: Arrival[]): Promise<void> {
    const outcome = await this.serial(() =>
      this.untilWritten<(Replies['join'] | 'in')[]>(async () => {
        let state = this.state;
        const recs: NewRecord[] = [];
        const states: EventState[] = [];
        const joinings: Joining[] = [];
        /** Who each token of this group is, once one of its arrivals has been decided. */
        const decided = new Map<string, string>();
        const answers: (Replies['join'] | 'in')[] = [];
        for (const a of group) {
          const known =
            decided.get(a.tokenHash) ?? (await this.store.participantByTokenHash(this.id, a.tokenHash));
          // A token never seen makes a new person: admission decides whether one more may come now.
          if (!known && !a.admitted) {
            if (!a.newPerson()) {
              answers.push(TOO_MANY_NEW);
              continue;
            }
            a.admitted = true;
          }
          a.participantId = known ?? a.fresh;
          decided.set(a.tokenHash, a.participantId);
          const existing = personById(state, a.participantId);
          // A phone of someone who left reconnects as a bystander; only an explicit "join again" re-admits.
          if (existing && !(existing.left && a.rejoin)) {
            answers.push('in');
            continue;
          }
          const decision = decideJoin(state, a.participantId, a.name, a.about);
          if (!decision.ok) {
            answers.push(decision);
            continue;
          }
          const rec = {
            ...decision.record,
            id: newRecordId(),
            at: a.now,
            actor: { role: 'participant', id: a.participantId },
          } as NewRecord;
          state = reduce(state, { ...rec, seq: state.seq + 1 } as EventRecord);
          recs.push(rec);
          states.push(state);
          if (!known) joinings.push({ participantId: a.participantId, tokenHash: a.tokenHash });
          answers.push('in');
        }
        if (recs.length > 0) {
          const result = await this.store.appendMany(this.id, this.state.seq, recs, this.writer, joinings);
          if (!result.ok) return LOST;
          // Each record's state was worked out while deciding: it is not reduced a second time.
          for (const [k, r] of result.records.entries()) this.apply(r, false, states[k]);
        }
        return answers;
      }),
    );
    group.forEach((a, i) => {
      // The event was deleted while the group waited (serial's answer is then a refusal for all).
      const answer = Array.isArray(outcome) ? outcome[i] : outcome === null ? null : outcome;
      if (answer === null || answer === undefined)
        a.resolve(fail('server_error', 'Joining did not go through; try again.'));
      else if (answer !== 'in') a.resolve(answer);
      else
        a.resolve({
          ok: true,
          role: 'participant',
          eventId: this.id,
          participantId: a.participantId ?? a.fresh,
          token: a.token,
          serverNow: a.now,
        });
    });
  }

  /** A record the server itself makes (no client asked), e.g. clearing a vanished phone's presence. */
  system(
    record: Draft,
    stillWanted: (state: EventState) => boolean = () => true,
    now = Date.now(),
  ): Promise<void> {
    return this.serial(async () => {
      // Checked in the queue, so an action that arrived meanwhile is not undone.
      if (!stillWanted(this.state)) return;
      const rec = { ...record, id: newRecordId(), at: now, actor: { role: 'system' } } as NewRecord;
      const written = await this.untilWritten(async () => {
        const result = await appendOne(this.store, this.id, this.state.seq, rec, this.writer);
        if (!result.ok) return LOST;
        this.apply(result.record);
        return true;
      });
      if (written) return;
      log.error({ eventId: this.id, type: record.type }, 'a server-made record could not be written');
    });
  }

  /**
   * What a viewer may see after `since`, plus older notes they may see (their table, as host),
   * each as that viewer receives it (lib/visibility.ts viewFor). A participant's answer is read
   * from the indexes of what goes to everyone and to their rooms, so a catch-up costs what it
   * returns, not the length of the log (many phones sync at once after a round change, and a
   * hostile client may ask again and again).
   */
  recordsFor(viewer: Viewer, since: number): { records: EventRecord[]; backfill: EventRecord[] } {
    const rooms = roomsFor(this.state, viewer);
    const records: EventRecord[] = [];
    if (isTeam(viewer)) {
      // The team sees every record, the tail of the log after `since`, but those for fewer of
      // them (what would help people take part being met: not for a projector).
      const mine = new Set(rooms);
      for (let i = firstAfter(this.log, since); i < this.log.length; i++) {
        const r = this.log[i];
        if (r && reaches(this.state, r, mine)) records.push(r);
      }
    } else {
      const seen = new Set<number>();
      const take = (list: readonly EventRecord[] | undefined) => {
        if (!list) return;
        for (let i = firstAfter(list, since); i < list.length; i++) {
          const r = list[i];
          if (r && !seen.has(r.seq)) {
            seen.add(r.seq);
            records.push(r);
          }
        }
      };
      take(this.wide);
      for (const room of rooms) {
        take(this.byRoom.get(room));
      }
      records.sort((a, b) => a.seq - b.seq);
    }
    // Older notes come from the rooms' indexes: just this viewer's tables, host duty and own notes.
    const seen = new Set<number>();
    const backfill: EventRecord[] = [];
    for (const room of [...rooms, EVERYONE]) {
      for (const r of this.byRoom.get(room) ?? []) {
        if (r.seq > since) break;
        if (isNoteRecord(r) && !seen.has(r.seq)) {
          seen.add(r.seq);
          backfill.push(r);
        }
      }
    }
    backfill.sort((a, b) => a.seq - b.seq);
    const view = (r: EventRecord) => viewFor(this.state, r, viewer);
    return { records: records.map(view), backfill: backfill.map(view) };
  }

  /** Index a record by who may see it (`rooms` from roomsOf, null: everyone). */
  private index(rec: EventRecord, rooms: string[] | null) {
    if (rooms === null) this.wide.push(rec);
    const listed = rooms ?? (isNoteRecord(rec) ? [EVERYONE] : []);
    for (const room of listed) push(this.byRoom, room, rec);
  }

  /**
   * Apply a committed record and deliver it (through the socket adapter, to every process).
   * Records learned from the shared store are delivered again by each process that learns them
   * (their writer may have died before delivering); phones ignore the copies. Each goes with the
   * seq of the event-wide record before it: a record from one process can reach a phone before
   * an earlier one from another (a process that has just loaded the event never delivered the
   * records it loaded), and the phone holds it until the earlier one comes.
   */
  private apply(rec: EventRecord, learned = false, next?: EventState): EventRecord[] {
    // Rooms of a note edit are those of the note as it stood, so compute them before applying.
    const rooms = roomsOf(this.state, rec);
    this.state = next ?? reduce(this.state, rec);
    this.log.push(rec);
    this.actionSeq.set(rec.id, rec.seq);
    this.index(rec, rooms);
    // Every process blanks its own copy; the writer also erases the stored words (see act).
    const erasing = erasingOf(rec);
    const erased = erasing === null ? [] : this.eraseWords(erasing, rec.seq);
    const order = { after: this.lastWide };
    if (!isTargetedRecord(rec)) this.lastWide = rec.seq;
    this.delivery.record(this, rec, order, rooms, learned);
    return erased;
  }

  /** Another process appended first (several processes share a store): take its records. */
  private async catchUpFromStore() {
    for (const rec of await this.store.records(this.id, this.state.seq)) this.apply(rec, true);
  }

  /** Bring this process's copy up to date with the shared store (a no-op with one process). */
  refresh(): Promise<void> {
    // Alone on its store, this copy is the latest: a catch-up need not wait behind the actions.
    if (!this.store.shared) return Promise.resolve();
    return this.serial(() => this.catchUpFromStore());
  }
}
