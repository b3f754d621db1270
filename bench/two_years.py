#!/usr/bin/env python3
"""The two-year calibration of the bundled baseline (docs/calibration.md,
"Two years, one set of behavioural parameters"): runs callsim on the
2023/24 and 2024/25 scenarios with the same behavioural parameters (999
patience and handle time, given as --set overrides) and prints, per year,
the model's figures beside the published ones.

    python3 bench/two_years.py CALLSIM [--replications R] [--days D]
                               [--set KEY=VALUE ...]

Each year is one `callsim run` of D days (default 364: a whole year of
months) and R replications (default 4); the service level and the
average answer are the run's means with their 95% intervals. The 999
calls abandoned after more than 10 s are counted in the calls log of the
run's first replication (`--calls-log`: abandoned calls whose queue wait
exceeded 10 s), scaled to 365 days, with a Poisson 95% interval; so
are those abandoned within 10 s, for which nothing is published. The
share of 999 calls abandoned is the run's mean with its 95% interval;
2024/25's published 0.1% ("99.9% answered") is a rounded figure, so
anything from 0.05% to 0.15% agrees with it. The published figures are
those of docs/calibration.md §2.

A search is this script run over a grid of --set values; the grid used
and its results are in docs/calibration.md.
"""
import argparse
import csv
import io
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
YEARS = [
    # year, scenario, published: calls, within 10 s, ASA s, abandoned > 10 s
    # and abandoned share (None: not published)
    ("2023/24", "scenarios/west-midlands-2023.yaml", 810868, 0.93, 5, 651,
     None),
    ("2024/25", "scenarios/west-midlands-2024.yaml", 732440, 0.96, 3, 179,
     0.001),
]


def run_year(callsim, scenario, args):
    """Runs one year; returns (csv rows by (section, name, metric), the
    999 calls abandoned after more than 10 s and within 10 s in the first
    replication's calls log)."""
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "calls.csv")
        cmd = [callsim, "run", scenario, "--format", "csv",
               "--days", str(args.days), "--replications",
               str(args.replications), "--calls-log", log]
        for s in args.set:
            cmd += ["--set", s]
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                           check=False)
        if p.returncode != 0:
            sys.exit("callsim failed: %s" % p.stderr.strip())
        rows = {}
        for r in csv.DictReader(io.StringIO(p.stdout)):
            rows[(r["section"], r["name"], r["metric"])] = r
        late = early = 0
        with open(log, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if (r["line"] == "999" and r["outcome"] == "abandoned"
                        and r["counted"] == "1"):
                    if float(r["wait_s"]) > 10:
                        late += 1
                    else:
                        early += 1
    return rows, late, early


def fig(rows, metric):
    r = rows[("line", "999", metric)]
    return float(r["mean"]), float(r["ci_low"]), float(r["ci_high"])


def count(n, days):
    """A year's count from n in `days` days, with its Poisson 95%
    interval."""
    scale = 365.0 / days
    half = 1.96 * math.sqrt(n)
    return "%4.0f [%.0f, %.0f]" % (n * scale, max(0.0, n - half) * scale,
                                   (n + half) * scale)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("callsim")
    ap.add_argument("--replications", type=int, default=4)
    ap.add_argument("--days", type=int, default=364)
    ap.add_argument("--set", action="append", default=[])
    args = ap.parse_args()
    callsim = os.path.abspath(args.callsim)
    print("parameters: %s" % (" ".join(args.set) or "the scenarios'"))
    print("%-8s %-22s %-22s %-24s %-18s %-24s" % (
        "year", "999 within 10 s", "999 ASA", "abandoned > 10 s a year",
        "<= 10 s a year", "abandoned share"))
    for year, scenario, _, sl_pub, asa_pub, late_pub, ab_pub in YEARS:
        rows, late, early = run_year(callsim, scenario, args)
        sl, asa = fig(rows, "service_level"), fig(rows, "asa_s")
        ab = fig(rows, "abandon_rate")
        print("%-8s %5.1f%% [%4.1f, %4.1f] %-3s %4.1f s [%3.1f, %3.1f] %-3s "
              "%s (%d) %s %.3f%% [%.3f, %.3f] (%s)" % (
                  year, 100 * sl[0], 100 * sl[1], 100 * sl[2],
                  "%d" % round(100 * sl_pub), asa[0], asa[1], asa[2],
                  asa_pub, count(late, args.days), late_pub,
                  count(early, args.days), 100 * ab[0], 100 * ab[1],
                  100 * ab[2],
                  "-" if ab_pub is None else "%.1f%%" % (100 * ab_pub)))


main()
