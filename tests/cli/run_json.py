"""callsim run --format json on the validation scenarios, the bundled
baseline and the test force: the output parses, has the documented keys, and
every interval is ordered (ci_low <= mean <= ci_high)."""
import glob
import math
import json

from clitest import Ctx, ci_ordered, fixture

LINE_FIGURES = ["offered", "answered", "abandoned", "abandoned_5s", "repeats",
                "service_level", "abandon_rate", "asa_s", "wait_p50_s",
                "wait_p90_s", "wait_p95_s", "wait_p99_s", "unanswered_at_end"]
GRADE_FIGURES = ["incidents", "attended", "attended_within_target",
                 "attendance_mean_s", "attendance_p50_s", "attendance_p90_s",
                 "attendance_p95_s", "backlog", "cross_border", "preempted",
                 "unattended_at_end", "units_per_incident", "unit_hours"]
AREA_FIGURES = ["utilisation", "units_on_duty", "abstractions",
                "abstraction_hours"]
CALLBACK_FIGURES = ["callbacks_requested", "callbacks_made",
                    "callbacks_redial_first", "callbacks_pending_at_end",
                    "callback_delay_mean_s", "callbacks_within_target"]
TOP = ["schema", "schema_version", "callsim_version", "content_fnv1a",
       "command", "scenario", "seed", "replications", "days", "warmup_hours", "lines",
       "pools", "grades", "areas", "costs"]


def check_grade(t, grade, name):
    """A grade (force-wide or in an area): the keys of a line, ordered
    intervals, a verdict exactly when there is a goal."""
    t.check(list(grade) == ["name", "target_s", "goal", "verdict"] + GRADE_FIGURES,
            name + ": keys %s" % list(grade))
    t.check((grade["goal"] is None) == (grade["verdict"] is None),
            name + ": verdict without goal or goal without verdict")
    t.check(grade["verdict"] in (None, "met", "missed", "uncertain"),
            name + ": verdict " + str(grade["verdict"]))
    for k in GRADE_FIGURES:
        t.check(ci_ordered(grade[k]), "%s: %s interval %s" % (name, k, grade[k]))
    w = grade["attended_within_target"]["mean"]
    t.check(w is None or 0 <= w <= 1, name + ": within target a fraction")
    t.check((w is None) == (grade["target_s"] is None),
            name + ": within target measured exactly when there is a target")


def check_response(t, doc, what):
    names = [g["name"] for g in doc["grades"]]
    for grade in doc["grades"]:
        check_grade(t, grade, "%s: grade %s" % (what, grade["name"]))
    for area in doc["areas"]:
        name = "%s: area %s" % (what, area["name"])
        t.check(list(area) == ["name"] + AREA_FIGURES + ["grades"], name + ": keys")
        for k in AREA_FIGURES:
            t.check(ci_ordered(area[k]), "%s: %s interval" % (name, k))
        t.check([g["name"] for g in area["grades"]] == names, name + ": grades")
        for grade in area["grades"]:
            check_grade(t, grade, "%s/%s" % (name, grade["name"]))
    costs = doc["costs"]
    t.check(list(costs) == ["fte", "annual_cost", "pools", "roles", "total_fte",
                            "total_annual_cost"], what + ": cost keys")
    staff = costs["pools"] + costs["roles"]
    for k in ("fte", "annual_cost"):
        total = sum(p[k] for p in staff)
        t.check(abs(costs["total_" + k] - total) <= 1e-6 * max(1, total),
                what + ": total %s is the sum of pools and roles" % k)


def check_by_day(t, doc, what):
    """A day each counted day (run.days rounded up), numbered from 1, each
    with every line and grade by name and the documented figures; the days'
    mean offered calls and incidents add up to the horizon's."""
    days = doc["by_day"]
    t.check(len(days) == math.ceil(doc["days"]) and
            [d["day"] for d in days] == list(range(1, len(days) + 1)),
            "%s: %d days for days %s" % (what, len(days), doc["days"]))
    for d in days:
        t.check(list(d) == ["day", "lines", "grades", "areas"],
                what + ": day keys")
        t.check([x["name"] for x in d["areas"]] ==
                [x["name"] for x in doc["areas"]], what + ": day areas")
        for x in d["areas"]:
            t.check(list(x) == ["name", "incidents", "attended_within_target"],
                    what + ": day area keys %s" % list(x))
        t.check([x["name"] for x in d["lines"]] ==
                [x["name"] for x in doc["lines"]], what + ": day lines")
        t.check([x["name"] for x in d["grades"]] ==
                [x["name"] for x in doc["grades"]], what + ": day grades")
        for x in d["lines"]:
            t.check(list(x) == ["name", "offered", "service_level", "asa_s"],
                    what + ": day line keys %s" % list(x))
        for x in d["grades"]:
            t.check(list(x) == ["name", "incidents", "attended_within_target"],
                    what + ": day grade keys %s" % list(x))
    for items, fig in (("lines", "offered"), ("grades", "incidents")):
        for i, item in enumerate(doc[items]):
            total = sum(d[items][i][fig]["mean"] for d in days)
            whole = item[fig]["mean"]
            t.check(abs(total - whole) <= 1e-6 * max(1.0, whole),
                    "%s: %s: days sum to %s, horizon %s" %
                    (what, item["name"], total, whole))


    for a, area in enumerate(doc["areas"]):
        total = sum(d["areas"][a]["incidents"]["mean"] for d in days)
        whole = sum(g["incidents"]["mean"] for g in area["grades"])
        t.check(abs(total - whole) <= 1e-6 * max(1.0, whole),
                "%s: area %s: days sum to %s, horizon %s" %
                (what, area["name"], total, whole))


