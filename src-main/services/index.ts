import type { Clock } from '../core/clock';
import { databasePath } from '../storage/paths';
import { openDatabase, type Db, type OpenOptions } from '../storage/database';
import { schemaVersion } from '../storage/migrations';
import { SettingsRepo } from '../storage/settings-repo';
import { workdaySource } from '../core/workday';
import { FocusRepo } from '../storage/focus-repo';
import { AgendaService } from './agenda-service';
import { FocusService } from './focus-service';
import { SettingsService } from './settings-service';
import { StatusService } from './status-service';

export interface Services {
  db: Db;
  settings: SettingsService;
  agenda: AgendaService;
  focus: FocusService;
  status: StatusService;
  close(): void;
}

export interface ServiceOptions extends OpenOptions {
  dataDir: string;
  clock: Clock;
  version: string;
  /** The system's zone; injectable so tests can pin it. */
  systemZone?: () => string;
}

/** Opens the database in `dataDir` and builds every service on it. */
export function createServices(options: ServiceOptions): Services {
  const file = databasePath(options.dataDir);
  const db = openDatabase(file, options);
  const settings = new SettingsService(new SettingsRepo(db), options.clock, options.systemZone);
  const agenda = new AgendaService(settings, options.clock);
  const focus = new FocusService(new FocusRepo(db), settings, options.clock);
  agenda.addSource(workdaySource);
  agenda.addSource(focus.agendaSource);
  const status = new StatusService(
    {
      version: options.version,
      dataDir: options.dataDir,
      databasePath: file,
      schemaVersion: () => schemaVersion(db),
    },
    settings,
    agenda,
    options.clock,
  );
  return {
    db,
    settings,
    agenda,
    focus,
    status,
    close: () => {
      if (db.open) db.close();
    },
  };
}
