'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '../ui/Button';
import { downloadWithToken } from './download';

/** Each format's name (the same in every language), and what it is for in `console.downloads`. */
const FORMATS = [
  ['md', 'Markdown'],
  ['csv', 'CSV'],
  ['json', 'JSON'],
] as const;

/** Download every note, grouped by round, question and table. */
export function Downloads({ eventId, token }: { eventId: string; token: string }) {
  const [error, setError] = useState('');
  const t = useTranslations('console.downloads');
  async function download(format: string) {
    setError('');
    try {
      await downloadWithToken(`/api/events/${eventId}/export.${format}`, token, `notes.${format}`);
    } catch {
      setError(t('failed'));
    }
  }
  return (
    <section aria-labelledby="dl-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="dl-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="text-stone-600">{t('help')}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {FORMATS.map(([format, label]) => (
          <Button key={format} variant="secondary" onClick={() => download(format)} title={t(format)}>
            {label}
          </Button>
        ))}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-red-800">
          {error}
        </p>
      )}
    </section>
  );
}
