import { useEffect, useState } from 'react';

/**
 * `Date.now()`, refreshed once a minute while `active`: one interval for the Now card, so the
 * time left moves without asking main every minute.
 */
export function useMinuteTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(id);
  }, [active]);
  return now;
}
