"""callsim compare: a scenario against itself differs by exactly zero, areas
and the force included; one more server gives a service-level gain whose
paired interval excludes 0; the funding gap shows in every area;
--require-slas fails on B's missed line or grade; the output does not
depend on the thread count; bad input exits 2."""
import json

from clitest import Ctx, ci_ordered, fixture

MMC = ("scenarios", "validation", "mmc-erlang-c.yaml")
WM = ("scenarios", "west-midlands-2024.yaml")
GAP = ("scenarios", "west-midlands-shortfall.yaml")
SHORT = ["--replications", "4", "--days", "1", "--warmup-hours", "6"]


def figures(doc):
    """(what, figure) for every figure of a compare JSON document."""
    items = [("line", i) for i in doc["lines"]] + [("grade", i) for i in doc["grades"]]
    items += [("area", i) for i in doc["areas"]]
    if doc["force"] is not None:
        items.append(("force", dict(doc["force"], name="force")))
    items += [("pool", i) for i in doc["costs"]["pools"]]
    items += [("role", i) for i in doc["costs"]["roles"]]
    items.append(("total", dict(doc["costs"]["total"], name="total")))
    for kind, item in items:
        for k, v in item.items():
            if isinstance(v, dict):
                yield "%s %s %s" % (kind, item["name"], k), v


def compare_json(t, args, rc=0):
    out, _ = t.expect_rc(["compare"] + args + ["--format", "json"], rc)
    try:
        return json.loads(out)
    except ValueError as e:
        t.check(False, "compare JSON does not parse: %s" % e)
        return None


def check_identical(t, path, extra):
    doc = compare_json(t, [path] + extra)
    if not doc:
        return
    t.check(doc["a"] == doc["b"], path + ": sides differ in settings")
    n = 0
    for what, fig in figures(doc):
        t.check(fig["a"] == fig["b"], "%s: %s: A and B differ" % (path, what))
        t.check(all(ci_ordered(fig[s]) for s in ("a", "b", "diff")),
                "%s: %s: interval out of order" % (path, what))
        if fig["a"]["mean"] is None:
            t.check(fig["diff"]["mean"] is None, what + ": diff of nothing")
            continue
        n += 1
        t.check(fig["diff"] == {"mean": 0, "ci_low": 0, "ci_high": 0},
                "%s: %s: difference %s, not exactly 0" % (path, what, fig["diff"]))
    t.check(n > 0, path + ": nothing compared")
    for item in doc["lines"] + doc["grades"] + doc["areas"]:
        t.check(item["in"] == "both" and item["verdict_a"] == item["verdict_b"],
                "%s: %s: sides or verdicts differ" % (path, item["name"]))
    return doc


def check_gap_by_area(t, doc):
    """The funding gap leaves every area's response units busier, every
    area attending fewer emergencies in time, and more neighbourhood
    officers abstracted force-wide; only lines and grades fail the run."""
    names = [a["name"] for a in doc["areas"]]
    t.check(len(names) == 7 and names[0] == "Birmingham"
            and all(a["in"] == "both" for a in doc["areas"]),
            "funding gap: areas compared %s" % names)
    for area in doc["areas"]:
        t.check(area["utilisation"]["diff"]["ci_low"] > 0,
                "%s: utilisation does not rise %s" % (area["name"], area["utilisation"]))
        t.check(area["emergency_attended_within_target"]["diff"]["mean"] < 0,
                "%s: emergencies in time do not fall" % area["name"])
        t.check(area["verdict_b"] in ("met", "missed", "uncertain"),
                "%s: no area verdict" % area["name"])
    force = doc["force"]
    t.check(force["in"] == "both" and force["abstractions"]["diff"]["mean"] > 0,
            "funding gap: force-wide abstractions do not rise %s" % force)
    hours = sum(a["abstraction_hours"]["diff"]["mean"] for a in doc["areas"])
    t.check(abs(force["abstraction_hours"]["diff"]["mean"] - hours) < 1e-6,
            "force abstraction hours are not the sum of the areas'")


def check_more_staff(t):
    """One more server on M/M/6 at 5 Erlangs: 47% -> about 74% within
    20 s; the paired interval of the gain lies above 0."""
    doc = compare_json(t, [t.path(*MMC), "--set-b",
                           "pools.servers.shifts.always.staff=7",
                           "--replications", "5", "--days", "2"])
    if not doc:
        return
    sl = doc["lines"][0]["service_level"]
    t.check(sl["diff"]["ci_low"] > 0, "more staff: service level gain %s" % sl["diff"])
    t.check(abs(sl["diff"]["mean"] - (sl["b"]["mean"] - sl["a"]["mean"])) < 1e-9,
            "more staff: mean of differences is the difference of means")
    asa = doc["lines"][0]["asa_s"]["diff"]
    t.check(asa["ci_high"] < 0, "more staff: ASA falls %s" % asa)
    fte = doc["costs"]["pools"][0]["fte"]
    t.check(fte["diff"]["mean"] == fte["diff"]["ci_low"] == fte["diff"]["ci_high"] > 0,
            "more staff: FTE difference exact and positive %s" % fte["diff"])
    # The paired interval is narrower than either side's.
    width = sl["diff"]["ci_high"] - sl["diff"]["ci_low"]
    t.check(width < sl["a"]["ci_high"] - sl["a"]["ci_low"],
            "paired interval not narrower than A's")


