/**
 * Child process for the crash-restore test: turns DND on through the real service and the
 * real GNOME adapter (gsettings is a fake script on PATH), prints "on", then waits to be killed.
 */
import { systemClock } from '../../../src-main/core/clock';
import { createCommandRunner } from '../../../src-main/platform/dnd/command-runner';
import { GnomeDndController } from '../../../src-main/platform/dnd/gnome-dnd';
import { DndService } from '../../../src-main/services/dnd-service';
import { createServices } from '../../../src-main/services';
import { DndRepo } from '../../../src-main/storage/dnd-repo';
import { resolveDataDir } from '../../../src-main/storage/paths';

async function main(): Promise<void> {
  const services = createServices({ dataDir: resolveDataDir(), clock: systemClock, version: '0.0.0-test' });
  services.settings.set('dnd', { enabled: true });
  const dnd = new DndService(
    new GnomeDndController(createCommandRunner()),
    new DndRepo(services.db),
    services.settings,
    systemClock,
  );
  const problem = await dnd.blockStarted();
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(2);
  }
  process.stdout.write('on\n');
  // Stay alive (and holding the database) until the test kills this process.
  setInterval(() => undefined, 60_000);
}

void main();
