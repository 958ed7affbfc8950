/** Identifiers and secrets. Tokens are stored only as hashes. */
import { createHash } from 'node:crypto';
import { customAlphabet, nanoid } from 'nanoid';
import { SERVER_ID_PREFIX } from '../lib/protocol';

/** No 0/O, 1/I/L: a join code is read off a projector and typed on a small phone. */
export const newJoinCode = customAlphabet('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 6);
export const newEventId = () => nanoid(12);
export const newParticipantId = () => nanoid(10);
export const newToken = () => nanoid(32);
/** The server's own records; clients may not use this prefix for their action ids. */
export const newRecordId = () => `${SERVER_ID_PREFIX}${nanoid(16)}`;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
