#!/usr/bin/env python3
"""Writes a large, valid arsplan plan file (and optionally an equivalent TaskJuggler
project) for benchmarks: fixed dates, date lists, repeats, with/after/before chains,
windows and for-each, spread over the year, deterministic for a given size."""
import argparse
import datetime
import random


def working_days(year):
    day = datetime.date(year, 1, 4)
    while day.year == year:
        if day.weekday() < 5:
            yield day
        day += datetime.timedelta(days=1)


def generate(n, year=2027, seed=7):
    rnd = random.Random(seed)
    days = [d for d in working_days(year) if not (d.month == 12 and d.day > 20) and d.month not in (6, 7)]
    lines = [
        "format: 1",
        "plan:",
        f"  id: bench-{n}",
        f"  title: Genererad plan med {n} aktiviteter",
        f"  year: {year}",
        "owners:",
    ]
    owners = [f"o{i}" for i in range(50)]
    for o in owners:
        lines.append(f"  {o}: {{name: Ägare {o}, max-per-day: 40}}")
    lines += ["audiences:", "  medarbetare: {name: Medarbetare}", "  kunder: {name: Kunder}",
              "channels:", "  intranat: {name: Intranät}", "  epost: {name: E-post}", "activities:"]
    tjp = [f'project bench "Bench" {year}-01-01 - {year + 1}-06-30 {{ timezone "Europe/Stockholm" }}',
           'resource r "R"']
    kinds = []  # per activity: 'single' or 'multi'
    approx = []  # per activity: roughly where it lands, so chains stay inside the year
    latest = datetime.date(year, 10, 15)
    for i in range(n):
        owner = rnd.choice(owners)
        head = [f"  - id: a{i}", f"    title: Aktivitet {i}", f"    owner: {owner}",
                f"    audiences: [{rnd.choice(['medarbetare', 'kunder'])}]", f"    channels: [{rnd.choice(['intranat', 'epost'])}]"]
        singles = [j for j in range(max(0, i - 400), i) if kinds[j] == 'single' and approx[j] <= latest]
        roll = rnd.random()
        if i < 20 or roll < 0.08 or not singles:
            d = rnd.choice(days[:150])
            head.append(f"    date: {d}")
            tjp.append(f'task a{i} "A{i}" {{ start {d} milestone }}')
            kinds.append('single')
            approx.append(d)
        elif roll < 0.12:
            ds = sorted(rnd.sample(days[:150], 4))
            head.append(f"    dates: [{', '.join(map(str, ds))}]")
            tjp.append(f'task a{i} "A{i}" {{ start {ds[0]} milestone }}')
            kinds.append('multi')
            approx.append(ds[-1])
        elif roll < 0.15:
            head.append("    repeat: {every: month, on: first tuesday, except-months: [7]}")
            tjp.append(f'task a{i} "A{i}" {{ start {year}-01-05 milestone }}')
            kinds.append('multi')
            approx.append(datetime.date(year, 12, 7))
        elif roll < 0.18:
            multis = [j for j in range(max(0, i - 400), i) if kinds[j] == 'multi']
            if multis:
                j = rnd.choice(multis)
                head += [f"    for-each: a{j}", f"    after: a{j} + {rnd.randint(1, 5)} workdays"]
                tjp.append(f'task a{i} "A{i}" {{ depends a{j} {{ gapduration 2d }} milestone }}')
                kinds.append('multi')
                approx.append(approx[j])
            else:
                j = rnd.choice(singles)
                head.append(f"    with: a{j}")
                tjp.append(f'task a{i} "A{i}" {{ depends a{j} milestone }}')
                kinds.append('single')
                approx.append(approx[j])
        elif roll < 0.25:
            j = rnd.choice(singles)
            head.append(f"    with: a{j}")
            tjp.append(f'task a{i} "A{i}" {{ depends a{j} milestone }}')
            kinds.append('single')
            approx.append(approx[j])
        else:
            refs = rnd.sample(singles, min(len(singles), rnd.randint(1, 3)))
            gaps = [rnd.randint(0, 4) for _ in refs]
            entries = [f"a{j} + {g} workdays" for j, g in zip(refs, gaps)]
            approx.append(max(approx[j] + datetime.timedelta(days=g * 7 // 5 + 1) for j, g in zip(refs, gaps)))
            if len(entries) == 1:
                head.append(f"    after: {entries[0]}")
            else:
                head.append("    after: [" + ", ".join(entries) + "]")
            if rnd.random() < 0.2:
                head.append(f"    duration: {rnd.randint(2, 4)}d")
            deps = ", ".join(f"a{j} {{ gaplength 2d }}" for j in refs)
            tjp.append(f'task a{i} "A{i}" {{ depends {deps} effort 1d allocate r }}'.replace(" effort 1d allocate r", " duration 1d"))
            kinds.append('single')
        lines += head
    tjp.append('taskreport "out" { formats csv columns id, start }')
    return "\n".join(lines) + "\n", "\n".join(tjp) + "\n"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--tjp")
    args = parser.parse_args()
    plan, tjp = generate(args.count)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(plan)
    if args.tjp:
        with open(args.tjp, "w", encoding="utf-8") as f:
            f.write(tjp)
