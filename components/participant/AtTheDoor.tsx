'use client';
/**
 * The join screen's privacy notice (who sees a note, whether names are used, how long it is kept,
 * how to withdraw, that the page's language is counted, then the organiser's own line) and its
 * optional questions: "I'm here as…", "Anything that would help you take part?" and "Is this your
 * first event like this?". Both render with the page's HTML: the page's own script
 * (lib/early-join.ts) reads the answers if Join is tapped before this code runs.
 */
import { useTranslations } from 'next-intl';
import {
  FIRST_TIME_INPUT_NAME,
  GROUP_INPUT_NAME,
  NEEDS_INPUT_NAME,
  NEEDS_OTHER_ID,
  NO_FORM_ID,
} from '../../lib/early-join';
import type { Locale } from '../../lib/i18n/locales';
import { LIMITS } from '../../lib/limits';
import { NEEDS, type Need } from '../../lib/people/needs';
import type { Identity } from '../../lib/settings';

export interface DoorFacts {
  identity: Identity;
  /** Days kept after the last activity (0: until deleted); absent from an older server. */
  retentionDays?: number;
  notice?: string;
  groups?: string[];
  askNeeds?: boolean;
  askFirstTime?: boolean;
  openSpace?: boolean;
}

export interface Answers {
  /** '' for "Rather not say". */
  group: string;
  needs: Need[];
  needsOther: string;
  /** "Is this your first event like this?": '' for "Rather not say". */
  firstTime: '' | 'yes' | 'no';
}

export const NO_ANSWERS: Answers = { group: '', needs: [], needsOther: '', firstTime: '' };

export function PrivacyNotice({ facts }: { facts: DoorFacts }) {
  const t = useTranslations('join.notice');
  const asks = (facts.groups?.length ?? 0) > 0 || facts.askNeeds === true || facts.askFirstTime === true;
  return (
    <section
      data-testid="privacy-notice"
      aria-labelledby="privacy-title"
      className="mt-6 rounded-2xl border-2 border-stone-200 bg-stone-50 p-4 text-base text-stone-800"
    >
      <h2 id="privacy-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <ul className="mt-2 list-disc space-y-1 ps-5">
        <li>{t('whoSees')}</li>
        {facts.openSpace && <li>{t('openSpace')}</li>}
        <li>
          {facts.identity === 'anonymous'
            ? t('namesAnonymous')
            : facts.identity === 'named'
              ? t('namesNamed')
              : t('namesChoice')}
        </li>
        {facts.retentionDays !== undefined && (
          <li>
            {facts.retentionDays > 0 ? t('kept', { days: facts.retentionDays }) : t('keptUntilDeleted')}
          </li>
        )}
        <li>{t('withdraw')}</li>
        <li>{t('language')}</li>
        {asks && <li>{t('questions')}</li>}
      </ul>
      {facts.notice && (
        <p className="mt-3">
          <span className="font-semibold">{t('fromOrganiser')}</span> <span dir="auto">{facts.notice}</span>
        </p>
      )}
    </section>
  );
}

/** The optional questions, when the event asks them. Controlled, so the answers go with Join. */
export function DoorQuestions({
  facts,
  answers,
  onChange,
}: {
  facts: DoorFacts;
  answers: Answers;
  onChange: (a: Answers) => void;
}) {
  const t = useTranslations('join.questions');
  const groups = facts.groups ?? [];
  const radio = (value: string, label: string) => (
    <label key={value || '-'} className="flex min-h-11 items-center gap-3 text-lg">
      <input
        type="radio"
        form={NO_FORM_ID}
        name={GROUP_INPUT_NAME}
        value={value}
        checked={answers.group === value}
        onChange={() => onChange({ ...answers, group: value })}
        className="size-5 shrink-0"
      />
      <span dir="auto">{label}</span>
    </label>
  );
  const firstTimeRadio = (value: Answers['firstTime'], label: string) => (
    <label key={value || '-'} className="flex min-h-11 items-center gap-3 text-lg">
      <input
        type="radio"
        form={NO_FORM_ID}
        name={FIRST_TIME_INPUT_NAME}
        value={value}
        checked={answers.firstTime === value}
        onChange={() => onChange({ ...answers, firstTime: value })}
        className="size-5 shrink-0"
      />
      {label}
    </label>
  );
  return (
    <>
      {groups.length > 0 && (
        <fieldset className="group-data-[joining]:hidden">
          <legend className="text-lg font-semibold">
            {t('hereAs')} <span className="font-normal">{t('optional')}</span>
          </legend>
          {groups.map((g) => radio(g, g))}
          {radio('', t('ratherNotSay'))}
        </fieldset>
      )}
      {facts.askFirstTime && (
        <fieldset className="group-data-[joining]:hidden">
          <legend className="text-lg font-semibold">
            {t('firstTime')} <span className="font-normal">{t('optional')}</span>
          </legend>
          <p className="text-stone-600">{t('firstTimeHelp')}</p>
          {firstTimeRadio('yes', t('firstTimeYes'))}
          {firstTimeRadio('no', t('firstTimeNo'))}
          {firstTimeRadio('', t('ratherNotSay'))}
        </fieldset>
      )}
      {facts.askNeeds && (
        <fieldset className="group-data-[joining]:hidden">
          <legend className="text-lg font-semibold">
            {t('needs')} <span className="font-normal">{t('optional')}</span>
          </legend>
          <p className="text-stone-600">{t('needsHelp')}</p>
          {NEEDS.map((need) => (
            <label key={need} className="flex min-h-11 items-center gap-3 text-lg">
              <input
                type="checkbox"
                form={NO_FORM_ID}
                name={NEEDS_INPUT_NAME}
                value={need}
                checked={answers.needs.includes(need)}
                onChange={(e) =>
                  onChange({
                    ...answers,
                    needs: e.target.checked
                      ? NEEDS.filter((n) => n === need || answers.needs.includes(n))
                      : answers.needs.filter((n) => n !== need),
                  })
                }
                className="size-5 shrink-0"
              />
              {t(`need.${need}`)}
            </label>
          ))}
          <label htmlFor={NEEDS_OTHER_ID} className="mt-2 block font-medium">
            {t('needsOther')}
          </label>
          <input
            id={NEEDS_OTHER_ID}
            form={NO_FORM_ID}
            value={answers.needsOther}
            maxLength={LIMITS.needsOther}
            dir="auto"
            onChange={(e) => {
              const needsOther = e.target.value;
              // Saying what else would help ticks "Something else".
              const needs: Need[] =
                needsOther.trim() && !answers.needs.includes('other')
                  ? [...answers.needs, 'other']
                  : answers.needs;
              onChange({ ...answers, needsOther, needs });
            }}
            className="mt-1 block min-h-12 w-full rounded-lg border-2 border-stone-400 px-3 text-lg"
          />
        </fieldset>
      )}
    </>
  );
}

/**
 * The answers as the join message carries them: what was given, nothing else, and the language
 * the page shows (counted by the server, never kept beside the person).
 */
export function aboutOf(
  a: Answers,
  language: Locale | null,
): { group?: string; needs?: Need[]; needsOther?: string; firstTime?: boolean; language?: Locale } {
  const other = a.needsOther.trim();
  return {
    ...(a.group ? { group: a.group } : {}),
    ...(a.needs.length > 0 ? { needs: a.needs } : {}),
    ...(other && a.needs.includes('other') ? { needsOther: other } : {}),
    ...(a.firstTime ? { firstTime: a.firstTime === 'yes' } : {}),
    ...(language ? { language } : {}),
  };
}
