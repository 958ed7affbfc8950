'use client';
import { useTranslations } from 'next-intl';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The join address as a QR code, made in the browser from the address the server reports. */
export function useJoinUrl(code: string): string | null {
  const [base, setBase] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/info')
      .then((r) => r.json() as Promise<{ joinBase?: string }>)
      .then((info) => live && setBase(info.joinBase ?? window.location.origin))
      .catch(() => live && setBase(window.location.origin));
    return () => {
      live = false;
    };
  }, []);
  return base ? `${base}/j/${code}` : null;
}

export function JoinQr({ url, className = '' }: { url: string; className?: string }) {
  const t = useTranslations('projector');
  const [svg, setSvg] = useState('');
  useEffect(() => {
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setSvg, () =>
      setSvg(''),
    );
  }, [url]);
  return (
    <div
      role="img"
      aria-label={t('qr', { url })}
      className={`bg-white ${className}`}
      // The SVG is generated here from our own URL, never from anything a person typed.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, locally generated SVG
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
