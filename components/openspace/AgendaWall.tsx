'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Session } from '../../lib/openspace/state';
import { sessionAt } from '../../lib/openspace/view';
import { slotsInTimeOrder } from '../../lib/openspace/wall';
import type { EventState } from '../../lib/state';

/**
 * The agenda wall: time slots down (in time order, wherever a slot added on the day sits in the
 * list), spaces across with their seats and access notes. Each screen decides what a session (or
 * an empty place) shows, so the projector and the console share one layout.
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
  const t = useTranslations('spaceConsole.wall');
  const tPhone = useTranslations('openSpace');
  const os = state.openSpace;
  const settings = state.settings.openSpace;
  if (!os || !settings) return null;
  const text = large ? 'text-[1.7vh]' : 'text-sm';
  return (
    <div className="overflow-x-auto">
      <table className={`w-full border-separate border-spacing-1 ${text}`}>
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-28 text-start">
              {t('time')}
            </th>
            {settings.spaces.map((sp, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: spaces are fixed positions
              <th key={j} scope="col" className="min-w-36 text-start align-bottom">
                <bdi className="font-bold">{sp.name}</bdi>
                <span className="block font-normal opacity-80">
                  {sp.capacity ? tPhone('seats', { count: sp.capacity }) : t('anyNumber')}
                  {sp.notes && (
                    <>
                      {' · '}
                      <bdi>{sp.notes}</bdi>
                    </>
                  )}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {slotsInTimeOrder(settings.slots).map((i) => {
            const slot = settings.slots[i];
            if (!slot) return null;
            return (
              <tr key={i} className={highlightSlots.includes(i) ? 'outline-4 outline-amber-400' : ''}>
                <th scope="row" className="text-start align-top font-semibold whitespace-nowrap">
                  {/* Times read left to right in every language, or "10:00–11:00" shows as "11:00–10:00". */}
                  <span dir="ltr">
                    {slot.start}–{slot.end}
                  </span>
                  {slot.label && (
                    <span className="block font-normal opacity-80">
                      <bdi>{slot.label}</bdi>
                    </span>
                  )}
                </th>
                {slot.isBreak ? (
                  <td
                    colSpan={settings.spaces.length}
                    className="rounded-lg bg-stone-200/70 p-2 text-center italic text-stone-700"
                  >
                    {slot.label ? <bdi>{slot.label}</bdi> : t('break')}
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
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
