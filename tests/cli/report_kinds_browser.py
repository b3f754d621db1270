"""The compare, sweep and optimise reports opened in a real browser:
Debian's chromium, headless, opens each page from file:// with every
network request refused; the page must draw every chart with the marks its
data asks for (168 heat-map cells a line of a comparison, a mark and an
interval a sweep point, three lines a pool of an optimisation), print
nothing on the console, and, for a scenario whose names hold markup and
script, run nothing of theirs."""
import os
import shutil
import subprocess
import tempfile

from clitest import Ctx, fixture
from report_support import Page
from report_kinds_support import expected_marks, expected_rows, read_result

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-kinds-browser-")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    ctx.check(False, "chromium is not installed: the report's browser test "
              "needs Debian's chromium (.ci/packages, README's set-up)")
    ctx.finish()
SMALL = ("--replications", "3", "--days", "2")


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


check_page("compare", ["compare", fixture("exp_units.yaml"), "--set-b",
                       "pools.handlers.shifts.all.staff=3", "--format",
                       "json", *SMALL])
check_page("sweep", ["sweep", fixture("exp_sweep.yaml"), "--vary",
                     "pools.handlers.shifts.day.staff=8:20:4", "--vary",
                     "pools.handlers.shifts.night.staff=4,8", "--format",
                     "jsonl", "--quiet", *SMALL])
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
