#!/usr/bin/python3
"""Independent RRULE expansion for test/calendar/recur-dateutil.test.ts, by python-dateutil.

Run with Debian's /usr/bin/python3 (python3-dateutil). Reads a JSON list of cases on stdin:
  {"rule": "FREQ=...;BY...", "dtstart": "YYYYMMDDTHHMMSS", "from": ..., "to": ...,
   "until": "YYYYMMDDTHHMMSS" | null, "count": int | {"endAt": 0..1} | null}
(all wall-clock, naive; "endAt" asks for the COUNT that ends the series that far through the
window's occurrences) and writes a JSON list with, per case, {"count": the COUNT used,
"starts": the occurrence starts in [from, to) as "YYYYMMDDTHHMMSS" strings}, or
{"timeout": true} when dateutil took too long (it steps from DTSTART through every period, and a
rule that never matches runs to year 9999), or {"error": "..."} when dateutil itself fails.

Where dateutil differs from RFC 5545 by design, the RFC's rule is layered on top of it here, so
the comparison is about the rule's own instances:
- DTSTART is always the first occurrence and counts toward COUNT (RFC 5545 3.8.5.3); dateutil
  leaves DTSTART out unless the rule produces it. When it does not, DTSTART is added and the
  rule's COUNT is lowered by one.
- DTSTART is in the set even when UNTIL is before it (the set is DTSTART plus the rule).
The test steers clear of dateutil's other differences (mixed BYDAY ordinals, BYSETPOS in a
WEEKLY rule's first week, BYWEEKNO alone): see the test file.
"""
import json
import signal
import sys
import warnings
from datetime import datetime

from dateutil.rrule import rrulestr

TIME_LIMIT_S = 0.3


class Timeout(Exception):
    pass


def on_alarm(_signum, _frame):
    raise Timeout()


def parse(text):
    return datetime.strptime(text, "%Y%m%dT%H%M%S")


def fmt(d):
    # strftime's %Y does not pad years before 1000 everywhere.
    return f"{d.year:04d}{d.month:02d}{d.day:02d}T{d.hour:02d}{d.minute:02d}{d.second:02d}"


def count_ending_in_window(rule, dtstart, start, end, until, at):
    """The COUNT whose last occurrence is `at` (0-1) of the way through those in [start, end)."""
    series = sorted({dtstart} | set(rule.replace(until=until).between(dtstart, end, inc=True)))
    series = [d for d in series if d < end]
    before = sum(1 for d in series if d < start)
    inside = len(series) - before
    return max(1, before + min(inside, 1 + int(at * inside)))


def expand(case):
    dtstart = parse(case["dtstart"])
    start = parse(case["from"])
    end = parse(case["to"])
    until = parse(case["until"]) if case["until"] else None
    count = case["count"]
    try:
        rule = rrulestr(case["rule"], dtstart=dtstart)
    except ValueError as e:
        # dateutil refuses a rule it proves produces nothing (an HOURLY INTERVAL that never
        # reaches a BYHOUR): then the set is DTSTART alone.
        if "generates an empty set" not in str(e):
            raise
        found = {dtstart} if start <= dtstart < end else set()
        return {"count": 1 if isinstance(count, dict) else count, "starts": [fmt(d) for d in found]}
    if isinstance(count, dict):
        count = count_ending_in_window(rule, dtstart, start, end, until, count["endAt"])
    matches = list(rule.replace(count=1)) == [dtstart]
    if count is None:
        instances = rule.replace(until=until)
    elif matches:
        instances = rule.replace(count=count, until=until)
    elif count > 1:
        instances = rule.replace(count=count - 1, until=until)
    else:
        instances = []
    found = {d for d in (instances.between(start, end, inc=True) if instances else []) if d < end}
    if start <= dtstart < end:
        found.add(dtstart)
    return {"count": count, "starts": [fmt(d) for d in sorted(found)]}


def main():
    warnings.simplefilter("ignore")  # dateutil warns when COUNT and UNTIL are both given
    signal.signal(signal.SIGALRM, on_alarm)
    results = []
    for case in json.load(sys.stdin):
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT_S)
        try:
            results.append(expand(case))
        except Timeout:
            results.append({"timeout": True})
        except (IndexError, ValueError) as e:
            # dateutil's own failures (an ordinal such as 53MO past the end of the year breaks
            # its mask building): no answer to compare with.
            results.append({"error": repr(e)})
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
