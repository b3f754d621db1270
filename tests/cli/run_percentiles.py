"""Percentiles of any length, and exactly zero among callers answered at
once (issue 8, item 3).

The Erlang A benchmark answers about 80% of callers at once: its median wait
must be exactly 0 (it used to be 6.06e-07 s, interpolated inside the bin of
zeros). Scheduled incidents delayed by two days on average (sd two days) must have
attendance percentiles of days (they used to stop at 43200 s, p50 = p95).
The histogram's accuracy against exact quantiles is tested in
tests/sim/test_hist.c."""
import json

from clitest import Ctx


def main():
    t = Ctx()
    out, _ = t.expect_rc(["run", t.path("bench", "scenarios", "w2-erlang-a.yaml"),
                          "--days", "5", "--format", "json"], 0)
    line = json.loads(out)["lines"][0]
    p50 = line["wait_p50_s"]
    t.check(p50["mean"] == 0 and p50["ci_low"] == 0 and p50["ci_high"] == 0,
            "erlang A median wait is %r, not exactly 0" % p50)
    t.check(line["wait_p90_s"]["mean"] > 0, "erlang A p90 wait is 0")

    out, _ = t.expect_rc(["run", t.path("scenarios", "west-midlands-shortfall.yaml"),
                          "--days", "3", "--replications", "3",
                          "--set", "grades.scheduled.delay.mean=172800",
                          "--set", "grades.scheduled.delay.sd=172800",
                          "--format", "json"], 0)
    g = {x["name"]: x for x in json.loads(out)["grades"]}["scheduled"]
    mean = g["attendance_mean_s"]["mean"]
    p50, p90, p95 = (g["attendance_p%d_s" % p]["mean"] for p in (50, 90, 95))
    t.check(p50 > 43200 and p90 > p50 and p95 > p90,
            "attendance p50 %g, p90 %g, p95 %g s: not increasing beyond 12 h"
            % (p50, p90, p95))
    # A lognormal delay of mean m and sd m has p50 = 0.71 m and p95 = 2.78 m
    # (sigma^2 = ln 2): with the travel and dispatch waits added, the p95
    # is still days, far above the mean.
    t.check(p95 > 1.5 * mean, "attendance p95 %g s not above 1.5 x mean %g s"
            % (p95, mean))
    t.finish()


main()
