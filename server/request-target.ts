/**
 * The door every HTTP request passes first: a request this server cannot mean anything by (a
 * method it does not offer, `OPTIONS *`, an address that is not a path, too long, or badly
 * %-encoded) is answered here with a plain 4xx, before the API, the static files or Next.js see
 * it. Node's own parser already answers what is not HTTP at all (an unknown method such as `FOO`)
 * with 400; this is for what is legal HTTP but odd, which must never reach a handler that would
 * throw on it.
 */

/** Methods Next.js is handed for pages (POST: its own development tools post to it). */
export const PAGE_METHODS = ['GET', 'HEAD', 'POST'] as const;
/** Methods the API answers (server/api.ts): reads, creating an event, deleting one. */
export const API_METHODS = ['GET', 'HEAD', 'POST', 'DELETE'] as const;
/** Longest request target answered. Our own addresses are under 200 characters. */
export const MAX_TARGET = 2048;

export interface OddRequest {
  status: 400 | 405 | 414;
  message: string;
  /** The `Allow` header of a 405. */
  allow?: string;
}

const isApiPath = (path: string) => path.startsWith('/api/');

/** Why this request is not answered further, or null when it may go on to the handlers. */
export function oddRequest(method: string | undefined, target: string | undefined): OddRequest | null {
  const url = target ?? '';
  // "*" names the server itself (OPTIONS only); absolute and authority forms are for proxies.
  if (url === '*' && method === 'OPTIONS')
    return {
      status: 405,
      message: 'This server does not answer OPTIONS.',
      allow: API_METHODS.join(', '),
    };
  if (!url.startsWith('/')) return { status: 400, message: 'The request must name a path starting with /.' };
  if (url.length > MAX_TARGET) return { status: 414, message: 'The address is too long.' };
  const path = url.split('?')[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { status: 400, message: 'The address is not valid: a %-code in it is incomplete or not UTF-8.' };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: an address with control characters is refused
  if (/[\u0000-\u001f\u007f]/.test(decoded))
    return { status: 400, message: 'The address must not contain control characters.' };
  const allowed: readonly string[] = isApiPath(path) ? API_METHODS : PAGE_METHODS;
  if (!allowed.includes(method ?? ''))
    return {
      status: 405,
      message: `This address answers ${allowed.join(', ')} only.`,
      allow: allowed.join(', '),
    };
  return null;
}

/**
 * The path and query of a request that passed `oddRequest`, parsed without ever throwing: the
 * target is put after a fixed origin, so "//host" is a path here, not another host.
 */
export function requestUrl(target: string | undefined): URL {
  const path = target?.startsWith('/') ? target : '/';
  try {
    return new URL(`http://localhost${path}`);
  } catch {
    return new URL('http://localhost/');
  }
}
