'use client';
import { useTranslations } from 'next-intl';
import { currentAnnouncement } from '../../lib/announcements';
import type { EventState } from '../../lib/state';

/** The facilitators' current announcement at the top of every phone, café or Open Space. */
export function AnnouncementBanner({ event }: { event: EventState }) {
  const t = useTranslations('openSpace');
  const showing = currentAnnouncement(event);
  if (!showing) return null;
  return (
    <p
      role="status"
      className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-3 text-lg"
      data-testid="announcement"
    >
      <span className="font-semibold">{t('announcement')} </span>
      <bdi>{showing.text}</bdi>
    </p>
  );
}
