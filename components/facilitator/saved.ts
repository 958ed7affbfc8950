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
  localStorage.removeItem(linksKey(eventId));
}

/** Where a team link opens: the projector view for a projector, the console for everyone else. */
export const teamLinkUrl = (origin: string, eventId: string, role: string, token: string) =>
  role === 'projector' ? `${origin}/p/${eventId}#${token}` : facilitatorLink(origin, eventId, token);

/**
 * The team links this laptop made, so the organiser can copy one again: the server keeps only a
 * fingerprint of each, and cannot show a link twice.
 */
const linksKey = (eventId: string) => `cafe:links:${eventId}`;

export function linkTokens(eventId: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(linksKey(eventId)) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, string>)
      : {};
  } catch {
    return {};
  }
}

export function rememberLinkToken(eventId: string, linkId: string, token: string) {
  try {
    localStorage.setItem(linksKey(eventId), JSON.stringify({ ...linkTokens(eventId), [linkId]: token }));
  } catch {
    // Storage full or blocked: the link shows until this page is left.
  }
}

export function forgetLinkToken(eventId: string, linkId: string) {
  const { [linkId]: _gone, ...rest } = linkTokens(eventId);
  try {
    localStorage.setItem(linksKey(eventId), JSON.stringify(rest));
  } catch {
    // Nothing to keep.
  }
}
