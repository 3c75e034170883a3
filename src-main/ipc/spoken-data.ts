/**
 * Main's English sentences that travel as data, not as refusals, said in the window's language at
 * the door: a native dialog's title and file kinds, why the calendar file could not be read, what
 * to do about do-not-disturb on this desktop, the shortcut offer, what a desktop probe found, why
 * idle time is not trusted. Each is found among main's translations as a
 * refusal is (refusals.ts); the CLI words them itself (cli/speech.ts `say`).
 */
import type { CalendarStatus, DndStatus, IdleTrust } from '../shared/dto';
import type { DesktopReport } from '../shared/desktop-probes';
import type { ShortcutOffer } from '../shared/shortcut-offer';
import type { FileDialogPort } from '../services/ports';

export type Say = (english: string) => string;

/**
 * The dialogs, their titles and file kinds said in the window's language; every other call goes
 * to the shell as it is (a class's methods too, so it is wrapped, not copied).
 */
export function speakDialogs<S extends FileDialogPort>(shell: S, say: Say): S {
  const filters = (list: { name: string; extensions: string[] }[]) =>
    list.map((filter) => ({ ...filter, name: say(filter.name) }));
  const spoken: Pick<FileDialogPort, 'saveFile' | 'chooseFile'> = {
    saveFile: (options) => shell.saveFile({ ...options, filters: filters(options.filters) }),
    chooseFile: (options) =>
      shell.chooseFile({ ...options, title: say(options.title), filters: filters(options.filters) }),
  };
  return new Proxy(shell, {
    get(target, key, receiver) {
      if (key === 'saveFile' || key === 'chooseFile') return spoken[key];
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The calendar's status with its read error in the window's language. */
export function spokenCalendar(status: CalendarStatus, say: Say): CalendarStatus {
  return status.error === null ? status : { ...status, error: say(status.error) };
}

/** Do-not-disturb's help (what to do instead on this desktop) in the window's language. */
export function spokenDnd(status: DndStatus, say: Say): DndStatus {
  return status.help === null ? status : { ...status, help: say(status.help) };
}

/** Why idle time cannot be trusted on this desktop, when it cannot, in the window's language. */
export function spokenTrust(trust: IdleTrust, say: Say): IdleTrust {
  return trust.notice === null ? trust : { ...trust, notice: say(trust.notice) };
}

/** The shortcut offer's steps and what the last answer did, in the window's language. */
export function spokenOffer(offer: ShortcutOffer, say: Say): ShortcutOffer {
  return {
    ...offer,
    steps: offer.steps === '' ? '' : say(offer.steps),
    ...(offer.said ? { said: { ...offer.said, text: say(offer.said.text) } } : {}),
  };
}

/**
 * What each desktop probe found and what to do, in the window's language; the report copied for a
 * bug report stays the English one (handlers.ts keeps it).
 */
export function spokenReport(report: DesktopReport, say: Say): DesktopReport {
  return {
    ...report,
    probes: report.probes.map((probe) => ({
      ...probe,
      detail: say(probe.detail),
      ...(probe.action === undefined ? {} : { action: say(probe.action) }),
    })),
  };
}
