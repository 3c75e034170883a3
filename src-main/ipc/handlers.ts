import { startOfLocalDate, addLocalDays } from '../core/time';
import { KeelError } from '../core/errors';
import { ruleHistory } from '../core/rule-history';
import { desktopReportJson, type DesktopReport } from '../shared/desktop-probes';
import type { DesktopProbesPort, FileDialogPort, ShellPort, ShortcutOfferPort } from '../services/ports';
import type { Services } from '../services';
import { toEventDto } from '../services/status-service';
import { sayRefusal, speakRefusals, type RefusalSpeech } from './refusals';
import { speakDialogs, spokenCalendar, spokenDnd, spokenReport, spokenTrust, type Say } from './spoken-data';
import type { Channel, ChannelOutput, ParsedInput } from './contract';
import { agreementHandlers } from './agreement-handlers';
import { shortcutOfferHandlers } from './shortcut-offer-handlers';
import { updateHandlers } from './update-handlers';

/** Where there is no window to ask in (the CLI), file choices come from arguments instead. */
export const NO_DIALOGS: FileDialogPort = {
  saveFile: () =>
    Promise.reject(
      new KeelError('invalid_input', 'There is no window to ask where to save; name a file instead.'),
    ),
  chooseFile: () =>
    Promise.reject(
      new KeelError('invalid_input', 'There is no window to choose a file in; name a file instead.'),
    ),
  copyText: () =>
    Promise.reject(new KeelError('invalid_input', 'There is no clipboard here; write to a file instead.')),
  copyRich: () =>
    Promise.reject(new KeelError('invalid_input', 'There is no clipboard here; write to a file instead.')),
  printToPdf: () =>
    Promise.reject(new KeelError('invalid_input', 'PDF needs the desktop app; use Markdown or HTML here.')),
};

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** Deletes a check-in and, when asked, purges it from every backup copy too. */
function deleteCheck(services: Services, input: { id: string; purgeBackups?: boolean }) {
  let deleted: string;
  try {
    ({ deleted } = services.checkin.delete(input.id));
  } catch (error) {
    // Deleted earlier without the purge: its copies in the backups can still go, by its full id.
    if (!input.purgeBackups || !(error instanceof KeelError) || error.code !== 'not_found') throw error;
    if (!FULL_ID.test(input.id)) throw error;
    const backups = services.data.purgeFromBackups('checkins', input.id.toLowerCase());
    if (backups.purged === 0 && backups.failed === 0) throw error;
    return { deleted: input.id.toLowerCase(), backups };
  }
  if (!input.purgeBackups) return { deleted };
  return { deleted, backups: services.data.purgeFromBackups('checkins', deleted) };
}

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The dialogs, and in the app quitting too (the CLI and the tests have no window to quit). */
export type HandlerShell = FileDialogPort & Partial<Pick<ShellPort, 'quit'>>;

/** Quits as the tray's Quit does (main's before-quit puts do-not-disturb back first). */
function quit(shell: HandlerShell): { quitting: true } {
  if (!shell.quit) throw new KeelError('invalid_input', 'There is no Keel window here to quit.');
  shell.quit();
  return { quitting: true };
}

