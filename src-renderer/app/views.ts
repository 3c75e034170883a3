import type { ViewName } from '../../src-main/shared/views';

/** The window's views in navigation order (the contract's `VIEWS`, restated without a runtime import). */
export const VIEW_ORDER = [
  'today',
  'focus',
  'checks',
  'signoff',
  'one-on-one',
  'settings',
] as const satisfies readonly ViewName[];

/** Compile-time check: every `ViewName` of the contract is in `VIEW_ORDER`. */
type MissingViews = Exclude<ViewName, (typeof VIEW_ORDER)[number]>;
type AssertNever<T extends never> = T;
export type _EveryViewListed = AssertNever<MissingViews>;

export const VIEW_LABELS: Record<ViewName, string> = {
  today: 'Today',
  focus: 'Focus',
  checks: 'Check-ins',
  signoff: 'Sign-off',
  'one-on-one': 'One-on-one',
  settings: 'Settings',
};

export function isViewName(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEW_ORDER as readonly string[]).includes(value);
}
