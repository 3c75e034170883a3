/**
 * What opening the window costs main: the calls the renderer makes at start-up for the Today view
 * (useKeelSync: settings, status, sign-off status) and today's agenda, each through `dispatch`
 * exactly as the window's IPC arrives.
 */
import { dispatch } from '../../src-main/ipc/dispatch';
import type { Handlers } from '../../src-main/ipc/handlers';

export const TODAY_CALLS = ['settings:get', 'app:status', 'signoff:status', 'agenda:list'] as const;

export async function todayViewData(handlers: Handlers, today: string): Promise<unknown[]> {
  const inputs: Record<(typeof TODAY_CALLS)[number], unknown> = {
    'settings:get': {},
    'app:status': {},
    'signoff:status': {},
    'agenda:list': { from: today, to: today },
  };
  const values: unknown[] = [];
  for (const channel of TODAY_CALLS) {
    const result = await dispatch(handlers, channel, inputs[channel]);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
    values.push(result.value);
  }
  return values;
}
