"""The reports of compare, sweep and optimise (and optimise --units)
without a browser: each result's JSON names its schema and provenance,
each chart's data equals the figures of the result, a page built twice
(and by --report) is the same bytes, names from the scenario stay text,
and a bad result is refused with a clear message and exit 2."""
import json
import os
import subprocess
import tempfile

from clitest import Ctx, fixture
from report_support import Page
from report_kinds_support import expected_rows, read_result, sweep_cheapest

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-kinds-")
SMALL = ("--replications", "3", "--days", "2")
# Deferrable work's verdicts, asked of a stream whose goal is far off or
# near: enough replications that "missed" and "met" are not the luck of
# two days (the scenario's own 4 of 7 days).
DEFER_RUN = ("--replications", "4", "--days", "7")


def call(*args):
    p = subprocess.run([ctx.callsim] + [str(a) for a in args],
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def make(name, args):
    """The command with --report NAME.html, its stdout saved as NAME.json."""
    page = os.path.join(tmp, name + ".html")
    rc, out, err = call(*args, "--report", page)
    ctx.check(rc in (0, 3), "%s --report: exit %d: %s" % (name, rc, err))
    return write(name + ".json", out), page


def check(json_path, page_path, schema):
    """Provenance, every chart's rows, and the same bytes rebuilt."""
    result = read_result(json_path)
    head = result["header"] if schema == "callsim.sweep" else result
    ctx.check(result["schema"] == schema and head["schema_version"] == 1
              and head["callsim_version"], "%s: schema and version: %s"
              % (json_path, result["schema"]))
    if schema != "callsim.sweep":
        ctx.check(result["command"][:2] == ["callsim", schema.split(".")[1]
                                            .split("_")[0]]
                  and "--report" in result["command"],
                  "%s: the command: %s" % (json_path, result["command"]))
    page = Page(read(page_path))
    want = expected_rows(result)
    ctx.check(sorted(page.specs) == sorted(want), "%s: charts %s, wanted %s"
              % (page_path, sorted(page.specs), sorted(want)))
    for chart, rows in want.items():
        got = page.specs.get(chart, {}).get("data", {}).get("values")
        if got is not None and chart in ("chart-cmp-sides", "chart-cmp-diff"):
            got = [{k: v for k, v in r.items() if k != "agreement"}
                   for r in got]
        ctx.check(got == rows, "%s: %s: data differ from the result:\n"
                  "got  %s\nwant %s" % (page_path, chart,
                                        json.dumps(got)[:400],
                                        json.dumps(rows)[:400]))
    a, b = os.path.join(tmp, "a.html"), os.path.join(tmp, "b.html")
    for out in (a, b):
        rc, _, err = call("report", json_path, "--out", out)
        ctx.check(rc == 0, "report %s: exit %d: %s" % (json_path, rc, err))
    ctx.check(read(a) == read(b), "%s: two reports differ" % json_path)
    ctx.check(read(a) == read(page_path),
              "%s: --report and report of the saved result differ" % json_path)
    return result, page


# A comparison: one file, B with fewer handlers by day.
cmp_json, cmp_page = make("compare", ["compare", fixture("exp_units.yaml"),
                                      "--set-b",
                                      "pools.handlers.shifts.all.staff=3",
                                      "--format", "json", *SMALL])
result, page = check(cmp_json, cmp_page, "callsim.compare")
for hour in result["intervals"]:
    for line in hour["lines"]:
        a = line["service_level"]["a"]["mean"]
        b = line["service_level"]["b"]["mean"]
        d = line["diff_of_means"]
        ctx.check((d is None) == (a is None or b is None) and
                  (d is None or abs(d - (b - a)) < 1e-9),
                  "hour %d: diff_of_means %s is not B - A (%s, %s)"
                  % (hour["hour"], d, a, b))
ctx.check(len(result["intervals"]) == 168 and all(
    len(page.specs["chart-cmp-heatmap-%d" % l]["data"]["values"]) == 168
    for l in range(len(result["lines"]))), "168 hours a line")
ctx.check(result["a"]["content_fnv1a"] == result["b"]["content_fnv1a"],
          "one file, one fingerprint")
text = "".join(page.text)
ctx.check("worse in B" in text, "the handlers cut shows as worse in B")

# A comparison with deferrable work: each stream is an agreement of the
# page, B's live chat asked to be taken within 36 s and missing.
dfr_json, dfr_page = make("cmp-deferrable", [
    "compare", fixture("deferrable.yaml"), "--set-b",
    "deferrable.live-chat.answer.within_h=0.01", "--format", "json",
    *DEFER_RUN])
result, page = check(dfr_json, dfr_page, "callsim.compare")
ctx.check([d["name"] for d in result.get("deferrable", [])]
          == ["live-chat", "online-reports"], "the result's streams")
sides = page.specs.get("chart-cmp-sides", {}).get("data", {}).get("values",
                                                                   [])
ctx.check([(r["agreement"], r["side"], r["verdict"]) for r in sides
           if r["name"] == "live-chat"]
          == [("live-chat items taken within 4 h", "A", "met"),
              ("live-chat items taken within 4 h", "B", "missed")],
          "the stream's rows of the sides chart: %s" % sides)
text = "".join(page.text)
ctx.check("online-reports items taken within 24 h" in text
          and "worse in B" in text, "the streams in the page's table")

# A sweep: a point meets every goal, the cheaper ones do not.
swp_json, swp_page = make("sweep", [
    "sweep", fixture("exp_sweep.yaml"), "--vary",
    "pools.handlers.shifts.day.staff=8:20:4", "--vary",
    "pools.handlers.shifts.night.staff=4,8", "--format", "jsonl", *SMALL])
result, page = check(swp_json, swp_page, "callsim.sweep")
best = sweep_cheapest(result)
ctx.check(best is not None and "The cheapest point meeting every goal is "
          "point %d" % best in "".join(page.text),
          "the cheapest point is said in words: %s" % best)
rc, _, err = call("sweep", fixture("exp_sweep.yaml"), "--vary",
                  "pools.handlers.shifts.day.staff=8,9", "--report",
                  os.path.join(tmp, "csv.html"))
ctx.check(rc == 2 and "--report needs --format jsonl" in err,
          "sweep --report without jsonl: %d %s" % (rc, err))
out = os.path.join(tmp, "swp-out.jsonl")
rc, _, err = call("sweep", fixture("exp_sweep.yaml"), "--vary",
                  "pools.handlers.shifts.day.staff=8:20:4", "--vary",
                  "pools.handlers.shifts.night.staff=4,8", "--format",
                  "jsonl", *SMALL, "--out", out, "--report",
                  os.path.join(tmp, "swp-out.html"), "--quiet")
ctx.check(rc == 0 and read(out) == read(swp_json) and
          read(os.path.join(tmp, "swp-out.html")) == read(swp_page),
          "sweep --out FILE --report: the same page: %d %s" % (rc, err))

# A one-day horizon reads "1 day counted", as on the other pages.
rc, _, err = call("sweep", fixture("exp_sweep.yaml"), "--vary",
                  "pools.handlers.shifts.day.staff=8,9", "--format", "jsonl",
                  "--replications", "2", "--days", "1", "--quiet", "--report",
                  os.path.join(tmp, "swp-day.html"))
ctx.check(rc == 0 and "<dd>1 day counted, after a 12 h warm-up</dd>" in
          read(os.path.join(tmp, "swp-day.html")),
          "sweep --days 1 page: the horizon: %d %s" % (rc, err))

# A sweep with deferrable work: each stream is an agreement of the page.
# Live chat to be taken within 36 s: 4 handlers keep the calls' goal
# and miss live chat's, 5 are uncertain of it, 6 meet every goal; the
# cheapest point meeting every goal is the dearest, point 2.
dswp_json, dswp_page = make("sweep-deferrable", [
    "sweep", fixture("deferrable.yaml"), "--vary",
    "pools.handlers.shifts.day.staff=4:6:1", "--set",
    "deferrable.live-chat.answer.within_h=0.01", "--set",
    "pools.handlers.cost_per_fte=30000", "--format", "jsonl", "--quiet",
    *DEFER_RUN])
result, page = check(dswp_json, dswp_page, "callsim.sweep")
pts = result["points"]
ctx.check([(p["lines"][0]["verdict"], p["deferrable"][0]["verdict"])
           for p in pts] == [("met", "missed"), ("met", "uncertain"),
                             ("met", "met")],
          "sweep-deferrable: the verdicts: %s"
          % [(p["lines"][0]["verdict"], p["deferrable"][0]["verdict"])
             for p in pts])
ctx.check("chart-sweep-deferrable-0" in page.specs
          and "The cheapest point meeting every goal is point 2"
          in "".join(page.text), "sweep-deferrable: the stream's chart, "
          "and the cheapest point meeting every goal")

# The handlers' optimisation: the scenario's own roster beside the plan.
opt_json, opt_page = make("optimise", ["optimise", fixture("small.yaml"),
                                       "--format", "json", "--quiet"])
result, page = check(opt_json, opt_page, "callsim.optimise")
# The page counts the simulations ("1 simulation", not "1 simulations")
# and names the one that is the result.
n = result["simulations"]
ctx.check("of each of %d simulation%s</dd>" % (n, "" if n == 1 else "s")
          in read(opt_page) and "<dt>result</dt><dd>simulation %d of the "
          "search</dd>" % result["result_simulation"] in read(opt_page),
          "optimise page: simulations and result")
# small.yaml: emergency day 07:00-19:00 10 staff, night 8, shrinkage 0.25
# (on duty 7.5 -> 8 and 6, half up); non-emergency weekdays 08:00-18:00 8,
# nights 18:00-08:00 5, shrinkage 0.3 (5.6 -> 6 and 3.5 -> 4).
cur = {(h["label"], p["name"]): p["current_on_duty"]
       for h in result["intervals"] for p in h["pools"]}
for label, pool, want in (("Mon 10:00", "emergency", 8),
                          ("Mon 03:00", "emergency", 6),
                          ("Mon 10:00", "non-emergency", 6),
                          ("Mon 03:00", "non-emergency", 4)):
    ctx.check(cur.get((label, pool)) == want, "current on duty of %s at %s:"
              " %s, wanted %d" % (pool, label, cur.get((label, pool)), want))

# The units' optimisation.
units_json, units_page = make("units", ["optimise", "--units",
                                        fixture("exp_units.yaml"), "--format",
                                        "json", "--quiet"])
result, page = check(units_json, units_page, "callsim.optimise_units")
ctx.check("<dt>result</dt><dd>simulation %d of the search</dd>"
          % result["result_simulation"] in read(units_page)
          and result["result_simulation"] < result["simulations"],
          "units page: the result is simulation %s of %s"
          % (result["result_simulation"], result["simulations"]))

# Names holding markup, script and quotes stay text in every kind.
markup = fixture("report_markup.yaml")
for name, args in (
        ("m-compare", ["compare", markup, "--set-b",
                       "run.replications=3", "--format", "json"]),
        ("m-sweep", ["sweep", markup, "--vary",
                     "pools.<b onmouseover alert(1)>handlers</b>.shifts.all."
                     "staff=5,6", "--format", "jsonl", "--quiet"]),
        ("m-units", ["optimise", "--units", markup, "--format", "json",
                     "--quiet", "--max-simulations", "20"])):
    js, pg = make(name, args)
    if not os.path.exists(pg):
        continue
    page = Page(read(pg))
    raw = read(pg)
    ctx.check(not any(t in ("img", "b", "svg", "iframe") or
                      any(k.startswith("on") for k in a)
                      for t, a in page.tags),
              "%s: the scenario's markup became elements" % name)
    ctx.check(len([t for t, _ in page.tags if t == "script"])
              == 4 + len(page.specs), "%s: only the page's scripts" % name)
    for block in raw.split('data-chart="')[1:]:
        body = block.split(">", 1)[1].split("</script>", 1)[0]
        ctx.check(not any(c in body for c in "<>&\u2028\u2029"),
                  "%s: a spec is safe inside <script>" % name)

# Bad results: a clear message naming the file and key, exit 2.
good = {k: read_result(p) for k, p in (("cmp", cmp_json), ("opt", opt_json),
                                       ("units", units_json))}
bad = {}
broken = json.loads(json.dumps(good["cmp"]))
broken["schema_version"] = 9
bad["cmp-version.json"] = (json.dumps(broken), "schema_version: 9 is not")
broken = json.loads(json.dumps(good["cmp"]))
broken["intervals"] = broken["intervals"][:100]
bad["cmp-hours.json"] = (json.dumps(broken), "intervals: must be an array "
                         "of 168 hours")
broken = json.loads(json.dumps(good["cmp"]))
broken["lines"][0]["service_level"]["diff"]["ci_low"] = "low"
bad["cmp-figure.json"] = (json.dumps(broken),
                          "lines[0].service_level.diff.ci_low")
broken = json.loads(json.dumps(good["cmp"]))
broken["intervals"][5]["lines"][0]["diff_of_means"] = []
bad["cmp-diff.json"] = (json.dumps(broken),
                        "intervals[5].lines[0].diff_of_means: wrong type")
broken = json.loads(json.dumps(good["opt"]))
broken["intervals"][7]["hour"] = 8
bad["opt-hour.json"] = (json.dumps(broken), "intervals[7].hour: must be 7")
broken = json.loads(json.dumps(good["opt"]))
del broken["intervals"][3]["pools"][0]["current_on_duty"]
broken["intervals"][3]["pools"][0]["on_duty"] = None
bad["opt-pool.json"] = (json.dumps(broken),
                        "intervals[3].pools[0].on_duty: wrong type")
broken = json.loads(json.dumps(good["opt"]))
del broken["intervals"][9]["pools"][1]
bad["opt-pools.json"] = (json.dumps(broken),
                         "intervals[9].pools: must list 2 pools")
broken = json.loads(json.dumps(good["opt"]))
broken["met"] = "yes"
bad["opt-met.json"] = (json.dumps(broken), "met: wrong type, must be true")
broken = json.loads(json.dumps(good["units"]))
broken["units"][1]["shifts"][0]["scenario_units"] = "3"
bad["units-shift.json"] = (json.dumps(broken),
                           "units[1].shifts[0].scenario_units")
broken = json.loads(json.dumps(good["units"]))
broken["schema"] = "callsim.optimise_hours"
bad["units-schema.json"] = (json.dumps(broken), "is not a result callsim "
                            "can report on")
# A comparison's and a sweep point's streams of deferrable work are
# checked as their lines are.
broken = read_result(dfr_json)
broken["deferrable"][0]["target_h_b"] = "3 minutes"
bad["cmp-stream.json"] = (json.dumps(broken),
                          "deferrable[0].target_h_b: wrong type")
dlines = read(dswp_json).splitlines()
point = json.loads(dlines[2])
point["deferrable"][0]["verdict"] = "fine"
bad["swp-stream.jsonl"] = ("\n".join(dlines[:2] + [json.dumps(point)])
                           + "\n", "points[1].deferrable[0].verdict")
point = json.loads(dlines[2])
del point["deferrable"][1]
bad["swp-streams.jsonl"] = ("\n".join(dlines[:2] + [json.dumps(point)])
                            + "\n", "points[1].deferrable: must list 2")
lines = read(swp_json).splitlines()
bad["swp-syntax.jsonl"] = ("\n".join(lines[:2] + [lines[2][:-5]]) + "\n",
                           "swp-syntax.jsonl:3:")
point = json.loads(lines[2])
point["point"] = 7
bad["swp-point.jsonl"] = ("\n".join(lines[:2] + [json.dumps(point)]) + "\n",
                          "points[1].point: must be 1")
bad["swp-dup.jsonl"] = (lines[0] + "\n" + lines[1][:-1] + ',"point":0}\n',
                        "duplicate")
bad["swp-empty.jsonl"] = (lines[0] + "\n\n" + lines[1] + "\n",
                          "swp-empty.jsonl:2:1: an empty line")
header = json.loads(lines[0])
header["points"] = 1
bad["swp-many.jsonl"] = ("\n".join([json.dumps(header)] + lines[1:3]) + "\n",
                         "more points than its header's 1")
for name, (text, words) in bad.items():
    path = write(name, text)
    rc, out, err = call("report", path, "--out", os.path.join(tmp, "x.html"))
    ctx.check(rc == 2 and path in err and words in err and out == "",
              "report %s: exit %d, wanted 2 and '%s':\n%s" % (name, rc, words,
                                                              err))
ctx.check(not os.path.exists(os.path.join(tmp, "x.html")),
          "no page is left from a refused result")
rc, out, err = call("sweep", fixture("exp_sweep.yaml"), "--vary",
                    "pools.handlers.shifts.day.staff=8,9", *SMALL, "--quiet")
csv_path = write("swp.csv", out)
rc, out, err = call("report", csv_path)
ctx.check(rc == 2 and csv_path + ":1:1: a sweep saved as CSV" in err
          and "--format jsonl" in err, "a sweep's CSV: %d %s" % (rc, err))
rc, out, err = call("report", write("none.jsonl", lines[0] + "\n"))
ctx.check(rc == 0 and "0 of 8" in out and "no finished point" in out,
          "a sweep with no point yet: %d %s" % (rc, err))
# A sweep cut short (its last line partial, as a kill leaves it) holds
# fewer points than its header; the whole ones are reported.
rc, out, err = call("report", write("cut.jsonl", "\n".join(lines[:3]) + "\n"))
ctx.check(rc == 0 and "3 of 8" not in out and "2 of 8" in out,
          "a sweep of 2 of 8 points: %d %s" % (rc, err))

ctx.finish()
