"""callsim backtest on a thread pool: the same bytes with one thread and
with four (each replication tallies into its own slot), in every format.
Small, so that it runs under ThreadSanitizer too (suite 'threads')."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-backtest-threads-")
scenario = os.path.join(ctx.root, "tests", "cli", "fit_log.yaml")
log = os.path.join(tmp, "calls.csv")
ctx.expect_rc(["run", scenario, "--replications", "2", "--days", "1",
               "--seed", "3", "--calls-log", log], 0)
for fmt in ("table", "csv", "json"):
    one, _ = ctx.expect_rc(["backtest", scenario, log, "--format", fmt,
                            "--threads", "1"], 0)
    four, _ = ctx.expect_rc(["backtest", scenario, log, "--format", fmt,
                             "--threads", "4"], 0)
    ctx.check(one == four and one, "%s: --threads 1 and 4 differ" % fmt)
ctx.finish()
