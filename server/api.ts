/**
 * The small HTTP API beside the socket: create a café, download its notes, and tell the pages
 * the address phones should use to join. Everything else is served by Next.js.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { exportCafe, toCsv, toJson, toMarkdown } from '../lib/export';
import { buildHarvestReport, harvestCsv, harvestJson, harvestMarkdown } from '../lib/harvest/report';
import { resultsDateProblem } from '../lib/harvest/results';
import type { Locale } from '../lib/i18n/locales';
import { LANG_REFUSAL, reportLocale, reportWords } from '../lib/i18n/report';
import { kitQuery } from '../lib/kit/plan';
import { lineOf, readImportCsv } from '../lib/notes/import-csv';
import { checkImport } from '../lib/notes/paper';
import {
  exportProceedings,
  publicProceedings,
  toProceedingsJson,
  toProceedingsMarkdown,
} from '../lib/openspace/proceedings';
import { EventIdSchema, JoinCodeSchema, TokenSchema } from '../lib/protocol';
import { seriesMarkdown } from '../lib/series/document';
import { buildSeriesReport } from '../lib/series/report';
import { repeatedEvent, SERIES_FORMATS, SeriesRequestSchema } from '../lib/series/request';
import { EventSettingsSchema } from '../lib/settings';
import { type EventState, isShown, noteById, personById } from '../lib/state';
import { templateOf } from '../lib/template';
import type { Events } from './events';
import { hashToken, newRecordIdPart } from './ids';
import { joinInfoOf } from './join-info';
import { liveThemesFor } from './live-harvest';
import { log } from './log';
import { Buckets, type Guesses } from './rate-limit';
import { requestUrl } from './request-target';

const MAX_BODY = 64 * 1024;

/**
 * The PDF and Word writers (pdfkit, fontkit, docx and the fonts) load with the first download that
 * needs them, not when the server starts: they were a third of a start's work, and a server that
 * restarts should take its phones back as soon as it can.
 */
const harvestDocs = () => import('./harvest-docs');
const proceedingsDocs = () => import('./proceedings-docs');
const printKit = () => import('./kit');
const seriesDocs = () => import('./series-docs');

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
  return readText(req, MAX_BODY).then((text) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error('bad_json');
    }
  });
}

/** A request's body as UTF-8 text, refused past `max` bytes (Error 'too_large'). */
function readText(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        // Answer first, then drop the rest: destroying the socket now would lose the answer.
        reject(new Error('too_large'));
        req.removeAllListeners('data');
        req.resume();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
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
  guesses: Guesses;
  /** Days an untouched event is kept (0: until deleted), for the join screen's privacy notice. */
  retentionDays: number;
}

const TOO_MANY_GUESSES = 'Too many wrong codes or links from this network; wait a minute and try again.';

/** The token of an `Authorization: Bearer <token>` header; nothing for any other form. */
const bearerToken = (req: IncomingMessage) =>
  TokenSchema.safeParse(/^Bearer +(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]);

