"""callsim run --format csv: parses with the csv module, six columns, the
documented sections and metrics, ordered intervals, empty fields for
nothing measured."""
import csv
import io

from clitest import Ctx, fixture

HEADER = ["section", "name", "metric", "mean", "ci_low", "ci_high"]


def check_row(t, row):
    what = ",".join(row[:3])
    t.check(len(row) == 6, what + ": %d fields" % len(row))
    t.check(row[0] in ("run", "line", "pool", "cost", "interval", "line_day",
                       "line_wait"),
            what + ": unknown section")
    nums = row[3:6]
    if nums == ["", "", ""]:
        return
    try:
        mean, lo, hi = (float(x) for x in nums)
    except ValueError:
        t.check(False, what + ": numbers %s" % nums)
        return
    tol = 1e-9 * max(1.0, abs(mean))
    t.check(lo - tol <= mean <= hi + tol, what + ": interval not ordered")


def main():
    t = Ctx()
    out, _ = t.expect_rc(["run", fixture("small.yaml"), "--format", "csv",
                          "--intervals"], 0)
    rows = list(csv.reader(io.StringIO(out, newline="")))
    t.check(rows[0] == HEADER, "header %s" % rows[0])
    for row in rows[1:]:
        check_row(t, row)
    keys = {(r[0], r[1], r[2]) for r in rows[1:]}
    t.check(len(keys) == len(rows) - 1, "a (section, name, metric) repeats")
    for metric in ("offered", "service_level", "wait_p99_s", "target_s", "goal"):
        t.check(("line", "999", metric) in keys, "no row line,999," + metric)
    t.check(("cost", "total", "annual_cost") in keys, "no total cost row")
    t.check(("interval", "999@Sat 22:00", "service_level") in keys,
            "no interval row 999@Sat 22:00")
    t.check(("interval", "emergency@Mon 00:00", "staff_on_duty") in keys,
            "no interval row for the pool")
    t.check(("run", 'End-to-end "test" force', "seed") in keys,
            "run rows are named by the scenario")
    t.check(("line_day", "999@day 2", "asa_s") in keys, "no row 999@day 2")
    t.check(("line_wait", "101@3600+ s", "answered") in keys,
            "no row 101@3600+ s")
    # 2 days x 2 lines x (offered, service_level, asa_s), after the hours;
    # then 2 lines x 10 bins of the wait distribution
    t.check(len(rows) == 1 + 4 + 2 * 21 + 2 * 2 + 2 * 3 + 168 * (2 * 3 + 2 * 2)
            + 2 * 2 * 3 + 2 * 10,
            "%d rows" % len(rows))
    goal101 = [r for r in rows if r[:3] == ["line", "101", "goal"]]
    t.check(goal101 and goal101[0][3:] == ["", "", ""], "no goal is empty")
    t.finish()


main()
