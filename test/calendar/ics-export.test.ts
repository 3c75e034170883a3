import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { exportLanguage } from '../../src-main/core/export-language';
import { expandFocusPlan, type FocusPause, type FocusRule } from '../../src-main/core/focus-plan';
import { FOCUS_EVENT_SUMMARY, focusPlanToIcs, focusRuleUid } from '../../src-main/core/ics-export';
import { occurrencesBetween, readCalendar } from '../../src-main/core/ics/read';
import { fixedRules } from '../../src-main/core/rules';
import { defaultSettings } from '../../src-main/core/settings';
import { toLocalIso } from '../../src-main/core/time';

const plan: FocusRule[] = [
  { weekday: 'mon', start: '09:00', end: '11:00' },
  { weekday: 'wed', start: '14:00', end: '16:30' },
];
const now = Date.parse('2027-03-01T12:00:00Z'); // a Monday, after the 09:00 block in Europe
const installId = '0b7e3c52-6a1d-4f0e-9c4b-2d8f1a6e5b93';

/** Keel's own expansion of `rules` in `zone`, unpaused, under the default Monday–Friday hours. */
const keelExpands = (rules: readonly FocusRule[], from: number, to: number, zone: string) =>
  expandFocusPlan(fixedRules({ ...defaultSettings(zone), focusPlan: [...rules] }), from, to);

/** Occurrences of every VEVENT as "local start/local end" in `zone`, expanded by ical.js itself. */
function expandWithIcalJs(ics: string, until: string, zone: string): string[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const out: { start: number; text: string }[] = [];
  for (const vevent of cal.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    const it = event.iterator();
    for (let next = it.next(); next && next.toJSDate().getTime() < Date.parse(until); next = it.next()) {
      const details = event.getOccurrenceDetails(next);
      const start = details.startDate.toJSDate().getTime();
      const end = details.endDate.toJSDate().getTime();
      out.push({ start, text: `${toLocalIso(start, zone)}/${toLocalIso(end, zone).slice(11, 19)}` });
    }
  }
  return out.sort((a, b) => a.start - b.start).map((o) => o.text);
}

