import type { ViewName } from '../../../src-main/shared/views';
import { ADHOC_MINUTES } from '../../../src-main/shared/vocabulary';
import type { FocusStartRequest, FocusStatus, SignoffStatus } from '../../api/types';
import type { MessageId } from '../../../src-main/shared/i18n/catalog';
import { windowMessage } from '../../i18n/window-locale';
import { VIEW_MESSAGES, VIEW_ORDER } from '../views';

export const PALETTE_GROUPS = ['Actions', 'Go to', 'Settings'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

/** Each group's name as shown, in the window's language. */
export const PALETTE_GROUP_MESSAGES = {
  Actions: 'app.palette.group.actions',
  'Go to': 'app.palette.group.go',
  Settings: 'app.palette.group.settings',
} as const satisfies Record<PaletteGroup, MessageId>;

type SettingKey =
  | 'appearance'
  | 'time-zone'
  | 'working-hours'
  | 'holidays'
  | 'signoff'
  | 'focus'
  | 'checkins'
  | 'startup'
  | 'notifications'
  | 'data'
  | 'computer'
  | 'welcome'
  | 'planned'
  | 'about';

/** The English words a command is found by, and the same words in the window's language. */
function words(english: string, id: MessageId): string {
  return `${english} ${windowMessage(id)}`;
}

/** What running a command does; carried out by runPaletteAction through the views' own stores. */
export type PaletteAction =
  | { type: 'start'; request: FocusStartRequest }
  | { type: 'stop' }
  | { type: 'interrupt' }
  | { type: 'quick-check' }
  /** `text` null: open One-on-one on the new-talking-point field. */
  | { type: 'talk'; text: string | null }
  | { type: 'signoff' }
  /** One-on-one, on the weekly update card. */
  | { type: 'weekly-update' }
  /** One-on-one's working agreement, on its form. */
  | { type: 'agreement' }
  /** Copies the one-line status for chat (as main says it now; the palette then says what it copied). */
  | { type: 'copy-status' }
  | { type: 'go'; view: ViewName }
  /** A Settings section, found by its card's heading. */
  | { type: 'setting'; title: string };

export interface PaletteCommand {
  id: string;
  group: PaletteGroup;
  label: string;
  /** More words it is found by (never shown). */
  keywords: string;
  /** A short line beside the label: a shortcut, or how to use it. */
  hint?: string;
  /** Why it cannot run now, one sentence; null when it can. */
  disabled: string | null;
  action: PaletteAction;
}

/** What the commands depend on; null where it is not known (yet). */
export interface PaletteContext {
  focus: FocusStatus | null;
  /** The focus status is being read (nothing known about a running block yet). */
  focusLoading: boolean;
  signoff: SignoffStatus | null;
  /** "Ctrl" or "⌘". */
  mod: string;
}

/** Settings sections: each card's heading, and words people may look for it by. */
export const SETTINGS_SECTIONS: readonly { title: string; key: SettingKey; keywords: string }[] = [
  { title: 'Appearance', key: 'appearance', keywords: 'theme dark light mode colors colours' },
  { title: 'Time zone', key: 'time-zone', keywords: 'zone city timezone travel' },
  { title: 'Working hours', key: 'working-hours', keywords: 'hours day start end week schedule' },
  { title: 'Holidays & days off', key: 'holidays', keywords: 'holiday vacation leave days off away' },
  { title: 'Sign-off', key: 'signoff', keywords: 'signoff end of day evening wrap up quiet' },
  {
    title: 'Focus',
    key: 'focus',
    keywords: 'focus plan blocks do not disturb dnd calendar pauses heads-up warning',
  },
  {
    title: 'Check-ins',
    key: 'checkins',
    keywords: 'checkin cadence one-on-one 1:1 tags questionnaires burnout who-5',
  },
  { title: 'Startup', key: 'startup', keywords: 'autostart login launch start' },
  { title: 'Notifications', key: 'notifications', keywords: 'notification privacy words hide' },
  { title: 'Your data', key: 'data', keywords: 'data backup restore export import delete erase' },
  { title: 'This computer', key: 'computer', keywords: 'desktop tray shortcut doctor presence' },
  {
    title: 'Welcome steps',
    key: 'welcome',
    keywords: 'welcome first run set up setup onboarding defaults again',
  },
  { title: 'Planned changes', key: 'planned', keywords: 'upcoming changes scheduled' },
  { title: 'About Keel', key: 'about', keywords: 'version about' },
];

function focusCommands(ctx: PaletteContext): PaletteCommand[] {
  const NO_BLOCK = windowMessage('app.palette.why.no-block');
  const BLOCK_RUNS = windowMessage('app.palette.why.block-runs');
  const CHECKING = windowMessage('app.palette.why.checking');
  const running = ctx.focus?.running ?? null;
  const unknown = ctx.focus === null && ctx.focusLoading;
  const startable = unknown ? CHECKING : running !== null ? BLOCK_RUNS : null;
  const during = unknown ? CHECKING : running === null && ctx.focus !== null ? NO_BLOCK : null;
  const starts: PaletteCommand[] = ADHOC_MINUTES.map((minutes) => ({
    id: `start-${minutes}`,
    group: 'Actions',
    label: windowMessage('app.palette.start', { minutes }),
    keywords: `${words('focus block begin timer min minutes', 'app.palette.kw.start')} ${minutes}`,
    disabled: startable,
    action: { type: 'start', request: { minutes } },
  }));
  return [
    ...starts,
    {
      id: 'start-next',
      group: 'Actions',
      label: windowMessage('app.palette.start-next'),
      keywords: words('start focus block begin until next', 'app.palette.kw.start-next'),
      disabled: startable,
      action: { type: 'start', request: { until: 'next' } },
    },
    {
      id: 'interrupt',
      group: 'Actions',
      label: windowMessage('app.palette.interrupt'),
      keywords: words('interruption focus block meeting chat incident', 'app.palette.kw.interrupt'),
      disabled: during,
      action: { type: 'interrupt' },
    },
    {
      id: 'stop',
      group: 'Actions',
      label: windowMessage('app.palette.stop'),
      keywords: words('stop finish focus block', 'app.palette.kw.stop'),
      disabled: during,
      action: { type: 'stop' },
    },
  ];
}

function otherActions(ctx: PaletteContext, talkText: string | null): PaletteCommand[] {
  const talk: PaletteCommand =
    talkText === null || talkText === ''
      ? {
          id: 'talk',
          group: 'Actions',
          label: windowMessage('app.palette.talk'),
          keywords: words('talk one-on-one 1:1 agenda note manager', 'app.palette.kw.talk'),
          hint: windowMessage('app.palette.talk-hint'),
          disabled: null,
          action: { type: 'talk', text: null },
        }
      : {
          id: 'talk',
          group: 'Actions',
          label: windowMessage('app.palette.talk-text', { text: talkText }),
          keywords: '',
          disabled: null,
          action: { type: 'talk', text: talkText },
        };
  return [
    {
      id: 'quick-check',
      group: 'Actions',
      label: windowMessage('app.palette.quick-check'),
      keywords: words('check-in checkin workload energy stretched mood', 'app.palette.kw.quick-check'),
      disabled: null,
      action: { type: 'quick-check' },
    },
    talk,
    {
      id: 'copy-status',
      group: 'Actions',
      label: windowMessage('app.palette.copy-status'),
      keywords: words(
        'status slack teams chat available focus working off away agreement',
        'app.palette.kw.copy-status',
      ),
      disabled: null,
      action: { type: 'copy-status' },
    },
    {
      id: 'agreement',
      group: 'Actions',
      label: windowMessage('app.palette.agreement'),
      keywords: words(
        'how to work with me team teammates hours response norms focus blocks ics calendar share',
        'app.palette.kw.agreement',
      ),
      disabled: null,
      action: { type: 'agreement' },
    },
    {
      id: 'signoff',
      group: 'Actions',
      label: windowMessage('app.palette.signoff'),
      keywords: words('signoff end day wrap up done evening', 'app.palette.kw.signoff'),
      disabled: ctx.signoff?.signedOff ? windowMessage('app.palette.why.signed-off') : null,
      action: { type: 'signoff' },
    },
    {
      id: 'weekly-update',
      group: 'Actions',
      label: windowMessage('app.palette.weekly-update'),
      keywords: words(
        'weekly update shipped next blockers team standup async status report',
        'app.palette.kw.weekly-update',
      ),
      disabled: null,
      action: { type: 'weekly-update' },
    },
  ];
}

/** Every command, in the order they are listed (grouped: Actions, Go to, Settings). */
export function paletteCommands(ctx: PaletteContext, talkText: string | null = null): PaletteCommand[] {
  const views: PaletteCommand[] = VIEW_ORDER.map((view, index) => ({
    id: `go-${view}`,
    group: 'Go to',
    label: windowMessage(VIEW_MESSAGES[view]),
    keywords: `${words('go open view show', 'app.palette.kw.go')} ${view}`,
    hint: windowMessage('app.palette.shortcut', { mod: ctx.mod, key: index + 1 }),
    disabled: null,
    action: { type: 'go', view },
  }));
  const settings: PaletteCommand[] = SETTINGS_SECTIONS.map((section) => ({
    id: `setting-${section.title}`,
    group: 'Settings',
    label: windowMessage(`app.palette.setting.${section.key}`),
    keywords: `${words('settings preferences', 'app.palette.kw.settings')} ${words(section.keywords, `app.palette.kw.setting.${section.key}`)}`,
    disabled: null,
    action: { type: 'setting', title: section.title },
  }));
  return [...focusCommands(ctx), ...otherActions(ctx, talkText), ...views, ...settings];
}
