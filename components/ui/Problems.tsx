'use client';
import { useTranslations } from 'next-intl';
import { useRefusalText } from '../i18n/errors';
import { useLive } from '../live/store';
import { Button } from './Button';

/** Actions the server refused, explained, until the person dismisses them. */
export function Problems() {
  const problems = useLive((s) => s.problems);
  const dismiss = useLive((s) => s.dismissProblem);
  const t = useTranslations('problems');
  const say = useRefusalText();
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="space-y-2">
      {problems.map((p) => (
        <div
          key={p.id}
          className="flex items-start justify-between gap-3 rounded-lg border-2 border-red-300 bg-red-50 p-3 text-red-900"
        >
          <p>{say(p)}</p>
          <Button variant="ghost" onClick={() => dismiss(p.id)} aria-label={t('dismiss')}>
            {t('ok')}
          </Button>
        </div>
      ))}
    </div>
  );
}
