import type { MessageId } from '../../src-main/shared/i18n/catalog';
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

/** The views' names in the catalog (the sidebar speaks them; the rest follow in the sweep, #20). */
export const VIEW_MESSAGES = {
  today: 'app.nav.today',
  focus: 'app.nav.focus',
  checkin: 'app.nav.checkin',
  signoff: 'app.nav.signoff',
  'one-on-one': 'app.nav.one-on-one',
  settings: 'app.nav.settings',
} as const satisfies Record<ViewName, MessageId>;

export function isViewName(value: unknown): value is ViewName {
  return typeof value === 'string' && (VIEW_ORDER as readonly string[]).includes(value);
}
