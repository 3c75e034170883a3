import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderView } from './harness';
import { createTestKeel } from './keel-bridge';

/**
 * The working agreement in One-on-one, on the real handlers: teammates' zones added by city, the
 * norms and the note saved as a setting, the preview main renders, copy and save through main,
 * and the status line for chat.
 */

const card = () => screen.getByRole('region', { name: 'Working agreement' });
const shareCard = () => screen.getByRole('region', { name: 'Share your agreement' });

async function open() {
  const keel = createTestKeel({ now: '2025-03-11T10:30:00+01:00', zone: 'Europe/Berlin' });
  const utils = renderView('one-on-one', keel);
  await within(await screen.findByRole('region', { name: 'Working agreement' })).findByRole('form', {
    name: 'Working agreement',
  });
  return utils;
}

/** The preview's text once it is main's answer for `format`. */
async function shown(label: string): Promise<string> {
  const pre = await within(shareCard()).findByLabelText(label);
  return pre.textContent ?? '';
}

describe('One-on-one: the working agreement', () => {
  it('adds a teammate’s zone by city, saves the norms and note, and the preview follows', async () => {
    const { keel, user } = await open();
    await user.type(within(card()).getByRole('combobox', { name: 'Zone (type a city)' }), 'new york');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.type(within(card()).getByRole('textbox', { name: 'Name (optional)' }), 'Sam');
    await user.click(within(card()).getByRole('button', { name: 'Add zone' }));
    expect(within(card()).getByRole('list', { name: 'Teammates’ zones' }).textContent).toContain(
      'Sam · America / New York',
    );
    const chat = within(card()).getByRole('textbox', { name: 'Chat' });
    await user.clear(chat);
    await user.type(chat, 'Within the hour.');
    await user.type(within(card()).getByRole('textbox', { name: 'Note' }), 'Pairing on Tuesdays.');
    await user.click(within(card()).getByRole('button', { name: 'Save agreement' }));
    await within(card()).findByText('Saved. The preview below shows it.');
    expect((await keel.call('settings:get', {})).agreement).toMatchObject({
      teamZones: [{ zone: 'America/New_York', name: 'Sam' }],
      norms: { chat: 'Within the hour.' },
      note: 'Pairing on Tuesdays.',
    });
    await waitFor(async () =>
      expect(await shown('Agreement as text')).toContain(
        // A US window: the agreement in US English, on a 12-hour clock.
        '• Tue 9:00 AM–5:30 PM Berlin = Tue 4:00 AM–12:30 PM Sam (New York)\n',
      ),
    );
    expect(await shown('Agreement as text')).toContain('• Chat: Within the hour.\n');
    expect(await shown('Agreement as text')).toContain('\nNote\nPairing on Tuesdays.\n');
  });

  it('places main’s refusal under the field, and stores nothing', async () => {
    const { keel, user } = await open();
    const email = within(card()).getByRole('textbox', { name: 'Email' });
    await user.clear(email);
    await user.click(within(card()).getByRole('button', { name: 'Save agreement' }));
    const field = within(card()).getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(within(card()).getByRole('alert').textContent).toBe('Write how soon you answer email.');
    expect((await keel.call('settings:get', {})).agreement.norms.email).toBe(
      'By the end of my next working day.',
    );
  });

  it('copies for chat and saves the calendar exactly as previewed, each share logged', async () => {
    const { keel, user } = await open();
    const text = await shown('Agreement as text');
    await user.click(within(shareCard()).getByRole('button', { name: 'Copy agreement for chat' }));
    await within(shareCard()).findByText('Copied as text. The share is logged.');
    expect(keel.shell.copied).toEqual([text]);
    await user.click(within(shareCard()).getByRole('radio', { name: 'Calendar (.ics)' }));
    const ics = await shown('Agreement as ics');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    await user.click(within(shareCard()).getByRole('button', { name: 'Save calendar…' }));
    await within(shareCard()).findByText('Saved working-agreement.ics. The share is logged.');
    expect(keel.shell.saved.at(-1)?.content).toBe(ics);
    const shares = await keel.call('agreement:shares', {});
    expect(shares.map((s) => `${s.kind} ${s.format}`).sort()).toEqual(['agreement ics', 'agreement text']);
  });

  it('shows the status line for chat and copies it', async () => {
    const { keel, user } = await open();
    // 10:30 on a Tuesday: the default plan's 09:00–11:00 block is running.
    const line = "In a focus block until 11:00 AM — I'll answer after";
    const status = within(shareCard()).getByRole('region', { name: 'Status for chat' });
    await within(status).findByText(line);
    await user.click(within(status).getByRole('button', { name: 'Copy status for chat' }));
    await within(status).findByText(`Copied “${line}”. The share is logged.`);
    expect(keel.shell.copied).toEqual([line]);
  });
});
