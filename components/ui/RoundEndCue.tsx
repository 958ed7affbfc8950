'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import type { EventState } from '../../lib/state';
import { phaseOf, remainingMs } from '../../lib/view';
import { useServerNow } from './Timer';

const KEY = 'cafe:round-end-cue';

let audio: AudioContext | null = null;

/** A short beep through the phone's speaker, and a buzz where the phone can vibrate. */
function cue() {
  if ('vibrate' in navigator) navigator.vibrate([200, 100, 200]);
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 880;
    volume.gain.value = 0.2;
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.35);
  } catch {
    // No sound on this phone: the buzz (if any) and the screen still say the round is over.
  }
}

/**
 * For people who may not be looking at their phone: a beep and a buzz when a round ends. It is
 * off unless the person turns it on on this phone (a sound in a quiet room should be their choice).
 */
export function RoundEndCue({ event }: { event: EventState }) {
  const t = useTranslations('cue');
  const id = useId();
  const [on, setOn] = useState(false);
  useEffect(() => setOn(localStorage.getItem(KEY) === 'on'), []);
  const now = useServerNow(1_000);
  const cued = useRef<number | null>(null);
  const phase = phaseOf(event);

  // A round ends when its time runs out or when the facilitator ends it; cue once per round.
  const round = event.current;
  const left = phase.kind === 'running' ? remainingMs(event.rounds[round], now) : null;
  const timeUp = left !== null && left <= 0;
  const endedEarly = phase.kind === 'finished' || (phase.kind === 'seated' && round > 0);
  const ended = timeUp ? round : endedEarly ? (phase.kind === 'finished' ? round : round - 1) : null;
  const first = useRef(true);
  useEffect(() => {
    // What was already over when the page opened is not news.
    if (first.current) {
      first.current = false;
      cued.current = ended;
      return;
    }
    if (ended === null || ended === cued.current) return;
    cued.current = ended;
    if (on) cue();
  }, [ended, on]);

  function toggle(next: boolean) {
    setOn(next);
    localStorage.setItem(KEY, next ? 'on' : 'off');
    // Playing once now, from the tap, lets the phone make sounds later and shows what it is like.
    if (next) cue();
  }

  // After the last round there is no round left to end: the beep (above) still sounds for that last
  // ending, but the setting is no longer shown.
  if (phase.kind === 'finished') return null;

  return (
    <div className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <label htmlFor={id} className="flex min-h-11 items-center gap-3 text-lg">
        <input
          id={id}
          type="checkbox"
          checked={on}
          onChange={(e) => toggle(e.target.checked)}
          className="size-6 shrink-0"
        />
        {t('label')}
      </label>
      <p className="text-stone-700">{t('help')}</p>
    </div>
  );
}
