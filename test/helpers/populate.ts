import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import type { FileDialogPort } from '../../src-main/services/ports';
import type { Channel, ChannelInput } from '../../src-main/ipc/contract';
import type { ManualClock } from '../../src-main/core/clock';
import type { Services } from '../../src-main/services';

/** A dialog port that "saves" into memory and "chooses" a given file. */
export function memoryDialogs(
  choose: () => string | null = () => null,
): FileDialogPort & { saved: Map<string, string> } {
  const saved = new Map<string, string>();
  return {
    saved,
    saveFile: async ({ defaultName, content }) => {
      saved.set(defaultName, typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
      return defaultName;
    },
    chooseFile: async () => choose(),
    copyText: async () => undefined,
    copyRich: async () => undefined,
    printToPdf: async () => new Uint8Array([37, 80, 68, 70]),
  };
}

/** Calls one channel through the validated door and returns its value, or throws its sentence. */
export async function call<C extends Channel>(
  services: Services,
  channel: C,
  input: ChannelInput<C>,
  dialogs: FileDialogPort = memoryDialogs(),
): Promise<unknown> {
  const result = await dispatch(createHandlers(services, dialogs), channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/**
 * A little of everything Keel stores, written the way the window writes it: check-ins (one with a
 * shareable note), a questionnaire, a skipped prompt, a focus block with an interruption and a
 * "where I left off", a skipped planned block, a sign-off with unfinished things, talking points,
 * a shared summary and a few settings. `tag` makes each call's text its own.
 */
export async function populate(services: Services, clock: ManualClock, tag = 'A'): Promise<void> {
  await call(services, 'settings:set', { key: 'theme', value: 'dark' });
  await call(services, 'settings:set', {
    key: 'checkins',
    value: { cadence: null, customTags: [], burnout: false, who5: true },
  });
  await call(services, 'checkin:add', {
    workload: 4,
    energy: 2,
    sustainable: 'mostly',
    stretched: ['meetings'],
    note: `Note ${tag}: too many meetings`,
    shareable: true,
  });
  await call(services, 'checkin:add', { workload: 2, energy: 4, sustainable: 'yes', note: `Private ${tag}` });
  await call(services, 'checkin:questionnaire', { kind: 'who5', answers: [3, 3, 4, 2, 3] });
  clock.advanceBy(60_000);
  await call(services, 'focus:start', { minutes: 30 });
  clock.advanceBy(10 * 60_000);
  await call(services, 'focus:interrupt', { kind: 'chat', note: `Ping ${tag}` });
  await call(services, 'focus:leaveOff', { text: `Left off ${tag}` });
  clock.advanceBy(60_000);
  await call(services, 'focus:stop', {});
  await call(services, 'talk:add', { text: `Talk ${tag}` });
  await call(services, 'talk:add', { text: `Second talk ${tag}` });
  const options = (await call(services, 'summary:options', {})) as {
    periods: { twoWeeks: { from: string; to: string } };
    notes: { id: string; shareable: boolean }[];
  };
  // The shareable notes of the period shared (a note of another period is refused).
  const inPeriod = (await call(services, 'summary:options', options.periods.twoWeeks)) as typeof options;
  const noteIds = inPeriod.notes.filter((n) => n.shareable).map((n) => n.id);
  const sections = ['trends', 'talkingPoints', 'notes'] as const;
  const choices = { ...options.periods.twoWeeks, sections: [...sections], noteIds };
  // A save carries the fingerprint of the preview it was made from.
  const preview = (await call(services, 'summary:preview', { choices, format: 'md' })) as {
    hashes: { md: string };
  };
  await call(services, 'summary:export', { choices, format: 'md', contentHash: preview.hashes.md });
  clock.advanceBy(8 * 3_600_000);
  await call(services, 'signoff:submit', {
    done: `Done ${tag}`,
    unfinished: [{ item: `Review ${tag}`, plan: '10:00 after stand-up' }],
    firstTomorrow: `First ${tag}`,
    energy: 3,
  });
}
