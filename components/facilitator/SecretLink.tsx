'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '../ui/Button';
import { facilitatorLink } from './saved';

/** The secret link that gives control of the café, shown with a plain warning. */
export function SecretLink({ eventId, token }: { eventId: string; token: string }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const [link, setLink] = useState('');
  const t = useTranslations('console.secret');
  useEffect(() => {
    setLink(facilitatorLink(window.location.origin, eventId, token));
    if (new URLSearchParams(window.location.search).get('new') === '1') setOpen(true);
  }, [eventId, token]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section aria-labelledby="secret-h" className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-4">
      <div className="flex items-center justify-between gap-3">
        <h2 id="secret-h" className="text-lg font-bold text-amber-950">
          {t('heading')}
        </h2>
        <Button variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('hide') : t('show')}
        </Button>
      </div>
      {open && (
        <div className="mt-2 space-y-3">
          <p className="text-amber-950">{t.rich('warning', { b: (chunks) => <strong>{chunks}</strong> })}</p>
          <input
            readOnly
            value={link}
            aria-label={t('linkLabel')}
            dir="ltr"
            data-testid="facilitator-link"
            className="w-full rounded-lg border-2 border-amber-300 bg-white px-2 py-2 font-mono text-sm"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button variant="secondary" onClick={copy}>
            {copied ? t('copied') : t('copy')}
          </Button>
        </div>
      )}
    </section>
  );
}
