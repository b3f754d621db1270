"""callsim fit --incidents: an incident log simulated by `callsim run
--incidents-log` from tests/cli/fit_incidents.yaml (two grades, two
areas, units enough that incidents rarely wait) is fitted back.

Round trip, over SEEDS seeds (3 here, CALLSIM_FIT_SEEDS to change): the
95% intervals of the true family's mean (and sd, where the family has its
own) of each grade's delay, travel and time on scene, and the 95% Wald
intervals of the line's grade mix and of the areas' shares, must cover the
truth in at least NEED of SEEDS seeds each (2 of 3, as fit_round_trip.py),
and the coverage pooled over all of them must lie within its binomial band
(3 sd). The fitted scenario must pass `callsim check` with the units and
roles the log shows.

Bad logs: each kind of problem is reported as FILE:LINE:COL: column: what
is wrong, with exit 2; --skip-bad-rows leaves the rows out and fits."""
import math
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
SEEDS = int(os.environ.get("CALLSIM_FIT_SEEDS", "3"))
NEED = {3: 2, 20: 16}.get(SEEDS, max(1, math.floor(0.95 * SEEDS
                                                    - 2.6 * math.sqrt(
                                                        0.0475 * SEEDS))))
tmp = tempfile.mkdtemp(prefix="callsim-fit-incidents-")
scenario = ctx.path("tests", "cli", "fit_incidents.yaml")
# grade: [(key, family, mean, sd or None)], as fit_incidents.yaml gives them
TRUTH = {"emergency": [("delay", "exponential", 30, None),
                       ("travel", "lognormal", 420, 150),
                       ("on_scene", "gamma", 1800, 600)],
         "priority": [("delay", "lognormal", 300, 200),
                      ("travel", "gamma", 600, 200),
                      ("on_scene", "lognormal", 2400, 900)]}
MIX = {"emergency": 0.25, "priority": 0.35}
SHARE = {"North": 0.6}


def grade_block(text, grade):
    start = text.find('\n  - name: "%s"' % grade)
    end = text.find("\n  - name: ", start + 1)
    return text[start:end if end > 0 else len(text)]


def family_interval(block, key, family):
    """(mean lo, hi, sd lo, hi) of family's fit of key in a grade's block."""
    start = block.find("    # %s: maximum likelihood" % key)
    end = block.find("\n    %s:" % key, start)
    m = re.search(r"#   %s +AIC [0-9,]+, mean \S+ \(95%% CI (\S+) to (\S+)\) "
                  r"s, sd \S+ \((\S+) to (\S+)\) s" % family,
                  block[start:end]) if start >= 0 else None
    return [float(m.group(i)) for i in range(1, 5)] if m else None


def wald(p, n):
    h = 1.959963984540054 * math.sqrt(p * (1 - p) / n)
    return p - h, p + h


def intervals(text):
    """[(what, lo, hi, truth)] of one fitted scenario."""
    out = []
    for grade, fits in TRUTH.items():
        block = grade_block(text, grade)
        for key, family, mean, sd in fits:
            iv = family_interval(block, key, family)
            if not ctx.check(iv, "%s %s: no %s fit in\n%s"
                             % (grade, key, family, block)):
                continue
            out.append(("%s %s mean" % (grade, key), iv[0], iv[1], mean))
            if sd:
                out.append(("%s %s sd" % (grade, key), iv[2], iv[3], sd))
    answered = int(re.search(r"made by the line's ([0-9,]+) answered",
                             text).group(1).replace(",", ""))
    mix = re.search(r"\n    incidents: \{(.*)\}", text).group(1)
    for grade, p in MIX.items():
        got = float(re.search(r'"%s": ([0-9.]+)' % grade, mix).group(1))
        out.append(("%s share of calls" % grade, *wald(got, answered), p))
    total = int(re.search(r"of ([0-9,]+) incidents with an area",
                          text).group(1).replace(",", ""))
    for area, p in SHARE.items():
        got = float(re.search(r'name: "%s"\n    share: ([0-9.]+)' % area,
                              text).group(1))
        out.append(("%s share" % area, *wald(got, total), p))
    return out


covered, pooled = {}, [0, 0]
for seed in range(1, SEEDS + 1):
    calls = os.path.join(tmp, "calls.csv")
    incidents = os.path.join(tmp, "incidents.csv")
    fitted = os.path.join(tmp, "fitted.yaml")
    ctx.expect_rc(["run", scenario, "--seed", seed, "--calls-log", calls,
                   "--incidents-log", incidents], 0)
    ctx.expect_rc(["fit", calls, "--incidents", incidents, "--out", fitted],
                  0)
    with open(fitted, encoding="utf-8") as f:
        text = f.read()
    ctx.expect_rc(["check", fitted], 0)
    ctx.check('{area: "North", role: "response"' in text
              and 'attends: ["emergency", "priority"]' in text,
              "seed %d: units or roles not fitted:\n%s" % (seed, text))
    for what, lo, hi, truth in intervals(text):
        c = covered.setdefault(what, [0, 0])
        c[0] += lo <= truth <= hi
        c[1] += 1
        pooled[0] += lo <= truth <= hi
        pooled[1] += 1
