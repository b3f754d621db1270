"""callsim fit writes a line's 672 quarter-hour profile when the data
support it, else 168 hours (docs/fit.md, "Profile").

Four weeks across the October clock change at 150 calls an hour:
- from a profile with a spike in the first quarter of every hour, --profile
  auto chooses 672 quarter-hours, and each factor agrees with the truth
  within its Poisson interval (Bonferroni over the 672, and a chi-square
  over them); the fitted scenario checks, runs, and its own log is fitted
  back to 672 quarter-hours;
- from a purely hourly profile, auto chooses 168 hours (the likelihood
  ratio is not significant), and --profile quarter writes 672 with a
  warning naming what the data lack;
- --profile hour on the spiked log writes 168, each the mean of its four
  quarters;
- three days of the spiked log are too few (72 of 168 hours, 16 calls a
  quarter-hour): auto chooses 168 and says why;
- a --profile that is not auto, hour or quarter is refused, exit 2."""
import math
import os
import re
import sys
import tempfile
from statistics import NormalDist

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-fit-quarter-")
# Its profile is QUARTERLY; the run is four weeks from 2025-10-13, a
# Monday two weeks before the clocks go back, seed 11.
scenario = os.path.join(ctx.root, "tests", "cli", "fit_quarter.yaml")
HOURLY = [1 + 0.6 * math.sin(2 * math.pi * (h % 24 - 6) / 24)
          for h in range(168)]
