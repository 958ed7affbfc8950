/**
 * Security headers for every response. Pages get a Content Security Policy with a fresh nonce
 * per request: Next.js reads the nonce from the request's own CSP header and puts it on the
 * scripts it writes, so only those run ('strict-dynamic' lets them load the app's chunks).
 * Anything a person typed that slipped through as markup would still not run.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The policy for a page. `dev` allows what Next's development mode needs (eval for fast refresh). */
export function pagePolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (progress bars, timers) are harmless; scripts are what matter.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The live connection is a WebSocket to this same server.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join('; ');
}

/** The policy for API answers and downloads: nothing in them should ever run or be framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

const isApi = (url: string | undefined) => (url ?? '').startsWith('/api/');

/** Set the headers every response carries; for a page, hand Next.js the nonce to use. */
export function secureResponse(req: IncomingMessage, res: ServerResponse, dev = false) {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (isApi(req.url)) {
    res.setHeader('content-security-policy', API_POLICY);
    return;
  }
  const policy = pagePolicy(randomBytes(16).toString('base64'), dev);
  res.setHeader('content-security-policy', policy);
  // Next.js takes the nonce for its own scripts from the request's policy header.
  req.headers['content-security-policy'] = policy;
}
