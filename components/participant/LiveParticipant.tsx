'use client';
/**
 * The live part of the phone: its connection (Socket.IO, the outbox) and the screens of every
 * stage. ParticipantApp loads it as a chunk of its own, fetched while the join screen is up, so the
 * join screen a phone on a weak signal waits for first carries none of it.
 */
import { PhoneTokenContext } from '../harvest/HarvestVote';
import type { Identity } from '../live/connection';
import { ConnectionContext, useConnection } from '../live/useConnection';
import { ParticipantView } from './ParticipantView';

export function LiveParticipant({ identity }: { identity: Identity }) {
  const conn = useConnection(identity);
  if (!conn) return null;
  return (
    <ConnectionContext.Provider value={conn}>
      <PhoneTokenContext.Provider value={identity.kind === 'participant' ? identity.token : null}>
        <ParticipantView />
      </PhoneTokenContext.Provider>
    </ConnectionContext.Provider>
  );
}
