"""callsim fit: redial probability and delay from a call log that names
its callers (caller_id).

Round trip over SEEDS seeds (3 here, CALLSIM_FIT_SEEDS to change): logs
simulated from tests/cli/fit_log.yaml with 2 handlers and callers who
redial (probability 0.4, exponential delay of mean 90 s, and lognormal
delay of mean 90 s, sd 60 s) are fitted; Wilson's 95% interval of the
probability, the true family's 95% interval of the delay's mean (and
sd), and the Poisson interval of the volume (first calls only, since the
fitted redial brings the redials) must cover the truth in at least NEED of SEEDS seeds, as
fit_round_trip.py, and the fitted scenario must pass check. The same log
without its redial column (a caller's next call within an hour of hanging
up is the redial) fits the same counts; without caller_id nothing is said
of redials."""
import csv
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
tmp = tempfile.mkdtemp(prefix="callsim-fit-redial-")
scenario = ctx.path("tests", "cli", "fit_log.yaml")
DELAY = {"exponential": ("{dist: exponential, mean: 90}", 90, None),
         "lognormal": ("{dist: lognormal, mean: 90, sd: 60}", 90, 60)}


def redial_block(text):
    start = text.find("    # redial: ")
    end = text.find("      delay: ", start)
    return text[start:text.find("\n", end)] if start >= 0 else ""


def without(path, out, column):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, [k for k in rows[0] if k != column])
        w.writeheader()
        for r in rows:
            r.pop(column)
            w.writerow(r)


covered = {}
for case, (family, (dist, mean, sd)) in enumerate(DELAY.items(), 1):
    for seed in range(1, SEEDS + 1):
        log = os.path.join(tmp, "calls.csv")
        ctx.expect_rc(["run", scenario, "--seed", 100 * case + seed,
                       "--calls-log", log,
                       "--set", "pools.handlers.shifts.all.staff=2",
                       "--set", "lines.999.redial={probability: 0.4, "
                       "delay: %s}" % dist, "--days", "14"], 0)
        fitted = os.path.join(tmp, "fitted.yaml")
        ctx.expect_rc(["fit", log, "--out", fitted], 0)
        with open(fitted, encoding="utf-8") as f:
            text = f.read()
        ctx.expect_rc(["check", fitted], 0)
        block = redial_block(text)
        m = re.search(r"probability: \S+   # fitted: (\d+) of (\d+) "
                      r"redialled \(95% CI (\S+) to (\S+)\)", block)
        d = re.search(r"#   %s +AIC [0-9,]+, mean \S+ \(95%% CI (\S+) to "
                      r"(\S+)\) s, sd \S+ \((\S+) to (\S+)\) s" % family, block)
        if not ctx.check(m and d, "%s seed %d: no redial fit in\n%s"
                         % (family, seed, block)):
            continue
        checks = [("probability", float(m.group(3)), float(m.group(4)), 0.4),
                  ("delay mean", float(d.group(1)), float(d.group(2)), mean)]
        if sd:
            checks.append(("delay sd", float(d.group(3)), float(d.group(4)),
                           sd))
        v = re.search(r"volume: \{per_year: (\d+)\}   # fitted: n = ([0-9,]+) "
                      r"calls", text)
        n_first = int(v.group(2).replace(",", ""))
        half = 1.959963984540054 * float(v.group(1)) / math.sqrt(n_first)
        # first calls only: 20 an hour, the redials on top
        checks.append(("volume", float(v.group(1)) - half,
                       float(v.group(1)) + half, 20 * 8760))
        for what, lo, hi, truth in checks:
            c = covered.setdefault((family, what), [0, 0])
            c[0] += lo <= truth <= hi
            c[1] += 1
        if seed == 1:
            bare = os.path.join(tmp, "bare.csv")
            without(log, bare, "redial")
            out, _ = ctx.expect_rc(["fit", bare], 0)
            ctx.check("%s of %s redialled" % (m.group(1), m.group(2)) in out,
                      "without the redial column:\n%s" % redial_block(out))
            without(log, bare, "caller_id")
            out, _ = ctx.expect_rc(["fit", bare], 0)
            ctx.check("    # redial:" not in out and "    redial:" not in out
                      and " redials, left out" not in out,
                      "without caller_id:\n%s" % out)
for (family, what), (k, n) in sorted(covered.items()):
    print("%-12s delay: %-12s %2d of %2d" % (family, what, k, n))
    ctx.check(k >= NEED, "%s delay: %s covered in %d of %d seeds, fewer "
              "than %d" % (family, what, k, n, NEED))
ctx.finish()
