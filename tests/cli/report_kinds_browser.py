"""The compare, sweep and optimise reports opened in a real browser:
Debian's chromium, headless, opens each page from file:// with every
network request refused; the page must draw every chart with the marks its
data asks for (168 heat-map cells a line of a comparison, a mark and an
interval a sweep point, three lines a pool of an optimisation), no axis
with two ticks that read the same, print nothing on the console, and, for
a scenario whose names hold markup and script, run nothing of theirs."""
import os
import shutil
import subprocess
import tempfile

from clitest import Ctx, fixture
from report_support import check_drawn, chromium
from report_kinds_support import expected_marks, expected_rows, read_result

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-kinds-browser-")
CHROMIUM = chromium(ctx)
SMALL = ("--replications", "3", "--days", "2")


def check_page(name, args):
    page = os.path.join(tmp, name + ".html")
    saved = os.path.join(tmp, name + ".json")
    with open(saved, "w", encoding="utf-8") as out:
        p = subprocess.run([ctx.callsim] + args + ["--report", page],
                           stdout=out, stderr=subprocess.PIPE, text=True,
                           timeout=120)
    if not ctx.check(p.returncode in (0, 3) and os.path.exists(page),
                     "%s --report: %d %s" % (name, p.returncode, p.stderr)):
        return None
    result = read_result(saved)
    return check_drawn(ctx, CHROMIUM, tmp, name, page, result,
                       expected_rows, expected_marks)


check_page("compare", ["compare", fixture("exp_units.yaml"), "--set-b",
                       "pools.handlers.shifts.all.staff=3", "--format",
                       "json", *SMALL])
# Each stream of deferrable work is an agreement: the sides chart draws
# a mark a side for the line and each of the two streams.
drawn = check_page("cmp-deferrable", ["compare", fixture("deferrable.yaml"),
                                      "--set-b",
                                      "deferrable.live-chat.answer.within_h"
                                      "=0.01", "--format", "json", *SMALL])
if drawn is not None:
    rows = drawn.specs.get("chart-cmp-sides", {}).get("data", {}).get(
        "values", [])
    ctx.check(sorted({r["name"] for r in rows})
              == ["101", "live-chat", "online-reports"] and len(rows) == 6,
              "cmp-deferrable: the agreements drawn: %s"
              % [(r["name"], r["side"]) for r in rows])
check_page("sweep", ["sweep", fixture("exp_sweep.yaml"), "--vary",
                     "pools.handlers.shifts.day.staff=8:20:4", "--vary",
                     "pools.handlers.shifts.night.staff=4,8", "--format",
                     "jsonl", "--quiet", *SMALL])
# Deferrable work: a chart a stream, drawn as a line's is.
check_page("sweep-deferrable", ["sweep", fixture("deferrable.yaml"),
                                "--vary",
                                "pools.handlers.shifts.day.staff=4:6:1",
                                "--set",
                                "deferrable.live-chat.answer.within_h=0.01",
                                "--set", "pools.handlers.cost_per_fte=30000",
                                "--format", "jsonl", "--quiet", *SMALL])
# The bundled scenario's own replications and horizon: its grades' shares
# lie within a point or two across the sweep, where axis ticks a quarter
# of a point apart once read '90%', '90%', '90%'.
check_page("wm-sweep", ["sweep", ctx.path("scenarios",
                                          "west-midlands-2024.yaml"),
                        "--vary", "pools.emergency.shifts.late.staff=20:32:4",
                        "--format", "jsonl", "--quiet"])
check_page("optimise", ["optimise", fixture("small.yaml"), "--format",
                        "json", "--quiet"])
check_page("units", ["optimise", "--units", fixture("exp_units.yaml"),
                     "--format", "json", "--quiet"])

markup = fixture("report_markup.yaml")
for name, args in (
        ("m-compare", ["compare", markup, "--set-b", "run.replications=3",
                       "--format", "json"]),
        ("m-sweep", ["sweep", markup, "--vary",
                     "pools.<b onmouseover alert(1)>handlers</b>.shifts.all."
                     "staff=5,6", "--format", "jsonl", "--quiet"])):
    drawn = check_page(name, args)
    if drawn is None:
        continue
    body = [a for t, a in drawn.tags if t == "body"]
    ctx.check("data-pwned" not in body[0], "%s: a script from the scenario "
              "ran" % name)
    ctx.check(not any(t in ("img", "b", "iframe", "object") or
                      any(k.startswith("on") for k in a)
                      for t, a in drawn.tags),
              "%s: the scenario's markup became elements" % name)
    ctx.check(len([t for t, _ in drawn.tags if t == "script"])
              == 4 + len(drawn.specs), "%s: a script element from the "
              "scenario" % name)

shutil.rmtree(tmp, ignore_errors=True)
ctx.finish()
