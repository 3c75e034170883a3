// electron-builder.yml as electron-builder reads it (js-yaml, its own YAML parser): the settings
// other code relies on but no packaged Linux build can show.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP_ENTRY } from '../../src-main/platform/desktop-session';

const ROOT = path.resolve(__dirname, '../..');
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  executableName?: string;
  linux?: { executableName?: string };
  mac?: { extendInfo?: Record<string, unknown> };
}

const config = load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("asks macOS for alert-style notifications, so Keel's buttons show (banners have none)", () => {
    expect(config.mac?.extendInfo?.NSUserNotificationAlertStyle).toBe('alert');
  });

  it('names the Linux executable (and so its desktop entry) as notifications and do-not-disturb name Keel', () => {
    expect(config.linux?.executableName ?? config.executableName).toBe(DESKTOP_ENTRY);
  });
});
