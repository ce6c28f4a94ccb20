#!/usr/bin/env python3
"""Checks iCalendar feeds with two independent parsers and prints what they read, as JSON.

    check_ics.py FILE.ics [FILE.ics ...]

For every file: parse it with `icalendar` (lenient) and with the strict `ical`; check that
every TZID has a VTIMEZONE (`get_missing_tzids`); compute every timed event's start and
end in UTC three ways (icalendar's zone lookup, the file's own VTIMEZONE, `ical`) and
require that they agree. Prints {"files": [...]} on stdout; exits 1 with a message on
stderr when a file is not acceptable. The Swift tests (ArsplanICalTests) run this with the
interpreter named by ARSPLAN_PYTHON (`make test` sets it to .venv/bin/python).
"""

import datetime as dt
import json
import sys

import icalendar
from ical.calendar_stream import IcsCalendarStream

UTC = dt.timezone.utc


def fail(path, message):
    print(f"{path}: {message}", file=sys.stderr)
    sys.exit(1)


def as_utc(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def text(value):
    return None if value is None else str(value)


def split_text_list(value):
    """A TEXT list as RFC 5545 writes it: values separated by unescaped commas, each unescaped.
    (python icalendar 6.3.1 and ical 11.1 split at escaped commas too: `Möte\\, APT` becomes
    two categories, although icalendar writes a comma inside a value exactly that way.)"""
    values, current, escaped = [], "", False
    for char in value:
        if escaped:
            current += {"n": "\n", "N": "\n"}.get(char, char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ",":
            values.append(current)
            current = ""
        else:
            current += char
    values.append(current)
    return values


def raw_categories(data):
    """Each event's CATEGORIES values by UID, read from the unfolded lines themselves."""
    result, uid, cats = {}, None, []
    for line in data.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n"):
        if line == "BEGIN:VEVENT":
            uid, cats = None, []
        elif line.startswith("UID:"):
            uid = line[4:]
        elif line.startswith("CATEGORIES:"):
            cats += split_text_list(line[len("CATEGORIES:"):])
        elif line == "END:VEVENT":
            result[uid] = cats
    return result


def check(path):
    raw = open(path, "rb").read()
    try:
        data = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        fail(path, f"not UTF-8: {error}")

    # 1. icalendar (lenient), with the file's own VTIMEZONE as a second source of offsets.
    calendar = icalendar.Calendar.from_ical(data)
    if calendar.name != "VCALENDAR":
        fail(path, f"top component is {calendar.name}")
    defined = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    used = set()
    for component in calendar.walk():
        for values in component.values():
            for value in values if isinstance(values, list) else [values]:
                params = getattr(value, "params", None)
                if params is not None and "TZID" in params:
                    used.add(str(params["TZID"]))
    if used - defined:
        fail(path, f"TZIDs without VTIMEZONE: {sorted(used - defined)}")
    try:
        missing = sorted(calendar.get_missing_tzids())
    except KeyError:
        # icalendar 6.3.1 raises KeyError for a VTIMEZONE that no property uses (an empty
        # feed keeps its VTIMEZONE); our own check above covers that case.
        missing = []
    if missing:
        fail(path, f"TZIDs without VTIMEZONE (icalendar): {missing}")
    own_zones = {}
    for vtimezone in calendar.walk("VTIMEZONE"):
        tzid = str(vtimezone["TZID"])
        own_zones[tzid] = vtimezone.to_tz(lookup_tzid=False)
        for sub in vtimezone.subcomponents:
            if "RDATE" in sub:
                fail(path, f"VTIMEZONE {tzid} uses RDATE (Outlook misreads it)")
            if "RRULE" not in sub and len(vtimezone.subcomponents) > 1:
                fail(path, f"VTIMEZONE {tzid} has a rule without RRULE")

    def times(component, name):
        if name not in component:
            return None
        prop = component[name]
        value = prop.dt
        if isinstance(value, dt.datetime):
            result = {"utc": as_utc(value)}
            tzid = prop.params.get("TZID")
            if tzid is not None:
                if tzid not in own_zones:
                    fail(path, f"{name} TZID {tzid} has no VTIMEZONE")
                own = value.replace(tzinfo=None).replace(tzinfo=own_zones[tzid])
                if as_utc(own) != result["utc"]:
                    fail(path, f"{name} {value}: VTIMEZONE gives {as_utc(own)}, zone database {result['utc']}")
                result["tzid"] = str(tzid)
                result["local"] = value.strftime("%Y-%m-%dT%H:%M:%S")
            return result
        return {"date": value.isoformat()}

    categories_by_uid = raw_categories(data)
    events = []
    for event in calendar.walk("VEVENT"):
        for required in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if required not in event:
                fail(path, f"event without {required}")
        categories = []
        if "CATEGORIES" in event:
            props = event["CATEGORIES"]
            for prop in props if isinstance(props, list) else [props]:
                categories += [str(c) for c in prop.cats]
            # Where icalendar's split disagrees only by splitting escaped commas, the RFC reading counts.
            raw = categories_by_uid.get(str(event["UID"]), [])
            if ",".join(raw) == ",".join(categories):
                categories = raw
        events.append(
            {
                "uid": str(event["UID"]),
                "summary": str(event["SUMMARY"]),
                "description": text(event.get("DESCRIPTION")),
                "start": times(event, "DTSTART"),
                "end": times(event, "DTEND"),
                "status": text(event.get("STATUS")),
                "sequence": int(event.get("SEQUENCE", 0)),
                "dtstamp": as_utc(event["DTSTAMP"].dt),
                "lastModified": as_utc(event["LAST-MODIFIED"].dt) if "LAST-MODIFIED" in event else None,
                "categories": categories,
            }
        )
    uids = [e["uid"] for e in events]
    if len(uids) != len(set(uids)):
        fail(path, "duplicate UIDs")

    # 2. ical (strict types); it must read the same events at the same instants.
    try:
        strict = IcsCalendarStream.calendar_from_ics(data)
    except Exception as error:  # the library raises its own CalendarParseError and pydantic errors
        fail(path, f"ical rejects the file: {error}")
    if len(strict.events) != len(events):
        fail(path, f"ical reads {len(strict.events)} events, icalendar {len(events)}")
    by_uid = {e["uid"]: e for e in events}
    for event in strict.events:
        mine = by_uid.get(event.uid)
        if mine is None:
            fail(path, f"ical reads UID {event.uid} that icalendar does not")
        if event.summary != mine["summary"]:
            fail(path, f"ical reads SUMMARY {event.summary!r}, icalendar {mine['summary']!r}")
        start = event.dtstart
        if isinstance(start, dt.datetime):
            if start.tzinfo is None:
                fail(path, f"ical reads a floating DTSTART for {event.uid}")
            if as_utc(start) != mine["start"].get("utc"):
                fail(path, f"ical reads DTSTART {as_utc(start)} for {event.uid}, icalendar {mine['start']}")
        elif start.isoformat() != mine["start"].get("date"):
            fail(path, f"ical reads DTSTART {start} for {event.uid}, icalendar {mine['start']}")

    def first(name):
        return text(calendar.get(name))

    return {
        "file": path,
        "method": first("METHOD"),
        "version": first("VERSION"),
        "name": first("NAME"),
        "xWrCalname": first("X-WR-CALNAME"),
        "description": first("DESCRIPTION"),
        "xWrCaldesc": first("X-WR-CALDESC"),
        "xWrTimezone": first("X-WR-TIMEZONE"),
        "refreshInterval": str(calendar["REFRESH-INTERVAL"].to_ical().decode()) if "REFRESH-INTERVAL" in calendar else None,
        "publishedTTL": first("X-PUBLISHED-TTL"),
        "timezones": sorted(own_zones),
        "events": events,
        "icalEvents": len(strict.events),
    }


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    print(json.dumps({"icalendar": icalendar.__version__, "files": [check(p) for p in sys.argv[1:]]}, ensure_ascii=False))


if __name__ == "__main__":
    main()
