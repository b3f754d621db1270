"""callsim fit recovers demand: the volume, the 168 hour-of-week factors
and the month factors of a log simulated from a scenario with a daily
cycle and two months of different demand, each within the sampling error
of the counts (Poisson), and the staffing of a roster with two shifts."""
import json
import math
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-fit-demand-")
scenario = os.path.join(ctx.root, "tests", "cli", "fit_log.yaml")
PROFILE = [1 + 0.6 * math.sin(2 * math.pi * (h % 24 - 6) / 24)
           + (0.3 if h >= 120 else 0) for h in range(168)]
MONTHS = {"apr": 1.25, "may": 0.8}
PER_HOUR = 30
log = os.path.join(tmp, "calls.csv")
# 2025-03-31 is a Monday: 61 days are April and May whole.
ctx.expect_rc(["run", scenario, "--replications", "2", "--days", "61",
               "--warmup-hours", "0",
               "--set", "run.start_date=2025-03-31",
               "--set", "lines.999.volume={per_hour: %d}" % PER_HOUR,
               "--set", "lines.999.profile=[%s]"
               % ", ".join("%.6f" % f for f in PROFILE),
               "--set", "lines.999.months={apr: 1.25, may: 0.8}",
               "--set", "lines.999.handle={dist: exponential, mean: 100}",
               "--set", "pools.handlers.shifts=[{name: day, start: '08:00', "
               "hours: 12, staff: 6}, {name: night, start: '20:00', hours: "
               "12, staff: 3}]",
               "--calls-log", log], 0)
out, err = ctx.expect_rc(["fit", log], 0)

# Volume: the mean rate over the two months, per year.
mean_profile = sum(PROFILE) / 168
truth_rate = PER_HOUR * (30 * 1.25 + 31 * 0.8) / 61
n = int(re.search(r"fitted: n = ([0-9,]+) calls", out).group(1)
        .replace(",", ""))
hours = int(re.search(r"in (\d+) hours observed", out).group(1))
per_year = float(re.search(r"per_year: ([0-9.]+)", out).group(1))
ctx.check(hours == 61 * 24, "hours observed %d" % hours)
se = math.sqrt(truth_rate * hours) / hours * 8760
ctx.check(abs(per_year - truth_rate * 8760) <= 3 * se,
          "per_year %.0f, truth %.0f +/- %.0f" % (per_year, truth_rate * 8760,
                                                  3 * se))

# Profile: each factor against the truth over its mean, as a chi-square
# over the 168 (99.9% point of chi-square with 167 degrees: 226).
body = re.search(r"profile: \[\n(.*?)\n    \]", out, re.S).group(1)
fitted = [float(x) for x in re.findall(r"[0-9.]+", body)]
ctx.check(len(fitted) == 168, "%d profile factors" % len(fitted))
calls_h = n / 168
chi2 = sum((f - t / mean_profile) ** 2 / ((t / mean_profile) / calls_h)
           for f, t in zip(fitted, PROFILE))
print("profile chi-square %.1f over 167 degrees, per_year %.0f" % (chi2, per_year))
ctx.check(chi2 < 226, "profile chi-square %.1f over 167 degrees" % chi2)

# Months: each month's rate over the mean rate.
months = dict(re.findall(r"(apr|may): ([0-9.]+)",
                         re.search(r"months: \{[^}]*\}", out).group(0)))
for m, days in (("apr", 30), ("may", 31)):
    truth = MONTHS[m] / ((30 * 1.25 + 31 * 0.8) / 61)
    count = truth_rate * truth * days * 24
    tol = 3 * truth / math.sqrt(count)
    ctx.check(abs(float(months[m]) - truth) <= tol,
              "month %s %s, truth %.4f +/- %.4f" % (m, months[m], truth, tol))

# Staffing: 6 from 08:00 to 20:00, 3 otherwise.
shifts = re.findall(r'start: "(\d\d):00", hours: (\d+), staff: (\d+)', out)
staff = []
for start, length, s in shifts:
    staff += [int(s)] * int(length)
ctx.check(staff == [3] * 8 + [6] * 12 + [3] * 4, "staff %s" % staff)
fitted_path = os.path.join(tmp, "fitted.yaml")
with open(fitted_path, "w", encoding="utf-8") as f:
    f.write(out)
ctx.expect_rc(["check", fitted_path], 0)

