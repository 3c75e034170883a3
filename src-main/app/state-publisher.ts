import { STATE_TOPICS, type StateEvent, type StateTopic } from '../shared/state';
import type { Services } from '../services';

/**
 * What the window must re-read after each thing that changes: the one table from a service's
 * change (or an app part's) to the state topics pushed.
 */
export const TOPICS_AFTER = {
  // Working hours and the focus plan are settings: the plan, the status and the agenda follow.
  settings: ['settings', 'focus', 'status', 'agenda'],
  focus: ['focus', 'status', 'agenda'],
  signoff: ['signoff', 'status', 'agenda'],
  // A check or a prompt's snooze changes what the agenda plans.
  checkin: ['checkin', 'agenda', 'status'],
  summary: ['talk', 'summary'],
  // The summary's preview lists the open talking points: both change.
  talkingPoints: ['talk', 'summary'],
  // The weekly update lives beside the summary (its edits, its offer, the shared log).
  weeklyUpdate: ['summary'],
  calendar: ['calendar', 'focus'],
  // A restore, an import or "delete all my data" replaced everything under the running app.
  replaced: STATE_TOPICS,
  // Working hours began or ended: the status line and the sign-off view.
  workday: ['status', 'signoff'],
  // A new backup copy: an open Settings view lists it.
  backup: ['data'],
  dnd: ['dnd'],
  // The idle time's verdict flipped: Settings' notice and This computer look again.
  desktop: ['desktop'],
} as const satisfies Record<string, readonly StateTopic[]>;

export type StateSource = keyof typeof TOPICS_AFTER;

/** Pushes state events to the window (Electron IPC or the preview's event stream). */
export class StatePublisher {
  constructor(private readonly push: (event: StateEvent) => void) {}

  publish(source: StateSource): void {
    this.push({ type: 'changed', topics: [...TOPICS_AFTER[source]] });
  }

  /** Publishes after every service change event; returns the functions that stop it. */
  follow(
    services: Pick<
      Services,
      | 'settings'
      | 'focus'
      | 'signoff'
      | 'checkin'
      | 'talkingPoints'
      | 'summary'
      | 'weeklyUpdate'
      | 'calendar'
      | 'data'
    >,
  ): (() => void)[] {
    return [
      services.settings.onDidChange.on(() => this.publish('settings')),
      services.focus.onDidChange.on(() => this.publish('focus')),
      services.signoff.onDidChange.on(() => this.publish('signoff')),
      services.checkin.onDidChange.on(() => this.publish('checkin')),
      services.summary.onDidChange.on(() => this.publish('summary')),
      services.talkingPoints.onDidChange.on(() => this.publish('talkingPoints')),
      services.weeklyUpdate.onDidChange.on(() => this.publish('weeklyUpdate')),
      services.calendar.onDidChange.on(() => this.publish('calendar')),
      services.data.onReplaced.on(() => this.publish('replaced')),
    ];
  }
}
