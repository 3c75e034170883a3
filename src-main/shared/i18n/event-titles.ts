/**
 * The titles of Keel's own agenda events in the user's words, by kind (main names them in English:
 * "Focus block", "Sign-off", "Quick check"). One map for the window, the tray and the CLI; an event
 * of another kind keeps the title it came with.
 */
import type { MessageId } from './catalog';

const EVENT_TITLES: Readonly<Record<string, MessageId>> = {
  focus: 'app.event.title.focus',
  signoff: 'app.event.title.signoff',
  check: 'app.event.title.check',
  rules: 'app.event.title.rules',
};

/** An agenda event's title in `t`'s language. */
export function eventTitleIn(t: (id: MessageId) => string, event: { kind: string; title: string }): string {
  const id = Object.prototype.hasOwnProperty.call(EVENT_TITLES, event.kind)
    ? EVENT_TITLES[event.kind]
    : undefined;
  return id ? t(id) : event.title;
}
