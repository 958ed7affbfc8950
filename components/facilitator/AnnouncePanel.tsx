'use client';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { currentAnnouncement } from '../../lib/announcements';
import { LIMITS } from '../../lib/limits';
import { useIsolate } from '../i18n/bidi';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

/** One line to every phone and the projector, in a café or an Open Space; replace or clear it. */
export function AnnouncePanel({ className = 'mt-4' }: { className?: string }) {
  const send = useSend();
  const t = useTranslations('spaceConsole.announce');
  const isolate = useIsolate();
  const [text, setText] = useState('');
  const showing = useLive((s) => (s.event ? currentAnnouncement(s.event) : undefined));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return;
    send('announce', { text: text.trim() });
    setText('');
  }
  return (
    <form onSubmit={submit} className={className}>
      <label htmlFor="announce" className="font-semibold">
        {t('label')}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="announce"
          value={text}
          maxLength={LIMITS.announcement}
          onChange={(e) => setText(e.target.value)}
          className="min-h-11 flex-1 rounded-lg border-2 border-stone-400 px-3"
        />
        <Button type="submit">{showing ? t('replace') : t('submit')}</Button>
      </div>
      {showing ? (
        <div className="mt-2 flex flex-wrap items-center gap-2" data-testid="announcement-showing">
          <p className="flex-1 text-stone-700">{t('showing', { text: isolate(showing.text) })}</p>
          <Button
            variant="secondary"
            onClick={() => send('announcement.clear', { announcementId: showing.id })}
          >
            {t('clear')}
          </Button>
        </div>
      ) : (
        <p className="mt-1 text-sm text-stone-600">{t('none')}</p>
      )}
    </form>
  );
}
