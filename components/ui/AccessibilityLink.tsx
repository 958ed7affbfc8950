import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * The way to the accessibility statement: what works, how to get help, what does not work yet.
 * In the reader’s language; a screen may pass its own words (`label`).
 */
export function AccessibilityLink({ className = '', label }: { className?: string; label?: string }) {
  const t = useTranslations('join');
  return (
    <Link
      href="/accessibility"
      className={`inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4 ${className}`}
    >
      {label ?? t('accessibility')}
    </Link>
  );
}
