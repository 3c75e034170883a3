/**
 * A promise that rejects when `promise` has not settled within `ms`, saying that `what` did not
 * answer in time. The one time limit of the D-Bus adapters (presence, notifications, do not
 * disturb): a service that took its name but never answers must not hold Keel up. The timer alone
 * keeps no process (the `keel` command) alive.
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer in time.`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
