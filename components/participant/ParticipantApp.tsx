'use client';
import { nanoid } from 'nanoid';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import type { Identity } from '../../lib/settings';
import { useLive } from '../live/store';
import { ConnectionContext, useConnection } from '../live/useConnection';
import { Button } from '../ui/Button';
import { ParticipantView } from './ParticipantView';

interface Stored {
  token: string;
  name: string | null;
}

interface JoinInfo {
  title: string;
  purpose: string;
  identity: Identity;
}

const storageKey = (code: string) => `cafe:p:${code}`;

function loadStored(code: string): Stored | null {
  try {
    const v = JSON.parse(localStorage.getItem(storageKey(code)) ?? 'null') as Stored | null;
    return v && typeof v.token === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** A phone's whole journey: the join screen, then the live café. */
export function ParticipantApp({ code }: { code: string }) {
  const [stored, setStored] = useState<Stored | null | undefined>(undefined);
  useEffect(() => setStored(loadStored(code)), [code]);

  const identity = useMemo(
    () => (stored ? ({ kind: 'participant', code, token: stored.token, name: stored.name } as const) : null),
    [code, stored],
  );
  const conn = useConnection(identity);
  const fatal = useLive((s) => s.fatal);
  // The event is gone (deleted, or the code was wrong): this phone's token for it is no use now.
  useEffect(() => {
    if (fatal?.code === 'unknown_event' || fatal?.code === 'event_deleted')
      localStorage.removeItem(storageKey(code));
  }, [fatal, code]);

  if (stored === undefined) return null;
  if (!stored) {
    return (
      <JoinScreen
        code={code}
        onJoin={(name) => {
          const next = { token: nanoid(32), name };
          localStorage.setItem(storageKey(code), JSON.stringify(next));
          setStored(next);
        }}
      />
    );
  }
  if (fatal?.code === 'event_deleted') {
    return (
      <main className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-2xl font-bold">This event has been deleted</h1>
        <p className="mt-3 text-lg">{fatal.message} Nothing of it is kept on this phone.</p>
        <p className="mt-6 text-lg">Thank you for taking part.</p>
      </main>
    );
  }
  if (fatal) {
    return (
      <main className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-2xl font-bold">Could not join</h1>
        <p className="mt-3 text-lg">{fatal.message}</p>
        <Button
          className="mt-6"
          onClick={() => {
            localStorage.removeItem(storageKey(code));
            setStored(null);
          }}
        >
          Try again
        </Button>
      </main>
    );
  }
  if (!conn) return null;
  return (
    <ConnectionContext.Provider value={conn}>
      <ParticipantView />
    </ConnectionContext.Provider>
  );
}

function JoinScreen({ code, onJoin }: { code: string; onJoin: (name: string | null) => void }) {
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [error, setError] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');

  useEffect(() => {
    fetch(`/api/join/${encodeURIComponent(code)}`)
      .then(async (r) => {
        const body = (await r.json()) as
          | ({ ok: true } & JoinInfo)
          | { ok: false; error: { message: string } };
        if (body.ok) setInfo(body);
        else setError(body.error.message);
      })
      .catch(() => setError('Cannot reach the café. Check your connection and try again.'));
  }, [code]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const clean = name.trim();
    if (info?.identity === 'named' && !clean) {
      setNameError('Please type your name. This café asks everyone for one.');
      return;
    }
    onJoin(info?.identity === 'anonymous' ? null : clean || null);
  }

  if (error) {
    return (
      <main className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-2xl font-bold">Join code {code}</h1>
        <p role="alert" className="mt-3 text-lg text-red-800">
          {error}
        </p>
        <a href="/" className="mt-6 inline-block text-lg font-semibold text-brand-700 underline">
          Type the code again
        </a>
      </main>
    );
  }
  if (!info) return <main className="px-4 py-10 text-lg">Finding the café…</main>;

  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      <p className="font-medium text-stone-600">You are joining</p>
      <h1 className="text-3xl font-bold">{info.title}</h1>
      {info.purpose && <p className="mt-3 text-lg whitespace-pre-wrap text-stone-800">{info.purpose}</p>}
      <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
        {info.identity === 'anonymous' ? (
          <p className="rounded-lg bg-brand-50 p-3 text-lg">
            This café is anonymous. Nobody’s name is asked for or kept.
          </p>
        ) : (
          <div>
            <label htmlFor="name" className="block text-lg font-semibold">
              Your name
              {info.identity === 'choice' && <span className="font-normal"> (you can leave this empty)</span>}
            </label>
            {info.identity === 'choice' && (
              <p id="name-help" className="text-stone-600">
                Leave it empty to take part anonymously.
              </p>
            )}
            <input
              id="name"
              value={name}
              maxLength={LIMITS.name}
              autoComplete="given-name"
              onChange={(e) => {
                setName(e.target.value);
                setNameError('');
              }}
              aria-describedby={info.identity === 'choice' ? 'name-help' : undefined}
              aria-invalid={nameError ? true : undefined}
              className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 px-3 text-lg"
            />
            {nameError && (
              <p role="alert" className="mt-1 font-medium text-red-800">
                {nameError}
              </p>
            )}
          </div>
        )}
        <Button type="submit" className="w-full text-lg">
          {info.identity === 'choice' && !name.trim() ? 'Join anonymously' : 'Join'}
        </Button>
      </form>
    </main>
  );
}
