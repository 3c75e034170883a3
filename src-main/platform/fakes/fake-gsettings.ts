import { gvString, parseGvString, type Gsettings } from '../gnome-shortcut';

/**
 * `gsettings get/set` on a map, for the window's tests and the preview (the real gsettings is
 * tested in test/platform/gnome-shortcut.test.ts). Unset keys read as GNOME's defaults: an empty
 * list and empty strings. `fail` makes every call reject, as a missing gsettings would.
 */
export class FakeGsettings {
  readonly values = new Map<string, string>();
  fail = false;

  readonly run: Gsettings = async (args) => {
    if (this.fail) throw new Error('gsettings: not found');
    const [verb, schema, key, value] = args;
    const id = `${schema} ${key}`;
    if (verb === 'set' && value !== undefined) {
      this.values.set(id, value);
      return '';
    }
    if (verb !== 'get') throw new Error(`gsettings: ${verb} is not faked`);
    return this.values.get(id) ?? (key === 'custom-keybindings' ? '@as []' : gvString(''));
  };

  /** The value of `key` in `schema` as a plain string (for string keys). */
  read(schema: string, key: string): string {
    return parseGvString(this.values.get(`${schema} ${key}`) ?? "''");
  }
}