/** Returns true when the request was an API request (answered), false to let Next.js serve it. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  { events, joinBase, guesses, retentionDays }: ApiOptions,
) {
  const url = requestUrl(req.url);
  if (!url.pathname.startsWith('/api/')) return false;
  // HEAD is GET without the body (Node leaves the body out).
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  // Addresses that look an event up by a secret: a join code, or an event id with a token. A
  // series report looks up several: it checks the budget holds every one, and counts each wrong one itself.
  const series = url.pathname.startsWith('/api/series/');
  const bySecret = url.pathname.startsWith('/api/join/') || url.pathname.startsWith('/api/events/') || series;
  const address = req.socket.remoteAddress ?? '';
  if (bySecret && !guesses.allowed(address)) {
    problem(res, 429, 'rate_limited', TOO_MANY_GUESSES);
    return true;
  }
  try {
    if (url.pathname === '/api/health') {
      send(res, 200, { ok: true });
    } else if (url.pathname === '/api/info' && method === 'GET') {
      send(res, 200, { ok: true, joinBase: joinBase() });
    } else if (url.pathname.startsWith('/api/join/') && method === 'GET') {
      await joinInfo(res, events, url, retentionDays);
    } else if (url.pathname === '/api/events' && method === 'POST') {
      await createEvent(req, res, events);
    } else if (series && method === 'POST') {
      await seriesReport(req, res, events, url, {
        allowed: (count) => guesses.allowed(address, count),
        failed: () => guesses.failed(address),
      });
    } else if (url.pathname.startsWith('/api/published/') && method === 'GET') {
      await published(res, events, url);
    } else if (/^\/api\/events\/[^/]+\/vote-themes$/.test(url.pathname) && method === 'GET') {
      await voteThemes(req, res, events, url);
    } else if (/^\/api\/events\/[^/]+\/template\.json$/.test(url.pathname) && method === 'GET') {
      await eventTemplate(req, res, events, url);
    } else if (/^\/api\/events\/[^/]+\/kit\//.test(url.pathname) && method === 'GET') {
      await kitDownload(req, res, events, url, joinBase);
    } else if (url.pathname.startsWith('/api/events/') && method === 'GET') {
      await exportEvent(req, res, events, url);
    } else if (/^\/api\/events\/[^/]+\/import$/.test(url.pathname) && method === 'POST') {
      await importNotes(req, res, events, url);
    } else if (url.pathname.startsWith('/api/events/') && method === 'DELETE') {
      await deleteEvent(req, res, events, url);
    } else {
      problem(res, 404, 'not_found', 'There is no such API address.');
    }
  } catch (err) {
    log.error({ err: String(err), path: url.pathname }, 'api request failed');
    if (!res.headersSent) problem(res, 500, 'server_error', 'Something went wrong on the server.');
  }
  // Nothing found, or a token that does not fit: a wrong guess.
  if (bySecret && !series && (res.statusCode === 403 || res.statusCode === 404)) guesses.failed(address);
  return true;
}

/**
 * What a phone needs to show before joining: the café's title, purpose and name rule, its privacy
 * notice's facts and the optional questions it asks. Public.
 */
async function joinInfo(res: ServerResponse, events: Events, url: URL, retentionDays: number) {
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
      `No event has the join code ${code.data}. Check the code on the screen.`,
    );
  send(res, 200, { ok: true, ...joinInfoOf(room.state, code.data, retentionDays) });
}

/** The request's JSON body, or null once a 413 (too large) or 400 (not JSON) has been sent. */
async function jsonBody(req: IncomingMessage, res: ServerResponse): Promise<{ body: unknown } | null> {
  try {
    return { body: await readJson(req) };
  } catch (err) {
    const tooLarge = err instanceof Error && err.message === 'too_large';
    problem(
      res,
      tooLarge ? 413 : 400,
      'invalid_message',
      tooLarge ? 'The request is too large.' : 'The request is not valid JSON.',
    );
    return null;
  }
}

async function createEvent(req: IncomingMessage, res: ServerResponse, events: Events) {
  const read = await jsonBody(req, res);
  if (!read) return;
  const { body } = read;
  const parsed = z.strictObject({ settings: EventSettingsSchema }).safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return problem(
      res,
      400,
      'invalid_message',
      `The event settings are not valid: ${first ? `${first.path}: ${first.message}` : ''}`,
      issues,
    );
  }
  // A date for the results is checked against today: the schema alone cannot know it.
  const late = resultsDateProblem(parsed.data.settings.results?.by ?? null, Date.now());
  if (late)
    return problem(
      res,
      400,
      'invalid_message',
      `The event settings are not valid: settings.results.by: ${late}`,
      [{ path: 'settings.results.by', message: late }],
    );
  const created = await events.create(parsed.data.settings);
  log.info({ eventId: created.eventId }, 'event created');
  send(res, 201, { ok: true, ...created });
}

const TYPES = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
type Format = keyof typeof TYPES;

/**
 * Who may use a facilitator-side address: the organiser alone (deleting the event), the
 * facilitators (the organiser and co-facilitators: downloads and the kit), or anyone of the team
 * (the live themes, which the projector shows too).
 */
type Needs = 'organiser' | 'facilitators' | 'team';

/** The event, if the request carries a token of someone it lets in; otherwise why not. */
const facilitatorRoom = (req: IncomingMessage, events: Events, rawId: string, needs: Needs) =>
  roomFor(events, rawId, bearerToken(req), needs);

