import type { AgendaEvent, AgendaSource } from '../core/agenda';
import { collectAgenda, nextAgendaEvent } from '../core/agenda';
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

  between(from: number, to: number): AgendaEvent[] {
    return collectAgenda(this.sources, from, to, this.settings.get());
  }

  /** The next event after `after` (default: now) that has not been handled yet. */
  next(after: number = this.clock.now(), done?: ReadonlySet<string>): AgendaEvent | undefined {
    return nextAgendaEvent(this.sources, after, this.settings.get(), { done });
  }
}
