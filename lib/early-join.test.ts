/**
 * The join screen's own small script, run against a stand-in page: what it keeps on the phone is
 * what the full page would keep, and it never makes a second person of a phone that joined.
 */
import { describe, expect, it } from 'vitest';
import {
  EARLY_JOIN_OFF,
  earlyJoinScript,
  FIRST_TIME_INPUT_NAME,
  GROUP_INPUT_NAME,
  NEEDS_INPUT_NAME,
  NEEDS_OTHER_ID,
  phoneStorageKey,
} from './early-join';
import { TokenSchema } from './protocol';

class FakeElement {
  attributes = new Map<string, string>();
  listeners: ((e: { preventDefault(): void }) => void)[] = [];
  value = '';
  focused = false;
  getAttribute(k: string) {
    return this.attributes.get(k) ?? null;
  }
  setAttribute(k: string, v: string) {
    this.attributes.set(k, v);
  }
  hasAttribute(k: string) {
    return this.attributes.has(k);
  }
  addEventListener(_: string, f: (e: { preventDefault(): void }) => void) {
    this.listeners.push(f);
  }
  removeEventListener(_: string, f: (e: { preventDefault(): void }) => void) {
    this.listeners = this.listeners.filter((l) => l !== f);
  }
  focus() {
    this.focused = true;
  }
}

