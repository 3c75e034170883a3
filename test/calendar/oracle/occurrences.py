#!/usr/bin/python3
"""The independent side of test/calendar/corpus.test.ts: every occurrence that Debian's
python3-recurring-ical-events (2.0.1, on python3-icalendar 4.0.3 and python3-dateutil 2.8.2)
yields for a calendar file in a window, as JSON.

    /usr/bin/python3 occurrences.py FILE FROM TO ZONE [ADDRESS...]
        FROM and TO are ISO instants ("2027-03-01T00:00:00Z"); ZONE is an IANA zone.
        Prints {"occurrences": [...], "skippedLines": n, "droppedEvents": [...]} or {"error": "..."}.
    /usr/bin/python3 occurrences.py --batch < requests.json
        stdin: [{"id", "file", "from", "to", "zone", "addresses"?}, ...]
        stdout: [{"id", ...the same object as above}, ...] in the same order.
    /usr/bin/python3 occurrences.py --check
        Exits 0 when the modules are importable (the test skips itself otherwise).

What this adds around the library, and nothing more:
- Times are turned into epoch ms. Floating times and dates (which the library keeps as naive
  values) are read in ZONE, and so is the window, so both sides answer the same question. A
  wall time that occurs twice is read as its first occurrence, one that does not exist as
  shifted forward by the gap (fold=0, the RFC 5545 section 3.3.5 reading).
- Events without a UID are expanded each on its own: given to the library together, they
  would be taken for one series, and of two that start at the same time one would vanish.
- A file is parsed once per batch, and icalendar's module-wide cache of VTIMEZONEs is emptied
  before each file, so one file's custom TZID cannot leak into the next.
- Leniency, so one bad line or event does not cost the whole comparison: when icalendar refuses
  the file, lines it cannot parse are dropped one by one and counted (skippedLines); several
  VCALENDARs in one file are merged into one; an event the library cannot expand (it raises)
  is dropped with its UID and the error (droppedEvents). Every such case is reported, never
  silent, and the test shows it.
- A VTIMEZONE that icalendar cannot convert (it raises while parsing the file, e.g. an RRULE
  UNTIL without Z) is left unconverted instead of refusing the file; events naming it are then
  read as floating, as the library does for any TZID it does not know (reported in
  droppedEvents with uid null).
- The library is otherwise used as shipped: its bugs are part of what the test documents.
"""

import datetime
import json
import sys

try:
    import icalendar
    import recurring_ical_events
    import x_wr_timezone
    from icalendar.parser import Contentline, Contentlines
    from icalendar.timezone_cache import _timezone_cache
    from zoneinfo import ZoneInfo

    MODULES_ERROR = None
except ImportError as exc:  # pragma: no cover - reported by --check
    MODULES_ERROR = str(exc)

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def to_ms(value, zone):
    """Epoch ms of a date, a naive (floating) or an aware datetime; naive ones read in zone."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            value = value.replace(tzinfo=zone, fold=0)
        return int((value - EPOCH) // datetime.timedelta(milliseconds=1))
    local = datetime.datetime(value.year, value.month, value.day, tzinfo=zone)
    return int((local - EPOCH) // datetime.timedelta(milliseconds=1))


def start_kind(event):
    """How the occurrence's DTSTART was read by the library: date, floating, utc or zoned."""
    prop = event.get("DTSTART")
    value = getattr(prop, "dt", None)
    if not isinstance(value, datetime.datetime):
        return "date"
    if value.tzinfo is None:
        return "floating"
    return "utc" if value.utcoffset() == datetime.timedelta(0) and not prop.params.get("TZID") else "zoned"


def text(event, name):
    value = event.get(name)
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0]
    return str(value)


def upper(event, name):
    value = text(event, name)
    return value.strip().upper() if value is not None else None


def categories(event):
    """Every CATEGORIES value, as plain strings."""
    values = event.get("CATEGORIES")
    if values is None:
        return []
    if not isinstance(values, list):
        values = [values]
    found = []
    for value in values:
        cats = getattr(value, "cats", None)
        if cats is None:
            cats = str(value).split(",")
        found.extend(str(c).strip() for c in cats if str(c).strip())
    return found


def own_partstat(event, addresses):
    """PARTSTAT of the first ATTENDEE whose address is one of the user's, else None."""
    if not addresses:
        return None
    attendees = event.get("ATTENDEE")
    if attendees is None:
        return None
    if not isinstance(attendees, list):
        attendees = [attendees]
    for attendee in attendees:
        address = str(attendee).strip().lower()
        if address.startswith("mailto:"):
            address = address[len("mailto:"):]
        if address in addresses:
            partstat = getattr(attendee, "params", {}).get("PARTSTAT")
            return str(partstat).upper() if partstat else "NEEDS-ACTION"
    return None


FAILED_ZONES = []


def lenient_to_tz(original):
    """Timezone.to_tz that answers None (the TZID then reads as floating) instead of raising."""

    def to_tz(self):
        try:
            return original(self)
        except Exception as exc:  # noqa: BLE001
            FAILED_ZONES.append("VTIMEZONE %s not converted: %s: %s" % (self.get("TZID"), type(exc).__name__, exc))
            return None

    return to_tz


if MODULES_ERROR is None:
    icalendar.cal.Timezone.to_tz = lenient_to_tz(icalendar.cal.Timezone.to_tz)


