"""Pools on a rota (docs/scenario.md#rota), end to end.

- A rota whose daily headcount is constant (seven teams a day apart on
  D,D,D,N,N,R,R: three teams on days, two on nights, every day) and the
  weekly shifts it is equal to give the same run, byte for byte in JSON
  but for the lines naming the input (its hash and path). Each person
  works five 7.5 h shifts a week, the pool's 37.5 contracted hours, so
  the FTE of the people in post is that of the rostered hours too.
- 6-on-4-off: the run's staff on duty by hour of the week matches the
  table worked out by hand, with five teams (one on each shift every
  day) and with four at offsets 0, 2, 5, 7, over ten weeks (the cycle's
  period against the week), where some days have no night team.
- check prints the people in post, FTE, cost and the on-duty table, and
  its output loads back to itself.
- Every refusal exits 2 naming the place and the rule; optimise refuses a
  pool on a rota, pointing at roster.
"""
import json
import os
import re
import tempfile

from clitest import Ctx, fixture
from rota_tables import FIVE, four_teams, without_input

ROTA = """    rota:
      pattern: "D,D,D,N,N,R,R"
      shifts:
        - {name: D, start: "07:00", hours: 7.5}
        - {name: N, start: "22:00", hours: 7.5}
      teams: 7
      per_team: 3
"""
SHIFTS = """    shifts:
      - {name: day, start: "07:00", hours: 7.5, days: all, staff: 9}
      - {name: night, start: "22:00", hours: 7.5, days: all, staff: 6}
"""
SIX = fixture("../../scenarios/rota-6on4off.yaml")


def variants(tmp):
    """small.yaml with its emergency pool on the rota, and on shifts."""
    with open(fixture("small.yaml"), encoding="utf-8") as f:
        text = f.read()
    old = re.search(r"    shifts:\n(      - .*\n){2}", text).group(0)
    assert "name: day, start: \"07:00\", hours: 12" in old
    paths = []
    for name, block in (("rota.yaml", ROTA), ("shifts.yaml", SHIFTS)):
        paths.append(os.path.join(tmp, name))
        with open(paths[-1], "w", encoding="utf-8") as f:
            f.write(text.replace(old, block, 1))
    return paths


def check_equivalent(t, tmp):
    rota, shifts = variants(tmp)
    a, _ = t.expect_rc(["run", rota, "--format", "json", "--intervals"], 0)
    b, _ = t.expect_rc(["run", shifts, "--format", "json", "--intervals"], 0)
    t.check(a != b, "the runs name different inputs")
    t.check(without_input(a) == without_input(b),
            "the rota and its equal shifts run differently")
    doc = json.loads(a)
    t.check(doc["pools"][0]["fte"] == 21, "FTE: people in post, 7 x 3")
    t.check(doc["pools"][0]["annual_cost"] == 21 * 38000, "cost")


def check_by_hour(t):
    base = ["run", SIX, "--format", "json", "--intervals",
            "--set", "run={days: 70, warmup_hours: 0, replications: 2}",
            "--set", "pools.emergency.shrinkage=0",
            "--set", "lines.999.volume={per_day: 2000}"]
    four = ["--set", "pools.emergency.rota.teams=4",
            "--set", "pools.emergency.rota.offsets=[0, 2, 5, 7]"]
    for extra, want in (([], lambda h: FIVE[h]), (four, four_teams)):
        out, _ = t.expect_rc(base + extra, 0)
        hours = json.loads(out)["intervals"]
        t.check(len(hours) == 168, "%d hours" % len(hours))
        for h, hour in enumerate(hours):
            got = hour["pools"][0]["staff_on_duty"]["mean"]
            t.check(abs(got - 20 * want(h % 24)) < 1e-9,
                    "%s teams %s: %s on duty, want %s" % (
                        hour["label"], len(extra) and 4 or 5, got,
                        20 * want(h % 24)))


def check_check(t, tmp):
    out, _ = t.expect_rc(["check", SIX], 0)
    t.check("    # the rota: 100 people in post (5 teams of 20), 100 FTE, "
            "an annual cost of 4400000\n" in out, "people, FTE, cost:\n" + out)
    row = "    # 07:00" + "   28  28.0   28" * 7 + "\n"
    t.check(row in out, "the 07:00 row of the on-duty table")
    t.check_reads_back(tmp, out)
    out, _ = t.expect_rc(["check", SIX, "--set", "pools.emergency.rota.teams=4",
                          "--set", "pools.emergency.rota.offsets=[0,2,5,7]"], 0)
    t.check("    # 00:00" + "    0  11.2   14" * 7 + "\n" in out,
            "four teams: nights without a team show 0 at 00:00")


REFUSED = [
    # Both forms in one record (an override of one form whole drops the
    # other: tests/cli/rota_edit.py).
    (["--set", 'pools.emergency={name: emergency, serves: ["999"], shifts: '
      '[{name: d, start: "07:00", hours: 10, staff: 1}], rota: {pattern: '
      '6on4off, teams: 5, per_team: 20}}'],
     "pools.emergency.rota: both shifts and rota are given; give one"),
    (["--set", "pools.emergency.rota.pattern=E,E,X,R,R"],
     "pools.emergency.rota.pattern: unknown shift 'X' (day 3 of the pattern); "
     "allowed: the rota's shifts E, L, N; R, rest or off for a rest day; or a "
     "named pattern: 6on4off, 3x3x3, 4on4off, 2x2x2"),
    (["--set", "pools.emergency.rota.pattern=L,E,R,R,R"],
     "pools.emergency.rota.pattern: day 1 (L, ends 00:00) and day 2 (E, "
     "starts 07:00) leave 7 h of rest; the Working Time Regulations require "
     "at least 11 h between shifts"),
    (["--set", "pools.emergency.rota.pattern=R,N,N,N,N,N,N,N,R,R"],
     "pools.emergency.rota.pattern: days 2 to 8 are 7 shifts in a row; the "
     "Working Time Regulations allow at most 6"),
    (["--set", "pools.emergency.rota.pattern=E,E,E,L,L"],
     "pools.emergency.rota.pattern: no rest day in the cycle of 5 days"),
]


def check_refused(t, tmp):
    for args, message in REFUSED:
        _, err = t.expect_rc(["check", SIX] + args, 2)
        t.check(message in err, "wanted %r, got %r" % (message, err))
        _, err = t.expect_rc(["run", SIX] + args, 2)
        t.check(message in err, "run: wanted %r, got %r" % (message, err))
    neither = os.path.join(tmp, "neither.yaml")
    with open(SIX, encoding="utf-8") as f:
        text = f.read()
    with open(neither, "w", encoding="utf-8") as f:
        f.write(text[:text.index("    rota:")])
    _, err = t.expect_rc(["check", neither], 2)
    t.check(re.search(r"neither\.yaml:\d+:5: pools\.emergency: missing key "
                      r"'shifts'; give the roster: a list of shifts such as "
                      r".*, or a rota: \{pattern: 6on4off", err), err)
    # roster searches it as teams (tests/cli/roster_rota.py).
    _, err = t.expect_rc(["optimise", SIX], 2)
    t.check("callsim optimise: pool emergency in %s is on a rota (6on4off, 5 "
            "teams of 20), whose handlers on duty follow from its teams, not "
            "an hour-by-hour headcount: `callsim roster %s --pool emergency` "
            "searches teams on its pattern" % (SIX, SIX) in err, err)


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as tmp:
        check_equivalent(t, tmp)
        check_by_hour(t)
        check_check(t, tmp)
        check_refused(t, tmp)
    t.finish()


main()
