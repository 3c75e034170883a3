import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MISSING_API_MESSAGE } from '../../src-renderer/api/keel';
import { App } from '../../src-renderer/app/App';

describe('without window.keel', () => {
  it('shows one clear full-page sentence instead of crashing', () => {
    expect(window.keel).toBeUndefined();
    render(<App />);
    const main = screen.getByRole('main');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(MISSING_API_MESSAGE);
    expect(main).toHaveTextContent(MISSING_API_MESSAGE);
    expect(MISSING_API_MESSAGE.match(/[.!?](\s|$)/g)).toHaveLength(1);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
