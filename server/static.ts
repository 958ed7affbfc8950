/**
 * The pages' scripts and styles (`/_next/static/…`) compressed as tightly as they go, because
 * phones on a weak signal pay for every byte. These files are named by their content and never
 * change, so each is compressed once (brotli at its highest level for browsers that take it,
 * gzip at its highest for the rest), on first request, and kept in memory: 2,000 phones joining
 * at once cost the laptop one compression per file, not one per phone. Anything else (pages,
 * fonts, images, a browser that asks for neither encoding, a file that is not there) is left to
 * Next.js, which gzips pages itself.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const PREFIX = '/_next/static/';
const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.mjs': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
  '.json': 'application/json; charset=UTF-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=UTF-8',
};

type Encoding = 'br' | 'gzip';

/** The encoding to send: brotli if the browser takes it, else gzip, else none (q=0 means "not this"). */
export function pickEncoding(header: string | string[] | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/**
 * A request handler for the built static files under `distDir/static`: it answers and returns
 * true, or returns false to let Next.js answer.
 */
export function compressedStatic(distDir: string) {
  const root = path.resolve(distDir, 'static');
  const cache = new Map<string, Promise<Buffer>>();

  const compressed = (file: string, encoding: Encoding) => {
    const key = `${encoding}:${file}`;
    let done = cache.get(key);
    if (!done) {
      done = fs.promises.readFile(file).then((raw) =>
        encoding === 'br'
          ? brotli(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            })
          : gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
      );
      // A file that cannot be read now is not remembered as missing: a rebuild may bring it.
      done.catch(() => cache.delete(key));
      cache.set(key, done);
    }
    return done;
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url ?? '';
    if (!url.startsWith(PREFIX)) return false;
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!encoding) return false;
    let rel: string;
    try {
      rel = decodeURIComponent(url.slice(PREFIX.length).split('?')[0] ?? '');
    } catch {
      return false;
    }
    const type = TYPES[path.extname(rel)];
    const file = path.resolve(root, rel);
    if (!type || !file.startsWith(root + path.sep)) return false;
    let body: Buffer;
    try {
      if (!(await fs.promises.stat(file)).isFile()) return false;
      body = await compressed(file, encoding);
    } catch {
      return false;
    }
    res.writeHead(200, {
      'content-type': type,
      'content-encoding': encoding,
      'content-length': body.length,
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
