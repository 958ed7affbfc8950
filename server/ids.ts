/** Identifiers and secrets. Tokens are stored only as hashes. */
import { customAlphabet, nanoid } from 'nanoid';
import { SERVER_ID_PREFIX } from '../lib/protocol';

export { hashToken } from '../lib/secret';

/** No 0/O, 1/I/L: a join code is read off a projector and typed on a small phone. */
export const newJoinCode = customAlphabet('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 6);
export const newEventId = () => nanoid(12);
export const newParticipantId = () => nanoid(10);
export const newToken = () => nanoid(32);
/** Random letters for ids the server makes for clients' sake (an import's action id). */
export const newRecordIdPart = () => nanoid(16);
/** The server's own records; clients may not use this prefix for their action ids. */
export const newRecordId = () => `${SERVER_ID_PREFIX}${nanoid(16)}`;
