"""Run reports opened in a real browser: Debian's chromium, headless, opens
each page from file:// with every network request refused, and the page
must draw every chart with the marks its data asks for (168 heat-map cells
a line), print nothing on the console (no error, no refused script, no
warning), and, for a scenario whose names hold markup and script, run
nothing of theirs."""
import json
import os
import shutil
import subprocess
import tempfile

from clitest import Ctx, fixture
from report_support import Page, expected_rows

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-browser-")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    ctx.check(False, "chromium is not installed: the report's browser test "
              "needs Debian's chromium (.ci/packages, README's set-up)")
    ctx.finish()


def render(page):
    """The page's DOM once its scripts ran, and the console lines."""
    p = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--no-first-run", "--disable-extensions", "--disable-sync",
         "--user-data-dir=" + os.path.join(tmp, "profile"),
         # no network: no name resolves, every proxy connection fails
         "--host-resolver-rules=MAP * ~NOTFOUND",
         "--proxy-server=127.0.0.1:9", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=20000", "--dump-dom",
         "file://" + os.path.abspath(page)],
        capture_output=True, text=True, timeout=120)
    console = [l for l in p.stderr.splitlines() if ":CONSOLE" in l]
    return p.returncode, p.stdout, console


def expected_marks(result, chart, rows):
    """{mark kind: count} that chart must draw from its rows."""
    if chart.startswith("chart-heatmap-"):
        return {"rect": 168}
    if chart == "chart-hours":
        return {"line": len(result["lines"]) + len(result["pools"])}
    if chart == "chart-costs":
        return {"rect": len(rows)}
    if chart.startswith("chart-rsp-hours-"):
        # the band, the line of means, the goal's rule when there is one
        return {"area": 1, "line": 1,
                "rule": 1 if rows[0]["goal"] is not None else 0}
    if chart == "chart-rsp-areas":
        return {"rect": 168 * len(result["areas"])}
    if chart == "chart-waits":
        return {"rect": len(rows), "rule": len(rows)}
    if chart == "chart-abstractions":
        return {"rect": len(rows)}
    if chart.startswith("chart-days-"):
        # the band, the line of means, the goal's rule when there is one
        return {"area": 1, "line": 1,
                "rule": 1 if rows[0]["goal"] is not None else 0}
    shown = len([r for r in rows if r["mean"] is not None])
    return {"symbol": shown}


def check_page(scenario, name):
    page = os.path.join(tmp, name + ".html")
    p = subprocess.run([ctx.callsim, "run", scenario, "--report", page,
                        "--format", "json"], capture_output=True, text=True,
                       timeout=120)
    if not ctx.check(p.returncode == 0, "run --report %s: %d %s"
                     % (scenario, p.returncode, p.stderr)):
        return None
    result = json.loads(p.stdout)
    rc, dom, console = render(page)
    ctx.check(rc == 0, "%s: chromium exit %d" % (name, rc))
    ctx.check(console == [], "%s: console output:\n%s"
              % (name, "\n".join(console)))
    drawn = Page(dom)
    body = [a for t, a in drawn.tags if t == "body"]
    want = expected_rows(result)
    ctx.check(body and body[0].get("data-charts-rendered") == str(len(want))
              and "data-charts-failed" not in body[0],
              "%s: charts drawn: %s, wanted %d" % (name, body, len(want)))
    for chart, rows in want.items():
        got = drawn.marks.get(chart, {})
        for kind, n in expected_marks(result, chart, rows).items():
            ctx.check(got.get(kind, 0) == n, "%s: %s: %d %s marks, wanted "
                      "%d (all: %s)" % (name, chart, got.get(kind, 0), kind,
                                        n, got))
    return drawn


check_page(fixture("exp_units.yaml"), "units")
check_page(fixture("surge_week2.yaml"), "surge")
drawn = check_page(fixture("report_markup.yaml"), "markup")
if drawn is not None:
    body = [a for t, a in drawn.tags if t == "body"]
    ctx.check("data-pwned" not in body[0], "a script from the scenario ran")
    ctx.check(not any(t in ("img", "b", "iframe", "object") or
                      any(k.startswith("on") for k in a)
                      for t, a in drawn.tags),
              "the scenario's markup became elements")
    ctx.check(len([t for t, _ in drawn.tags if t == "script"])
              == 4 + len(drawn.specs), "a script element from the scenario")

shutil.rmtree(tmp, ignore_errors=True)
ctx.finish()
