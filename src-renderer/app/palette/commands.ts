import type { ViewName } from '../../../src-main/shared/views';
import { ADHOC_MINUTES } from '../../../src-main/shared/vocabulary';
import type { FocusStartRequest, FocusStatus, SignoffStatus } from '../../api/types';
import { VIEW_LABELS, VIEW_ORDER } from '../views';

export const PALETTE_GROUPS = ['Actions', 'Go to', 'Settings'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

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
export const SETTINGS_SECTIONS: readonly { title: string; keywords: string }[] = [
  { title: 'Appearance', keywords: 'theme dark light mode colours' },
  { title: 'Time zone', keywords: 'zone city timezone travel' },
  { title: 'Working hours', keywords: 'hours day start end week schedule' },
  { title: 'Holidays & days off', keywords: 'holiday vacation leave days off away' },
  { title: 'Sign-off', keywords: 'signoff end of day evening wrap up quiet' },
  { title: 'Focus', keywords: 'focus plan blocks do not disturb dnd calendar pauses heads-up warning' },
  { title: 'Check-ins', keywords: 'checkin cadence one-on-one 1:1 tags questionnaires burnout who-5' },
  { title: 'Startup', keywords: 'autostart login launch start' },
  { title: 'Notifications', keywords: 'notification privacy words hide' },
  { title: 'Your data', keywords: 'data backup restore export import delete erase' },
  { title: 'This computer', keywords: 'desktop tray shortcut doctor presence' },
  { title: 'Welcome steps', keywords: 'welcome first run set up setup onboarding defaults again' },
  { title: 'Planned changes', keywords: 'upcoming changes scheduled' },
  { title: 'About Keel', keywords: 'version about' },
];

const NO_BLOCK = 'There is no focus block running now.';
const BLOCK_RUNS = 'End the current block first.';
const CHECKING = 'Keel is still checking whether a block is running.';

function focusCommands(ctx: PaletteContext): PaletteCommand[] {
  const running = ctx.focus?.running ?? null;
  const unknown = ctx.focus === null && ctx.focusLoading;
  const startable = unknown ? CHECKING : running !== null ? BLOCK_RUNS : null;
  const during = unknown ? CHECKING : running === null && ctx.focus !== null ? NO_BLOCK : null;
  const starts: PaletteCommand[] = ADHOC_MINUTES.map((minutes) => ({
    id: `start-${minutes}`,
    group: 'Actions',
    label: `Start a ${minutes}-minute block`,
    keywords: `focus block begin timer ${minutes} min minutes`,
    disabled: startable,
    action: { type: 'start', request: { minutes } },
  }));
  return [
    ...starts,
    {
      id: 'start-next',
      group: 'Actions',
      label: 'Focus until the next meeting or block',
      keywords: 'start focus block begin until next',
      disabled: startable,
      action: { type: 'start', request: { until: 'next' } },
    },
    {
      id: 'interrupt',
      group: 'Actions',
      label: 'I got interrupted',
      keywords: 'interruption focus block meeting chat incident',
      disabled: during,
      action: { type: 'interrupt' },
    },
    {
      id: 'stop',
      group: 'Actions',
      label: 'End the current block',
      keywords: 'stop finish focus block',
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
          label: 'Add a talking point',
          keywords: 'talk one-on-one 1:1 agenda note manager',
          hint: 'Or type talk: and the point',
          disabled: null,
          action: { type: 'talk', text: null },
        }
      : {
          id: 'talk',
          group: 'Actions',
          label: `Add talking point: “${talkText}”`,
          keywords: '',
          disabled: null,
          action: { type: 'talk', text: talkText },
        };
  return [
    {
      id: 'quick-check',
      group: 'Actions',
      label: 'Do a quick check',
      keywords: 'check-in checkin workload energy stretched mood',
      disabled: null,
      action: { type: 'quick-check' },
    },
    talk,
    {
      id: 'copy-status',
      group: 'Actions',
      label: 'Copy status for chat',
      keywords: 'status slack teams chat available focus working off away agreement',
      disabled: null,
      action: { type: 'copy-status' },
    },
    {
      id: 'agreement',
      group: 'Actions',
      label: 'Working agreement',
      keywords: 'how to work with me team teammates hours response norms focus blocks ics calendar share',
      disabled: null,
      action: { type: 'agreement' },
    },
    {
      id: 'signoff',
      group: 'Actions',
      label: 'Sign off for today',
      keywords: 'signoff end day wrap up done evening',
      disabled: ctx.signoff?.signedOff ? 'You have signed off for today already.' : null,
      action: { type: 'signoff' },
    },
    {
      id: 'weekly-update',
      group: 'Actions',
      label: 'Draft this week’s update',
      keywords: 'weekly update shipped next blockers team standup async status report',
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
    label: VIEW_LABELS[view],
    keywords: `go open view show ${view}`,
    hint: `${ctx.mod}+${index + 1}`,
    disabled: null,
    action: { type: 'go', view },
  }));
  const settings: PaletteCommand[] = SETTINGS_SECTIONS.map((section) => ({
    id: `setting-${section.title}`,
    group: 'Settings',
    label: section.title,
    keywords: `settings preferences ${section.keywords}`,
    disabled: null,
    action: { type: 'setting', title: section.title },
  }));
  return [...focusCommands(ctx), ...otherActions(ctx, talkText), ...views, ...settings];
}