SPLIT = [2.2, 0.6, 0.6, 0.6]     # a spike in the first quarter of each hour
QUARTERLY = [HOURLY[k // 4] * SPLIT[k % 4] for k in range(672)]


def simulate(log, *more):
    """A call log of the scenario, as more options change it."""
    ctx.expect_rc(["run", scenario, "--calls-log", log] + list(more), 0)


def factors(out):
    body = re.search(r"profile: \[\n(.*?)\n    \]", out, re.S).group(1)
    return [float(x) for x in re.findall(r"[0-9.]+", body)]


def test(out):
    """The likelihood ratio, its degrees of freedom, p (0 for < 1e-6) and
    the calls, from the comment."""
    m = re.search(r"# fitted: quarter-hours against hours, LR = ([0-9.]+) "
                  r"on (\d+) df, p (?:< 1e-6|= ([0-9.e-]+));\n    #   from "
                  r"([0-9,]+) calls, ([0-9.]+) a quarter-hour", out)
    ctx.check(m is not None, "no test comment in\n" + out[:2000])
    if m is None:
        return 0, 0, 1, 0
    return (float(m.group(1)), int(m.group(2)),
            float(m.group(3)) if m.group(3) else 0,
            int(m.group(4).replace(",", "")))


def chi2_upper(df, p):
    """The upper p point of chi-square on df degrees (Wilson-Hilferty)."""
    z = NormalDist().inv_cdf(1 - p)
    return df * (1 - 2 / (9 * df) + z * math.sqrt(2 / (9 * df))) ** 3


# The spiked profile: 672 chosen, each factor within its interval.
qlog = os.path.join(tmp, "quarter.csv")
simulate(qlog)
out, err = ctx.expect_rc(["fit", qlog], 0)
ctx.check("# profile: 672 quarter-hours (--profile auto): the data support "
          "them" in out, "auto on the spiked log:\n" + out[:1500])
lr, df, p, n = test(out)
ctx.check(df == 504 and p < 0.01, "spiked: LR %.1f on %d df, p %g"
          % (lr, df, p))
fitted = factors(out)
ctx.check(len(fitted) == 672, "%d factors, wanted 672" % len(fitted))
mean_truth = sum(QUARTERLY) / 672
z = NormalDist().inv_cdf(1 - 0.001 / (2 * 672))   # 0.1% over all 672
chi2 = 0
for k, (f, t) in enumerate(zip(fitted, QUARTERLY)):
    t /= mean_truth
    expected = n / 672 * t     # calls expected in the quarter-hour
    se = t / math.sqrt(expected)
    chi2 += (f - t) ** 2 / se ** 2
    ctx.check(abs(f - t) <= z * se, "quarter %d: fitted %.3f, truth %.3f "
              "+/- %.3f" % (k, f, t, z * se))
limit = chi2_upper(671, 0.001)
print("spiked: LR %.1f on %d df, %d calls; factors' chi-square %.1f over "
      "671 degrees (99.9%% point %.1f)" % (lr, df, n, chi2, limit))
ctx.check(chi2 < limit, "factors' chi-square %.1f over 671 degrees" % chi2)

# The fitted scenario checks and runs, and its own log is quarter-hourly.
fitted_path = os.path.join(tmp, "fitted.yaml")
with open(fitted_path, "w", encoding="utf-8") as f:
    f.write(out)
ctx.expect_rc(["check", fitted_path], 0)
again = os.path.join(tmp, "again.csv")
ctx.expect_rc(["run", fitted_path, "--replications", "2", "--seed", "12",
               "--calls-log", again], 0)
out_again, _ = ctx.expect_rc(["fit", again], 0)
ctx.check("# profile: 672 quarter-hours (--profile auto)" in out_again,
          "the fitted scenario's own log: " + out_again[:1500])

# --profile hour on it: 168, each hour the mean of its quarters.
out_h, err_h = ctx.expect_rc(["fit", qlog, "--profile", "hour"], 0)
ctx.check("# profile: 168 hours as --profile hour asks; the data support\n"
          "    #   672 quarter-hours\n" in out_h, "forced hour:\n" + out_h[:1500])
hourly = factors(out_h)
ctx.check(len(hourly) == 168 and all(
    abs(hourly[h] - sum(fitted[4 * h:4 * h + 4]) / 4) <= 0.002
    for h in range(168)), "forced hour: not the quarters' means")
ctx.check(err_h == "", "forced hour: stderr " + err_h)

# The hourly profile: 168 chosen; forced to 672 with a warning.
hlog = os.path.join(tmp, "hourly.csv")
simulate(hlog, "--set", "lines.999.profile=[%s]"
         % ", ".join("%.6f" % f for f in HOURLY))
out, err = ctx.expect_rc(["fit", hlog], 0)
lr, df, p, n = test(out)
print("hourly: LR %.1f on %d df, p %g, %d calls" % (lr, df, p, n))
ctx.check("# profile: 168 hours (--profile auto): not 672 quarter-hours, "
          "with\n    #   no evidence the quarters differ: p = " in out,
          "auto on the hourly log:\n" + out[:1500])
ctx.check(df == 504 and p >= 0.01 and n / 672 >= 100,
          "hourly: LR %.1f on %d df, p %g, %d calls" % (lr, df, p, n))
ctx.check(len(factors(out)) == 168, "hourly: not 168 factors")
out, err = ctx.expect_rc(["fit", hlog, "--profile", "quarter"], 0)
ctx.check(len(factors(out)) == 672, "forced quarter: not 672 factors")
ctx.check("# profile: 672 quarter-hours as --profile quarter asks; the "
          "data do not support\n    #   672 quarter-hours, with\n    #   no "
          "evidence the quarters differ: p = " in out, "forced quarter:\n"
          + out[:1500])
ctx.check(re.fullmatch(r"callsim fit: warning: line '999': --profile quarter "
                       r"on data that do not support it: no evidence the "
                       r"quarters differ: p = [0-9.]+, needs p < 0.01; its "
                       r"672 factors are "
                       r"written as asked\n", err) is not None,
          "forced quarter: stderr " + err)
fitted_path = os.path.join(tmp, "forced.yaml")
with open(fitted_path, "w", encoding="utf-8") as f:
    f.write(out)
ctx.expect_rc(["check", fitted_path], 0)

# Three days: too few hours and calls, however strong the spike.
slog = os.path.join(tmp, "short.csv")
simulate(slog, "--days", "3", "--seed", "13")
out, err = ctx.expect_rc(["fit", slog], 0)
lr, df, p, n = test(out)
ctx.check(p < 0.01 and len(factors(out)) == 168, "short: p %g, %d factors"
          % (p, len(factors(out))))
ctx.check(re.search(r"# profile: 168 hours \(--profile auto\): not 672 "
                    r"quarter-hours, with\n    #   72 of the 168 hours of "
                    r"the week observed, all needed;\n    #   [0-9.]+ calls a "
                    r"quarter-hour, 100 needed\n", out) is not None,
          "short:\n" + out[:1500])
out, err = ctx.expect_rc(["fit", slog, "--profile", "quarter"], 0)
ctx.check("72 of the 168 hours of the week observed" in err
          and len(factors(out)) == 672, "short, forced quarter: " + err)

# A value --profile does not take.
_, err = ctx.expect_rc(["fit", slog, "--profile", "minute"], 2)
ctx.check("--profile must be auto, hour or quarter, not 'minute'" in err,
          "bad --profile: " + err)
ctx.finish()
