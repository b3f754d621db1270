#!/usr/bin/python3
"""The callsim benchmark: times the workloads W1-W4 through the ordinary
`callsim run` binary and scenario files, times the SimPy peers of W1 and W2
in alternation with callsim so that machine drift cancels in each pair's
ratio, checks every answer against queueing theory, prints a markdown table
beside the targets and writes it into docs/performance.md.

Run it through bench/run, which builds the release binary first.

The loader insists on at least two replications (a confidence interval
needs two), so the one-replication workloads W1-W3 run two replications of
the full horizon on one thread and every per-workload figure (wall time,
calls) is halved: the fixed start-up (reading the scenario) is shared by
the two, which flatters callsim by half a start-up, about a millisecond.
"""

import argparse
import datetime
import json
import math
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
import queueing  # noqa: E402
from measure import (Run, RunFailed, events_of, run_timed,  # noqa: E402
                     run_together_wall)

ROOT = Path(__file__).resolve().parents[2]
PERF_DOC = ROOT / "docs" / "performance.md"
BEGIN_MARK = "<!-- bench:latest:begin -->"
END_MARK = "<!-- bench:latest:end -->"

W1_LAM, W1_MU, W1_HORIZON_S = 1.0, 1.1, 1e6
W2_LAM, W2_MU, W2_C, W2_THETA, W2_TARGET_S = 0.15, 1 / 300, 50, 1 / 120, 10.0
W2_CALLS = 1e6
# Standard deviation of the mean wait of one 1e6-call M/M/1 run: 0.222 s
# over 300 independent runs started empty (bench/tools/mm1_lindley.c),
# rounded up; Daley's asymptotic variance gives 0.2095 s, a little less,
# since a run started empty spends its first minutes below the steady state.
W1_SD_1E6 = 0.23
# Standard deviation of one 1e6-call run's estimate, measured by batch means
# over 200 consecutive 1e6-call batches of an independent M/M/50+M
# simulation (bench/tools/erlang_a_batches.c: 0.00049 and 0.0020-0.0022 in
# two runs), rounded up. Autocorrelation makes them 3x (abandonment) and 6x
# (service level) the binomial value.
W2_SD_1E6 = {"abandon": 0.00050, "service_level": 0.0022}
# Allowed distance from theory, in standard deviations: a correct program
# fails a single check 0.27% of the time.
CHECK_SIGMAS = 3.0
UNITS = 2   # replications run where the workload asks for one
# The targets of issue 14 (single thread, release build, this machine).
WALL_GOALS = {"W1": ("W1 wall per 1e6 s simulated", 0.07),
              "W2": ("W2 wall per 1e6 calls", 0.09),
              "W3": ("W3 wall per simulated year", 0.35)}
W4_GOAL = 1.85


@dataclass
class Check:
    what: str
    value: float
    ref: float
    tol: float
    note: str = ""

    @property
    def ok(self) -> bool:
        return math.isfinite(self.value) and abs(self.value - self.ref) <= self.tol


@dataclass
class Target:
    what: str
    measured: str
    goal: str
    met: bool


@dataclass
class Row:
    """One line of the speed table; walls are per workload (halved when
    two replications stood for one)."""
    name: str
    walls: List[float]
    calls: float                 # calls offered per workload
    events: Optional[float]      # events per workload, when printed
    rss_kb: int
    note: str = ""
    wall_goal: Optional[tuple] = None    # (what, limit in s) when targeted
    mem_goal: bool = False               # peak memory <= 32 MB targeted

    @property
    def median(self) -> float:
        return statistics.median(self.walls)


@dataclass
class Report:
    rows: List[Row] = field(default_factory=list)
    pairs: List[str] = field(default_factory=list)
    checks: List[Check] = field(default_factory=list)
    targets: List[Target] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)
    load: str = ""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- callsim