HOUR_GRADE = ["incidents", "attended_within_target", "attendance_p50_s",
              "attendance_p90_s", "units_on_duty", "utilisation"]
HOUR_AREA = ["incidents", "attended_within_target", "units_on_duty",
             "utilisation"]


def check_by_hour(t, doc, what):
    """168 hours of the response (none without grades), each with every
    grade and area and the documented figures, intervals ordered; over a
    whole number of weeks after a whole number of hours of warm-up each
    hour of the week is counted equally often, so the hours' incidents a
    week times the weeks add up to the horizon's."""
    hours = doc["by_hour"]
    t.check(len(hours) == (168 if doc["grades"] else 0),
            "%s: %d hours of response" % (what, len(hours)))
    for h, hour in enumerate(hours):
        t.check(list(hour) == ["hour", "label", "grades", "areas"] and
                hour["hour"] == h, what + ": hour keys")
        for items, figs in (("grades", HOUR_GRADE), ("areas", HOUR_AREA)):
            t.check([x["name"] for x in hour[items]] ==
                    [x["name"] for x in doc[items]], what + ": hour " + items)
            for x in hour[items]:
                t.check(list(x) == ["name"] + figs,
                        what + ": hour keys %s" % list(x))
                for k in figs:
                    t.check(ci_ordered(x[k]), "%s: %s %s %s" %
                            (what, hour["label"], x["name"], k))
    weeks = doc["days"] / 7
    if not hours or weeks != int(weeks) or doc["warmup_hours"] % 1:
        return
    for g, grade in enumerate(doc["grades"]):
        total = sum(hr["grades"][g]["incidents"]["mean"] for hr in hours)
        whole = grade["incidents"]["mean"]
        t.check(abs(total * weeks - whole) <= 1e-6 * max(1.0, whole),
                "%s: grade %s: hours sum to %s a week, horizon %s" %
                (what, grade["name"], total, whole))


def check_waits(t, doc, what):
    """Each line's wait distribution: the fixed bins, which add up to the
    line's answered calls."""
    edges = [0, 10, 20, 30, 60, 120, 300, 600, 1800, 3600, None]
    t.check([x["name"] for x in doc["wait_distribution"]] ==
            [x["name"] for x in doc["lines"]], what + ": wait lines")
    for line, dist in zip(doc["lines"], doc["wait_distribution"]):
        bins = dist["bins"]
        t.check([b["from_s"] for b in bins] == edges[:-1] and
                [b["to_s"] for b in bins] == edges[1:],
                what + ": wait bins of " + line["name"])
        total = sum(b["answered"]["mean"] for b in bins)
        whole = line["answered"]["mean"]
        t.check(abs(total - whole) <= 1e-9 * max(1.0, whole),
                "%s: %s: wait bins sum to %s, answered %s" %
                (what, line["name"], total, whole))


def check_report(t, doc, what, intervals):
    keys = TOP + (["intervals"] if intervals else []) + [
        "by_day", "by_hour", "wait_distribution"]
    t.check(list(doc) == keys, "%s: top-level keys %s" % (what, list(doc)))
    check_by_day(t, doc, what)
    check_by_hour(t, doc, what)
    check_waits(t, doc, what)
    for line in doc["lines"]:
        name = "%s: line %s" % (what, line["name"])
        t.check(list(line)[:4] == ["name", "target_s", "goal", "verdict"],
                name + ": first keys")
        t.check((line["goal"] is None) == (line["verdict"] is None),
                name + ": verdict without goal or goal without verdict")
        t.check(line["verdict"] in (None, "met", "missed", "uncertain"),
                name + ": verdict " + str(line["verdict"]))
        for k in LINE_FIGURES:
            t.check(ci_ordered(line[k]), "%s: %s interval %s" % (name, k, line[k]))
        sl = line["service_level"]["mean"]
        t.check(sl is None or 0 <= sl <= 1, name + ": service level a fraction")
    for pool in doc["pools"]:
        name = "%s: pool %s" % (what, pool["name"])
        t.check(list(pool) == ["name", "occupancy", "staff_on_duty", "fte",
                               "annual_cost"], name + ": keys")
        for k in ("occupancy", "staff_on_duty"):
            t.check(ci_ordered(pool[k]), "%s: %s interval" % (name, k))
        t.check(pool["fte"] >= 0 and pool["annual_cost"] >= 0, name + ": cost")
    total = sum(p["annual_cost"] for p in doc["pools"])
    t.check(abs(doc["costs"]["annual_cost"] - total) <= 1e-6 * max(1, total),
            what + ": call handlers' cost is the sum of the pools")
    check_response(t, doc, what)
    for hour in doc.get("intervals", []):
        for item in hour["lines"] + hour["pools"]:
            for k, v in item.items():
                if k != "name":
                    t.check(ci_ordered(v), "%s: %s %s %s" % (what, hour["label"],
                                                            item["name"], k))
    if intervals:
        t.check(len(doc["intervals"]) == 168, what + ": 168 hours")


