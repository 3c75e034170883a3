import type { Catalog } from '../../../src-main/shared/i18n/catalog';

/** The fr catalog, every namespace's file: its own chunk, loaded only by a window in fr. */
const files = import.meta.glob<Partial<Catalog>>('../../../src-main/shared/i18n/messages/*/fr.json', {
  eager: true,
  import: 'default',
});

export default Object.assign({}, ...Object.values(files)) as Partial<Catalog>;
