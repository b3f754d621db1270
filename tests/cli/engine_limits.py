"""Extreme values the engine must survive, whatever the scenario loader
lets through: each run ends with a clear message and exit 1 (or, once the
loader refuses the value, exit 2 naming the key), never an assertion, a
silent run that exits 0, a hang or memory without bound.

Regressions: `travel_factor: 1e308` (or cross_border_factor) aborted on
an assertion in a debug build and exited 0 with nothing attended in a
release build; `months: {apr: 1e20}` on a line of 1 call an hour spun for
ever or grew to 12 GB; `per_hour: 1e9` grew memory at 400 MB/s."""
from clitest import Ctx, fixture

UNITS = fixture("exp_units.yaml")
OVERLOAD = fixture("overload.yaml")
# A low bound on waiting callers, so that a run that must pass it does so
# in a fraction of a second; the default (10,000,000) is checked below.
LOW = ["--set", "run.max_waiting=20000"]


def refused(t, args, key, engine_words):
    """The run fails: exit 1 with the engine's message, or exit 2 with the
    loader's naming the key."""
    rc, out, err = t.run("run", *args, timeout=60)
    what = "callsim run %s" % " ".join(args)
    if rc == 2:
        t.check(key in err, "%s: exit 2 without naming %s: %s" % (what, key, err))
        return
    t.check(rc == 1, "%s: exit %d, wanted 1 (or 2): %s" % (what, rc, err))
    t.check(err.startswith("callsim run: replication ")
            and engine_words in err and err.count("\n") == 1,
            "%s: message %r lacks %r" % (what, err, engine_words))
    t.check(out == "", "%s: printed figures of a failed run" % what)


def main():
    t = Ctx()
    refused(t, [UNITS, "--set", "areas.South.travel_factor=1e308"],
            "areas.South.travel_factor",
            "the travel time to an incident of grade urgent in area South "
            "is not finite: the grade's travel x the area's travel_factor "
            "is too large")
    refused(t, [UNITS, "--set", "dispatch.cross_border_factor=1e308"],
            "dispatch.cross_border_factor",
            "travel_factor x dispatch.cross_border_factor is too large")
    one_an_hour = ["--set", "lines.999.volume.per_hour=1", "--set",
                   "lines.101.volume.per_hour=1"]
    # Line 999 has no patience, line 101 has.
    for line in ("999", "101"):
        refused(t, [OVERLOAD] + one_an_hour + LOW +
                ["--set", "lines.%s.months.apr=1e20" % line],
                "lines.%s.months.apr" % line,
                "more than 20000 callers waiting at once at ")
    refused(t, [OVERLOAD, "--set", "lines.999.volume.per_hour=1e9"] + LOW,
            "lines.999.volume.per_hour",
            "more than 20000 callers waiting at once at ")
    # The bound is in the normalised scenario, with its default.
    out, _ = t.expect_rc(["check", OVERLOAD], 0)
    t.check("\n  max_waiting: 10000000\n" in out, "check shows the bound:\n" + out)
    t.finish()


main()