/** The handler table: one function per channel, each calling services with validated input. */
export function createHandlers(
  services: Services,
  dialogs: HandlerShell = NO_DIALOGS,
  desktop?: DesktopProbesPort,
  shortcutOffers?: ShortcutOfferPort,
  /** Main's language for refusals (the window's); none for the CLI, which says them itself. */
  speech?: () => RefusalSpeech,
): Handlers {
  // Main's sentences that travel as data (a dialog's title, the calendar's read error) too.
  const say = (english: string) => (speech ? (sayRefusal(speech(), english) ?? english) : english);
  const shell = speech ? speakDialogs(dialogs, say) : dialogs;
  // In the window a refusal is said in its language; the CLI passes none and says them itself.
  return speakRefusals(
    {
      ...dayHandlers(services),
      'app:quit': () => quit(shell),
      'settings:get': () => services.settings.get(),
      'settings:set': ({ key, value, from }) =>
        services.settings.set(key, value, from === undefined ? {} : { from }),
      'settings:changes': () => ruleHistory(services.settings.book().changes(), services.settings.today()),
      'settings:cancelChange': ({ key, from }) => services.settings.cancelChange(key, from),
      'agenda:list': ({ from, to }) => {
        const zone = services.settings.get().zone;
        const start = startOfLocalDate(from, zone);
        const end = startOfLocalDate(addLocalDays(to, 1), zone);
        return services.agenda.between(start, end).map((e) => toEventDto(e, zone));
      },
      'focus:status': () => services.focus.status(),
      'focus:start': (request) => {
        services.focus.startAdhoc(request);
        return services.focus.status();
      },
      'focus:stop': () => {
        services.focus.stop();
        return services.focus.status();
      },
      'focus:interrupt': ({ kind, note }) => {
        services.focus.interrupt(kind, note);
        return services.focus.status();
      },
      'focus:leaveOff': ({ text }) => {
        services.focus.leaveOff(text);
        return services.focus.status();
      },
      'focus:skip': ({ occurrenceId }) => {
        services.focus.skip(occurrenceId);
        return services.focus.status();
      },
      'focus:stats': ({ from, to }) => services.focus.stats(from, to),
      'dnd:status': async () => spokenDnd(await services.dnd.status(), say),
      ...desktopHandlers(shell, desktop, services.data, shortcutOffers, say),
      // The window never names a path: main asks the user with a save or open dialog.
      'focus:exportIcs': ({ locale }) => services.calendar.exportPlan(shell, locale),
      ...calendarHandlers(services, shell, say),
      'signoff:status': () => services.signoff.status(),
      'signoff:submit': (input) => services.signoff.submit(input),
      'signoff:respond': ({ action }) => services.signoff.respond(action),
      'signoff:creep': ({ weeks }) => services.signoff.creep(weeks),
      'checkin:form': () => services.checkin.form(),
      'checkin:add': (input) => services.checkin.add(input),
      'checkin:update': ({ id, input }) => services.checkin.update(id, input),
      'checkin:delete': (input) => deleteCheck(services, input),
      'checkin:list': ({ from, to }) => services.checkin.list(from, to),
      'checkin:trends': ({ range }) => services.checkin.trends(range),
      'checkin:questionnaire': ({ kind, answers }) => services.checkin.answerQuestionnaire(kind, answers),
      ...talkHandlers(services),
      ...summaryHandlers(services, shell),
      ...updateHandlers(services, shell),
      ...agreementHandlers(services, shell),
      ...dataHandlers(services, shell),
    },
    speech,
  );
}

/** The imported calendar: its status (its read error said in the window's language), import, clear. */
function calendarHandlers(
  services: Services,
  shell: FileDialogPort,
  say: Say,
): Pick<Handlers, 'calendar:status' | 'calendar:import' | 'calendar:clear'> {
  return {
    'calendar:status': () => spokenCalendar(services.calendar.status(), say),
    'calendar:import': async () => {
      const file = await shell.chooseFile({
        title: 'Import a calendar',
        filters: [{ name: 'Calendar', extensions: ['ics'] }],
      });
      return spokenCalendar(
        file === null ? services.calendar.status() : await services.calendar.importFrom(file),
        say,
      );
    },
    'calendar:clear': () => spokenCalendar(services.calendar.clear(), say),
  };
}

type SummaryChannel = Extract<Channel, `summary:${string}`>;

/** The one-on-one summary: its options, previews, exports and copies, and the share log. */
function summaryHandlers(services: Services, shell: FileDialogPort): Pick<Handlers, SummaryChannel> {
  return {
    'summary:options': ({ from, to }) =>
      services.summary.options(from !== undefined && to !== undefined ? { from, to } : undefined),
    'summary:preview': ({ choices, format }) => services.summary.preview(choices, format),
    // No path from the window (main's dialog chooses); only the previewed text (its fingerprint) leaves.
    'summary:export': (r) => services.summary.export(r.choices, r.format, r.contentHash, shell),
    'summary:copy': (r) => services.summary.copy(r.choices, r.contentHash, shell, r.format),
    'summary:shares': () => services.summary.shares(),
  };
}

