"""Demand that is not known exactly, end to end: dated events from a CSV
and busyness groups.

- The bundled New Year's Eve events (scenarios/events-new-year-2025.csv)
  on the baseline's own dates, 2024, miss every event: the table and the
  CSV are the bytes of the run without the file; on the week of 29
  December 2025 they raise 999's offered calls on 31 December and 1
  January beyond the intervals of the run without them.
- A bad events CSV exits 2 naming FILE:LINE:COL, the key and the fix.
- A busyness group adds the prediction intervals, which hold the
  confidence interval of the mean, and leave every other figure's rows
  (of a line outside the group, with pools of its own) as they were."""
import os
import tempfile

from clitest import Ctx

BASE = ["run", "scenarios/west-midlands-2024.yaml", "--days", "3",
        "--replications", "3"]
EVENTS = ["--set", "events=events-new-year-2025.csv"]
NYE = ["--set", "run.start_date=2025-12-29"]


def rows(text, section):
    """{(name, metric): (mean, lo, hi)} of a CSV section."""
    out = {}
    for r in text.splitlines():
        c = r.split(",")
        if c[0] == section:
            out[(c[1], c[2])] = tuple(float(x) for x in c[3:6])
    return out


def missed_events_change_nothing(t):
    for fmt in (["--format", "table"], ["--format", "csv"]):
        a, _ = t.expect_rc(BASE + fmt, 0)
        b, _ = t.expect_rc(BASE + fmt + EVENTS, 0)
        t.check(a == b and a != "", "events outside the run changed %s" % fmt)


def events_raise_the_night(t):
    a, _ = t.expect_rc(BASE + NYE + ["--replications", "10", "--format", "csv"], 0)
    b, _ = t.expect_rc(BASE + NYE + EVENTS + ["--replications", "10",
                                              "--format", "csv"], 0)
    da, db = rows(a, "line_day"), rows(b, "line_day")
    for day in ("999@day 2", "999@day 3"):
        x, y = da[(day, "offered")], db[(day, "offered")]
        t.check(y[1] > x[2], "%s offered %s not above %s" % (day, y, x))
    x, y = da[("999@day 1", "offered")], db[("999@day 1", "offered")]
    t.check(x == y, "30 December moved: %s %s" % (x, y))


def bad_file_names_its_cell(t, tmp):
    with open(os.path.join(tmp, "bad.csv"), "w", encoding="utf-8") as f:
        f.write("date,start,hours,999\n2025-12-31,18:00,6,x\n")
    bad = os.path.join(tmp, "bad.csv")
    _, err = t.expect_rc(BASE + ["--set", "events=" + bad], 2)
    t.check("bad.csv:2:20: events: 'x' is not a factor from 0 to 1000, "
            "or empty for 1" in err, "message: " + err)


def busyness_adds_prediction_intervals(t):
    # Dedicated pools: in the baseline's shared room a busier 101 line
    # slows 999 too, and 999's redials then move its offered calls.
    base = ["run", "scenarios/west-midlands-dedicated.yaml"] + BASE[2:]
    group = ["--set", 'busyness=[{name: g, cv: 0.1, lines: ["101"]}]']
    a, _ = t.expect_rc(base + ["--format", "csv"], 0)
    b, _ = t.expect_rc(base + group + ["--format", "csv"], 0)
    t.check(not rows(a, "line_period"), "prediction intervals unasked")
    p, line = rows(b, "line_period"), rows(b, "line")
    for name in ("999", "101"):
        pi = p[(name, "horizon_offered")]
        ci = line[(name, "offered")]
        t.check(pi[0] == ci[0] and pi[1] <= ci[1] and pi[2] >= ci[2],
                "%s: prediction %s inside confidence %s" % (name, pi, ci))
    t.check(rows(a, "line")[("999", "offered")] == line[("999", "offered")],
            "999, outside the group, moved")


def main():
    t = Ctx()
    os.chdir(t.root)
    missed_events_change_nothing(t)
    events_raise_the_night(t)
    with tempfile.TemporaryDirectory() as tmp:
        bad_file_names_its_cell(t, tmp)
    busyness_adds_prediction_intervals(t)
    t.finish()


main()
