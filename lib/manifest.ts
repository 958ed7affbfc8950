/**
 * The web app manifest: what a phone needs to put the app on its home screen and open it like
 * an app (full screen, the brand colour, the icons in public/icons/). The site's own
 * (`app/manifest.ts`) opens the home page; each phone page has one that opens that café
 * (`app/j/[code]/manifest.webmanifest/route.ts`).
 */

/** The brand colour (Tailwind's teal-700), also the browser bar's colour in `app/layout.tsx`. */
export const THEME_COLOUR = '#0f766e';

export interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  start_url: string;
  scope: string;
  display: 'standalone';
  orientation: 'any';
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: 'image/png'; purpose: 'any' | 'maskable' }[];
}

export function webManifest(opts: { startUrl: string; scope: string; name?: string }): WebManifest {
  return {
    id: opts.startUrl,
    name: opts.name ? `${opts.name} · Café Space` : 'Café Space',
    short_name: 'Café Space',
    description: 'Take part in a World Café or an Open Space from your phone.',
    start_url: opts.startUrl,
    scope: opts.scope,
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME_COLOUR,
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
