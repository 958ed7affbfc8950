'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useFacilitatorToken } from '../facilitator/useFacilitatorToken';
import { HarvestProjector } from '../harvest/HarvestProjector';
import { ToldProjector } from '../harvest/ToldProjector';
import { useRefusalText } from '../i18n/errors';
import { useLive } from '../live/store';
import { useConnection } from '../live/useConnection';
import { OpenSpaceProjector } from '../openspace/OpenSpaceProjector';
import { CafeProjector } from './CafeProjector';
import { useJoinUrl } from './JoinQr';
import { useProjectorChoice } from './useProjectorChoice';

/** The second window, on the projector: the harvest, the Open Space or the café, whichever is on now. */
export function ProjectorView({ eventId }: { eventId: string }) {
  const t = useTranslations('projector');
  const tc = useTranslations('connection');
  const say = useRefusalText();
  const { token, ready } = useFacilitatorToken(eventId);
  const identity = useMemo(
    () => (token ? ({ kind: 'facilitator', eventId, token } as const) : null),
    [eventId, token],
  );
  useConnection(identity);
  const event = useLive((s) => s.event);
  const fatal = useLive((s) => s.fatal);
  const joinUrl = useJoinUrl(event?.joinCode ?? '');
  const view = useProjectorChoice(event);

  if ((ready && !token) || fatal) {
    return <main className="p-10 text-2xl">{fatal ? say(fatal) : t('openFromConsole')}</main>;
  }
  if (!event) return <main className="p-10 text-2xl">{tc('connecting')}</main>;

  if (view === 'harvest' && token) return <HarvestProjector event={event} eventId={eventId} token={token} />;
  if (view === 'told') return <ToldProjector event={event} />;
  if (event.part === 'openSpace') return <OpenSpaceProjector event={event} joinUrl={joinUrl} />;
  return <CafeProjector event={event} joinUrl={joinUrl} />;
}