/** The event, if `token` is of someone it lets in; otherwise why not. */
async function roomFor(
  events: Events,
  rawId: string,
  token: ReturnType<typeof TokenSchema.safeParse>,
  needs: Needs,
) {
  const eventId = EventIdSchema.safeParse(rawId);
  if (!eventId.success) return 'unknown_event' as const;
  if (!token.success) return 'bad_token' as const;
  const who = await events.identify(eventId.data, token.data);
  if (!who.room) return 'bad_token' as const;
  const { viewer, link } = who;
  if (needs === 'organiser' && link !== null) return 'bad_token' as const;
  if (needs === 'facilitators' && viewer.role !== 'facilitator') return 'bad_token' as const;
  return who.room;
}

/** Why a `lang` is refused: the languages the downloads and the published report are written in. */

/** The body of one download, in the language asked for, or why there is none. */
async function render(
  state: EventState,
  kind: string,
  format: Format,
  locale: Locale,
): Promise<Buffer | string | { missing: string }> {
  const now = Date.now();
  if (kind === 'proceedings') {
    if (!state.openSpace) return { missing: 'This event has no Open Space.' };
    if (format === 'csv') return { missing: 'The proceedings come as PDF, Word, Markdown or JSON.' };
    const p = exportProceedings(state, now, locale);
    if (format === 'pdf') return (await proceedingsDocs()).proceedingsPdf(p);
    if (format === 'docx') return (await proceedingsDocs()).proceedingsDocx(p);
    return format === 'md' ? toProceedingsMarkdown(p) : toProceedingsJson(p);
  }
  if (kind === 'harvest') {
    if (!state.harvest) return { missing: 'The harvest has not been started yet.' };
    const r = buildHarvestReport(state, now, 'organiser', locale);
    if (format === 'pdf') return (await harvestDocs()).harvestPdf(r);
    if (format === 'docx') return (await harvestDocs()).harvestDocx(r);
    return format === 'md' ? harvestMarkdown(r) : format === 'csv' ? harvestCsv(r) : harvestJson(r);
  }
  if (format === 'pdf' || format === 'docx') return { missing: 'The notes come as Markdown, CSV or JSON.' };
  return FORMATS[format].render(exportCafe(state, now));
}

