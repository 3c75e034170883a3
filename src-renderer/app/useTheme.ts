import { useEffect } from 'react';
import { useSettings } from '../stores/settings';

/**
 * Applies the `theme` setting: "light"/"dark" set data-theme on <html> and override the OS;
 * "system" (or not loaded yet) removes it so prefers-color-scheme decides.
 */
export function useTheme(): void {
  const theme = useSettings((s) => s.settings?.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
    else root.removeAttribute('data-theme');
  }, [theme]);
}
