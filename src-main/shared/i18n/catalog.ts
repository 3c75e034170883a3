/**
 * Keel's message catalogs: ICU MessageFormat strings keyed by id, in messages/<namespace>/, one
 * JSON file per locale. en-US is the source every other catalog translates (test/i18n/catalogs.test.ts
 * holds each to every key, every placeholder and its language's plural forms); en-GB overrides
 * only what British English says differently; en-XA is generated from en-US (pseudo.ts).
 */
import type { SupportedLocale } from './locale';
import app from './messages/app';
import checkin from './messages/checkin';
import cli from './messages/cli';
import exportMessages from './messages/export';
import focus from './messages/focus';
import language from './messages/language';
import mainMessages from './messages/main';
import notify from './messages/notify';
import oneonone from './messages/oneonone';
import settings from './messages/settings';
import signoff from './messages/signoff';
import system from './messages/system';
import today from './messages/today';
import vocab from './messages/vocab';
import who5 from './messages/who5';
import { pseudoCatalog } from './pseudo';

/**
 * One namespace per area, each a folder of messages/ with a JSON file per stored locale; every
 * key starts with its namespace (`focus.now.start`), so areas never collide.
 */
export const NAMESPACES = {
  app,
  vocab,
  language,
  today,
  focus,
  checkin,
  who5,
  signoff,
  oneonone,
  settings,
  system,
  notify,
  main: mainMessages,
  cli,
  export: exportMessages,
} as const;

type StoredLocale = Exclude<SupportedLocale, 'en-XA'>;

const SOURCE = {
  ...app['en-US'],
  ...vocab['en-US'],
  ...language['en-US'],
  ...today['en-US'],
  ...focus['en-US'],
  ...checkin['en-US'],
  ...who5['en-US'],
  ...signoff['en-US'],
  ...oneonone['en-US'],
  ...settings['en-US'],
  ...system['en-US'],
  ...notify['en-US'],
  ...mainMessages['en-US'],
  ...cli['en-US'],
  ...exportMessages['en-US'],
};

/** Every message id (the English source's keys). */
export type MessageId = keyof typeof SOURCE;

export type Catalog = Readonly<Record<MessageId, string>>;

/** The English source. */
export const SOURCE_CATALOG: Catalog = SOURCE;

function stored(locale: StoredLocale): Partial<Catalog> {
  const merged: Record<string, string> = {};
  for (const namespace of Object.values(NAMESPACES)) {
    Object.assign(merged, namespace[locale] as Record<string, string>);
  }
  return merged as Partial<Catalog>;
}

/** The stored translations, as written (en-GB partial: it reads en-US underneath). */
export const STORED_CATALOGS: Readonly<Record<StoredLocale, Partial<Catalog>>> = {
  'en-US': SOURCE,
  'en-GB': stored('en-GB'),
  de: stored('de'),
  fr: stored('fr'),
  es: stored('es'),
  'pt-BR': stored('pt-BR'),
};

let pseudo: Catalog | undefined;

/** The messages of one locale; en-XA is built from en-US on first use. */
export function catalogFor(locale: SupportedLocale): Catalog {
  if (locale === 'en-XA') {
    pseudo ??= pseudoCatalog(SOURCE_CATALOG);
    return pseudo;
  }
  if (locale === 'en-GB') return { ...SOURCE_CATALOG, ...STORED_CATALOGS['en-GB'] };
  // The catalog test holds each translation to every key; the source fills a gap meanwhile.
  return { ...SOURCE_CATALOG, ...STORED_CATALOGS[locale] };
}
