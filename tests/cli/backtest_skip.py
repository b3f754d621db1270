"""callsim backtest --skip-bad-rows: a log with bad rows or a gap is
refused (FILE:LINE:COL, exit 2) without it; with it the rows are left out,
counted in the table and the JSON, and the hours of a gap are left out of
both sides, so a gap of a day does not set the period's offered calls
below their band."""
import csv
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-backtest-skip-")
scenario = os.path.join(ctx.root, "tests", "cli", "fit_log.yaml")
log = os.path.join(tmp, "calls.csv")
# 2025-03-24 is a Monday; a week of 20 calls an hour, 4 handlers.
ctx.expect_rc(["run", scenario, "--replications", "2", "--seed", "3",
               "--calls-log", log], 0)
with open(log, encoding="utf-8") as f:
    rows = list(csv.reader(f))
head, body = rows[0], [r for r in rows[1:] if r[rows[0].index("counted")]
                       == "1"]
COL = {h: i for i, h in enumerate(head)}


def write(data, name):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(data)
    return path


def backtest_json(path, *extra):
    out, err = ctx.expect_rc(["backtest", scenario, path, "--seed", "11",
                              "--format", "json"] + list(extra), 0)
    return json.loads(out), err


# Two bad rows: a negative wait (file line 6) and a call id given twice
# (the later row, the file's last).
bad = [head] + [list(r) for r in body]
bad[5][COL["wait_s"]] = "-3"
bad.append(list(body[100]))
path = write(bad, "bad.csv")
out, err = ctx.expect_rc(["backtest", scenario, path], 2)
ctx.check(out == "" and "%s:6:" % path in err
          and ": wait_s: negative duration -3 s" in err
          and "is already on line 102" in err
    and "nothing compared; --skip-bad-rows" in err, err)
doc, err = backtest_json(path, "--skip-bad-rows")
per = doc["period"]
ctx.check(per["rows_skipped"] == 2 and per["gaps"] == 0
          and per["calls"] == len(body) - 1,
          "skipped %s of %d rows" % (per, len(body)))
ctx.check("--skip-bad-rows: 2 rows left out, 0 gaps left out" in err, err)
offered = doc["lines"][0]["period"]["offered"]
ctx.check(offered["observed"] == len(body) - 1, "offered %s" % offered)
table, _ = ctx.expect_rc(["backtest", scenario, path, "--seed", "11",
                          "--skip-bad-rows"], 0)
ctx.check("%d calls; 2 rows skipped as bad, 0 gaps left out" % (
    len(body) - 1) in table, table)
# A clean log says nothing of skipping, in the table, and counts 0.
clean, _ = ctx.expect_rc(["backtest", scenario, log, "--seed", "11"], 0)
ctx.check("skipped" not in clean, clean)
doc, _ = backtest_json(log)
ctx.check(doc["period"]["rows_skipped"] == 0, "%s" % doc["period"])

# A gap: no call on Thursday 27 March. Refused without the option; with
# it, the simulated calls of the gap are left out too, so the period's
# offered calls sit inside their band (with Thursday's simulated calls
# counted they would be a seventh above the log's).
gap = [head] + [r for r in body if r[COL["arrived"]][:10] != "2025-03-27"]
path = write(gap, "gap.csv")
out, err = ctx.expect_rc(["backtest", scenario, path], 2)
ctx.check("a gap in the data" in err and "nothing compared" in err, err)
doc, _ = backtest_json(path, "--skip-bad-rows")
offered = doc["lines"][0]["period"]["offered"]
print("a gap of a day left out: offered %d, band %d to %d"
      % (offered["observed"], offered["pi_low"], offered["pi_high"]))
ctx.check(doc["period"]["gaps"] == 1 and offered["observed"] == len(gap) - 1
          and offered["flag"] == "inside", "with a gap: %s" % offered)
# Thursday's hours had no call observed and none simulated counted.
thu = doc["lines"][0]["hours"][3 * 24 + 12]
ctx.check(thu["offered"]["observed"] is None
          or thu["offered"]["observed"] == 0, "Thursday noon: %s" % thu)
sys.exit(1 if ctx.failures else 0)
