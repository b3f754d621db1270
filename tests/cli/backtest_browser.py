"""A back-test's report opened in a real browser (Debian's chromium,
headless, no network): every chart drawn, with the band, the median and a
mark for each hour of the week compared, and nothing on the console."""
import os
import shutil
import subprocess
import tempfile

from clitest import Ctx
from report_support import check_drawn, chromium
from backtest_support import chart_marks, chart_rows
from report_kinds_support import read_result

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-backtest-browser-")
CHROMIUM = chromium(ctx)
scenario = ctx.path("scenarios", "west-midlands-2024.yaml")
log = os.path.join(tmp, "calls.csv")
p = subprocess.run([ctx.callsim, "run", scenario, "--replications", "2",
                    "--days", "3", "--seed", "5", "--calls-log", log],
                   capture_output=True, text=True, timeout=120)
ctx.check(p.returncode == 0, "run --calls-log: %s" % p.stderr)
page, saved = os.path.join(tmp, "bt.html"), os.path.join(tmp, "bt.json")
with open(saved, "w", encoding="utf-8") as out:
    p = subprocess.run([ctx.callsim, "backtest", scenario, log, "--format",
                        "json", "--report", page], stdout=out,
                       stderr=subprocess.PIPE, text=True, timeout=300)
if ctx.check(p.returncode == 0 and os.path.exists(page),
             "backtest --report: %d %s" % (p.returncode, p.stderr)):
    check_drawn(ctx, CHROMIUM, tmp, "backtest", page, read_result(saved),
                chart_rows, chart_marks)
shutil.rmtree(tmp, ignore_errors=True)
ctx.finish()