describe('focusPlanToIcs', () => {
  it('writes one weekly busy VEVENT per rule, in the zone, with CRLF and short lines', () => {
    const ics = focusPlanToIcs(plan, [], 'Europe/Berlin', { now, installId });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).toContain('X-WR-TIMEZONE:Europe/Berlin\r\n');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270301T090000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20270303T163000\r\n');
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO\r\n');
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=WE\r\n');
    expect(ics.match(/TRANSP:OPAQUE/g)).toHaveLength(2);
    expect(ics.match(new RegExp(`SUMMARY:${FOCUS_EVENT_SUMMARY}`, 'g'))).toHaveLength(2);
    expect(ics).toContain('DTSTAMP:20270301T120000Z\r\n');
  });

  it('names its events and the calendar in the language asked for, as ical.js reads them back', () => {
    for (const [tag, summary, name] of [
      ['de', 'Fokuszeit', 'Keel-Fokuszeit'],
      ['fr', 'Temps de concentration', 'Temps de concentration Keel'],
      ['en-US', 'Focus time', 'Keel focus time'],
    ] as const) {
      const ics = focusPlanToIcs(plan, [], 'Europe/Berlin', { now, installId, lang: exportLanguage(tag) });
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      const cal = new ICAL.Component(ICAL.parse(ics));
      expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(name);
      const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(events.map((e) => e.summary)).toEqual([summary, summary]);
      // The same events, whatever the language: a re-export in another language updates them.
      expect(events.map((e) => e.uid)).toEqual(plan.map((rule) => focusRuleUid(rule, installId)));
    }
  });

  it('round-trips the zone: TZIDs match a VTIMEZONE of that name', () => {
    const ics = focusPlanToIcs(plan, [], 'America/New_York', { now, installId });
    const cal = new ICAL.Component(ICAL.parse(ics));
    const zones = cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones).toEqual(['America/New_York']);
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('America/New_York');
    for (const vevent of cal.getAllSubcomponents('vevent')) {
      expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('America/New_York');
      expect((vevent.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>).zone?.tzid).toBe(
        'America/New_York',
      );
    }
  });

  it.each(['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Jerusalem', 'Asia/Kolkata'])(
    'keeps blocks at their local times across the 2027 DST changes (%s), as ical.js expands it',
    (zone) => {
      const ics = focusPlanToIcs(plan, [], zone, { now, installId });
      const occurrences = expandWithIcalJs(ics, '2028-01-01T00:00:00Z', zone);
      // Every occurrence starts and ends at the plan's wall-clock times.
      expect(occurrences.length).toBeGreaterThan(80);
      for (const o of occurrences) expect(o).toMatch(/T(09:00:00.*\/11:00:00|14:00:00.*\/16:30:00)$/);
      // And matches Keel's own expansion of the plan, instant for instant, from the next day on.
      const from = Date.parse('2027-03-02T12:00:00Z');
      const to = Date.parse('2028-01-01T00:00:00Z');
      const expected = keelExpands(plan, from, to, zone).map(
        (o) => `${toLocalIso(o.start, zone)}/${toLocalIso(o.end, zone).slice(11, 19)}`,
      );
      expect(occurrences.filter((o) => Date.parse(o.slice(0, 25)) >= from)).toEqual(expected);
    },
  );

  it('covers the weeks US and EU clocks disagree (New York plan seen as instants)', () => {
    const ics = focusPlanToIcs(plan, [], 'America/New_York', { now, installId });
    const mondays = expandWithIcalJs(ics, '2027-11-16T00:00:00Z', 'UTC').filter((o) =>
      ['2027-03-08', '2027-03-15', '2027-11-01', '2027-11-08'].includes(o.slice(0, 10)),
    );
    expect(mondays).toEqual([
      '2027-03-08T14:00:00Z/16:00:00', // EST
      '2027-03-15T13:00:00Z/15:00:00', // EDT from 14 March
      '2027-11-01T13:00:00Z/15:00:00', // still EDT
      '2027-11-08T14:00:00Z/16:00:00', // EST from 7 November
    ]);
  });

  it('excludes paused dates for the next year, and never writes pause notes', () => {
    const pauses: FocusPause[] = [
      { from: '2027-03-08', to: '2027-03-10', note: 'Offsite in Lisbon' },
      { from: '2027-12-20', to: '2028-01-03', note: 'Holidays' },
      { from: '2029-01-01', to: '2029-01-31' }, // beyond the horizon
    ];
    const ics = focusPlanToIcs(plan, pauses, 'Europe/Berlin', { now, installId });
    expect(ics).not.toContain('Lisbon');
    expect(ics).not.toContain('Holidays');
    const occurrences = expandWithIcalJs(ics, '2028-02-01T00:00:00Z', 'Europe/Berlin').map((o) =>
      o.slice(0, 10),
    );
    for (const date of [
      '2027-03-08',
      '2027-03-10',
      '2027-12-20',
      '2027-12-22',
      '2027-12-27',
      '2027-12-29',
      '2028-01-03',
    ]) {
      expect(occurrences).not.toContain(date);
    }
    expect(occurrences).toContain('2027-03-15');
    expect(occurrences).toContain('2028-01-05');
    expect(ics).not.toContain('EXDATE;TZID=Europe/Berlin:2029');
  });

  it('starts a rule after a pause that covers its first date instead of excluding DTSTART', () => {
    const ics = focusPlanToIcs(plan, [{ from: '2027-03-01', to: '2027-03-03' }], 'Europe/Berlin', {
      now,
      installId,
    });
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270308T090000\r\n');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270310T140000\r\n');
  });

  it('gives each rule a UID stable across exports of one install, and unique per install', () => {
    const uids = (ics: string) => [...ics.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]?.trim());
    const a = uids(focusPlanToIcs(plan, [], 'Europe/Berlin', { now, installId }));
    const later = { now: now + 90 * 86_400_000, installId };
    const b = uids(focusPlanToIcs([...plan].reverse(), [], 'Asia/Tokyo', later));
    expect(a).toEqual([
      `focus-mon-0900-1100-${installId}@keel.local`,
      `focus-wed-1400-1630-${installId}@keel.local`,
    ]);
    expect(b).toEqual(a);
    const other = '7d9e1f3a-5b2c-4d6e-8f0a-1b3c5d7e9f2a';
    const c = uids(focusPlanToIcs(plan, [], 'Europe/Berlin', { now, installId: other }));
    expect(c.filter((uid) => a.includes(uid))).toEqual([]);
    const defaults = defaultSettings('UTC').focusPlan;
    expect(new Set(defaults.map((rule) => focusRuleUid(rule, installId))).size).toBe(10);
    // The id goes into a TEXT value unescaped: anything but letters, digits and dashes is refused.
    for (const bad of ['', 'short', 'a;b,c\\d-0000', 'x'.repeat(65)]) {
      expect(() => focusRuleUid(plan[0] as FocusRule, bad)).toThrow(RangeError);
    }
  });

  it("is read back by Keel's own reader as busy meetings at the plan's times", () => {
    const ics = focusPlanToIcs(defaultSettings('UTC').focusPlan, [], 'America/New_York', { now, installId });
    const from = Date.parse('2027-03-08T00:00:00Z');
    const to = Date.parse('2027-03-22T00:00:00Z');
    const imported = occurrencesBetween(readCalendar(ics), from, to, 'Europe/Berlin').occurrences;
    const planned = keelExpands(defaultSettings('UTC').focusPlan, from, to, 'America/New_York');
    expect(imported.map((m) => [m.start, m.end])).toEqual(planned.map((o) => [o.start, o.end]));
    expect(new Set(imported.map((m) => `${m.title}|${m.status}|${m.allDay}`))).toEqual(
      new Set([`${FOCUS_EVENT_SUMMARY}|busy|false`]),
    );
  });

  it('writes a fixed-offset VTIMEZONE for zones without DST, and an empty plan as an empty calendar', () => {
    const kolkata = focusPlanToIcs(plan, [], 'Asia/Kolkata', { now, installId });
    expect(kolkata).toContain(
      'BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530',
    );
    expect(kolkata).not.toContain('BEGIN:DAYLIGHT');
    const empty = focusPlanToIcs([], [], 'Europe/Berlin', { now, installId });
    expect(empty).not.toContain('BEGIN:VEVENT');
    expect(new ICAL.Component(ICAL.parse(empty)).name).toBe('vcalendar');
  });
});
