"""--require-slas: exit 3 when a line misses its goal (a deliberately
understaffed --set), 0 when every goal is met, and the report is still
written in full either way."""
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
    t.finish()


main()
