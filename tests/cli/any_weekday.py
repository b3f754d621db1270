"""A run may start on any day, and its days and hours are local time.

tests/cli/any_weekday.yaml has demand and staffing the same every day of
the week. Started on a Wednesday it gives exactly the figures it gives
started on a Monday (only the labels of the hours of the week move).
Started on the Friday before each clock change of 2025 with three counted
days (Saturday, Sunday, Monday), Sunday's offered calls are 23 hours' worth
in March and 25 hours' worth in October (100 calls an hour): each day's
interval holds its expected count, and Sunday's lies wholly apart from the
other two days'. The day shift starts at 07:00 on the clock on all three
days: the pool's mean on duty is exactly 6 in every hour from 07:00 to
18:00 and 4 in every other hour that happened."""
import json

from clitest import Ctx, fixture

SCEN = fixture("any_weekday.yaml")


def run(t, start, *more):
    out, _ = t.expect_rc(["run", SCEN, "--set", "run.start_date=" + start,
                          "--format", "json"] + list(more), 0)
    return json.loads(out)


def check_wednesday(t):
    mon = run(t, "2024-04-01")
    wed = run(t, "2024-04-03")
    for key in ("lines", "pools", "by_day"):
        t.check(mon[key] == wed[key], "%s: Monday %s, Wednesday %s" %
                (key, mon[key], wed[key]))


def check_change(t, start, sunday_hours):
    doc = run(t, start, "--days", "3", "--intervals")
    days = doc["by_day"]
    t.check(len(days) == 3, "%d days" % len(days))
    offered = [d["lines"][0]["offered"] for d in days]
    want = [2400, 100 * sunday_hours, 2400]
    for d, (x, w) in enumerate(zip(offered, want)):
        t.check(x["ci_low"] <= w <= x["ci_high"],
                "%s day %d: offered %s, expected %d" % (start, d + 1, x, w))
    for d in (0, 2):
        apart = (offered[1]["ci_high"] < offered[d]["ci_low"]
                 if sunday_hours < 24 else
                 offered[1]["ci_low"] > offered[d]["ci_high"])
        t.check(apart, "%s: Sunday %s not apart from day %d %s" %
                (start, offered[1], d + 1, offered[d]))
    for hour in doc["intervals"]:
        staff = hour["pools"][0]["staff_on_duty"]["mean"]
        if 24 <= hour["hour"] < 120 or staff is None:
            continue   # Tuesday to Friday are not counted; nor is
                       # Sunday 01:00 in March, which never happens
        want = 6 if 7 <= hour["hour"] % 24 < 19 else 4
        t.check(staff == want, "%s %s: %s on duty, want %d" %
                (start, hour["label"], staff, want))


def main():
    t = Ctx()
    check_wednesday(t)
    check_change(t, "2025-03-28", 23)
    check_change(t, "2025-10-24", 25)
    t.finish()


main()
