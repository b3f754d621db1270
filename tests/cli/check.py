"""callsim check: prints the normalised scenario, which is itself a valid
scenario that normalises to the same text, with overrides applied and the
roster's FTE and cost."""
import os
import tempfile

from clitest import Ctx, fixture


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
    with tempfile.TemporaryDirectory() as d:
        again = os.path.join(d, "normalised.yaml")
        with open(again, "w", encoding="utf-8") as f:
            f.write(out)
        out2, _ = t.expect_rc(["check", again], 0)
        t.check(out2 == out, "the normalised scenario does not reload to itself")
        # Running it gives the same numbers as the original.
        a, _ = t.expect_rc(["run", small, "--format", "csv"], 0)
        b, _ = t.expect_rc(["run", again, "--format", "csv"], 0)
        t.check(a == b, "the normalised scenario runs differently")
    out, _ = t.expect_rc(["check", small, "--set", "run.days=3.5",
                          "--set", "pools.emergency.shrinkage=0.3"], 0)
    t.check("  days: 3.5\n" in out and "shrinkage: 0.3\n" in out,
            "overrides not applied in check")
    bundled = t.path("scenarios", "west-midlands-2024.yaml")
    t.expect_rc(["check", bundled], 0)
    t.finish()


main()
