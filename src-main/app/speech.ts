/**
 * The language main speaks in (notifications, the tray, its notices): the one chosen in Settings →
 * Language, else the OS's preferred languages, as the window's (electron/app-protocol.ts) — so
 * the three always agree. Times of day follow the OS's 12/24-hour choice. Resolved again each time
 * it is asked for, so a change of the setting is heard at the next notification or menu; the
 * catalog and formatters are kept while nothing changed.
 */
import type { Settings } from '../core/settings';
import { createLocaleFormat, type LocaleFormat } from '../shared/i18n/format';
import { messagesFor, type MessageValues } from '../shared/i18n/intl';
import type { MessageId } from '../shared/i18n/catalog';
import { resolveLocale, type ResolvedLocale } from '../shared/i18n/locale';
import { clockTimeOf } from '../core/time';

/** What the OS says of its languages (Electron's `app`; nothing under plain Node: English). */
export interface SystemLanguages {
  /** The preferred languages, most preferred first (`app.getPreferredSystemLanguages()`). */
  preferred(): readonly string[];
  /** The regional format (`app.getSystemLocale()`), for the clock. */
  regional(): string | null;
}

export interface Speech {
  readonly locale: ResolvedLocale;
  t(id: MessageId, values?: MessageValues): string;
  /** A time of day kept as `HH:MM`, as the user reads it. */
  clock(hhmm: string): string;
  /** An instant's time of day in `zone`, as the user reads it ("5:30 PM" / "17:30"). */
  time(instant: number, zone: string): string;
  /** A span of milliseconds in whole minutes ("1 hr, 25 min"), or "under a minute". */
  duration(ms: number): string;
  readonly format: LocaleFormat;
  /**
   * The tag a text written for this reader is made with (the agreement's status line): the
   * regional format with the system's 12/24-hour choice as its `-u-hc-` extension.
   */
  readonly writtenTag: string;
}

/** `tag` with the clock's 12/24-hour choice as a Unicode extension ("en-US-u-hc-h23"). */
export function withHourCycle(tag: string, cycle: 'h12' | 'h23' | undefined): string {
  if (cycle === undefined) return tag;
  return tag.includes('-u-') ? `${tag}-hc-${cycle}` : `${tag}-u-hc-${cycle}`;
}

export interface SpeechSources {
  language: () => Settings['language'];
  system?: SystemLanguages;
  /** The OS's 12/24-hour choice, where known. */
  hourCycle?: () => 'h12' | 'h23' | null;
}

/** Main's speech, resolved afresh on each call and rebuilt only when the sources changed. */
export function createSpeech({ language, system, hourCycle }: SpeechSources): () => Speech {
  let held: { key: string; speech: Speech } | undefined;
  return () => {
    const choice = language();
    const preferred = system?.preferred() ?? [];
    const regional = system?.regional() ?? null;
    const cycle = hourCycle?.() ?? null;
    const key = JSON.stringify([choice, preferred, regional, cycle]);
    if (held?.key === key) return held.speech;
    const locale = resolveLocale({ choice: choice === 'system' ? null : choice, preferred, regional });
    const messages = messagesFor(locale);
    const format = createLocaleFormat(locale);
    const clockCycle = cycle ?? locale.hourCycle;
    const clock = (hhmm: string) => format.clock(hhmm, clockCycle);
    const speech: Speech = {
      locale,
      t: messages.t,
      clock,
      time: (instant, zone) => clock(clockTimeOf(instant, zone)),
      duration: (ms) => {
        const minutes = Math.floor(ms / 60_000);
        return minutes < 1 ? messages.t('notify.focus.underAMinute') : format.duration(minutes);
      },
      format,
      writtenTag: withHourCycle(locale.format, clockCycle),
    };
    held = { key, speech };
    return speech;
  };
}

/** English as the OS would have it with nothing else known (tests, and parts built alone). */
export const englishSpeech: () => Speech = createSpeech({ language: () => 'system' });
