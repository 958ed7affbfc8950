/**
 * Page weight benchmark: what each page costs a phone. Starts the real server (production build,
 * like the end-to-end tests; run `npm run build` first), creates an event over the API, opens
 * every route in Debian's Chromium and counts the JavaScript it loads (bytes on the wire, from the
 * DevTools protocol's Network events), with the gzip and brotli sizes of the same files for
 * comparison. Then it times the join screen on DevTools' "Slow 3G" with the CPU slowed 4x, like a
 * cheap phone on a weak signal: from the navigation to the form shown, to the Join button working
 * (a name typed, the button tapped, the phone saying it is joining: from the page's own small
 * script, lib/early-join.ts, if the page's JavaScript has not arrived yet), and to "You're in"
 * (joined over the live connection). Everything listens on 127.0.0.1 and stops by itself.
 *
 *   npm run bench:page                 every route, then the join screen 3 times
 *   npm run bench:page -- --runs=5     the join screen 5 times (the median is reported)
 *   npm run bench:page -- --no-tti     weights only
 *
 * Budgets: a participant page's first load ≤ 150 KB of compressed JavaScript; the join screen
 * working ≤ 5 s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { benchArgs } from './args';

const root = path.resolve(import.meta.dirname, '..');
/** 150 KB, counted in thousands of bytes. */
const JS_BUDGET = 150_000;
const TTI_BUDGET_MS = 5_000;
/** Chrome DevTools' "Slow 3G" preset (also Puppeteer's PredefinedNetworkConditions['Slow 3G']). */
const SLOW_3G = {
  offline: false,
  downloadThroughput: ((500 * 1000) / 8) * 0.8,
  uploadThroughput: ((500 * 1000) / 8) * 0.8,
  latency: 400 * 5,
};
const CPU_SLOWDOWN = 4;

const args = benchArgs('page.ts', ['no-tti', 'runs']);
const runs = Math.max(1, Number(args.get('runs') ?? 3) || 3);
const measureTti = !args.has('no-tti');

if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.error('There is no build of the pages: run `npm run build` first.');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The server: the real entry point, in production mode, on a free port of its own.

let server: ChildProcess | null = null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cafe-bench-page-'));
function cleanUp() {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });

