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
from report_support import check_drawn, chromium, expected_rows

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-browser-")
CHROMIUM = chromium(ctx)


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
    return check_drawn(ctx, CHROMIUM, tmp, name, page, result,
                       expected_rows, expected_marks)


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
