/**
 * The ports the services and app parts need from the desktop, owned here and implemented by
 * platform/ (Electron and D-Bus adapters) and by the recording fakes (tests, the preview).
 */
export type * from './calendar-parser';
export type * from './desktop';
export type * from './desktop-probes';
export type * from './file-dialogs';
export type * from './file-watch';
export type * from './shortcut-offer';
export * from './dnd';
