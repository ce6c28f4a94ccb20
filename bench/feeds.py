#!/usr/bin/env python3
"""Benchmark: `arsplan export` (all feeds) on a generated plan with ~100,000 occurrences,
against python `icalendar` writing the same feeds as the peer.

    .venv/bin/python bench/feeds.py [--occurrences 100000] [--binary .build/release/arsplan]

Needs a release build (`make release`) and the test virtual environment
(`make python-deps`, for icalendar). Measures whole processes with /usr/bin/time -v
(wall time, peak RSS), best of --runs. Prints the figures and the ratio. The target
(issue 3): all feeds of 100,000 occurrences in under 1 s and 300 MB.

`arsplan validate` on the same plan is measured too: parsing and scheduling, which every
export also does, so the difference is about what writing the feeds costs.
"""

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def generate_plan(occurrences):
    """A plan of weekly activities (about 52 occurrences each), timed and all-day, with
    Swedish text, spread over 50 owners, 10 target groups, 10 channels and 5 units."""
    activities = (occurrences + 51) // 52
    lines = [
        "format: 1",
        "plan:",
        f"  id: bench-feeds",
        f"  title: Genererad plan för mätning av flöden ({occurrences} tillfällen)",
        "  year: 2027",
        "  organization: Mätförvaltningen",
        "owners:",
    ]
    names = {"owners": {}, "audiences": {}, "channels": {}, "units": {}}
    for i in range(50):
        names["owners"][f"o{i}"] = f"Åsa Öberg {i}"
        lines.append(f"  o{i}: {{name: Åsa Öberg {i}, email: asa.oberg{i}@example.se}}")
    lines.append("audiences:")
    for i in range(10):
        names["audiences"][f"m{i}"] = f"Målgrupp {i} – medarbetare"
        lines.append(f"  m{i}: {{name: Målgrupp {i} – medarbetare}}")
    lines.append("channels:")
    for i in range(10):
        names["channels"][f"k{i}"] = f"Kanal {i} (intranät)"
        lines.append(f"  k{i}: {{name: Kanal {i} (intranät)}}")
    lines.append("units:")
    for i in range(5):
        names["units"][f"e{i}"] = f"Verksamhetsområde {i}"
        lines.append(f"  e{i}: {{name: Verksamhetsområde {i}}}")
    lines.append("activities:")
    for i in range(activities):
        a1, a2 = i % 10, (i * 7 + 3) % 10
        audiences = f"m{a1}" if a1 == a2 else f"m{a1}, m{a2}"
        lines += [
            f"  - id: a{i}",
            f"    title: Aktivitet {i} – nyhetsbrev om förändringar i förvaltningen",
            "    kind: nyhetsbrev",
            f"    owner: o{i % 50}",
            f"    audiences: [{audiences}]",
            f"    channels: [k{i % 10}]",
            f"    unit: e{i % 5}",
            "    description: Veckans nyheter till medarbetarna, med länkar till intranätet och "
            "en sammanfattning av beslut i förvaltningsledningen.",
            f"    repeat: {{every: week, on: {WEEKDAYS[i % 5]}}}",
        ]
        if i % 2 == 0:
            lines += [f'    time: "{8 + i % 8:02d}:30"', "    duration: 1h"]
    return "\n".join(lines) + "\n", names


def measure(command, runs, stdout=subprocess.DEVNULL, setup=None):
    """Best wall time (s) and the largest peak RSS (MB) over `runs` runs of `command`
    (`setup()` before each run, not timed)."""
    best, peak = None, 0.0
    for _ in range(runs):
        if setup:
            setup()
        started = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=stdout, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-3000:]}")
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
        peak = max(peak, int(rss.group(1)) / 1024 if rss else 0.0)
        best = elapsed if best is None else min(best, elapsed)
    return best, peak


# ---------------------------------------------------------------------------------------
# The peer: python icalendar writing the same feeds from `arsplan schedule --format json`.

