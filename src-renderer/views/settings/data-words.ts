import { daysBetween, formatShortDate, localParts } from '../../lib/format';
import type { BackupKind, DataOverview, ImportResult, RecordKind } from '../../stores/data';
import { formatTime } from '../../lib/time';

/** The words of Settings → Your data: backup kinds, record counts, and the sentences after an action. */

export const KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  safety: 'Before a change',
};

/** How a backup is named in a sentence ("Restore the daily copy from today at 08:30"). */
export const KIND_PHRASES: Record<BackupKind, string> = {
  daily: 'the daily copy',
  weekly: 'the weekly copy',
  safety: 'the copy made before a change',
};

/** Every kind of record, in the order the summary names them: [one, many]. */
const RECORD_WORDS: Record<RecordKind, [string, string]> = {
  checkins: ['check-in', 'check-ins'],
  questionnaire_results: ['questionnaire answer', 'questionnaire answers'],
  check_prompt_answers: ['answer to a check-in prompt', 'answers to check-in prompts'],
  focus_sessions: ['focus block', 'focus blocks'],
  interruptions: ['interruption', 'interruptions'],
  focus_skips: ['skipped focus block', 'skipped focus blocks'],
  resume_cues: ['“where I left off” note', '“where I left off” notes'],
  workdays: ['workday', 'workdays'],
  talking_points: ['talking point', 'talking points'],
  shares: ['shared summary or update', 'shared summaries and updates'],
  update_drafts: ['weekly update draft', 'weekly update drafts'],
};

/** What "Delete all my data" removes, word for word in the dialog. */
export const DELETED = [
  'Every check-in and its note, and your questionnaire answers',
  'Every talking point and weekly update draft, and the record of what you shared',
  'Every focus block, interruption and “where I left off” note',
  'Every sign-off and workday',
  'Every setting, so Keel goes back to its defaults',
  'Every backup, and any damaged data file Keel set aside',
];

export const CONFIRM_WORD = 'DELETE';

/** "today at 08:30", "yesterday at 17:02", "Mon 15 Mar at 09:00" (with the year if not this one). */
export function backupWhen(iso: string, today: string | null): string {
  const local = localParts(iso);
  if (!local) return iso;
  const days = today === null ? Number.NaN : daysBetween(local.date, today);
  let day = days === 0 ? 'today' : days === 1 ? 'yesterday' : formatShortDate(local.date);
  if (days !== 0 && days !== 1 && today !== null && local.date.slice(0, 4) !== today.slice(0, 4))
    day += ` ${local.date.slice(0, 4)}`;
  return `${day} at ${formatTime(local.time)}`;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "820 bytes", "96 KB", "1.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

function count(n: number, [one, many]: [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Keel holds 12 check-ins, 3 talking points and 9 workdays." */
export function holdingSentence(counts: DataOverview['counts']): string {
  const parts = (Object.keys(RECORD_WORDS) as RecordKind[])
    .filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => count(counts[kind], RECORD_WORDS[kind]));
  if (parts.length === 0) return 'Keel holds no records yet.';
  const last = parts.pop() as string;
  return `Keel holds ${parts.length > 0 ? `${parts.join(', ')} and ${last}` : last}.`;
}

/** "3 records and 1 setting", "2 records", "1 setting" (empty for none of either). */
function recordsAndSettings(records: number, settings: number): string {
  const parts = [
    records > 0 ? count(records, ['record', 'records']) : '',
    settings > 0 ? count(settings, ['setting', 'settings']) : '',
  ];
  return parts.filter((p) => p !== '').join(' and ');
}

/**
 * After an import: what was new and what was already here. Settings are named apart from records
 * ("Keel holds…" counts records only); a setting kept as it is here counts as already here.
 */
export function importSentence(result: ImportResult & { fileName: string }): string {
  const { fileName, added, skipped, settingsAdded, settingsKept } = result;
  const here = skipped + settingsKept;
  if (added + settingsAdded === 0) {
    if (here === 0) return `Nothing new in ${fileName}: it holds no records.`;
    if (here === 1)
      return `Nothing new in ${fileName}: its one ${skipped === 1 ? 'record' : 'setting'} was already here.`;
    const all = skipped > 0 && settingsKept > 0 ? 'its' : 'all';
    return `Nothing new in ${fileName}: ${all} ${recordsAndSettings(skipped, settingsKept)} were already here.`;
  }
  const imported = `Imported ${recordsAndSettings(added, settingsAdded)} from ${fileName}`;
  if (here === 0) return `${imported}.`;
  // "1 was" is clear when only records are counted; otherwise the kinds are named.
  const kinds = settingsAdded + settingsKept === 0 ? String(here) : recordsAndSettings(skipped, settingsKept);
  return `${imported}; ${kinds} ${here === 1 ? 'was' : 'were'} already here.`;
}
