import type { ChannelInput, ChannelOutput } from '../../src-main/ipc/contract';

/**
 * The renderer's names for the shapes that cross IPC, derived from the contract so they cannot
 * drift. (The renderer may import only the contract, and only its types.)
 */
export type Status = ChannelOutput<'app:status'>;
export type Settings = ChannelOutput<'settings:get'>;
export type SettingKey = keyof Settings;
/** `{ key, value }` for one setting, exactly what `keel.settings.set` accepts. */
export type SettingUpdate = ChannelInput<'settings:set'>;
export type AgendaEvent = ChannelOutput<'agenda:list'>[number];
export type Weekday = Status['today']['weekday'];
export type WorkingHours = Settings['workingHours'];
export type TimeRange = NonNullable<WorkingHours[Weekday]>;
export type FocusRule = Settings['focusPlan'][number];
export type Theme = Settings['theme'];
export type FocusPause = Settings['focusPauses'][number];
export type DndSettings = Settings['dnd'];
export type FocusStatus = ChannelOutput<'focus:status'>;
export type FocusBlock = FocusStatus['today'][number];
export type RunningBlock = NonNullable<FocusStatus['running']>;
export type FocusStats = ChannelOutput<'focus:stats'>;
export type FocusDayStats = FocusStats['days'][number];
export type FocusStartRequest = ChannelInput<'focus:start'>;
export type InterruptionKind = ChannelInput<'focus:interrupt'>['kind'];
/** The imported calendar file (its name only), as `keel.calendar.*` answers. */
export type CalendarStatus = ChannelOutput<'calendar:status'>;
/** What Keel can do about do-not-disturb on this desktop, and whether it is on now. */
export type DndStatus = ChannelOutput<'dnd:status'>;
/** `keel.focus.exportIcs`: saved or cancelled, and the file's name (not its folder). */
export type ExportResult = ChannelOutput<'focus:exportIcs'>;
