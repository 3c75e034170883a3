import { pseudoMessage } from '../../src-main/shared/i18n/pseudo';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { localeSearch } from '../../src-main/shared/i18n/locale-url';
import { SOURCE_CATALOG } from '../../src-main/shared/i18n/catalog';
import { windowLocale } from '../../src-renderer/i18n/KeelIntl';
import { VIEW_LABELS, VIEW_MESSAGES, VIEW_ORDER } from '../../src-renderer/app/views';
import { navItem, renderApp } from './harness';
import { createTestKeel } from './keel-bridge';
import { untranslatedText } from './untranslated';

const GERMAN: ResolvedLocale = { messages: 'de', format: 'de-DE' };
const PSEUDO: ResolvedLocale = { messages: 'en-XA', format: 'en-US' };

/** The product's name is not translated. */
const NAMES = ['Keel'];

describe('the window in German', () => {
  it('names the views in the sidebar in German, and they still open their view', async () => {
    const { user } = await renderApp({}, { locale: GERMAN });
    const nav = screen.getByRole('navigation', { name: 'Hauptnavigation' });
    const names = within(nav)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toEqual(
      expect.arrayContaining([
        'Heute',
        'Fokus',
        'Check-ins',
        'Feierabend',
        'Einzelgespräch',
        'Einstellungen',
      ]),
    );
    expect(nav).toHaveTextContent('Alles bleibt auf diesem Computer.');
    expect(within(nav).queryByText('Today')).toBeNull();
    // Today itself: its heading, its cards and the greeting with a German date.
    expect(screen.getByRole('heading', { level: 1, name: 'Heute' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Arbeitszeiten' })).toBeVisible();
    expect(document.getElementById('main')).toHaveTextContent(/Heute ist \p{L}+, \d{1,2}\. \p{L}+\./u);
    await user.click(navItem('Einstellungen'));
    expect(navItem('Einstellungen')).toHaveAttribute('aria-current', 'page');
  });

  it('on a Monday: last week’s recap in German, German durations and dates', async () => {
    const keel = createTestKeel({ now: '2025-03-17T09:30:00+01:00' });
    await keel.at('2025-03-12T12:00:00+01:00', () => keel.services.focus.startAdhoc({ minutes: 50 }));
    await keel.at('2025-03-12T12:50:00+01:00', () => keel.services.focus.stop());
    await keel.call('talk:add', { text: 'On-call rota' });
    await keel.call('talk:add', { text: 'Hiring' });
    await renderApp(keel, { locale: GERMAN });
    const recap = await screen.findByRole('region', { name: 'Letzte Woche' });
    expect(recap).toHaveTextContent('10.–16. März 2025, verglichen mit 3.–9. März 2025.');
    expect(within(recap).getByText('50 Min. geschützt · 20 Std. geplant')).toBeVisible();
    expect(within(recap).getByText('2 Gesprächspunkte offen')).toBeVisible();
    expect(within(recap).getAllByText('So wird gezählt')).toHaveLength(4);
    // The counting line is the summary's own, in German too.
    expect(recap).toHaveTextContent(/Geplant: /);
  });

  it('speaks English by default, as before', async () => {
    await renderApp();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    for (const id of VIEW_ORDER)
      expect(within(nav).getByRole('button', { name: VIEW_LABELS[id] })).toBeVisible();
  });
});

describe('the pseudo-locale', () => {
  it('the sidebar shows nothing that is not from the catalog', async () => {
    await renderApp({}, { locale: PSEUDO });
    const nav = screen.getByRole('navigation');
    expect(untranslatedText(nav, NAMES)).toEqual([]);
    expect(nav).toHaveTextContent('[Ŧóóðááý]');
  });

  it('Today shows nothing that is not from the catalog (and data: times, dates, the zone)', async () => {
    await renderApp({}, { locale: PSEUDO });
    const main = document.getElementById('main') as HTMLElement;
    const data = [/^[\d:–\s]+(AM|PM)?[\d:–\s]*(AM|PM)?$/, /^\d+ (hr|hrs|min|mins)(, \d+ (min|mins))?$/];
    // Main's next event is named by its kind in the window's words; the zone is data.
    expect(untranslatedText(main, [...NAMES, ...data, 'Europe/Berlin'])).toEqual([]);
    expect(main).toHaveTextContent(pseudoMessage('Working hours'));
  });

  it('on a Monday, the recap of last week is in the window’s language too (main writes it so)', async () => {
    const keel = createTestKeel({ now: '2025-03-17T09:30:00+01:00' });
    await keel.at('2025-03-12T12:00:00+01:00', () => keel.services.focus.startAdhoc({ minutes: 50 }));
    await keel.at('2025-03-12T12:50:00+01:00', () => keel.services.focus.stop());
    await keel.call('talk:add', { text: 'On-call rota' });
    await renderApp(keel, { locale: PSEUDO });
    const recap = await screen.findByRole('region', { name: pseudoMessage('Last week') });
    const data = [/^[\d:–\s]+(AM|PM)?[\d:–\s]*(AM|PM)?$/, /^\d+ (hr|hrs|min|mins)(, \d+ (min|mins))?$/];
    const main = document.getElementById('main') as HTMLElement;
    expect(untranslatedText(main, [...NAMES, ...data, 'Europe/Berlin'])).toEqual([]);
    expect(recap).toHaveTextContent(pseudoMessage('Talking points'));
  });

  it('the check finds what is not: the Focus view is not swept yet', async () => {
    const { user } = await renderApp({}, { locale: PSEUDO });
    await user.keyboard('{Control>}2{/Control}');
    expect(untranslatedText(document.getElementById('main') as HTMLElement, NAMES).length).toBeGreaterThan(0);
  });

  it('the check reads labels and split messages, and allows what it is told to', () => {
    // A value inside a message (a rich message's <b>, a name) is the message's; text beside one is not.
    render(
      <div>
        <span>[Ŧĥé </span>
        <b>Tuesday</b>
        <span> ~]</span>
        <span>Wednesday</span>
        <button type="button" aria-label="Close" />
        <span>
          [Šááṽéé {'['}Ñóóŧéé{']'}]
        </span>
        <span>Ada Lovelace</span>
      </div>,
    );
    expect(untranslatedText(document.body, ['Ada Lovelace'])).toEqual(['Wednesday', 'Close']);
  });
});

describe("the window's locale", () => {
  it('comes from the URL main loads, checked part by part', () => {
    expect(
      windowLocale(localeSearch({ messages: 'de', format: 'de-AT', hourCycle: 'h12' }), ['en-US']),
    ).toEqual({
      messages: 'de',
      format: 'de-AT',
      hourCycle: 'h12',
    });
    expect(windowLocale('?locale=de&format=fr-FR&hourCycle=h99', ['en-US'])).toEqual({
      messages: 'de',
      format: 'de',
    });
  });

  it("falls back to the browser's languages (the preview) by the same rules", () => {
    expect(windowLocale('', ['ja-JP', 'pt-PT'])).toEqual({ messages: 'pt-BR', format: 'pt-PT' });
    expect(windowLocale('?locale=xx', ['de-CH'])).toEqual({ messages: 'de', format: 'de-CH' });
  });

  it("the sidebar's English names are the ones the rest of the window still uses", () => {
    for (const id of VIEW_ORDER) expect(SOURCE_CATALOG[VIEW_MESSAGES[id]]).toBe(VIEW_LABELS[id]);
  });
});
