'use client';
import type { ReactNode } from 'react';
import type { Session } from '../../lib/openspace/state';
import { sessionAt } from '../../lib/openspace/view';
import type { EventState } from '../../lib/state';

/**
 * The agenda wall: time slots down, spaces across. Each screen decides what a session (or an
 * empty place) shows, so the projector, the console and phones share one layout.
 */
export function AgendaWall({
  state,
  renderSession,
  renderEmpty,
  highlightSlots = [],
  large = false,
}: {
  state: EventState;
  renderSession: (s: Session) => ReactNode;
  renderEmpty?: (slot: number, space: number) => ReactNode;
  highlightSlots?: number[];
  large?: boolean;
}) {
  const os = state.openSpace;
  const settings = state.settings.openSpace;
  if (!os || !settings) return null;
  const text = large ? 'text-[1.7vh]' : 'text-sm';
  return (
    <div className="overflow-x-auto">
      <table className={`w-full border-separate border-spacing-1 ${text}`}>
        <caption className="sr-only">Agenda: time slots down, spaces across</caption>
        <thead>
          <tr>
            <th scope="col" className="w-28 text-left">
              Time
            </th>
            {settings.spaces.map((sp, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: spaces are fixed positions
              <th key={j} scope="col" className="min-w-36 text-left align-bottom">
                <span className="font-bold">{sp.name}</span>
                <span className="block font-normal opacity-80">
                  {sp.capacity ? `${sp.capacity} seats` : 'any number'}
                  {sp.notes ? ` · ${sp.notes}` : ''}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {settings.slots.map((slot, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: slots are fixed positions
            <tr key={i} className={highlightSlots.includes(i) ? 'outline-4 outline-amber-400' : ''}>
              <th scope="row" className="text-left align-top font-semibold whitespace-nowrap">
                {slot.start}–{slot.end}
                {slot.label && <span className="block font-normal opacity-80">{slot.label}</span>}
              </th>
              {slot.isBreak ? (
                <td
                  colSpan={settings.spaces.length}
                  className="rounded-lg bg-stone-200/70 p-2 text-center italic text-stone-700"
                >
                  {slot.label || 'Break'}
                </td>
              ) : (
                settings.spaces.map((_, j) => {
                  const s = sessionAt(os, i, j);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: spaces are fixed positions
                    <td key={j} className="align-top">
                      {s
                        ? renderSession(s)
                        : (renderEmpty?.(i, j) ?? (
                            <div className="min-h-12 rounded-lg border-2 border-dashed border-stone-300" />
                          ))}
                    </td>
                  );
                })
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
