/**
 * The window's first reads, asked for the moment main.tsx runs: before React, the stores and
 * the rest of the window's code have even loaded (this file imports nothing at run time), so
 * Today's data is on its way while the code is still arriving. Each store's first load takes its
 * read from here once, if it is fresh; after that every read goes to main as usual.
 */
import type { IpcResult, KeelApi } from '../../src-main/ipc/contract';

/**
 * The window's language as main put it in the URL, else the browser's first one: the language
 * Today's recap is written in, read without importing the locale rules (they would pull a shared
 * chunk in front of these reads). Where the window resolves another (a browser language Keel maps
 * elsewhere), the store asks again in its own.
 */
function startupLocale(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const params = new URLSearchParams(window.location.search);
  const messages = params.get('locale');
  if (messages === 'en-XA') return messages;
  if (messages !== null) return params.get('format') ?? messages;
  return typeof navigator === 'undefined' ? undefined : navigator.language;
}

const READS = {
  status: (keel: KeelApi) => keel.app.status(),
  today: (keel: KeelApi, locale?: string) => keel.today.card(todayInput(locale)),
  settings: (keel: KeelApi) => keel.settings.get(),
  signoff: (keel: KeelApi) => keel.signoff.status(),
  data: (keel: KeelApi) => keel.data.overview(),
} as const;

export type StartupRead = keyof typeof READS;

/** A read older than this is not used: the first load asks again. */
const FRESH_MS = 5_000;

/** Today's card input for a language (none: main's default, en-US). */
export function todayInput(locale: string | undefined): { locale?: string } {
  return locale === undefined ? {} : { locale };
}

const held = new Map<StartupRead, { at: number; answer: Promise<IpcResult<unknown>>; locale?: string }>();

/** Starts the first reads (nothing when the window has no `window.keel`). */
export function prefetchStartupReads(): void {
  const keel = typeof window === 'undefined' ? undefined : window.keel;
  if (!keel) return;
  const todayLocale = startupLocale();
  for (const name of Object.keys(READS) as StartupRead[]) {
    const answer = READS[name](keel, todayLocale) as Promise<IpcResult<unknown>>;
    // Nobody may take it (a store loaded some other way): never an unhandled rejection.
    answer.catch(() => undefined);
    const locale = name === 'today' ? todayLocale : undefined;
    held.set(name, { at: Date.now(), answer, ...(locale === undefined ? {} : { locale }) });
  }
}

/**
 * The prefetched answer of one read, once, if it is fresh (and, for a read in a language, asked in
 * `locale`); else undefined (ask main).
 */
export function takePrefetched<T>(name: StartupRead, locale?: string): Promise<IpcResult<T>> | undefined {
  const entry = held.get(name);
  held.delete(name);
  if (!entry || Date.now() - entry.at > FRESH_MS || entry.locale !== locale) return undefined;
  return entry.answer as Promise<IpcResult<T>>;
}

/**
 * The page's first `Intl` formatter costs 40–60 ms on a slow machine, whatever its kind: ICU loads
 * its data then. Made here, while the window's code may still be arriving, that wait is not
 * added to Today's first render. (The formatter itself is thrown away; the window makes its own
 * in its language.)
 */
export function warmIntl(): void {
  try {
    new Intl.DateTimeFormat(startupLocale(), { hour: 'numeric', minute: '2-digit' }).format(0);
  } catch {
    // A tag this browser refuses: the window resolves its language its own way.
  }
}
