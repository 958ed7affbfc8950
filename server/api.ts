/**
 * The small HTTP API beside the socket: create a café, download its notes, and tell the pages
 * the address phones should use to join. Everything else is served by Next.js.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { exportCafe, toCsv, toJson, toMarkdown } from '../lib/export';
import { exportProceedings, toProceedingsJson, toProceedingsMarkdown } from '../lib/openspace/proceedings';
import { EventIdSchema, JoinCodeSchema, TokenSchema } from '../lib/protocol';
import { EventSettingsSchema } from '../lib/settings';
import type { Events } from './events';
import { log } from './log';

const MAX_BODY = 64 * 1024;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

const problem = (res: ServerResponse, status: number, code: string, message: string, issues?: unknown) =>
  send(res, status, { ok: false, error: { code, message, ...(issues ? { issues } : {}) } });

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        // Answer first, then drop the rest: destroying the socket now would lose the answer.
        reject(new Error('too_large'));
        req.removeAllListeners('data');
        req.resume();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new Error('bad_json'));
      }
    });
    req.on('error', reject);
  });
}

const FORMATS = {
  md: { type: 'text/markdown; charset=utf-8', render: toMarkdown },
  csv: { type: 'text/csv; charset=utf-8', render: toCsv },
  json: { type: 'application/json; charset=utf-8', render: toJson },
} as const;

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'cafe';

export interface ApiOptions {
  events: Events;
  /** The address phones use to join, as printed at start-up. */
  joinBase: () => string;
}

/** Returns true when the request was an API request (answered), false to let Next.js serve it. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, { events, joinBase }: ApiOptions) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/api/')) return false;
  try {
    if (url.pathname === '/api/health') {
      send(res, 200, { ok: true });
    } else if (url.pathname === '/api/info' && req.method === 'GET') {
      send(res, 200, { ok: true, joinBase: joinBase() });
    } else if (url.pathname.startsWith('/api/join/') && req.method === 'GET') {
      await joinInfo(res, events, url);
    } else if (url.pathname === '/api/events' && req.method === 'POST') {
      await createEvent(req, res, events);
    } else if (url.pathname.startsWith('/api/events/') && req.method === 'GET') {
      await exportEvent(req, res, events, url);
    } else {
      problem(res, 404, 'not_found', 'There is no such API address.');
    }
  } catch (err) {
    log.error({ err: String(err), path: url.pathname }, 'api request failed');
    if (!res.headersSent) problem(res, 500, 'server_error', 'Something went wrong on the server.');
  }
  return true;
}

/** What a phone needs to show before joining: the café's title, purpose and name rule. Public. */
async function joinInfo(res: ServerResponse, events: Events, url: URL) {
  let raw: string;
  try {
    raw = decodeURIComponent(url.pathname.slice('/api/join/'.length));
  } catch {
    raw = '';
  }
  const code = JoinCodeSchema.safeParse(raw);
  if (!code.success) return problem(res, 400, 'invalid_message', 'A join code is 6 letters and numbers.');
  const eventId = await events.store.eventIdByJoinCode(code.data);
  const room = eventId ? await events.get(eventId) : null;
  if (!room)
    return problem(
      res,
      404,
      'unknown_event',
      `No café has the join code ${code.data}. Check the code on the screen.`,
    );
  const { title, purpose, identity } = room.state.settings;
  send(res, 200, { ok: true, code: code.data, title, purpose, identity });
}

async function createEvent(req: IncomingMessage, res: ServerResponse, events: Events) {
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (err) {
    const tooLarge = err instanceof Error && err.message === 'too_large';
    return problem(
      res,
      tooLarge ? 413 : 400,
      'invalid_message',
      tooLarge ? 'The request is too large.' : 'The request is not valid JSON.',
    );
  }
  const parsed = z.strictObject({ settings: EventSettingsSchema }).safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return problem(
      res,
      400,
      'invalid_message',
      `The café settings are not valid: ${first ? `${first.path}: ${first.message}` : ''}`,
      issues,
    );
  }
  const created = await events.create(parsed.data.settings);
  log.info({ eventId: created.eventId }, 'event created');
  send(res, 201, { ok: true, ...created });
}

async function exportEvent(req: IncomingMessage, res: ServerResponse, events: Events, url: URL) {
  const m = /^\/api\/events\/([^/]+)\/(export|proceedings)\.(md|csv|json)$/.exec(url.pathname);
  if (!m) return problem(res, 404, 'not_found', 'There is no such API address.');
  const [, rawId, kind, format] = m;
  const auth = req.headers.authorization ?? '';
  const token = TokenSchema.safeParse(auth.replace(/^Bearer\s+/i, ''));
  const eventId = EventIdSchema.safeParse(rawId);
  if (!eventId.success) return problem(res, 404, 'unknown_event', 'There is no such event.');
  if (!token.success || !(await events.isFacilitator(eventId.data, token.data)))
    return problem(res, 403, 'bad_token', 'Only the facilitator link can download the notes.');
  const room = await events.get(eventId.data);
  if (!room) return problem(res, 404, 'unknown_event', 'There is no such event.');
  const fmt = FORMATS[format as keyof typeof FORMATS];
  let body: string;
  if (kind === 'proceedings') {
    if (!room.state.openSpace) return problem(res, 404, 'not_found', 'This event has no Open Space.');
    if (format === 'csv') return problem(res, 404, 'not_found', 'The proceedings come as Markdown or JSON.');
    const p = exportProceedings(room.state, Date.now());
    body = format === 'md' ? toProceedingsMarkdown(p) : toProceedingsJson(p);
  } else {
    body = fmt.render(exportCafe(room.state, Date.now()));
  }
  const name = `${slug(room.state.settings.title)}-${kind === 'proceedings' ? 'proceedings' : 'notes'}.${format}`;
  send(res, 200, body, {
    'content-type': fmt.type,
    'content-disposition': `attachment; filename="${name}"`,
  });
}
