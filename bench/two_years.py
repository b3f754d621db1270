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
exceeded 10 s), scaled to 365 days, with a Poisson 95% interval. The
published figures are those of docs/calibration.md §2.

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
    ("2023/24", "scenarios/west-midlands-2023.yaml", 810868, 0.93, 5, 651),
    ("2024/25", "scenarios/west-midlands-2024.yaml", 732440, 0.96, 3, 179),
]


def run_year(callsim, scenario, args):
    """Runs one year; returns (csv rows by (section, name, metric), log)."""
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
        with open(log, encoding="utf-8") as f:
            late = sum(1 for r in csv.DictReader(f)
                       if r["line"] == "999" and r["outcome"] == "abandoned"
                       and r["counted"] == "1" and float(r["wait_s"]) > 10)
    return rows, late


def fig(rows, metric):
    r = rows[("line", "999", metric)]
    return float(r["mean"]), float(r["ci_low"]), float(r["ci_high"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("callsim")
    ap.add_argument("--replications", type=int, default=4)
    ap.add_argument("--days", type=int, default=364)
    ap.add_argument("--set", action="append", default=[])
    args = ap.parse_args()
    callsim = os.path.abspath(args.callsim)
    print("parameters: %s" % (" ".join(args.set) or "the scenarios'"))
    print("%-8s %-22s %-22s %-24s" % ("year", "999 within 10 s",
                                      "999 ASA", "abandoned > 10 s a year"))
    for year, scenario, _, sl_pub, asa_pub, late_pub in YEARS:
        rows, late = run_year(callsim, scenario, args)
        sl, asa = fig(rows, "service_level"), fig(rows, "asa_s")
        scale = 365.0 / args.days
        half = 1.96 * math.sqrt(late)
        print("%-8s %5.1f%% [%4.1f, %4.1f] %-3s %4.1f s [%3.1f, %3.1f] %-3s "
              "%4.0f [%.0f, %.0f] (%d)" % (
                  year, 100 * sl[0], 100 * sl[1], 100 * sl[2],
                  "%d" % round(100 * sl_pub), asa[0], asa[1], asa[2],
                  asa_pub, late * scale, max(0.0, late - half) * scale,
                  (late + half) * scale, late_pub))


main()
