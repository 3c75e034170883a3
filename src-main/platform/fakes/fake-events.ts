/**
 * Shared pieces of the Electron fakes. Nothing here imports Electron at runtime: the fakes run
 * under plain Node, where `require('electron')` throws.
 */
import type { Event } from 'electron';

/**
 * Electron's listeners take different arguments per event; the fakes store them alike. `never[]`
 * so that every listener type Electron declares is assignable to it.
 */
export type FakeListener = (...args: never[]) => unknown;

/** A minimal per-event listener registry, shaped like Node's EventEmitter where the fakes need it. */
export class FakeEmitter {
  private readonly listeners = new Map<string, FakeListener[]>();

  add(event: string, listener: FakeListener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  remove(event: string, listener: FakeListener): void {
    const list = this.listeners.get(event) ?? [];
    const index = list.indexOf(listener);
    if (index >= 0) this.listeners.set(event, [...list.slice(0, index), ...list.slice(index + 1)]);
  }

  emit(event: string, ...args: unknown[]): void {
    // Each test helper passes the arguments Electron documents for its event; the stored type
    // cannot say which, hence Reflect.apply.
    for (const listener of this.listeners.get(event) ?? []) Reflect.apply(listener, undefined, args);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** An Electron `Event` (preventDefault + defaultPrevented) carrying `params`. */
export function fakeEvent<P extends object>(params: P): Event<P> {
  let prevented = false;
  const base = {
    preventDefault(): void {
      prevented = true;
    },
    get defaultPrevented(): boolean {
      return prevented;
    },
  };
  return Object.assign(base, params);
}
