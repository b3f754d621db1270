"""An override that sets a pool's (or a unit roster's) staffing form
whole puts that form in force (docs/scenario.md#rota): `--set
pools.NAME.rota={...}` replaces the pool's shifts, `--set
pools.NAME.shifts=[...]` its rota, and the same for `units.N`.

- check writes the edited scenario with only the form in force, and what
  it writes reads back to itself; the other pools and units keep theirs.
- A rota set by override runs exactly as the same rota in the file, and
  shifts set over a rota as the same shifts in the file: byte for byte in
  JSON but for the lines naming the input (small.yaml's emergency pool on
  D,D,D,N,N,R,R, tests/cli/rota.py, and its equal weekly shifts).
- The later of two overrides of one record's staffing wins, as any later
  --set does (roster prints a user's --set of shifts before its rota).
- An edit inside the form a record does not have (a rota's teams on a
  pool on shifts, a shift's staff on a pool on a rota) is refused with
  exit 2, asking for the whole form; a rota that is not a mapping is
  refused as the file's would be.
"""
import os
import re
import tempfile

from clitest import Ctx, fixture
from rota_tables import without_input

ROTA = ('{pattern: "D,D,D,N,N,R,R", shifts: [{name: D, start: "07:00", '
        'hours: 7.5}, {name: N, start: "22:00", hours: 7.5}], teams: 7, '
        'per_team: 3}')
SHIFTS = ('[{name: day, start: "07:00", hours: 7.5, days: all, staff: 9}, '
          '{name: night, start: "22:00", hours: 7.5, days: all, staff: 6}]')
SIX = "{pattern: 6on4off, teams: 5, per_team: 18}"


def block(text, head, name):
    """The lines of check's scenario from the record `- head: name` to the
    next record or section."""
    m = re.search(r"^  - %s: \"%s\"\n(.*?)(?=^  - |^\S)" % (head, name),
                  text, re.S | re.M)
    return m.group(1) if m else ""


def has(text, key):
    """Whether a record's block gives key (at the record's indent)."""
    return re.search(r"^    %s:" % key, text, re.M) is not None


def check_pools(t, tmp):
    wm = t.path("scenarios", "west-midlands-2024.yaml")
    out, _ = t.expect_rc(["check", wm, "--set", "pools.emergency.rota=" + SIX],
                         0)
    mine = block(out, "name", "emergency")
    t.check("    rota:\n      pattern: \"6on4off\"" in mine
            and not has(mine, "shifts")
            and "# the rota: 90 people in post (5 teams of 18)" in mine,
            "the rota replaces the shifts: %s" % mine[:600])
    t.check(has(block(out, "name", "non-emergency"), "shifts"),
            "the other pool keeps its shifts")
    t.check_reads_back(tmp, out)
    six = t.path("scenarios", "rota-6on4off.yaml")
    out, _ = t.expect_rc(["check", six, "--set",
                          "pools.emergency.shifts=" + SHIFTS], 0)
    mine = block(out, "name", "emergency")
    t.check(has(mine, "shifts") and not has(mine, "rota"),
            "the shifts replace the rota: %s" % mine[:600])
    t.check_reads_back(tmp, out)
    # The later override of the two is in force.
    out, _ = t.expect_rc(["check", wm, "--set",
                          "pools.emergency.shifts=" + SHIFTS, "--set",
                          "pools.emergency.rota=" + SIX], 0)
    mine = block(out, "name", "emergency")
    t.check(has(mine, "rota") and not has(mine, "shifts"),
            "the later override wins: %s" % mine[:300])