def check_require_slas(t):
    wm, gap = t.path(*WM), t.path(*GAP)
    doc = compare_json(t, [wm, gap, "--require-slas"] + SHORT, 3)
    if doc:
        t.check(all(l["verdict_b"] != "missed" for l in doc["lines"]),
                "the funding gap misses no line")
        emergency = doc["grades"][0]
        t.check(emergency["verdict_a"] != "missed"
                and emergency["verdict_b"] == "missed",
                "the funding gap misses its emergency goal: %s" % emergency)
        t.check(emergency["attended_within_target"]["diff"]["ci_high"] < 0,
                "the funding gap attends fewer emergencies in time")
        role = doc["costs"]["roles"][0]
        t.check(role["name"] == "response" and role["annual_cost"]["diff"]["mean"] < 0,
                "the funding gap costs less in response officers")
        check_gap_by_area(t, doc)
    # Swapped, B is the baseline, which misses nothing.
    t.expect_rc(["compare", gap, wm, "--require-slas"] + SHORT, 0)
    # Only B counts: an understaffed A does not fail.
    small = fixture("small.yaml")
    under = ["pools.emergency.shifts.day.staff=1", "pools.emergency.shifts.night.staff=1"]
    t.expect_rc(["compare", small, "--require-slas", "--set-a", under[0],
                 "--set-a", under[1]], 0)
    t.expect_rc(["compare", small, "--require-slas", "--set-b", under[0],
                 "--set-b", under[1]], 3)
    t.expect_rc(["compare", small, "--set-b", under[0], "--set-b", under[1]], 0)


def check_threads(t):
    for fmt in ("table", "csv", "json"):
        outs = [t.expect_rc(["compare", t.path(*WM), fixture("small.yaml"),
                             "--format", fmt, "--seed", "11", "--threads", n]
                            + SHORT, 0)[0] for n in ("1", "2")]
        t.check(outs[0] == outs[1] and outs[0] != "",
                fmt + ": compare output differs between --threads 1 and 2")


def check_bad_input(t):
    small, mmc = fixture("small.yaml"), t.path(*MMC)
    _, err = t.expect_rc(["compare", small, mmc], 2)
    t.check("differ in run.seed" in err, "different seeds: " + err)
    _, err = t.expect_rc(["compare", small, mmc, "--seed", "3"], 2)
    t.check("differ in run.replications" in err, "different replications: " + err)
    _, err = t.expect_rc(["compare", small, "--set-b", "currency=EUR"], 2)
    t.check("A and B differ in currency (GBP and EUR); give --set-b "
            "currency=GBP" in err, "different currencies: " + err)
    t.expect_rc(["compare"], 2)
    t.expect_rc(["compare", small, small, small], 2)
    t.expect_rc(["compare", small, "--set-b", "nokey"], 2)
    _, err = t.expect_rc(["compare", small, "--set-b", "pools.emergency.shrinkage=2"], 2)
    t.check("shrinkage" in err, "bad --set-b not reported: " + err)
    t.expect_rc(["compare", small, "--format", "xml"], 2)
    t.expect_rc(["compare", small, "--threads", "-1"], 2)
    out, _ = t.expect_rc(["compare", "--help"], 0)
    t.check(out.startswith("usage: callsim compare A.yaml [B.yaml]"), "help")


def check_unmatched(t):
    """Lines in one side only are listed as such."""
    out, _ = t.expect_rc(["compare", fixture("small.yaml"), t.path(*MMC),
                          "--seed", "3", "--replications", "3", "--days", "1"], 0)
    t.check("  line 999: only in A\n" in out and "  line calls: only in B\n" in out,
            "table does not list the unmatched lines:\n" + out)


def main():
    t = Ctx()
    doc = check_identical(t, fixture("small.yaml"), [])
    if doc:
        t.check(doc["areas"] == [] and doc["force"] is None,
                "calls only: areas %s, force %s" % (doc["areas"], doc["force"]))
    doc = check_identical(t, t.path(*WM), SHORT)
    if doc:
        t.check(len(doc["grades"]) == 3 and len(doc["costs"]["roles"]) == 3,
                "bundled: grades and roles compared")
        t.check(len(doc["areas"]) == 7 and doc["force"] is not None,
                "bundled: areas and the force compared")
    check_more_staff(t)
    check_require_slas(t)
    check_threads(t)
    check_bad_input(t)
    check_unmatched(t)
    t.finish()


main()
