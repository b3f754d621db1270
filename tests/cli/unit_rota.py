"""Response units on a rota (docs/scenario.md#rota), end to end.

- A unit roster on a rota whose daily headcount is constant (seven teams
  a day apart on D,D,D,N,N,R,R: three units on days, two on nights, every
  day) and the weekly shifts it is equal to give the same run, byte for
  byte in JSON but for the lines naming the input (its hash and path).
  Each unit works five 7.5 h shifts a week, the role's 37.5 contracted
  hours, so the FTE of the officers in post is that of the rostered hours.
- 6-on-4-off: the units on duty by hour of the week match the table
  worked out by hand, with five teams (one on each shift every day) and
  with four at offsets 0, 2, 5, 7, over ten weeks, where some days have no
  night team.
- check prints the units and officers in post, FTE, cost and the on-duty
  table, and its output loads back to itself.
- Every refusal exits 2 naming the place and the rule; optimise --units
  refuses a unit on a rota, pointing at roster --units.
"""
import json
import os
import re
import tempfile

from clitest import Ctx, fixture
from rota_tables import FIVE, four_teams, without_input

NORTH = """  - area: North
    role: response
    shifts:
      - {name: night, start: "00:00", hours: 6, staff: 1}
      - {name: day, start: "06:00", hours: 18, staff: 3}
"""
ROTA = """  - area: North
    role: response
    crew: 2
    rota:
      pattern: "D,D,D,N,N,R,R"
      shifts:
        - {name: D, start: "07:00", hours: 7.5}
        - {name: N, start: "22:00", hours: 7.5}
      teams: 7
      per_team: 1
"""
SHIFTS = """  - area: North
    role: response
    crew: 2
    shifts:
      - {name: day, start: "07:00", hours: 7.5, days: all, staff: 3}
      - {name: night, start: "22:00", hours: 7.5, days: all, staff: 2}
"""
SIX = """  - area: North
    role: response
    crew: 2
    rota:
      pattern: 6on4off
      shifts:
        - {name: E, start: "07:00", hours: 10}
        - {name: L, start: "14:00", hours: 10}
        - {name: N, start: "22:00", hours: 10}
      teams: 5
      per_team: 2
"""


def write(tmp, name, block, text=None):
    """night_units.yaml with its North units given as block."""
    if text is None:
        with open(fixture("night_units.yaml"), encoding="utf-8") as f:
            text = f.read()
    assert NORTH in text and "hours_per_week: 40" in text
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(NORTH, block, 1)
                .replace("hours_per_week: 40", "hours_per_week: 37.5"))
    return path


def check_equivalent(t, tmp):
    rota, shifts = write(tmp, "rota.yaml", ROTA), write(tmp, "shifts.yaml",
                                                        SHIFTS)
    a, _ = t.expect_rc(["run", rota, "--format", "json", "--intervals"], 0)
    b, _ = t.expect_rc(["run", shifts, "--format", "json", "--intervals"], 0)
    t.check(a != b, "the runs name different inputs")
    t.check(without_input(a) == without_input(b),
            "the unit rota and its equal shifts run differently")
    role = json.loads(a)["costs"]["roles"][0]
    # North: 7 units x crew 2; South: one unit 6 h and three 18 h a day,
    # crew 1: 60 h x 7 / 37.5.
    t.check(abs(role["fte"] - (14 + 60 * 7 / 37.5)) < 1e-9,
            "FTE: officers in post: %s" % role["fte"])


def check_by_hour(t, six):
    base = ["run", six, "--format", "json",
            "--set", "run={days: 70, warmup_hours: 0, replications: 2}",
            "--set", "lines.999.volume={per_hour: 2}"]
    four = ["--set", "units.0.rota.teams=4",
            "--set", "units.0.rota.offsets=[0, 2, 5, 7]"]
    for extra, want in (([], lambda h: FIVE[h]), (four, four_teams)):
        out, _ = t.expect_rc(base + extra, 0)
        hours = json.loads(out)["by_hour"]
        t.check(len(hours) == 168, "%d hours" % len(hours))
        for h, hour in enumerate(hours):
            area = hour["areas"][0]
            got = area["units_on_duty"]["mean"]
            t.check(area["name"] == "North" and
                    abs(got - 2 * want(h % 24)) < 1e-9,
                    "%s teams %s: %s units on duty, want %s" % (
                        hour["label"], len(extra) and 4 or 5, got,
                        2 * want(h % 24)))


