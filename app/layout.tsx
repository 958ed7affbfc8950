import type { Metadata, Viewport } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { dirOf } from '../lib/i18n/locales';
import './globals.css';
import { pageLocale } from './locale';

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: 'Café Space — World Café facilitation',
    description: (await getTranslations('site'))('description'),
  };
}

// Every page is rendered per request, so each carries the fresh nonce its security policy names.
export const dynamic = 'force-dynamic';

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#0f766e',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The language this browser's screens will be in, so the page reads right before any script runs.
  const locale = await pageLocale();
  return (
    <html lang={locale} dir={dirOf(locale)}>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
