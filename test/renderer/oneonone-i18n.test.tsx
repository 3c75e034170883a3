import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { catalogFor } from '../../src-main/shared/i18n/catalog';
import { languageChoices } from '../../src-main/shared/i18n/language-names';
import type { ResolvedLocale } from '../../src-main/shared/i18n/locale';
import { renderApp } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';
import { untranslatedText } from './untranslated';

/**
 * The One-on-one view in other languages: talking points (edit, reorder, discussed), the summary
 * builder with its private notes and tags, the preview, the share log, the working agreement and
 * its share card, and the weekly update. The clock: Friday 14 March 2025, after work, in Berlin.
 * In the pseudo-locale every catalog message is bracketed; what is left on screen was written some
 * other way, less what the test put there (user data) and what main sends (allowed by name below).
 */

const SLOW = { timeout: 60_000 };
const PSEUDO: ResolvedLocale = { messages: 'en-XA', format: 'en-US' };
const GERMAN: ResolvedLocale = { messages: 'de', format: 'de-DE' };
const NOW = '2025-03-14T18:30:00+01:00';

/** User data the test wrote, and pieces that are not words. */
const USER_DATA: readonly (string | RegExp)[] = [
  'Keel',
  'Conference budget',
  'Ask about the on-call rotation',
  'Team offsite',
  'The migration deadline feels tight',
  'Slept badly all week',
  'Job hunting',
  'Merged the importer',
  'Reviewed #412',
  'Paired with Ana',
  'Plan Q2',
  'Docs',
  'Release notes',
  // Arrows and separators drawn beside words (aria-hidden), and a share line's " · ".
  /^[↑↓←→✕·]$/,
  // Dates Intl wrote, alone in their element: "Wed, Mar 5"; a period, "Wed, Feb 26 – Tue, Mar 11".
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Feb|Mar) \d{1,2}( – (Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Feb|Mar) \d{1,2})?$/,
  // The summary's languages, each by its own name (SummaryLanguageField, on purpose).
  ...languageChoices().map((choice) => choice.name),
  // The zone picker (components/ZonePicker.tsx, a shared component outside this area).
  'Type a city, such as Berlin',
  'Time zones',
];

async function signOff(keel: TestKeel, instant: string, input: ChannelInput<'signoff:submit'>) {
  await keel.at(instant, () => keel.call('signoff:submit', input));
}

/** Check-ins with a shared and a private note (with a tag of the user's own), points, sign-offs, a share. */
async function seeded(): Promise<TestKeel> {
  const keel = createTestKeel({ now: NOW, zone: 'Europe/Berlin' });
  const check = (instant: string, input: ChannelInput<'checkin:add'>) =>
    keel.at(instant, () => keel.call('checkin:add', input));
  await check('2025-03-05T16:00:00+01:00', {
    workload: 4,
    energy: 2,
    sustainable: 'mostly',
    note: 'The migration deadline feels tight',
    shareable: true,
  });
  await check('2025-03-06T16:00:00+01:00', {
    workload: 5,
    energy: 1,
    sustainable: 'no',
    stretched: ['meetings', 'job hunting'],
    note: 'Slept badly all week',
  });
  await keel.at('2025-03-03T10:00:00+01:00', () => keel.call('talk:add', { text: 'Conference budget' }));
  await keel.at('2025-03-04T10:00:00+01:00', () =>
    keel.call('talk:add', { text: 'Ask about the on-call rotation' }),
  );
  const offsite = await keel.at('2025-03-04T11:00:00+01:00', () =>
    keel.call('talk:add', { text: 'Team offsite' }),
  );
  await keel.at('2025-03-07T11:00:00+01:00', () =>
    keel.call('talk:discussed', { id: offsite.id, discussed: true }),
  );
  await signOff(keel, '2025-03-10T17:30:00+01:00', {
    done: 'Merged the importer\nReviewed #412',
    unfinished: [{ item: 'Flaky e2e', plan: 'ask infra' }],
  });
  await signOff(keel, '2025-03-12T17:30:00+01:00', {
    done: 'Paired with Ana',
    unfinished: [
      { item: 'Release notes', plan: 'waiting on PM' },
      { item: 'Docs', plan: 'morning' },
    ],
    firstTomorrow: 'Plan Q2',
  });
  const choices = { from: '2025-02-26', to: '2025-03-11', sections: ['trends' as const] };
  await keel.at('2025-03-11T09:30:00+01:00', async () => {
    const { hashes } = await keel.call('summary:preview', { choices, format: 'md' });
    return keel.call('summary:copy', { choices, contentHash: hashes.md });
  });
  // The status line copied for chat: a share of another kind in the log.
  await keel.at('2025-03-12T09:00:00+01:00', async () => {
    const status = await keel.call('agreement:status', {});
    return keel.call('agreement:copyStatus', { contentHash: status.contentHash });
  });
  return keel;
}

