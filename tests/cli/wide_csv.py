"""--format csv --wide: the same figures and numbers as the tidy CSV, laid
out for spreadsheets.

run: 168 rows, one an hour of the week (hour 0 = Mon 00:00); a column per
hour-of-week figure of every line and pool (its mean, ci_low, ci_high),
named after the figure table, each cell equal, as text, to the tidy
`interval` row of that item, hour and metric; then each line's and
grade's (and deferrable stream's) goal, agreement figure and verdict,
equal to the tidy rows and to the JSON's verdicts. sweep: one row a point,
a column per tidy row of the point, equal to it, and the verdicts (a
deferrable stream's too) equal to the JSON Lines'. --wide without
--format csv is refused."""
import csv
import io
import json

from clitest import Ctx, fixture

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
# The tidy sections of hour-of-week rows: the calls', the response's.
HOURLY = ("interval", "grade_hour", "area_hour")
ENDS = {"": 3, ":ci_low": 4, ":ci_high": 5}


def split(col):
    """'interval 999:service_level:ci_low' -> ('interval', '999',
    'service_level', ':ci_low')."""
    section, rest = col.split(" ", 1)
    end = next((e for e in (":ci_low", ":ci_high") if rest.endswith(e)), "")
    rest = rest[:len(rest) - len(end)]
    name, metric = rest.rsplit(":", 1)
    return section, name, metric, end


def tidy_cells(rows):
    """(section, name, metric) -> the tidy row."""
    return {(r[0], r[1], r[2]): r for r in rows}


def json_verdicts(report):
    """('line' | 'grade' | 'deferrable', name) -> verdict ('' without a
    goal)."""
    v = {}
    for kind, key in (("line", "lines"), ("grade", "grades"),
                      ("deferrable", "deferrable")):
        for item in report.get(key) or []:
            v[(kind, item["name"])] = item["verdict"] or ""
    return v


