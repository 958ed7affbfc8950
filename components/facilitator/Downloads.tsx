'use client';
import { useState } from 'react';
import { Button } from '../ui/Button';
import { downloadWithToken } from './download';

const FORMATS = [
  ['md', 'Markdown', 'to read and share'],
  ['csv', 'CSV', 'for spreadsheets'],
  ['json', 'JSON', 'for other programs'],
] as const;

/** Download every note, grouped by round, question and table. */
export function Downloads({ eventId, token }: { eventId: string; token: string }) {
  const [error, setError] = useState('');
  async function download(format: string) {
    setError('');
    try {
      await downloadWithToken(`/api/events/${eventId}/export.${format}`, token, `notes.${format}`);
    } catch {
      setError('The download did not work. Check the connection and try again.');
    }
  }
  return (
    <section aria-labelledby="dl-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="dl-h" className="text-lg font-bold">
        Download the notes
      </h2>
      <p className="text-stone-600">All notes so far, grouped by round, question and table.</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {FORMATS.map(([format, label, hint]) => (
          <Button key={format} variant="secondary" onClick={() => download(format)} title={hint}>
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
