/** Next.js runs inside our own server (server/main.ts); this file only tunes the front end. */
import createNextIntlPlugin from 'next-intl/plugin';

/**
 * next-intl compiles the message catalogues (messages/*.json) when the pages are built, so phones
 * get ready-made messages and no ICU parser (it keeps the phone page within its weight budget).
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` runs `tsc` over the whole tree (pages, server and tests) before building, so the
  // build does not type-check a second time.
  typescript: { ignoreBuildErrors: true },
  // The styles come inside the page: a phone on a weak signal draws the join screen without
  // waiting for another request.
  experimental: { inlineCss: true },
};
export default withNextIntl(nextConfig);
