import type { AgendaMoment } from '../core/agenda';
import { formatDuration, protectedSummary, type FocusSession } from '../core/focus';
import { clockTimeOf } from '../core/time';
import type { Services } from '../services';
import type { FocusChange } from '../services/focus-service';
import type { DndOutcome } from './dnd-outcome';
import type { Prompts } from './prompts';

export interface FocusReactorDeps {
  services: Pick<Services, 'focus' | 'settings' | 'dnd'>;
  prompts: Pick<Prompts, 'show' | 'releaseHeld' | 'quietTime'>;
  followDnd: DndOutcome;
  /** A quiet evening is on: it keeps do-not-disturb on after a block ends. */
  quietEvening(): boolean;
  /** A block ended: a sign-off suggestion held during it comes now, if still due. */
  afterBlock(): void;
  /** Any focus change: the one agenda timer waits for something else, the tray shows it. */
  afterChange(): void;
}

/**
 * Focus blocks while Keel runs: the agenda's focus moments (heads-up, start, end), and each
 * block's start and end (do-not-disturb, the start and end notifications, held prompts).
 */
export class FocusReactor {
  /** The running block do-not-disturb was last set up for (blocks the CLI starts come unseen). */
  private dndSession: number | undefined;

  constructor(private readonly deps: FocusReactorDeps) {}

  /** Takes up the block running at start-up (its do-not-disturb is restored or kept). */
  start(): void {
    this.dndSession = this.deps.services.focus.running()?.id;
  }

  /** A focus block's pre-warning, start or end came due. */
  onMoment(moment: AgendaMoment): void {
    const { focus } = this.deps.services;
    const { event, phase } = moment;
    if (phase === 'start') focus.startPlanned(event.id);
    else if (phase === 'end') focus.completeByEvent(event.id);
    // No heads-up during a block, nor during a quiet evening (the block still starts).
    else if (!this.deps.prompts.quietTime()) this.warn(moment);
  }

  onChange(change: FocusChange): void {
    if (change.type === 'started') this.blockStarted(change.session, change.silent);
    else if (change.type === 'ended') {
      this.blockEnded();
      if (!change.silent) {
        this.deps.prompts.show({
          id: { kind: 'focus-end', sessionId: change.session.id },
          title: protectedSummary(change.protectedMs, change.interruptions),
          body: 'Where did you leave off? Add one line in Keel for next time.',
        });
      }
      this.deps.prompts.releaseHeld();
      this.deps.afterBlock();
    }
    this.deps.afterChange();
  }

  /**
   * Another process (the `keel` CLI) started or stopped a block: take it up as if it had happened
   * here (do-not-disturb, held prompts), but quietly: the user just typed the command.
   */
  takeUpExternal(): void {
    const running = this.deps.services.focus.running();
    if (running?.id === this.dndSession) return;
    if (running) this.blockStarted(running, true);
    else {
      this.blockEnded();
      this.deps.prompts.releaseHeld();
    }
  }

  private blockStarted(session: FocusSession, silent: boolean): void {
    const { focus, settings, dnd } = this.deps.services;
    this.dndSession = session.id;
    this.deps.followDnd(dnd.blockStarted());
    if (silent) return;
    const cue = focus.takeCue();
    this.deps.prompts.show({
      id: { kind: 'focus-start', sessionId: session.id },
      title: `Focus until ${clockTimeOf(session.plannedEnd, settings.get().zone)}`,
      body: cue ? `Where you left off: ${cue}` : 'Keel holds its prompts until then.',
      ...(cue ? { withoutWords: 'Where you left off is waiting in Keel.' } : {}),
    });
  }

  private blockEnded(): void {
    this.dndSession = undefined;
    // A quiet evening keeps do-not-disturb on until the next working start.
    if (!this.deps.quietEvening()) this.deps.followDnd(this.deps.services.dnd.blockEnded());
  }

  private warn(moment: AgendaMoment): void {
    const { focus, settings } = this.deps.services;
    const { event } = moment;
    const zone = settings.get().zone;
    const end = event.end ?? event.start;
    const clash = focus.meetings.meetingsBetween(event.start, end).find((m) => m.warns);
    this.deps.prompts.show({
      id: { kind: 'focus-warning', occurrenceId: event.id },
      title: `Focus block at ${clockTimeOf(event.start, zone)}`,
      body: clash
        ? `Heads-up: “${clash.title}” at ${clockTimeOf(clash.start, zone)} overlaps it.`
        : `Starts in ${formatDuration(event.start - moment.at)}, until ${clockTimeOf(end, zone)}.`,
      ...(clash
        ? { withoutWords: `Heads-up: a meeting at ${clockTimeOf(clash.start, zone)} overlaps it.` }
        : {}),
    });
  }
}
