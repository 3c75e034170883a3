/**
 * Focus words and choices the window shows as values (through src-main/shared/), apart from
 * core/focus.ts's session rules.
 */

export const INTERRUPTION_KINDS = ['meeting', 'chat', 'incident', 'other'] as const;
export type InterruptionKind = (typeof INTERRUPTION_KINDS)[number];

export const INTERRUPTION_KIND_LABELS: Readonly<Record<InterruptionKind, string>> = {
  meeting: 'Meeting',
  chat: 'Chat',
  incident: 'Incident',
  other: 'Other',
};

/** Lengths offered for a block started now. */
export const ADHOC_MINUTES = [25, 50, 90] as const;
