import type { ViewName } from './views';

/** Topics the main side announces when their data changed; the renderer re-reads them. */
export const STATE_TOPICS = [
  'settings',
  'status',
  'agenda',
  'focus',
  'dnd',
  'calendar',
  'signoff',
  'checkin',
  'talk',
  'summary',
  'data',
  // What Keel can see on this desktop (the idle time's verdict).
  'desktop',
] as const;
export type StateTopic = (typeof STATE_TOPICS)[number];

/** Main -> renderer pushes, through the one `keel.onState` subscription. */
export type StateEvent = { type: 'changed'; topics: StateTopic[] } | { type: 'navigate'; view: ViewName };
