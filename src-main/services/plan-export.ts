import { exportLanguage } from '../core/export-language';
import { planPauses } from '../core/focus-plan';
import { focusPlanToIcs } from '../core/ics-export';
import type { ExportResult } from '../shared/dto';
import type { CalendarServiceDeps } from './calendar-deps';
import type { FileDialogPort } from './ports';

/** Writes the focus plan as .ics where the user chooses. */
export async function exportFocusPlan(
  deps: Pick<CalendarServiceDeps, 'settings' | 'clock' | 'installId'>,
  shell: Pick<FileDialogPort, 'saveFile'>,
  /** The events' language (the window's or the CLI's; none: en-US). */
  locale?: string | null,
): Promise<ExportResult> {
  const settings = deps.settings.get();
  // Blocks on a weekday without working hours are never planned, so they are not exported.
  const plan = settings.focusPlan.filter((rule) => settings.workingHours[rule.weekday] !== null);
  const content = focusPlanToIcs(plan, planPauses(settings), settings.zone, {
    now: deps.clock.now(),
    installId: deps.installId(),
    lang: exportLanguage(locale),
  });
  const fileName = await shell.saveFile({
    defaultName: 'keel-focus.ics',
    content,
    filters: [{ name: 'Calendar', extensions: ['ics'] }],
  });
  return { saved: fileName !== null, fileName };
}
