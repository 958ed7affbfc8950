'use client';
import { currentAnnouncement } from '../../lib/announcements';
import type { EventState } from '../../lib/state';

/** The facilitators' current announcement across the projector, in the café and Open Space views. */
export function ProjectorAnnouncement({ event }: { event: EventState }) {
  const announcement = currentAnnouncement(event);
  if (!announcement) return null;
  return (
    <p
      role="status"
      data-testid="projector-announcement"
      dir="auto"
      className="rounded-2xl bg-amber-300 px-[2vh] py-[1vh] text-[2.8vh] font-semibold text-stone-950"
    >
      {announcement.text}
    </p>
  );
}
