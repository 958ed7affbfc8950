'use client';
import { useContext, useState } from 'react';
import type { EventState } from '../../lib/state';
import { hostedTable, phaseOf, tableMembers, tableOf } from '../../lib/view';
import { HarvestVote } from '../harvest/HarvestVote';
import { useLive } from '../live/store';
import { ConnectionContext, useSend } from '../live/useConnection';
import { OpenSpacePhone } from '../openspace/OpenSpacePhone';
import { Button } from '../ui/Button';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { Problems } from '../ui/Problems';
import { Timer } from '../ui/Timer';
import { NoteComposer } from './NoteComposer';
import { EarlierNotes, MyEarlierNotes, TableNotes } from './NoteLists';

/** The phone screen during the café: where to sit, the question, the timer, the table's notes. */
export function ParticipantView() {
  const event = useLive((s) => s.event);
  const me = useLive((s) => s.me);
  if (!event || !me) {
    return (
      <main className="px-4 py-10 text-lg">
        <p>Joining…</p>
        <div className="mt-3">
          <ConnectionBadge />
        </div>
      </main>
    );
  }
  const left = event.participants[me]?.left;
  return (
    <div className="mx-auto min-h-screen max-w-xl">
      <header className="sticky top-0 z-10 flex items-center justify-between gap-2 border-b-2 border-stone-200 bg-white/95 px-4 py-2">
        <p className="min-w-0 truncate font-semibold">{event.settings.title}</p>
        <ConnectionBadge />
      </header>
      <main className="space-y-5 px-4 py-4">
        <Problems />
        {!left && <HarvestVote event={event} me={me} />}
        {left ? <LeftCard /> : <Stage event={event} me={me} />}
        {!left && <LeaveButton />}
      </main>
    </div>
  );
}

function Stage({ event, me }: { event: EventState; me: string }) {
  if (event.part === 'openSpace') return <OpenSpacePhone event={event} me={me} />;
  const phase = phaseOf(event);
  const total = event.settings.rounds.length;
  const hosting = hostedTable(event, me);

  if (phase.kind === 'lobby') return <Lobby event={event} me={me} />;
  if (phase.kind === 'finished') {
    return (
      <>
        <section className="rounded-2xl bg-brand-700 p-5 text-white">
          <h1 className="text-3xl font-bold">Thank you!</h1>
          <p className="mt-2 text-lg">
            The café is over. Your notes are saved and will be part of what comes next.
          </p>
        </section>
        <MyEarlierNotes event={event} me={me} fromRound={total} />
      </>
    );
  }

  const table = tableOf(event, me, phase.round);
  const question = event.settings.rounds[phase.round]?.question ?? '';
  if (table === null) {
    return (
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-5">
        <h1 className="text-2xl font-bold">Welcome</h1>
        <p className="mt-2 text-lg">The facilitator will give you a table in a moment.</p>
      </section>
    );
  }

  if (phase.kind === 'seated') {
    const prev = phase.round > 0 ? tableOf(event, me, phase.round - 1) : null;
    const stay = hosting === table || prev === table;
    return (
      <>
        <section
          aria-live="polite"
          className="rounded-2xl bg-brand-700 p-5 text-white"
          data-testid="go-to-table"
        >
          <p className="text-lg font-medium">
            {phase.round === 0 ? 'Round 1 is about to start' : `Round ${phase.round} is over`}
          </p>
          <h1 className="mt-1 text-5xl font-bold">
            {stay && phase.round > 0 ? `Stay at table ${table}` : `Go to table ${table}`}
          </h1>
          {hosting === table && (
            <p className="mt-3 text-lg">
              You are the host of table {table}. Stay here and welcome the new people: tell them what the last
              group talked about.
            </p>
          )}
        </section>
        <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
          <p className="font-medium text-stone-600">Next question</p>
          <p className="mt-1 text-xl font-semibold">{question}</p>
        </section>
        {hosting === table && <EarlierNotes event={event} table={table} beforeRound={phase.round} />}
        <MyEarlierNotes event={event} me={me} fromRound={phase.round} />
      </>
    );
  }

  const mates = tableMembers(event, table, phase.round).length;
  return (
    <>
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <div className="flex items-baseline justify-between gap-2">
          <h1 className="text-3xl font-bold" data-testid="my-table">
            Table {table}
          </h1>
          <p className="text-stone-700">
            Round {phase.round + 1} of {total} · {mates} {mates === 1 ? 'person' : 'people'}
          </p>
        </div>
        {hosting === table && (
          <p className="mt-1 font-semibold text-brand-700">You are the host of this table.</p>
        )}
        <p className="mt-3 text-xl font-semibold">{question}</p>
        <div className="mt-4">
          <Timer round={event.rounds[phase.round]} />
        </div>
      </section>
      <NoteComposer round={phase.round} table={table} />
      <TableNotes event={event} me={me} table={table} round={phase.round} />
      {hosting === table && phase.round > 0 && (
        <EarlierNotes event={event} table={table} beforeRound={phase.round} />
      )}
      <MyEarlierNotes event={event} me={me} fromRound={phase.round} />
    </>
  );
}

