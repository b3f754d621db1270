"""`callsim report` and `run --report` without a browser: each chart's data
equals the figures of the JSON result, the same result gives the same
bytes, names from the scenario stay text, and bad input is refused with a
clear message and exit 2."""
import json
import os
import subprocess
import tempfile

from clitest import Ctx, fixture
from report_support import Page, expected_rows

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-report-")


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


def run_with_report(scenario, name):
    """run --report NAME.html --format json; the JSON saved as NAME.json."""
    page = os.path.join(tmp, name + ".html")
    rc, out, err = call("run", scenario, "--report", page, "--format", "json")
    ctx.check(rc == 0, "run --report %s: exit %d: %s" % (scenario, rc, err))
    return write(name + ".json", out), page


def check_specs(json_path, page_path):
    """Every chart's rows are the result's figures, exactly."""
    result = json.loads(read(json_path))
    page = Page(read(page_path))
    want = expected_rows(result)
    ctx.check(sorted(page.specs) == sorted(want), "%s: charts %s, wanted %s"
              % (page_path, sorted(page.specs), sorted(want)))
    for chart, rows in want.items():
        got = page.specs.get(chart, {}).get("data", {}).get("values")
        if chart == "chart-verdicts" and got is not None:
            got = [{k: v for k, v in r.items() if k != "agreement"}
                   for r in got]
        ctx.check(got == rows, "%s: %s: data differ from the result:\n"
                  "got  %s\nwant %s" % (page_path, chart,
                                        json.dumps(got)[:400],
                                        json.dumps(rows)[:400]))
    heat = [c for c in want if c.startswith("chart-heatmap-")]
    for c in heat:
        ctx.check(len(want[c]) == 168, "%s: %d hours" % (c, len(want[c])))
    return result, page


def check_rebuild(json_path, page_path):
    """report RESULT.json twice, and run --report, give the same bytes."""
    a, b = os.path.join(tmp, "a.html"), os.path.join(tmp, "b.html")
    for out in (a, b):
        rc, _, err = call("report", json_path, "--out", out)
        ctx.check(rc == 0, "report %s: exit %d: %s" % (json_path, rc, err))
    ctx.check(read(a) == read(b), "two reports of one result differ")
    ctx.check(read(a) == read(page_path),
              "run --report and report of its JSON differ")
    rc, out, _ = call("report", json_path)
    ctx.check(rc == 0 and out == read(a), "report to stdout differs")


units_json, units_page = run_with_report(fixture("exp_units.yaml"), "units")
result, page = check_specs(units_json, units_page)
check_rebuild(units_json, units_page)
ctx.check(result["schema"] == "callsim.run" and result["schema_version"] == 1,
          "the JSON names its schema and version")
ctx.check(result["command"][:2] == ["callsim", "run"]
          and "--report" in result["command"], "the JSON holds the command")
