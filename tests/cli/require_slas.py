"""--require-slas: exit 3 when a line or a grade misses its goal (a
deliberately understaffed --set, the funding-gap variant's emergency
attendance) or could not be measured, 0 when every goal is met, and the
report is still written in full either way."""
import json

from clitest import Ctx, fixture


def main():
    t = Ctx()
    small = fixture("small.yaml")
    out, _ = t.expect_rc(["run", small, "--require-slas", "--format", "json"], 0)
    doc = json.loads(out)
    t.check(doc["lines"][0]["verdict"] == "met", "staffed: 999 meets its goal")
    # Far below the load, and the 101 pool kept off 999, so the miss does
    # not hang on the seed or on how variates are drawn.
    under = ["--set", "pools.emergency.shifts.day.staff=2",
             "--set", "pools.emergency.shifts.night.staff=1",
             "--set", 'pools.non-emergency.serves=["101"]']
    out, _ = t.expect_rc(["run", small, "--require-slas", "--format", "json"]
                         + under, 3)
    doc = json.loads(out)
    t.check(doc["lines"][0]["verdict"] == "missed", "understaffed: 999 missed")
    # Without --require-slas a miss is only reported.
    out, _ = t.expect_rc(["run", small] + under, 0)
    t.check("missed" in out, "the table shows the verdict")
    # A line with no goal is never a miss: drop the only goal.
    t.expect_rc(["run", small, "--require-slas", "--set",
                 "lines.999.answer={within_s: 10}"] + under, 0)
    # A missed grade fails as a missed line does: the funding-gap variant
    # answers its calls as the baseline does but misses its emergency
    # attendance goal; the baseline meets every goal.
    short = ["--replications", "4", "--days", "1", "--warmup-hours", "6"]
    gap = t.path("scenarios", "west-midlands-shortfall.yaml")
    out, _ = t.expect_rc(["run", gap, "--require-slas", "--format", "json"]
                         + short, 3)
    doc = json.loads(out)
    t.check(all(l["verdict"] != "missed" for l in doc["lines"]),
            "funding gap: no line missed")
    t.check(doc["grades"][0]["verdict"] == "missed", "funding gap: emergency missed")
    t.expect_rc(["run", t.path("scenarios", "west-midlands-2024.yaml"),
                 "--require-slas"] + short, 0)
    # With the goals within reach no grade is a miss (the variant misses
    # its priority attendance too over a year, 72.7% against 80%).
    t.expect_rc(["run", gap, "--require-slas",
                 "--set", "grades.emergency.attend.goal=0.5",
                 "--set", "grades.priority.attend.goal=0.5"] + short, 0)
    unmeasured(t, small)
    t.finish()


def unmeasured(t, small):
    """An agreement that could not be measured counts as missed under
    --require-slas (exit 3), with a warning on stderr from the loader that
    names the key and its position; without --require-slas a warning never
    changes the exit code."""
    tiny = ["--days", "1e-300"]
    _, err = t.expect_rc(["run", small, "--require-slas", "--format", "csv"]
                         + tiny, 3)
    t.check(err.startswith("--set run.days=1e-300: run.days: warning: the "
                           "counted period is 8.64e-296 s"),
            "no warning of the empty counted period: " + err)
    t.check("callsim run: line 999: its service level was measured in 0 of 4 "
            "replications; --require-slas counts it as missed" in err,
            "no note of the unmeasured agreement: " + err)
    _, err = t.expect_rc(["run", small, "--format", "csv"] + tiny, 0)
    t.check("warning: the counted period" in err, "warning only with "
            "--require-slas: " + err)
    _, err = t.expect_rc(["compare", small, "--require-slas", "--set-b",
                          "run.days=1e-300"], 3)
    t.check("callsim compare: B: line 999: its service level was measured in "
            "0 of 4" in err, "compare: no note of B's unmeasured line: " + err)
    # A goal on a line without calls: warned at the goal, missed.
    quiet = ["--set", "lines.999.volume.per_day=0"]
    _, err = t.expect_rc(["run", small, "--require-slas"] + quiet, 3)
    t.check(":12:34: lines.999.answer.goal: warning: line 999 has no calls "
            "(its volume is 0)" in err, "no warning at the goal: " + err)
    _, err = t.expect_rc(["check", small] + quiet, 0)
    t.check("lines.999.answer.goal: warning:" in err, "check does not warn: "
            + err)


main()