def check_run(t, scenario):
    args = ["run", scenario, "--replications", "3", "--days", "7"]
    tidy_out, _ = t.expect_rc(args + ["--format", "csv", "--intervals"], 0)
    wide_out, _ = t.expect_rc(args + ["--format", "csv", "--wide"], 0)
    json_out, _ = t.expect_rc(args + ["--format", "json"], 0)
    tidy = tidy_cells(list(csv.reader(io.StringIO(tidy_out, newline="")))[1:])
    wide = list(csv.reader(io.StringIO(wide_out, newline="")))
    head, body = wide[0], wide[1:]
    verdicts = json_verdicts(json.loads(json_out))
    t.check(head[:2] == ["hour", "hour_label"], "%s: head %s" % (scenario, head[:2]))
    t.check(len(body) == 168, "%s: %d rows, not 168" % (scenario, len(body)))
    t.check(len(set(head)) == len(head), "%s: a column repeats" % scenario)
    # Every hour-of-week row of the tidy CSV has its three columns.
    hourly = {(k[0], k[1].split("@")[0], k[2]) for k in tidy
              if k[0] in HOURLY}
    wide_hourly = {split(c)[:3] for c in head[2:]
                   if c.split(" ", 1)[0] in HOURLY}
    t.check(hourly == wide_hourly, "%s: hourly figures differ: %s"
            % (scenario, hourly ^ wide_hourly))
    return_sections = {h[0] for h in wide_hourly}
    compared = 0
    for h, row in enumerate(body):
        label = "%s %02d:00" % (DAYS[h // 24], h % 24)
        t.check(row[:2] == [str(h), label], "row %d starts %s" % (h, row[:2]))
        t.check(len(row) == len(head), "row %d: %d fields" % (h, len(row)))
        for col, cell in zip(head[2:], row[2:]):
            section, name, metric, end = split(col)
            if metric == "verdict":
                t.check(cell == verdicts[(section, name)],
                        "%s: %s is %r, the JSON says %r"
                        % (label, col, cell, verdicts[(section, name)]))
                continue
            key = (section, name + "@" + label, metric) \
                if section in HOURLY else (section, name, metric)
            want = tidy[key][ENDS[end]]
            compared += cell == want
            t.check(cell == want, "%s %s: wide %r, tidy %r"
                    % (label, col, cell, want))
    t.check(compared > 168 * 10, "%s: only %d cells compared"
            % (scenario, compared))
    return verdicts, return_sections


def check_sweep(t, scenario, path="units.0.shifts.0.staff", first=2):
    """A sweep of path over first, first + 1 and first + 2; returns the
    verdict columns' names."""
    args = ["sweep", scenario, "--vary", "%s=%d:%d:1" % (path, first,
                                                         first + 2),
            "--replications", "3", "--days", "2", "--quiet"]
    tidy_out, _ = t.expect_rc(args, 0)
    wide_out, _ = t.expect_rc(args + ["--wide"], 0)
    jsonl_out, _ = t.expect_rc(args + ["--format", "jsonl"], 0)
    tidy = [r for r in csv.reader(io.StringIO(tidy_out, newline=""))
            if r and not r[0].startswith("#")][1:]
    wide = [r for r in csv.reader(io.StringIO(wide_out, newline=""))
            if r and not r[0].startswith("#")]
    head, body = wide[0], wide[1:]
    points = [json.loads(l) for l in jsonl_out.splitlines()[1:]]
    t.check(len(body) == 3, "sweep: %d rows, not 3" % len(body))
    t.check(head[:2] == ["point", path], "sweep head %s" % head[:2])
    for p, row in enumerate(body):
        cells = {(r[2], r[3], r[4]): r[2:] for r in tidy if r[0] == str(p)}
        verdicts = json_verdicts(points[p])
        t.check(row[:2] == [str(p), str(first + p)],
                "point %d starts %s" % (p, row[:2]))
        named = 0
        for col, cell in zip(head[2:], row[2:]):
            section, name, metric, end = split(col)
            if metric == "verdict":
                t.check(cell == verdicts[(section, name)],
                        "point %d %s: %r, JSON %r" % (p, col, cell,
                                                     verdicts[(section, name)]))
                continue
            want = cells[(section, name, metric)][ENDS[end]]
            named += end == ""
            t.check(cell == want, "point %d %s: wide %r, tidy %r"
                    % (p, col, cell, want))
        t.check(named == len(cells), "point %d: %d figures, tidy has %d"
                % (p, named, len(cells)))
    return [c for c in head if c.endswith(":verdict")]


def check_resume(t, scenario):
    """A wide sweep cut short resumes to the same bytes; a tidy one is not
    taken for it."""
    import os
    import tempfile
    args = ["sweep", scenario, "--vary", "units.0.shifts.0.staff=2:4:1",
            "--replications", "3", "--days", "2", "--quiet", "--wide"]
    whole, _ = t.expect_rc(args, 0)
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "w.csv")
        with open(out, "w", encoding="utf-8") as f:
            f.write(whole[:len(whole) - len(whole.splitlines()[-1]) // 2])
        t.expect_rc(args + ["--out", out, "--resume"], 0)
        with open(out, encoding="utf-8") as f:
            t.check(f.read() == whole, "a resumed wide sweep differs")
        _, err = t.expect_rc(args[:-1] + ["--out", out, "--resume"], 2)
        t.check("holds a different sweep" in err, "tidy resume: " + err)


def main():
    t = Ctx()
    check_resume(t, fixture("exp_units.yaml"))
    v, sections = check_run(t, fixture("small.yaml"))
    t.check(v[("line", "101")] == "" and v[("line", "999")] != "",
            "small.yaml verdicts %s" % v)
    v, sections = check_run(t, fixture("exp_units.yaml"))
    t.check(("grade", "urgent") in v, "exp_units.yaml: no grade verdict")
    t.check(sections == set(HOURLY), "exp_units.yaml: hourly sections %s"
            % sections)
    check_sweep(t, fixture("exp_units.yaml"))
    # Deferrable work: each stream's goal, share within target and verdict
    # beside the lines', in a run's wide rows and a sweep's.
    v, _ = check_run(t, fixture("deferrable.yaml"))
    t.check(v.get(("deferrable", "live-chat")) == "met"
            and v.get(("deferrable", "online-reports")) == "",
            "deferrable.yaml verdicts %s" % v)
    wide_out, _ = t.expect_rc(["run", fixture("deferrable.yaml"),
                               "--replications", "3", "--days", "7",
                               "--format", "csv", "--wide"], 0)
    head = wide_out.split("\n", 1)[0].split(",")
    t.check(head[-10:] == [
        "deferrable %s:%s" % (n, m) for n in ("live-chat", "online-reports")
        for m in ("goal", "within_target", "within_target:ci_low",
                  "within_target:ci_high", "verdict")],
        "run --wide: the streams' columns: %s" % head[-10:])
    cols = check_sweep(t, fixture("deferrable.yaml"),
                       "pools.handlers.shifts.day.staff", 3)
    t.check(cols == ["line 101:verdict", "deferrable live-chat:verdict",
                     "deferrable online-reports:verdict"],
            "sweep --wide: verdict columns %s" % cols)
    for args in (["run", "--wide"], ["run", "--format", "json", "--wide"],
                 ["sweep", fixture("small.yaml"), "--vary",
                  "run.days=1,2", "--format", "jsonl", "--wide"]):
        _, err = t.expect_rc(args, 2)
        t.check("--wide is a form of CSV; give it with --format csv" in err,
                "%s: %s" % (args, err))
    t.finish()


main()