for what, (k, n) in sorted(covered.items()):
    print("%-28s %2d of %2d" % (what, k, n))
    ctx.check(k >= NEED, "%s covered in %d of %d seeds, fewer than %d"
              % (what, k, n, NEED))
share = pooled[0] / pooled[1]
band = 3 * math.sqrt(0.95 * 0.05 / pooled[1])
print("pooled: %d of %d intervals cover (%.1f%%)" % (pooled[0], pooled[1],
                                                     100 * share))
ctx.check(abs(share - 0.95) <= band, "pooled coverage %.3f outside "
          "0.95 +/- %.3f" % (share, band))

# Bad logs: one problem a row, each at its cell.
calls = os.path.join(tmp, "calls.csv")
HEAD = ("incident_id,call_id,grade,area,created,dispatched,arrived,"
        "cleared,unit,preempted,counted\n")
GOOD = ("1,5,emergency,North,2025-03-24T06:10:00.000+00:00,"
        "2025-03-24T06:10:30.000+00:00,2025-03-24T06:17:00.000+00:00,"
        "2025-03-24T06:47:00.000+00:00,North/response/1,0,1\n")
# (row, the text its bad cell starts with, the message after the column)
BAD = [
    ("2,6,emergency,North,2025-03-24T06:20:00.000+00:00,"
     "2025-03-24T06:19:00.000+00:00,,,North/response/2,0,1\n",
     "2025-03-24T06:19", "dispatched: 60.000 s before created"),
    ("2,6,emergency,North,2025-03-24T06:20:00.000+00:00,,"
     "2025-03-24T06:30:00.000+00:00,2025-03-24T06:29:00.000+00:00,"
     "North/response/2,0,1\n",
     "2025-03-24T06:29", "cleared: 60.000 s before arrived"),
    ("2,6,emergency,North,2025-02-30T06:20:00.000+00:00,,,,,0,1\n",
     "2025-02-30", "created: '2025-02-30T06:20:00.000+00:00' is not a real "
     "date"),
    ("2,6,emergency,North,2025-03-24T06:20:00.000+00:00,,,,North-2,0,1\n",
     "North-2", "unit: 'North-2' is not a unit AREA/ROLE/N (N a whole "
     "number from 1 to 1000000)"),
    ("2,6,emergency,North,2025-03-24T06:20:00.000+00:00,,,,,2,1\n",
     ",2,1", "preempted: '2' is not a whole number from 0 to 1"),
    ("2,6,,North,2025-03-24T06:20:00.000+00:00,,,,,0,1\n",
     ",,North", "grade: empty; every incident needs its grade"),
    ("1,6,emergency,North,2025-03-24T06:20:00.000+00:00,,,,,0,1\n",
     "1,6", "incident_id: incident 1 is already on line 2"),
    # a quoted cell is read as the call log's are: a doubled quote is one
    ('2,"6""7",emergency,North,2025-03-24T06:20:00.000+00:00,,,,,0,1\n',
     ',"6', "call_id: '6\"7' is not a whole number from 0 to "
     "9000000000000000"),
]
for row, cell, message in BAD:
    # the column of the cell: a comma before it is not part of it
    col = row.index(cell) + 1 + (cell[0] == ",")
    message = ":3:%d: %s" % (col, message)
    path = os.path.join(tmp, "bad.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD + GOOD + row + GOOD.replace("1,5,", "3,7,", 1))
    out, err = ctx.expect_rc(["fit", calls, "--incidents", path], 2)
    ctx.check(path + message in err, "%r: wanted %r in\n%s"
              % (row, path + message, err))
    out, err = ctx.expect_rc(["fit", calls, "--incidents", path,
                              "--skip-bad-rows"], 0)
    ctx.check("1 row left out" in err and "fitted from %s: 2 incidents"
              % path in out, "--skip-bad-rows %r:\n%s" % (row, err))
path = os.path.join(tmp, "empty.csv")
open(path, "w", encoding="utf-8").close()
out, err = ctx.expect_rc(["fit", calls, "--incidents", path], 2)
ctx.check(path + ": no header row: the first line must name the columns"
          in err, err)
path = os.path.join(tmp, "nograde.csv")
with open(path, "w", encoding="utf-8") as f:
    f.write(HEAD.replace("grade", "kind") + GOOD)
out, err = ctx.expect_rc(["fit", calls, "--incidents", path], 2)
ctx.check(path + ":1:1: no column for 'grade'; name the column that holds "
          "it with --incident-map COLUMN=grade" in err, err)
out, err = ctx.expect_rc(["fit", calls, "--incidents", path,
                          "--incident-map", "kind=grade"], 0)
ctx.check("fitted from %s: 1 incidents" % path in out
          and "travel: {dist: deterministic, value: 0}   # not fitted: 1 "
          "incident with both times, fewer than 2" in out, out)
out, err = ctx.expect_rc(["fit", calls, "--incidents", path,
                          "--incident-map", "kind=sort"], 2)
ctx.check("--incident-map kind=sort: must be COLUMN=FIELD, FIELD one of "
          "incident_id, call_id, grade, area, created, dispatched, arrived, "
          "cleared, unit, preempted, counted" in err, err)
ctx.finish()
