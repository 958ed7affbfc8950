'use client';
import { useEffect, useState } from 'react';
import { type ProjectorViewName, projectorOf } from '../../lib/harvest/screen';
import type { EventState } from '../../lib/state';

/**
 * Which projector to show: the facilitator's recorded choice (`projector.show`), followed live.
 * A window opened with `?view=harvest` (the older link) starts on the harvest, and follows the
 * console again as soon as a facilitator chooses anew.
 */
export function useProjectorChoice(event: EventState | null): ProjectorViewName {
  const [asked, setAsked] = useState<ProjectorViewName | null>(null);
  const [openedAt, setOpenedAt] = useState<number | null>(null);
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('view') === 'harvest') setAsked('harvest');
  }, []);
  const chosen = event ? projectorOf(event) : null;
  useEffect(() => {
    if (chosen && openedAt === null) setOpenedAt(chosen.viewSeq);
  }, [chosen, openedAt]);
  if (!chosen) return asked ?? 'room';
  return asked && (openedAt === null || chosen.viewSeq <= openedAt) ? asked : chosen.view;
}