/** Talking points for the next one-on-one. */
function talkHandlers(services: Services): Pick<Handlers, Extract<Channel, `talk:${string}`>> {
  return {
    'talk:add': ({ text }) => services.talkingPoints.add(text),
    'talk:list': ({ includeDiscussed }) => services.talkingPoints.list(includeDiscussed ?? false),
    'talk:discussed': ({ id, discussed }) => services.talkingPoints.setDiscussed(id, discussed),
    'talk:delete': ({ id }) => services.talkingPoints.delete(id),
    'talk:edit': ({ id, text }) => services.talkingPoints.edit(id, text),
    'talk:move': ({ id, direction }) => services.talkingPoints.move(id, direction),
  };
}

/** Where Keel stands now (the status line, `keel status`) and the Today card. */
function dayHandlers(services: Services): Pick<Handlers, 'app:status' | 'today:card'> {
  return {
    'app:status': () => services.status.status(),
    'today:card': ({ locale }) => services.today.card(locale),
  };
}

/** The first run: whether it shows, and marking it done (its settings go by settings:set). */
function welcomeHandlers(services: Services): Pick<Handlers, 'welcome:status' | 'welcome:finish'> {
  return {
    'welcome:status': () => services.welcome.status(),
    'welcome:finish': () => services.welcome.finish(),
  };
}

type DataChannel = Extract<Channel, `data:${string}`>;
type WelcomeChannel = Extract<Channel, `welcome:${string}`>;

/** Backups, restore, export and import (main's dialogs choose the files), deleting everything; the welcome. */
function dataHandlers(
  services: Services,
  shell: FileDialogPort,
): Pick<Handlers, DataChannel | WelcomeChannel> {
  return {
    ...welcomeHandlers(services),
    'data:overview': () => services.data.overview(),
    'data:backupNow': () => services.data.backupNow(),
    'data:restore': ({ id }) => services.data.restore(id),
    'data:dismissRecovery': () => services.data.dismissRecovery(),
    'data:export': ({ passphrase }) => services.data.exportTo(shell, passphrase),
    'data:import': ({ passphrase }) => services.data.importChosen(shell, passphrase),
    'data:deleteAll': () => {
      services.data.deleteAll();
      return { deleted: true as const };
    },
  };
}

/** Settings → This computer: the probes, and the report last shown copied for a bug report. */
function desktopHandlers(
  shell: FileDialogPort,
  desktop: DesktopProbesPort | undefined,
  data: Services['data'],
  shortcutOffers: ShortcutOfferPort | undefined,
  say: Say,
): Pick<
  Handlers,
  | 'desktop:probes'
  | 'desktop:copyReport'
  | 'desktop:shortcutOffer'
  | 'desktop:shortcutAnswer'
  | 'desktop:idleTrust'
> {
  let shown: DesktopReport | undefined;
  const look = async (): Promise<DesktopReport> => {
    if (!desktop)
      throw new KeelError('invalid_input', 'Run keel doctor to see what Keel can see on this desktop.');
    shown = await desktop.report();
    return shown;
  };
  return {
    // Said in the window's language; the English is kept for the bug report.
    'desktop:probes': async () => spokenReport(await look(), say),
    // What the window showed, not a new look: the user pastes what they saw, in English.
    'desktop:copyReport': async () => {
      await shell.copyText(desktopReportJson(shown ?? (await look())));
      return { copied: true as const };
    },
    ...shortcutOfferHandlers(shell, data, shortcutOffers, () => shown, say),
    'desktop:idleTrust': () => spokenTrust(desktop?.idleTrust?.() ?? { trusted: true, notice: null }, say),
  };
}
