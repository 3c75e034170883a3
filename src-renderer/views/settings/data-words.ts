import type { MessageId } from '../../../src-main/shared/i18n/catalog';
import { windowFormat, windowMessage } from '../../i18n/window-locale';
import { daysBetween, formatShortDate, localParts } from '../../lib/format';
import { formatTime } from '../../lib/time';
import type { BackupKind, DataOverview, ImportResult, RecordKind } from '../../stores/data';

/**
 * The words of Settings → Your data: backup kinds, record counts, and the sentences after an
 * action, from the `system.*` messages in the window's language.
 */

const KIND_IDS: Record<BackupKind, MessageId> = {
  daily: 'system.data.kind.daily',
  weekly: 'system.data.kind.weekly',
  safety: 'system.data.kind.safety',
};

/** "Daily", "Weekly", "Before a change". */
export function kindLabel(kind: BackupKind): string {
  return windowMessage(KIND_IDS[kind]);
}

/** Every kind of record, in the order the summary names them (each a plural message). */
const RECORD_IDS: Record<RecordKind, MessageId> = {
  checkins: 'system.data.count.checkins',
  questionnaire_results: 'system.data.count.questionnaire_results',
  check_prompt_answers: 'system.data.count.check_prompt_answers',
  focus_sessions: 'system.data.count.focus_sessions',
  interruptions: 'system.data.count.interruptions',
  focus_skips: 'system.data.count.focus_skips',
  resume_cues: 'system.data.count.resume_cues',
  workdays: 'system.data.count.workdays',
  talking_points: 'system.data.count.talking_points',
  shares: 'system.data.count.shares',
  update_drafts: 'system.data.count.update_drafts',
};

/** What "Delete all my data" removes, word for word in the dialog. */
export const DELETED: readonly MessageId[] = [
  'system.deleteAll.goes.checkins',
  'system.deleteAll.goes.talkingPoints',
  'system.deleteAll.goes.focus',
  'system.deleteAll.goes.signoffs',
  'system.deleteAll.goes.settings',
  'system.deleteAll.goes.backups',
];

/** The word to type before everything is deleted ("DELETE", "LÖSCHEN"). */
export function confirmWord(): string {
  return windowMessage('system.deleteAll.confirmWord');
}

/** The day and time of a backup: which day ("today", "yesterday", a date) and the time. */
function whenParts(
  iso: string,
  today: string | null,
): { day: 'today' | 'yesterday' | 'day'; date: string; time: string } | null {
  const local = localParts(iso);
  if (!local) return null;
  const days = today === null ? Number.NaN : daysBetween(local.date, today);
  const time = formatTime(local.time);
  if (days === 0) return { day: 'today', date: '', time };
  if (days === 1) return { day: 'yesterday', date: '', time };
  const year = today !== null && local.date.slice(0, 4) !== today.slice(0, 4);
  const date = year
    ? windowFormat().day(local.date, { weekday: 'short', month: 'short', year: true })
    : formatShortDate(local.date);
  return { day: 'day', date, time };
}

/** In a sentence: "today at 08:30", "yesterday at 17:02", "Mon, Mar 15 at 09:00" (with the year if not this one). */
export function backupWhen(iso: string, today: string | null): string {
  const parts = whenParts(iso, today);
  if (!parts) return iso;
  return windowMessage(`system.data.when.${parts.day}`, { date: parts.date, time: parts.time });
}

/** On its own, as a list's cell: "Today at 08:30", "Yesterday at 17:02", "Mon, Mar 15 at 09:00". */
export function backupWhenAlone(iso: string, today: string | null): string {
  const parts = whenParts(iso, today);
  if (!parts) return iso;
  return windowMessage(`system.data.whenRow.${parts.day}`, { date: parts.date, time: parts.time });
}

/** "820 bytes", "96 KB", "1.4 MB" in the locale's digits. */
export function formatSize(bytes: number): string {
  const format = windowFormat();
  if (bytes < 1024) return windowMessage('system.data.size.bytes', { count: bytes });
  const kb = bytes / 1024;
  const size = (value: number) => format.number(value, { maximumFractionDigits: value < 10 ? 1 : 0 });
  if (kb < 1024) return windowMessage('system.data.size.kb', { size: size(kb) });
  return windowMessage('system.data.size.mb', { size: size(kb / 1024) });
}

/** "Keel holds 12 check-ins, 3 talking points and 9 workdays." */
export function holdingSentence(counts: DataOverview['counts']): string {
  const parts = (Object.keys(RECORD_IDS) as RecordKind[])
    .filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => windowMessage(RECORD_IDS[kind], { count: counts[kind] }));
  if (parts.length === 0) return windowMessage('system.data.holdingNone');
  return windowMessage('system.data.holding', { list: windowFormat().list(parts) });
}

/** "3 records and 1 setting", "2 records", "1 setting" (empty for none of either). */
function recordsAndSettings(records: number, settings: number): string {
  const recordWords = windowMessage('system.data.count.records', { count: records });
  const settingWords = windowMessage('system.data.count.settings', { count: settings });
  if (records > 0 && settings > 0)
    return windowMessage('system.data.count.recordsAndSettings', {
      records: recordWords,
      settings: settingWords,
    });
  if (records > 0) return recordWords;
  return settings > 0 ? settingWords : '';
}

/**
 * After an import: what was new and what was already here. Settings are named apart from records
 * ("Keel holds…" counts records only); a setting kept as it is here counts as already here.
 */
export function importSentence(result: ImportResult & { fileName: string }): string {
  const { fileName: file, added, skipped, settingsAdded, settingsKept } = result;
  const here = skipped + settingsKept;
  if (added + settingsAdded === 0) {
    if (here === 0) return windowMessage('system.data.import.nothingEmpty', { file });
    if (here === 1)
      return windowMessage(
        skipped === 1 ? 'system.data.import.nothingOneRecord' : 'system.data.import.nothingOneSetting',
        { file },
      );
    const what = recordsAndSettings(skipped, settingsKept);
    return windowMessage(
      skipped > 0 && settingsKept > 0 ? 'system.data.import.nothingBoth' : 'system.data.import.nothingAll',
      { file, what },
    );
  }
  const what = recordsAndSettings(added, settingsAdded);
  if (here === 0) return windowMessage('system.data.import.done', { file, what });
  // "1 was" is clear when only records are counted; otherwise the kinds are named.
  if (settingsAdded + settingsKept === 0)
    return windowMessage('system.data.import.doneSome', { file, what, here });
  return windowMessage('system.data.import.doneKinds', {
    file,
    what,
    here,
    kinds: recordsAndSettings(skipped, settingsKept),
  });
}