def callsim_argv(opts, scenario: Path, *extra: str) -> List[str]:
    return [str(opts.binary), "run", str(scenario), "--format", "json",
            "--verbose"] + list(extra)


def doc_of(run: Run) -> dict:
    return json.loads(run.stdout)


def line_mean(doc: dict, metric: str, line: int = 0) -> float:
    value = doc["lines"][line][metric]["mean"]
    return float("nan") if value is None else float(value)


def offered_total(doc: dict) -> float:
    """Calls offered over all lines and replications."""
    return sum(l["offered"]["mean"] for l in doc["lines"]) * doc["replications"]


# ---------------------------------------------------------------- checks

def checks_w1(who: str, asa: float, answered: float, offered: float,
              n: float) -> List[Check]:
    """ASA against Wq; the tolerance is 3 standard deviations of the mean of
    n waits (all replications), scaled as 1/sqrt(n) from a 1e6-call run."""
    sd = W1_SD_1E6 * math.sqrt(1e6 / n)
    return [
        Check(who + " ASA (s)", asa, queueing.mm1_wq(W1_LAM, W1_MU),
              CHECK_SIGMAS * sd, "3 sd (independent runs), n=%.0f" % n),
        Check(who + " answered / offered", answered / offered, 1.0, 1e-9,
              "no patience: every caller is answered"),
    ]


def checks_w2(who: str, p_abandon: float, sl: float, offered: float) -> List[Check]:
    """Erlang A answers; sd scales as 1/sqrt(calls) from the 1e6-call value."""
    p_ref, sl_ref = queueing.erlang_a(W2_LAM, W2_MU, W2_C, W2_THETA, W2_TARGET_S)
    scale = math.sqrt(W2_CALLS / offered)
    note = "3 sd (batch means), n=%.0f" % offered
    return [
        Check(who + " P(abandon)", p_abandon, p_ref,
              CHECK_SIGMAS * W2_SD_1E6["abandon"] * scale, note),
        Check(who + " answered within 10 s / offered", sl, sl_ref,
              CHECK_SIGMAS * W2_SD_1E6["service_level"] * scale, note),
    ]


def checks_conservation(who: str, doc: dict) -> List[Check]:
    """Every counted caller ends answered or abandoned (the run goes on past
    the horizon until they do)."""
    out = []
    for i, line in enumerate(doc["lines"]):
        offered = line_mean(doc, "offered", i)
        done = line_mean(doc, "answered", i) + line_mean(doc, "abandoned", i)
        out.append(Check("%s line %s (answered + abandoned) / offered"
                         % (who, line["name"]), done / offered, 1.0, 1e-9,
                         "offered %.0f a replication" % offered))
    return out


# ---------------------------------------------------------------- peers

@dataclass
class Peer:
    script: str
    horizon_s: float            # full-size horizon
    checks: Callable[[str, dict], List[Check]]


def peer_w1_checks(who: str, d: dict) -> List[Check]:
    return checks_w1(who, d["asa_s"], d["answered"], d["offered"], d["offered"])


def peer_w2_checks(who: str, d: dict) -> List[Check]:
    return checks_w2(who, d["p_abandon"], d["service_level"], d["offered"])


PEERS = {
    "W1": Peer("mm1.py", W1_HORIZON_S, peer_w1_checks),
    "W2": Peer("erlang_a.py", W2_CALLS / W2_LAM, peer_w2_checks),
}


def peer_argv(opts, peer: Peer) -> List[str]:
    horizon = peer.horizon_s * opts.peer_scale
    return [sys.executable, str(ROOT / "bench" / "peers" / peer.script),
            "--horizon-s", repr(horizon)]


# ---------------------------------------------------------------- workloads