/** The app in `locale`, opened on One-on-one, once the builder, the update and the agreement are drawn. */
async function openIn(locale: ResolvedLocale, keel: TestKeel) {
  const messages = catalogFor(locale.messages);
  const utils = await renderApp(keel, { locale });
  await utils.user.click(await screen.findByRole('button', { name: messages['app.nav.one-on-one'] }));
  await screen.findByRole('group', { name: messages['oneonone.builder.sections'] });
  const region = (id: keyof typeof messages) => screen.getByRole('region', { name: messages[id] });
  await within(await screen.findByRole('region', { name: messages['oneonone.agreement.title'] })).findByRole(
    'form',
  );
  await waitFor(() =>
    expect(within(region('oneonone.update.title')).getAllByRole('textbox').length).toBeGreaterThan(0),
  );
  await within(region('oneonone.shares.title')).findByRole('list');
  const main = document.querySelector('main') as HTMLElement;
  return { ...utils, main, messages, region };
}

describe('One-on-one in the pseudo-locale: nothing that is not from the catalog', SLOW, () => {
  it('every card as it opens, then editing, moving and ticking points, private notes and tags shown, the status line shared', async () => {
    const keel = await seeded();
    const { main, messages, region, user } = await openIn(PSEUDO, keel);
    const m = (id: keyof typeof messages) => messages[id] as string;
    const preview = region('oneonone.preview.title');
    await waitFor(() =>
      expect(within(preview).getByRole('button', { name: m('oneonone.preview.copy.md') })).toBeEnabled(),
    );
    const clean = async () => expect(untranslatedText(main, await mainSends(keel))).toEqual([]);
    await clean();

    // Talking points: edit one (the field, Save, Cancel), move one, tick one (Undo shows).
    const points = region('oneonone.points.title');
    const editButtons = within(points).getAllByRole('button', { name: /Conference budget/ });
    await user.click(editButtons[0] as HTMLElement);
    expect(within(points).getByRole('textbox', { name: /Conference budget/ })).toHaveFocus();
    await clean();
    await user.keyboard('{Escape}');
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(within(points).getByRole('status').textContent).not.toBe(''));
    const boxes = within(points).getAllByRole('checkbox');
    await user.click(boxes[0] as HTMLElement);
    await within(points).findByRole('button', { name: m('oneonone.points.undo') });
    await user.click(points.querySelector('summary') as HTMLElement);
    expect(within(points).getByRole('checkbox', { name: /Team offsite/ })).toBeChecked();
    await clean();

    // The builder: notes, private notes shown, the stretched section's private tags, custom dates refused.
    const builder = region('oneonone.builder.title');
    const title = (id: 'notes' | 'stretched') => m(`export.summary.section.${id}`);
    await user.click(within(builder).getByRole('radio', { name: m('oneonone.builder.period.twoWeeks') }));
    for (const id of ['notes', 'stretched'] as const) {
      const box = within(builder).getByRole('checkbox', { name: title(id) });
      if (!(box as HTMLInputElement).checked) await user.click(box);
    }
    await within(builder).findByRole('group', { name: m('oneonone.builder.privateTags') });
    await user.click(within(builder).getByRole('button', { name: m('oneonone.builder.showPrivate') }));
    await user.click(within(builder).getByRole('radio', { name: m('oneonone.builder.period.custom') }));
    await user.clear(within(builder).getByLabelText(m('oneonone.builder.to')));
    await within(builder).findByText(m('oneonone.builder.error.to'));
    await clean();

    // The agreement: a zone refused, then the status line copied (a share of its own in the log).
    const agreement = region('oneonone.agreement.title');
    await user.click(within(agreement).getByRole('button', { name: m('oneonone.agreement.addZone') }));
    await within(agreement).findByText(m('oneonone.agreement.pickZone'));
    const share = region('oneonone.agreementShare.title');
    await user.click(within(share).getByRole('radio', { name: m('oneonone.agreementShare.format.md') }));
    await waitFor(() =>
      expect(within(share).getByRole('button', { name: m('oneonone.agreementShare.copyMd') })).toBeEnabled(),
    );
    expect(within(region('oneonone.shares.title')).getAllByRole('listitem')).toHaveLength(2);
    await clean();
  });
});

