"""The response by hour of the week: fewer units at night shows at night.

tests/cli/night_units.yaml counts two weeks with calls and incidents flat
over the day but 2 response units on duty from 00:00 to 06:00 against 6
the rest of the day. By the hour incidents were created: the units on
duty are exactly 2 and 6 in their hours; on every day of the week the
share attended within target of the night hours 01:00-05:00 lies, whole
interval, below that of the hours 11:00-19:00; the hours' incidents a
week add up to the horizon's (two weeks: each hour counted twice). The
table shows the hours only with --by-hour, its means the JSON's; a
calls-only scenario has no hours and says so."""
import json

from clitest import Ctx, fixture

SCEN = fixture("night_units.yaml")


def check_night(t):
    out, _ = t.expect_rc(["run", SCEN, "--format", "json"], 0)
    doc = json.loads(out)
    hours = doc["by_hour"]
    t.check(len(hours) == 168, "%d hours" % len(hours))
    for h, hour in enumerate(hours):
        units = 2 if h % 24 < 6 else 6
        for x in hour["grades"][:1] + hour["areas"]:
            want = units if x in hour["grades"] else units / 2
            t.check(x["units_on_duty"]["mean"] == want,
                    "%s %s: %s units on duty, want %s" %
                    (hour["label"], x["name"], x["units_on_duty"], want))
    for day in range(7):
        def share(h):
            return hours[24 * day + h]["grades"][0]["attended_within_target"]
        night = max(share(h)["ci_high"] for h in range(1, 6))
        busy = min(share(h)["ci_low"] for h in range(11, 20))
        t.check(night < busy, "day %d: night up to %s, day from %s" %
                (day, night, busy))
    total = sum(hr["grades"][0]["incidents"]["mean"] for hr in hours) * 2
    whole = doc["grades"][0]["incidents"]["mean"]
    t.check(abs(total - whole) <= 1e-9 * whole,
            "hours sum to %r a fortnight, horizon %r" % (total, whole))
    return doc


def check_table(t, doc):
    plain, _ = t.expect_rc(["run", SCEN], 0)
    t.check("by hour of the week" not in plain, "by-hour table unasked")
    out, _ = t.expect_rc(["run", SCEN, "--by-hour"], 0)
    t.check(out.startswith(plain), "--by-hour changes the rest of the table")
    lines = out[len(plain):].splitlines()
    t.check(lines[1].startswith("response by hour of the week"),
            "heading %s" % lines[:2])
    t.check(lines[2].split()[:4] == ["hour", "emergency", "inc", "emergency"],
            "columns %s" % lines[2])
    rows = lines[3:3 + 168]
    t.check([" ".join(r.split()[:2]) for r in rows] ==
            [h["label"] for h in doc["by_hour"]], "one row an hour")
    for r, hour in zip(rows, doc["by_hour"]):
        g = hour["grades"][0]
        cells = r.split()[2:]
        want = ["%.1f" % g["incidents"]["mean"],
                "%.1f" % (100 * g["attended_within_target"]["mean"]),
                "%.1f" % g["attendance_p50_s"]["mean"]]
        t.check(cells[:3] == want, "%s: %s, JSON %s" % (hour["label"],
                                                        cells[:3], want))
    areas = lines[3 + 168:]
    t.check(areas[1].startswith("response by hour of the week in each area")
            and len(areas) == 2 + 1 + 168, "area table %s" % areas[:3])


def check_calls_only(t):
    out, _ = t.expect_rc(["run", fixture("small.yaml"), "--days", "1",
                          "--format", "json"], 0)
    t.check(json.loads(out)["by_hour"] == [], "calls only: no hours")
    out, _ = t.expect_rc(["run", fixture("small.yaml"), "--days", "1",
                          "--by-hour"], 0)
    t.check(out.endswith("response by hour of the week: the scenario has no "
                         "incident grades\n"), "calls only: the table says so")


def main():
    t = Ctx()
    doc = check_night(t)
    check_table(t, doc)
    check_calls_only(t)
    t.finish()


main()
