import type { AgendaEvent, AgendaMoment, AgendaSource } from '../core/agenda';
import { collectAgenda, collectMoments, nextMoment } from '../core/agenda';
import type { Clock } from '../core/clock';
import type { SettingsService } from './settings-service';

/** The planned events of every capability, in the user's zone. */
export class AgendaService {
  private readonly sources: AgendaSource[] = [];

  constructor(
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /** Capabilities register the events they plan (focus blocks, sign-off, check-ins). */
  addSource(source: AgendaSource): void {
    this.sources.push(source);
  }

  /** The events a person would call planned (not Keel's internal wake-ups), in [from, to). */
  between(from: number, to: number): AgendaEvent[] {
    return collectAgenda(this.sources, from, to, this.settings.view()).filter((e) => !e.internal);
  }

  /** Moments (warnings, starts, ends) in [from, to). */
  momentsBetween(from: number, to: number): AgendaMoment[] {
    return collectMoments(this.sources, from, to, this.settings.view());
  }

  /** The next moment after `after` (default: now) that has not been handled yet. */
  nextMoment(after: number = this.clock.now(), done?: ReadonlySet<string>): AgendaMoment | undefined {
    return nextMoment(this.sources, after, this.settings.view(), { done });
  }

  /** The next planned event starting after `after` (default: now). */
  nextEvent(after: number = this.clock.now()): AgendaEvent | undefined {
    return this.between(after + 1, after + 8 * 24 * 3_600_000)[0];
  }
}
