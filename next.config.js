/** Next.js runs inside our own server (server/main.ts); this file only tunes the front end. */
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` runs `tsc` over the whole tree (pages, server and tests) before building, so the
  // build does not type-check a second time.
  typescript: { ignoreBuildErrors: true },
};
export default nextConfig;