def check_units(t, tmp):
    night = fixture("night_units.yaml")
    rota = "{pattern: 6on4off, teams: 5, per_team: 1}"
    out, _ = t.expect_rc(["check", night, "--set", "units.0.rota=" + rota], 0)
    units = out[out.index("\nunits:\n"):]
    first, second = re.split(r"\n  - area: ", units)[1:3]
    t.check("    rota:\n      pattern: \"6on4off\"" in first
            and not has(first, "shifts")
            and "# the rota: 5 units in post (5 teams of 1)" in first,
            "units.0 on the rota: %s" % first[:500])
    t.check(has(second, "shifts"), "units.1 keeps its shifts")
    t.check_reads_back(tmp, out)
    back, _ = t.expect_rc(["check", os.path.join(tmp, "again.yaml"), "--set",
                           'units.0.shifts=[{name: all, start: "00:00", '
                           'hours: 24, staff: 2}]'], 0)
    first = re.split(r"\n  - area: ", back[back.index("\nunits:\n"):])[1]
    t.check(has(first, "shifts") and not has(first, "rota"),
            "units.0 back on shifts: %s" % first[:300])
    t.check_reads_back(tmp, back)


def variants(tmp):
    """small.yaml, and its emergency pool on the rota in the file."""
    small = fixture("small.yaml")
    with open(small, encoding="utf-8") as f:
        text = f.read()
    old = re.search(r"    shifts:\n(      - .*\n){2}", text).group(0)
    path = os.path.join(tmp, "rota.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, "    rota: %s\n" % ROTA, 1))
    shifts = os.path.join(tmp, "shifts.yaml")
    with open(shifts, "w", encoding="utf-8") as f:
        f.write(text.replace(old, "    shifts: %s\n" % SHIFTS, 1))
    return path, shifts


def check_runs(t, tmp):
    rota, shifts = variants(tmp)
    run = ["run", "--format", "json", "--intervals"]
    for scen, edit, same in ((shifts, "rota=" + ROTA, rota),
                             (rota, "shifts=" + SHIFTS, shifts)):
        a, _ = t.expect_rc(run[:1] + [scen] + run[1:]
                           + ["--set", "pools.emergency." + edit], 0)
        b, _ = t.expect_rc(run[:1] + [same] + run[1:], 0)
        t.check(without_input(a) == without_input(b),
                "%s by override runs as in the file" % edit.split("=")[0])


def check_refused(t):
    wm = t.path("scenarios", "west-midlands-2024.yaml")
    six = t.path("scenarios", "rota-6on4off.yaml")
    night = fixture("night_units.yaml")
    for scen, edit, words in (
            (wm, "pools.emergency.rota.teams=4",
             "--set pools.emergency.rota.teams=4: pools.emergency is "
             "staffed by shifts, so it has no rota to change; give the whole "
             "rota, which replaces its shifts: --set pools.emergency.rota={"),
            (six, "pools.emergency.shifts.early.staff=4",
             "--set pools.emergency.shifts.early.staff=4: pools.emergency is "
             "staffed by a rota, so it has no shifts to change; give the "
             "whole list of shifts, which replaces its rota: --set "
             "pools.emergency.shifts=[{"),
            (night, "units.0.rota.per_team=2",
             "units.0 is staffed by shifts, so it has no rota to change"),
            (wm, "pools.emergency.rota=6on4off",
             "pools.emergency.rota: got '6on4off'; must be a mapping")):
        _, err = t.expect_rc(["check", scen, "--set", edit], 2)
        t.check(words in err, "%s: %s" % (edit, err))
    # A rota's own shifts are the rota's: setting them keeps the rota.
    out, _ = t.expect_rc(["check", six, "--set", 'pools.emergency.rota.shifts='
                          '[{name: E, start: "06:00", hours: 10}, {name: L, '
                          'start: "14:00", hours: 10}, {name: N, start: '
                          '"22:00", hours: 10}]'], 0)
    t.check('{name: "E", start: "06:00", hours: 10}' in out
            and not has(block(out, "name", "emergency"), "shifts"),
            "the rota's shifts edited in place")


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as tmp:
        check_pools(t, tmp)
        check_units(t, tmp)
        check_runs(t, tmp)
    check_refused(t)
    t.finish()


main()
