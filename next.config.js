/** Next.js runs inside our own server (server/main.ts); this file only tunes the front end. */
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Keep the build's type check: `npm test` also runs `tsc` over the whole tree.
  typescript: { ignoreBuildErrors: false },
};
export default nextConfig;
