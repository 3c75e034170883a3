import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantAt } from '../../src-main/core/time';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { RecordingDndController, RecordingShell } from '../../src-main/platform/recording';
import { makeApp } from '../helpers/app';

/** Every outbound attempt any feature makes: the promise is that there are none. */
const attempts: string[] = [];
const restore: (() => void)[] = [];

function trap<T extends object>(target: T, key: keyof T & string, label: string): void {
  const original = target[key];
  (target as Record<string, unknown>)[key] = (...args: unknown[]) => {
    attempts.push(`${label}(${JSON.stringify(args[0] ?? null)?.slice(0, 80)})`);
    throw new Error(`network trapped: ${label}`);
  };
  restore.push(() => {
    (target as Record<string, unknown>)[key] = original;
  });
}

beforeAll(() => {
  trap(net, 'connect', 'net.connect');
  trap(net, 'createConnection', 'net.createConnection');
  trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
  trap(tls, 'connect', 'tls.connect');
  trap(http, 'request', 'http.request');
  trap(http, 'get', 'http.get');
  trap(https, 'request', 'https.request');
  trap(https, 'get', 'https.get');
  trap(dns, 'lookup', 'dns.lookup');
  trap(dns, 'resolve', 'dns.resolve');
  trap(dns.promises, 'lookup', 'dns.promises.lookup');
  trap(globalThis, 'fetch', 'fetch');
});

afterAll(() => {
  for (const undo of restore.splice(0).reverse()) undo();
});

const zone = 'Europe/Berlin';
const at = (hhmm: string, date = '2027-03-15') => instantAt(date, hhmm, zone);

describe('no network, for every feature of the services', () => {
  it('focus, calendar, sign-off, check-ins, questionnaires, the summary and its exports make no outbound attempt', async () => {
    const dnd = new RecordingDndController();
    const { app, services, clock, notifier, power } = makeApp(at('08:50'), { dndController: dnd });
    const shell = new RecordingShell();
    const handlers = createHandlers(services, shell);
    const call = async (channel: Parameters<typeof dispatch>[1], input: unknown) => {
      const result = await dispatch(handlers, channel, input);
      expect(result.ok, `${String(channel)}: ${JSON.stringify(result)}`).toBe(true);
      return result.ok ? result.value : undefined;
    };
    app.start();
    await call('settings:set', { key: 'dnd', value: { enabled: true } });
    await call('settings:set', {
      key: 'checkins',
      value: {
        cadence: { mode: 'daily', time: '16:00' },
        customTags: ['code-review'],
        burnout: true,
        who5: true,
      },
    });
    await call('settings:set', { key: 'oneOnOne', value: { weekday: 'thu', time: '10:00' } });
    // Focus: a planned block with its warning, start, interruption, left-off line and end.
    clock.advanceTo(at('09:30'));
    await call('focus:interrupt', { kind: 'chat', note: 'review request' });
    await call('focus:leaveOff', { text: 'Half-way through the importer' });
    clock.advanceTo(at('11:00'));
    await call('focus:start', { minutes: 25 });
    await call('focus:stop', {});
    await call('focus:stats', { from: '2027-03-15', to: '2027-03-21' });
    await call('agenda:list', { from: '2027-03-15', to: '2027-03-21' });
    await call('app:status', {});
    await call('dnd:status', {});
    // Calendar: import a file through the (recorded) open dialog, export the plan.
    shell.nextChosenFile = path.join(__dirname, '../calendar/fixtures/google-export.ics');
    await call('calendar:import', {});
    await call('calendar:status', {});
    await call('focus:exportIcs', {});
    // Check-ins, a prompt, questionnaires, trends.
    const check = (await call('checkin:add', {
      workload: 4,
      energy: 2,
      sustainable: 'mostly',
      stretched: ['meetings', 'code-review'],
      note: 'Release week',
      shareable: true,
    })) as { id: string };
    await call('checkin:questionnaire', { kind: 'who5', answers: [2, 2, 3, 2, 2] });
    await call('checkin:questionnaire', { kind: 'burnout', answers: [3] });
    await call('checkin:trends', { range: 'quarter' });
    await call('checkin:form', {});
    clock.advanceTo(at('16:00'));
    // Sign-off: the suggestion, a snooze, the ritual with quiet, creep, the next morning.
    clock.advanceTo(at('17:30'));
    const suggestion = notifier.shown.find((n) => n.title === 'Time to sign off?');
    expect(suggestion).toBeDefined();
    notifier.act(suggestion!.id, 'snooze');
    await call('signoff:submit', {
      done: 'Shipped',
      unfinished: [{ item: 'Docs', plan: 'after stand-up' }],
      firstTomorrow: 'Review',
      energy: 3,
      quiet: true,
    });
    await call('signoff:creep', { weeks: 13 });
    power.emit('lock-screen');
    power.emit('suspend');
    clock.jumpTo(at('08:30', '2027-03-16'));
    power.emit('resume');
    clock.advanceTo(at('09:05', '2027-03-16'));
    await call('signoff:status', {});
    // The one-on-one: talking points, preview, export in every format the preview has, copy.
    await call('talk:add', { text: 'On-call rotation' });
    const choices = {
      from: '2027-03-03',
      to: '2027-03-16',
      sections: ['trends', 'focus', 'endOfDay', 'talkingPoints', 'notes'],
      noteIds: [check.id],
    };
    await call('summary:options', {});
    const { hashes } = (await call('summary:preview', { choices, format: 'md' })) as {
      hashes: { md: string; html: string };
    };
    await call('summary:preview', { choices, format: 'html' });
    await call('summary:export', { choices, format: 'md', contentHash: hashes.md });
    await call('summary:export', { choices, format: 'html', contentHash: hashes.html });
    await call('summary:copy', { choices, contentHash: hashes.md });
    await call('summary:shares', {});
    await call('calendar:clear', {});
    app.stop();
    await services.dnd.shutdown();
    services.close();

    expect(shell.saved.length).toBe(3);
    expect(attempts).toEqual([]);
  });

  it('the trap itself works: a real attempt is caught', () => {
    expect(() => net.connect(443, 'example.com')).toThrow('network trapped');
    expect(attempts.splice(0)).toEqual(['net.connect(443)']);
  });
});
