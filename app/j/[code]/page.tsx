import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { PersonalIntl } from '../../../components/i18n/PersonalIntl';
import { ParticipantApp } from '../../../components/participant/ParticipantApp';
import { PhoneWorker } from '../../../components/participant/PhoneWorker';
import { earlyJoinScript } from '../../../lib/early-join';
import { findJoinInfo } from '../../../lib/join-info';
import { firstLocale } from '../../locale';

type Params = { params: Promise<{ code: string }> };

/** The phone page can be put on the home screen: its own manifest opens this café. */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { code } = await params;
  return {
    title: (await getTranslations('language'))('pageTitleJoin'),
    manifest: `/j/${encodeURIComponent(code.toUpperCase())}/manifest.webmanifest`,
    icons: { apple: '/icons/icon-192.png' },
    appleWebApp: { capable: true, title: 'Café Space' },
  };
}

export default async function Page({ params }: Params) {
  const { code } = await params;
  // The join screen's details come with the page: one request fewer on a weak signal.
  const info = await findJoinInfo(code.toUpperCase());
  const language = await firstLocale();
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get('content-security-policy') ?? '')?.[1];
  return (
    <>
      <PersonalIntl {...language}>
        <ParticipantApp code={code.toUpperCase()} info={info} />
      </PersonalIntl>
      {info && (
        // The join form works before the page's scripts arrive (lib/early-join.ts).
        <script
          nonce={nonce}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: our own script; the code in it is JSON-escaped
          dangerouslySetInnerHTML={{ __html: earlyJoinScript(code.toUpperCase()) }}
        />
      )}
      <PhoneWorker />
    </>
  );
}
