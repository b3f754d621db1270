"""Duplicate calls in the calls log, and fitted back.

A run of tests/cli/fit_incidents.yaml with lines.999.duplicate 0.3 writes
its calls log with a `duplicate` column: only answered calls are marked;
the counted ones marked in the logs of its two replications number
exactly twice the run's mean `duplicates`; no call marked created an incident (the
incident log's call_id), and the share marked is within Wilson's 99.9%
interval of 0.3. `callsim fit` reads the column:
the duplicate share within Wilson's interval of the truth, written when
the incident log gives grades (said, not written, without it), and the
grade mix taken over the calls not duplicates, so each grade's share of
first reports covers the scenario's incidents[g]. A log without the
column fits no duplicate share."""
import csv
import json
import math
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-run-log-dup-")
scenario = os.path.join(ctx.root, "tests", "cli", "fit_incidents.yaml")
SHARE = 0.3
MIX = {"emergency": 0.25, "priority": 0.35}
calls = os.path.join(tmp, "calls.csv")
incidents = os.path.join(tmp, "incidents.csv")
second = os.path.join(tmp, "calls-2.csv")
# Two replications, each logged once: together their counted calls marked
# are twice the run's mean.
for log_rep, path, extra in ((1, calls, ["--incidents-log", incidents]),
                             (2, second, [])):
    out, _ = ctx.expect_rc(["run", scenario, "--replications", "2",
                            "--seed", "21", "--days", "7", "--format",
                            "json", "--set", "lines.999.duplicate=%g" % SHARE,
                            "--log-replication", str(log_rep),
                            "--calls-log", path] + extra, 0)
run = json.loads(out)["lines"][0]
with open(second, encoding="utf-8") as f:
    rows2 = list(csv.DictReader(f))
with open(calls, encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open(incidents, encoding="utf-8") as f:
    incs = list(csv.DictReader(f))
ctx.check(list(rows[0])[-1] == "duplicate", "columns %s" % list(rows[0]))
marked = [r for r in rows if r["duplicate"] == "1"]
ctx.check(all(r["outcome"] == "answered" for r in marked),
          "a call marked duplicate that was not answered")
ctx.check(all(r["duplicate"] in ("0", "1") for r in rows), "duplicate cells")
counted = sum(r["counted"] == "1" and r["duplicate"] == "1"
              for r in rows + rows2)
ctx.check(counted == 2 * run["duplicates"]["mean"],
          "%d counted calls marked in the two logs, the run's mean is %s "
          "duplicates" % (counted, run["duplicates"]["mean"]))
made = {i["call_id"] for i in incs}
ctx.check(not any(r["call_id"] in made for r in marked),
          "a call marked duplicate created an incident")
answered = [r for r in rows if r["outcome"] == "answered"]
share = len(marked) / len(answered)
print("%d of %d answered calls marked duplicate (%.4f); the run's "
      "duplicates %s" % (len(marked), len(answered), share,
                         run["duplicates"]["mean"]))


def wilson(k, n, z=3.29):
    """Wilson's interval at 99.9% (one seed; the fit's own is 95%)."""
    p = k / n
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return c - h, c + h


lo, hi = wilson(len(marked), len(answered))
ctx.check(lo <= SHARE <= hi, "share %.4f (%.4f to %.4f)" % (share, lo, hi))

# fit with the incident log: the share written, the mix per first report.
fitted, _ = ctx.expect_rc(["fit", calls, "--incidents", incidents], 0)
m = re.search(r"\n    duplicate: ([0-9.]+)   # fitted: (\d+) of (\d+) "
              r"answered calls marked duplicate \(95% CI ([0-9.]+) to "
              r"([0-9.]+)\)", fitted)
if ctx.check(m, "no duplicate share in\n%s" % fitted):
    p, k, n, plo, phi = (float(m.group(1)), int(m.group(2)),
                         int(m.group(3)), float(m.group(4)),
                         float(m.group(5)))
    cr = [r for r in rows if r["counted"] == "1"]
    ctx.check(k == sum(r["duplicate"] == "1" for r in cr)
              and n == sum(r["outcome"] == "answered" for r in cr),
              "fitted %d of %d" % (k, n))
    ctx.check(abs(p - k / n) < 1e-6 and plo <= SHARE <= phi,
              "fitted share %.4f (%.4f to %.4f)" % (p, plo, phi))
mix = re.search(r"answered calls not duplicates,.*?\n    incidents: \{(.*?)\}",
                fitted, re.S)
if ctx.check(mix, "no grade mix over first reports in\n%s" % fitted):
    first = n - k
    for name, value in re.findall(r'"?(\w+)"?: ([0-9.]+)', mix.group(1)):
        g_lo, g_hi = wilson(round(float(value) * first), first)
        ctx.check(g_lo <= MIX[name] <= g_hi, "grade %s: %s per first report "
                  "(%.4f to %.4f), truth %g" % (name, value, g_lo, g_hi,
                                                MIX[name]))
fitted_path = os.path.join(tmp, "fitted.yaml")
with open(fitted_path, "w", encoding="utf-8") as f:
    f.write(fitted)
ctx.expect_rc(["check", fitted_path], 0)

# Without the incident log: said, not written.
alone, _ = ctx.expect_rc(["fit", calls], 0)
ctx.check("\n    duplicate:" not in alone and "not written: a duplicate share "
          "needs grades (--incidents)" in alone, "without --incidents")
# Without the column: nothing said.
head = list(rows[0])[:-1]
stripped = os.path.join(tmp, "no-dup.csv")
with open(stripped, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(head)
    w.writerows([r[h] for h in head] for r in rows)
plain, _ = ctx.expect_rc(["fit", stripped, "--incidents", incidents], 0)
ctx.check("duplicate" not in plain, "a log without the column")
sys.exit(1 if ctx.failures else 0)
