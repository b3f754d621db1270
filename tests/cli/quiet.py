"""--quiet on the commands that read a log or merge parts (fit, backtest,
merge), as run, compare, sweep, optimise and roster take it: accepted,
short form -q too; the note of the rows --skip-bad-rows left out is not
printed, the rows' errors still are, and standard output is the same."""
import csv
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-quiet-")
scenario = os.path.join(ctx.root, "tests", "cli", "fit_log.yaml")
good = os.path.join(tmp, "calls.csv")
ctx.expect_rc(["run", scenario, "--replications", "2", "--days", "4",
               "--calls-log", good], 0)
with open(good, encoding="utf-8") as f:
    rows = list(csv.reader(f))
rows[5][rows[0].index("wait_s")] = "-3"
bad = os.path.join(tmp, "bad.csv")
with open(bad, "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(rows)

for cmd in (["fit", bad], ["backtest", scenario, bad, "--seed", "7"]):
    name = " ".join(cmd[:1])
    rc, out, err = ctx.run(*cmd, "--skip-bad-rows")
    ctx.check(rc == 0 and "--skip-bad-rows: 1 row left out" in err,
              "%s --skip-bad-rows: %d %s" % (name, rc, err))
    for q in ("--quiet", "-q"):
        rc_q, out_q, err_q = ctx.run(*cmd, "--skip-bad-rows", q)
        ctx.check(rc_q == 0, "%s %s: exit %d: %s" % (name, q, rc_q, err_q))
        ctx.check(out_q == out, "%s %s: stdout differs" % (name, q))
        ctx.check("left out" not in err_q,
                  "%s %s: the note is printed: %s" % (name, q, err_q))
        ctx.check("bad.csv:6:" in err_q,
                  "%s %s: the row's error is not printed: %s"
                  % (name, q, err_q))
    # Without --skip-bad-rows the errors and the refusal stay.
    rc, out, err = ctx.run(*cmd, "--quiet")
    ctx.check(rc == 2 and "bad.csv:6:" in err and "nothing" in err,
              "%s --quiet, bad rows: %d %s" % (name, rc, err))

# merge: the parts of a run, with --quiet: the run's output, nothing on
# stderr.
parts = []
for k, rng in enumerate(("0:1", "1:2")):
    parts.append(os.path.join(tmp, "part%d" % k))
    ctx.expect_rc(["run", scenario, "--replications", "2", "--days", "1",
                   "--replications-range", rng, "--partial", parts[-1]], 0)
whole, _ = ctx.expect_rc(["merge"] + parts, 0)
for q in ("--quiet", "-q"):
    rc, out, err = ctx.run("merge", *parts, q)
    ctx.check(rc == 0 and out == whole and err == "",
              "merge %s: %d %s" % (q, rc, err))
ctx.finish()
