import type { AgendaEvent, AgendaSource } from '../core/agenda';
import { ruleWrite } from '../core/rule-writes';
import type { Clock } from '../core/clock';
import { KeelError } from '../core/errors';
import {
  isDatedKey,
  isEffectiveDate,
  RuleBook,
  type DatedKey,
  type Rules,
  type RulesView,
} from '../core/rules';
import { resolveSettings, settingSchemas, type SettingKey, type Settings } from '../core/settings';
import { addLocalDays, localDateOf, startOfLocalDate, systemZone, type LocalDate } from '../core/time';
import { parseOrThrow } from '../core/validation';
import type { RuleRepo } from '../storage/rule-repo';
import type { SettingsRepo } from '../storage/settings-repo';
import { Emitter } from './events';

/** What Keel's counting starts from (see `SettingsService.countingStart`). */
export interface CountingStart {
  firstStart: number;
  recordsFrom: LocalDate | null;
}

/** When a change of a dated rule takes effect: today unless the user names a date. */
export interface SetOptions {
  from?: LocalDate;
}

/**
 * Reads and writes the user's settings; every write is validated before it is stored. The rules
 * that decide a day's figures are dated (core/rules.ts): `get()` is what is in force today,
 * `on(date)` what was (or will be) in force on any date.
 */
export class SettingsService {
  readonly onDidChange = new Emitter<Settings>();
  private cache: { book: RuleBook; today: LocalDate; settings: Settings } | undefined;

  constructor(
    private readonly repo: SettingsRepo,
    private readonly rules: RuleRepo,
    private readonly clock: Clock,
    private readonly zoneOfSystem: () => string = systemZone,
  ) {}

  /** Settings in force today: defaults overlaid with what the user stored. */
  get(): Settings {
    return this.state().settings;
  }

  /** Every dated rule's history. */
  book(): RuleBook {
    return this.state().book;
  }

  /** The settings in force on `date`. */
  on(date: LocalDate): Rules {
    return this.state().book.on(date);
  }

  /**
   * Internal agenda events at the start of each date a planned change takes effect, so the app
   * reads the settings again (and tells the window) when it does.
   */
  readonly agendaSource: AgendaSource = {
    name: 'rules',
    eventsBetween: (from, to, rules) => {
      const events: AgendaEvent[] = [];
      const since = addLocalDays(localDateOf(from, rules.current.zone), -1);
      const dates = new Set(
        this.book()
          .changesAfter(since)
          .map((c) => c.from),
      );
      for (const date of dates) {
        const start = startOfLocalDate(date, rules.on(date).zone);
        if (start < from || start >= to) continue;
        events.push({
          id: `rules:${date}`,
          kind: 'rules',
          title: 'Planned changes take effect',
          start,
          internal: true,
        });
      }
      return events;
    },
  };

  /** Today's settings and those in force on any date, for planning and counting. */
  view(): RulesView {
    const { book, settings } = this.state();
    return { current: settings, on: (date) => book.on(date) };
  }

  /** Today's settings that can also answer any date's (`on`), for `signoffWorkdayOf`. */
  byDate(): Settings & { on(date: LocalDate): Rules } {
    return { ...this.get(), on: (date) => this.on(date) };
  }

  /** Today's local date in today's zone. */
  today(): LocalDate {
    return this.state().today;
  }

  /**
   * Where Keel's figures start: its first start on this data file, and the earliest date anything
   * is recorded on (core/day-figures.ts judges each day by them in the day's own zone). Read afresh
   * each time: a record dated earlier may arrive at any moment (an import, a check-in dated back),
   * and the same data must give the same figures in every process.
   */
  countingStart(): CountingStart {
    return {
      firstStart: this.rules.firstStart() ?? this.clock.now(),
      recordsFrom: this.rules.earliestRecordDate(),
    };
  }

  /**
   * The instant Keel's figures count from: its first start, or the start of the earliest recorded
   * date when that date ended before the first start (read in the zone in force on it). Each
   * day's own counting, judged in its own zone, is `DayFigures.counting`.
   */
  countingFrom(): number {
    const { firstStart, recordsFrom } = this.countingStart();
    if (recordsFrom === null) return firstStart;
    const zone = this.on(recordsFrom).zone;
    const ended = startOfLocalDate(addLocalDays(recordsFrom, 1), zone) <= firstStart;
    return ended ? startOfLocalDate(recordsFrom, zone) : firstStart;
  }

  /**
   * Validates and stores one setting; invalid values throw and write nothing. A dated rule takes
   * effect on `options.from` (default today) and leaves every day before it as it was.
   */
  set<K extends SettingKey>(key: K, value: unknown, options: SetOptions = {}): Settings {
    const parsed = parseOrThrow(settingSchemas[key], value);
    const now = this.clock.now();
    if (isDatedKey(key)) {
      // "Today" is today in the zone in force now: a new zone from today never reaches back into
      // a day that is over where the user is (see `state()` for the hours until the new zone's
      // own date catches up).
      const from = options.from ?? this.today();
      if (!isEffectiveDate(from)) {
        throw new KeelError(
          'invalid_input',
          'Use a date such as 2026-12-01 for when the change takes effect.',
        );
      }
      const write = ruleWrite(this.book(), { key, from, value: parsed }, this.today());
      for (const change of write.upserts) {
        // A list edit carried into a later change must still be a valid list (at most 200 items).
        parseOrThrow(settingSchemas[change.key], change.value);
      }
      this.rules.apply(write, now);
    } else {
      if (options.from !== undefined) {
        throw new KeelError('invalid_input', `${key} takes effect at once; it has no date.`);
      }
      this.repo.set(key, parsed, now);
    }
    return this.reload();
  }

  /** Withdraws a change of `key` that has not taken effect yet. */
  cancelChange(key: DatedKey, from: LocalDate): Settings {
    if (from <= this.today()) {
      throw new KeelError('conflict', 'That change is already in force; set a new value instead.');
    }
    if (!this.rules.delete(key, from)) throw new KeelError('not_found', 'There is no such planned change.');
    return this.reload();
  }

  /** Drops the cache, e.g. after another process (the CLI) changed the database. */
  reload(): Settings {
    this.cache = undefined;
    const settings = this.get();
    this.onDidChange.emit(settings);
    return settings;
  }

  private state(): NonNullable<SettingsService['cache']> {
    const now = this.clock.now();
    const cached = this.cache;
    // A new day can bring a change into force: today's settings are read again after midnight.
    if (cached && localDateOf(now, cached.settings.zone) === cached.today) return cached;
    const book =
      cached?.book ?? new RuleBook(resolveSettings(this.repo.all(), this.zoneOfSystem()), this.rules.all());
    // Today is a date in today's zone, which is itself a rule: read the date in the zone in force
    // on the system's date, and keep that reading if the zone's own date disagrees.
    const first = localDateOf(now, book.base.zone);
    const firstRules = book.on(first);
    const second = localDateOf(now, firstRules.zone);
    const secondRules = book.on(second);
    const stable = secondRules.zone === firstRules.zone;
    const today = stable ? second : first;
    const resolved = stable ? secondRules : firstRules;
    this.cache = { book, today, settings: resolved };
    return this.cache;
  }
}