def peer(schedule_path, names_path, out):
    from zoneinfo import ZoneInfo

    import icalendar

    started = time.perf_counter()
    with open(schedule_path, encoding="utf-8") as f:
        schedule = json.load(f)
    with open(names_path, encoding="utf-8") as f:
        names = json.load(f)
    loaded = time.perf_counter()
    plan = schedule["plan"]
    zone = ZoneInfo(plan["timezone"])
    stamp = dt.datetime(plan["year"], 1, 1, tzinfo=dt.timezone.utc)

    events = []
    feeds = {"alla.ics": []}
    for group, prefix in (("audiences", "malgrupp"), ("owners", "agare"), ("channels", "kanal"), ("units", "enhet")):
        for key in names[group]:
            feeds[f"{prefix}-{key}.ics"] = []
    for occurrence in schedule["occurrences"]:
        if occurrence["status"] == "cancelled":
            continue
        event = icalendar.Event()
        event.add("uid", f"{occurrence['uid']}@{plan['id']}")
        event.add("dtstamp", stamp)
        if occurrence["allDay"]:
            event.add("dtstart", dt.date.fromisoformat(occurrence["start"]))
            event.add("dtend", dt.date.fromisoformat(occurrence["end"]) + dt.timedelta(days=1))
        else:
            event.add("dtstart", dt.datetime.fromisoformat(occurrence["start"]).replace(tzinfo=zone))
            event.add("dtend", dt.datetime.fromisoformat(occurrence["end"]).replace(tzinfo=zone))
        event.add("summary", occurrence["title"])
        description = [f"Ansvarig: {names['owners'].get(occurrence['owner'], occurrence['owner'])}"]
        description.append("Målgrupper: " + ", ".join(names["audiences"][a] for a in occurrence["audiences"]))
        description.append("Kanal: " + ", ".join(names["channels"][c] for c in occurrence["channels"]))
        if occurrence.get("unit"):
            description.append(f"Verksamhetsområde: {names['units'][occurrence['unit']]}")
        event.add("description", "\n".join(description))
        event.add("categories", [occurrence.get("kind") or "aktivitet"] + [names["channels"][c] for c in occurrence["channels"]])
        event.add("sequence", occurrence.get("sequence", 0))
        event.add("last-modified", stamp)
        event.add("transp", "TRANSPARENT")
        events.append(event)
        feeds["alla.ics"].append(event)
        for a in occurrence["audiences"]:
            feeds[f"malgrupp-{a}.ics"].append(event)
        if occurrence.get("owner"):
            feeds[f"agare-{occurrence['owner']}.ics"].append(event)
        for c in occurrence["channels"]:
            feeds[f"kanal-{c}.ics"].append(event)
        if occurrence.get("unit"):
            feeds[f"enhet-{occurrence['unit']}.ics"].append(event)

    # One VTIMEZONE for all feeds, as arsplan does (add_missing_timezones per feed is slower).
    timezone = icalendar.Timezone.from_tzid(
        plan["timezone"], first_date=dt.date(plan["year"], 1, 1), last_date=dt.date(plan["year"] + 1, 12, 31))
    os.makedirs(out, exist_ok=True)
    for name, members in feeds.items():
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//arsplan bench peer//icalendar//SV")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("name", f"{plan['title']} – {name}")
        calendar.add("x-wr-calname", f"{plan['title']} – {name}")
        calendar.add("x-wr-timezone", plan["timezone"])
        calendar.add_component(timezone)
        for event in members:
            calendar.add_component(event)
        with open(os.path.join(out, name), "wb") as f:
            f.write(calendar.to_ical())
    written = time.perf_counter()
    print(json.dumps({"events": len(events), "feeds": len(feeds), "load": loaded - started, "write": written - loaded}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--occurrences", type=int, default=100_000)
    parser.add_argument("--binary", default=".build/release/arsplan")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-peer", action="store_true", help="skip the python icalendar peer (it takes minutes)")
    parser.add_argument("--peer", nargs=3, metavar=("SCHEDULE_JSON", "NAMES_JSON", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer:
        peer(*args.peer)
        return
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"{args.binary} not found: build it with `make release`.")

    with tempfile.TemporaryDirectory(prefix="arsplan-bench-feeds-") as work:
        plan_text, names = generate_plan(args.occurrences)
        plan = os.path.join(work, "plan.yaml")
        with open(plan, "w", encoding="utf-8") as f:
            f.write(plan_text)
        names_path = os.path.join(work, "names.json")
        with open(names_path, "w", encoding="utf-8") as f:
            json.dump(names, f, ensure_ascii=False)

        schedule_path = os.path.join(work, "schedule.json")
        with open(schedule_path, "w", encoding="utf-8") as f:
            subprocess.run([args.binary, "schedule", plan, "--format", "json"], stdout=f, stderr=subprocess.DEVNULL, check=True)
        with open(schedule_path, encoding="utf-8") as f:
            occurrences = sum(1 for o in json.load(f)["occurrences"] if o["status"] != "cancelled")

        out = os.path.join(work, "out")
        validate_time, validate_rss = measure([args.binary, "validate", plan], args.runs)
        # The publication state beside the plan (plan.published.json): the first export of each
        # case below starts without it or with a prepared one, so every case is measured alike.
        state = os.path.join(work, "plan.published.json")

        def no_state():
            if os.path.exists(state):
                os.remove(state)
            # An export that would write what the folder holds leaves it alone: start each
            # measured run that must write without it.
            shutil.rmtree(out, ignore_errors=True)

        export = [args.binary, "export", plan, "--out", out]
        env_now = {"ARSPLAN_NOW": "2026-11-20T10:00:00Z"}
        os.environ.update(env_now)
        # 1. No state yet: every event new, the state written (100,000 entries).
        first_time, first_rss = measure(export, args.runs, setup=no_state)
        with open(state, "rb") as f:
            published = f.read()
        # 2. Nothing changed: the state read and compared, nothing written to it, and the folder
        #    (the same bytes, by the digest in its marker) left untouched.
        export_time, export_rss = measure(export, args.runs)
        # 3. Every event changed (every fingerprint in the state altered): read, compared, rewritten.
        stale = re.sub(rb'"fingerprint": "([0-9a-f])',
                       lambda m: b'"fingerprint": "' + (b"0" if m.group(1) != b"0" else b"1"), published)

        def stale_state():
            with open(state, "wb") as f:
                f.write(stale)
            shutil.rmtree(out, ignore_errors=True)

        changed_time, changed_rss = measure(export, args.runs, setup=stale_state)
        state_bytes = len(published)
        feed_files = [n for n in os.listdir(out) if n.endswith(".ics")]
        feed_bytes = sum(os.path.getsize(os.path.join(out, n)) for n in feed_files)

        peer_out = os.path.join(work, "peer")
        if args.no_peer:
            print(f"{occurrences} occurrences: validate {validate_time:.3f} s {validate_rss:.1f} MB, "
                  f"export {export_time:.3f} s {export_rss:.1f} MB (no state {first_time:.3f} s {first_rss:.1f} MB, "
                  f"all changed {changed_time:.3f} s {changed_rss:.1f} MB), {len(feed_files)} feeds, {feed_bytes / 1e6:.0f} MB, "
                  f"state {state_bytes / 1e6:.1f} MB")
            return
        peer_result = subprocess.run(
            ["/usr/bin/time", "-v", sys.executable, __file__, "--peer", schedule_path, names_path, peer_out],
            capture_output=True, text=True)
        if peer_result.returncode != 0:
            sys.exit(f"peer failed:\n{peer_result.stderr[-3000:]}")
        peer_stats = json.loads(peer_result.stdout.strip().splitlines()[-1])
        peer_rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", peer_result.stderr).group(1)) / 1024
        peer_bytes = sum(os.path.getsize(os.path.join(peer_out, n)) for n in os.listdir(peer_out))

    import icalendar

    print(f"arsplan feeds benchmark: {occurrences} occurrences, {len(feed_files)} feeds, "
          f"{feed_bytes / 1e6:.0f} MB of iCalendar (best of {args.runs})")
    print(f"  arsplan validate (parse + schedule)    {validate_time:7.3f} s  {validate_rss:7.1f} MB peak RSS")
    print(f"  arsplan export (all feeds + index)     {export_time:7.3f} s  {export_rss:7.1f} MB peak RSS  (state read, nothing changed: folder left alone)")
    print(f"    first export, no state, no folder (written) {first_time:7.3f} s  {first_rss:7.1f} MB peak RSS")
    print(f"    every event changed (read, rewritten)  {changed_time:7.3f} s  {changed_rss:7.1f} MB peak RSS  "
          f"(state file {state_bytes / 1e6:.1f} MB)")
    print(f"    of which writing the feeds, about    {export_time - validate_time:7.3f} s")
    print(f"  python icalendar {icalendar.__version__} peer, writing    {peer_stats['write']:7.3f} s  {peer_rss:7.1f} MB peak RSS "
          f"({peer_stats['events']} events, {peer_stats['feeds']} feeds, {peer_bytes / 1e6:.0f} MB)")
    print(f"  ratio: the peer's feed writing takes {peer_stats['write'] / max(export_time - validate_time, 1e-9):.1f}x "
          f"arsplan's, {peer_stats['write'] / export_time:.1f}x arsplan's whole export")
    slowest = max(export_time, first_time, changed_time)
    target = slowest < 1.0 and max(export_rss, first_rss, changed_rss) < 300
    print(f"  target (every export case under 1 s and 300 MB): {'met' if target else 'NOT met'}")


if __name__ == "__main__":
    main()
