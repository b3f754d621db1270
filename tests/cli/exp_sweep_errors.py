"""Bad --vary specs and bad sweep usage give one clear message each on
stderr and exit 2, before anything is simulated or written."""
import os

from exp_support import Ctx, fixture

SCEN = fixture("exp_sweep.yaml")
P = "lines.calls.volume.per_hour"

CASES = [
    # (--vary, words the message must hold)
    ("lines.calls.nonsense=1:3:1", "--vary lines.calls.nonsense=1: lines.calls: "
                                    "unknown key 'nonsense'"),
    ("lines.nocall.volume.per_hour=5,6", "--vary lines.nocall.volume.per_hour=5: "
                                          "no line named 'nocall'"),
    (P + "=10:20:0", "step must be above 0, not 0"),
    (P + "=10:20:-2.5", "step must be above 0"),
    (P + "=20:10:1", "from (20) is above to (10)"),
    (P + "=ten:20:1", "from, to and step must be numbers"),
    (P + "=10:20", "a range is from:to:step"),
    (P + "=", "no values after '='"),
    (P + "=5,,6", "empty value"),
    (P + "=-4,5", "-4 is negative"),
    (P + "=0:200000:1", "200001 values; at most 100000"),
    ("run.seed=1,2", "every point runs with the same seed"),
    ("novalue", "expected path=from:to:step"),
]


def main():
    t = Ctx()
    out_file = t.scratch("never.csv")
    for spec, words in CASES:
        out, err = t.expect(["sweep", SCEN, "--vary", spec, "--out", out_file], 2)
        t.check(words in err, "--vary %s: message lacks %r:\n%s" % (spec, words, err))
        t.check(out == "", "--vary %s wrote to stdout" % spec)
    t.check(not os.path.exists(out_file), "a refused sweep created its file")
    _, err = t.expect(["sweep", SCEN, "--vary", P + "=1:300:1", "--vary",
                       "pools.handlers.shrinkage=0:0.5:0.001"], 2)
    t.check("the grid would have 150300 points; at most 100000" in err, err)
    _, err = t.expect(["sweep", SCEN], 2)
    t.check("nothing to vary" in err, err)
    _, err = t.expect(["sweep", "--vary", P + "=1,2"], 2)
    t.check("no scenario given" in err, err)
    _, err = t.expect(["sweep", SCEN, "--vary", P + "=1,2", "--resume"], 2)
    t.check("--resume needs --out" in err, err)
    _, err = t.expect(["sweep", SCEN, "--vary", P + "=1,2", "--format", "xml"], 2)
    t.check("--format must be csv or jsonl" in err, err)
    _, err = t.expect(["sweep", SCEN, "--vary", P + "=1,2", "--vary", P + "=3"], 2)
    t.check("already varied" in err, err)
    out, _ = t.expect(["help", "sweep"], 0)
    t.check(out.startswith("usage: callsim sweep SCENARIO --vary"), out)
    t.finish()


main()
