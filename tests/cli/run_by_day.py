"""Figures by day of the horizon: a surge in week 2 shows in week 2.

tests/cli/surge_week2.yaml counts three weeks from Monday 00:00 with the
calls at 1.6 times their rate all of week 2 (days 8 to 14). Each of week
2's days must be told apart from every other day by the intervals
themselves: its service level's and its attendance within target's upper
ends below the lower ends of every day outside week 2, its offered calls'
and incidents' lower ends above their upper ends; and no day outside week
2 may be told apart from another that way. The days' offered calls and
incidents add up to the horizon's; a horizon that is not whole days has a
last day cut short; the table shows the days only with --by-day."""
import json
import math

from clitest import Ctx, fixture

SCEN = fixture("surge_week2.yaml")
WEEK2 = range(7, 14)   # 0-based days 8..14


def fig(day, items, i, name):
    return day[items][i][name]


def separated(t, days, items, name, lower):
    """Every week-2 day's interval lies wholly below (lower) or above the
    interval of every day outside week 2."""
    inside = [fig(days[d], items, 0, name) for d in WEEK2]
    outside = [fig(day, items, 0, name) for d, day in enumerate(days)
               if d not in WEEK2]
    for d, x in zip(WEEK2, inside):
        for y in outside:
            if lower:
                ok = x["ci_high"] < y["ci_low"]
            else:
                ok = x["ci_low"] > y["ci_high"]
            t.check(ok, "day %d %s %s not apart from %s" % (d + 1, name, x, y))


def check_surge(t):
    out, _ = t.expect_rc(["run", SCEN, "--format", "json"], 0)
    doc = json.loads(out)
    days = doc["by_day"]
    t.check(len(days) == 21, "%d days" % len(days))
    separated(t, days, "lines", "service_level", True)
    separated(t, days, "lines", "offered", False)
    separated(t, days, "grades", "attended_within_target", True)
    separated(t, days, "grades", "incidents", False)
    for items, name in (("lines", "offered"), ("grades", "incidents")):
        total = sum(fig(d, items, 0, name)["mean"] for d in days)
        whole = doc[items][0][name]["mean"]
        t.check(abs(total - whole) <= 1e-9 * whole,
                "%s: days sum to %r, horizon %r" % (name, total, whole))


def check_partial_day(t):
    out, _ = t.expect_rc(["run", SCEN, "--days", "2.5", "--format", "csv"], 0)
    rows = [r.split(",") for r in out.splitlines()
            if r.startswith("line_day,")]
    names = sorted({r[1] for r in rows})
    t.check(names == ["999@day 1", "999@day 2", "999@day 3"],
            "days of 2.5: %s" % names)
    offered = {r[1]: float(r[3]) for r in rows if r[2] == "offered"}
    t.check(0.35 < offered["999@day 3"] / offered["999@day 1"] < 0.65,
            "the half day offered %s" % offered)


def check_table(t):
    plain, _ = t.expect_rc(["run", SCEN, "--days", "3"], 0)
    t.check("by day of the horizon" not in plain, "by-day table unasked")
    out, _ = t.expect_rc(["run", SCEN, "--days", "3", "--by-day"], 0)
    t.check(out.startswith(plain), "--by-day changes the rest of the table")
    lines = out[len(plain):].splitlines()
    t.check(lines[1].startswith("by day of the horizon"), "heading %s" % lines)
    head = lines[2].split()
    t.check(head[:4] == ["day", "999", "offered", "999"], "columns %s" % head)
    t.check([l.split()[0] for l in lines[3:]] == ["1", "2", "3"],
            "rows %s" % lines[3:])


def main():
    t = Ctx()
    check_surge(t)
    check_partial_day(t)
    check_table(t)
    t.finish()


main()
