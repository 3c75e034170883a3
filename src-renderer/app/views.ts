import { VIEWS, type ViewName } from '../../src-main/shared/views';

/** The window's views in navigation order: shared/views.ts's one list. */
export const VIEW_ORDER = VIEWS;

export const VIEW_LABELS: Record<ViewName, string> = {
  today: 'Today',
  focus: 'Focus',
  checkin: 'Check-ins',
  signoff: 'Sign-off',
  'one-on-one': 'One-on-one',
  settings: 'Settings',
};

export function isViewName(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEW_ORDER as readonly string[]).includes(value);
}