/**
 * What main sends that this area does not translate: the weekly update's label, the agreement's
 * status line and zone names, previews (main's export, in the export's own language). Read from
 * main itself, so a word of the window's that happens to read the same is still caught by the
 * other tests. (Section names are the window's; the update's drafted lines are marked as the
 * update's language, which the check leaves alone.)
 */
async function mainSends(keel: TestKeel): Promise<(string | RegExp)[]> {
  const draft = await keel.call('update:draft', { from: '2025-03-10', to: '2025-03-16' });
  const status = await keel.call('agreement:status', {});
  const words = [draft.label, status.text];
  // The previews are main's export, exactly as it leaves (export namespace, in the summary's language).
  const previews = [...document.querySelectorAll('pre')].map((pre) => (pre.textContent ?? '').trim());
  return [...USER_DATA, ...words, ...previews];
}

describe('One-on-one in German', SLOW, () => {
  it('speaks German: cards, plurals, dates and times the German way', async () => {
    const keel = await seeded();
    const { main, region, user } = await openIn(GERMAN, keel);
    expect(within(main).getByRole('heading', { name: 'Einzelgespräch' })).toBeInTheDocument();
    const points = region('oneonone.points.title');
    expect(within(points).getByRole('list', { name: 'Offene Gesprächspunkte' })).toBeVisible();
    expect(within(points).getByRole('button', { name: '„Conference budget“ bearbeiten' })).toBeVisible();
    expect(within(points).getByText('Besprochen (1)')).toBeInTheDocument();
    const builder = region('oneonone.builder.title');
    expect(within(builder).getByRole('radio', { name: 'Letzte 2 Wochen' })).toBeInTheDocument();
    // "Since you last shared on Tue, Mar 11": a German date.
    expect(within(builder).getByText(/^Seit du zuletzt am Di\., 11\. März geteilt hast: /)).toBeVisible();
    // The shares log: a German date and a 24-hour time, the kind of share in German.
    const log = within(region('oneonone.shares.title')).getByRole('list', {
      name: 'Geteilte Zusammenfassungen',
    });
    const [status, summary] = within(log).getAllByRole('listitem');
    expect(status).toHaveTextContent('Mi., 12. März, 09:00 · Statuszeile für den Chat, Reiner Text');
    expect(summary).toHaveTextContent('Di., 11. März, 09:30 · Markdown kopiert');
    expect(summary).toHaveTextContent('keine Notizen');
    // The weekly update: a plural of sign-offs, in the app's word for them.
    expect(
      within(region('oneonone.update.title')).getByText(/^Entworfen aus 2 Feierabenden\./),
    ).toBeVisible();
    expect(region('oneonone.agreement.title')).toHaveTextContent('Wie schnell du antwortest');
    // The agreement itself, and its status line, in German, marked as German for a screen reader.
    const share = region('oneonone.agreementShare.title');
    const agreement = await waitFor(() => {
      const text = share.querySelector<HTMLElement>('pre > span[lang]');
      expect(text?.textContent).toMatch(/^Arbeitsvereinbarung\n\nSo arbeitest du mit mir:/);
      return text as HTMLElement;
    });
    expect(agreement).toHaveAttribute('lang', 'de-DE');
    expect(agreement.textContent).toMatch(/\nArbeitszeiten\n• Mo 09:00–17:30 Berlin/);
    const line = share.querySelector('output');
    expect(line).toHaveAttribute('lang', 'de-DE');
    expect(line?.textContent).toMatch(
      /^(Arbeite bis|In einem Fokusblock bis|Für heute Feierabend|Gerade nicht da)/,
    );
    // Private notes counted with the German plural once Notes is ticked.
    await user.click(within(builder).getByRole('radio', { name: 'Letzte 2 Wochen' }));
    // The sections by their German names (main sends only their ids).
    expect(
      within(builder).getByRole('checkbox', { name: 'Wo ich an meine Grenzen komme' }),
    ).toBeInTheDocument();
    const box = within(builder).getByRole('checkbox', { name: 'Notizen' });
    if (!(box as HTMLInputElement).checked) await user.click(box);
    expect(await within(builder).findByText('1 private Notiz ausgeblendet')).toBeVisible();
  });
});
