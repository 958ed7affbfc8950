'use client';
import { useTranslations } from 'next-intl';
import type { EventState } from '../../lib/state';
import { useIsolate } from '../i18n/bidi';
import { JoinQr, usePublishedUrl } from '../projector/JoinQr';

/**
 * The published "What you told us" on the projector: its QR code and its address, at the address
 * phones use (the join base), so the room can open it before it leaves.
 */
export function ToldProjector({ event }: { event: EventState }) {
  const t = useTranslations('projector');
  const isolate = useIsolate();
  const url = usePublishedUrl(event.id);
  const published = !!event.harvest?.published;
  return (
    <main
      data-fixed-colours
      className="flex h-screen flex-col overflow-hidden bg-stone-950 p-[3vh] text-white"
      data-testid="told-projector"
    >
      <h1 className="text-[3.5vh] font-bold">{t('toldHeading', { title: isolate(event.settings.title) })}</h1>
      {published ? (
        <div className="mt-[3vh] flex min-h-0 flex-1 items-center justify-center gap-[6vh]">
          {url && (
            <JoinQr
              url={url}
              label={t('toldQr', { url })}
              className="aspect-square h-full max-h-[70vh] rounded-3xl p-[2vh]"
            />
          )}
          <div className="max-w-[45%]">
            <p className="text-[5vh] leading-tight font-bold">{t('toldScan')}</p>
            <p className="mt-[3vh] text-[2.8vh] text-brand-100">{t('toldOrGo')}</p>
            <p className="text-[3.4vh] font-semibold break-all" dir="ltr" data-testid="told-address">
              {url?.replace(/^https?:\/\//, '') ?? ''}
            </p>
          </div>
        </div>
      ) : (
        <p className="mt-[6vh] text-[4vh]">{t('toldNotPublished')}</p>
      )}
    </main>
  );
}
