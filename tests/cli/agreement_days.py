"""Agreements met day by day (answer.per, answer.on_at_least; issue 12).

The share of days met is each replication's days whose own service level
reached the goal, counted by hand from that replication's calls log, over
its whole counted days (the calls of the days partition its counted
calls; half a day at the end is left out), averaged over replications,
with the Student t interval of those shares; weeks the same, a week's
calls together. The verdict is that interval against on_at_least, at its
edges (an interval of one point equal to the goal is met; no day met is
missed and fails --require-slas). A run split into parts merges to the
same bytes; compare explains an uncertain one by the share. optimise,
optimise --units and roster asked to meet the form
give staffing that, fed back to run, meets it. Bad forms exit 2 naming
FILE:LINE:COL."""
import csv
import datetime
import json
import math
import os
import statistics
import tempfile

from clitest import Ctx, fixture

SCENARIO = fixture("agreement_days.yaml")
T0 = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
WARMUP_S = 6 * 3600
TARGET_S, GOAL = 10.0, 0.87
T_975_3 = 3.182446305284263    # Student t, 3 degrees of freedom, 97.5%


def run_json(t, *extra):
    out, _ = t.expect_rc(["run", SCENARIO, "--format", "json", "--quiet"]
                         + list(extra), 0)
    return json.loads(out)