function Lobby({ event, me }: { event: EventState; me: string }) {
  const send = useSend();
  const volunteer = event.participants[me]?.volunteer ?? false;
  const hosting = hostedTable(event, me);
  return (
    <>
      <section className="rounded-2xl bg-brand-700 p-5 text-white">
        <h1 className="text-3xl font-bold">You’re in</h1>
        <p className="mt-2 text-lg">
          The café will start soon. This screen will tell you which table to go to.
        </p>
      </section>
      <section className="rounded-2xl border-2 border-stone-200 bg-white p-4">
        <h2 className="text-xl font-bold">Would you host a table?</h2>
        <p className="mt-1 text-stone-700">
          A host stays at the same table every round, welcomes new people and tells them what the last group
          said.
        </p>
        {hosting !== null ? (
          <p className="mt-3 text-lg font-semibold text-brand-700">
            You are the host of table {hosting}. Thank you!
          </p>
        ) : (
          <Button
            className="mt-3"
            variant={volunteer ? 'secondary' : 'primary'}
            aria-pressed={volunteer}
            onClick={() => send('host.volunteer', { volunteering: !volunteer })}
          >
            {volunteer ? 'I’ve offered to host (tap to undo)' : 'Yes, I can host'}
          </Button>
        )}
      </section>
      <p className="text-stone-700">
        {Object.values(event.participants).filter((p) => !p.left).length} people have joined so far.
      </p>
    </>
  );
}

function LeaveButton() {
  const send = useSend();
  const [asking, setAsking] = useState(false);
  return (
    <div className="border-t-2 border-stone-200 pt-4">
      {asking ? (
        <div className="space-y-2">
          <p>
            Leave the event? Your notes stay. You will not be given a table or counted in a session any more.
          </p>
          <div className="flex gap-2">
            <Button
              variant="danger"
              onClick={() => {
                send('participant.leave', {});
              }}
            >
              Yes, leave
            </Button>
            <Button variant="secondary" onClick={() => setAsking(false)}>
              Stay
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="ghost" onClick={() => setAsking(true)}>
          I am leaving the event
        </Button>
      )}
    </div>
  );
}

/** Joining again reconnects with the same phone token, so the person keeps their notes. */
function LeftCard() {
  const conn = useContext(ConnectionContext);
  return (
    <section className="rounded-2xl border-2 border-stone-200 bg-white p-5">
      <h1 className="text-2xl font-bold">You have left the event</h1>
      <p className="mt-2 text-lg">Thank you for taking part. Your notes are kept.</p>
      <Button className="mt-4" onClick={() => conn?.rejoin()}>
        Join again
      </Button>
    </section>
  );
}
