"""callsim run --format json on the validation scenarios, the bundled
baseline and the test force: the output parses, has the documented keys, and
every interval is ordered (ci_low <= mean <= ci_high)."""
import glob
import json

from clitest import Ctx, ci_ordered, fixture

LINE_FIGURES = ["offered", "answered", "abandoned", "abandoned_5s", "repeats",
                "service_level", "abandon_rate", "asa_s", "wait_p50_s",
                "wait_p90_s", "wait_p95_s", "wait_p99_s"]
TOP = ["scenario", "seed", "replications", "days", "warmup_hours", "lines",
       "pools", "costs"]


def check_report(t, doc, what, intervals):
    keys = TOP + (["intervals"] if intervals else [])
    t.check(list(doc) == keys, "%s: top-level keys %s" % (what, list(doc)))
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
            what + ": total cost is the sum of the pools")
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
    # Options become overrides: they show in the settings reported.
    doc = run_json(t, fixture("small.yaml"), "--replications", "3", "--seed",
                   "18446744073709551615", "--days", "1.5", "--warmup-hours", "2")
    if doc:
        t.check(doc["replications"] == 3 and doc["seed"] == 18446744073709551615
                and doc["days"] == 1.5 and doc["warmup_hours"] == 2,
                "settings from options: %s" % [doc[k] for k in TOP[1:5]])
    for path in sorted(glob.glob(t.path("scenarios", "validation", "*.yaml"))):
        run_json(t, path, "--replications", "3", "--days", "2")
    t.check(len(glob.glob(t.path("scenarios", "west-midlands-2024.yaml"))) == 1,
            "the bundled scenario exists")
    run_json(t, t.path("scenarios", "west-midlands-2024.yaml"),
             "--replications", "3", "--days", "1", "--warmup-hours", "6")
    t.finish()


main()
