import { InProcessCalendarParser } from '../../src-main/platform/calendar-parser';
import { ManualClock } from '../../src-main/core/clock';
import type { DndController } from '../../src-main/services/ports';
import { createServices } from '../../src-main/services';
import { tempDir } from './temp';

/** Real services on a real SQLite file in a temp folder, with a hand-driven clock. */
export function makeServices(
  start = Date.parse('2027-03-15T08:00:00Z'),
  zone = 'Europe/Berlin',
  options: { dndController?: DndController; dataDir?: string } = {},
) {
  const clock = new ManualClock(start);
  const dataDir = options.dataDir ?? tempDir();
  const services = createServices({
    dataDir,
    clock,
    version: '0.0.0-test',
    systemZone: () => zone,
    calendarParser: new InProcessCalendarParser(),
    ...(options.dndController ? { dndController: options.dndController } : {}),
  });
  return { clock, dataDir, services };
}
