"""callsim check: prints the normalised scenario, which is itself a valid
scenario that normalises to the same text and runs to the same numbers, with
overrides applied and the roster's FTE and cost."""
import glob
import os
import tempfile

from clitest import Ctx, fixture


def roundtrip(t, path, tmpdir, run=True, args=()):
    """check on check's output gives the same text, and a short run of it
    the same numbers as the original."""
    out, _ = t.expect_rc(["check", path] + list(args), 0)
    again = os.path.join(tmpdir, "normalised.yaml")
    with open(again, "w", encoding="utf-8") as f:
        f.write(out)
    out2, err2 = t.expect_rc(["check", again], 0)
    t.check(out2 == out, "%s %s: the normalised scenario does not reload to "
            "itself\n%s" % (path, " ".join(args), err2))
    if not run:
        return
    short = ["--format", "csv", "--days", "2", "--replications", "2"]
    a, _ = t.expect_rc(["run", path] + short, 0)
    b, _ = t.expect_rc(["run", again] + short, 0)
    t.check(a == b and a != "", path + ": the normalised scenario runs differently")


def every_file_round_trips(t, tmpdir):
    """Every scenario of the repository, and every file of the fuzz corpus
    that loads, normalises to a text that normalises to itself."""
    paths = []
    for top in ("scenarios", "tests", os.path.join("bench", "scenarios")):
        paths += glob.glob(t.path(top, "**", "*.yaml"), recursive=True)
    # The fuzz inputs are not all valid: the corpus loop below takes those
    # that load.
    fuzz = t.path("tests", "fuzz") + os.sep
    paths = [p for p in paths if not p.startswith(fuzz)]
    t.check(len(paths) >= 12, "too few scenarios found: %d" % len(paths))
    for path in sorted(paths):
        roundtrip(t, path, tmpdir, run=False)
    corpus = [p for p in glob.glob(t.path("tests", "fuzz", "corpus", "**"),
                                   recursive=True) if os.path.isfile(p)]
    for path in sorted(corpus):
        rc, _, _ = t.run("check", path, timeout=60)
        if rc == 0:
            roundtrip(t, path, tmpdir, run=False)


def values_round_trip(t, tmpdir):
    """Values whose normalised text did not load back, or loaded back to
    another text: a shift of 0.0001 hours became "hours: 0" (now refused
    at once), names with characters a YAML reader refuses raw or folds."""
    small = fixture("small.yaml")
    out, err = t.expect_rc(["check", small, "--set",
                            "pools.emergency.shifts.day.hours=0.0001"], 2)
    t.check("from 1/3600 (one second) to 24" in err, "hours: 0.0001: " + err)
    for value in ("lines.999.volume={per_year: 1696.9414179438759}",
                  "run.warmup_hours=0.0002777777777777778",
                  "pools.emergency.shifts.day.hours=0.0002777777777777778",
                  'name="a\\x7f\\u0085\\u2028b"', "currency=EUR"):
        roundtrip(t, small, tmpdir, run=False, args=("--set", value))
    out, _ = t.expect_rc(["check", small, "--set", "currency=USD"], 0)
    t.check("\ncurrency: USD\n" in out, "check drops the currency")
    # A line's call-backs (written only when it has them, their pool by
    # name) and its connection time load back and run the same.
    sets = ("--set", "lines.999.callback={probability: 0.4, target_s: 900, "
            "handle: {dist: gamma, mean: 150, sd: 60}, pool: non-emergency, "
            "priority: before_own}",
            "--set", "lines.999.connection={dist: lognormal, mean: 5, sd: 3}")
    roundtrip(t, small, tmpdir, run=False, args=sets)
    short = ["--format", "csv", "--days", "2", "--replications", "2"]
    a, _ = t.expect_rc(["run", small] + list(sets) + short, 0)
    b, _ = t.expect_rc(["run", os.path.join(tmpdir, "normalised.yaml")]
                       + short, 0)
    t.check(a == b and "line_callback" in a,
            "call-backs: the normalised scenario runs differently")
    out, _ = t.expect_rc(["check", small, "--set", "lines.999.callback="
                          "{probability: 0, target_s: 900, handle: {dist: "
                          "exponential, mean: 150}, pool: emergency}"], 0)
    t.check("callback" not in out and "connection" not in out,
            "check writes call-backs of probability 0, or no connection")


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
        every_file_round_trips(t, d)
        values_round_trip(t, d)
    out, _ = t.expect_rc(["check", small, "--set", "run.days=3.5",
                          "--set", "pools.emergency.shrinkage=0.3"], 0)
    t.check("  days: 3.5\n" in out and "shrinkage: 0.3\n" in out,
            "overrides not applied in check")
    t.finish()


main()