policy = [a.get("content") for t, a in page.tags
          if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
ctx.check(len(policy) == 1 and policy[0].startswith("default-src 'none'; ")
          and "'unsafe-eval'" not in policy[0]
          and "'unsafe-inline'" not in policy[0].split("style-src")[0],
          "the page forbids the network and runs only its own scripts: %s"
          % policy)
ctx.check("University of Washington Interactive Data Lab" in "".join(page.text)
          and "Mike Bostock" in "".join(page.text),
          "the licences of Vega and d3 travel with the page")

# An agreement judged day by day: its verdict row is the share of days met
# against on_at_least, in the chart's data and in the table.
days_json, days_page = run_with_report(fixture("agreement_days.yaml"), "days")
days, page = check_specs(days_json, days_page)
met = days["lines"][0]["periods_met"]
ctx.check(any("days on which 87% were" in t for t in page.text)
          and any(t.strip() == "%.1f%%" % (100 * met["share"])
                  for t in page.text),
          "the verdicts' table shows the share of days met (%.1f%%)"
          % (100 * met["share"]))

# A stream of deferrable work with a goal is an agreement like a line's:
# its share taken within target is in the verdicts' chart and table.
# Regression: the page left it out, so a missed stream (--require-slas
# exits 3 on it) did not appear among the agreements at a glance.
defer_json, defer_page = run_with_report(fixture("deferrable.yaml"), "defer")
defer, page = check_specs(defer_json, defer_page)
stream = [d for d in defer["deferrable"] if d["verdict"] is not None][0]
ctx.check(any("%s items taken within %g h" % (stream["name"],
                                               stream["target_h"]) in t
              for t in page.text)
          and any(t.strip() == "%.1f%%" % (100 * stream["within_target"]
                                            ["mean"]) for t in page.text),
          "the verdicts' table shows stream %s" % stream["name"])

# A result saved without --intervals: no heat map, and a note saying why.
rc, out, _ = call("run", fixture("exp_units.yaml"), "--format", "json")
plain = write("plain.json", out)
rc, out, err = call("report", plain)
plain_page = Page(out)
ctx.check(rc == 0 and not any(c.startswith("chart-heatmap")
                              for c in plain_page.specs)
          and "--intervals" in "".join(plain_page.text),
          "a result without intervals: %d %s" % (rc, err))
check_specs(plain, write("plain.html", out))

# Figures by day: a chart and a table a line and a grade with a target;
# a result without them (an earlier callsim's) has a note instead.
surge_json, surge_page = run_with_report(fixture("surge_week2.yaml"), "surge")
_, page = check_specs(surge_json, surge_page)
ctx.check(len(page.specs["chart-days-line-0"]["data"]["values"]) == 21
          and "chart-days-grade-0" in page.specs, "the surge's charts by day")
text = "".join(page.text)
ctx.check("Service level by day across the horizon" in text
          and "Grade emergency: attended within target" in text,
          "the by-day section's headings")
older = json.loads(read(surge_json))
del older["by_day"]
rc, out, err = call("report", write("older.json", json.dumps(older)))
older_page = Page(out)
ctx.check(rc == 0 and not any(c.startswith("chart-days")
                              for c in older_page.specs)
          and "no figures by day" in "".join(older_page.text),
          "a result without by_day: %d %s" % (rc, err))

# The response by hour, the attendance times, the abstractions and the
# waits: their charts are there (the units force has grades with targets
# and areas), and a result of an earlier callsim without by_hour or
# wait_distribution has notes instead of those charts.
units = json.loads(read(units_json))
page = Page(read(units_page))
ctx.check(all(c in page.specs for c in ("chart-rsp-hours-0",
                                        "chart-rsp-hours-1",
                                        "chart-rsp-areas", "chart-waits",
                                        "chart-attendance-times",
                                        "chart-abstractions")),
          "the response and wait charts: %s" % sorted(page.specs))
ctx.check(len(page.specs["chart-rsp-areas"]["data"]["values"])
          == 168 * len(units["areas"]), "168 hours an area in the heat map")
older = dict(units)
del older["by_hour"]
del older["wait_distribution"]
for d in older["by_day"]:
    del d["areas"]
rc, out, err = call("report", write("older2.json", json.dumps(older)))
older_page = Page(out)
ctx.check(rc == 0 and not any(c.startswith(("chart-rsp-", "chart-waits"))
                              for c in older_page.specs)
          and "no response by hour" in "".join(older_page.text)
          and "no wait distribution" in "".join(older_page.text),
          "a result without by_hour and waits: %d %s" % (rc, err))

# Names holding markup, script and quotes stay text.
markup_json, markup_page = run_with_report(fixture("report_markup.yaml"),
                                           "markup")
_, page = check_specs(markup_json, markup_page)
raw = read(markup_page)
allowed = {"html", "head", "meta", "title", "style", "body", "header", "h1",
           "h2", "h3", "p", "dl", "dt", "dd", "code", "section", "figure",
           "div", "script", "figcaption", "table", "thead", "tbody", "tr",
           "th", "td", "footer", "details", "summary", "pre"}
ctx.check({t for t, _ in page.tags} <= allowed,
          "only the page's own elements: %s" % ({t for t, _ in page.tags}
                                                  - allowed))
ctx.check(not any(k.startswith("on") for _, a in page.tags for k in a),
          "no event handler attribute in the page")
ctx.check(len([t for t, _ in page.tags if t == "script"])
          == 4 + len(page.specs), "only the page's own scripts")
name = json.loads(read(markup_json))["scenario"]
ctx.check(name in "".join(page.text), "the scenario's name shows as text")
for block in raw.split('data-chart="')[1:]:
    body = block.split(">", 1)[1].split("</script>", 1)[0]
    ctx.check(not any(c in body for c in "<>&\u2028\u2029"),
              "a spec is safe inside <script>")

# Bad input: a clear message naming the file, exit 2, never a crash.
bad = {
    "syntax.json": ('{"schema": "callsim.run",\n  "x": [1, 2,]}',
                    "syntax.json:2:"),
    "deep.json": ("[" * 100000 + "]" * 100000, "nested deeper than 32"),
    "schema.json": ('{"schema": "callsim.census", "schema_version": 1}',
                    "is not a result callsim can report on"),
    "version.json": ('{"schema": "callsim.run", "schema_version": 2}',
                     "schema_version: 2 is not supported"),
    "old.json": ('{"scenario": "x", "seed": 1}', "schema: missing"),
    "array.json": ("[1, 2]", "must hold a JSON object"),
    "dup.json": ('{"schema": "callsim.run", "schema": "callsim.run"}',
                 "duplicate"),
}
good = json.loads(read(units_json))
for key, value, words in (("lines", "x", "lines: wrong type"),
                          ("seed", 1.5, "seed: wrong type"),
                          ("intervals", [], "intervals: must be an array")):
    broken = dict(good)
    broken[key] = value
    bad["broken_%s.json" % key] = (json.dumps(broken), words)
broken = json.loads(read(units_json))
broken["lines"][0]["service_level"]["mean"] = "high"
bad["figure.json"] = (json.dumps(broken), "lines[0].service_level.mean")
broken = json.loads(read(units_json))
broken["by_day"][1]["day"] = 7
bad["day.json"] = (json.dumps(broken), "by_day[1].day: must be 2")
broken = json.loads(read(units_json))
del broken["by_day"][0]["grades"][1]
bad["daygrades.json"] = (json.dumps(broken),
                         "by_day[0]: must list every line and grade")
broken = json.loads(read(units_json))
broken["by_day"][2]["lines"][0]["asa_s"] = 3
bad["dayfigure.json"] = (json.dumps(broken), "by_day[2].lines[0].asa_s")
broken = json.loads(read(units_json))
broken["by_hour"][5]["hour"] = 6
bad["hour.json"] = (json.dumps(broken), "by_hour[5].hour: must be 5")
broken = json.loads(read(units_json))
del broken["by_hour"][7]["areas"][0]
bad["hourareas.json"] = (json.dumps(broken),
                         "by_hour[7]: must list every grade and area")
broken = json.loads(read(units_json))
del broken["by_hour"][100]
bad["hours.json"] = (json.dumps(broken), "by_hour: must be an array of 168")
broken = json.loads(read(units_json))
broken["by_hour"][3]["grades"][0]["attendance_p90_s"] = {"mean": "slow"}
bad["hourfigure.json"] = (json.dumps(broken),
                          "by_hour[3].grades[0].attendance_p90_s")
broken = json.loads(read(units_json))
broken["wait_distribution"][0]["bins"][2]["to_s"] = "30"
bad["waitbin.json"] = (json.dumps(broken),
                       "wait_distribution[0].bins[2].to_s: wrong type")
broken = json.loads(read(units_json))
del broken["by_day"][1]["areas"][0]
bad["dayareas.json"] = (json.dumps(broken), "by_day[1]: must list every area")
broken = json.loads(read(units_json))
broken["grades"][1]["verdict"] = "fine"
bad["verdict.json"] = (json.dumps(broken), '"fine" is not one of')
broken = json.loads(read(defer_json))
broken["deferrable"][0]["verdict"] = "fine"
bad["streamverdict.json"] = (json.dumps(broken), '"fine" is not one of')
broken = json.loads(read(defer_json))
del broken["deferrable"][0]["within_target"]
bad["stream.json"] = (json.dumps(broken),
                      "deferrable[0].within_target: missing")
for name, (text, words) in bad.items():
    path = write(name, text)
    rc, out, err = call("report", path, "--out", os.path.join(tmp, "x.html"))
    ctx.check(rc == 2 and path in err and words in err and out == "",
              "report %s: exit %d, wanted 2 and '%s':\n%s" % (name, rc, words,
                                                              err))
ctx.check(not os.path.exists(os.path.join(tmp, "x.html")),
          "no page is left from a refused result")
huge = os.path.join(tmp, "huge.json")
with open(huge, "wb") as f:
    f.truncate((64 << 20) + 1)
rc, _, err = call("report", huge)
ctx.check(rc == 2 and "larger than 64 MB" in err, "huge: %d %s" % (rc, err))
rc, _, err = call("report", os.path.join(tmp, "none.json"))
ctx.check(rc == 2 and "none.json" in err, "missing file: %d %s" % (rc, err))
rc, _, err = call("report")
ctx.check(rc == 2 and "which result" in err, "no operand: %d %s" % (rc, err))
rc, _, err = call("report", units_json, "--out",
                  os.path.join(tmp, "no", "such", "dir.html"))
ctx.check(rc == 1 and "dir.html" in err, "unwritable: %d %s" % (rc, err))
rc, out, _ = call("report", "--help")
ctx.check(rc == 0 and out.startswith("usage: callsim report"), "--help")

ctx.finish()
