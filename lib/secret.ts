/** Secrets are kept only as hashes: a facilitator's, a team link's and a phone's token alike. */
import { createHash } from 'node:crypto';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
