"""callsim fit --report: the page of what was fitted against the data.
Each chart's data are worked out here again from the log: the handle and
wrap-up curves are the quantiles of the log's times (as fit.md defines
them) against the distribution function of the family the scenario
names, within the Kolmogorov-Smirnov distance the scenario quotes; the
patience curve is the Kaplan-Meier estimate of the log's waits (answered
calls censored) against the fitted survival. And chromium draws it."""
import csv
import math
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx, fixture  # noqa: E402
from report_support import Page, check_drawn, chromium  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-fit-report-")
log = os.path.join(tmp, "calls.csv")
# 2 handlers: enough callers wait, and hang up, for a patience curve.
ctx.expect_rc(["run", fixture("fit_log.yaml"), "--replications", "2",
               "--days", "4", "--set",
               "pools.handlers.shifts.all.staff=2", "--calls-log", log], 0)
page = os.path.join(tmp, "fit.html")
yaml, err = ctx.expect_rc(["fit", log, "--report", page], 0)
with open(page, encoding="utf-8") as f:
    html = f.read()
specs = Page(html).specs
ctx.check(sorted(specs) == ["chart-fit-0-handle", "chart-fit-0-patience",
                            "chart-fit-0-wrap"], "charts: %s" % sorted(specs))
with open(log, encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(f) if r["counted"] == "1"]


def quantiles(x, q=200):
    """fit.md's quantiles at (i + 0.5) / q, interpolated."""
    x, n, out = sorted(x), len(x), []
    for i in range(q):
        pos = (i + 0.5) / q * n - 0.5
        k = 0 if pos <= 0 else int(pos)
        f = 0 if pos <= 0 else pos - k
        out.append(x[k] + f * (x[k + 1] - x[k]) if k + 1 < n else x[n - 1])
    return out


def cdf(dist, mean, sd, x):
    """The distribution function of a family as the scenario writes it."""
    if dist == "exponential":
        return 1 - math.exp(-x / mean)
    if dist == "lognormal":
        s2 = math.log(1 + (sd / mean) ** 2)
        mu = math.log(mean) - s2 / 2
        return 0.5 * (1 + math.erf((math.log(x) - mu) / math.sqrt(2 * s2)))
    return None   # gamma and Weibull: checked against KS only


for key, column in (("handle", "talk_s"), ("wrap", "wrap_s")):
    got = specs.get("chart-fit-0-" + key, {}).get("data", {}).get("values")
    times = [max(float(r[column]), 0.0005) for r in rows
             if r["outcome"] == "answered" and r[column]]
    fitted = re.search(r"%s: \{dist: (\w+), mean: ([0-9.e+]+)(?:, sd: "
                       r"([0-9.e+]+))?\}\s+# fitted: n = ([0-9,]+) calls, "
                       r"KS = ([0-9.]+)" % key, yaml)
    if not ctx.check(got and fitted, "%s: chart %s, scenario %s"
                     % (key, bool(got), bool(fitted))):
        continue
    dist, mean, sd, n, ks = fitted.groups()
    mean, sd, n, ks = float(mean), float(sd or 0), \
        int(n.replace(",", "")), float(ks)
    ctx.check(n == len(times), "%s: %d calls, the log has %d"
              % (key, n, len(times)))
    want = quantiles(times)
    ctx.check(all(abs(r["x"] - w) <= 1e-6 * max(1, w) and
                  abs(r["p"] - (i + 0.5) / 200) < 1e-12
                  for i, (r, w) in enumerate(zip(got, want)))
              and len(got) == 200, "%s: the data's quantiles differ" % key)
    # The fitted curve is within the KS distance of the data's, at every
    # quantile (the empirical distribution there is within 1/n of p; KS
    # is written to 3 decimals).
    worst = max(abs(r["fitted"] - r["p"]) for r in got)
    ctx.check(worst <= ks + 0.0005 + 1 / n, "%s: the fitted curve is %.4f "
              "from the data's, KS = %.3f" % (key, worst, ks))
    for r in got:
        c = cdf(dist, mean, sd, r["x"])
        if c is not None and not ctx.check(
                abs(c - r["fitted"]) <= 1e-3, "%s: fitted %.6f at %g, the "
                "scenario's %s gives %.6f" % (key, r["fitted"], r["x"], dist,
                                               c)):
            break

# Patience: Kaplan-Meier of the log's waits, ties events first.
got = specs.get("chart-fit-0-patience", {}).get("data", {}).get("values")
waits = sorted((float(r["wait_s"]), r["outcome"] != "abandoned")
               for r in rows)
at_risk, s, km = len(waits), 1.0, {}
i = 0
while i < len(waits):
    t, d, c = waits[i][0], 0, 0
    while i < len(waits) and waits[i][0] == t:
        d += not waits[i][1]
        c += waits[i][1]
        i += 1
    if d:
        s *= 1 - d / at_risk
        km[t] = s
    at_risk -= d + c
fitted = re.search(r"patience: \{dist: (\w+), mean: ([0-9.e+]+)(?:, sd: "
                   r"([0-9.e+]+))?\}", yaml)
if ctx.check(got and fitted and len(km) >= 20,
             "patience: chart %s, scenario %s, %d steps"
             % (bool(got), bool(fitted), len(km))):
    dist, mean, sd = fitted.group(1), float(fitted.group(2)), \
        float(fitted.group(3) or 0)
    ctx.check(len(got) == min(200, len(km)), "patience: %d points of %d "
              "steps" % (len(got), len(km)))
    for r in got:
        want = km.get(min(km, key=lambda t: abs(t - r["t"])))
        c = cdf(dist, mean, sd, r["t"])
        ok = (abs(r["km"] - want) <= 1e-9 and r["km_low"] <= r["km"]
              <= r["km_high"] and abs((1 - c) - r["fitted"]) <= 1e-3)
        if not ctx.check(ok, "patience at %g: %s; Kaplan-Meier %s, fitted "
                         "%s" % (r["t"], r, want, 1 - c)):
            break
    ctx.check(all(a["km"] >= b["km"] and a["t"] < b["t"]
                  for a, b in zip(got, got[1:])), "patience: not a survival "
              "curve")

# A browser draws every chart: the two curves of a time, the band and the
# two curves of patience.
drawn = check_drawn(
    ctx, chromium(ctx), tmp, "fit", page, specs,
    lambda sp: {k: v["data"]["values"] for k, v in sp.items()},
    lambda _r, chart, _rows: {"area": 1, "line": 2}
    if chart.endswith("patience") else {"line": 2})
ctx.finish()