function page(identity: 'named' | 'choice' | 'anonymous', stored: Record<string, string> = {}) {
  const form = new FakeElement();
  form.setAttribute('data-identity', identity);
  const input = new FakeElement();
  const items = new Map(Object.entries(stored));
  const window: Record<string, unknown> = {};
  const localStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
  const other = new FakeElement();
  /** The optional questions' inputs on the page ("I'm here as…" radios, the needs' boxes). */
  const choices: { name: string; value: string; checked: boolean }[] = [];
  Object.assign(form, { querySelectorAll: () => choices });
  /** The page's `<html>`, whose `lang` is the language the page shows (none: an older page). */
  const root = new FakeElement();
  const document = {
    documentElement: root,
    getElementById: (id: string) =>
      id === 'join-form' ? form : id === 'name' ? input : id === NEEDS_OTHER_ID ? other : null,
  };
  const run = (code: string) =>
    new Function('window', 'document', 'localStorage', 'crypto', earlyJoinScript(code))(
      window,
      document,
      localStorage,
      globalThis.crypto,
    );
  Object.assign(window, { crypto: globalThis.crypto });
  /** Tap Join; true if the browser's own submit was stopped. */
  const submit = () => {
    let prevented = false;
    for (const l of form.listeners) l({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { form, input, other, choices, root, items, window, run, submit };
}

describe('the join screen before its scripts arrive', () => {
  it('keeps a token and the name typed, and says it is joining', () => {
    const p = page('choice');
    p.run('ABC123');
    p.input.value = '  Ada  ';
    expect(p.submit()).toBe(true);
    const kept = JSON.parse(p.items.get(phoneStorageKey('ABC123')) ?? 'null');
    expect(kept.name).toBe('Ada');
    expect(TokenSchema.safeParse(kept.token).success).toBe(true);
    expect(p.form.hasAttribute('data-joining')).toBe(true);
    // A second tap makes no second person.
    p.submit();
    expect(JSON.parse(p.items.get(phoneStorageKey('ABC123')) ?? 'null').token).toBe(kept.token);
  });

  it('keeps no name in an anonymous café, and none when the box is left empty', () => {
    const a = page('anonymous');
    a.run('ABC123');
    a.input.value = 'Ada';
    a.submit();
    expect(JSON.parse(a.items.get(phoneStorageKey('ABC123')) ?? 'null').name).toBeNull();
    const c = page('choice');
    c.run('ABC123');
    c.submit();
    expect(JSON.parse(c.items.get(phoneStorageKey('ABC123')) ?? 'null').name).toBeNull();
  });

  it('keeps the answers to the optional questions, and none when they were skipped', () => {
    const p = page('choice');
    p.choices.push(
      { name: GROUP_INPUT_NAME, value: 'Carer', checked: true },
      { name: GROUP_INPUT_NAME, value: '', checked: false },
      { name: NEEDS_INPUT_NAME, value: 'step_free', checked: true },
      { name: NEEDS_INPUT_NAME, value: 'interpreter', checked: false },
    );
    p.other.value = ' A chair ';
    p.run('ABC123');
    p.submit();
    expect(JSON.parse(p.items.get(phoneStorageKey('ABC123')) ?? 'null').about).toEqual({
      group: 'Carer',
      // Saying what else would help counts as ticking "Something else".
      needs: ['step_free', 'other'],
      needsOther: 'A chair',
    });
    const skipped = page('choice');
    skipped.choices.push({ name: GROUP_INPUT_NAME, value: '', checked: true });
    skipped.run('ABC123');
    skipped.submit();
    expect(JSON.parse(skipped.items.get(phoneStorageKey('ABC123')) ?? 'null').about).toEqual({});
  });

  it('keeps whether it is the person’s first time, and the language the page shows', () => {
    const p = page('choice');
    p.choices.push(
      { name: FIRST_TIME_INPUT_NAME, value: 'yes', checked: false },
      { name: FIRST_TIME_INPUT_NAME, value: 'no', checked: true },
      { name: FIRST_TIME_INPUT_NAME, value: '', checked: false },
    );
    p.root.setAttribute('lang', 'pl');
    p.run('ABC123');
    p.submit();
    expect(JSON.parse(p.items.get(phoneStorageKey('ABC123')) ?? 'null').about).toEqual({
      firstTime: false,
      language: 'pl',
    });
    const first = page('choice');
    first.choices.push({ name: FIRST_TIME_INPUT_NAME, value: 'yes', checked: true });
    first.run('ABC123');
    first.submit();
    expect(JSON.parse(first.items.get(phoneStorageKey('ABC123')) ?? 'null').about).toEqual({
      firstTime: true,
    });
    const unsaid = page('choice');
    unsaid.choices.push({ name: FIRST_TIME_INPUT_NAME, value: '', checked: true });
    unsaid.run('ABC123');
    unsaid.submit();
    expect(JSON.parse(unsaid.items.get(phoneStorageKey('ABC123')) ?? 'null').about).toEqual({});
  });

  it('asks for a name where the café needs one, and keeps nothing', () => {
    const p = page('named');
    p.run('ABC123');
    p.input.value = '   ';
    expect(p.submit()).toBe(true);
    expect(p.items.size).toBe(0);
    expect(p.form.hasAttribute('data-missing-name')).toBe(true);
    expect(p.form.hasAttribute('data-joining')).toBe(false);
    expect(p.input.focused).toBe(true);
  });

  it('a phone that joined before is shown as joining at once and cannot join again', () => {
    const before = JSON.stringify({ token: 'x'.repeat(32), name: 'Ada' });
    const p = page('choice', { [phoneStorageKey('ABC123')]: before });
    p.run('ABC123');
    expect(p.form.hasAttribute('data-joining')).toBe(true);
    expect(p.form.listeners).toHaveLength(0);
    expect(p.items.get(phoneStorageKey('ABC123'))).toBe(before);
  });

  it('steps aside when the full page takes over', () => {
    const p = page('choice');
    p.run('ABC123');
    (p.window[EARLY_JOIN_OFF] as () => void)();
    expect(p.form.listeners).toHaveLength(0);
  });

  it('cannot be broken out of by a hostile code in the address', () => {
    const script = earlyJoinScript('</SCRIPT><SCRIPT>ALERT(1)</SCRIPT>');
    expect(script).not.toMatch(/<\/script/i);
    const p = page('choice');
    p.run('</SCRIPT>"\'');
    p.submit();
    expect([...p.items.keys()]).toEqual([phoneStorageKey('</SCRIPT>"\'')]);
  });
});