async function startServer(): Promise<string> {
  const { REDIS_URL: _r, PORT: _p, DATA_DIR: _d, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  let tail = '';
  child.stderr?.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${tail}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at http:\/\/[^:\s]+:(\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${tail}`));
    });
  });
}

/** The bytes of a URL exactly as stored (no content coding asked for). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ body: Buffer; encoding: string | undefined }>((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'identity', ...headers } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () =>
          resolve({
            body: Buffer.concat(parts),
            encoding: res.headers['content-encoding'] as string | undefined,
          }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Weights: every script a route loads, as counted by the browser.

interface Script {
  url: string;
  /** Bytes on the wire (headers included), as DevTools counts them. */
  wire: number;
  /** What the server sent it with (content-encoding), if anything. */
  encoding: string;
  /** Named in the page's HTML (else loaded by the page's scripts later: lazy parts, catalogues). */
  inHtml: boolean;
}

async function scriptsOf(context: BrowserContext, url: string, ready: (page: Page) => Promise<void>) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = new Map<string, Script & { done: boolean }>();
  const fromHtml = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.initiator.type === 'parser') fromHtml.add(e.requestId);
  });
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Script') return;
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    seen.set(e.requestId, {
      url: e.response.url,
      encoding: String(headers['content-encoding'] ?? 'none'),
      wire: 0,
      done: false,
      inHtml: fromHtml.has(e.requestId),
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = seen.get(e.requestId);
    if (s) {
      s.wire = e.encodedDataLength;
      s.done = true;
    }
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url, { waitUntil: 'load' });
  await ready(page).catch((err: unknown) => {
    throw new Error(
      `${url}: the page did not get ready (${String(err).split('\n')[0]}); errors: ${errors.join(' | ')}`,
    );
  });
  // Chunks loaded after the page is drawn (lazy parts of the screen) count too.
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(500);
  await page.close();
  return [...seen.values()].filter((s) => s.done).map(({ done: _d, ...s }) => s);
}

const fileSizes = new Map<string, { raw: number; gzip: number; brotli: number }>();
async function sizesOf(url: string) {
  const known = fileSizes.get(url);
  if (known) return known;
  const { body } = await rawGet(url);
  const sizes = {
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 6 }).length,
    brotli: zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }).length,
  };
  fileSizes.set(url, sizes);
  return sizes;
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

// ---------------------------------------------------------------------------------------------

const started = Date.now();
const base = await startServer();
console.log(`Server (production build) at ${base}`);

const created = await fetch(`${base}/api/events`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    settings: {
      title: 'Page weight café',
      purpose: 'How heavy is each screen?',
      tables: 2,
      rounds: [{ question: 'What would help?', minutes: 15 }],
      identity: 'choice',
    },
  }),
});
if (created.status !== 201) throw new Error(`creating the event answered ${created.status}`);
const { eventId, joinCode, facilitatorToken } = (await created.json()) as Record<string, string>;

// Does the server compress at all? Ask for a page and a script the way a phone does.
const home = await rawGet(`${base}/`, { 'accept-encoding': 'gzip, deflate, br' });
console.log(`Pages compressed by the server: ${home.encoding ?? 'no'}`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const phoneSize = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

const routes: { name: string; url: string; phone: boolean; ready: (p: Page) => Promise<void> }[] = [
  {
    name: '/',
    url: '/',
    phone: false,
    ready: (p) => p.getByRole('heading').first().waitFor(),
  },
  { name: '/new', url: '/new', phone: false, ready: (p) => p.getByRole('heading').first().waitFor() },
  {
    name: '/j/<code> (join screen)',
    url: `/j/${joinCode}`,
    phone: true,
    ready: (p) => p.getByText('You are joining').waitFor(),
  },
  {
    name: '/f/<id> (console)',
    url: `/f/${eventId}#${facilitatorToken}`,
    phone: false,
    ready: (p) => p.getByRole('button', { name: 'Seat people for round 1' }).waitFor(),
  },
  {
    name: '/p/<id> (projector)',
    url: `/p/${eventId}#${facilitatorToken}`,
    phone: false,
    ready: (p) =>
      p
        .getByText(joinCode ?? '')
        .first()
        .waitFor(),
  },
  {
    name: '/told/<id> (published)',
    url: `/told/${eventId}`,
    phone: true,
    ready: (p) => p.getByRole('heading').first().waitFor(),
  },
];

interface RouteRow {
  name: string;
  phone: boolean;
  scripts: (Script & { raw: number; gzip: number; brotli: number })[];
}
const rows: RouteRow[] = [];
for (const r of routes) {
  const context = await browser.newContext(r.phone ? phoneSize : { viewport: { width: 1366, height: 900 } });
  const scripts = await scriptsOf(context, `${base}${r.url}`, r.ready);
  await context.close();
  const withSizes = [];
  for (const s of scripts) withSizes.push({ ...s, ...(await sizesOf(s.url)) });
  rows.push({ name: r.name, phone: r.phone, scripts: withSizes });
}

// The phone after joining: the café screen (lazy parts included) on top of the join screen.
{
  const context = await browser.newContext(phoneSize);
  const scripts = await scriptsOf(context, `${base}/j/${joinCode}`, async (p) => {
    await p.getByLabel(/Your name/).fill('Weigher');
    await p.getByRole('button', { name: 'Join' }).click();
    await p.getByRole('heading', { name: 'You’re in' }).waitFor();
  });
  await context.close();
  const withSizes = [];
  for (const s of scripts) withSizes.push({ ...s, ...(await sizesOf(s.url)) });
  rows.push({ name: '/j/<code> (joined, café)', phone: true, scripts: withSizes });
}

const sum = (list: RouteRow['scripts'], k: 'wire' | 'raw' | 'gzip' | 'brotli') =>
  list.reduce((a, s) => a + s[k], 0);
const encodings = new Set(rows.flatMap((r) => r.scripts.map((s) => s.encoding)));
console.log(`Scripts sent with content-encoding: ${[...encodings].join(', ')}\n`);
console.log(
  `${pad('route', 28)}${lpad('scripts', 8)}${lpad('on the wire', 13)}${lpad('raw', 11)}${lpad('gzip -6', 11)}${lpad('brotli 11', 11)}  budget (phone pages ≤ ${kb(JS_BUDGET)} on the wire)`,
);
for (const r of rows) {
  const wire = sum(r.scripts, 'wire');
  const verdict = r.phone ? (wire <= JS_BUDGET ? 'within' : `OVER by ${kb(wire - JS_BUDGET)}`) : '';
  console.log(
    `${pad(r.name, 28)}${lpad(String(r.scripts.length), 8)}${lpad(kb(wire), 13)}${lpad(kb(sum(r.scripts, 'raw')), 11)}${lpad(kb(sum(r.scripts, 'gzip')), 11)}${lpad(kb(sum(r.scripts, 'brotli')), 11)}  ${verdict}`,
  );
}

for (const r of rows.filter((row) => row.phone)) {
  const inHtml = r.scripts.filter((x) => x.inHtml);
  const later = r.scripts.filter((x) => !x.inHtml);
  console.log(
    `  ${r.name}: named in the page ${kb(sum(inHtml, 'wire'))} (${inHtml.length} scripts), ` +
      `loaded by the page afterwards ${kb(sum(later, 'wire'))} (${later.length}: language, the live café fetched ahead)`,
  );
}

// What is heavy on the phone: its chunks, largest first, and a few libraries each one holds.
const SIGNS: [string, RegExp][] = [
  ['react-dom', /react-dom|__reactFiber/],
  ['next router', /next-router-state-tree|__next_f/],
  ['socket.io', /engine\.io|socket\.io/],
  ['ICU messages', /IntlMessageFormat|icu-messageformat|MALFORMED_ARGUMENT/],
  ['zod', /ZodError/],
];
const phoneRow = rows.find((r) => r.name.startsWith('/j/<code> (joined'));
if (phoneRow) {
  console.log('\nThe phone’s chunks (after joining), largest first (for module detail: npx next analyze):');
  for (const s of [...phoneRow.scripts].sort((a, b) => b.wire - a.wire)) {
    const text = (await rawGet(s.url)).body.toString('utf8');
    const holds = SIGNS.filter(([, re]) => re.test(text)).map(([name]) => name);
    const name = new URL(s.url).pathname.replace('/_next/static/chunks/', '');
    console.log(
      `  ${pad(name, 34)}${lpad(kb(s.wire), 10)}  ${s.inHtml ? 'in the page' : 'loaded after'}${holds.length ? `  ${holds.join(', ')}` : ''}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Time to interactive of the join screen on Slow 3G with the CPU slowed 4x.

if (measureTti) {
  console.log(
    `\nJoin screen on DevTools "Slow 3G" (${SLOW_3G.latency} ms latency, ${kb(SLOW_3G.downloadThroughput)}/s down and up) with the CPU ${CPU_SLOWDOWN}x slower, cold cache, ${runs} runs:`,
  );
  const results: { form: number; tapped: number; joined: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(phoneSize);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const t0 = Date.now();
    await page.goto(`${base}/j/${joinCode}`, { waitUntil: 'commit', timeout: 120_000 });
    const name = page.getByLabel(/Your name/);
    await name.waitFor({ timeout: 120_000 });
    const form = Date.now() - t0;
    await name.fill(`Slow phone ${i + 1}`);
    await page.getByRole('button', { name: 'Join' }).click();
    // The button works: the phone says it is joining (or has already moved on).
    await Promise.race([
      page.getByText('Joining…').first().waitFor({ timeout: 120_000 }),
      page.getByText('You are joining').waitFor({ state: 'detached', timeout: 120_000 }),
    ]);
    const tapped = Date.now() - t0;
    await page.getByRole('heading', { name: 'You’re in' }).waitFor({ timeout: 120_000 });
    const joined = Date.now() - t0;
    results.push({ form, tapped, joined });
    console.log(
      `  run ${i + 1}: form shown ${(form / 1000).toFixed(1)} s, Join works ${(tapped / 1000).toFixed(1)} s, "You’re in" ${(joined / 1000).toFixed(1)} s`,
    );
    await context.close();
  }
  const median = (k: 'form' | 'tapped' | 'joined') => {
    const v = results.map((r) => r[k]).sort((a, b) => a - b);
    return v[Math.floor(v.length / 2)] ?? 0;
  };
  const tti = median('tapped');
  console.log(
    `  median: form shown ${(median('form') / 1000).toFixed(1)} s, Join works ${(tti / 1000).toFixed(1)} s ` +
      `(budget ${TTI_BUDGET_MS / 1000} s: ${tti <= TTI_BUDGET_MS ? 'within' : `OVER by ${((tti - TTI_BUDGET_MS) / 1000).toFixed(1)} s`}), ` +
      `"You’re in" (joined over the live connection) ${(median('joined') / 1000).toFixed(1)} s`,
  );
}

await browser.close();
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
cleanUp();
process.exit(0);
