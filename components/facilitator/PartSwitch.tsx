'use client';
import { useLive } from '../live/store';
import { useSend } from '../live/useConnection';
import { Button } from '../ui/Button';

/** For an event with both a café and an Open Space: which one every screen shows now. */
export function PartSwitch() {
  const part = useLive((s) => s.event?.part);
  const both = useLive((s) => !!s.event && s.event.settings.rounds.length > 0 && s.event.openSpace !== null);
  const send = useSend();
  if (!both) return null;
  return (
    <section aria-labelledby="part-h" className="rounded-2xl border-2 border-stone-200 bg-white p-4">
      <h2 id="part-h" className="text-lg font-bold">
        Part of the day
      </h2>
      <p className="text-stone-600">Every phone and the projector follow what you choose here.</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          variant={part === 'cafe' ? 'primary' : 'secondary'}
          aria-pressed={part === 'cafe'}
          onClick={() => part !== 'cafe' && send('event.part', { part: 'cafe' })}
        >
          World Café
        </Button>
        <Button
          variant={part === 'openSpace' ? 'primary' : 'secondary'}
          aria-pressed={part === 'openSpace'}
          onClick={() => part !== 'openSpace' && send('event.part', { part: 'openSpace' })}
        >
          Open Space
        </Button>
      </div>
    </section>
  );
}
