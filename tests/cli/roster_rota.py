"""`callsim roster` on pools and response units already on a rota
(docs/experiments.md, "Pools and units already on a rota").

- A pool on a rota (scenarios/rota-6on4off.yaml, at a week of 4
  replications) is searched as teams on its own pattern: the result is a
  rota (teams, people per team, offsets), its people in post are its FTE,
  every person's sequence was checked against the Working Time
  Regulations and it says so; the scenario fragment and the --set
  overrides carry the rota itself, and fed back to `callsim run` they
  meet the agreement with the same service level and the same FTE.
- --keep-shape keeps the scenario's five teams two days apart and
  chooses only the people in each.
- optimise refuses a pool on a rota, pointing at roster (exit 2).
- A unit roster on a rota (roster --units) and units on shifts rostered
  with --units --rota PATTERN: every attendance agreement met force-wide
  and in every area, and again when fed back to `callsim run`.
- Pools on shifts rostered with --rota PATTERN (tests/cli/exp_daily.yaml
  at its own replications and horizon) are searched as teams too: the
  result is a true rota, written back as `--set pools.NAME.rota={...}`
  with no shifts and no start (the cycle starts with the run). Fed back
  to `callsim run` as they are, the overrides meet every agreement with
  the roster's service levels and count the rota's people in post; check
  writes each pool on its rota alone (read back to itself), and its
  on-duty table by hour of the week (minimum, mean, maximum over the
  cycle's weeks) is the one worked out here from the teams, their
  offsets and the pattern's shifts, whose minimum is the roster's cover.
- Bad options exit 2 naming the option; an override of a rota's teams on
  a pool still on shifts is refused, asking for the whole rota.
"""
import json
import os
import re
import tempfile

from clitest import Ctx, fixture

SIX = None   # set in main: scenarios/rota-6on4off.yaml
WEEK = ["--days", "7", "--replications", "4"]
WTR = ("Working Time Regulations: at least 11 h rest between shifts, at "
       "most 6 shifts in a row")
