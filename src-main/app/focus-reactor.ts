import type { AgendaMoment } from '../core/agenda';
import type { FocusSession } from '../core/focus';
import type { Services } from '../services';
import type { FocusChange } from '../services/focus-service';
import type { DndOutcome } from './dnd-outcome';
import type { Prompts } from './prompts';

export interface FocusReactorDeps {
  services: Pick<Services, 'focus' | 'settings' | 'dnd'>;
  prompts: Pick<Prompts, 'show' | 'releaseHeld' | 'quietTime' | 'speech'>;
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
        const speech = this.deps.prompts.speech();
        this.deps.prompts.show({
          id: { kind: 'focus-end', sessionId: change.session.id },
          title: speech.t('notify.focus.endTitle', {
            duration: speech.duration(change.protectedMs),
            count: change.interruptions,
          }),
          body: speech.t('notify.focus.endBody'),
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
    const { t, time } = this.deps.prompts.speech();
    this.deps.prompts.show({
      id: { kind: 'focus-start', sessionId: session.id },
      title: t('notify.focus.startTitle', { time: time(session.plannedEnd, settings.get().zone) }),
      body: cue ? t('notify.focus.startCue', { cue }) : t('notify.focus.startHolding'),
      ...(cue ? { withoutWords: t('notify.focus.startCueHidden') } : {}),
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
    const { t, time, duration } = this.deps.prompts.speech();
    this.deps.prompts.show({
      id: { kind: 'focus-warning', occurrenceId: event.id },
      title: t('notify.focus.warnTitle', { time: time(event.start, zone) }),
      body: clash
        ? t('notify.focus.warnClash', { title: clash.title, time: time(clash.start, zone) })
        : t('notify.focus.warnStarts', { duration: duration(event.start - moment.at), end: time(end, zone) }),
      ...(clash
        ? { withoutWords: t('notify.focus.warnClashHidden', { time: time(clash.start, zone) }) }
        : {}),
    });
  }
}
