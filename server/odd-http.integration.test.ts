/**
 * Odd but legal HTTP against the real server process: `OPTIONS *`, methods nobody uses, addresses
 * that are not paths, badly %-encoded, or 10,000 characters long. Each gets a plain 4xx, the
 * server prints no stack trace and keeps serving. Sent over raw sockets, because Node's own HTTP
 * client refuses to send most of these. The server runs without Next.js here; the answers come
 * from server/request-target.ts, which stands in front of Next.js too (several of these made
 * Next.js answer 500 before).
 */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { useServer } from './testing/fixture';

const server = useServer();

interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One request, written byte for byte on its own connection; the reply read until the server closes it. */
function raw(request: string): Promise<RawReply> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      data += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0),
        headers,
        body: rest.join(''),
      });
    });
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`no reply to ${JSON.stringify(request.slice(0, 60))}`));
    }, 10_000);
  });
}

const request = (line: string) => `${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`;

/** Lines of the server's output that look like a stack trace or an uncaught error. */
const traces = () =>
  server
    .output()
    .split('\n')
    .filter((l) => /^\s+at |Error:|Uncaught|Node\.js v\d/.test(l));

describe('odd but legal HTTP', () => {
  it.each([
    { what: 'OPTIONS *', line: 'OPTIONS * HTTP/1.1', status: 405 },
    { what: 'OPTIONS on a page', line: 'OPTIONS / HTTP/1.1', status: 405 },
    { what: 'OPTIONS on the API', line: 'OPTIONS /api/health HTTP/1.1', status: 405 },
    { what: 'TRACE', line: 'TRACE / HTTP/1.1', status: 405 },
    { what: 'PUT on the API', line: 'PUT /api/events HTTP/1.1', status: 405 },
    { what: 'DELETE on a page', line: 'DELETE / HTTP/1.1', status: 405 },
    { what: 'a method HTTP does not know', line: 'FOO / HTTP/1.1', status: 400 },
    { what: 'a path that starts with // and an encoded slash', line: 'GET //..%2f HTTP/1.1', status: 404 },
    { what: 'an API path that starts with //', line: 'GET //api/health HTTP/1.1', status: 404 },
    { what: 'a lone %', line: 'GET /% HTTP/1.1', status: 400 },
    { what: 'a page address cut inside a %-code', line: 'GET /j/%E0%A4%A HTTP/1.1', status: 400 },
    { what: 'a page address that is not UTF-8', line: 'GET /j/%C0%80 HTTP/1.1', status: 400 },
    { what: 'PATCH on a page', line: 'PATCH / HTTP/1.1', status: 405 },
    { what: 'a % that starts no code, in the API', line: 'GET /api/join/%ZZ HTTP/1.1', status: 400 },
    { what: 'an encoded control character', line: 'GET /api/join/%00 HTTP/1.1', status: 400 },
    { what: 'a target that is not a path', line: 'GET * HTTP/1.1', status: 400 },
    {
      what: 'an absolute address (proxy form)',
      line: 'GET http://localhost/api/health HTTP/1.1',
      status: 400,
    },
    { what: 'a path of 10,000 characters', line: `GET /${'a'.repeat(10_000)} HTTP/1.1`, status: 414 },
    {
      what: 'an API path of 10,000 characters',
      line: `GET /api/${'%41'.repeat(3_333)} HTTP/1.1`,
      status: 414,
    },
  ])('$what gets a plain $status', async ({ line, status }) => {
    const reply = await raw(request(line));
    expect(reply.status).toBe(status);
    if (status === 405) expect(reply.headers.allow).toMatch(/^GET, HEAD, POST(, DELETE)?$/);
    expect(reply.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('answers the API in its own JSON shape, saying what was wrong', async () => {
    const reply = await fetch(`${server.url}/api/join/%E0`);
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await reply.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid_message',
        message: 'The address is not valid: a %-code in it is incomplete or not UTF-8.',
      },
    });
  });

  it('answers HEAD on the API like GET, without a body', async () => {
    const reply = await raw(request('HEAD /api/health HTTP/1.1'));
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('');
  });

  it('prints no stack trace for any of them and keeps serving', async () => {
    for (const line of [
      'OPTIONS * HTTP/1.1',
      'GET //..%2f HTTP/1.1',
      'GET /% HTTP/1.1',
      'GET //x/api/ HTTP/1.1',
    ])
      await raw(request(line));
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(traces()).toEqual([]);
  });
});
