"""lines[].duplicate: answered calls about an incident already reported,
end to end.

The model's counts are tested against theory in
tests/models/test_duplicate.c; here: the key is refused when wrong with
FILE:LINE:COL (or the option), the key path and the allowed values (exit
2), written back by check only when above 0 and read again the same; and
the run reports, per line, incidents created, duplicate calls, resolved on
the call and calls per incident in the table, the CSV and the JSON, with
answered = incidents created + duplicates + resolved on the call, the
duplicates within the binomial interval of share x answered, calls per
incident within its interval of 1 / ((1 - share) x 0.1); and compare
shows duplicate calls and calls per incident, with the calls themselves
unchanged."""
import json
import math
import os
import tempfile

from clitest import Ctx, fixture

SCEN = fixture("ample_units.yaml")
SHARE = 0.3
DUP = "lines.999.duplicate=%g" % SHARE


def check_refused(t, tmp):
    cases = [
        ("1", "lines.999.duplicate: 1 is too large; must be a share with "
         "0 <= duplicate < 1"),
        ("-0.2", "lines.999.duplicate: -0.2 is negative; must be a share "
         "with 0 <= duplicate < 1"),
        ("some", "lines.999.duplicate: 'some' is not a number; must be a "
         "share with 0 <= duplicate < 1"),
    ]
    for value, message in cases:
        _, err = t.expect_rc(["check", SCEN, "--set",
                              "lines.999.duplicate=" + value], 2)
        t.check(message in err, "%s: %r" % (value, err))
    _, err = t.expect_rc(["check", fixture("small.yaml"), "--set",
                          "lines.999.duplicate=0.2"], 2)
    t.check("lines.999.duplicate: no grades are defined, so no call "
            "creates an incident and none can repeat one" in err,
            "without grades: %r" % err)
    with open(SCEN, encoding="utf-8") as f:
        text = f.read()
    bad = os.path.join(tmp, "bad.yaml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(text.replace("    incidents: {emergency: 0.1}\n",
                             "    incidents: {emergency: 0.1}\n"
                             "    duplicate: 1.5\n"))
    _, err = t.expect_rc(["check", bad], 2)
    t.check("bad.yaml:13:16: lines.999.duplicate: 1.5 is too large; must "
            "be a share with 0 <= duplicate < 1" in err,
            "file position: %r" % err)


def check_round_trip(t, tmp):
    plain, _ = t.expect_rc(["check", SCEN], 0)
    t.check("duplicate" not in plain, "check writes no duplicate unasked")
    out, _ = t.expect_rc(["check", SCEN, "--set", DUP], 0)
    t.check("    duplicate: 0.3   # of answered calls: no new incident\n"
            in out, "check writes duplicate")
    t.check_reads_back(tmp, out)


def check_figures(t):
    out, _ = t.expect_rc(["run", SCEN, "--format", "json", "--set", DUP], 0)
    doc = json.loads(out)
    reps = doc["replications"]
    line = doc["lines"][0]
    answered = line["answered"]["mean"]
    parts = sum(line[k]["mean"] for k in ("incidents_created", "duplicates",
                                          "resolved_on_call"))
    t.check(abs(answered - parts) <= 1e-9 * answered,
            "answered %r != %r" % (answered, parts))
    # Over all replications duplicates are Binomial(N, share) given the
    # N answered: the 99% normal interval of the total.
    n = answered * reps
    half = 2.5758293035489 * math.sqrt(n * SHARE * (1 - SHARE))
    dups = line["duplicates"]["mean"] * reps
    t.check(abs(dups - SHARE * n) <= half,
            "duplicates %r of %r, want %r +/- %r" % (dups, n, SHARE * n, half))
    cpi = line["calls_per_incident"]
    want = 1 / ((1 - SHARE) * 0.1)
    t.check(cpi["ci_low"] <= want <= cpi["ci_high"],
            "calls per incident %r, want %r" % (cpi, want))
    table, _ = t.expect_rc(["run", SCEN, "--set", DUP], 0)
    for label in ("incidents created", "duplicate calls",
                  "resolved on the call", "calls per incident"):
        t.check("\n  %s " % label in table, "table row %s" % label)
    csv, _ = t.expect_rc(["run", SCEN, "--format", "csv", "--set", DUP], 0)
    for metric in ("incidents_created", "duplicates", "resolved_on_call",
                   "calls_per_incident"):
        t.check("\nline,999,%s," % metric in csv, "CSV row %s" % metric)


def check_compare(t):
    out, _ = t.expect_rc(["compare", SCEN, "--set-b", DUP, "--format",
                          "json"], 0)
    doc = json.loads(out)
    figs = doc["lines"][0]
    t.check(figs["service_level"]["diff"]["mean"] == 0,
            "the calls are the same: %r" % figs["service_level"])
    t.check(figs["duplicates"]["a"]["mean"] == 0 and
            figs["duplicates"]["b"]["mean"] > 0, "duplicates %r"
            % figs["duplicates"])
    t.check(figs["calls_per_incident"]["diff"]["ci_low"] > 0,
            "calls per incident rises: %r" % figs["calls_per_incident"])
    table, _ = t.expect_rc(["compare", SCEN, "--set-b", DUP], 0)
    t.check("  line 999 duplicate calls " in table and
            "  line 999 calls/incident " in table, "compare table rows")


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as tmp:
        check_refused(t, tmp)
        check_round_trip(t, tmp)
        check_figures(t)
        check_compare(t)
    t.finish()


main()
