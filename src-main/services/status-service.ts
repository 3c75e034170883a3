import type { Clock } from '../core/clock';
import type { HourCycle } from '../core/hour-cycle';
import { occurrencesOn } from '../core/focus-plan';
import { clockTimeOf, localDateOf, toLocalIso, weekdayOf } from '../core/time';
import { hoursOn } from '../core/working-hours';
import type { AgendaService } from './agenda-service';
import type { FocusService } from './focus-service';
import type { SettingsService } from './settings-service';
import type { AgendaEventDto, Status } from '../shared/dto';

export interface StatusContext {
  version: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: () => number;
  /** The system's 12/24-hour choice (Electron: its regional locale); null when unknown. */
  hourCycle: () => HourCycle | null;
}

/** A snapshot of where Keel stands now: the Today view and `keel status` read it. */
export class StatusService {
  constructor(
    private readonly ctx: StatusContext,
    private readonly settings: SettingsService,
    private readonly agenda: AgendaService,
    private readonly focus: Pick<FocusService, 'running'>,
    private readonly clock: Clock,
  ) {}

  status(): Status {
    const now = this.clock.now();
    const s = this.settings.get();
    const date = localDateOf(now, s.zone);
    const weekday = weekdayOf(date);
    // The day's own rules: no hours and no blocks on a holiday, a pause keeps the hours only.
    const rules = this.settings.on(date);
    const next = this.agenda.nextEvent(now);
    const running = this.focus.running();
    return {
      app: { name: 'Keel', version: this.ctx.version },
      hourCycle: this.ctx.hourCycle(),
      dataDir: this.ctx.dataDir,
      database: { path: this.ctx.databasePath, schemaVersion: this.ctx.schemaVersion() },
      now: toLocalIso(now, s.zone),
      zone: s.zone,
      today: {
        date,
        weekday,
        workingHours: hoursOn(date, rules),
        focusBlocks: occurrencesOn(date, rules).map((o) => ({ start: o.startTime, end: o.endTime })),
        focusRunningUntil: running ? clockTimeOf(running.plannedEnd, s.zone) : null,
      },
      nextEvent: next ? toEventDto(next, s.zone) : null,
    };
  }
}

export function toEventDto(
  e: { id: string; kind: string; title: string; start: number; end?: number },
  zone: string,
): AgendaEventDto {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    start: toLocalIso(e.start, zone),
    ...(e.end !== undefined ? { end: toLocalIso(e.end, zone) } : {}),
  };
}
