import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STORAGE_MESSAGES } from '../../src-main/storage/write-errors';
import type { TestKeelOptions } from './keel-bridge';
import { renderView } from './harness';

/** Issue #20: the language is chosen in Settings (the computer's by default), saved at once. */
async function openLanguage(options: TestKeelOptions = {}) {
  const utils = renderView('settings', options);
  const card = await screen.findByRole('region', { name: 'Language' });
  const select = within(card).getByRole('combobox', { name: 'Language' });
  return { ...utils, card, select };
}

describe('Settings: Language', () => {
  it('follows the computer by default and lists each language by its own name', async () => {
    const { select } = await openLanguage();
    expect(select).toHaveValue('system');
    const names = within(select)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(names).toEqual([
      'Same as this computer',
      'English (United States)',
      'English (United Kingdom)',
      'Deutsch',
      'Français',
      'Español',
      'Português (Brasil)',
    ]);
    expect(select).toHaveAccessibleDescription('Keel opens its window again in the language you choose.');
  });

  it('saves a choice at once, and shows the stored one', async () => {
    const { user, keel, select } = await openLanguage();
    await user.selectOptions(select, 'Deutsch');
    await waitFor(() => expect(keel.services.settings.get().language).toBe('de'));
    expect(keel.callsTo('settings:set')).toEqual([{ key: 'language', value: 'de' }]);
    expect(select).toHaveValue('de');
  });

  it('says why when it cannot be saved, and keeps the language in force', async () => {
    const { user, keel, card, select } = await openLanguage({ settings: { language: 'fr' } });
    expect(select).toHaveValue('fr');
    keel.readOnly(true);
    await user.selectOptions(select, 'Deutsch');
    expect(await within(card).findByRole('alert')).toHaveTextContent(STORAGE_MESSAGES.readOnly);
    expect(select).toHaveValue('fr');
  });
});
