import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src-renderer/app/App';
import { createFakeKeel, type FakeKeel, type FakeKeelOptions } from './fake-keel';

/**
 * Installs a fake `window.keel`, renders the app and (unless `ready: false`) waits until Today
 * shows its data.
 */
export async function renderApp(
  options: FakeKeelOptions = {},
  { ready = true, before }: { ready?: boolean; before?: (fake: FakeKeel) => void } = {},
) {
  const fake = createFakeKeel(options);
  before?.(fake);
  window.keel = fake.api;
  const user = userEvent.setup();
  const utils = render(<App />);
  if (ready) await screen.findByRole('heading', { name: 'Working hours' });
  return { fake, user, ...utils };
}

export function navItem(name: string): HTMLElement {
  return screen.getByRole('button', { name });
}
