/** The people table (lib/people/table.ts): shared parts, order, and odd ids. */
import { describe, expect, it } from 'vitest';
import { foldLog } from '../reducer';
import type { Participant } from '../state';
import { peopleOf, personById } from '../state';
import { cafeSettings, EventUnderTest, T0, person as who } from '../testing/events';
import { emptyPeople, PEOPLE_BUCKETS, peopleIn, personIn, withPerson } from './table';

const person = (id: string, joinedAt: number, name: string | null = null): Participant => ({
  id,
  name,
  joinedAt,
  left: false,
  volunteer: false,
});

describe('the people of an event', () => {
  it('are found by any id, "__proto__" and "constructor" included, and by no other', () => {
    let t = emptyPeople();
    for (const [i, id] of ['__proto__', 'constructor', 'toString', 'ann'].entries())
      t = withPerson(t, person(id, i));
    expect(personIn(t, '__proto__')?.joinedAt).toBe(0);
    expect(personIn(t, 'constructor')?.joinedAt).toBe(1);
    expect(personIn(t, 'hasOwnProperty')).toBeUndefined();
    expect(t.count).toBe(4);
  });

  it('change one bucket per person: everything else is shared with the state before', () => {
    let t = emptyPeople();
    for (let i = 0; i < 2_000; i++) t = withPerson(t, person(`p${i}`, T0 + i));
    const next = withPerson(t, person('late', T0 + 5_000));
    const changed = next.buckets.filter((b, i) => b !== t.buckets[i]);
    expect(changed).toHaveLength(1);
    expect(next.buckets).toHaveLength(PEOPLE_BUCKETS);
    expect(next.count).toBe(2_001);
    // Replacing someone changes their bucket only, and not the count.
    const left = withPerson(next, { ...person('p7', T0 + 7), left: true });
    expect(left.buckets.filter((b, i) => b !== next.buckets[i])).toHaveLength(1);
    expect(left.count).toBe(2_001);
    expect(personIn(next, 'p7')?.left).toBe(false);
    expect(personIn(left, 'p7')?.left).toBe(true);
  });

  it('are listed in the order they arrived, whatever order a screen learned of them in', () => {
    const ann = person('ann', T0 + 1);
    const bo = person('bo', T0 + 2);
    const cy = person('cy', T0 + 2);
    const one = [ann, bo, cy].reduce(withPerson, emptyPeople());
    const other = [cy, ann, bo].reduce(withPerson, emptyPeople());
    expect(peopleIn(one).map((p) => p.id)).toEqual(['ann', 'bo', 'cy']);
    expect(peopleIn(other).map((p) => p.id)).toEqual(['ann', 'bo', 'cy']);
    // The same table, to the byte: a phone's cached state and a fresh one's hash alike.
    expect(JSON.stringify(other)).toBe(JSON.stringify(one));
  });

  it('give the same list built step by step as worked out afresh', () => {
    let t = emptyPeople();
    for (let i = 0; i < 300; i++) {
      // Now and then someone comes back (same place in the order) or a card arrives out of order.
      if (i % 7 === 3) t = withPerson(t, { ...person(`p${i - 2}`, T0 + i - 2), left: true });
      t = withPerson(t, person(`p${i}`, i % 11 === 5 ? T0 : T0 + i));
      peopleIn(t);
    }
    const afresh = JSON.parse(JSON.stringify(t));
    expect(peopleIn(t)).toEqual(peopleIn(afresh));
    expect(peopleIn(t)).toHaveLength(300);
  });

  it('are folded from a log into the same table as they were applied live', () => {
    const ev = new EventUnderTest(cafeSettings());
    for (const id of ['zoe', 'amy', 'kit', 'bea']) ev.later(1_000).join(id, id.toUpperCase());
    ev.later(1_000).run(who('kit'), 'participant.leave');
    const folded = foldLog(ev.log);
    if (!folded) throw new Error('no state');
    expect(JSON.stringify(folded.participants)).toBe(JSON.stringify(ev.state.participants));
    expect(peopleOf(folded).map((p) => p.id)).toEqual(['zoe', 'amy', 'kit', 'bea']);
    expect(personById(folded, 'kit')?.left).toBe(true);
  });
});
