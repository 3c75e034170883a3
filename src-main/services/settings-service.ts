import type { Clock } from '../core/clock';
import { resolveSettings, settingSchemas, type SettingKey, type Settings } from '../core/settings';
import { systemZone } from '../core/time';
import { parseOrThrow } from '../core/validation';
import type { SettingsRepo } from '../storage/settings-repo';
import { Emitter } from './events';

/** Reads and writes the user's settings; every write is validated before it is stored. */
export class SettingsService {
  readonly onDidChange = new Emitter<Settings>();
  private cache: Settings | undefined;

  constructor(
    private readonly repo: SettingsRepo,
    private readonly clock: Clock,
    private readonly zoneOfSystem: () => string = systemZone,
  ) {}

  /** Current settings: defaults overlaid with what the user stored. */
  get(): Settings {
    this.cache ??= resolveSettings(this.repo.all(), this.zoneOfSystem());
    return this.cache;
  }

  /** Validates and stores one setting; invalid values throw and write nothing. */
  set<K extends SettingKey>(key: K, value: unknown): Settings {
    const parsed = parseOrThrow(settingSchemas[key], value);
    this.repo.set(key, parsed, this.clock.now());
    return this.reload();
  }

  /** Drops the cache, e.g. after another process (the CLI) changed the database. */
  reload(): Settings {
    this.cache = undefined;
    const settings = this.get();
    this.onDidChange.emit(settings);
    return settings;
  }
}
