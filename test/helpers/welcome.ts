import { openDatabase } from '../../src-main/storage/database';
import { databasePath } from '../../src-main/storage/paths';
import { WELCOME_KEY } from '../../src-main/services/welcome-service';

/**
 * Marks the first run as gone through on the data in `dataDir` (made if missing), as a user who
 * finished it has: tests of the views open on Today, not on the welcome.
 */
export function markWelcomeDone(dataDir: string): void {
  const db = openDatabase(databasePath(dataDir));
  try {
    db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    ).run(WELCOME_KEY, JSON.stringify('done'));
  } finally {
    db.close();
  }
}
