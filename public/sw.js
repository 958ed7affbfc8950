/**
 * The phone page's service worker (registered by components/participant/PhoneWorker.tsx with the
 * scope /j/, so the organiser's console and projector never go through it). After one visit
 * with a signal, the phone page opens again with none: the page itself (the newest copy, kept
 * each time it loads) and the scripts, styles and icons it used come from here, and the page
 * then shows the table and the notes it saved in localStorage, where its outbox also waits.
 *
 * Scripts and styles under /_next/static/ are named by their content and never change, so a kept
 * copy is always right: they are served from here first. The page is asked of the network first
 * (it may have changed) and kept; with no answer (or none within a few seconds, on a weak
 * signal) the kept copy is shown. The API and the live connection are never touched.
 *
 * Written by hand rather than generated: it is the whole of what the phone needs, it downloads
 * nothing in advance (a generated precache would send every screen's scripts, the organiser's
 * too, to phones that pay for every byte), and it needs no build step.
 */
const VERSION = 'v1';
const PAGES = `cafe-pages-${VERSION}`;
const ASSETS = `cafe-assets-${VERSION}`;
/** Enough for a few builds' worth of one phone's scripts; older ones are dropped first. */
const MAX_ASSETS = 200;
/** How long a page load may take before a kept copy is shown instead (only if there is one). */
const PAGE_TIMEOUT_MS = 5000;

const isAsset = (url) => url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/');
const isPhonePage = (url) => /^\/j\/[^/]+\/?$/.test(url.pathname);
const isManifest = (url) => /^\/j\/[^/]+\/manifest\.webmanifest$/.test(url.pathname);
/** Pages are kept by their path alone: the query string and fragment do not change the page. */
const pageKey = (url) => `${url.origin}${url.pathname.replace(/\/$/, '')}`;

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PAGES, ASSETS]);
      for (const name of await caches.keys())
        if (name.startsWith('cafe-') && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function keepAsset(request, response) {
  if (!response.ok || response.type !== 'basic') return;
  const cache = await caches.open(ASSETS);
  await cache.put(request, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ASSETS))) await cache.delete(old);
}

async function keepPage(url, response) {
  if (!response.ok || response.type !== 'basic') return;
  const cache = await caches.open(PAGES);
  await cache.put(pageKey(url), response);
}

/** Kept copy first; otherwise the network, keeping what comes back. */
function assetFirst(event) {
  const response = caches.match(event.request, { cacheName: ASSETS }).then(
    (kept) =>
      kept ??
      fetch(event.request).then((fresh) => {
        // Cloned before the page reads the body; the worker stays alive until it is kept.
        event.waitUntil(keepAsset(event.request, fresh.clone()));
        return fresh;
      }),
  );
  event.respondWith(response);
}

/** The network first, keeping what comes back; the kept copy when the network fails or stalls. */
function networkFirst(event, url, fallback) {
  const fromNetwork = fetch(event.request);
  // Keep the newest copy whether or not the page is still waiting for it (a stalled load).
  event.waitUntil(fromNetwork.then((fresh) => keepPage(url, fresh.clone())).catch(() => {}));
  const response = caches.match(pageKey(url), { cacheName: PAGES }).then((kept) => {
    if (!kept) return fromNetwork.catch(fallback);
    let timer;
    const stalled = new Promise((resolve) => {
      timer = setTimeout(() => resolve(kept), PAGE_TIMEOUT_MS);
    });
    return Promise.race([fromNetwork, stalled])
      .catch(() => kept)
      .finally(() => clearTimeout(timer));
  });
  event.respondWith(response);
}

const noSignal = () =>
  new Response(
    '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>No connection</title><main style="font:1.125rem/1.5 system-ui,sans-serif;padding:2.5rem 1rem;max-width:36rem;margin:auto">' +
      '<h1>No connection</h1><p>This phone has no signal and has not opened this page before. ' +
      'Try again when you have a signal; after that it opens without one too.</p></main>',
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && isPhonePage(url)) networkFirst(event, url, noSignal);
  else if (isManifest(url)) networkFirst(event, url, () => Response.error());
  else if (isAsset(url)) assetFirst(event);
});

/**
 * The page sends the files it loaded before this worker was in charge (its first visit), so they
 * are kept too: { type: 'CACHE_URLS', urls: [...] }.
 */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'CACHE_URLS' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      const assets = await caches.open(ASSETS);
      for (const raw of data.urls.slice(0, 100)) {
        let url;
        try {
          url = new URL(raw, self.location.origin);
        } catch {
          continue;
        }
        if (url.origin !== self.location.origin) continue;
        try {
          if (isPhonePage(url) || isManifest(url)) {
            await keepPage(url, await fetch(url, { credentials: 'same-origin' }));
          } else if (isAsset(url) && !(await assets.match(url.href))) {
            await keepAsset(new Request(url.href), await fetch(url, { credentials: 'same-origin' }));
          }
        } catch {
          // No signal now: the page sends the list again on its next visit.
        }
      }
    })(),
  );
});
