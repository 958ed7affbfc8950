'use client';
/**
 * Refusals in the reader's language. The server explains each refusal in one English sentence;
 * English screens show that sentence as it is. Other languages say what did not go through (from
 * the action) and why (from the refusal's code), in words from their own catalogue.
 */
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { ErrorCode } from '../../lib/errors';
import { useLocaleChoice } from './PersonalIntl';

type Failed =
  | 'note_post'
  | 'note_edit'
  | 'note_withdraw'
  | 'note_transcribe'
  | 'host_volunteer'
  | 'participant_leave'
  | 'session_propose'
  | 'session_edit'
  | 'session_interest'
  | 'presence_here'
  | 'session_report'
  | 'session_handover'
  | 'vote'
  | 'action_signup'
  | 'action_propose'
  | 'action_edit'
  | 'evaluation_answer'
  | 'other';

const FAILED: Record<string, Failed> = {
  'note.post': 'note_post',
  'note.edit': 'note_edit',
  'note.withdraw': 'note_withdraw',
  'note.transcribe': 'note_transcribe',
  'host.volunteer': 'host_volunteer',
  'participant.leave': 'participant_leave',
  'session.propose': 'session_propose',
  'session.edit': 'session_edit',
  'session.interest': 'session_interest',
  'presence.here': 'presence_here',
  'session.report': 'session_report',
  'session.handover': 'session_handover',
  'vote.cast': 'vote',
  'vote.remove': 'vote',
  'harvest.vote': 'vote',
  'action.signup': 'action_signup',
  'action.propose': 'action_propose',
  'action.edit': 'action_edit',
  'evaluation.answer': 'evaluation_answer',
};

export interface Refusal {
  code?: ErrorCode;
  message: string;
  /** The action that was refused, e.g. `note.post`. */
  action?: string;
}

/** A refusal as a sentence in the reader's language. */
export function useRefusalText(): (refusal: Refusal) => string {
  const t = useTranslations();
  const locale = useLocaleChoice()?.locale ?? 'en';
  return useCallback(
    ({ code, message, action }: Refusal) => {
      if (locale === 'en' || !code) return message;
      const why = t(`errors.${code}`);
      if (action === undefined) return why;
      const what = Object.hasOwn(FAILED, action) ? FAILED[action] : undefined;
      return `${t(`failed.${what ?? 'other'}`)} ${why}`;
    },
    [t, locale],
  );
}
