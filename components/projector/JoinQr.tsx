'use client';
import { useTranslations } from 'next-intl';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The address phones use to reach this server, as the server reports it (`/api/info`:
 * PUBLIC_URL, or the laptop's address on the local network), never the address this screen
 * happens to use (often `localhost` on the facilitator's laptop). Null until known.
 */
export function useJoinBase(): string | null {
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
  return base;
}

/** The join address as a QR code, made in the browser from the address the server reports. */
export function useJoinUrl(code: string): string | null {
  const base = useJoinBase();
  return base ? `${base}/j/${code}` : null;
}

/** The published "What you told us" at the address phones use. */
export function usePublishedUrl(eventId: string): string | null {
  const base = useJoinBase();
  return base ? `${base}/told/${eventId}` : null;
}

/** A QR code for one of our own addresses; `label` says what it opens (default: joining). */
export function JoinQr({ url, className = '', label }: { url: string; className?: string; label?: string }) {
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
      aria-label={label ?? t('qr', { url })}
      className={`bg-white ${className}`}
      // The SVG is generated here from our own URL, never from anything a person typed.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, locally generated SVG
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
