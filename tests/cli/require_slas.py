"""--require-slas: exit 3 when a line or a grade misses its goal (a
deliberately understaffed --set, the bundled baseline's emergency
attendance), 0 when every goal is met, and the report is still written in
full either way."""
import json

from clitest import Ctx, fixture


def main():
    t = Ctx()
    small = fixture("small.yaml")
    out, _ = t.expect_rc(["run", small, "--require-slas", "--format", "json"], 0)
    doc = json.loads(out)
    t.check(doc["lines"][0]["verdict"] == "met", "staffed: 999 meets its goal")
    under = ["--set", "pools.emergency.shifts.day.staff=2",
             "--set", "pools.emergency.shifts.night.staff=1"]
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
    # A missed grade fails as a missed line does: the bundled baseline
    # answers its calls in time but misses its emergency attendance goal.
    wm = t.path("scenarios", "west-midlands-2024.yaml")
    short = ["--replications", "4", "--days", "1", "--warmup-hours", "6"]
    out, _ = t.expect_rc(["run", wm, "--require-slas", "--format", "json"]
                         + short, 3)
    doc = json.loads(out)
    t.check(all(l["verdict"] == "met" for l in doc["lines"]), "bundled: lines met")
    t.check(doc["grades"][0]["verdict"] == "missed", "bundled: emergency missed")
    # With the goal within reach the grade is not a miss.
    t.expect_rc(["run", wm, "--require-slas", "--set",
                 "grades.emergency.attend.goal=0.5", "--set",
                 "grades.priority.attend.goal=0.5"] + short, 0)
    t.finish()


main()
