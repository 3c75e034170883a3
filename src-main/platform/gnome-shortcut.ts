/**
 * GNOME's own custom keyboard shortcuts, through `gsettings` (run with execFile, no shell): what
 * Keel adds, with the user's consent, when Ctrl+Alt+F cannot reach Keel on Wayland. The list of
 * custom shortcuts (media-keys `custom-keybindings`) is appended to, never replaced; Keel's entry
 * is added once; a Ctrl+Alt+F another custom shortcut uses is reported and left alone.
 */
import { execFile } from 'node:child_process';

/** Runs `gsettings <args>` and resolves with its output; rejects when it fails or hangs. */
export type Gsettings = (args: readonly string[]) => Promise<string>;

export const MEDIA_KEYS_SCHEMA = 'org.gnome.settings-daemon.plugins.media-keys';
export const CUSTOM_SCHEMA = `${MEDIA_KEYS_SCHEMA}.custom-keybinding`;
export const CUSTOM_BASE = '/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings/';
/** The name Keel's entry carries in GNOME Settings → Keyboard → Custom Shortcuts. */
export const KEEL_SHORTCUT_NAME = 'Keel focus';
export const FOCUS_BINDING = '<Control><Alt>f';
const GSETTINGS_TIMEOUT_MS = 5_000;

export interface CustomShortcut {
  path: string;
  name: string;
  command: string;
  binding: string;
}

export type AddOutcome =
  { kind: 'added'; path: string } | { kind: 'already'; path: string } | { kind: 'taken'; by: string };

/** The real `gsettings` (or `binary`), with a time limit; `env` picks the backend in tests. */
export function runGsettings(
  options: { binary?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Gsettings {
  return (args) =>
    new Promise((resolve, reject) => {
      execFile(
        options.binary ?? 'gsettings',
        [...args],
        {
          encoding: 'utf8',
          timeout: options.timeoutMs ?? GSETTINGS_TIMEOUT_MS,
          maxBuffer: 256 * 1024,
          ...(options.env ? { env: options.env } : {}),
        },
        (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
      );
    });
}

/** One GVariant string literal ('…' or "…", with backslash escapes) from `text` at `at`. */
function readString(text: string, at: number): { value: string; end: number } {
  const quote = text[at];
  if (quote !== "'" && quote !== '"') throw new Error(`gsettings: expected a string at ${at}`);
  let value = '';
  for (let i = at + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === quote) return { value, end: i + 1 };
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const next = text[++i];
    if (next === 'n') value += '\n';
    else if (next === 't') value += '\t';
    else if (next === 'u') {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (next !== undefined) value += next;
  }
  throw new Error('gsettings: an unterminated string');
}

/** A GVariant string as gsettings prints it. */
export function parseGvString(text: string): string {
  const { value, end } = readString(text.trim(), 0);
  if (end !== text.trim().length) throw new Error('gsettings: more than one string');
  return value;
}

/** A GVariant string array (`@as []`, `['a', 'b']`) as gsettings prints it. */
export function parseGvStringArray(text: string): string[] {
  const body = text.trim().replace(/^@as\s+/, '');
  if (!body.startsWith('[') || !body.endsWith(']')) throw new Error('gsettings: not a list');
  const out: string[] = [];
  let i = 1;
  const skip = () => {
    while (i < body.length && /[\s,]/.test(body[i]!)) i++;
  };
  for (skip(); i < body.length - 1; skip()) {
    const { value, end } = readString(body, i);
    out.push(value);
    i = end;
  }
  return out;
}

/** A GVariant string literal, for `gsettings set`. */
export function gvString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const gvStringArray = (values: readonly string[]): string =>
  values.length === 0 ? '@as []' : `[${values.map(gvString).join(', ')}]`;

/** Ctrl+Alt+F however it is spelled (`<Primary><Alt>F`, `<Alt><Ctrl>f`…). */
export function sameAccelerator(a: string, b: string): boolean {
  const norm = (accel: string) => {
    const mods = [...accel.matchAll(/<([^>]+)>/g)]
      .map((m) => m[1]!.toLowerCase())
      .map((m) => (m === 'primary' || m === 'ctrl' || m === 'control_l' ? 'control' : m))
      .sort();
    return `${[...new Set(mods)].join('+')}+${accel.replace(/<[^>]+>/g, '').toLowerCase()}`;
  };
  return a.trim() !== '' && norm(a) === norm(b);
}

async function readList(gs: Gsettings): Promise<string[]> {
  return parseGvStringArray(await gs(['get', MEDIA_KEYS_SCHEMA, 'custom-keybindings']));
}

async function readEntry(gs: Gsettings, path: string): Promise<CustomShortcut | undefined> {
  try {
    const key = async (name: string) => parseGvString(await gs(['get', `${CUSTOM_SCHEMA}:${path}`, name]));
    return { path, name: await key('name'), command: await key('command'), binding: await key('binding') };
  } catch {
    return undefined; // a path gsettings will not read (not one of media-keys' own): not Keel's
  }
}

/** Every custom shortcut in the user's list that gsettings can read, in order. */
export async function readCustomShortcuts(gs: Gsettings): Promise<CustomShortcut[]> {
  const entries = await Promise.all((await readList(gs)).map((path) => readEntry(gs, path)));
  return entries.filter((e): e is CustomShortcut => e !== undefined);
}

const isKeels = (entry: CustomShortcut, command: string): boolean =>
  entry.command === command || entry.name === KEEL_SHORTCUT_NAME;

/** Keel's entry in the user's custom shortcuts, if it is there. */
export async function findKeelShortcut(gs: Gsettings, command: string): Promise<CustomShortcut | undefined> {
  return (await readCustomShortcuts(gs)).find((entry) => isKeels(entry, command));
}

/** The first `…/customN/` the list does not hold (GNOME Settings names its own the same way). */
function freePath(list: readonly string[]): string {
  for (let n = 0; ; n++) {
    const path = `${CUSTOM_BASE}custom${n}/`;
    if (!list.includes(path)) return path;
  }
}

/**
 * Adds "Keel focus" (`command` on Ctrl+Alt+F) to GNOME's custom shortcuts, once: appended to the
 * user's list, its keys written before the list names it. Rejects when gsettings fails.
 */
export async function addKeelShortcut(gs: Gsettings, command: string): Promise<AddOutcome> {
  const list = await readList(gs);
  const entries = (await Promise.all(list.map((path) => readEntry(gs, path)))).filter(
    (e): e is CustomShortcut => e !== undefined,
  );
  const keels = entries.find((entry) => isKeels(entry, command));
  if (keels) return { kind: 'already', path: keels.path };
  const taken = entries.find((entry) => sameAccelerator(entry.binding, FOCUS_BINDING));
  if (taken) return { kind: 'taken', by: taken.name || taken.command };
  const path = freePath(list);
  const schema = `${CUSTOM_SCHEMA}:${path}`;
  await gs(['set', schema, 'name', gvString(KEEL_SHORTCUT_NAME)]);
  await gs(['set', schema, 'command', gvString(command)]);
  await gs(['set', schema, 'binding', gvString(FOCUS_BINDING)]);
  // Read again just before writing: only Keel's path is added to whatever the list holds now.
  const now = await readList(gs);
  await gs(['set', MEDIA_KEYS_SCHEMA, 'custom-keybindings', gvStringArray([...now, path])]);
  return { kind: 'added', path };
}
