import type { SessionBus } from '../../../src-main/platform/dbus/session-bus';
import type { PrivateBus } from './private-bus';

const NAME = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';

/** What one Notify call carried, decoded. */
export interface Received {
  id: number;
  appName: string;
  replacesId: number;
  icon: string;
  summary: string;
  body: string;
  /** The action list as sent: key, label, key, label… */
  actions: string[];
  hints: Record<string, unknown>;
  expireTimeout: number;
}

/** A variant arrives at an exported method as `[signature tree, [value]]`. */
function hintsOf(raw: unknown): Record<string, unknown> {
  const hints: Record<string, unknown> = {};
  for (const entry of Array.isArray(raw) ? raw : []) {
    const [key, variant] = entry as [string, [unknown, unknown[]]];
    hints[key] = variant[1][0];
  }
  return hints;
}

/**
 * A notification server on a private bus, exported with the D-Bus library itself, as GNOME Shell
 * (with "actions") or a server without buttons (without) would serve it. It records each Notify
 * and CloseNotification, and a test plays the user with `invoke` and `dismiss`.
 */
export class FakeNotificationServer {
  readonly notified: Received[] = [];
  /** GetServerInformation's answer: name, vendor, version, spec version. */
  information: [string, string, string, string] = ['fake', 'Keel tests', '1', '1.2'];
  readonly closed: number[] = [];
  /** Makes every Notify fail, as a server in trouble would. */
  failing = false;
  /** GetCapabilities answers once this settles (a server slow to start); a test may hold it. */
  capabilitiesAnswer: Promise<void> = Promise.resolve();
  private nextId = 1;
  private connection!: SessionBus;

  private constructor(private readonly capabilities: string[]) {}

  static async start(bus: PrivateBus, capabilities: string[]): Promise<FakeNotificationServer> {
    const server = new FakeNotificationServer(capabilities);
    server.connection = bus.connect();
    server.connection.exportObject(
      PATH,
      {
        name: NAME,
        methods: {
          GetCapabilities: ['', 'as'],
          Notify: ['susssasa{sv}i', 'u'],
          CloseNotification: ['u', ''],
          GetServerInformation: ['', 'ssss'],
        },
        signals: { ActionInvoked: ['us'], NotificationClosed: ['uu'] },
      },
      server.implementation(),
    );
    if ((await server.connection.requestName(NAME, 0)) !== 1) throw new Error('name taken');
    return server;
  }

  last(): Received | undefined {
    return this.notified.at(-1);
  }

  /** The user clicks a button (or, with 'default', the notification's body). */
  invoke(id: number, key: string): void {
    this.connection.emitSignal(PATH, NAME, 'ActionInvoked', 'us', [id, key]);
  }

  /** The notification goes away: 1 expired, 2 dismissed by the user, 3 CloseNotification. */
  dismiss(id: number, reason = 2): void {
    this.connection.emitSignal(PATH, NAME, 'NotificationClosed', 'uu', [id, reason]);
  }

  private implementation(): object {
    return {
      GetCapabilities: async () => {
        await this.capabilitiesAnswer;
        return this.capabilities;
      },
      GetServerInformation: () => this.information,
      Notify: (...args: unknown[]) => {
        if (this.failing) throw new Error('not now');
        const [appName, replacesId, icon, summary, body, actions, hints, expireTimeout] = args as [
          string,
          number,
          string,
          string,
          string,
          string[],
          unknown,
          number,
        ];
        const id = replacesId > 0 ? replacesId : this.nextId++;
        this.notified.push({
          id,
          appName,
          replacesId,
          icon,
          summary,
          body,
          actions,
          hints: hintsOf(hints),
          expireTimeout,
        });
        return id;
      },
      CloseNotification: (id: number) => {
        this.closed.push(id);
        this.dismiss(id, 3);
      },
    };
  }
}
