import type { Catalog } from '../../../src-main/shared/i18n/catalog';

/** The en-GB catalog, every namespace's file: its own chunk, loaded only by a window in en-GB. */
const files = import.meta.glob<Partial<Catalog>>('../../../src-main/shared/i18n/messages/*/en-GB.json', {
  eager: true,
  import: 'default',
});

export default Object.assign({}, ...Object.values(files)) as Partial<Catalog>;
