import type { Catalog } from '../../../src-main/shared/i18n/catalog';

/** The de catalog, every namespace the window speaks (not main's or the CLI's own): its own chunk, loaded only by a window in de. */
const files = import.meta.glob<Partial<Catalog>>(
  [
    '../../../src-main/shared/i18n/messages/*/de.json',
    '!../../../src-main/shared/i18n/messages/{notify,main,cli}/*',
  ],
  { eager: true, import: 'default' },
);

export default Object.assign({}, ...Object.values(files)) as Partial<Catalog>;
