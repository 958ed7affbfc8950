/**
 * The access needs a person may tick when joining ("Anything that would help you take part?"), in
 * the order screens list them. A module of its own, free of the validation library, so the join
 * screen (which a phone on a weak signal waits for first) can list them.
 */
export const NEEDS = ['large_print', 'step_free', 'interpreter', 'quiet_space', 'other'] as const;
export type Need = (typeof NEEDS)[number];
