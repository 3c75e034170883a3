import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Button } from '../../src-renderer/components/Button';
import { Card } from '../../src-renderer/components/Card';
import { Dialog } from '../../src-renderer/components/Dialog';
import { EmptyState } from '../../src-renderer/components/EmptyState';
import { Field } from '../../src-renderer/components/Field';
import { Input } from '../../src-renderer/components/Input';

function DialogHarness({ onClose }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Open</Button>
      <Dialog
        open={open}
        onClose={() => {
          onClose?.();
          setOpen(false);
        }}
        title="Rename block"
        description="Give it a name you will recognise."
        footer={<Button variant="primary">Rename</Button>}
      >
        <Field label="Name">{(c) => <Input {...c} />}</Field>
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('moves focus in, closes on Esc and returns focus', async () => {
    const user = userEvent.setup({ delay: null });
    render(<DialogHarness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Rename block' });
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveAccessibleDescription('Give it a name you will recognise.');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('closes from its close button', async () => {
    const user = userEvent.setup({ delay: null });
    const onClose = vi.fn();
    render(<DialogHarness onClose={onClose} />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('the keyboard shortcuts dialog opens from the sidebar', async () => {
    const { renderApp } = await import('./harness');
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveTextContent('Go to Check-ins');
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveFocus();
  });
});

describe('Field', () => {
  it('wires label, hint and error to the control', () => {
    const { rerender } = render(
      <Field label="Zone" hint="An IANA name.">
        {(c) => <Input {...c} />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Zone' });
    expect(input).toHaveAccessibleDescription('An IANA name.');
    expect(input).not.toHaveAttribute('aria-invalid');

    rerender(
      <Field label="Zone" hint="An IANA name." error="zone: Use an IANA time zone such as Europe/Berlin.">
        {(c) => <Input {...c} />}
      </Field>,
    );
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(
      'An IANA name. zone: Use an IANA time zone such as Europe/Berlin.',
    );
  });
});

describe('Button, Card, EmptyState', () => {
  it('Button defaults to type="button", and busy disables it', async () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <Button variant="primary" size="lg" onClick={onClick}>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveClass('button', 'button--primary', 'button--lg');
    await userEvent.setup({ delay: null }).click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    rerender(
      <Button variant="primary" busy onClick={onClick}>
        Save
      </Button>,
    );
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
  });

  it('Card with a title is a labelled region; EmptyState renders its heading level', () => {
    render(
      <Card title="Working hours" description="Per weekday.">
        <EmptyState headingLevel={3} title="Nothing yet" description="Soon." />
      </Card>,
    );
    expect(screen.getByRole('region', { name: 'Working hours' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Nothing yet' })).toBeInTheDocument();
  });
});
