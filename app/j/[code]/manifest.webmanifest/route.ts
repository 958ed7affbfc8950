/**
 * A phone page's own manifest: installed from /j/<code>, the app opens that café (with its
 * title), not the home page, and keeps working with no signal (public/sw.js).
 */
import { findJoinInfo } from '../../../../lib/join-info';
import { webManifest } from '../../../../lib/manifest';

export async function GET(_req: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code.toUpperCase();
  if (!/^[A-Z0-9]{4,12}$/.test(code)) return new Response('No such join code.', { status: 404 });
  const info = await findJoinInfo(code);
  return new Response(
    JSON.stringify(webManifest({ startUrl: `/j/${code}`, scope: '/j/', name: info?.title })),
    {
      headers: { 'content-type': 'application/manifest+json; charset=utf-8', 'cache-control': 'no-cache' },
    },
  );
}
