import { loadCatalog } from '../../src-renderer/i18n/catalogs';
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src-main/ipc/contract';
import { languageChoices } from '../../src-main/shared/i18n/language-names';
import { KeelIntl } from '../../src-renderer/i18n/KeelIntl';
import { resetWindowLocale } from '../../src-renderer/i18n/window-locale';
import { summaryLocaleOf } from '../../src-renderer/lib/oneOnOne';
import { resetOneOnOne } from '../../src-renderer/stores/oneOnOne';
import { SummaryLanguageField } from '../../src-renderer/views/one-on-one/SummaryLanguageField';
import { untranslatedText } from './untranslated';
import { renderView } from './harness';
import { createTestKeel, type TestKeel } from './keel-bridge';

/**
 * "Language of the summary": the builder writes the summary for its reader in a language of its
 * own, whatever the window's; the preview shows that language, a save writes it, and the choice
 * is kept for the next summary.
 */

type PreviewInput = ChannelInput<'summary:preview'>;

async function withPoint(): Promise<TestKeel> {
  const keel = createTestKeel();
  await keel.at('2025-03-03T10:00:00+01:00', () => keel.call('talk:add', { text: 'Conference budget' }));
  return keel;
}

const region = (name: string) => screen.getByRole('region', { name });
const previewCard = () => region('Preview');

/** The Markdown on screen, once it is main's answer for the latest preview call. */
async function shownMarkdown(keel: TestKeel): Promise<string> {
  await waitFor(() =>
    expect(within(previewCard()).getByRole('button', { name: 'Copy Markdown' })).toBeEnabled(),
  );
  const input = keel.callsTo('summary:preview').at(-1) as PreviewInput;
  const { text } = await keel.call('summary:preview', input);
  expect(within(previewCard()).getByLabelText('Summary as Markdown').textContent).toBe(text);
  return text;
}

describe('One-on-one: the language of the summary', () => {
  it('starts in the window’s language and lists each language by its own name', async () => {
    const keel = await withPoint();
    renderView('one-on-one', keel);
    const select = await screen.findByRole('combobox', { name: 'Language of the summary' });
    expect(select).toHaveValue('en-US');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'English (United States)',
      'English (United Kingdom)',
      'Deutsch',
      'Français',
      'Español',
      'Português (Brasil)',
    ]);
    expect(await shownMarkdown(keel)).toMatch(
      /^# One-on-one summary\n\nPeriod: February 26 – March 11, 2025/,
    );
  });

  it('previews German once Deutsch is chosen, saves exactly that, and keeps the choice', async () => {
    const keel = await withPoint();
    const { user } = renderView('one-on-one', keel);
    const select = await screen.findByRole('combobox', { name: 'Language of the summary' });
    await shownMarkdown(keel);
    const before = keel.callsTo('summary:preview').length;
    await user.selectOptions(select, 'de');
    await waitFor(() => expect(keel.callsTo('summary:preview').length).toBeGreaterThan(before));
    await waitFor(() =>
      expect((keel.callsTo('summary:preview').at(-1) as PreviewInput).choices.locale).toBe('de'),
    );
    const german = await shownMarkdown(keel);
    expect(german).toMatch(
      /^# Zusammenfassung für das Einzelgespräch\n\nZeitraum: 26\. Februar – 11\. März 2025 · Erstellt am 11\. März 2025\n/,
    );
    expect(german).toContain('## Gesprächspunkte\n\n- Conference budget\n');

    await user.click(within(previewCard()).getByRole('button', { name: 'Save as Markdown…' }));
    await within(previewCard()).findByText(/^Saved /);
    expect(keel.shell.saved.at(-1)?.content).toBe(german);
    expect(keel.services.settings.get().summary.locale).toBe('de');
  });
});

describe('the language field in other window languages', () => {
  const names = languageChoices().map((choice) => choice.name);

  it('in a German window: German words, German first, and the summary in German by default', async () => {
    resetOneOnOne();
    // As boot.tsx does: the window's catalog first (without it KeelIntl waits for it).
    await loadCatalog('de');
    const { container } = render(
      <KeelIntl locale={{ messages: 'de', format: 'de-DE' }}>
        <SummaryLanguageField />
      </KeelIntl>,
    );
    const select = within(container).getByRole('combobox', { name: 'Sprache der Zusammenfassung' });
    expect(select).toHaveValue('de');
    expect(
      within(container).getByText(
        'Nur die Zusammenfassung wird in dieser Sprache geschrieben; Keel selbst behält seine Sprache.',
      ),
    ).toBeInTheDocument();
    // What the builder sends: the window's own tag, so its region's dates hold.
    expect(summaryLocaleOf({ locale: null })).toBe('de-DE');
    resetWindowLocale();
  });

  it('in the pseudo-locale: nothing but catalog text and the languages’ own names', () => {
    resetOneOnOne();
    const { container } = render(
      <KeelIntl locale={{ messages: 'en-XA', format: 'en-US' }}>
        <SummaryLanguageField />
      </KeelIntl>,
    );
    expect(untranslatedText(container, names)).toEqual([]);
    resetWindowLocale();
  });
});
