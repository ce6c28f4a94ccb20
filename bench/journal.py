#!/usr/bin/env python3
"""Journal benchmark: concurrent appends and replay cost, on a copy of the example plan.

    python3 bench/journal.py [path/to/arsplan]      # default .build/release/arsplan, else .build/debug/arsplan

Measures (wall clock, this machine):
  * 20 `arsplan cancel` processes started at once: time until all have written, and
    that the journal then holds 20 intact, numbered entries;
  * `arsplan schedule --format json` with journals of 0, 25, 100 and 400 entries
    (written directly, as a year of busy changes would leave them): replay costs one
    scheduling pass per change entry.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLAN = os.path.join(ROOT, "Plans", "serviceforvaltningen-2027.yaml")


def binary():
    if len(sys.argv) > 1:
        return os.path.abspath(sys.argv[1])
    for kind in ("release", "debug"):
        path = os.path.join(ROOT, ".build", kind, "arsplan")
        if os.access(path, os.X_OK):
            return path
    sys.exit("build arsplan first (make release)")


def best_of(runs, command, cwd):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


def entries(count):
    meetings = [6, 7, 8, 9, 10, 11, 6, 7, 8, 9]
    days = ["2027-06-01", "2027-06-02", "2027-06-03", "2027-06-04", "2027-06-08"]
    for n in range(1, count + 1):
        at = "2027-03-01T10:%02d:%02dZ" % (n // 60 % 60, n % 60)
        if n % 4 == 0:
            action = {"action": "undo", "undoes": n - 1}
        elif n % 2 == 0:
            action = {"action": "cancel", "activity": "personalblad", "occurrence": n % 24 + 1}
        else:
            action = {"action": "move", "activity": "namnd", "occurrence": meetings[n % 10], "day": days[n % 5]}
        yield dict(v=1, seq=n, at=at, by="Bench", reason="bench", **action)


def main():
    arsplan = binary()
    print(f"arsplan: {arsplan}")
    with tempfile.TemporaryDirectory() as tmp:
        plan = os.path.join(tmp, "plan.yaml")
        journal = os.path.join(tmp, "plan.journal.jsonl")
        shutil.copy(PLAN, plan)
        for name in os.listdir(os.path.dirname(PLAN)):  # the calendars it takes dates from
            if name.endswith(".ics"):
                shutil.copy(os.path.join(os.path.dirname(PLAN), name), tmp)
        env = dict(os.environ, ARSPLAN_NOW="2027-03-01T10:00:00Z", ARSPLAN_USER="Bench")

        start = time.perf_counter()
        processes = [
            subprocess.Popen([arsplan, "cancel", "plan.yaml", "personalblad", "--occurrence", str(n), "--reason", f"r{n}"],
                             cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for n in range(1, 21)
        ]
        codes = [p.wait() for p in processes]
        elapsed = time.perf_counter() - start
        with open(journal) as f:
            lines = f.read().split("\n")
        seqs = [json.loads(line)["seq"] for line in lines if line]
        ok = codes == [0] * 20 and seqs == list(range(1, 21)) and lines[-1] == ""
        print(f"20 concurrent cancels: {elapsed * 1000:.0f} ms, {len(seqs)} entries, {'intact and numbered 1-20' if ok else 'PROBLEM'}")

        for count in (0, 25, 100, 400):
            with open(journal, "w") as f:
                for entry in entries(count):
                    f.write(json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n")
            seconds = best_of(5, [arsplan, "schedule", "plan.yaml", "--format", "json"], tmp)
            print(f"schedule with a {count:3d}-entry journal: {seconds * 1000:.0f} ms (best of 5, whole process)")


if __name__ == "__main__":
    main()
