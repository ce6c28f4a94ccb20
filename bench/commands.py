#!/usr/bin/env python3
"""Every command, whole process, on generated plans with a year of changes.

    python3 bench/commands.py [--binary .build/release/arsplan] [--sizes 5000,20000,80000]
                              [--runs 5] [--journal 1000] [--markdown bench/RESULTS-table.md]

For each size a plan is generated (bench/generate_plan.py) and given a journal of
`--journal` entries: one approval recorded by `arsplan approve` itself, then moves,
cancellations, reassignments and undos written as `arsplan move/cancel/assign/undo`
write them (docs/journal.md). Every command is then run `--runs` times, the runs of the
commands interleaved, and the median wall-clock time of the whole process is printed.
Every run starts from the same 1,000-entry journal (`move` and `approve` append to it); `export`
is timed when nothing changed since the last export and after a move was recorded.

Target (issue 8): every command under 300 ms at 20,000 activities, growing linearly.
The machine may be shared: read the figures as this machine at this moment.
"""
import argparse
import datetime
import hashlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_plan  # noqa: E402

NOW = "2027-03-01T10:00:00Z"


def commands(plan, out):
    """(label, argv after the binary, what runs untimed before each run).

    Every run starts from the 1,000-entry journal (put back before each). `export` is timed
    twice: once when nothing changed since the last export (it was just run with the same
    inputs: it checks and makes nothing), once after a change was recorded (a `move` with a
    day that differs from run to run: it makes every feed, the index and the overview)."""
    single = single_date_activities(plan)[0]
    other = single_date_activities(plan)[1]
    export = ["export", plan, "--out", out]
    moves = iter(f"2027-09-{d:02d}" for d in [13, 14, 15, 16, 17, 20, 21, 22, 23, 24] * 100)
    return [
        ("validate", ["validate", plan], None),
        ("schedule (table)", ["schedule", plan], None),
        ("schedule --format json", ["schedule", plan, "--format", "json"], None),
        ("schedule --format csv", ["schedule", plan, "--format", "csv"], None),
        ("export (nothing changed)", export, lambda: [export]),
        ("export (after a move)", export,
         lambda: [["move", plan, other, next(moves), "--reason", "bench", "--force"]]),
        ("move --dry-run", ["move", plan, single, "2027-09-14", "--reason", "bench", "--force", "--dry-run"], None),
        ("move", ["move", plan, single, "2027-09-14", "--reason", "bench", "--force"], None),
        ("approve", ["approve", plan, "--by", "Förvaltningsledningen", "--ref", "FL bench"], None),
        ("deviations (json)", ["deviations", plan, "--format", "json"], None),
        ("deviations (markdown)", ["deviations", plan, "--format", "markdown"], None),
        ("status", ["status", plan], None),
        ("history", ["history", plan], None),
    ]


_singles = {}


def single_date_activities(plan):
    """Ids of activities placed on one fixed date (`date:`), which a move can take anywhere."""
    if plan not in _singles:
        ids, current = [], None
        with open(plan, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"  - id: (\S+)", line)
                if m:
                    current = m.group(1)
                elif current and re.match(r"    date: \d{4}-\d\d-\d\d\s*$", line):
                    ids.append(current)
        _singles[plan] = ids
    return _singles[plan]


def owners(plan):
    with open(plan, encoding="utf-8") as f:
        text = f.read()
    section = text.split("\nowners:\n", 1)[1].split("\naudiences:", 1)[0]
    return re.findall(r"^  ([\w-]+): \{", section, re.M)


