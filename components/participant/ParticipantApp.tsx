'use client';
import { nanoid } from 'nanoid';
import { useTranslations } from 'next-intl';
import {
  type FormEvent,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { cleanText, hasVisibleText } from '../../lib/clean-text';
import {
  EARLY_JOIN_OFF,
  JOIN_FORM_ID,
  NAME_INPUT_ID,
  phoneStorageKey,
  type StoredJoin,
} from '../../lib/early-join';
import type { ErrorCode } from '../../lib/errors';
import { LIMITS } from '../../lib/limits';
import type { Identity } from '../../lib/settings';
import { useRefusalText } from '../i18n/errors';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useLocaleChoice } from '../i18n/PersonalIntl';
import { useLive } from '../live/store';
import { AccessibilityLink } from '../ui/AccessibilityLink';
import { Button } from '../ui/Button';
import { type Answers, aboutOf, type DoorFacts, DoorQuestions, NO_ANSWERS, PrivacyNotice } from './AtTheDoor';

type Stored = StoredJoin;

interface JoinInfo extends DoorFacts {
  title: string;
  purpose: string;
  identity: Identity;
  /** False while the event keeps new people out (absent from an older server: open). */
  open?: boolean;
}

/**
 * The live café (its connection and the screens of every stage) is a chunk of its own: the join
 * screen, which a phone on a weak signal waits for first, does not wait for it. A phone that has
 * joined before fetches it at once; a new one when the person starts on the join form, so a phone
 * that only looks spends no data on it. With no signal the fetch is tried again every few seconds.
 */
type LiveModule = typeof import('./LiveParticipant');
const fetchLive = (): Promise<LiveModule> =>
  import('./LiveParticipant').catch(() =>
    new Promise((resolve) => setTimeout(resolve, 3_000)).then(fetchLive),
  );
let liveChunk: Promise<LiveModule> | null = null;
const loadLive = () => (liveChunk ??= fetchLive());
const LiveParticipant = lazy(() => loadLive().then((m) => ({ default: m.LiveParticipant })));

