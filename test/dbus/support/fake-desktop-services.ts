import { expect } from 'vitest';
import type { PrivateBus } from './private-bus';

/**
 * Small stand-ins (doctor's probes; fake-desktop.ts has the stateful presence fakes — merge them) for the desktop's services on a private bus, for `keel doctor` and the
 * presence and notification adapters: each takes its well-known name on a connection of its own.
 */
async function serve(
  bus: PrivateBus,
  name: string,
  path: string,
  description: Parameters<ReturnType<PrivateBus['connect']>['exportObject']>[1],
  implementation: object,
): Promise<void> {
  const connection = bus.connect();
  connection.exportObject(path, description, implementation);
  expect(await connection.requestName(name, 0)).toBe(1);
}

/** A StatusNotifierWatcher (the spec's, under KDE's name), with or without a host registered. */
export function serveStatusNotifierWatcher(bus: PrivateBus, hostRegistered: boolean): Promise<void> {
  const name = 'org.kde.StatusNotifierWatcher';
  return serve(
    bus,
    name,
    '/StatusNotifierWatcher',
    {
      name,
      methods: { RegisterStatusNotifierItem: ['s', ''], RegisterStatusNotifierHost: ['s', ''] },
      properties: { IsStatusNotifierHostRegistered: 'b', ProtocolVersion: 'i' },
    },
    {
      IsStatusNotifierHostRegistered: hostRegistered,
      ProtocolVersion: 0,
      RegisterStatusNotifierItem: () => undefined,
      RegisterStatusNotifierHost: () => undefined,
    },
  );
}

/** An org.freedesktop.Notifications server; `capabilities` decides whether it has buttons. */
export function serveNotifications(
  bus: PrivateBus,
  capabilities: string[],
  info: [string, string, string, string] = ['fake-notifyd', 'Keel tests', '1.2', '1.2'],
): Promise<void> {
  const name = 'org.freedesktop.Notifications';
  return serve(
    bus,
    name,
    '/org/freedesktop/Notifications',
    { name, methods: { GetCapabilities: ['', 'as'], GetServerInformation: ['', 'ssss'] } },
    { GetCapabilities: () => capabilities, GetServerInformation: () => info },
  );
}

/** Mutter's idle monitor: idle for `idleMs` now. */
export function serveMutterIdleMonitor(bus: PrivateBus, idleMs: number): Promise<void> {
  const name = 'org.gnome.Mutter.IdleMonitor';
  return serve(
    bus,
    name,
    '/org/gnome/Mutter/IdleMonitor/Core',
    { name, methods: { GetIdletime: ['', 't'] } },
    { GetIdletime: () => idleMs },
  );
}

/** The freedesktop screensaver service (KDE and others): idle time and the lock. */
export function serveScreenSaver(bus: PrivateBus): Promise<void> {
  const name = 'org.freedesktop.ScreenSaver';
  return serve(
    bus,
    name,
    '/org/freedesktop/ScreenSaver',
    {
      name,
      methods: { GetSessionIdleTime: ['', 'u'], GetActive: ['', 'b'] },
      signals: { ActiveChanged: ['b'] },
    },
    { GetSessionIdleTime: () => 0, GetActive: () => false },
  );
}

/**
 * The desktop portal with the GlobalShortcuts interface, as xdg-desktop-portal defines it: bus name
 * org.freedesktop.portal.Desktop, object /org/freedesktop/portal/desktop (the portal API reference,
 * flatpak.github.io/xdg-desktop-portal/docs/api-reference), and the members of
 * github.com/flatpak/xdg-desktop-portal data/org.freedesktop.portal.GlobalShortcuts.xml at commit
 * 01ccc8aac7e951a6fecb0ea403efbb575fe372a1 (version 2: ConfigureShortcuts came in 2). Keel reads
 * only `version`; the methods answer nothing a test relies on.
 */
export function serveShortcutsPortal(bus: PrivateBus): Promise<void> {
  const request = '/org/freedesktop/portal/desktop/request/1_1/keel';
  return serve(
    bus,
    'org.freedesktop.portal.Desktop',
    '/org/freedesktop/portal/desktop',
    {
      name: 'org.freedesktop.portal.GlobalShortcuts',
      methods: {
        CreateSession: ['a{sv}', 'o'],
        BindShortcuts: ['oa(sa{sv})sa{sv}', 'o'],
        ListShortcuts: ['oa{sv}', 'o'],
        ConfigureShortcuts: ['osa{sv}', ''],
      },
      properties: { version: 'u' },
      signals: { Activated: ['osta{sv}'], Deactivated: ['osta{sv}'], ShortcutsChanged: ['oa(sa{sv})'] },
    },
    {
      version: 2,
      CreateSession: () => request,
      BindShortcuts: () => request,
      ListShortcuts: () => request,
      ConfigureShortcuts: () => undefined,
    },
  );
}
