'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { type SavedEvent, savedEvents } from './facilitator/saved';
import { AccessibilityLink } from './ui/AccessibilityLink';
import { Button } from './ui/Button';

/** The front door: join with a code (phones), or run a café (facilitators). */
export function Home() {
  const router = useRouter();
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [mine, setMine] = useState<SavedEvent[]>([]);
  const [deleted, setDeleted] = useState(false);
  useEffect(() => {
    setMine(savedEvents());
    setDeleted(new URLSearchParams(window.location.search).get('deleted') === '1');
  }, []);

  function join(e: FormEvent) {
    e.preventDefault();
    const clean = code.replace(/[\s-]/g, '').toUpperCase();
    if (!/^[A-Z0-9]{4,10}$/.test(clean)) {
      setError('Type the 6 letters and numbers shown on the screen.');
      return;
    }
    router.push(`/j/${clean}`);
  }

  return (
    <>
      <main className="mx-auto max-w-3xl px-4 py-8 sm:py-14">
        {deleted && (
          <p role="status" className="mb-6 rounded-xl border-2 border-brand-700 bg-white p-4 text-lg">
            The event and everything written in it have been deleted from this server.
          </p>
        )}
        <h1 className="text-3xl font-bold sm:text-4xl">Café Space</h1>
        <p className="mt-2 text-lg text-stone-700">Conversations that matter, captured as they happen.</p>

        <section
          aria-labelledby="join-h"
          className="mt-8 rounded-2xl border-2 border-brand-100 bg-white p-5 shadow-sm"
        >
          <h2 id="join-h" className="text-2xl font-bold">
            Join a conversation
          </h2>
          <form onSubmit={join} className="mt-4" noValidate>
            <label htmlFor="code" className="block text-lg font-medium">
              Join code
            </label>
            <p id="code-help" className="text-stone-600">
              It is on the big screen, for example K7PM2Q.
            </p>
            <div className="mt-2 flex flex-col gap-3 sm:flex-row">
              <input
                id="code"
                name="code"
                value={code}
                onChange={(e) => {
                  setCode(e.target.value);
                  setError('');
                }}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={12}
                aria-describedby={error ? 'code-help code-error' : 'code-help'}
                aria-invalid={error ? true : undefined}
                className="min-h-12 w-full rounded-lg border-2 border-stone-400 px-3 font-mono text-2xl tracking-widest uppercase sm:w-60"
              />
              <Button type="submit" className="text-lg">
                Join
              </Button>
            </div>
            {error && (
              <p id="code-error" className="mt-2 font-medium text-red-800">
                {error}
              </p>
            )}
          </form>
        </section>

        <section aria-labelledby="run-h" className="mt-6 rounded-2xl border-2 border-stone-200 bg-white p-5">
          <h2 id="run-h" className="text-2xl font-bold">
            Run an event
          </h2>
          <p className="mt-2 text-stone-700">
            A World Café (rounds of conversation at tables), an Open Space (people propose sessions and choose
            where to go), or both. People join from their phones with no app and no account.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link
              href="/new?kind=cafe"
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
            >
              Set up a World Café
            </Link>
            <Link
              href="/new?kind=openSpace"
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
            >
              Set up an Open Space
            </Link>
          </div>
          {mine.length > 0 && (
            <div className="mt-6">
              <h3 className="text-lg font-semibold">Events you run on this computer</h3>
              <ul className="mt-2 divide-y divide-stone-200">
                {mine.map((e) => (
                  <li key={e.eventId} className="flex items-center justify-between gap-3 py-2">
                    <span>
                      {e.title} <span className="font-mono text-stone-600">({e.joinCode})</span>
                    </span>
                    <Link
                      className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
                      href={`/f/${e.eventId}#${e.token}`}
                    >
                      Open
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </main>
      <footer className="mx-auto max-w-3xl border-t-2 border-stone-200 px-4 py-4">
        <AccessibilityLink />
      </footer>
    </>
  );
}
