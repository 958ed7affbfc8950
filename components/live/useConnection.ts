'use client';
import { createContext, useContext, useEffect, useState } from 'react';
import { type Identity, LiveConnection } from './connection';

/** Open one live connection for this screen while it is mounted. */
export function useConnection(identity: Identity | null): LiveConnection | null {
  const [conn, setConn] = useState<LiveConnection | null>(null);
  const key = identity ? JSON.stringify(identity) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the identity's content (key) is what matters
  useEffect(() => {
    if (!identity) return;
    const c = new LiveConnection(identity);
    setConn(c);
    return () => c.close();
  }, [key]);
  return conn;
}

export const ConnectionContext = createContext<LiveConnection | null>(null);

export function useSend() {
  const conn = useContext(ConnectionContext);
  if (!conn) throw new Error('useSend outside a live screen');
  return conn.send.bind(conn);
}