def run_json(t, scenario, *extra, intervals=False):
    args = ["run", scenario, "--format", "json"] + list(extra)
    if intervals:
        args.append("--intervals")
    out, _ = t.expect_rc(args, 0)
    try:
        doc = json.loads(out)
    except ValueError as e:
        t.check(False, "%s: JSON does not parse: %s" % (scenario, e))
        return None
    check_report(t, doc, scenario, intervals)
    # What made it: the command as given, less the options that change
    # nothing in the figures (--threads, --verbose, --quiet).
    t.check(doc["schema"] == "callsim.run" and doc["schema_version"] == 1,
            "%s: schema %s %s" % (scenario, doc["schema"],
                                  doc["schema_version"]))
    kept = []
    skip = False
    for a in args:
        if skip or a in ("--verbose", "-v", "--quiet", "-q") \
                or a.startswith("--threads="):
            skip = False
            continue
        skip = a == "--threads"
        if not skip:
            kept.append(a)
    t.check(doc["command"] == ["callsim"] + kept, "%s: command %s, wanted %s"
            % (scenario, doc["command"], ["callsim"] + kept))
    t.check(len(doc["content_fnv1a"]) == 16
            and int(doc["content_fnv1a"], 16) >= 0, "content_fnv1a")
    return doc


def main():
    t = Ctx()
    doc = run_json(t, fixture("small.yaml"), intervals=True)
    if doc:
        t.check(doc["scenario"] == 'End-to-end "test" force', "scenario name")
        t.check(doc["seed"] == 20250101 and doc["replications"] == 4
                and doc["days"] == 2 and doc["warmup_hours"] == 6, "run settings")
        t.check([l["name"] for l in doc["lines"]] == ["999", "101"], "line order")
        t.check(doc["lines"][1]["goal"] is None, "101 has no goal")
        t.check(doc["grades"] == [] and doc["areas"] == []
                and doc["costs"]["roles"] == [], "calls only: no response")
    # Options that do not change the figures are not in the command.
    doc = run_json(t, fixture("small.yaml"), "--threads", "2", "--quiet")
    if doc:
        t.check("--threads" not in doc["command"], "--threads left out")
    run_json(t, fixture("small.yaml"), "--threads=3", "-v")
    # Options become overrides: they show in the settings reported.
    doc = run_json(t, fixture("small.yaml"), "--replications", "3", "--seed",
                   "18446744073709551615", "--days", "1.5", "--warmup-hours", "2")
    if doc:
        t.check(doc["replications"] == 3 and doc["seed"] == 18446744073709551615
                and doc["days"] == 1.5 and doc["warmup_hours"] == 2,
                "settings from options: %s" % [doc[k] for k in TOP[1:5]])
    # A line with call-backs has their figures, in their order, in an
    # object of its own; a line without them has no such key.
    doc = run_json(t, fixture("small.yaml"), "--set", "lines.999.callback="
                   "{probability: 0.6, target_s: 900, handle: {dist: "
                   "exponential, mean: 150}, pool: non-emergency}", "--set",
                   "pools.emergency.shifts.day.staff=4")
    if doc:
        cb = doc["lines"][0].get("callbacks", {})
        t.check(list(cb) == CALLBACK_FIGURES, "call-back keys %s" % list(cb))
        t.check(all(ci_ordered(v) for v in cb.values()),
                "call-back intervals ordered")
        t.check(cb["callbacks_requested"]["mean"] ==
                cb["callbacks_made"]["mean"] +
                cb["callbacks_redial_first"]["mean"] +
                cb["callbacks_pending_at_end"]["mean"],
                "requested = made + redial first + pending")
        t.check("callbacks" not in doc["lines"][1], "101 has no call-backs")
    for path in sorted(glob.glob(t.path("scenarios", "validation", "*.yaml"))):
        run_json(t, path, "--replications", "3", "--days", "2")
    t.check(len(glob.glob(t.path("scenarios", "west-midlands-2024.yaml"))) == 1,
            "the bundled scenario exists")
    for name in ("west-midlands-2024.yaml", "west-midlands-shortfall.yaml"):
        doc = run_json(t, t.path("scenarios", name),
                       "--replications", "3", "--days", "1", "--warmup-hours", "6")
        if doc:
            t.check([g["name"] for g in doc["grades"]]
                    == ["emergency", "priority", "scheduled"], name + ": grades")
            t.check(len(doc["areas"]) == 7, name + ": seven areas")
            t.check([r["name"] for r in doc["costs"]["roles"]]
                    == ["response", "pcso", "neighbourhood"], name + ": roles")
            t.check(doc["grades"][0]["incidents"]["mean"] > 0,
                    name + ": emergencies are created")
    t.finish()


main()
