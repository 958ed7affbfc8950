'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useState } from 'react';
import { type SavedEvent, savedEvents } from './facilitator/saved';
import { LanguagePicker } from './i18n/LanguagePicker';
import { AccessibilityLink } from './ui/AccessibilityLink';
import { Button } from './ui/Button';

/** The front door: join with a code (phones), or run a café (facilitators). */
export function Home() {
  const t = useTranslations('site.home');
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
      setError(t('badCode'));
      return;
    }
    router.push(`/j/${clean}`);
  }

  return (
    <>
      <main className="mx-auto max-w-3xl px-4 py-8 sm:py-14">
        <LanguagePicker className="mb-6 justify-end" />
        {deleted && (
          <p role="status" className="mb-6 rounded-xl border-2 border-brand-700 bg-white p-4 text-lg">
            {t('deleted')}
          </p>
        )}
        <h1 className="text-3xl font-bold sm:text-4xl">Café Space</h1>
        <p className="mt-2 text-lg text-stone-700">{t('tagline')}</p>

        <section
          aria-labelledby="join-h"
          className="mt-8 rounded-2xl border-2 border-brand-100 bg-white p-5 shadow-sm"
        >
          <h2 id="join-h" className="text-2xl font-bold">
            {t('joinHeading')}
          </h2>
          <form onSubmit={join} className="mt-4" noValidate>
            <label htmlFor="code" className="block text-lg font-medium">
              {t('codeLabel')}
            </label>
            <p id="code-help" className="text-stone-600">
              {t('codeHelp')}
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
                {t('join')}
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
            {t('runHeading')}
          </h2>
          <p className="mt-2 text-stone-700">{t('runIntro')}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link
              href="/new?kind=cafe"
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
            >
              {t('setUpCafe')}
            </Link>
            <Link
              href="/new?kind=openSpace"
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
            >
              {t('setUpOpenSpace')}
            </Link>
          </div>
          <p className="mt-4">
            <Link
              href="/series"
              className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4"
            >
              {t('seriesLink')}
            </Link>
          </p>
          {mine.length > 0 && (
            <div className="mt-6">
              <h3 className="text-lg font-semibold">{t('yourEvents')}</h3>
              <ul className="mt-2 divide-y divide-stone-200">
                {mine.map((e) => (
                  <li key={e.eventId} className="flex items-center justify-between gap-3 py-2">
                    <span>
                      <bdi>{e.title}</bdi>{' '}
                      <span dir="ltr" className="font-mono text-stone-600">
                        ({e.joinCode})
                      </span>
                    </span>
                    <Link
                      className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline"
                      href={`/f/${e.eventId}#${e.token}`}
                    >
                      {t('open')}
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
