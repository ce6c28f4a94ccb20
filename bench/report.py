#!/usr/bin/env python3
"""Year overview benchmark: `arsplan report` as whole processes.

    python3 bench/report.py [path/to/arsplan]     # default .build/release/arsplan

Targets (issue 10): the example plan's page under 100 ms; a generated plan of 20,000
activities under 1 s and 300 MB (its wheel then shows one mark per day and ring).
Also times the wheel alone (--wheel-svg) and `export` of the example plan, which now
writes oversikt.html too. Wall-clock medians, start-up included; memory is the peak
resident set size. The machine is a shared 2-core VM: run twice near a target.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "Plans", "serviceforvaltningen-2027.yaml")
sys.path.insert(0, os.path.join(ROOT, "bench"))
import generate_plan  # noqa: E402


def binary():
    if len(sys.argv) > 1:
        return os.path.abspath(sys.argv[1])
    path = os.path.join(ROOT, ".build", "release", "arsplan")
    if not os.access(path, os.X_OK):
        sys.exit("build first: make release")
    return path


def measure(cmd, runs):
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed")
    return statistics.median(times), max(peaks)


def row(name, seconds, mb, target=None):
    verdict = ""
    if target:
        limit_s, limit_mb = target
        ok = seconds <= limit_s and (limit_mb is None or mb <= limit_mb)
        verdict = f"target < {limit_s * 1000:.0f} ms" + (f", {limit_mb} MB" if limit_mb else "") + (" ✔" if ok else " ✘")
    print(f"  {name:<62} {seconds * 1000:9.1f} ms {mb:8.1f} MB   {verdict}")


def main():
    bin_ = binary()
    env_now = {"ARSPLAN_NOW": "2027-03-01T10:00:00Z"}
    os.environ.update(env_now)
    print("Year overview (arsplan report, whole process, median)")
    with tempfile.TemporaryDirectory(prefix="arsplan-report-") as work:
        out = os.path.join(work, "oversikt.html")
        s, mb = measure([bin_, "report", EXAMPLE, "--out", out], 20)
        row("report, example plan (170 occurrences)", s, mb, (0.100, None))
        print(f"  {'':<62} page {os.path.getsize(out) / 1024:.0f} KB")
        s, mb = measure([bin_, "report", EXAMPLE, "--wheel-svg", os.path.join(work, "w.svg")], 20)
        row("report --wheel-svg, example plan", s, mb)
        s, mb = measure([bin_, "export", EXAMPLE, "--out", os.path.join(work, "export")], 10)
        row("export (feeds, index.html, oversikt.html), example plan", s, mb)
        for n in (2_000, 20_000):
            plan_path = os.path.join(work, f"plan-{n}.yaml")
            plan, _ = generate_plan.generate(n)
            with open(plan_path, "w", encoding="utf-8") as f:
                f.write(plan)
            big = os.path.join(work, f"big-{n}.html")
            s, mb = measure([bin_, "report", plan_path, "--out", big], 5)
            row(f"report, generated {n:,} activities", s, mb, (1.0, 300) if n == 20_000 else None)
            print(f"  {'':<62} page {os.path.getsize(big) / 1024 / 1024:.1f} MB")


if __name__ == "__main__":
    main()
