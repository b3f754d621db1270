"""`callsim roster --units --rota PATTERN` short of cover
(docs/experiments.md, "Units on a rota").

A rota's programme spans its whole cycle (6-on-4-off: 10 days, met again
by the week after 70 days), and any week of it may be the short one: the
hours of the week that cannot be covered are counted over every week, as
they are for pools. On tests/cli/night_units.yaml at --max-staff 3 the
allowed shifts roster at most 1 unit where 3 are needed, and every one
of the 168 hours of the week is short in some week of the cycle, in both
areas (exit 3); the first week alone would name 136 of them.
"""
import re

from clitest import Ctx, fixture

NIGHT = fixture("night_units.yaml")
ROTA = ["--units", "--rota", "6on4off", "--quiet"]


def check_short(t):
    _, err = t.expect_rc(["roster", NIGHT, "--max-staff", "3"] + ROTA, 3)
    found = re.findall(r"^callsim roster: (units\.\d) \(\w+ response\): "
                       r"(\d+) hours of the week cannot be covered; the "
                       r"worst, [A-Z][a-z]{2} \d\d:00, needs 3 units on duty "
                       r"\(3 rostered\) and the allowed shifts within "
                       r"--max-staff roster at most 1, short by 2$",
                       err, re.M)
    t.check(found == [("units.0", "168"), ("units.1", "168")],
            "short hours: %s" % err)


def main():
    t = Ctx()
    check_short(t)
    t.finish()


main()
