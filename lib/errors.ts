/** Errors returned to clients: a stable code a program can branch on, and a sentence a person can read. */
export type ErrorCode =
  | 'invalid_message'
  | 'unknown_action'
  | 'not_allowed'
  | 'not_found'
  | 'wrong_state'
  | 'rate_limited'
  | 'unknown_event'
  /** Pushed to the screens of an event its organiser has just deleted. */
  | 'event_deleted'
  | 'bad_token'
  | 'not_joined'
  | 'server_error';

export interface ActionError {
  code: ErrorCode;
  message: string;
  /** For invalid_message: which fields were wrong and why. */
  issues?: { path: string; message: string }[];
}

export const fail = (code: ErrorCode, message: string): { ok: false; error: ActionError } => ({
  ok: false,
  error: { code, message },
});