def check_check(t, tmp, six):
    out, _ = t.expect_rc(["check", six], 0)
    t.check("    # the rota: 10 units in post (5 teams of 2), crewed by 20 "
            "officers, 20 FTE, an annual cost of 1200000\n" in out,
            "units, officers, FTE, cost:\n" + out)
    t.check("    # each works 42 hours a week on average over the 10-day "
            "cycle (contracted: 37.5)\n" in out, "hours a week")
    row = "    # 07:00" + "    4   4.0    4" * 7 + "\n"
    t.check(row in out, "the 07:00 row of the on-duty table")
    t.check_reads_back(tmp, out)
    out, _ = t.expect_rc(["check", six, "--set", "units.0.rota.teams=4",
                          "--set", "units.0.rota.offsets=[0,2,5,7]"], 0)
    t.check("    # 00:00" + "    0   1.6    2" * 7 + "\n" in out,
            "four teams: nights without a team show 0 at 00:00")


REFUSED = [
    # Both forms in one record (an override of one form whole drops the
    # other: tests/cli/rota_edit.py).
    (["--set", 'units.0={area: North, role: response, shifts: [{name: d, '
      'start: "07:00", hours: 10, staff: 1}], rota: {pattern: 6on4off, '
      'teams: 5, per_team: 2}}'],
     "units.0.rota: both shifts and rota are given; give one"),
    (["--set", "units.0.rota.pattern=E,E,X,R,R"],
     "units.0.rota.pattern: unknown shift 'X' (day 3 of the pattern); "
     "allowed: the rota's shifts E, L, N; R, rest or off for a rest day; or a "
     "named pattern: 6on4off, 3x3x3, 4on4off, 2x2x2"),
    (["--set", "units.0.rota.pattern=L,E,R,R,R"],
     "units.0.rota.pattern: day 1 (L, ends 00:00) and day 2 (E, "
     "starts 07:00) leave 7 h of rest; the Working Time Regulations require "
     "at least 11 h between shifts"),
    (["--set", "units.0.rota.pattern=E,E,E,L,L"],
     "units.0.rota.pattern: no rest day in the cycle of 5 days"),
]


def check_refused(t, tmp, six):
    for args, message in REFUSED:
        _, err = t.expect_rc(["check", six] + args, 2)
        t.check(message in err, "wanted %r, got %r" % (message, err))
        _, err = t.expect_rc(["run", six] + args, 2)
        t.check(message in err, "run: wanted %r, got %r" % (message, err))
    neither = write(tmp, "neither.yaml", "  - {area: North, role: response}\n")
    _, err = t.expect_rc(["check", neither], 2)
    t.check(re.search(r"neither\.yaml:\d+:5: units\.0: missing key "
                      r"'shifts'; give the roster: a list of shifts such as "
                      r".*, or a rota: \{pattern: 6on4off", err), err)
    # roster --units searches it as teams (tests/cli/roster_rota.py).
    _, err = t.expect_rc(["optimise", six, "--units"], 2)
    t.check("callsim optimise: unit 0 (North, response) in %s is on a rota "
            "(6on4off, 5 teams of 2 units), whose units on duty follow from "
            "its teams: `callsim roster %s --units` searches teams on its "
            "pattern" % (six, six) in err, err)


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as tmp:
        six = write(tmp, "six.yaml", SIX)
        check_equivalent(t, tmp)
        check_by_hour(t, six)
        check_check(t, tmp, six)
        check_refused(t, tmp, six)
    t.finish()


main()