def write_journal(arsplan, plan, entries, env):
    """One approval by `arsplan approve`, then `entries - 1` changes in the journal's own format."""
    journal = plan[: -len(".yaml")] + ".journal.jsonl"
    if os.path.exists(journal):
        os.remove(journal)
    subprocess.run([arsplan, "approve", plan, "--by", "Förvaltningsledningen", "--ref", "FL-protokoll 2026-12-10 §4"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(plan, "rb") as f:
        plan_hash = "sha256:" + hashlib.sha256(f.read()).hexdigest()
    rnd = random.Random(11)
    singles = single_date_activities(plan)
    people = owners(plan)
    days = [datetime.date(2027, 8, 16) + datetime.timedelta(days=d) for d in range(0, 60)]
    days = [d for d in days if d.weekday() < 5]
    lines = []
    previous_is_change = False
    for seq in range(2, entries + 1):
        at = (datetime.datetime(2027, 1, 10, 9) + datetime.timedelta(hours=seq * 2)).strftime("%Y-%m-%dT%H:%M:%SZ")
        entry = {"v": 1, "seq": seq, "at": at, "by": "Bench", "reason": f"ändring {seq}", "planHash": plan_hash}
        roll = rnd.random()
        if roll < 0.05 and previous_is_change:
            entry.update(action="undo", undoes=seq - 1)
        elif roll < 0.75:
            entry.update(action="move", activity=rnd.choice(singles), occurrence=1, day=rnd.choice(days).isoformat())
        elif roll < 0.9:
            entry.update(action="cancel", activity=rnd.choice(singles), occurrence=1)
        else:
            entry.update(action="assign", activity=rnd.choice(singles), owner=rnd.choice(people))
        previous_is_change = entry["action"] != "undo"
        lines.append(json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    with open(journal, "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + ("\n" if lines else ""))
    return journal


def run_once(arsplan, argv, env, cwd, pin=None):
    """Wall-clock and CPU (user + system) seconds of one whole process."""
    prefix = ["taskset", "-c", pin] if pin else []
    start = time.perf_counter()
    process = subprocess.Popen(prefix + [arsplan] + argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):  # 1: a refused change or a plan with warnings is still a measurement
        sys.exit(f"{' '.join(argv)}: exit {process.returncode}\n{stderr.decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "arsplan"))
    parser.add_argument("--sizes", default="5000,20000,80000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--journal", type=int, default=1000)
    parser.add_argument("--only", help="comma-separated command labels to run (default: all)")
    parser.add_argument("--one-core", action="store_true",
                        help="also run every command pinned to one core (taskset -c 0), interleaved, to see what the two-core paths save")
    parser.add_argument("--markdown", help="also write the table as markdown to this file")
    args = parser.parse_args()
    arsplan = os.path.abspath(args.binary)
    sizes = [int(s) for s in args.sizes.split(",")]
    env = dict(os.environ, ARSPLAN_NOW=NOW, ARSPLAN_USER="Bench", LC_ALL="C.UTF-8")
    print(f"arsplan: {arsplan}; {args.journal}-entry journal; medians of {args.runs} interleaved runs, whole process")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a shared machine times slower)")

    modes = [None, "0"] if args.one_core else [None]
    results = {}  # (label, size, mode) -> (wall ms, cpu ms)
    labels = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            plan = os.path.join(tmp, f"plan-{size}.yaml")
            text, _ = generate_plan.generate(size)
            with open(plan, "w", encoding="utf-8") as f:
                f.write(text)
            journal = write_journal(arsplan, plan, args.journal, env)
            saved = journal + ".saved"
            shutil.copy(journal, saved)
            todo = commands(plan, os.path.join(tmp, f"out-{size}"))
            if args.only:
                wanted = set(args.only.split(","))
                todo = [c for c in todo if c[0] in wanted]
            times = {(label, mode): [] for label, _, _ in todo for mode in modes}
            for _ in range(args.runs):
                for label, argv, setup in todo:
                    for mode in modes:
                        shutil.copy(saved, journal)
                        for before in setup() if setup else []:
                            run_once(arsplan, before, env, tmp)
                        times[(label, mode)].append(run_once(arsplan, argv, env, tmp, pin=mode))
            shutil.copy(saved, journal)
            for label, _, _ in todo:
                if label not in labels:
                    labels.append(label)
                for mode in modes:
                    runs = times[(label, mode)]
                    wall = statistics.median(r[0] for r in runs) * 1000
                    cpu = statistics.median(r[1] for r in runs) * 1000
                    results[(label, size, mode)] = (wall, cpu)
                line = f"{size:>6} activities  {label:<24} {results[(label, size, None)][0]:7.0f} ms (CPU {results[(label, size, None)][1]:.0f} ms)"
                if args.one_core:
                    one = results[(label, size, "0")][0]
                    line += f"  one core: {one:.0f} ms ({(one - results[(label, size, None)][0]) / one * 100:+.0f} % saved by two)"
                print(line, flush=True)

    header = "| command | " + " | ".join(f"{s:,} activities" for s in sizes) + " |"
    rows = [header, "|---|" + "---:|" * len(sizes)]
    for label in labels:
        cells = []
        for s in sizes:
            if (label, s, None) not in results:
                cells.append("–")
                continue
            wall, cpu = results[(label, s, None)]
            cell = f"{wall:.0f} ms (CPU {cpu:.0f})"
            if args.one_core:
                cell += f"; one core {results[(label, s, '0')][0]:.0f}"
            cells.append(cell)
        rows.append(f"| `{label}` | " + " | ".join(cells) + " |")
    table = "\n".join(rows)
    print()
    print(table)
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(table + "\n")


if __name__ == "__main__":
    main()
