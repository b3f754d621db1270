"""Round trips of callsim fit: logs simulated by `callsim run --calls-log`
with known parameters, fitted, and the truth set against the fitted 95%
intervals.

For each of exponential, lognormal and gamma handle times, exponential
and lognormal patience, at light load (4 handlers, few callers wait) and
heavy load (2 handlers, at least 20% of callers wait, checked from the
log), over SEEDS seeds: the interval of each parameter of the true family's
fit (handle mean, and sd where the family has its own; patience mean, and
sd for a lognormal), whichever family AIC prefers,
must cover the truth in at least the share of seeds a correct 95% interval
fails to reach about 0.3% of the time (16 of 20; 2 of 3), and the coverage
pooled over every interval must lie within its binomial band (3 sd). The
fitted scenario's service level must agree with
the original's within the two runs' combined 95% interval (on four of
the cases, each load, handle family and patience family once).

Each case draws its logs from seeds of its own (1001, 1002, ... for the
first case, 2001, ... for the second): a run's random streams are keyed on
its seed, so with one set of seeds for every case the k-th answered call
would get the same handle draw in all twelve cases (common random
numbers), the intervals of different cases would fail together, and the
pooled band, which counts them as independent, would not hold.

SEEDS is 3 here; bench/fit_coverage runs the same study over 20 seeds
(CALLSIM_FIT_SEEDS=20) and prints the coverage of each parameter."""
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
SEEDS = int(os.environ.get("CALLSIM_FIT_SEEDS", "3"))
# Of SEEDS intervals, the fewest that may cover: the largest k with
# P(Binomial(SEEDS, 0.95) < k) below about 0.5%.
NEED = {3: 2, 20: 16}.get(SEEDS, max(1, math.floor(0.95 * SEEDS
                                                    - 2.6 * math.sqrt(
                                                        0.0475 * SEEDS))))
tmp = tempfile.mkdtemp(prefix="callsim-fit-trip-")
scenario = os.path.join(ctx.root, "tests", "cli", "fit_log.yaml")
HANDLE = {"exponential": "{dist: exponential, mean: 240}",
          "lognormal": "{dist: lognormal, mean: 240, sd: 120}",
          "gamma": "{dist: gamma, mean: 240, sd: 120}"}
PATIENCE = {"exponential": "{dist: exponential, mean: 120}",
            "lognormal": "{dist: lognormal, mean: 120, sd: 90}"}
LOAD = {"light": 4, "heavy": 2}
TRUTH_SD = {"exponential": 240, "lognormal": 120, "gamma": 120}
PAT_SD = {"exponential": None, "lognormal": 90}


def case_args(handle, patience, load):
    return ["--set", "lines.999.handle=" + HANDLE[handle],
            "--set", "lines.999.patience=" + PATIENCE[patience],
            "--set", "pools.handlers.shifts.all.staff=%d" % LOAD[load],
            "--days", "5"]


def intervals(text, key, family):
    """The fitted 95% intervals (mean lo, hi, sd lo, hi) of family, written
    above key, and whether it was the best by AIC."""
    start = text.find("    # %s: " % key)
    end = text.find("\n    %s:" % key, start)
    m = re.search(r"#   %s +AIC [0-9,]+, mean \S+ \(95%% CI (\S+) to (\S+)\) s, "
                  r"sd \S+ \((\S+) to (\S+)\) s(, best)?\n" % family,
                  text[start:end]) if start >= 0 else None
    if not m:
        return None, False
    return [float(m.group(i)) for i in range(1, 5)], bool(m.group(5))


def waited_share(path):
    with open(path, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["counted"] == "1"]
    return sum(float(r["wait_s"]) > 0 for r in rows) / len(rows)


def service_level(path, *args):
    rc, out, err = ctx.run("run", path, "--format", "json", *args,
                           timeout=300)
    ctx.check(rc == 0, "run %s: %s" % (path, err))
    sl = json.loads(out)["lines"][0]["service_level"]
    return sl["mean"], (sl["ci_high"] - sl["ci_low"]) / 2


