import { spawnSync } from 'node:child_process';

/**
 * Debian's python3-icalendar 4.0.3 and python3-recurring-ical-events 2.0.1, an iCalendar reader
 * written independently of Keel (CI installs them with apt; plain `python3` may be a pyenv
 * without them). One process per call: callers batch everything they need into one input.
 */
export const PYTHON = '/usr/bin/python3';

export function runPython<T>(script: string, input: unknown): T {
  const run = spawnSync(PYTHON, ['-c', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (run.error) throw new Error(`${PYTHON} did not run: ${run.error.message}`);
  if (run.status !== 0) throw new Error(`${PYTHON} failed (${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/**
 * Each calendar's VTIMEZONE read by icalendar's own `Timezone.to_tz()` (RFC 5545's reading: each
 * onset is a local time in TZOFFSETFROM; RRULEs expanded to 2038): the offset before the first
 * onset, and every change as [UTC ms, offset after in seconds].
 */
export const READ_VTIMEZONES = `
import sys, json, datetime
from icalendar import Calendar
EPOCH = datetime.datetime(1970, 1, 1)
out = {}
for key, text in json.load(sys.stdin).items():
    vtz = Calendar.from_ical(text).walk('VTIMEZONE')[0]
    subs = sorted((c for c in vtz.walk() if c.name in ('STANDARD', 'DAYLIGHT')), key=lambda c: c['DTSTART'].dt)
    tz = vtz.to_tz()
    changes = [[(t - EPOCH) // datetime.timedelta(milliseconds=1), int(info[0].total_seconds())]
               for t, info in zip(tz._utc_transition_times, tz._transition_info)]
    out[key] = {'initial': int(subs[0]['TZOFFSETFROM'].td.total_seconds()), 'changes': changes}
json.dump(out, sys.stdout)
`;

export interface ReadVtimezone {
  initial: number;
  changes: [number, number][];
}

/**
 * Every calendar's events from `from` to `to` (ISO instants) as recurring_ical_events expands
 * them, overrides and EXDATEs applied: [UTC start ms, UTC end ms, UID], sorted.
 */
export const EXPAND_EVENTS = `
import sys, json, datetime
from icalendar import Calendar
import recurring_ical_events
UTC = datetime.timezone.utc
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)
ms = lambda d: (d.astimezone(UTC) - EPOCH) // datetime.timedelta(milliseconds=1)
out = {}
for key, job in json.load(sys.stdin).items():
    cal = Calendar.from_ical(job['ics'])
    start = datetime.datetime.fromtimestamp(job['from'] / 1000, UTC)
    stop = datetime.datetime.fromtimestamp(job['to'] / 1000, UTC)
    events = recurring_ical_events.of(cal).between(start, stop)
    out[key] = sorted([ms(e['DTSTART'].dt), ms(e['DTEND'].dt), str(e['UID'])] for e in events)
json.dump(out, sys.stdout)
`;