def measure_with_peer(opts, rep: Report, key: str, title: str,
                      scenario: Path) -> None:
    """W1, W2: callsim runs alternating with SimPy peer runs."""
    peer = PEERS[key] if opts.peer else None
    argv = callsim_argv(opts, scenario, "--threads", "1")
    runs, peer_runs, ratios = [], [], []
    for i in range(opts.runs):
        if peer:
            pr = run_timed(peer_argv(opts, peer))
            peer_runs.append(pr)
        r = run_timed(argv)
        runs.append(r)
        cs_ns = r.wall_s / offered_total(doc_of(r)) * 1e9
        msg = "%s run %d/%d: callsim %.3f s (%.0f ns/call)" % (
            key, i + 1, opts.runs, r.wall_s / UNITS, cs_ns)
        if peer:
            pd = json.loads(pr.stdout)
            peer_ns = pr.wall_s / pd["offered"] * 1e9
            ratios.append(peer_ns / cs_ns)
            msg += "; SimPy %.2f s (%.0f ns/call); SimPy/callsim %.1fx" % (
                pr.wall_s, peer_ns, ratios[-1])
            rep.pairs.append("%s pair %d: SimPy %.0f ns/call, callsim %.0f ns/call, "
                             "ratio %.1fx" % (key, i + 1, peer_ns, cs_ns, ratios[-1]))
        log(msg)
    doc = doc_of(runs[0])
    row = callsim_row(key + " " + title, runs, UNITS)
    row.wall_goal = WALL_GOALS[key]
    row.mem_goal = key == "W2"
    rep.rows.append(row)
    add_determinism_check(rep, key, runs)
    if key == "W1":
        rep.checks += checks_w1(key + " callsim", line_mean(doc, "asa_s"),
                                line_mean(doc, "answered"), line_mean(doc, "offered"),
                                offered_total(doc))
    else:
        rep.checks += checks_w2(key + " callsim", line_mean(doc, "abandon_rate"),
                                line_mean(doc, "service_level"), offered_total(doc))
    if peer:
        add_peer_results(opts, rep, key, title, peer, peer_runs, ratios,
                         offered_total(doc) / UNITS)


def callsim_row(name: str, runs: List[Run], units: int, note: str = "") -> Row:
    doc = doc_of(runs[0])
    events = events_of(runs[0].stderr)
    return Row(name, [r.wall_s / units for r in runs], offered_total(doc) / units,
               events / units if events is not None else None,
               max(r.rss_kb for r in runs), note)


def add_determinism_check(rep: Report, key: str, runs: List[Run]) -> None:
    same = sum(r.stdout == runs[0].stdout for r in runs)
    rep.checks.append(Check(key + " callsim runs with identical output",
                            same / len(runs), 1.0, 0.0,
                            "%d of %d runs" % (same, len(runs))))


def add_peer_results(opts, rep: Report, key: str, title: str, peer: Peer,
                     peer_runs: List[Run], ratios: List[float],
                     calls: float) -> None:
    """The SimPy row, per-call times extrapolated to callsim's call count
    when --quick scaled the peer down."""
    per_call = [r.wall_s / json.loads(r.stdout)["offered"] for r in peer_runs]
    note = ""
    if opts.peer_scale != 1.0:
        note = "quick: SimPy ran %g of the horizon; wall extrapolated per call" \
            % opts.peer_scale
    rep.rows.append(Row(key + " SimPy peer", [p * calls for p in per_call],
                        calls, None, max(r.rss_kb for r in peer_runs), note))
    rep.checks += peer.checks(key + " SimPy", json.loads(peer_runs[0].stdout))
    rep.notes.append("%s SimPy/callsim time per call: median %.1fx, range %.1f-%.1fx "
                     "over %d alternating pairs" % (key, statistics.median(ratios),
                                                    min(ratios), max(ratios),
                                                    len(ratios)))
    if key == "W2":
        med = statistics.median(ratios)
        rep.targets.append(Target("W2 speed against SimPy", "%.1fx" % med,
                                  ">= 80x", med >= 80))


