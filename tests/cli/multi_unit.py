"""grades[].multi_unit: incidents that need more than one unit, end to end.

The model's figures are tested against theory in
tests/models/test_response_multi.c; here: the key is read, refused when
wrong with FILE:LINE:COL (or the option), the key path and the allowed
values (exit 2), written back by check and read again the same; and the
run reports units per incident and unit hours in the table, the CSV and
the JSON, for the force and each area, where they add up (unit hours of
the areas to the force's) and units per incident is 1 without multi_unit
and 1 + share x (units - 1) within its interval with it."""
import json
import os
import tempfile

from clitest import Ctx, fixture

SCEN = fixture("ample_units.yaml")
MULTI = "grades.emergency.multi_unit={share: 0.25, units: 3}"


def check_refused(t, tmp):
    cases = [
        ("{share: 1.5}", "grades.emergency.multi_unit.share: 1.5 is too "
         "large; must be a share from 0 to 1"),
        ("{share: 0.1, units: 1}", "grades.emergency.multi_unit.units: 1 is "
         "too small; must be a whole number of units from 2 to 16"),
        ("{share: 0.1, units: 2.5}", "grades.emergency.multi_unit.units: 2.5 "
         "is not a whole number; must be a whole number of units from 2 to "
         "16"),
        ("{units: 3}", "grades.emergency.multi_unit: missing key 'share'; "
         "give a share from 0 to 1"),
        ("{share: 0.1, unit: 3}", "grades.emergency.multi_unit: unknown key "
         "'unit'; did you mean 'units'?"),
        ("3", "grades.emergency.multi_unit: got '3'; must be a mapping such "
         "as {share: 0.1, units: 2}"),
    ]
    for value, message in cases:
        _, err = t.expect_rc(["check", SCEN, "--set",
                              "grades.emergency.multi_unit=" + value], 2)
        t.check(message in err, "%s: %r" % (value, err))
    with open(SCEN, encoding="utf-8") as f:
        text = f.read()
    bad = os.path.join(tmp, "bad.yaml")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(text.replace(
            "    on_scene: {dist: lognormal, mean: 1500, sd: 600}\n",
            "    on_scene: {dist: lognormal, mean: 1500, sd: 600}\n"
            "    multi_unit: {share: 0.1, units: 17}\n"))
    _, err = t.expect_rc(["check", bad], 2)
    t.check("bad.yaml:22:37: grades.emergency.multi_unit.units: 17 is too "
            "large; must be a whole number of units from 2 to 16" in err,
            "file position: %r" % err)


def check_round_trip(t, tmp):
    plain, _ = t.expect_rc(["check", SCEN], 0)
    t.check("multi_unit" not in plain, "check writes no multi_unit unasked")
    out, _ = t.expect_rc(["check", SCEN, "--set", MULTI], 0)
    t.check("    multi_unit: {share: 0.25, units: 3}\n" in out,
            "check writes multi_unit")
    t.check_reads_back(tmp, out)


def check_figures(t):
    for extra, units in (([], 1.0), (["--set", MULTI], 1.5)):
        out, _ = t.expect_rc(["run", SCEN, "--format", "json"] + extra, 0)
        doc = json.loads(out)
        g = doc["grades"][0]
        u = g["units_per_incident"]
        t.check(u["ci_low"] <= units <= u["ci_high"],
                "units per incident %s, want %g" % (u, units))
        areas = sum(a["grades"][0]["unit_hours"]["mean"]
                    for a in doc["areas"])
        t.check(abs(areas - g["unit_hours"]["mean"]) <= 1e-9 * areas,
                "unit hours: areas %r, force %r" % (areas,
                                                    g["unit_hours"]["mean"]))
        table, _ = t.expect_rc(["run", SCEN] + extra, 0)
        t.check("  units per incident              %.1f" % u["mean"] in table
                and "  unit hours " in table, "table rows")
        csv, _ = t.expect_rc(["run", SCEN, "--format", "csv"] + extra, 0)
        t.check("grade,emergency,units_per_incident," in csv and
                "grade,emergency,unit_hours," in csv, "CSV rows")


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as tmp:
        check_refused(t, tmp)
        check_round_trip(t, tmp)
        check_figures(t)
    t.finish()


main()
