'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { LanguagePicker } from '../i18n/LanguagePicker';

const WORKS = [
  'noApp',
  'keyboard',
  'screenReaders',
  'zoom',
  'languages',
  'contrast',
  'motion',
  'buttons',
  'beep',
  'wcag',
] as const;
const HELP = ['ask', 'noPhone', 'tell'] as const;
const LIMITS = ['projector', 'qr', 'timeLimit', 'themes', 'reports', 'english', 'testing'] as const;

/** The accessibility statement: short, plain words, for the people taking part as much as organisers. */
export function AccessibilityStatement() {
  const t = useTranslations('site.accessibility');
  return (
    <>
      <main className="mx-auto max-w-2xl space-y-8 px-4 py-8">
        <header>
          <LanguagePicker className="mb-6 justify-end" />
          <h1 className="text-3xl font-bold">{t('heading')}</h1>
          <p className="mt-2 text-lg text-stone-700">{t('intro')}</p>
        </header>

        <Part id="works" title={t('worksHeading')}>
          {WORKS.map((k) => (
            <li key={k}>{t(`works.${k}`)}</li>
          ))}
        </Part>

        <Part id="help" title={t('helpHeading')}>
          {HELP.map((k) => (
            <li key={k}>{t(`help.${k}`)}</li>
          ))}
        </Part>

        <Part id="limits" title={t('limitsHeading')}>
          {LIMITS.map((k) => (
            <li key={k}>{t(`limits.${k}`)}</li>
          ))}
        </Part>
      </main>
      <footer className="mx-auto max-w-2xl border-t-2 border-stone-200 px-4 py-4">
        <Link href="/" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
          {t('back')}
        </Link>
      </footer>
    </>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="text-2xl font-bold">
        {title}
      </h2>
      <ul className="mt-3 list-disc space-y-2 ps-6 text-lg">{children}</ul>
    </section>
  );
}