def day_tallies(t, tmp, k, days, extra):
    """Replication k's counted calls by counted day: [offered, within]."""
    path = os.path.join(tmp, "calls-%d.csv" % k)
    t.expect_rc(["run", SCENARIO, "--quiet", "--calls-log", path,
                 "--log-replication", k] + list(extra), 0)
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["counted"] == "1"]
    tally = [[0, 0] for _ in range(math.ceil(days))]
    for r in rows:
        at = datetime.datetime.fromisoformat(r["arrived"])
        day = int(((at - T0).total_seconds() - WARMUP_S) // 86400)
        tally[day][0] += 1
        if r["outcome"] == "answered":
            wait = float(r["wait_s"])
            t.check(abs(wait - TARGET_S) > 0.001,
                    "a wait too near the target to judge: %s" % wait)
            tally[day][1] += wait <= TARGET_S
    return tally, len(rows)


def share_of(tally, length, whole_days):
    """The share of whole periods of `length` days met."""
    met = counted = 0
    for first in range(0, whole_days - length + 1, length):
        n = sum(tally[d][0] for d in range(first, first + length))
        w = sum(tally[d][1] for d in range(first, first + length))
        if n > 0:
            counted += 1
            met += w / n >= GOAL
    return met / counted


def check_interval(t, got, shares, what):
    mean = sum(shares) / len(shares)
    half = T_975_3 * statistics.stdev(shares) / math.sqrt(len(shares))
    t.check(abs(got["share"] - mean) < 1e-9,
            "%s: share %s, by hand %s" % (what, got["share"], mean))
    t.check(abs(got["ci_low"] - max(0.0, mean - half)) < 1e-6
            and abs(got["ci_high"] - min(1.0, mean + half)) < 1e-6,
            "%s: interval %s, by hand %s +- %s" % (what, got, mean, half))


def test_by_hand(t, tmp):
    """Days and weeks from the calls logs of all four replications."""
    for extra, days in (([], 14), (["--set", "run.days=14.5"], 14.5)):
        run = run_json(t, *extra)
        week = run_json(t, "--set", "lines.0.answer.per=week", *extra)
        tallies = []
        for k in range(1, 5):
            tally, counted = day_tallies(t, tmp, k, days, extra)
            t.check(sum(d[0] for d in tally) == counted,
                    "the days partition the counted calls")
            tallies.append(tally)
        line = run["lines"][0]
        t.check(abs(sum(sum(d[0] for d in x) for x in tallies) / 4
                    - line["offered"]["mean"]) < 1e-9,
                "the logs' calls are the run's offered")
        shares = [share_of(x, 1, 14) for x in tallies]
        t.check(0 < min(shares) and max(shares) < 1,
                "the fixture has days met and days missed: %s" % shares)
        check_interval(t, line["periods_met"], shares, "days %s" % extra)
        weeks = [share_of(x, 7, 14) for x in tallies]
        check_interval(t, week["lines"][0]["periods_met"], weeks,
                       "weeks %s" % extra)
        t.check(line["per"] == "day" and line["on_at_least"] == 0.95
                and line["verdict"] == "missed", "verdict: %s" % line)


def verdict(t, *sets):
    args = []
    for s in sets:
        args += ["--set", s]
    return run_json(t, *args)["lines"][0]


def test_edges(t):
    """An interval of one point at the goal is met; none met is missed;
    on_at_least inside the interval is uncertain, and says why."""
    line = verdict(t, "lines.0.answer.goal=0.01",
                   "lines.0.answer.on_at_least=1")
    t.check(line["periods_met"] == {"share": 1, "ci_low": 1, "ci_high": 1}
            and line["verdict"] == "met", "every day met: %s" % line)
    line = verdict(t, "lines.0.answer.goal=1",
                   "lines.0.answer.on_at_least=0.01")
    t.check(line["periods_met"]["ci_high"] == 0
            and line["verdict"] == "missed", "no day met: %s" % line)
    t.expect_rc(["run", SCENARIO, "--quiet", "--require-slas", "--set",
                 "lines.0.answer.goal=1"], 3)
    mid_ci = run_json(t)["lines"][0]["periods_met"]
    mid = mid_ci["share"]
    out, _ = t.expect_rc(["run", SCENARIO, "--set",
                          "lines.0.answer.on_at_least=%r" % mid], 0)
    t.check("verdict                   uncertain" in out
            and "why uncertain" in out and "days met" in out,
            "on_at_least at the mean share:\n" + out)
    # compare explains each side's verdict by what it is of: A's service
    # level against its goal, B's share of days met against on_at_least.
    out, _ = t.expect_rc(["compare", SCENARIO, "--quiet", "--set-a",
                          "lines.0.answer={within_s: 10, goal: 0.87}",
                          "--set-b", "lines.0.answer.on_at_least=%r" % mid], 0)
    lo, hi = (100 * x for x in (mid_ci["ci_low"], mid_ci["ci_high"]))
    t.check("B why uncertain             interval [%.2f%%, %.2f%%] straddles "
            "the goal %.4g%%" % (lo, hi, 100 * mid) in out, out)
    # Without per the table is the horizon's, and so is the verdict.
    out, _ = t.expect_rc(["run", SCENARIO, "--format", "json", "--set",
                          "lines.0.answer={within_s: 10, goal: 0.87}"], 0)
    line = json.loads(out)["lines"][0]
    t.check("per" not in line and "periods_met" not in line
            and line["verdict"] in ("met", "missed", "uncertain"),
            "horizon form: %s" % line)


def test_merge(t, tmp):
    """Two parts merge to the whole run's bytes, the shares included."""
    parts = []
    for name, rng in (("a", "0:1"), ("b", "1:4")):
        parts.append(os.path.join(tmp, name + ".json"))
        t.expect_rc(["run", SCENARIO, "--quiet", "--replications-range", rng,
                     "--partial", parts[-1]], 0)
    for fmt in ([], ["--format", "json"], ["--format", "csv"],
                ["--format", "csv", "--wide"]):
        want, _ = t.expect_rc(["run", SCENARIO, "--quiet"] + fmt, 0)
        got, _ = t.expect_rc(["merge", parts[1], parts[0]] + fmt, 0)
        t.check(len(want) > 0 and got == want,
                "merge %s differs from the whole run" % fmt)
        t.check("periods_met" in want or "days met" in want,
                "the share in %s" % fmt)


def fed_back(t, scen, sets):
    args = ["run", scen, "--format", "json", "--quiet"]
    for s in sets:
        args += ["--set", s]
    out, _ = t.expect_rc(args, 0)
    return json.loads(out)


def test_searches(t):
    """optimise, optimise --units and roster meet the per-day form, and
    what they print, run again, meets it."""
    daily = fixture("exp_daily.yaml")
    form = ["--set", "lines.999.answer.goal=0.87", "--set",
            "lines.999.answer.per=day", "--set",
            "lines.999.answer.on_at_least=0.95"]
    for cmd in (["optimise"], ["roster"]):
        out, _ = t.expect_rc(cmd + [daily, "--format", "json", "--quiet"]
                             + form, 0)
        o = json.loads(out)
        mine = o["lines"][0]
        t.check(o["met"] and mine["per"] == "day"
                and mine["periods_met"]["ci_low"] >= 0.95,
                "%s: %s" % (cmd, mine))
        run = fed_back(t, daily, o["set"])["lines"][0]
        t.check(run["verdict"] == "met" and run["per"] == "day"
                and run["periods_met"] == mine["periods_met"],
                "%s fed back: %s" % (cmd, run))
    out, _ = t.expect_rc(["optimise", daily, "--format", "json", "--quiet",
                          "--set", "lines.999.answer.goal=0.87"], 0)
    horizon = json.loads(out)["costs"]["fte"]
    out, _ = t.expect_rc(["optimise", daily, "--format", "json", "--quiet"]
                         + form, 0)
    t.check(json.loads(out)["costs"]["fte"] >= horizon,
            "the per-day form needs no fewer handlers")
    units = fixture("exp_units.yaml")
    out, _ = t.expect_rc(["optimise", "--units", units, "--format", "json",
                          "--quiet", "--set", "grades.urgent.attend.per=day",
                          "--set", "grades.urgent.attend.on_at_least=0.9"], 0)
    o = json.loads(out)
    t.check(o["met"] and o["grades"][0]["per"] == "day", "units: %s" % o)
    g = fed_back(t, units, o["set"])["grades"][0]
    t.check(g["verdict"] == "met" and g["periods_met"]["ci_low"] >= 0.9,
            "units fed back: %s" % g)


BAD = [
    ("lines.0.answer={within_s: 10, goal: 0.9, per: day}",
     "answer: missing key 'on_at_least'"),
    ("lines.0.answer={within_s: 10, per: day, on_at_least: 0.9}",
     "answer: missing key 'goal'"),
    ("lines.0.answer={within_s: 10, goal: 0.9, on_at_least: 0.9}",
     "on_at_least needs per: day, week or hour"),
    ("lines.0.answer.on_at_least=0", "0 < on_at_least <= 1"),
    ("lines.0.answer.on_at_least=1.5", "0 < on_at_least <= 1"),
]


def test_bad(t, tmp):
    for s, words in BAD:
        _, err = t.expect_rc(["check", SCENARIO, "--set", s], 2)
        t.check(words in err, "%s: %s" % (s, err))
    _, err = t.expect_rc(["check", SCENARIO, "--set", "run.days=6", "--set",
                          "lines.0.answer.per=week"], 2)
    t.check("per: week needs a whole week counted, and run.days is 6" in err,
            err)
    bad = os.path.join(tmp, "bad.yaml")
    with open(SCENARIO, encoding="utf-8") as f:
        text = f.read().replace("per: day", "per: fortnight")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(text)
    _, err = t.expect_rc(["check", bad], 2)
    t.check(bad + ":11:45: lines.999.answer.per: unknown value 'fortnight'"
            in err, err)
    with open(bad, "w", encoding="utf-8") as f:
        f.write(text.replace("per: fortnight", "per: week").replace(
            "days: 14", "days: 3"))
    _, err = t.expect_rc(["check", bad], 2)
    t.check(bad + ":11:45: lines.999.answer.per: per: week needs" in err, err)
    # check writes the form back, and reads what it wrote.
    out, _ = t.expect_rc(["check", SCENARIO], 0)
    t.check("answer: {within_s: 10, goal: 0.87, per: day, on_at_least: 0.95}"
            in out, out)
    t.check_reads_back(tmp, out)


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as tmp:
        test_bad(t, tmp)
        test_by_hand(t, tmp)
        test_edges(t)
        test_merge(t, tmp)
        test_searches(t)
    t.finish()


main()
