'use client';
/** Facilitator links remembered on this laptop, so reopening the app resumes control. */

export interface SavedEvent {
  eventId: string;
  title: string;
  joinCode: string;
  token: string;
  createdAt: number;
}

const KEY = 'cafe:facilitating';

export function savedEvents(): SavedEvent[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as SavedEvent[]) : [];
  } catch {
    return [];
  }
}

export function saveEvent(e: SavedEvent) {
  const rest = savedEvents().filter((x) => x.eventId !== e.eventId);
  localStorage.setItem(KEY, JSON.stringify([e, ...rest].slice(0, 50)));
}

export function tokenFor(eventId: string): string | null {
  return savedEvents().find((e) => e.eventId === eventId)?.token ?? null;
}

export const facilitatorLink = (origin: string, eventId: string, token: string) =>
  `${origin}/f/${eventId}#${token}`;

/** The event is gone: forget its link on this laptop too. */
export function forgetEvent(eventId: string) {
  localStorage.setItem(KEY, JSON.stringify(savedEvents().filter((x) => x.eventId !== eventId)));
}
