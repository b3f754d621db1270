"""callsim compare: a scenario against itself differs by exactly zero, areas,
the force and deferrable work included; one more server gives a
service-level gain whose paired interval excludes 0; the funding gap shows
in every area; --require-slas fails on B's missed line or grade, and on a
missed deferrable stream, which every format shows; the output does not
depend on the thread count; bad input exits 2."""
import json

from clitest import Ctx, ci_ordered, fixture

MMC = ("scenarios", "validation", "mmc-erlang-c.yaml")
DEFER = "deferrable.yaml"
WM = ("scenarios", "west-midlands-2024.yaml")
GAP = ("scenarios", "west-midlands-shortfall.yaml")
SHORT = ["--replications", "4", "--days", "1", "--warmup-hours", "6"]


def figures(doc):
    """(what, figure) for every figure of a compare JSON document."""
    items = [("line", i) for i in doc["lines"]] + [("grade", i) for i in doc["grades"]]
    items += [("deferrable", i) for i in doc.get("deferrable", [])]
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
    for item in (doc["lines"] + doc["grades"] + doc.get("deferrable", [])
                 + doc["areas"]):
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


def check_deferrable(t):
    """Each stream of deferrable work is an agreement of the comparison in
    every format: A, B, the paired B - A with its interval, and each
    side's verdict. B asks live chat to be taken within 36 s, not 4
    hours: the same simulation, so the line is the same and only the
    stream's share within target falls and misses its goal, which is
    what --require-slas exits 3 on."""
    sc = fixture(DEFER)
    b = ["--set-b", "deferrable.live-chat.answer.within_h=0.01", "--quiet"]
    doc = compare_json(t, [sc, "--require-slas"] + b, 3)
    if not doc:
        return
    d = doc.get("deferrable", [])
    t.check([s["name"] for s in d] == ["live-chat", "online-reports"]
            and all(s["in"] == "both" for s in d), "JSON streams: %s" % d)
    if len(d) != 2:
        return
    chat, reports = d
    t.check(chat["verdict_a"] == "met" and chat["verdict_b"] == "missed",
            "live chat verdicts: %s %s" % (chat["verdict_a"], chat["verdict_b"]))
    t.check(chat["target_h_a"] == 4 and chat["target_h_b"] == 0.01
            and chat["goal_a"] == chat["goal_b"] == 0.9,
            "live chat target and goal: %s" % chat)
    t.check(reports["verdict_a"] is None and reports["goal_b"] is None
            and reports["target_h_b"] == 24, "no goal: %s" % reports)
    wt = chat["within_target"]
    t.check(wt["diff"]["ci_high"] < 0 and wt["b"]["mean"] < wt["a"]["mean"],
            "live chat within target falls: %s" % wt)
    t.check(set(k for k, v in chat.items() if isinstance(v, dict))
            == {"within_target", "open_at_end", "delay_mean_h"},
            "the stream's figures: %s" % sorted(chat))
    # The calls are not touched: their difference is exactly 0.
    t.check(doc["lines"][0]["service_level"]["diff"]
            == {"mean": 0, "ci_low": 0, "ci_high": 0}
            and doc["lines"][0]["verdict_b"] == "met", "the line is the same")
    # The table: the stream's rows in the agreements, with the verdicts.
    table, _ = t.expect_rc(["compare", sc, "--require-slas"] + b, 3)
    agreements = table.split("\nagreements ")[1].split("\n\n")[0]
    for words in ("within target", "open at end", "delay mean"):
        t.check("\n  deferrable live-chat %s " % words in agreements,
                "table row %r:\n%s" % (words, agreements))
    row = [l for l in agreements.splitlines()
           if l.startswith("  deferrable live-chat within target ")]
    want = "%+.1f pp  [%.1f, %.1f]" % tuple(100 * wt["diff"][k] for k in (
        "mean", "ci_low", "ci_high"))
    t.check(len(row) == 1 and want in row[0],
            "table: B-A and its interval %r: %s" % (want, row))
    t.check(any(l.split() == ["deferrable", "live-chat", "verdict", "met",
                              "missed"] for l in agreements.splitlines()),
            "table: live chat verdicts:\n" + agreements)
    t.check(any(l.split() == ["deferrable", "online-reports", "verdict",
                              "none", "none"]
                for l in agreements.splitlines()),
            "table: no goal reads none:\n" + agreements)
    # CSV: a deferrable section, the verdicts on the agreement's row, the
    # same numbers as the JSON.
    out, _ = t.expect_rc(["compare", sc, "--format", "csv"] + b, 0)
    rows = [r.split(",") for r in out.splitlines()
            if r.startswith("deferrable,")]
    t.check([r[1:3] for r in rows] == [
        [n, m] for n in ("live-chat", "online-reports")
        for m in ("within_target", "open_at_end", "delay_mean_h")],
        "CSV rows: %s" % rows)
    if rows:
        t.check(rows[0][3] == "both" and rows[0][-2:] == ["met", "missed"]
                and rows[1][-2:] == ["", ""], "CSV verdicts: %s" % rows[:2])
        t.check(abs(float(rows[0][10]) - wt["diff"]["mean"]) < 1e-9
                and abs(float(rows[0][11]) - wt["diff"]["ci_low"]) < 1e-9,
                "CSV and JSON B-A: %s %s" % (rows[0], wt["diff"]))
    # A stream on one side only is announced, with nothing on the other.
    doc = compare_json(t, [sc, fixture("small.yaml"), "--seed", "3",
                           "--replications", "3", "--days", "1", "--quiet"])
    if doc:
        t.check([(s["name"], s["in"], s["verdict_b"],
                  s["within_target"]["b"]["mean"])
                 for s in doc.get("deferrable", [])]
                == [("live-chat", "a", None, None),
                    ("online-reports", "a", None, None)],
                "streams only in A: %s" % doc.get("deferrable"))
    out, _ = t.expect_rc(["compare", sc, fixture("small.yaml"), "--seed", "3",
                          "--replications", "3", "--days", "1", "--quiet"], 0)
    t.check("  deferrable live-chat: only in A\n" in out,
            "table: a stream only in A:\n" + out)


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
        t.check("deferrable" not in doc, "no deferrable work: no such list")
    doc = check_identical(t, fixture(DEFER), ["--quiet"])
    if doc:
        t.check(len(doc.get("deferrable", [])) == 2,
                "deferrable work compared with itself: %s"
                % doc.get("deferrable"))
    doc = check_identical(t, t.path(*WM), SHORT)
    if doc:
        t.check(len(doc["grades"]) == 3 and len(doc["costs"]["roles"]) == 3,
                "bundled: grades and roles compared")
        t.check(len(doc["areas"]) == 7 and doc["force"] is not None,
                "bundled: areas and the force compared")
    check_more_staff(t)
    check_require_slas(t)
    check_deferrable(t)
    check_threads(t)
    check_bad_input(t)
    check_unmatched(t)
    t.finish()


main()
