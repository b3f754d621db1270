"""Every kind of report printed on A4 as a person prints it: Debian's
chromium, headless, prints each page to PDF with its print stylesheet, and
poppler's pdftotext gives the box of every word printed. No word may reach
into the right margin (15 mm): a table wider than the paper is cut at its
edge there, and the columns past it are lost from the printed page. Nor
may a page but the last hold only a few words: a heading left alone at the
foot of a page, its chart too tall to follow it. The
reports are of the bundled West Midlands scenario (five agreements, seven
areas), a sweep of it (three columns an agreement: the widest table,
printed on a landscape page of its own), a force of twelve areas (their
table by hour split seven areas a table), and the compare, optimise,
back-test and fit pages."""
import os
import re
import shutil
import subprocess
import tempfile

from clitest import Ctx, fixture
from report_support import chromium

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-report-print-")
CHROMIUM = chromium(ctx)
if not ctx.check(shutil.which("pdftotext") is not None,
                 "pdftotext is not installed: the print test needs Debian's "
                 "poppler-utils (.ci/packages, README's set-up)"):
    ctx.finish()
WM = ctx.path("scenarios", "west-midlands-2024.yaml")
SMALL = ["--replications", "2", "--days", "2"]
# A4 is 595.28 pt wide; the print stylesheet's margins are 15 mm.
MARGIN_PT = 15 / 25.4 * 72
# A line of text may end at the margin; a word cut at the paper's edge ends
# past it (by 1.1 pt and more, seen with the tables of the old stylesheet).
SLACK_PT = 0.5
# A page of the report (but the last) holds more than a heading's words.
FEW_WORDS = 8
WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="[-\d.]+" xMax="([-\d.]+)"'
                  r' yMax="[-\d.]+">(.*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)"')


def callsim(args):
    p = subprocess.run([ctx.callsim] + args, capture_output=True, text=True,
                       timeout=300)
    ctx.check(p.returncode == 0, "%s: exit %d %s" % (" ".join(args),
                                                   p.returncode, p.stderr))
    return p.stdout


def printed(name, page):
    """The pages of page printed to PDF: [(width, height, words)], a word
    (x_min, x_max, text)."""
    pdf = os.path.join(tmp, name + ".pdf")
    if not ctx.check(os.path.exists(page), "%s: no page written" % name):
        return []
    p = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--no-first-run", "--disable-extensions", "--disable-sync",
         "--user-data-dir=" + os.path.join(tmp, "profile"),
         "--host-resolver-rules=MAP * ~NOTFOUND",
         "--proxy-server=127.0.0.1:9", "--virtual-time-budget=20000",
         "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
         "file://" + os.path.abspath(page)],
        capture_output=True, text=True, timeout=180)
    if not ctx.check(p.returncode == 0 and os.path.exists(pdf),
                     "%s: chromium exit %d" % (name, p.returncode)):
        return []
    box = subprocess.run(["pdftotext", "-bbox", pdf, "-"],
                         capture_output=True, text=True, timeout=120).stdout
    pages = []
    for line in box.splitlines():
        m = PAGE.search(line)
        if m:
            pages.append((float(m.group(1)), float(m.group(2)), []))
            continue
        m = WORD.search(line)
        if m and pages:
            pages[-1][2].append((float(m.group(1)), float(m.group(2)),
                                 m.group(3)))
    return pages


def check_fits(name, page):
    """Every word of page, printed, inside the paper's right margin;
    returns the pages."""
    pages = printed(name, page)
    ctx.check(len(pages) > 0 or not os.path.exists(page),
              "%s: nothing printed" % name)
    for k, (width, _, words) in enumerate(pages, 1):
        out = [w for w in words if w[1] > width - MARGIN_PT + SLACK_PT]
        ctx.check(out == [], "%s, page %d: %d words cut at the paper's "
                  "edge, e.g. %s" % (name, k, len(out), out[:4]))
        ctx.check(k == len(pages) or len(words) > FEW_WORDS,
                  "%s, page %d of %d: only %s: a heading left alone above "
                  "a chart too tall for the rest of the page"
                  % (name, k, len(pages), [w[2] for w in words]))
    return pages


def report(name, args):
    page = os.path.join(tmp, name + ".html")
    callsim(args + ["--report", page])
    return check_fits(name, page)


report("run", ["run", WM] + SMALL)
report("compare", ["compare", WM,
                   ctx.path("scenarios", "west-midlands-shortfall.yaml")]
       + SMALL)
pages = report("sweep", ["sweep", WM, "--vary",
                         "pools.emergency.shifts.late.staff=20,24",
                         "--vary", "pools.non-emergency.shifts.early.staff=20,24",
                         "--format", "jsonl", "--quiet"] + SMALL)
ctx.check(any(w > h for w, h, _ in pages), "sweep: the table of every "
          "point (19 columns) is not on a landscape page")
report("optimise", ["optimise", fixture("small.yaml"), "--quiet"])
report("units", ["optimise", "--units", fixture("exp_units.yaml"),
                 "--quiet"])

report("run-12-areas", ["run", fixture("report_print_areas.yaml")])

log = os.path.join(tmp, "calls.csv")
incidents = os.path.join(tmp, "incidents.csv")
callsim(["run", WM, "--replications", "2", "--days", "3", "--seed", "5",
         "--calls-log", log, "--incidents-log", incidents])
report("backtest", ["backtest", WM, log])
report("fit", ["fit", log, "--incidents", incidents, "--out",
               os.path.join(tmp, "fitted.yaml")])

shutil.rmtree(tmp, ignore_errors=True)
ctx.finish()