function loadStored(code: string): Stored | null {
  try {
    const v = JSON.parse(localStorage.getItem(phoneStorageKey(code)) ?? 'null') as Stored | null;
    return v && typeof v.token === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * A phone's whole journey: the join screen, then the live café. `info` is the join screen's
 * details when the server rendered them into the page (else the phone asks for them).
 */
export function ParticipantApp({ code, info = null }: { code: string; info?: JoinInfo | null }) {
  const [stored, setStored] = useState<Stored | null | undefined>(undefined);
  useEffect(() => {
    // The page's own script (lib/early-join.ts) hands over: a person who joined before this code
    // arrived is found in storage like any returning phone.
    const off = (window as unknown as Record<string, (() => void) | undefined>)[EARLY_JOIN_OFF];
    off?.();
    setStored(loadStored(code));
  }, [code]);

  const identity = useMemo(
    () =>
      stored
        ? ({
            kind: 'participant',
            code,
            token: stored.token,
            name: stored.name,
            ...(stored.about ? { about: stored.about } : {}),
          } as const)
        : null,
    [code, stored],
  );
  useEffect(() => {
    if (stored) void loadLive();
  }, [stored]);
  const fatal = useLive((s) => s.fatal);
  const t = useTranslations();
  const say = useRefusalText();
  useEffect(() => {
    document.title = t('language.pageTitleJoin');
  }, [t]);
  // The event is gone (deleted, or the code was wrong): this phone's token for it is no use now.
  useEffect(() => {
    if (fatal?.code === 'unknown_event' || fatal?.code === 'event_deleted')
      localStorage.removeItem(phoneStorageKey(code));
  }, [fatal, code]);

  // Until this code runs (and on the server) the join screen is shown, so it arrives with the
  // page's HTML and works through the page's own small script.
  if (!stored) {
    return (
      <JoinScreen
        code={code}
        initial={info}
        onJoin={(name, about) => {
          const next: Stored = { token: nanoid(32), name, about };
          localStorage.setItem(phoneStorageKey(code), JSON.stringify(next));
          setStored(next);
        }}
      />
    );
  }
  if (fatal?.code === 'event_deleted') {
    return (
      <main className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t('gone.deletedTitle')}</h1>
        <p className="mt-3 text-lg">{t('gone.deletedBody')}</p>
        <p className="mt-6 text-lg">{t('gone.thanks')}</p>
        <LanguagePicker className="mt-8" />
      </main>
    );
  }
  if (fatal) {
    return (
      <main className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-2xl font-bold">{t('gone.couldNotJoin')}</h1>
        <p className="mt-3 text-lg">{say(fatal)}</p>
        <Button
          className="mt-6"
          onClick={() => {
            localStorage.removeItem(phoneStorageKey(code));
            setStored(null);
          }}
        >
          {t('gone.tryAgain')}
        </Button>
        <LanguagePicker className="mt-8" />
      </main>
    );
  }
  if (!identity) return null;
  return (
    <Suspense fallback={<main className="px-4 py-10 text-lg">{t('join.joining')}</main>}>
      <LiveParticipant identity={identity} />
    </Suspense>
  );
}

/** The join code, read left to right whatever the language around it. */
const codeTag = (chunks: ReactNode) => (
  <bdi dir="ltr" className="font-mono">
    {chunks}
  </bdi>
);

function JoinScreen({
  code,
  initial,
  onJoin,
}: {
  code: string;
  initial: JoinInfo | null;
  onJoin: (name: string | null, about: ReturnType<typeof aboutOf>) => void;
}) {
  const t = useTranslations('join');
  const say = useRefusalText();
  // The language the page shows as Join is tapped: counted by the server, with nobody's name.
  const locale = useLocaleChoice()?.locale ?? null;
  const [info, setInfo] = useState<JoinInfo | null>(initial);
  /** Why the café could not be shown: the server's refusal, or `offline` when it was not reached. */
  const [error, setError] = useState<{ code: string; message: string } | 'offline' | null>(null);
  const [name, setName] = useState('');
  const [answers, setAnswers] = useState<Answers>(NO_ANSWERS);
  const [nameError, setNameError] = useState(false);
  /** The name typed has nothing that can be seen (only zero-width characters and the like). */
  const [nameInvisible, setNameInvisible] = useState(false);
  // A name typed before this code arrived is in the box, not yet in the state.
  const nameBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const typed = nameBox.current?.value;
    if (typed) setName(typed);
  }, []);

  const lookUp = useCallback(() => {
    fetch(`/api/join/${encodeURIComponent(code)}`)
      .then(async (r) => {
        const body = (await r.json()) as
          | ({ ok: true } & JoinInfo)
          | { ok: false; error: { code: string; message: string } };
        if (body.ok) setInfo(body);
        else setError(body.error);
      })
      .catch(() => setError('offline'));
  }, [code]);
  useEffect(() => {
    if (!initial) lookUp();
  }, [initial, lookUp]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const clean = cleanText(nameBox.current?.value ?? name);
    if (info?.identity === 'named' && !clean) {
      setNameError(true);
      return;
    }
    // The server would refuse it (lib/people/people.ts); say why here, in the reader's language.
    if (info?.identity !== 'anonymous' && clean && !hasVisibleText(clean)) {
      setNameInvisible(true);
      return;
    }
    onJoin(info?.identity === 'anonymous' ? null : clean || null, aboutOf(answers, locale));
  }

  if (error) {
    return (
      <main className="mx-auto max-w-xl px-4 py-10">
        <LanguagePicker className="mb-6 justify-end" />
        <h1 className="text-2xl font-bold">{t.rich('codeTitle', { code, ltr: codeTag })}</h1>
        <p role="alert" className="mt-3 text-lg text-red-800">
          {error === 'offline'
            ? t('cannotReach')
            : error.code === 'unknown_event'
              ? t.rich('noSuchCode', { code, ltr: codeTag })
              : error.code === 'invalid_message'
                ? t('badCode')
                : say({ code: error.code as ErrorCode, message: error.message })}
        </p>
        <a
          href="/"
          className="mt-6 inline-flex min-h-11 items-center text-lg font-semibold text-brand-700 underline"
        >
          {t('typeAgain')}
        </a>
      </main>
    );
  }
  if (!info) return <main className="px-4 py-10 text-lg">{t('finding')}</main>;

  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      <LanguagePicker className="mb-6 justify-end" />
      <p className="font-medium text-stone-600">{t('youAreJoining')}</p>
      <h1 className="text-3xl font-bold" dir="auto">
        {info.title}
      </h1>
      {info.purpose && (
        <p className="mt-3 text-lg whitespace-pre-wrap text-stone-800" dir="auto">
          {info.purpose}
        </p>
      )}
      <PrivacyNotice facts={info} />
      {info.open === false ? (
        // The facilitators keep new people out for now: no form, and a way to look again.
        <section className="mt-6 rounded-2xl border-2 border-amber-300 bg-amber-50 p-4">
          <p role="status" className="text-lg font-semibold text-amber-950">
            {t('locked')}
          </p>
          <Button className="mt-4" variant="secondary" onClick={lookUp}>
            {t('lookAgain')}
          </Button>
        </section>
      ) : (
        <form
          id={JOIN_FORM_ID}
          data-identity={info.identity}
          onSubmit={submit}
          onFocusCapture={() => void loadLive()}
          onPointerDownCapture={() => void loadLive()}
          className="group mt-6 space-y-4"
          noValidate
        >
          {info.identity === 'anonymous' ? (
            <p className="rounded-lg bg-brand-50 p-3 text-lg">{t('anonymous')}</p>
          ) : (
            <div className="group-data-[joining]:hidden">
              <label htmlFor="name" className="block text-lg font-semibold">
                {t('yourName')}
                {info.identity === 'choice' && <span className="font-normal"> {t('canLeaveEmpty')}</span>}
              </label>
              {info.identity === 'choice' && (
                <p id="name-help" className="text-stone-600">
                  {t('leaveEmptyHelp')}
                </p>
              )}
              <input
                id={NAME_INPUT_ID}
                ref={nameBox}
                value={name}
                maxLength={LIMITS.name}
                dir="auto"
                autoComplete="given-name"
                onChange={(e) => {
                  setName(e.target.value);
                  setNameError(false);
                  setNameInvisible(false);
                  e.target.form?.removeAttribute('data-missing-name');
                }}
                aria-describedby={info.identity === 'choice' ? 'name-help' : undefined}
                aria-invalid={nameError || nameInvisible ? true : undefined}
                className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 px-3 text-lg"
              />
              {info.identity === 'named' && (
                // Also shown by the page's own script when Join is tapped before this code runs.
                <p
                  role="alert"
                  className={`mt-1 font-medium text-red-800 ${nameError ? '' : 'hidden group-data-[missing-name]:block'}`}
                >
                  {t('nameRequired')}
                </p>
              )}
              {nameInvisible && (
                <p role="alert" className="mt-1 font-medium text-red-800">
                  {t('nameInvisible')}
                </p>
              )}
            </div>
          )}
          <DoorQuestions facts={info} answers={answers} onChange={setAnswers} />
          <Button type="submit" className="w-full text-lg group-data-[joining]:hidden">
            {info.identity === 'choice' && !name.trim() ? t('joinAnonymously') : t('join')}
          </Button>
          <p role="status" className="hidden text-lg font-semibold group-data-[joining]:block">
            {t('joining')}
          </p>
        </form>
      )}
      <AccessibilityLink className="mt-8" label={t('accessibility')} />
    </main>
  );
}