def parse_lenient(data):
    """A Calendar from bytes; (calendar, skipped lines). Raises when nothing can be read."""
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
        skipped = 0
    except Exception:  # noqa: BLE001 - any refusal falls back to the line-by-line reading
        lines = Contentlines.from_ical(data.decode("utf-8", "replace"))
        kept = []
        skipped = 0
        for line in lines:
            if not line:
                continue
            try:
                Contentline(line).parts()
            except Exception:  # noqa: BLE001
                skipped += 1
                continue
            kept.append(line)
        calendars = icalendar.Calendar.from_ical("\r\n".join(kept) + "\r\n", multiple=True)
    calendars = [c for c in calendars if c.name == "VCALENDAR"]
    if not calendars:
        raise ValueError("no VCALENDAR in the file")
    merged = calendars[0]
    for extra in calendars[1:]:
        for component in extra.subcomponents:
            merged.add_component(component)
    return merged, skipped


def load(path):
    """Everything about a file that does not depend on the window: repetitions by UID."""
    _timezone_cache.clear()
    del FAILED_ZONES[:]
    with open(path, "rb") as handle:
        data = handle.read()
    calendar, skipped = parse_lenient(data)
    dropped = [{"uid": None, "error": message} for message in FAILED_ZONES]
    try:
        calendar = x_wr_timezone.to_standard(calendar)
    except Exception as exc:  # noqa: BLE001 - an unknown X-WR-TIMEZONE: read without it
        dropped.append({"uid": None, "error": "X-WR-TIMEZONE ignored: %s" % exc})
    groups = {}
    for index, event in enumerate(calendar.walk("VEVENT")):
        uid = text(event, "UID")
        try:
            repetition = recurring_ical_events.RepeatedEvent(event)
        except Exception as exc:  # noqa: BLE001
            dropped.append({"uid": uid, "error": "%s: %s" % (type(exc).__name__, exc)})
            continue
        # Events without a UID are each their own: grouped under one key, the library would
        # take them for one series and keep one of those that start at the same time.
        key = uid if uid else ("no UID", index)
        groups.setdefault(key, (uid, []))[1].append(repetition)
    return {"groups": groups, "skippedLines": skipped, "droppedEvents": dropped}


def occurrences(loaded, start, stop, zone, addresses):
    """The library's answer for [start, stop), one UID at a time so one failure stays local."""
    span_start = start.astimezone(zone)
    span_stop = stop.astimezone(zone)
    found = []
    dropped = []
    for uid, repetitions in loaded["groups"].values():
        unfoldable = recurring_ical_events.UnfoldableCalendar(icalendar.Calendar())
        unfoldable.repetitions = repetitions
        try:
            events = unfoldable.between(span_start, span_stop)
        except Exception as exc:  # noqa: BLE001
            dropped.append({"uid": uid, "error": "%s: %s" % (type(exc).__name__, exc)})
            continue
        for event in events:
            begin = event["DTSTART"].dt
            end = event["DTEND"].dt if "DTEND" in event else begin
            found.append(
                {
                    "uid": uid,
                    "summary": text(event, "SUMMARY") or "",
                    "start": to_ms(begin, zone),
                    "end": to_ms(end, zone),
                    "allDay": not isinstance(begin, datetime.datetime),
                    "startKind": start_kind(event),
                    "recurrenceId": "RECURRENCE-ID" in event,
                    "status": upper(event, "STATUS"),
                    "transp": upper(event, "TRANSP"),
                    "msBusyStatus": upper(event, "X-MICROSOFT-CDO-BUSYSTATUS"),
                    "partstat": own_partstat(event, addresses),
                    "categories": categories(event),
                }
            )
    found.sort(key=lambda o: (o["start"], o["end"], o["uid"] or ""))
    return found, dropped


def instant(value):
    parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError("not an instant (no offset): %s" % value)
    return parsed


def answer(request, cache):
    """One request's answer; never raises."""
    path = request["file"]
    try:
        if path not in cache:
            try:
                cache[path] = load(path)
            except Exception as exc:  # noqa: BLE001
                cache[path] = {"error": "%s: %s" % (type(exc).__name__, exc)}
        loaded = cache[path]
        if "error" in loaded:
            return {"error": loaded["error"]}
        zone = ZoneInfo(request["zone"])
        addresses = {a.lower() for a in request.get("addresses") or []}
        found, dropped = occurrences(loaded, instant(request["from"]), instant(request["to"]), zone, addresses)
        return {
            "occurrences": found,
            "skippedLines": loaded["skippedLines"],
            "droppedEvents": loaded["droppedEvents"] + dropped,
        }
    except Exception as exc:  # noqa: BLE001
        return {"error": "%s: %s" % (type(exc).__name__, exc)}


def main(argv):
    if len(argv) == 2 and argv[1] == "--check":
        if MODULES_ERROR:
            sys.stdout.write(json.dumps({"error": MODULES_ERROR}) + "\n")
            return 1
        sys.stdout.write(json.dumps({"ok": True, "recurring_ical_events": getattr(recurring_ical_events, "__version__", None)}) + "\n")
        return 0
    if MODULES_ERROR:
        sys.stdout.write(json.dumps({"error": "python modules missing: " + MODULES_ERROR}) + "\n")
        return 1
    cache = {}
    if len(argv) == 2 and argv[1] == "--batch":
        requests = json.load(sys.stdin)
        results = [dict({"id": r.get("id")}, **answer(r, cache)) for r in requests]
        json.dump(results, sys.stdout)
        sys.stdout.write("\n")
        return 0
    if len(argv) >= 5:
        request = {"file": argv[1], "from": argv[2], "to": argv[3], "zone": argv[4], "addresses": argv[5:]}
        json.dump(answer(request, cache), sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