def measure_w3(opts, rep: Report) -> None:
    """W3: the bundled West Midlands scenario, one year (two replications
    on one thread, halved), and two years once for memory flatness."""
    wm = Path(opts.w3_scenario)
    year = callsim_argv(opts, wm, "--replications", "2", "--days", "365",
                        "--threads", "1")
    runs = []
    for i in range(opts.runs):
        runs.append(run_timed(year))
        log("W3 run %d/%d: %.3f s, %.1f MB" % (i + 1, opts.runs,
                                               runs[-1].wall_s / UNITS,
                                               runs[-1].rss_kb / 1024))
    row = callsim_row("W3 West Midlands 365 d", runs, UNITS)
    row.wall_goal, row.mem_goal = WALL_GOALS["W3"], True
    rep.rows.append(row)
    add_determinism_check(rep, "W3", runs)
    rep.checks += checks_conservation("W3", doc_of(runs[0]))
    two = run_timed(callsim_argv(opts, wm, "--replications", "2", "--days", "730",
                                 "--threads", "1"))
    log("W3 730 days: %.3f s, %.1f MB" % (two.wall_s / UNITS, two.rss_kb / 1024))
    rep.rows.append(callsim_row("W3 West Midlands 730 d", [two], UNITS,
                                "one run, for memory"))
    one_kb = max(r.rss_kb for r in runs)
    growth = two.rss_kb / one_kb - 1
    rep.targets.append(Target("W3 memory flat in the horizon (730 d vs 365 d)",
                              "%+.1f%%" % (100 * growth), "within 10%",
                              abs(growth) <= 0.10))


def measure_w4(opts, rep: Report) -> None:
    """W4: ten replications on one thread against two, alternating; and,
    as the machine's own reference, two separate one-thread processes of
    five replications each run at once against the one-thread run."""
    wm = Path(opts.w3_scenario)
    base = ["--replications", "10", "--days", str(opts.w4_days)]
    half = callsim_argv(opts, wm, "--replications", "5", "--days",
                        str(opts.w4_days), "--threads", "1")
    runs = {1: [], 2: []}
    speedups, apart = [], []
    for i in range(opts.runs):
        for t in (1, 2):
            runs[t].append(run_timed(callsim_argv(opts, wm, *base, "--threads", str(t))))
        speedups.append(runs[1][-1].wall_s / runs[2][-1].wall_s)
        apart.append(runs[1][-1].wall_s / run_together_wall([half, half]))
        log("W4 run %d/%d: 1 thread %.3f s, 2 threads %.3f s, speed-up %.2fx;"
            " two processes at once %.2fx"
            % (i + 1, opts.runs, runs[1][-1].wall_s, runs[2][-1].wall_s,
               speedups[-1], apart[-1]))
    for t in (1, 2):
        rep.rows.append(callsim_row("W4 10 x %g d, %d thread%s"
                                    % (opts.w4_days, t, "s" if t > 1 else ""),
                                    runs[t], 1))
    outputs = [r.stdout for t in (1, 2) for r in runs[t]]
    same = sum(o == outputs[0] for o in outputs)
    rep.checks.append(Check("W4 output byte-identical, 1 and 2 threads",
                            same / len(outputs), 1.0, 0.0,
                            "%d of %d runs" % (same, len(outputs))))
    med = statistics.median(speedups)
    rep.notes.append("W4 speed-up of 2 threads over 1: median %.2fx, range %.2f-%.2fx"
                     " over %d alternating pairs" % (med, min(speedups),
                                                     max(speedups), len(speedups)))
    rep.notes.append("The machine's own reference: two separate one-thread"
                     " processes of 5 replications each, run at once, against"
                     " the one-thread run of 10: median %.2fx, range"
                     " %.2f-%.2fx (no program sharing nothing between its two"
                     " halves does better here)"
                     % (statistics.median(apart), min(apart), max(apart)))
    rep.targets.append(Target("W4 2 threads against 1", "%.2fx" % med,
                              ">= %gx" % W4_GOAL, med >= W4_GOAL))