covered = {}
pooled = [0, 0]
picked = [0, 0]   # fits whose best family by AIC is the true one
case = 0
for handle in HANDLE:
    for patience in PATIENCE:
        for load in LOAD:
            case += 1
            name = "%s handle, %s patience, %s" % (handle, patience, load)
            args = case_args(handle, patience, load)
            for seed in range(1, SEEDS + 1):
                log = os.path.join(tmp, "calls.csv")
                ctx.expect_rc(["run", scenario, "--replications", "2",
                               "--seed", 1000 * case + seed,
                               "--calls-log", log] + args, 0)
                if load == "heavy" and seed == 1:
                    share = waited_share(log)
                    ctx.check(share >= 0.2, "%s: only %.0f%% waited"
                              % (name, 100 * share))
                out, err = ctx.expect_rc(["fit", log], 0)
                h, hbest = intervals(out, "handle", handle)
                p, pbest = intervals(out, "patience", patience)
                picked[0] += hbest + pbest
                picked[1] += 2
                if not ctx.check(h and p, "%s seed %d: no intervals in\n%s"
                                 % (name, seed, out)):
                    continue
                checks = [("handle mean", h[0], h[1], 240),
                          ("patience mean", p[0], p[1], 120)]
                if handle != "exponential":
                    checks.append(("handle sd", h[2], h[3],
                                   TRUTH_SD[handle]))
                if PAT_SD[patience]:
                    checks.append(("patience sd", p[2], p[3],
                                   PAT_SD[patience]))
                for what, lo, hi, truth in checks:
                    key = (name, what)
                    covered.setdefault(key, [0, 0])
                    covered[key][1] += 1
                    covered[key][0] += lo <= truth <= hi
                    pooled[1] += 1
                    pooled[0] += lo <= truth <= hi
# The service level of the fitted scenario against the original's, each
# run over 10 replications of 5 days. The log is twelve weeks long, so that
# the fitted parameters' own error (the log is one realisation) is small
# beside the runs' intervals.
for handle, patience, load in [("lognormal", "exponential", "heavy"),
                               ("gamma", "lognormal", "light"),
                               ("exponential", "lognormal", "heavy"),
                               ("gamma", "exponential", "light")]:
    name = "%s handle, %s patience, %s" % (handle, patience, load)
    args = case_args(handle, patience, load)
    log = os.path.join(tmp, "long.csv")
    ctx.expect_rc(["run", scenario, "--replications", "2", "--seed", "99",
                   "--calls-log", log] + args[:-2] + ["--days", "84"], 0)
    fitted = os.path.join(tmp, "fitted.yaml")
    ctx.expect_rc(["fit", log, "--out", fitted], 0)
    a, ha = service_level(scenario, *args)
    b, hb = service_level(fitted, "--days", "5")
    print("%-46s service level %.4f +/- %.4f, fitted %.4f +/- %.4f"
          % (name, a, ha, b, hb))
    ctx.check(abs(a - b) <= math.hypot(ha, hb),
              "%s: service level %.4f +/- %.4f, fitted %.4f +/- %.4f"
              % (name, a, ha, b, hb))
for (name, what), (k, n) in sorted(covered.items()):
    print("%-52s %-14s %2d of %2d" % (name, what, k, n))
    ctx.check(k >= NEED, "%s: %s covered in %d of %d seeds, fewer than %d"
              % (name, what, k, n, NEED))
# How often correct intervals leave some parameter short: each one fails
# with p1 = P(Binomial(SEEDS, 0.95) < NEED), and there are many of them.
p1 = sum(math.comb(SEEDS, k) * 0.95 ** k * 0.05 ** (SEEDS - k)
         for k in range(NEED))
m = len(covered)
short = sum(k < NEED for k, _ in covered.values())
print("parameters covered in fewer than %d of %d seeds: %d of %d; with "
      "correct intervals each is %.2f%%, so some parameter %.1f%% of the "
      "time, two or more %.2f%%"
      % (NEED, SEEDS, short, m, 100 * p1, 100 * (1 - (1 - p1) ** m),
         100 * (1 - (1 - p1) ** m - m * p1 * (1 - p1) ** (m - 1))))
print("the true family best by AIC in %d of %d fits" % tuple(picked))
share = pooled[0] / pooled[1]
band = 3 * math.sqrt(0.95 * 0.05 / pooled[1])
print("pooled: %d of %d intervals cover (%.1f%%; band %.1f%% to %.1f%%)"
      % (pooled[0], pooled[1], 100 * share, 100 * (0.95 - band),
         100 * min(1, 0.95 + band)))
ctx.check(abs(share - 0.95) <= band, "pooled coverage %.3f outside "
          "0.95 +/- %.3f" % (share, band))
sys.exit(1 if ctx.failures else 0)