async function exportEvent(req: IncomingMessage, res: ServerResponse, events: Events, url: URL) {
  const live = /^\/api\/events\/([^/]+)\/live-themes$/.exec(url.pathname);
  if (live) {
    const room = await facilitatorRoom(req, events, live[1] ?? '', 'team');
    if (typeof room === 'string')
      return problem(
        res,
        room === 'bad_token' ? 403 : 404,
        room,
        room === 'bad_token'
          ? 'Only the facilitator team can see the live themes.'
          : 'There is no such event.',
      );
    const granularity = z.coerce
      .number()
      .int()
      .min(-2)
      .max(2)
      .safeParse(url.searchParams.get('granularity') ?? 0);
    if (!granularity.success)
      return problem(res, 400, 'invalid_message', 'granularity is a whole number from -2 to 2.');
    await room.refresh();
    const across = url.searchParams.get('across') === '1';
    return send(res, 200, {
      ok: true,
      groups: liveThemesFor(room, { granularity: granularity.data, across }),
    });
  }
  const m = /^\/api\/events\/([^/]+)\/(export|proceedings|harvest)\.(md|csv|json|pdf|docx)$/.exec(
    url.pathname,
  );
  if (!m) return problem(res, 404, 'not_found', 'There is no such API address.');
  const [, rawId = '', kind = '', format = 'json'] = m;
  const room = await facilitatorRoom(req, events, rawId, 'facilitators');
  if (room === 'bad_token')
    return problem(res, 403, 'bad_token', "Only the facilitators' links can download the notes.");
  if (room === 'unknown_event') return problem(res, 404, 'unknown_event', 'There is no such event.');
  const locale = reportLocale(url.searchParams.get('lang'));
  if (locale === null) return problem(res, 400, 'invalid_message', LANG_REFUSAL);
  // With several processes this copy may lag the shared store.
  await room.refresh();
  const body = await render(room.state, kind, format as Format, locale);
  if (typeof body === 'object' && 'missing' in body) return problem(res, 404, 'not_found', body.missing);
  const name = `${slug(room.state.settings.title)}-${kind === 'export' ? 'notes' : kind}.${format}`;
  res.writeHead(200, {
    'content-type': TYPES[format as Format],
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** One printout of the room's kit (server/kit.ts), made from the event as it is now. */
async function kitDownload(
  req: IncomingMessage,
  res: ServerResponse,
  events: Events,
  url: URL,
  joinBase: () => string,
) {
  const m = /^\/api\/events\/([^/]+)\/kit\/([a-z-]+)\.pdf$/.exec(url.pathname);
  if (!m) return problem(res, 404, 'not_found', 'There is no such API address.');
  const [, rawId = '', name = ''] = m;
  const room = await facilitatorRoom(req, events, rawId, 'facilitators');
  if (room === 'bad_token')
    return problem(res, 403, 'bad_token', "Only the facilitators' links can download the room's kit.");
  if (room === 'unknown_event') return problem(res, 404, 'unknown_event', 'There is no such event.');
  await room.refresh();
  const query = kitQuery(url.searchParams);
  if ('invalid' in query) return problem(res, 400, 'invalid_message', query.invalid);
  // The same addresses the projector's QR codes open.
  const joinUrl = `${joinBase()}/j/${room.state.joinCode}`;
  const toldUrl = `${joinBase()}/told/${room.state.id}`;
  const { kitPdf } = await printKit();
  const made = kitPdf(room.state, name, { ...query, joinUrl, toldUrl });
  if ('missing' in made) return problem(res, 404, 'not_found', made.missing);
  const body = await made;
  res.writeHead(200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${slug(room.state.settings.title)}-${name}.pdf"`,
    'cache-control': 'no-store',
  });
  res.end(body);
}

/**
 * The event's settings as a template for the next one (lib/template.ts): what `POST /api/events`
 * takes, and nothing about people, notes, tokens or codes. The organiser's link alone, as it was
 * the organiser who set the event up.
 */
async function eventTemplate(req: IncomingMessage, res: ServerResponse, events: Events, url: URL) {
  const rawId = /^\/api\/events\/([^/]+)\/template\.json$/.exec(url.pathname)?.[1] ?? '';
  const room = await facilitatorRoom(req, events, rawId, 'organiser');
  if (room === 'bad_token')
    return problem(
      res,
      403,
      'bad_token',
      "Only the organiser's link (the one the event was made with) can copy the event.",
    );
  if (room === 'unknown_event') return problem(res, 404, 'unknown_event', 'There is no such event.');
  await room.refresh();
  send(res, 200, { ok: true, settings: templateOf(room.state) });
}

/**
 * One report across several events (lib/series/report.ts): `POST /api/series/report.<md|pdf|docx>`
 * with `{title, events: [{eventId, token}]}`, 2 to 20 events. Each event's token is checked as a
 * download's is (the organiser's or a co-facilitator's link); if any does not open its event,
 * nothing is made and the answer names every one that did not (each counted as a wrong guess).
 * Nothing is looked up unless the address has a wrong guess left for every event asked for, so
 * one request cannot spend more than the budget it has.
 */
async function seriesReport(
  req: IncomingMessage,
  res: ServerResponse,
  events: Events,
  url: URL,
  guess: { allowed: (count: number) => boolean; failed: () => void },
) {
  const m = /^\/api\/series\/report\.([a-z]+)$/.exec(url.pathname);
  const format = SERIES_FORMATS.find((f) => f === m?.[1]);
  if (!format)
    return problem(res, 404, 'not_found', 'A series report is at /api/series/report.md, .pdf or .docx.');
  const locale = reportLocale(url.searchParams.get('lang'));
  if (!locale) return problem(res, 400, 'invalid_message', LANG_REFUSAL);
  const read = await jsonBody(req, res);
  if (!read) return;
  const { body } = read;
  const parsed = SeriesRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    return problem(
      res,
      400,
      'invalid_message',
      `The series report cannot be made: ${first ? `${first.path}: ${first.message}` : ''}`,
      issues,
    );
  }
  const asked = parsed.data.events;
  const twice = repeatedEvent(asked);
  if (twice)
    return problem(
      res,
      400,
      'invalid_message',
      `Event ${twice.event} is the same event as event ${twice.first}: give each event once.`,
      [{ path: `events.${twice.event - 1}.eventId`, message: 'the same event as an earlier one' }],
    );
  if (!guess.allowed(asked.length)) return problem(res, 429, 'rate_limited', TOO_MANY_GUESSES);
  const found = await Promise.all(
    asked.map((e) => roomFor(events, e.eventId, TokenSchema.safeParse(e.token), 'facilitators')),
  );
  const refused = found.flatMap((room, i) =>
    typeof room === 'string' ? [{ event: i + 1, eventId: asked[i]?.eventId ?? '', code: room }] : [],
  );
  if (refused.length > 0) {
    for (const _ of refused) guess.failed();
    const forbidden = refused.some((r) => r.code === 'bad_token');
    const named = refused.map((r) =>
      r.code === 'bad_token'
        ? `Event ${r.event} (${r.eventId}): the link does not open it; use its organiser's or a co-facilitator's link.`
        : `Event ${r.event}: "${r.eventId}" is not an event id.`,
    );
    return problem(
      res,
      forbidden ? 403 : 404,
      forbidden ? 'bad_token' : 'unknown_event',
      `Nothing was made. ${named.join(' ')}`,
      refused,
    );
  }
  const rooms = found.filter((room): room is Exclude<typeof room, string> => typeof room !== 'string');
  // With several processes each copy may lag the shared store.
  await Promise.all(rooms.map((room) => room.refresh()));
  const report = buildSeriesReport(
    parsed.data.title,
    rooms.map((room) => room.state),
    Date.now(),
  );
  const words = reportWords(locale);
  const file =
    format === 'md'
      ? seriesMarkdown(report, words)
      : format === 'pdf'
        ? await (await seriesDocs()).seriesPdf(report, words)
        : await (await seriesDocs()).seriesDocx(report, words);
  res.writeHead(200, {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="${slug(parsed.data.title)}-series.${format}"`,
    'cache-control': 'no-store',
  });
  res.end(file);
}

/** The organiser deletes the event and everything stored for it. Facilitator link only. */
async function deleteEvent(req: IncomingMessage, res: ServerResponse, events: Events, url: URL) {
  const m = /^\/api\/events\/([^/]+)$/.exec(url.pathname);
  if (!m) return problem(res, 404, 'not_found', 'There is no such API address.');
  const room = await facilitatorRoom(req, events, m[1] ?? '', 'organiser');
  if (room === 'bad_token')
    return problem(
      res,
      403,
      'bad_token',
      "Only the organiser's link (the one the event was made with) can delete the event.",
    );
  if (room === 'unknown_event') return problem(res, 404, 'unknown_event', 'There is no such event.');
  await events.delete(room.id);
  log.info({ eventId: room.id }, 'event deleted by its organiser');
  send(res, 200, { ok: true, deleted: room.id });
}

/** Largest import accepted: 2,000 notes of 500 characters fit comfortably. */
const MAX_IMPORT_BODY = 2 * 1024 * 1024;

/**
 * Notes brought in after the event: a CSV file (`text/csv`, lib/notes/import-csv.ts) or the
 * `notes.import` action's payload as JSON. Every row is checked first; any bad row refuses the
 * whole import and every bad row is named. Facilitators' links only.
 */
async function importNotes(req: IncomingMessage, res: ServerResponse, events: Events, url: URL) {
  const rawId = /^\/api\/events\/([^/]+)\/import$/.exec(url.pathname)?.[1] ?? '';
  const room = await facilitatorRoom(req, events, rawId, 'facilitators');
  if (room === 'bad_token')
    return problem(res, 403, 'bad_token', "Only the facilitators' links can import notes.");
  if (room === 'unknown_event') return problem(res, 404, 'unknown_event', 'There is no such event.');
  let body: string;
  try {
    body = await readText(req, MAX_IMPORT_BODY);
  } catch {
    return problem(res, 413, 'invalid_message', 'The file is too large: import at most 2 MB at a time.');
  }
  await room.refresh();
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  let notes: unknown;
  if (type === 'text/csv') {
    const read = readImportCsv(body, room.state.openSpace);
    if (!read.ok) return importProblem(res, read.issues);
    const checked = checkImport(room.state, read.rows, lineOf);
    if (!checked.ok) return importProblem(res, checked.issues);
    notes = read.rows;
  } else if (type === 'application/json') {
    try {
      notes = (JSON.parse(body) as { notes?: unknown } | null)?.notes;
    } catch {
      return problem(res, 400, 'invalid_message', 'The request is not valid JSON.');
    }
  } else {
    return problem(res, 415, 'invalid_message', 'Send the notes as text/csv, or as JSON {"notes": [...]}.');
  }
  const who = await events.identify(room.id, bearerToken(req).data ?? '');
  if (!who.room) return problem(res, 403, 'bad_token', "Only the facilitators' links can import notes.");
  const reply = await room.act(who.viewer, {
    id: `import_${newRecordIdPart()}`,
    type: 'notes.import',
    payload: { notes },
  });
  if (!reply.ok) return send(res, reply.error.code === 'invalid_message' ? 400 : 409, reply);
  send(res, 200, { ok: true, imported: Array.isArray(notes) ? notes.length : 0, seq: reply.seq });
}

function importProblem(res: ServerResponse, issues: { path: string; message: string }[]) {
  const shown = issues.slice(0, 3).map((i) => i.message);
  const more = issues.length > 3 ? ` And ${issues.length - 3} more.` : '';
  return problem(res, 400, 'invalid_message', `Nothing was imported. ${shown.join(' ')}${more}`, issues);
}

/**
 * The published "what you told us": public, read-only, no names, hidden notes left out; its words
 * in the reader's language (`?lang=`, English by default); with an Open Space, the share of its
 * proceedings that names nobody (`null` without one).
 */
async function published(res: ServerResponse, events: Events, url: URL) {
  const locale = reportLocale(url.searchParams.get('lang'));
  if (locale === null) return problem(res, 400, 'invalid_message', LANG_REFUSAL);
  const eventId = EventIdSchema.safeParse(url.pathname.slice('/api/published/'.length));
  const room = eventId.success ? await events.get(eventId.data) : null;
  await room?.refresh();
  if (!room?.state.harvest?.published)
    return problem(res, 404, 'not_found', 'There is nothing published at this address (yet).');
  const { notes: _notes, ...report } = buildHarvestReport(room.state, Date.now(), 'public', locale);
  send(res, 200, { ok: true, report, proceedings: publicProceedings(room.state) });
}

/** Most notes of one theme a phone is sent to read before voting (the rest are counted). */
export const VOTE_THEME_NOTES = 100;
/** Reading the themes' notes: 10 requests per 10 s for each phone's token (a phone asks once per change). */
export const VOTE_THEMES_LIMIT = { points: 10, seconds: 10 };
const voteThemeBuckets = new Buckets(VOTE_THEMES_LIMIT.points, VOTE_THEMES_LIMIT.seconds * 1000);

/**
 * The texts a phone reads before voting: each harvest theme's notes that are neither withdrawn,
 * removed nor hidden, without names. A phone receives over the socket only the notes of its own tables
 * (lib/visibility.ts), so it asks here, with its own token, only once the harvest has started.
 */
async function voteThemes(req: IncomingMessage, res: ServerResponse, events: Events, url: URL) {
  const rawId = /^\/api\/events\/([^/]+)\/vote-themes$/.exec(url.pathname)?.[1] ?? '';
  const eventId = EventIdSchema.safeParse(rawId);
  if (!eventId.success) return problem(res, 404, 'unknown_event', 'There is no such event.');
  const token = bearerToken(req);
  if (!token.success)
    return problem(res, 403, 'bad_token', 'Only a phone that joined this event can read its themes.');
  const tokenHash = hashToken(token.data);
  // Keyed by the token's hash (the limiter's memory holds no secret), before any lookup.
  if (!voteThemeBuckets.take(`${eventId.data}:${tokenHash}`))
    return problem(res, 429, 'rate_limited', 'Too many requests; wait a few seconds and try again.');
  const participantId = await events.store.participantByTokenHash(eventId.data, tokenHash);
  const room = participantId ? await events.get(eventId.data) : null;
  if (!participantId || !room)
    return problem(res, 403, 'bad_token', 'Only a phone that joined this event can read its themes.');
  await room.refresh();
  const state = room.state;
  if (personById(state, participantId)?.left !== false)
    return problem(res, 403, 'not_allowed', 'You have left this event.');
  const h = state.harvest;
  if (!h) return problem(res, 404, 'not_found', 'The harvest has not been started yet.');
  const hidden = new Set(h.hidden);
  const themes = h.themeOrder.flatMap((id) => {
    const theme = h.themes[id];
    if (!theme) return [];
    const notes = theme.noteIds.flatMap((n) => {
      const note = noteById(state, n);
      return note && isShown(note) && !hidden.has(n) ? [note.text] : [];
    });
    return notes.length ? [{ id, count: notes.length, notes: notes.slice(0, VOTE_THEME_NOTES) }] : [];
  });
  send(res, 200, { ok: true, themes });
}
