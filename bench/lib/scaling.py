#!/usr/bin/python3
"""How callsim's time and memory grow with the horizon, the replications,
and the lines, pools, areas and units of a scenario: runs the release build
on the bundled West Midlands baseline and on copies of it made by
bench/tools/scale_scenario.py, one thread, and prints a markdown table of
CPU time and peak resident memory (getrusage of the child: user + system
seconds and peak resident set, from GNU time), with a verdict on whether memory stays flat where it
must (replications, horizon).

Run it through bench/scaling, which builds the release binary first.
CPU time, not wall time, is the measure: on a shared machine the wall time
of a run includes the time other processes held the core, its CPU time
mostly not. The minimum over --runs runs is kept.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

import yaml

ROOT = Path(__file__).resolve().parents[2]
CALLSIM = ROOT / "build-release" / "cli" / "callsim"
BASE = ROOT / "scenarios" / "west-midlands-2024.yaml"
GNU_TIME = "/usr/bin/time"
GEN = ROOT / "bench" / "tools" / "scale_scenario.py"
# Memory must not grow with replications or the horizon: the largest run of
# those series may use at most this much more than the smallest.
FLAT_WITHIN = 0.10


@dataclass
class Point:
    series: str
    label: str
    scenario: Path
    days: float
    reps: int
    cpu_s: float = 0.0
    rss_kb: int = 0
    calls: float = 0.0     # offered, summed over lines, a replication
    events: int = 0
    shape: str = ""


def run_once(p: Point) -> None:
    """Runs the point once, keeping the lower CPU time and higher RSS.
    The child's usage comes from GNU time, a small process: a child forked
    from this Python process would inherit its peak RSS (Linux keeps the
    high-water mark across fork and exec)."""
    argv = [str(CALLSIM), "run", str(p.scenario), "--days", "%g" % p.days,
            "--replications", str(p.reps), "--threads", "1", "--verbose",
            "--format", "json"]
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        proc = subprocess.run([GNU_TIME, "-f", "%U %S %M", "-o", report.name] + argv,
                              capture_output=True, text=True, check=False)
        usage = report.read().split()
    if proc.returncode != 0:
        sys.exit("bench/scaling: %s exited %d:\n%s" % (" ".join(argv),
                                                       proc.returncode, proc.stderr[-2000:]))
    cpu = float(usage[-3]) + float(usage[-2])
    p.cpu_s = cpu if p.cpu_s == 0.0 else min(p.cpu_s, cpu)
    p.rss_kb = max(p.rss_kb, int(usage[-1]))
    doc = json.loads(proc.stdout)
    p.calls = sum(line["offered"]["mean"] for line in doc["lines"])
    m = re.search(r"(\d+) events in", proc.stderr)
    p.events = int(m.group(1)) if m else 0
    p.shape = "%d / %d / %d / %d" % (len(doc["lines"]), len(doc["pools"]),
                                     len(doc["areas"]), count_units(p.scenario))


def count_units(scenario: Path) -> int:
    return len(yaml.safe_load(scenario.read_text()).get("units", []))


def generate(tmp: Path, name: str, args: List[str]) -> Path:
    path = tmp / (name + ".yaml")
    text = subprocess.run([sys.executable, str(GEN)] + args + ["--out-dir", str(tmp)],
                          check=True, capture_output=True, text=True).stdout
    path.write_text(text)
    return path


def plan(tmp: Path, quick: bool) -> List[Point]:
    pts: List[Point] = []
    for d in ((28, 91) if quick else (28, 91, 182, 365)):
        pts.append(Point("horizon", "%d days" % d, BASE, d, 2))
    for r in ((2, 16) if quick else (2, 8, 32, 128)):
        pts.append(Point("replications", "%d x 7 days" % r, BASE, 7, r))
    ks = (1, 2) if quick else (1, 2, 5, 10)
    for k in ks:
        pts.append(Point("lines and pools, same calls", "x%d" % k,
                         generate(tmp, "lines%d" % k, ["1", "--lines", str(k), "--spread"]), 28, 2))
    for k in ks:
        pts.append(Point("areas with their units, same calls", "x%d" % k,
                         generate(tmp, "areas%d" % k, ["1", "--areas", str(k), "--units", str(k)]), 28, 2))
    for k in ks:
        pts.append(Point("unit rosters, same areas and calls", "x%d" % k,
                         generate(tmp, "units%d" % k, ["1", "--units", str(k)]), 28, 2))
    for k in ks:
        pts.append(Point("everything (K forces)", "x%d" % k,
                         generate(tmp, "all%d" % k, [str(k)]), 28, 2))
    x10 = ROOT / "bench" / "scenarios" / "wm-x10.yaml"
    for d in ((7, 28) if quick else (28, 91)):
        pts.append(Point("wm-x10.yaml, horizon", "%d days" % d, x10, d, 2))
    return pts


def flat_verdicts(pts: List[Point]) -> List[str]:
    out = []
    for series in ("horizon", "replications", "wm-x10.yaml, horizon"):
        s = [p for p in pts if p.series == series]
        lo, hi = s[0], s[-1]
        growth = hi.rss_kb / lo.rss_kb - 1
        out.append("- Peak memory, %s: %s %.1f MB, %s %.1f MB (%+.1f%%): %s" % (
            series, lo.label, lo.rss_kb / 1024, hi.label, hi.rss_kb / 1024,
            100 * growth, "flat (within 10%)" if growth <= FLAT_WITHIN else "**grows**"))
    return out


def table(pts: List[Point], runs: int) -> str:
    rows = ["| series | point | lines / pools / areas / unit rosters | days | reps "
            "| calls a rep | events | CPU (s) | us a call | ns an event | peak RSS (MB) |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for p in pts:
        n_calls = p.calls * p.reps
        rows.append("| %s | %s | %s | %g | %d | %.0f | %d | %.3f | %.2f | %.0f | %.1f |" % (
            p.series, p.label, p.shape, p.days, p.reps, p.calls, p.events, p.cpu_s,
            1e6 * p.cpu_s / n_calls if n_calls else 0.0,
            1e9 * p.cpu_s / p.events if p.events else 0.0, p.rss_kb / 1024))
    load = os.getloadavg()
    head = ("Measured %s, commit %s, release build, `--threads 1`, CPU time "
            "(user + system) the minimum of %d run(s), load average %.2f / %.2f / %.2f "
            "on %d cores at the end." % (
                datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                git_head(), runs, load[0], load[1], load[2], os.cpu_count() or 0))
    return "\n".join([head, ""] + rows + [""] + flat_verdicts(pts)) + "\n"


def git_head() -> str:
    r = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                       capture_output=True, text=True)
    return r.stdout.strip() or "unknown"


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=1, help="runs a point (minimum CPU kept)")
    ap.add_argument("--quick", action="store_true", help="a few small points only")
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pts = plan(Path(tmp), a.quick)
        for i in range(a.runs):
            for p in pts:
                print("bench/scaling: run %d, %s %s" % (i + 1, p.series, p.label),
                      file=sys.stderr, flush=True)
                run_once(p)
    sys.stdout.write(table(pts, a.runs))
    return 0 if all("grows" not in v for v in flat_verdicts(pts)) else 1


if __name__ == "__main__":
    sys.exit(main())
