/** The window's views, in navigation order. */
export const VIEWS = ['today', 'focus', 'checkin', 'signoff', 'one-on-one', 'settings'] as const;
export type ViewName = (typeof VIEWS)[number];
