import Link from 'next/link';

/**
 * The way to the accessibility statement: what works, how to get help, what does not work yet.
 * A phone passes the words in its own language (`label`).
 */
export function AccessibilityLink({
  className = '',
  label = 'Accessibility and help',
}: {
  className?: string;
  label?: string;
}) {
  return (
    <Link
      href="/accessibility"
      className={`inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4 ${className}`}
    >
      {label}
    </Link>
  );
}
