"""callsim check: prints the normalised scenario, which is itself a valid
scenario that normalises to the same text and runs to the same numbers, with
overrides applied and the roster's FTE and cost."""
import glob
import os
import tempfile

from clitest import Ctx, fixture


def roundtrip(t, path, tmpdir):
    """check on check's output gives the same text, and a short run of it
    the same numbers as the original."""
    out, _ = t.expect_rc(["check", path], 0)
    again = os.path.join(tmpdir, "normalised.yaml")
    with open(again, "w", encoding="utf-8") as f:
        f.write(out)
    out2, _ = t.expect_rc(["check", again], 0)
    t.check(out2 == out, path + ": the normalised scenario does not reload to itself")
    short = ["--format", "csv", "--days", "2", "--replications", "2"]
    a, _ = t.expect_rc(["run", path] + short, 0)
    b, _ = t.expect_rc(["run", again] + short, 0)
    t.check(a == b and a != "", path + ": the normalised scenario runs differently")


def main():
    t = Ctx()
    small = fixture("small.yaml")
    out, err = t.expect_rc(["check", small], 0)
    t.check(err == "", "check printed on stderr: " + err)
    for needle in ('name: "End-to-end \\"test\\" force"', "  warmup_hours: 6\n",
                   "  seed: 20250101\n", "volume: {per_day: 480}",
                   "# calls a day; 175200 a year", "shrinkage: 0.25",
                   "hours_per_week: 37.5", "days: [mon, tue, wed, thu, fri, sat, sun]",
                   "# the roster implies"):
        t.check(needle in out, "check output lacks %r" % needle)
    out, _ = t.expect_rc(["check", t.path("scenarios", "west-midlands-2024.yaml")], 0)
    for needle in ("\ngrades:", "\nareas:", "\nroles:", "\ndispatch:", "\nunits:",
                   '    incidents: {"emergency": 0.2, "priority": 0.25, '
                   '"scheduled": 0.15}',
                   '    attend: {within_s: 900, goal: 0.9}',
                   '    abstraction: {allowed: emergency_only, after_s: 600}',
                   '  - area: "Birmingham"\n    role: "response"\n    crew: 2',
                   "  cross_border_factor: 1.5\n", "\n# role response: ",
                   "\n# role pcso: ", "\n# role neighbourhood: ",
                   "\n# all pools and units: "):
        t.check(needle in out, "bundled check output lacks %r" % needle)
    scenarios = [small] + sorted(glob.glob(t.path("scenarios", "*.yaml")))
    scenarios += sorted(glob.glob(t.path("scenarios", "validation", "*.yaml")))
    with tempfile.TemporaryDirectory() as d:
        for path in scenarios:
            roundtrip(t, path, d)
    out, _ = t.expect_rc(["check", small, "--set", "run.days=3.5",
                          "--set", "pools.emergency.shrinkage=0.3"], 0)
    t.check("  days: 3.5\n" in out and "shrinkage: 0.3\n" in out,
            "overrides not applied in check")
    t.finish()


main()
