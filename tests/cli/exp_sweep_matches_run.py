"""A sweep over one parameter shows, point by point, the bytes the separate
`callsim run`s of its points show (same seed: common random numbers), in
CSV and in JSON Lines; the output does not depend on the thread count; a
two-axis grid varies its first axis slowest."""
import csv
import io
import json

from exp_support import Ctx, fixture

SCEN = fixture("exp_sweep.yaml")
PATH = "lines.calls.volume.per_hour"
VALUES = ["40", "55.5", "71"]
COMMON = ["--replications", "3", "--seed", "2385", "--set",
          "pools.handlers.shrinkage=0.2385"]


def run_rows(t, value):
    out, _ = t.expect(["run", SCEN, "--set", "pools.handlers.shrinkage=0.2385",
                       "--set", "%s=%s" % (PATH, value), "--replications", "3",
                       "--seed", "2385", "--format", "csv"], 0)
    # A sweep point leaves out the run's rows by day, by hour of the
    # response and of the wait distributions.
    return [l for l in out.splitlines(keepends=True)[1:]
            if not l.startswith(("line_day,", "grade_day,", "area_day,",
                                 "grade_hour,", "area_hour,", "line_wait,"))]


def check_csv(t):
    out, _ = t.expect(["sweep", SCEN, "--vary", PATH + "=" + ",".join(VALUES),
                       "--quiet", "--threads", "2"] + COMMON, 0)
    lines = out.splitlines(keepends=True)
    t.check(lines[0].startswith('# {"callsim_sweep":1,'), "metadata line")
    t.check(lines[1] == "point,%s,section,name,metric,mean,ci_low,ci_high\n"
            % PATH, "column names: " + lines[1])
    body = lines[2:]
    for k, value in enumerate(VALUES):
        prefix = "%d,%s," % (k, value)
        mine = [l[len(prefix):] for l in body if l.startswith(prefix)]
        theirs = run_rows(t, value)
        t.check(len(mine) == len(theirs) > 20,
                "point %d: %d rows, run has %d" % (k, len(mine), len(theirs)))
        t.check(mine == theirs, "point %d rows differ from callsim run" % k)
    one, _ = t.expect(["sweep", SCEN, "--vary", PATH + "=" + ",".join(VALUES),
                       "--quiet", "--threads", "1"] + COMMON, 0)
    t.check(one == out, "--threads 1 and 2 give different bytes")
    rows = list(csv.reader(io.StringIO("".join(lines[1:]), newline="")))
    t.check(all(len(r) == 8 for r in rows), "every row has 8 fields")
    costs = [r for r in rows if r[2:5] == ["cost", "total", "annual_cost"]]
    t.check(len(costs) == 3, "an annual cost per point")


def check_jsonl(t):
    out, _ = t.expect(["sweep", SCEN, "--vary", PATH + "=" + ",".join(VALUES),
                       "--quiet", "--format", "jsonl"] + COMMON, 0)
    objs = [json.loads(l) for l in out.splitlines()]
    t.check(objs[0]["callsim_sweep"] == 1 and objs[0]["seed"] == 2385
            and objs[0]["replications"] == 3 and objs[0]["points"] == 3,
            "jsonl metadata %s" % objs[0])
    for k, value in enumerate(VALUES):
        o = objs[k + 1]
        run, _ = t.expect(["run", SCEN, "--set",
                           "pools.handlers.shrinkage=0.2385", "--set",
                           "%s=%s" % (PATH, value), "--replications", "3",
                           "--seed", "2385", "--format", "json"], 0)
        r = json.loads(run)
        t.check(o["point"] == k and o["values"] == {PATH: float(value)},
                "point %d values %s" % (k, o.get("values")))
        for key in ("lines", "pools", "costs", "seed", "replications"):
            t.check(o[key] == r[key], "point %d: %s differs from run" % (k, key))


def check_grid_order(t):
    out, _ = t.expect(["sweep", SCEN, "--vary", PATH + "=40:50:10", "--vary",
                       "pools.handlers.shrinkage=0.1,0.2,0.3", "--quiet",
                       "--replications", "2", "--format", "jsonl"], 0)
    got = [(o["values"][PATH], o["values"]["pools.handlers.shrinkage"])
           for o in map(json.loads, out.splitlines()[1:])]
    t.check(got == [(40, 0.1), (40, 0.2), (40, 0.3), (50, 0.1), (50, 0.2),
                    (50, 0.3)], "grid order %s" % got)
    # Neighbouring points see the same callers: the offered calls of a
    # point do not depend on the shrinkage.
    offered = [o["lines"][0]["offered"]["mean"]
               for o in map(json.loads, out.splitlines()[1:])]
    t.check(offered[0] == offered[1] == offered[2]
            and offered[3] == offered[4] == offered[5],
            "common random numbers: offered %s" % offered)


def main():
    t = Ctx()
    check_csv(t)
    check_jsonl(t)
    check_grid_order(t)
    t.finish()


main()
