/**
 * The window's locale for code outside React components (src-renderer/lib's formatters, stores):
 * the formatters and messages of the locale `KeelIntl` renders with, set as it renders, so a
 * plain function such as `formatTime("17:30")` speaks as the components around it do. The hour
 * cycle main reports (app:status, the OS's 12/24-hour choice) wins over the locale's own; until it
 * arrives, the locale's (and the URL's) holds. The frame draws again when either changes.
 */
import type { Catalog, MessageId } from '../../src-main/shared/i18n/catalog';
import { createLocaleFormat, type LocaleFormat } from '../../src-main/shared/i18n/format';
import { messagesWith, type MessageValues } from '../../src-main/shared/i18n/intl-core';
import { DEFAULT_LOCALE, type ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { ENGLISH_CATALOG } from './catalogs';

export type HourCycle = 'h12' | 'h23';

interface WindowLocale {
  resolved: ResolvedLocale;
  catalog: Catalog;
  format: LocaleFormat;
  t: (id: MessageId, values?: MessageValues) => string;
}

const ENGLISH: ResolvedLocale = { messages: DEFAULT_LOCALE, format: DEFAULT_LOCALE };

/**
 * A locale's formatters and messages, each made on first use: the window's first frame pays for
 * none it does not draw (FormatJS's set-up asks ICU about the locale, tens of ms at start-up).
 */
function build(resolved: ResolvedLocale, catalog: Catalog): WindowLocale {
  let format: LocaleFormat | undefined;
  let t: WindowLocale['t'] | undefined;
  return {
    resolved,
    catalog,
    get format() {
      return (format ??= createLocaleFormat(resolved));
    },
    t: (id, values) => (t ??= messagesWith(resolved, catalog).t)(id, values),
  };
}

let current: WindowLocale = build(ENGLISH, ENGLISH_CATALOG);
let systemCycle: HourCycle | null = null;

/** Called by KeelIntl as it renders (the same locale and catalog keep the built formatters). */
export function setWindowLocale(resolved: ResolvedLocale, catalog: Catalog): void {
  if (current.resolved !== resolved || current.catalog !== catalog) current = build(resolved, catalog);
}

/** Main's word on the OS's 12/24-hour choice (null: the locale decides). Returns the one in force. */
export function setSystemHourCycle(cycle: HourCycle | null): HourCycle {
  systemCycle = cycle;
  return windowHourCycle();
}

/** The hour cycle every time of day in the window is written in. */
export function windowHourCycle(): HourCycle {
  if (systemCycle) return systemCycle;
  const format = current.format.clock('13:00');
  return format.includes('13') ? 'h23' : 'h12';
}

/** The window's formatters (dates, numbers, durations, lists, first weekday). */
export function windowFormat(): LocaleFormat {
  return current.format;
}

/**
 * The language main writes the window's texts in (Today's recap, the weekly update): the window's
 * format tag ("de-DE", "en-GB"), or the pseudo-locale itself.
 */
export function windowExportLocale(): string {
  return current.resolved.messages === 'en-XA' ? 'en-XA' : current.resolved.format;
}

/** A message in the window's language, for code outside components. */
export function windowMessage(id: MessageId, values?: MessageValues): string {
  return current.t(id, values);
}

/** A time of day kept as `HH:MM`, as the user reads it (the OS's 12/24-hour choice first). */
export function windowClock(hhmm: string): string {
  return current.format.clock(hhmm, systemCycle ?? undefined);
}

/** Back to English and no system choice (tests that render one window after another). */
export function resetWindowLocale(): void {
  current = build(ENGLISH, ENGLISH_CATALOG);
  systemCycle = null;
}