NORTH = """  - area: North
    role: response
    shifts:
      - {name: night, start: "00:00", hours: 6, staff: 1}
      - {name: day, start: "06:00", hours: 18, staff: 3}
"""
UNIT_SIX = """  - area: North
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


def roster(t, scen, *extra, rc=0):
    out, err = t.expect_rc(["roster", scen, "--format", "json", "--quiet"]
                           + [str(x) for x in extra], rc)
    return (json.loads(out) if rc == 0 else None), err


def fed_back(t, scen, r):
    args = ["run", scen, "--format", "json", "--quiet"]
    for s in r["set"]:
        args += ["--set", s]
    out, _ = t.expect_rc(args, 0)
    return json.loads(out)


def check_team_rota(t, rota, teams=None, offsets=None):
    t.check(rota is not None and rota["rules_checked"] == WTR, "rota %s" % rota)
    t.check(1 <= rota["teams"] <= 64 and rota["per_team"] >= 1
            and rota["people"] == rota["teams"] * rota["per_team"]
            and len(rota["offsets"]) == rota["teams"]
            and all(0 <= o < rota["cycle_days"] for o in rota["offsets"]),
            "teams %s" % rota)
    if teams is not None:
        t.check(rota["teams"] == teams and rota["offsets"] == offsets,
                "kept teams %s" % rota)


def check_pool(t):
    r, _ = roster(t, SIX, *WEEK)
    p = r["pools"][0]
    rota = p["rota"]
    t.check(r["met"] and r["rules_checked"] == WTR, "met, rules: %s" % r)
    check_team_rota(t, rota)
    t.check(rota["pattern"] == "6on4off" and rota["start"] == "2024-04-01"
            and not rota["kept"] and p["shifts"] == [], "rota %s" % rota)
    # Each person works 6 shifts of 10 h in 10 days: 42 h a week.
    t.check(abs(rota["people"] * 42 - p["rostered_hours"]) < 1e-6
            and p["fte"] == rota["people"], "people are the FTE: %s" % p)
    t.check(all(h["on_duty"] >= h["requirement"] for h in p["hours"]),
            "cover below the requirement")
    lp = {x["name"]: x for x in r["references"]}
    t.check(lp["lp_bound"]["fte"] <= p["fte"] + 1e-6
            and lp["hour_by_hour"]["fte"] is None
            and "lines" not in lp["hour_by_hour"], "references %s" % lp)
    want = "pools.emergency.rota={pattern: \"6on4off\", shifts: ["
    t.check(r["set"][0].startswith(want) and ", teams: %d, per_team: %d, "
            "offsets: [%s], start: \"2024-04-01\"}" % (
                rota["teams"], rota["per_team"],
                ", ".join(map(str, rota["offsets"]))) in r["set"][0],
            "the override is the rota: %s" % r["set"][0])
    run = fed_back(t, SIX, r)
    t.check(run["lines"][0]["verdict"] == "met"
            and run["lines"][0]["service_level"]
            == r["lines"][0]["service_level"], "fed back: %s" % run["lines"])
    t.check(run["costs"]["pools"][0]["fte"] == rota["people"],
            "the run counts the rota's people: %s" % run["costs"]["pools"])
    out, _ = t.expect_rc(["roster", SIX, "--quiet", "--format", "csv"]
                         + WEEK, 0)
    for row in ("rota,emergency,teams,%d," % rota["teams"],
                "rota,emergency,per_team,%d," % rota["per_team"],
                "rota,emergency,people,%d," % rota["people"]):
        t.check(row in out, "CSV lacks %r" % row)
    out, _ = t.expect_rc(["roster", SIX, "--quiet"] + WEEK, 0)
    for words in ("rules checked: " + WTR,
                  "%d teams of %d, %d in post; each team's day of the cycle "
                  "on 2024-04-01" % (rota["teams"], rota["per_team"],
                                     rota["people"]),
                  "    rota: {pattern: \"6on4off\"",
                  "hour by hour (callsim optimise)             -"):
        t.check(words in out, "table lacks %r" % words)


def check_kept(t):
    r, _ = roster(t, SIX, "--keep-shape", *WEEK)
    rota = r["pools"][0]["rota"]
    check_team_rota(t, rota, 5, [0, 2, 4, 6, 8])
    t.check(rota["kept"] and r["met"], "kept %s" % rota)
    run = fed_back(t, SIX, r)
    t.check(run["lines"][0]["verdict"] == "met", "fed back kept")


# 6-on-4-off as rota.h names it: (start hour, hours) of E, L and N.
SIX_SHIFTS = {"E": (7, 10), "L": (14, 10), "N": (22, 10)}
SIX_PATTERN = "E,E,L,L,N,N,R,R,R,R".split(",")


def rota_hours(rota, shrinkage):
    """On duty (after shrinkage, rounded half up as the run rounds) by hour
    of the week, over the 70 days in which 6-on-4-off meets the week
    again: (minimum, mean, maximum). Team at offset o works pattern day
    (d + o) mod 10 on day d from the run's start, a Monday; a night runs
    into the next morning."""
    n, days = len(SIX_PATTERN), 70
    rostered = [0] * (days * 24)
    for o in rota["offsets"]:
        for d in range(days):
            shift = SIX_PATTERN[(d + o) % n]
            if shift == "R":
                continue
            start, hours = SIX_SHIFTS[shift]
            for i in range(hours):
                rostered[(d * 24 + start + i) % (days * 24)] += \
                    rota["per_team"]
    week = [[] for _ in range(168)]
    for hour, r in enumerate(rostered):
        week[hour % 168].append(int(r * (1 - shrinkage) + 0.5 + 1e-9))
    return [(min(h), sum(h) / len(h), max(h)) for h in week]


def check_table(t, out, pool, want):
    """check's on-duty table of pool against want[168]."""
    block = out[out.index('  - name: "%s"' % pool):]
    head = block.index("# on duty by hour of the week")
    rows = re.findall(r"^    # (\d\d):00 +(.*)$", block[head:], re.M)[:24]
    t.check(len(rows) == 24, "%s: %d rows" % (pool, len(rows)))
    for hod, cells in rows:
        cells = cells.split()
        for day in range(7):
            lo, mean, hi = want[day * 24 + int(hod)]
            got = cells[3 * day:3 * day + 3]
            t.check(got == [str(lo), "%.1f" % mean, str(hi)],
                    "%s %s %s:00: check %s, the rota %s"
                    % (pool, day, hod, got, (lo, mean, hi)))


def check_shifts_pool(t, tmp):
    daily = fixture("exp_daily.yaml")
    r, _ = roster(t, daily, "--rota", "6on4off")
    t.check(r["met"] and r["rules_checked"] == WTR, "met: %s" % r["lines"])
    t.check(len(r["set"]) == 2, "one override a pool: %s" % r["set"])
    for p, edit in zip(r["pools"], r["set"]):
        check_team_rota(t, p["rota"])
        t.check(p["rota"]["start"] is None and p["shifts"] == []
                and p["fte"] == p["rota"]["people"], "rota %s" % p["rota"])
        t.check(edit.startswith("pools.%s.rota={pattern: \"6on4off\", "
                                "shifts: [{name: \"E\", start: \"07:00\", "
                                "hours: 10}" % p["name"])
                and ", teams: %d, per_team: %d, offsets: [%s]}" % (
                    p["rota"]["teams"], p["rota"]["per_team"],
                    ", ".join(map(str, p["rota"]["offsets"]))) in edit
                and "start: \"20" not in edit, "override %s" % edit)
    run = fed_back(t, daily, r)
    t.check([(x["verdict"], x["service_level"]) for x in run["lines"]]
            == [("met", x["service_level"]) for x in r["lines"]],
            "fed back: %s" % run["lines"])
    t.check([x["fte"] for x in run["costs"]["pools"]]
            == [p["rota"]["people"] for p in r["pools"]],
            "the run counts the rotas' people: %s" % run["costs"]["pools"])
    args = ["check", daily]
    for edit in r["set"]:
        args += ["--set", edit]
    out, _ = t.expect_rc(args, 0)
    t.check("shifts:   # who is on duty" not in out
            and out.count("\n    rota:\n") == 2, "check: rotas alone")
    for p, shrinkage in zip(r["pools"], (0.3, 0.35)):
        rota = p["rota"]
        t.check("# the rota: %d people in post (%d teams of %d)" % (
            rota["people"], rota["teams"], rota["per_team"]) in out,
            "check's rota of %s" % p["name"])
        want = rota_hours(rota, shrinkage)
        check_table(t, out, p["name"], want)
        t.check([h["on_duty"] for h in p["hours"]]
                == [lo for lo, _, _ in want], "%s: the roster's cover is "
                "the rota's least" % p["name"])
    t.check_reads_back(tmp, out)
    _, err = t.expect_rc(["roster", daily, "--quiet", "--rota", "6on4off",
                          "--set", "pools.emergency.rota.teams=4"], 2)
    t.check("pools.emergency is staffed by shifts, so it has no rota to "
            "change; give the whole rota" in err, err)


