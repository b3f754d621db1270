"""callsim fit never writes a scenario `callsim check` refuses: a family
whose estimate is beyond a scenario's bound on a duration is set aside.

Four weeks of tests/cli/fit_log.yaml (seed 1) with the callers' patience
a Weibull of shape 0.45 and scale 140,000 s, as the bundled scenario's 999
line has it: a few callers give up at once, the rest would wait for hours,
and at light load nobody waits long, so the tail is barely identified.
The censored lognormal's estimate runs off to a mean of about 1e13 s
(beyond the bound of 1e9 s); it is set aside, the comment and the JSON say
so and why (as does the fit's page), and a family of the truth's kind is
written: a Weibull or a gamma whose shape is below 1 (a few give up at
once, the rest hold on), every figure within the bound. With 20 or so
abandoned calls the two are within an AIC point of each other, so which
of them wins is the draws', not the method's. The scenario written is
checked and run."""
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-fit-bounds-")
calls = os.path.join(tmp, "calls.csv")
fitted = os.path.join(tmp, "fitted.yaml")
page = os.path.join(tmp, "fit.html")
ctx.expect_rc(["run", ctx.path("tests", "cli", "fit_log.yaml"),
               "--set", "lines.999.patience={dist: weibull, shape: 0.45, "
               "scale: 140000}", "--set", "run.days=28",
               "--set", "run.replications=2", "--calls-log", calls], 0)
ctx.expect_rc(["fit", calls, "--out", fitted, "--report", page], 0)
with open(fitted, encoding="utf-8") as f:
    text = f.read()
ctx.check(re.search(r"#   lognormal   AIC [0-9,.]+, set aside: mean "
                    r"[0-9.]+e\+1[0-9] s is beyond what the data can support "
                    r"\(bound 1e9 s\)", text) is not None,
          "the comment names the lognormal set aside, and why:\n" + text)
m = re.search(r"\n    patience: \{dist: (weibull|gamma), "
              r"(shape|mean): ([0-9.e+]+), (scale|sd): ([0-9.e+]+)\}", text)
if m and m.group(1) == "weibull":
    shape, bound = float(m.group(3)), float(m.group(5))
elif m:  # a gamma's shape is (mean / sd)^2; its mean is within the bound
    shape, bound = (float(m.group(3)) / float(m.group(5))) ** 2, float(m.group(3))
ctx.check(m is not None and 0 < shape < 1 and bound <= 1e9,
          "a family of the truth's kind, a Weibull or gamma of shape below "
          "1, is written: %s" % (m.group(0) if m else text))
ctx.check(m is not None and re.search(
    r"#   %s +AIC [0-9,.]+, mean [0-9.e+]+ \(95%% CI "
    r"[0-9.e+]+ to [0-9.e+]+\) s, sd [0-9.e+]+ \([0-9.e+]+ to "
    r"[0-9.e+]+\) s, best" % m.group(1), text) is not None,
          "the family written is listed, with its intervals, as the best")
ctx.expect_rc(["check", fitted], 0)
out, _ = ctx.expect_rc(["run", fitted, "--set", "run.replications=2",
                        "--format", "json"], 0)
ctx.check(json.loads(out) is not None, "the fitted scenario runs")

# The page says the same, from the fit's JSON (its "set_aside").
with open(page, encoding="utf-8") as f:
    html = f.read()
ctx.check(re.search(r"Set aside: lognormal, mean [0-9.]+e\+1[0-9] s is beyond "
                    r"what the data can support \(bound 1e9 s\)\.</p>", html)
          is not None, "the page names the lognormal set aside")
ctx.finish()
