'use client';
/**
 * Lets the phone page open with no signal after one visit: registers the service worker
 * (public/sw.js, for /j/ only) and hands it the files this page loaded before the worker was in
 * charge, so it keeps them too (later requests pass through it). Without service workers
 * (private browsing, an old browser) the page works as before, online.
 */
import { useEffect } from 'react';

const SAME_ORIGIN_FILES = /^\/(_next\/static|icons)\//;

function loadedFiles(): string[] {
  const urls = [window.location.pathname];
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (manifest) urls.push(manifest.href);
  for (const entry of performance.getEntriesByType('resource')) {
    const url = new URL(entry.name);
    if (url.origin === window.location.origin && SAME_ORIGIN_FILES.test(url.pathname)) urls.push(url.href);
  }
  return urls;
}

export function PhoneWorker() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    let stopped = false;
    let later: ReturnType<typeof setTimeout> | undefined;
    const start = async () => {
      try {
        await navigator.serviceWorker.register('/sw.js', { scope: '/j/' });
        const ready = await navigator.serviceWorker.ready;
        const send = () => {
          if (!stopped && navigator.onLine)
            ready.active?.postMessage({ type: 'CACHE_URLS', urls: loadedFiles() });
        };
        send();
        // Parts fetched while the worker was starting (the live screen, the language) come once more.
        later = setTimeout(send, 5_000);
      } catch {
        // No worker here (blocked, or no signal to check for a new one): the page works online.
      }
    };
    if (document.readyState === 'complete') void start();
    else window.addEventListener('load', () => void start(), { once: true });
    return () => {
      stopped = true;
      clearTimeout(later);
    };
  }, []);
  return null;
}
