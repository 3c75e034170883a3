import type { Catalog } from '../../../src-main/shared/i18n/catalog';

/** The es catalog, every namespace's file: its own chunk, loaded only by a window in es. */
const files = import.meta.glob<Partial<Catalog>>('../../../src-main/shared/i18n/messages/*/es.json', {
  eager: true,
  import: 'default',
});

export default Object.assign({}, ...Object.values(files)) as Partial<Catalog>;
