"""Extreme values that check used to accept and that then broke the run:
each is refused by check and by run (exit 2), with the --set it came from,
the key, the value and the allowed range. The products of factors are
bounded too, and values at the top of every factor's range run to finite
figures."""
import json
import math

from clitest import Ctx, fixture

# (scenario, --set, what the problem line must say after it, and another
# --set given first, if any)
REFUSED = [
    # run aborted on isfinite(time_s) (debug) or attended nothing (release)
    ("exp_units.yaml", "areas.South.travel_factor=1e308",
     "areas.South.travel_factor: 1e308 is too large; must be a positive "
     "factor, at most 100"),
    ("exp_units.yaml", "dispatch.cross_border_factor=1e308",
     "dispatch.cross_border_factor: 1e308 is too large; must be a factor "
     "from 1 to 100"),
    # spun at 100% CPU for ever: every next arrival rounded to one instant
    ("small.yaml", "lines.999.months={apr: 1e20}",
     "lines.999.months.apr: 1e20 is too large; must be a factor from 0 to "
     "100"),
    # grew memory at 400 MB/s
    ("small.yaml", "lines.999.volume={per_hour: 1e9}",
     "lines.999.volume.per_hour: 1e9 is too large; must be a number of calls "
     "an hour from 0 to 36000 (10 a second)"),
    # printed an annual cost of inf (JSON null)
    ("small.yaml", "pools.emergency.cost_per_fte=1e308",
     "pools.emergency.cost_per_fte: 1e308 is too large; must be an annual "
     "cost from 0 to 1e8"),
    # gave 1e303 FTE
    ("small.yaml", "pools.emergency.hours_per_week=1e-300",
     "pools.emergency.hours_per_week: 1e-300 is too small; must be a number "
     "of hours from 1 to 168"),
    # each factor in range, the product of volume, month and surge not
    ("small.yaml", "lines.999.volume={per_hour: 36000}",
     "lines.999.volume: at its peak, from 2024-04-01 10:00, the line has "
     "2000 calls a second",
     "lines.999.surges=[{start: \"mon 10:00\", hours: 4, factor: 200}]"),
    # a travel mean in range, times the area's and the border's factors not
    ("exp_units.yaml", "grades.urgent.travel={dist: exponential, mean: 9e8}",
     "grades.urgent.travel: a mean of 9e+08 s x 1.8 (travel_factor 1.2 of "
     "area South x cross_border_factor across a border) is 1.62e+09 s; must "
     "be at most 1e9 s"),
    # hexadecimal is not read (plain decimal everywhere)
    ("small.yaml", "run.days=0x10",
     "run.days: '0x10' is not a plain decimal number"),
]


def main():
    t = Ctx()
    for name, setting, want, *first in REFUSED:
        before = ["--set", first[0]] if first else []
        for cmd in ("check", "run"):
            out, err = t.expect_rc([cmd, fixture(name)] + before +
                                   ["--set", setting], 2)
            t.check(out == "" and ("--set %s: %s" % (setting, want)) in err,
                    "%s --set %s: wanted '%s' in:\n%s" % (cmd, setting, want,
                                                          err))
    # Every factor at the top of its range: a finite run.
    out, _ = t.expect_rc(["run", fixture("exp_units.yaml"), "--format", "json",
                          "--days", "1", "--replications", "2",
                          "--set", "areas.South.travel_factor=100",
                          "--set", "areas.North.travel_factor=100",
                          "--set", "dispatch.cross_border_factor=100",
                          "--set", "lines.999.months={jan: 100, apr: 100}",
                          "--set", "lines.999.volume={per_hour: 0.3}",
                          "--set", "pools.handlers.cost_per_fte=1e8",
                          "--set", "pools.handlers.hours_per_week=1"], 0)
    numbers = []

    def walk(v):
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, float):
            numbers.append(v)
    walk(json.loads(out))
    t.check(numbers and all(math.isfinite(x) for x in numbers),
            "a run at the top of the ranges printed a non-finite figure")
    t.finish()


main()
