'use client';
import { nanoid } from 'nanoid';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useState } from 'react';
import { LIMITS } from '../../lib/limits';
import { TEAM_ROLES, type TeamLink, type TeamRole } from '../../lib/team/roles';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';
import { forgetLinkToken, linkTokens, rememberLinkToken, teamLinkUrl } from './saved';

/**
 * The facilitator team's links: the organiser makes one per person or screen (a co-facilitator,
 * a helper, the hall's projector), copies it, and revokes it when it should stop working. The
 * server keeps only a fingerprint of each link, so only this laptop can show a link again.
 */
export function TeamPanel({ eventId }: { eventId: string }) {
  const t = useTranslations('console.team');
  const send = useSend();
  const team = useLive((s) => s.team);
  const links = useLive((s) => s.event?.links);
  const [role, setRole] = useState<TeamRole>('cofacilitator');
  const [label, setLabel] = useState('');
  const [tokens, setTokens] = useState<Record<string, string>>({});
  const [origin, setOrigin] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => {
    setOrigin(window.location.origin);
    setTokens(linkTokens(eventId));
  }, [eventId]);
  const organiser = team?.role === 'organiser';
  const list = Object.values(links ?? {}).sort((a, b) => b.createdAt - a.createdAt);

  function make(e: FormEvent) {
    e.preventDefault();
    if (!label.trim()) return;
    const token = nanoid(32);
    const linkId = send('link.create', { role, label: label.trim(), token });
    rememberLinkToken(eventId, linkId, token);
    setTokens(linkTokens(eventId));
    setLabel('');
  }

  async function copy(url: string, id: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(id);
    } catch {
      setCopied(null);
    }
  }

  function revoke(link: TeamLink) {
    send('link.revoke', { linkId: link.id });
    forgetLinkToken(eventId, link.id);
    setTokens(linkTokens(eventId));
    setConfirming(null);
  }

  return (
    <section aria-labelledby="team-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="team-h" className="text-lg font-bold">
        {t('heading')}
      </h2>
      <p className="mt-1 text-stone-700">{organiser ? t('intro') : t('notOrganiser')}</p>
      {organiser && (
        <form onSubmit={make} className="mt-3 space-y-3">
          <fieldset>
            <legend className="font-semibold">{t('roleLegend')}</legend>
            <div className="mt-1 space-y-1">
              {TEAM_ROLES.map((r) => (
                <label key={r} className="flex min-h-11 items-start gap-2 py-1">
                  <input
                    type="radio"
                    name="team-role"
                    value={r}
                    checked={role === r}
                    onChange={() => setRole(r)}
                    className="mt-1 size-5"
                  />
                  <span>
                    <span className="font-semibold">{t(`role.${r}`)}</span>
                    <span className="block text-sm text-stone-600">{t(`can.${r}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="block">
            <span className="font-semibold">{t('labelLabel')}</span>
            <span className="block text-sm text-stone-600">{t('labelHint')}</span>
            <input
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              maxLength={LIMITS.linkLabel}
              required
              dir="auto"
              className="mt-1 w-full rounded-lg border-2 border-stone-300 px-3 py-2"
            />
          </label>
          <Button type="submit" disabled={!label.trim()}>
            {t('make')}
          </Button>
        </form>
      )}
      {list.length === 0 ? (
        <p className="mt-3 text-stone-600">{t('none')}</p>
      ) : (
        <ul className="mt-4 divide-y divide-stone-200" aria-label={t('listLabel')}>
          {list.map((link) => {
            const token = tokens[link.id];
            const url = token ? teamLinkUrl(origin, eventId, link.role, token) : null;
            const revoked = link.revokedAt !== null;
            return (
              <li key={link.id} className="py-3" data-testid="team-link">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p>
                    <span className="font-semibold" dir="auto">
                      {link.label}
                    </span>{' '}
                    <span className="text-stone-600">· {t(`role.${link.role}`)}</span>
                  </p>
                  <p className={revoked ? 'text-red-800' : 'text-green-800'}>
                    {revoked ? t('revoked') : t('working')}
                  </p>
                </div>
                {organiser && !revoked && (
                  <div className="mt-2 space-y-2">
                    {url ? (
                      <div className="flex flex-wrap gap-2">
                        <input
                          readOnly
                          value={url}
                          dir="ltr"
                          aria-label={t('linkFor', { label: link.label })}
                          data-testid="team-link-url"
                          onFocus={(e) => e.currentTarget.select()}
                          className="min-w-0 grow rounded-lg border-2 border-stone-300 px-2 py-2 font-mono text-sm"
                        />
                        <Button variant="secondary" onClick={() => copy(url, link.id)}>
                          {copied === link.id ? t('copied') : t('copy')}
                        </Button>
                      </div>
                    ) : (
                      <p className="text-sm text-stone-600">{t('elsewhere')}</p>
                    )}
                    {confirming === link.id ? (
                      <div
                        className="flex flex-wrap items-center gap-2"
                        role="group"
                        aria-label={t('confirmLabel')}
                      >
                        <span>{t('confirm', { label: link.label })}</span>
                        <Button variant="danger" onClick={() => revoke(link)}>
                          {t('revokeNow')}
                        </Button>
                        <Button variant="ghost" onClick={() => setConfirming(null)}>
                          {t('keep')}
                        </Button>
                      </div>
                    ) : (
                      <Button variant="danger" onClick={() => setConfirming(link.id)}>
                        {t('revoke', { label: link.label })}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {organiser && list.length > 0 && <p className="mt-2 text-sm text-stone-600">{t('safety')}</p>}
    </section>
  );
}
