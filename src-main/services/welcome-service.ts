import type { Clock } from '../core/clock';
import { SETTING_KEYS } from '../core/settings';
import { addLocalDays } from '../core/time';
import type { WelcomeStatus, WelcomeTopic } from '../shared/welcome';
import type { Db } from '../storage/database';
import { DataRepo } from '../storage/data-repo';
import { RuleRepo } from '../storage/rule-repo';
import { SettingsRepo } from '../storage/settings-repo';
import type { SettingsService } from './settings-service';

/** The settings-table key (Keel's bookkeeping, never exported) that remembers the welcome. */
export const WELCOME_KEY = 'welcome';

/** The settings the first run asks about, and whose defaults Today names until the user sets them. */
const TOPICS: readonly WelcomeTopic[] = ['workingHours', 'focusPlan', 'oneOnOne'];

/**
 * The first run (#18): shown once on a new data file, never to someone whose data already holds
 * records or settings of their own (they get a gentle "Review your settings" instead).
 *
 * Decisions:
 * - A data file is new when it has no records and no setting the user stored. That is decided
 *   once, the first time anyone asks (the app's window, or a CLI command), and kept as "pending",
 *   so the presence Keel records while the first run is still open does not turn it into a review.
 * - The first run writes nothing of its own: each step saves through `settings:set`. Finishing or
 *   skipping it (or dismissing the review) only marks it done, here.
 */
export class WelcomeService {
  private readonly deps: {
    settingsRepo: SettingsRepo;
    rules: RuleRepo;
    records: DataRepo;
    settings: SettingsService;
    clock: Clock;
  };

  constructor(db: Db, settings: SettingsService, clock: Clock) {
    this.deps = {
      settingsRepo: new SettingsRepo(db),
      rules: new RuleRepo(db),
      records: new DataRepo(db),
      settings,
      clock,
    };
  }

  status(): WelcomeStatus {
    const today = this.deps.settings.today();
    return {
      show: this.show(),
      stillDefault: this.stillDefault(),
      today,
      tomorrow: addLocalDays(today, 1),
    };
  }

  /** The first run finished or skipped, or the review dismissed: neither comes back by itself. */
  finish(): WelcomeStatus {
    this.deps.settingsRepo.set(WELCOME_KEY, 'done', this.deps.clock.now());
    return this.status();
  }

  /** The first run of a new data file is not finished yet. */
  pending(): boolean {
    return this.deps.settingsRepo.all()[WELCOME_KEY] === 'pending';
  }

  private show(): WelcomeStatus['show'] {
    const stored = this.deps.settingsRepo.all()[WELCOME_KEY];
    if (stored === 'done') return 'none';
    if (stored === 'pending') return 'first-run';
    if (!this.isNew()) return 'review';
    this.deps.settingsRepo.insertIfAbsent(WELCOME_KEY, 'pending', this.deps.clock.now());
    return 'first-run';
  }

  private isNew(): boolean {
    if (this.deps.rules.all().length > 0) return false;
    const stored = this.deps.settingsRepo.all();
    if (SETTING_KEYS.some((key) => key in stored)) return false;
    return Object.values(this.deps.records.counts()).every((n) => n === 0);
  }

  /** The asked-about settings the user never stored: Keel's defaults are what is in force. */
  private stillDefault(): WelcomeTopic[] {
    const changed = new Set<string>(this.deps.rules.all().map((c) => c.key));
    const stored = this.deps.settingsRepo.all();
    return TOPICS.filter((key) => !changed.has(key) && !(key in stored));
  }
}