# Across the clock change of 26 October 2025: the simulator reads its
# profile and shifts on the local clock, and so does the fit. The day
# shift still starts at 08:00 on the clock after the change (read on
# elapsed hours it would seem to start at 07:00), the 25-hour Sunday is
# 25 hours observed, and the profile is the one simulated.
log2 = os.path.join(tmp, "calls-autumn.csv")
ctx.expect_rc(["run", scenario, "--replications", "2", "--days", "14",
               "--warmup-hours", "0",
               "--set", "run.start_date=2025-10-20",
               "--set", "lines.999.volume={per_hour: %d}" % PER_HOUR,
               "--set", "lines.999.profile=[%s]"
               % ", ".join("%.6f" % f for f in PROFILE),
               "--set", "lines.999.handle={dist: exponential, mean: 100}",
               "--set", "pools.handlers.shifts=[{name: day, start: '08:00', "
               "hours: 12, staff: 6}, {name: night, start: '20:00', hours: "
               "12, staff: 3}]",
               "--calls-log", log2], 0)
out2, _ = ctx.expect_rc(["fit", log2], 0)
hours2 = int(re.search(r"in (\d+) hours observed", out2).group(1))
ctx.check(hours2 == 14 * 24 + 1, "hours observed across the change %d"
          % hours2)
staff2 = []
for start, length, s in re.findall(
        r'start: "(\d\d):00", hours: (\d+), staff: (\d+)', out2):
    staff2 += [int(s)] * int(length)
ctx.check(staff2 == [3] * 8 + [6] * 12 + [3] * 4,
          "staff across the change %s" % staff2)
n2 = int(re.search(r"fitted: n = ([0-9,]+) calls", out2).group(1)
         .replace(",", ""))
body2 = re.search(r"profile: \[\n(.*?)\n    \]", out2, re.S).group(1)
fitted2 = [float(x) for x in re.findall(r"[0-9.]+", body2)]
chi2b = sum((f - t / mean_profile) ** 2 / ((t / mean_profile) / (n2 / 168))
            for f, t in zip(fitted2, PROFILE))
print("across the change: profile chi-square %.1f over 167 degrees" % chi2b)
ctx.check(chi2b < 226, "profile across the change: chi-square %.1f" % chi2b)
# A log that starts on a Wednesday: the fitted scenario starts on that
# date (scenario time 0 is 00:00 on the first call's day, no warm-up day
# before it), its 168 factors are still those of Monday 00:00 on (the
# weekend's +0.3 where the truth has it), and the back-test of the fitted
# scenario against its own log finds its whole period inside every band
# and no more flagged hours than a describing scenario gives.
log3 = os.path.join(tmp, "calls-wednesday.csv")
ctx.expect_rc(["run", scenario, "--replications", "2", "--days", "14",
               "--warmup-hours", "0",
               "--set", "run.start_date=2025-04-02",
               "--set", "lines.999.volume={per_hour: %d}" % PER_HOUR,
               "--set", "lines.999.profile=[%s]"
               % ", ".join("%.6f" % f for f in PROFILE),
               "--set", "lines.999.handle={dist: exponential, mean: 100}",
               "--calls-log", log3], 0)
fitted3 = os.path.join(tmp, "fitted-wednesday.yaml")
ctx.expect_rc(["fit", log3, "--out", fitted3], 0)
with open(fitted3, encoding="utf-8") as f:
    out3 = f.read()
run3 = re.search(r'run: \{start_date: "([0-9-]+)", warmup_hours: (\d+), '
                 r'days: ([0-9.]+)', out3)
ctx.check(run3 and run3.groups() == ("2025-04-02", "0", "14"),
          "fitted run from a Wednesday: %s" % (run3 and run3.groups(),))
n3 = int(re.search(r"fitted: n = ([0-9,]+) calls", out3).group(1)
         .replace(",", ""))
body3 = re.search(r"profile: \[\n(.*?)\n    \]", out3, re.S).group(1)
fitted_p3 = [float(x) for x in re.findall(r"[0-9.]+", body3)]
chi2c = sum((f - t / mean_profile) ** 2 / ((t / mean_profile) / (n3 / 168))
            for f, t in zip(fitted_p3, PROFILE))
print("from a Wednesday: profile chi-square %.1f over 167 degrees" % chi2c)
ctx.check(chi2c < 226, "profile from a Wednesday: chi-square %.1f" % chi2c)
bt, _ = ctx.expect_rc(["backtest", fitted3, log3, "--seed", "7",
                       "--format", "json"], 0)
doc = json.loads(bt)
for fig, cell in doc["lines"][0]["period"].items():
    if isinstance(cell, dict):
        ctx.check(cell["flag"] == "inside", "fitted from a Wednesday, whole "
                  "period %s: %s" % (fig, cell))
summ = doc["summary"]
high = summ["expected_flagged"] + 1.96 * summ["expected_flagged_sd"]
print("fitted from a Wednesday against its log: %d flagged, %.1f expected "
      "(at most %.1f)" % (summ["cells_flagged"], summ["expected_flagged"],
                          high))
ctx.check(summ["cells_flagged"] <= high, "fitted from a Wednesday: %d cells "
          "flagged, above %.1f" % (summ["cells_flagged"], high))
sys.exit(1 if ctx.failures else 0)
