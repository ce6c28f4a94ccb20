#!/usr/bin/env python3
"""arsplan benchmarks: prints figures and ratios against the named peers.

Scheduling (issue 2): the example plan validated and scheduled as a whole process
(target < 50 ms), a generated 20,000-activity plan (target < 300 ms and 200 MB), and
TaskJuggler (tj3, Debian) scheduling an equivalent project as the peer.

Run with `make bench` (builds release first; it also runs bench/feeds.py and
bench/journal.py). Times are wall-clock medians of whole processes, start-up
included; memory is the peak resident set size of the process. This machine is a
shared 2-core VM whose speed drifts by a third over minutes: compare figures taken
in one run, and run twice when a figure is near its target.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "arsplan")
EXAMPLE = os.path.join(ROOT, "Plans", "serviceforvaltningen-2027.yaml")
sys.path.insert(0, os.path.join(ROOT, "bench"))
import generate_plan  # noqa: E402


def measure(cmd, runs, cwd=None):
    """Median wall time (s) and max peak RSS (MB) of `runs` runs of `cmd`."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return statistics.median(times), max(peaks)


def row(name, seconds, mb, target=None):
    verdict = ""
    if target:
        limit_s, limit_mb = target
        ok = seconds <= limit_s and (limit_mb is None or mb <= limit_mb)
        verdict = f"target < {limit_s * 1000:.0f} ms" + (f", {limit_mb} MB" if limit_mb else "") + (" ✔" if ok else " ✘")
    print(f"  {name:<62} {seconds * 1000:9.1f} ms {mb:8.1f} MB   {verdict}")


def main():
    if not os.path.exists(BIN):
        raise SystemExit("build first: make release (swift build -c release --static-swift-stdlib)")
    print("Scheduling (whole process, median)")
    s, mb = measure([BIN, "validate", EXAMPLE], 20)
    row("validate example plan (57 activities)", s, mb, (0.050, None))
    s, mb = measure([BIN, "schedule", EXAMPLE, "--format", "json"], 20)
    row("schedule --format json, example plan", s, mb, (0.050, None))

    work = tempfile.mkdtemp(prefix="arsplan-bench-")
    try:
        results = {}
        for n in (2_000, 20_000):
            plan_path = os.path.join(work, f"plan-{n}.yaml")
            tjp_path = os.path.join(work, f"plan-{n}.tjp")
            plan, tjp = generate_plan.generate(n)
            with open(plan_path, "w", encoding="utf-8") as f:
                f.write(plan)
            with open(tjp_path, "w", encoding="utf-8") as f:
                f.write(tjp)
            target = (0.300, 200) if n == 20_000 else None
            s, mb = measure([BIN, "validate", plan_path], 15)
            row(f"validate (reads and schedules), generated {n:,} activities", s, mb, target)
            s, mb = measure([BIN, "schedule", plan_path, "--format", "json"], 15)
            results[n] = s
            row(f"schedule --format json, generated {n:,} activities", s, mb, target)

        tj3 = shutil.which("tj3")
        if tj3:
            n = 2_000
            s, mb = measure([tj3, "--silent", "--no-color", f"plan-{n}.tjp"], 1, cwd=work)
            row(f"peer: tj3 (TaskJuggler) on the same {n:,} activities", s, mb)
            print(f"  ratio tj3 / arsplan at {n:,} activities: {s / results[n]:.0f}×")
        else:
            print("  peer: tj3 not installed (apt-get install tj3) — no ratio")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
