/**
 * A commitment's dated updates, oldest first: the console's theme card and the published page
 * both list them this way, each in its own words for the date and the status.
 */
import type { CommitmentStatus } from '../../lib/harvest/state';

interface Update {
  at: number | string;
  status: CommitmentStatus;
  note: string;
}

export function CommitmentUpdates<U extends Update>({
  updates,
  entry,
  className = 'mt-1 space-y-1',
}: {
  updates: readonly U[];
  /** "7 December 2026: In progress", as the screen says it. */
  entry: (u: U) => string;
  className?: string;
}) {
  return (
    <ol className={className}>
      {updates.map((u) => (
        <li key={`${u.at}-${u.status}-${u.note}`}>
          <span className="font-semibold">{entry(u)}</span>
          {u.note && (
            <span className="ms-1 whitespace-pre-wrap" dir="auto">
              {u.note}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
