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