def check_units(t, tmp):
    with open(fixture("night_units.yaml"), encoding="utf-8") as f:
        text = f.read()
    six = os.path.join(tmp, "six.yaml")
    with open(six, "w", encoding="utf-8") as f:
        f.write(text.replace(NORTH, UNIT_SIX, 1))
    for scen, extra in ((six, []),
                        (fixture("night_units.yaml"), ["--rota", "6on4off"])):
        r, _ = roster(t, scen, "--units", "--days", 7, "--replications", 3,
                      *extra)
        t.check(r["met"] and r["rules_checked"] == WTR, "units met %s" % extra)
        t.check(all(g["verdict"] == "met" for g in r["grades"])
                and {g["area"] for g in r["grades"]}
                == {None, "North", "South"}, "every area %s" % r["grades"])
        north = r["entries"][0]
        t.check(north["rota"] is not None and north["shifts"] == [],
                "North on a rota: %s" % north)
        # On a rota in the file, or on shifts given --rota: teams either
        # way, written back as the rota (crew 2 in the file, 1 on shifts).
        check_team_rota(t, north["rota"])
        t.check(r["set"][0].startswith("units.0.rota={pattern: "
                                       "\"6on4off\"")
                and north["fte"] == north["rota"]["people"]
                * (1 if extra else 2),
                "units.0 a rota of units: %s" % r["set"][0])
        run = fed_back(t, scen, r)
        mine = {(g["area"], g["grade"]): g for g in r["grades"]}
        theirs = [(None, g) for g in run["grades"]] + [
            (a["name"], g) for a in run["areas"] for g in a["grades"]]
        for area, g in theirs:
            if g["goal"] is None:
                continue
            t.check(g["verdict"] == "met"
                    and g["attended_within_target"]
                    == mine[(area, g["name"])]["attended_within_target"],
                    "fed back %s: %s %s" % (extra, area, g))
    return six


def check_refused(t, six):
    _, err = t.expect_rc(["optimise", SIX], 2)
    t.check("pool emergency in %s is on a rota" % SIX in err
            and "`callsim roster %s --pool emergency` searches teams on its "
            "pattern" % SIX in err, err)
    _, err = t.expect_rc(["optimise", six, "--units"], 2)
    t.check("`callsim roster %s --units` searches teams" % six in err, err)
    for extra, words in (
            (["--rota", "6on4off", "--keep-shape"],
             "--rota fixes the shifts: drop --keep-shape"),
            (["--units", "--rota", "late,early,R,R"], "--rota late,early,R,R"),
            (["--units", "--rota", ""], "--rota must be")):
        _, err = t.expect_rc(["roster", six, "--quiet"] + extra, 2)
        t.check(words in err, "%s: %s" % (extra, err))
    # The scenario's own rota, named as such: shifts of two lengths, and a
    # start off the hour without --step 15m.
    shifts = ('pools.emergency.rota.shifts=[{name: E, start: "%s", hours: '
              '10}, {name: L, start: "14:00", hours: 10}, {name: N, start: '
              '"22:00", hours: %d}]')
    for args, words in (
            (["--set", shifts % ("07:00", 9)],
             "pool emergency: its rota 6on4off: its shifts last 10 h and "
             "9 h; a rota is rostered on shifts of one length"),
            (["--set", shifts % ("07:30", 10)],
             "pool emergency: its rota 6on4off: shift E is off the 1-hour "
             "step; give --step 15m")):
        _, err = t.expect_rc(["roster", SIX, "--quiet"] + args, 2)
        t.check(words in err, "%s: %s" % (args, err))


def main():
    global SIX
    t = Ctx()
    SIX = t.path("scenarios", "rota-6on4off.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        check_pool(t)
        check_kept(t)
        check_shifts_pool(t, tmp)
        six = check_units(t, tmp)
        check_refused(t, six)
    t.finish()


main()
