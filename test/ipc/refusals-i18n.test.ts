/**
 * Issue #20: refusals reach the window in its language (ipc/refusals.ts), the CLI's stay English,
 * and every `main.refusal.*` message is found again from the very English sentence main throws.
 */
import { describe, expect, it } from 'vitest';
import { KeelError } from '../../src-main/core/errors';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { sayRefusal, speakRefusals } from '../../src-main/ipc/refusals';
import { createLocaleFormat } from '../../src-main/shared/i18n/format';
import { messagesFor } from '../../src-main/shared/i18n/intl';
import type { RefusalSpeech } from '../../src-main/ipc/refusals';
import { SOURCE_CATALOG } from '../../src-main/shared/i18n/catalog';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { makeApp } from '../helpers/app';

// 2027-03-15 is a Monday; Berlin is UTC+1 until 2027-03-28.
const at = (hhmm: string, date = '2027-03-15') => Date.parse(`${date}T${hhmm}:00+01:00`);
const DE: ResolvedLocale = { messages: 'de', format: 'de-DE' };
const US: ResolvedLocale = { messages: 'en-US', format: 'en-US' };

/** A desktop whose language and regional format are the locale's (main's speech follows it). */
const desktopIn = (locale: ResolvedLocale) => ({
  preferred: () => [locale.format],
  regional: () => locale.format,
});

/** Main's speech in a locale, as app/speech.ts makes it. */
function speechIn(locale: ResolvedLocale): RefusalSpeech {
  const { t } = messagesFor(locale);
  const format = createLocaleFormat(locale);
  return { t, clock: (hhmm) => format.clock(hhmm, locale.hourCycle) };
}

async function refusal(
  locale: ResolvedLocale,
  steps: (h: ReturnType<typeof makeApp>['app']['handlers']) => Promise<unknown>,
) {
  const { app } = makeApp(at('12:00'), { adapters: { languages: desktopIn(locale) } });
  return steps(app.handlers);
}

const messageOf = (result: unknown) => (result as { ok: false; error: { message: string } }).error.message;

describe('refusals in the window’s language', () => {
  it('focus: nothing running, a block already running (the time in the locale’s clock)', async () => {
    expect(messageOf(await refusal(DE, (h) => dispatch(h, 'focus:stop', {})))).toBe(
      'Es läuft kein Fokusblock.',
    );
    const running = async (h: ReturnType<typeof makeApp>['app']['handlers']) => {
      await dispatch(h, 'focus:start', { minutes: 25 });
      return dispatch(h, 'focus:start', { minutes: 25 });
    };
    expect(messageOf(await refusal(DE, running))).toBe(
      'Es läuft schon ein Fokusblock bis 12:25; beende ihn zuerst.',
    );
    expect(messageOf(await refusal(US, running))).toBe(
      'A focus block is already running until 12:25 PM; end it first.',
    );
  });

  it('the CLI’s handlers (no locale) refuse in English, as they always have', async () => {
    const { app } = makeApp(at('12:00'), { adapters: { languages: desktopIn(DE) } });
    const english = createHandlers(app.services);
    expect(messageOf(await dispatch(english, 'focus:stop', {}))).toBe('No focus block is running.');
  });

  it('keeps a sentence Keel has no message for, and anything that is not a refusal', () => {
    const de = speechIn(DE);
    expect(sayRefusal(de, 'Some sentence Keel never wrote.')).toBeUndefined();
    const bug = new Error('a bug');
    const handlers = speakRefusals(
      {
        bug: () => {
          throw bug;
        },
        refused: () => {
          throw new KeelError('not_found', 'That talking point no longer exists.');
        },
      },
      () => de,
    );
    expect(() => handlers.bug()).toThrow(bug);
    expect(() => handlers.refused()).toThrow('Diesen Gesprächspunkt gibt es nicht mehr.');
  });

  it('input the window’s schema refuses: the sentence and the one under the control, in German', async () => {
    const result = await refusal(DE, (h) =>
      dispatch(h, 'settings:set', { key: 'focusWarningMinutes', value: 99 }),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'focusWarningMinutes: Gib 0 (keine Vorwarnung) bis 60 Minuten an.',
        field: { path: ['focusWarningMinutes'], message: 'Gib 0 (keine Vorwarnung) bis 60 Minuten an.' },
      },
    });
    expect(messageOf(await refusal(DE, (h) => dispatch(h, 'no:such', {})))).toBe(
      'Diese Aktion gibt es in Keel nicht.',
    );
  });

  it('a schema’s refusal keeps where it is and says the rest in the locale', () => {
    const fr = speechIn({ messages: 'fr', format: 'fr-FR' });
    expect(sayRefusal(fr, 'workingHours.mon: Start and end must differ.')).toBe(
      'workingHours.mon : Le début et la fin doivent être différents.',
    );
    expect(sayRefusal(speechIn(DE), 'focusWarningMinutes: Use 0 (no heads-up) to 60 minutes.')).toBe(
      'focusWarningMinutes: Gib 0 (keine Vorwarnung) bis 60 Minuten an.',
    );
  });

  it('every refusal is found from its English and said in the pseudo-locale', () => {
    const pseudo = speechIn({ messages: 'en-XA', format: 'en-US' });
    const us = speechIn({ messages: 'en-US', format: 'en-US', hourCycle: 'h23' });
    const ids = Object.keys(SOURCE_CATALOG).filter(
      (id) => id.startsWith('main.refusal.') || id.startsWith('main.problem.'),
    );
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) {
      // A sentence without values reads in en-US exactly as main throws it (ICU keeps "Keel's").
      const source = SOURCE_CATALOG[id as keyof typeof SOURCE_CATALOG];
      if (!source.includes('{')) expect(us.t(id as keyof typeof SOURCE_CATALOG), id).toBe(source);
      // The English as main throws it, with sample values in the placeholders.
      const english = us.t(id as keyof typeof SOURCE_CATALOG, {
        time: '17:30',
        max: 3,
        min: 4,
        none: 0,
        count: 4,
        last: 4,
        prefix: 'ab12',
        tag: 'deep work',
        path: 'workingHours',
        name: 'Focus on',
      });
      expect(sayRefusal(us, english), id).toBe(english);
      expect(sayRefusal(pseudo, english), id).toMatch(/^\[.*\]$/s);
    }
  });
});
