"""travel_by_hour: travel that depends on the hour of the week.

tests/cli/ample_units.yaml has so many units that no incident waits and
no grading delay, so an incident's attendance is its unit's travel. Then:
- a table of 168 ones, under dispatch or an area, inline or from a CSV,
  is the run without one, to the byte;
- a factor of 2 in every hour: the confidence interval of the mean
  attendance holds twice the travel's mean (420 s), as the run without a
  table holds 420 s; and since the random streams are the same, each
  replication's mean is exactly twice the one without;
- rush hours (factor 1.5 on weekdays 07:00-10:00, 0.8 every night
  00:00-06:00): with travel of exactly 600 s, each hour's attendance p50
  is 600 s x its factor;
- an area's own table replaces dispatch's there only;
- bad tables are refused with FILE:LINE:COL (or the option), exit 2."""
import json
import os
import tempfile

from clitest import Ctx, fixture

SCEN = fixture("ample_units.yaml")
MEAN_TRAVEL = 420.0


def table(f):
    return "[" + ", ".join("%g" % f(h) for h in range(168)) + "]"


def rush(h):
    day, hour = divmod(h, 24)
    if hour < 6:
        return 0.8
    return 1.5 if day < 5 and 7 <= hour < 10 else 1.0


def run_json(t, *extra):
    out, _ = t.expect_rc(["run", SCEN, "--format", "json"] + list(extra), 0)
    return json.loads(out)


def check_ones(t, tmp):
    plain, _ = t.expect_rc(["run", SCEN], 0)
    ones = table(lambda h: 1)
    csv_path = os.path.join(tmp, "ones.csv")
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write("hour,factor\n" + "".join("h%d,1\n" % h for h in range(168)))
    for key, value in (("dispatch.travel_by_hour", ones),
                       ("areas.North.travel_by_hour", ones),
                       ("dispatch.travel_by_hour", csv_path)):
        out, _ = t.expect_rc(["run", SCEN, "--set", "%s=%s" % (key, value)], 0)
        t.check(out == plain, "%s of ones changes the run" % key)


def attendance(doc, area=None):
    if area is None:
        return doc["grades"][0]["attendance_mean_s"]
    a = [x for x in doc["areas"] if x["name"] == area][0]
    return a["grades"][0]["attendance_mean_s"]


def check_double(t):
    base = attendance(run_json(t))
    t.check(base["ci_low"] <= MEAN_TRAVEL <= base["ci_high"],
            "no table: attendance %s, travel mean %g" % (base, MEAN_TRAVEL))
    two = attendance(run_json(t, "--set", "dispatch.travel_by_hour=" +
                              table(lambda h: 2)))
    t.check(two["ci_low"] <= 2 * MEAN_TRAVEL <= two["ci_high"],
            "x2: attendance %s, want %g" % (two, 2 * MEAN_TRAVEL))
    t.check(abs(two["mean"] - 2 * base["mean"]) <= 1e-9 * two["mean"],
            "x2: mean %r, twice %r" % (two["mean"], base["mean"]))


def check_rush(t):
    doc = run_json(t, "--set", "dispatch.travel_by_hour=" + table(rush),
                   "--set", "grades.emergency.travel={dist: deterministic, "
                   "value: 600}", "--by-hour")
    for h, hour in enumerate(doc["by_hour"]):
        p50 = hour["grades"][0]["attendance_p50_s"]["mean"]
        want = 600 * rush(h)
        t.check(abs(p50 - want) <= 0.005 * want,
                "%s: p50 %r, want %g" % (hour["label"], p50, want))


def check_area_own(t):
    doc = run_json(t, "--set", "dispatch.travel_by_hour=" + table(lambda h: 2),
                   "--set", "areas.South.travel_by_hour=" +
                   table(lambda h: 3), "--set", "grades.emergency.travel="
                   "{dist: deterministic, value: 600}")
    for area, f in (("North", 2), ("South", 3)):
        m = attendance(doc, area)["mean"]
        t.check(abs(m - 600 * f) <= 1e-9 * m, "%s: %r, want %g" %
                (area, m, 600 * f))


def check_refused(t, tmp):
    bad = os.path.join(tmp, "bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("hour,factor\nmon 00:00,1\nmon 01:00,14\n")
    cases = [
        ("dispatch.travel_by_hour=[1, 2]",
         "--set dispatch.travel_by_hour=[1, 2]: dispatch.travel_by_hour: has "
         "2 factors; must have 168 (one an hour, Monday 00:00 first)"),
        ("areas.North.travel_by_hour=" + table(lambda h: 0.05 if h == 3 else 1),
         "areas.North.travel_by_hour.3: 0.05 is too small; must be a factor "
         "from 0.1 to 10"),
        ("areas.North.travel_by_hour=" + bad,
         "%s:3:11: areas.North.travel_by_hour: '14' is not a factor from 0.1 "
         "to 10" % bad),
        ("dispatch.travel_by_hour={a: 1}",
         "dispatch.travel_by_hour: got a mapping; must be a CSV file name or a "
         "list of 168 factors from 0.1 to 10"),
    ]
    for setting, message in cases:
        _, err = t.expect_rc(["check", SCEN, "--set", setting], 2)
        t.check(message in err, "%s: %r" % (setting, err))
    # The product with the other factors is bounded as travel is.
    _, err = t.expect_rc(["check", SCEN, "--set", "grades.emergency.travel="
                          "{dist: exponential, mean: 2e8}", "--set",
                          "areas.North.travel_by_hour=" + table(lambda h: 4)],
                         2)
    t.check("x highest travel_by_hour 4 x cross_border_factor" in err,
            "bound: %r" % err)


def check_round_trip(t, tmp):
    out, _ = t.expect_rc(["check", SCEN, "--set", "dispatch.travel_by_hour=" +
                          table(rush)], 0)
    t.check_reads_back(tmp, out)


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as tmp:
        check_ones(t, tmp)
        check_double(t)
        check_rush(t)
        check_area_own(t)
        check_refused(t, tmp)
        check_round_trip(t, tmp)
    t.finish()


main()
