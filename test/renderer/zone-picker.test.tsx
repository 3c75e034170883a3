import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ZonePicker } from '../../src-renderer/components/ZonePicker';
import { closestZone, exactZone, searchZones } from '../../src-renderer/lib/zones';

function Harness({ start = '' }: { start?: string }) {
  const [zone, setZone] = useState(start);
  return (
    <>
      <ZonePicker id="zone" label="Time zone" value={zone} onChange={setZone} />
      <output data-testid="value">{zone}</output>
      <button type="button">Elsewhere</button>
    </>
  );
}

describe('zone search', () => {
  it('finds a zone by its city in any case, with spaces for underscores, and by an everyday name', () => {
    expect(searchZones('Berlin')[0]).toBe('Europe/Berlin');
    expect(searchZones('new york')[0]).toBe('America/New_York');
    expect(searchZones('NEW_YORK')[0]).toBe('America/New_York');
    expect(searchZones('NYC')[0]).toBe('America/New_York');
    expect(searchZones('sao paulo')[0]).toBe('America/Sao_Paulo');
    expect(searchZones('zzzz')).toEqual([]);
  });

  it('reads an exact id in any spelling, and suggests the closest zone for a city', () => {
    expect(exactZone('europe/berlin')).toBe('Europe/Berlin');
    expect(exactZone('Berlin')).toBeNull();
    expect(exactZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(closestZone('Berlin')).toBe('Europe/Berlin');
    expect(closestZone('qqqq')).toBeNull();
  });
});

describe('ZonePicker', () => {
  it('suggests Europe/Berlin for "Berlin" and picks it with the arrow and Enter', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Time zone' });
    await user.type(box, 'Berlin');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const [first] = screen.getAllByRole('option');
    if (!first) throw new Error('the list has no suggestion');
    expect(first).toHaveTextContent(/Europe \/ Berlin\s*UTC\+\d/);
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', first.id);
    expect(first).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('value')).toHaveTextContent('Europe/Berlin');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('option')).toBeNull();
    // The offset now describes the field.
    expect(box).toHaveAccessibleDescription(/UTC\+\d+ now/);
  });

  it('picks with the mouse, closes on Escape, and spells a typed id as the list does on leaving', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Time zone' });
    await user.type(box, 'tokyo');
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{ArrowDown}');
    await user.click(screen.getByRole('option', { name: /Asia \/ Tokyo/ }));
    expect(screen.getByTestId('value')).toHaveTextContent('Asia/Tokyo');
    await user.clear(box);
    await user.type(box, 'america/new_york');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.getByTestId('value')).toHaveTextContent(/^America\/New_York$/);
  });

  it('keeps what is typed when nothing matches, and passes aria-describedby and aria-invalid through', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <>
        <ZonePicker
          id="z"
          label="Zone"
          value="Mars/Olympus"
          onChange={() => {}}
          aria-describedby="why"
          aria-invalid
        />
        <p id="why">No such zone.</p>
      </>,
    );
    const box = screen.getByRole('combobox', { name: 'Zone' });
    expect(box).toHaveValue('Mars/Olympus');
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(box).toHaveAccessibleDescription('No such zone.');
    await user.click(box);
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  it('says in one polite line that a search found nothing, and clears it once something matches', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Harness />);
    const box = screen.getByRole('combobox', { name: 'Time zone' });
    // The harness's <output> is a status too; the picker's line is the paragraph.
    const line = screen.getAllByRole('status').find((el) => el.tagName === 'P') as HTMLElement;
    expect(line).toBeEmptyDOMElement();
    await user.type(box, 'Atlantis');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(line).toHaveTextContent(/^No time zone matches “Atlantis”\. Try a nearby city or a region\.$/);
    expect(screen.getAllByText(/No time zone matches/)).toHaveLength(1);
    await user.clear(box);
    await user.type(box, 'Lisbon');
    expect(line).toBeEmptyDOMElement();
    expect(screen.getByRole('option', { name: /Europe \/ Lisbon/ })).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'Atlantis');
    await user.keyboard('{Escape}');
    expect(line).toBeEmptyDOMElement();
  });
});
