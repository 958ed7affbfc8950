'use client';
import { useLive } from '../live/store';
import { Button } from './Button';

/** Actions the server refused, explained, until the person dismisses them. */
export function Problems() {
  const problems = useLive((s) => s.problems);
  const dismiss = useLive((s) => s.dismissProblem);
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="space-y-2">
      {problems.map((p) => (
        <div
          key={p.id}
          className="flex items-start justify-between gap-3 rounded-lg border-2 border-red-300 bg-red-50 p-3 text-red-900"
        >
          <p>{p.message}</p>
          <Button variant="ghost" onClick={() => dismiss(p.id)} aria-label="Dismiss this message">
            OK
          </Button>
        </div>
      ))}
    </div>
  );
}
