import type { Clock, TimerHandle, Timers } from '../core/clock';
import { plannedSignoffAt, type SignoffDecision } from '../core/signoff-policy';
import type { Services } from '../services';
import type { PowerPort } from '../services/ports';
import type { SignoffChange } from '../services/signoff-service';
import type { DndOutcome } from './dnd-outcome';
import type { Prompts } from './prompts';

export interface SignoffReactorDeps {
  services: Pick<Services, 'signoff' | 'focus' | 'settings' | 'dnd'>;
  power: Pick<PowerPort, 'idleSeconds'>;
  prompts: Pick<Prompts, 'show' | 'releaseHeld' | 'speech'>;
  clock: Clock;
  timers: Timers;
  followDnd: DndOutcome;
  /** One presence sample (the sign-off policy reads the day's first and last input). */
  samplePresence(): void;
  refreshTray(): void;
}

type Suggestion = Extract<SignoffDecision, { kind: 'suggest' }>;

/**
 * The end of the day: the sign-off suggestion and its one follow-up timer (a snooze's end or a
 * reminder's time), and the quiet evening a sign-off may ask for (do-not-disturb on, prompts
 * held, until the next working start).
 */
export class SignoffReactor {
  /** The sign-off's next look without another wake-up: a snooze's end or a reminder's time. */
  private followUp: TimerHandle | undefined;
  private quietTimer: TimerHandle | undefined;
  /** After a sign-off with "quiet until tomorrow": prompts wait until the next working start. */
  private quietUntil: number | undefined;

  constructor(private readonly deps: SignoffReactorDeps) {}

  stop(): void {
    for (const timer of [this.followUp, this.quietTimer]) {
      if (timer !== undefined) this.deps.timers.clearTimeout(timer);
    }
    this.followUp = this.quietTimer = undefined;
    // Quitting restores do-not-disturb (DndService.shutdown); a new start takes the quiet up again.
    this.quietUntil = undefined;
  }

  /**
   * Asks the sign-off policy whether to suggest signing off now, shows the suggestion if so, and
   * arms the one follow-up timer. A decision held during a focus block is looked at again when
   * the block ends.
   */
  evaluate(): void {
    const { signoff, focus } = this.deps.services;
    try {
      const decision = signoff.decide(this.deps.power.idleSeconds(), focus.running() !== undefined);
      if (decision.kind === 'suggest') {
        signoff.markSuggested(decision.workday);
        this.deps.prompts.show({
          id: { kind: 'signoff', workday: decision.workday, reminder: decision.reminder },
          title: this.deps.prompts.speech().t('notify.signoff.title'),
          body: this.body(decision),
        });
      }
    } catch {
      // Without its state the policy stays silent rather than nag; the next look tries again.
    }
    this.armFollowUp();
  }

  onChange(change: SignoffChange): void {
    if (change.type === 'signed-off') {
      this.takeUpQuiet();
      this.deps.refreshTray();
    }
    this.armFollowUp();
  }

  quiet(): boolean {
    return this.quietUntil !== undefined && this.deps.clock.now() < this.quietUntil;
  }

  /**
   * Starts, keeps or ends the quiet evening a sign-off asked for, from what is stored (so a
   * restart, a wake-up or a sign-off from the CLI are taken up the same way).
   */
  takeUpQuiet(): void {
    let until: number | null;
    try {
      until = this.deps.services.signoff.activeQuietUntil();
    } catch {
      until = null;
    }
    if (until === null) {
      if (this.quietUntil !== undefined) this.endQuiet();
      return;
    }
    if (this.quietUntil === until) return;
    const first = this.quietUntil === undefined;
    this.quietUntil = until;
    if (this.quietTimer !== undefined) this.deps.timers.clearTimeout(this.quietTimer);
    this.quietTimer = this.deps.timers.setTimeout(
      () => {
        this.quietTimer = undefined;
        this.endQuiet();
      },
      Math.max(0, until - this.deps.clock.now()),
    );
    if (first) this.deps.followDnd(this.deps.services.dnd.quietStarted());
  }

  /** The next working start: do-not-disturb back as it was, held prompts delivered. */
  private endQuiet(): void {
    this.quietUntil = undefined;
    if (this.quietTimer !== undefined) this.deps.timers.clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
    if (!this.deps.services.focus.running()) {
      this.deps.followDnd(this.deps.services.dnd.blockEnded());
      this.deps.prompts.releaseHeld();
    }
    this.deps.refreshTray();
  }

  private armFollowUp(): void {
    if (this.followUp !== undefined) this.deps.timers.clearTimeout(this.followUp);
    this.followUp = undefined;
    let at: number | null;
    try {
      at = this.deps.services.signoff.nextCheckAt();
    } catch {
      return;
    }
    if (at === null) return;
    this.followUp = this.deps.timers.setTimeout(
      () => {
        this.followUp = undefined;
        this.deps.samplePresence();
        this.evaluate();
      },
      Math.max(0, at - this.deps.clock.now()),
    );
  }

  private body(decision: Suggestion): string {
    const { settings, signoff } = this.deps.services;
    const speech = this.deps.prompts.speech();
    const { t } = speech;
    const s = settings.on(decision.workday);
    if (decision.reminder > 0) return t('notify.signoff.reminder');
    if (decision.reason === 'long-day') {
      const first = signoff.status().firstActive;
      return first
        ? t('notify.signoff.longDaySince', { time: speech.clock(first) })
        : t('notify.signoff.longDay');
    }
    const end = plannedSignoffAt(decision.workday, s);
    return end === null
      ? t('notify.signoff.noEnd')
      : t('notify.signoff.ended', { time: speech.time(end, s.zone) });
  }
}
