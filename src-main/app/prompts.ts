/**
 * Every notification Keel shows, by a typed id, and one route table from (id kind, button) to
 * what happens. Prompts that come due during a focus block or a quiet evening are held here and
 * delivered when both are over.
 */
import type { Clock } from '../core/clock';
import type { ViewName } from '../shared/views';
import type { Services } from '../services';
import type { KeelNotification, NotifierPort, ShellPort } from '../services/ports';
import type { MessageId } from '../shared/i18n/catalog';
import { englishSpeech, type Speech } from './speech';
import { sayRefusal } from '../ipc/refusals';

/** Problems told in a notification whose click opens where to look (see `ROUTES.notice`). */
export type NoticeTopic = 'recovery' | 'backup' | 'dnd' | 'autostart' | 'tray' | 'desktop';

/** What a notification is about: decides its click and its buttons. */
export type PromptId =
  | { kind: 'focus-warning'; occurrenceId: string }
  | { kind: 'focus-start'; sessionId: number }
  | { kind: 'focus-end'; sessionId: number }
  | { kind: 'check-prompt'; eventId: string }
  | { kind: 'signoff'; workday: string; reminder: number }
  | { kind: 'notice'; topic: NoticeTopic; at: number };

export type PromptKind = PromptId['kind'];
type IdOf<K extends PromptKind> = Extract<PromptId, { kind: K }>;

/** A notification to show: its buttons and the view its click opens come from its route. */
export interface Prompt {
  id: PromptId;
  title: string;
  body: string;
  /**
   * The body without the user's own words, shown when they are hidden (notification-words.ts);
   * given exactly when `body` quotes something the user wrote.
   */
  withoutWords?: string;
}

/** Notices whose sentence may quote the user's words (a Shortcut's name), said without them. */
const NOTICES_WITHOUT_WORDS: Partial<Record<NoticeTopic, MessageId>> = {
  dnd: 'notify.notice.dndWithoutWords',
};

type RouteDeps = Pick<PromptsDeps, 'services' | 'shell'>;

interface Button<I> {
  id: string;
  /** Its label's message, said in the user's language when the notification is shown. */
  label: MessageId;
  run(id: I, deps: RouteDeps): void;
}

interface Route<I> {
  /** The view a click on the notification's body opens. */
  view: ViewName | ((id: I) => ViewName);
  /** Buttons, in the order shown (where the desktop shows them: macOS, Windows). */
  buttons?: Button<I>[];
}

/**
 * A button whose answer cannot be saved, or whose block passed or was skipped meanwhile: nothing
 * to do and no harm done (a prompt stays unanswered; the sign-off policy asks at its next look).
 */
function attempt(action: () => void): void {
  try {
    action();
  } catch {
    // See above: a stale or unsaved answer is dropped on purpose.
  }
}

const ROUTES: { [K in PromptKind]: Route<IdOf<K>> } = {
  'focus-warning': {
    view: 'focus',
    buttons: [
      {
        id: 'skip',
        label: 'notify.button.skipThisOne',
        run: (id, d) => attempt(() => d.services.focus.skip(id.occurrenceId)),
      },
      {
        id: 'start',
        label: 'notify.button.startNow',
        run: (id, d) => attempt(() => d.services.focus.startPlanned(id.occurrenceId)),
      },
    ],
  },
  'focus-start': { view: 'focus' },
  'focus-end': { view: 'focus' },
  'check-prompt': {
    view: 'checkin',
    buttons: [
      { id: 'open', label: 'notify.button.checkIn', run: (_id, d) => d.shell.showWindow('checkin') },
      {
        id: 'snooze',
        label: 'notify.button.inAnHour',
        run: (id, d) => attempt(() => d.services.checkin.answerPrompt(id.eventId, 'snooze')),
      },
      {
        id: 'skip',
        label: 'notify.button.skip',
        run: (id, d) => attempt(() => d.services.checkin.answerPrompt(id.eventId, 'skip')),
      },
    ],
  },
  signoff: {
    view: 'signoff',
    buttons: [
      { id: 'sign-off', label: 'notify.button.signOff', run: (_id, d) => d.shell.showWindow('signoff') },
      {
        id: 'snooze',
        label: 'notify.button.snoozeSignoff',
        run: (_id, d) => attempt(() => d.services.signoff.respond('snooze')),
      },
      {
        id: 'not-today',
        label: 'notify.button.notToday',
        run: (_id, d) => attempt(() => d.services.signoff.respond('not-today')),
      },
    ],
  },
  // A tray command that could not be done is about focus; every other problem is in Settings.
  notice: { view: (id) => (id.topic === 'tray' ? 'focus' : 'settings') },
};

function routeOf<K extends PromptKind>(id: IdOf<K>): Route<IdOf<K>> {
  return ROUTES[id.kind as K] as Route<IdOf<K>>;
}

function viewOf<K extends PromptKind>(id: IdOf<K>): ViewName {
  const { view } = routeOf(id);
  return typeof view === 'function' ? view(id) : view;
}

/**
 * The notifier's id for a prompt: stable for the same thing (an agenda moment's own id, so a
 * moment is one notification), and the same id again replaces a notification on the desktop.
 */
export function promptKey(id: PromptId): string {
  switch (id.kind) {
    case 'focus-warning':
      return `${id.occurrenceId}#warn`;
    case 'check-prompt':
      return `${id.eventId}#start`;
    case 'focus-start':
    case 'focus-end':
      return `${id.kind}:${id.sessionId}`;
    case 'signoff':
      return `signoff:${id.workday}#${id.reminder}`;
    case 'notice':
      return `${id.topic}:${id.at}`;
  }
}