# ---------------------------------------------------------------- targets

MEM_GOAL_MB = 32


def speed_targets(rep: Report) -> None:
    """Wall and memory targets of the rows measured, first in the list."""
    walls, mems = [], []
    for row in rep.rows:
        if row.wall_goal:
            what, limit = row.wall_goal
            over = row.median / limit - 1
            walls.append(Target(what, "%.3f s" % row.median + (
                " (%.0f%% over)" % (100 * over) if over > 0 else ""),
                "<= %g s" % limit, row.median <= limit))
        if row.mem_goal:
            mb = row.rss_kb / 1024
            mems.append(Target(row.name.split(" ")[0] + " peak memory",
                               "%.1f MB" % mb, "<= %d MB" % MEM_GOAL_MB,
                               mb <= MEM_GOAL_MB))
    rep.targets[:0] = walls + mems


# ---------------------------------------------------------------- output

def fmt_rate(x: Optional[float]) -> str:
    if x is None or not math.isfinite(x):
        return "-"
    for unit, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if x >= scale:
            return "%.2f %s" % (x / scale, unit)
    return "%.0f" % x


def speed_table(rep: Report) -> List[str]:
    out = ["| workload | runs | wall median (s) | wall range (s) | calls | calls/s "
           "| events/s | ns/call | peak RSS (MB) | note |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rep.rows:
        med = r.median
        out.append("| %s | %d | %.4f | %.4f-%.4f | %s | %s | %s | %.0f | %.1f | %s |" % (
            r.name, len(r.walls), med, min(r.walls), max(r.walls),
            fmt_rate(r.calls), fmt_rate(r.calls / med),
            fmt_rate(r.events / med) if r.events else "-",
            med / r.calls * 1e9, r.rss_kb / 1024, r.note))
    return out


def report_markdown(opts, rep: Report) -> str:
    lines = ["Machine: %s" % machine(), "", rep.load + ".", "",
             "Command: `bench/run %s` (%d runs a workload; W1-W3 run two "
             "replications on one thread, figures halved)" % (
                 " ".join(opts.argv_given), opts.runs), ""]
    lines += speed_table(rep)
    lines += ["", "| target | measured | goal | met |", "|---|---:|---:|---|"]
    lines += ["| %s | %s | %s | %s |" % (t.what, t.measured, t.goal,
                                        "yes" if t.met else "**no**")
              for t in rep.targets]
    lines += ["", "| check | value | theory | tolerance | result | basis |",
              "|---|---:|---:|---:|---|---|"]
    lines += ["| %s | %.6g | %.6g | %.3g | %s | %s |" % (
        c.what, c.value, c.ref, c.tol, "PASS" if c.ok else "**FAIL**", c.note)
        for c in rep.checks]
    lines += [""] + ["- " + n for n in rep.notes]
    if rep.pairs:
        lines += ["", "Alternating pairs:", ""] + ["- " + p for p in rep.pairs]
    return "\n".join(lines) + "\n"


def sh(argv: List[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True,
                              check=False).stdout.strip()
    except OSError:
        return ""


def load_note(start: tuple, end: tuple) -> str:
    """The 1-minute load average before and after: timings on a machine busy
    with other work are slower and noisier, W4's speed-up most of all."""
    cores = os.cpu_count() or 1
    busy = max(start[0], end[0]) > 0.5 * cores
    return "Load average (1 min) %.2f at start, %.2f at end on %d cores%s" % (
        start[0], end[0], cores,
        ": **the machine was busy with other work; timings are pessimistic "
        "and noisy**" if busy else "")


def machine() -> str:
    model = next((l.split(":", 1)[1].strip() for l in sh(["lscpu"]).splitlines()
                  if l.startswith("Model name")), platform.processor())
    commit = sh(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    cc = sh(["cc", "--version"]).splitlines()
    return "%s, %d cores, Linux %s, %s, Python %s, %s, commit %s" % (
        model, os.cpu_count() or 0, platform.release(),
        cc[0] if cc else "cc ?", platform.python_version(),
        datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        commit or "?")


def write_doc(markdown: str) -> None:
    """Replaces the latest-results section of docs/performance.md, keeping
    the prose around it."""
    block = BEGIN_MARK + "\n" + markdown + END_MARK
    text = PERF_DOC.read_text() if PERF_DOC.exists() else \
        "# Performance\n\n## Latest results\n\n" + BEGIN_MARK + "\n" + END_MARK + "\n"
    if BEGIN_MARK in text and END_MARK in text:
        head, rest = text.split(BEGIN_MARK, 1)
        tail = rest.split(END_MARK, 1)[1]
        text = head + block + tail
    else:
        text += "\n## Latest results\n\n" + block + "\n"
    PERF_DOC.parent.mkdir(exist_ok=True)
    PERF_DOC.write_text(text)


# ---------------------------------------------------------------- main

def parse_args(argv: List[str]):
    ap = argparse.ArgumentParser(prog="bench/run", description=(
        "Times callsim on workloads W1-W4 against SimPy and the targets."))
    ap.add_argument("--runs", type=int, default=5, help="runs a workload (5)")
    ap.add_argument("--quick", action="store_true",
                    help="run the SimPy peers on 1/10 of the horizon and "
                    "extrapolate per call")
    ap.add_argument("--peer-scale", type=float, default=None,
                    help="fraction of the horizon the SimPy peers run")
    ap.add_argument("--no-peer", dest="peer", action="store_false",
                    help="skip the SimPy peers")
    ap.add_argument("--workloads", default="W1,W2,W3,W4",
                    help="comma-separated subset of W1,W2,W3,W4")
    ap.add_argument("--w3-scenario",
                    default=str(ROOT / "scenarios" / "west-midlands-2024.yaml"),
                    help="scenario of W3 and W4 (the bundled West Midlands one)")
    ap.add_argument("--w4-days", type=float, default=28.0,
                    help="days of each W4 replication (28)")
    ap.add_argument("--binary", default=str(ROOT / "build-release" / "cli" / "callsim"))
    ap.add_argument("--no-write", dest="write", action="store_false",
                    help="do not update docs/performance.md")
    opts = ap.parse_args(argv)
    if opts.peer_scale is None:
        opts.peer_scale = 0.1 if opts.quick else 1.0
    if opts.runs < 1 or not 0 < opts.peer_scale <= 1:
        ap.error("--runs must be >= 1 and --peer-scale in (0, 1]")
    opts.argv_given = argv
    return opts


def main(argv: List[str]) -> int:
    opts = parse_args(argv)
    rep = Report()
    chosen = [w.strip().upper() for w in opts.workloads.split(",") if w.strip()]
    bench_dir = ROOT / "bench" / "scenarios"
    load_start = os.getloadavg()
    try:
        if "W1" in chosen:
            measure_with_peer(opts, rep, "W1", "M/M/1, 1e6 s", bench_dir / "w1-mm1.yaml")
        if "W2" in chosen:
            measure_with_peer(opts, rep, "W2", "Erlang A, 1e6 calls",
                              bench_dir / "w2-erlang-a.yaml")
        if "W3" in chosen:
            measure_w3(opts, rep)
        if "W4" in chosen:
            measure_w4(opts, rep)
    except RunFailed as e:
        log("bench: " + str(e))
        return 1
    rep.load = load_note(load_start, os.getloadavg())
    speed_targets(rep)
    markdown = report_markdown(opts, rep)
    print(markdown)
    if opts.write:
        write_doc(markdown)
        log("bench: wrote the table into %s" % PERF_DOC.relative_to(ROOT))
    failed = [c for c in rep.checks if not c.ok]
    log("bench: %d checks, %d passed, %d failed" % (
        len(rep.checks), len(rep.checks) - len(failed), len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