/** Only recent notifications can still be clicked (the Electron notifier keeps 32). */
const REMEMBERED = 50;

export interface PromptsDeps {
  notifier: NotifierPort;
  shell: Pick<ShellPort, 'showWindow'>;
  services: Pick<Services, 'focus' | 'checkin' | 'signoff'>;
  clock: Clock;
  /** A focus block runs or a quiet evening is on: prompts wait (`offer`). */
  quietTime(): boolean;
  /** The user's words are hidden from notifications now (default: never). */
  hideWords?(): boolean;
  /** The language notifications speak (default: English, as the OS would have it). */
  speech?: () => Speech;
}

/** The check prompt's body, by the questionnaires due with it. */
const CHECK_BODIES: Record<string, MessageId> = {
  '': 'notify.check.body',
  who5: 'notify.check.bodyWho5',
  burnout: 'notify.check.bodyBurnout',
  'burnout,who5': 'notify.check.bodyBoth',
};

export class Prompts {
  /** Which prompt each recent notification was, so a click or a button can be routed back. */
  private readonly shown = new Map<string, PromptId>();
  /** Prompts that came due in quiet time; delivered when it is over. */
  private readonly held: Prompt[] = [];
  /** Notifications on the desktop that show the user's words, to withdraw when the screen locks. */
  private readonly worded = new Set<string>();

  constructor(private readonly deps: PromptsDeps) {}

  /** The language notifications speak now (Settings → Language, else the OS's). */
  speech(): Speech {
    return (this.deps.speech ?? englishSpeech)();
  }

  /** Listens to the notifier's clicks and buttons; returns the function that stops listening. */
  start(): () => void {
    return this.deps.notifier.onAction((key, action) => this.act(key, action));
  }

  /** Shows a prompt now. */
  show(prompt: Prompt): void {
    const key = promptKey(prompt.id);
    this.shown.delete(key);
    this.shown.set(key, prompt.id);
    if (this.shown.size > REMEMBERED) {
      const oldest = this.shown.keys().next().value;
      if (oldest !== undefined) this.shown.delete(oldest);
    }
    const buttons = routeOf(prompt.id).buttons;
    const hide = prompt.withoutWords !== undefined && (this.deps.hideWords?.() ?? false);
    this.worded.delete(key);
    if (prompt.withoutWords !== undefined && !hide) this.worded.add(key);
    if (this.worded.size > REMEMBERED) this.worded.delete(this.worded.values().next().value ?? '');
    const notification: KeelNotification = {
      id: key,
      title: prompt.title,
      body: hide ? (prompt.withoutWords ?? '') : prompt.body,
      ...(buttons
        ? { actions: buttons.map(({ id, label }) => ({ id, label: this.speech().t(label) })) }
        : {}),
      view: viewOf(prompt.id),
    };
    this.deps.notifier.show(notification);
  }

  /** Shows a prompt, or holds it while a focus block runs or a quiet evening is on. */
  offer(prompt: Prompt): void {
    if (this.quietTime()) this.held.push(prompt);
    else this.show(prompt);
  }

  /** Delivers the held prompts, once neither a block nor a quiet evening holds them. */
  releaseHeld(): void {
    if (this.quietTime()) return;
    for (const prompt of this.held.splice(0)) this.show(prompt);
  }

  quietTime(): boolean {
    return this.deps.quietTime();
  }

  /**
   * The screen locked: notifications already on the desktop that show the user's words are taken
   * back (they would otherwise wait on the lock screen), if the words are hidden now.
   */
  withdrawWords(): void {
    if (!(this.deps.hideWords?.() ?? false)) return;
    for (const key of this.worded) this.deps.notifier.withdraw?.(key);
    this.worded.clear();
  }

  /** A problem, said once in plain words; `at` tells apart notices on the same topic. */
  notice(topic: NoticeTopic, title: string, body: string, at = this.deps.clock.now()): void {
    const speech = this.speech();
    const withoutWordsId = NOTICES_WITHOUT_WORDS[topic];
    const withoutWords = withoutWordsId && speech.t(withoutWordsId);
    // A sentence a service wrote in English (a problem, a refusal) in the notification's language.
    const say = (english: string) => sayRefusal(speech, english) ?? english;
    this.show({
      id: { kind: 'notice', topic, at },
      title: say(title),
      body: say(body),
      ...(withoutWords ? { withoutWords } : {}),
    });
  }

  /** The check-in prompt for an agenda event, naming the questionnaires due with it. */
  offerCheckPrompt(eventId: string): void {
    let due: string[];
    try {
      due = this.deps.services.checkin.dueQuestionnaires();
    } catch {
      due = [];
    }
    const { t } = this.speech();
    const body = t(CHECK_BODIES[[...new Set(due)].sort().join(',')] ?? 'notify.check.body');
    this.offer({ id: { kind: 'check-prompt', eventId }, title: t('notify.check.title'), body });
  }

  private act(key: string, action: string): void {
    const id = this.shown.get(key);
    if (action === 'click') return this.deps.shell.showWindow(id ? viewOf(id) : undefined);
    if (!id) return;
    const button = routeOf(id).buttons?.find((b) => b.id === action);
    button?.run(id, this.deps);
  }
}
