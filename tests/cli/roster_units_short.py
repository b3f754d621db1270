"""`callsim roster --units --rota PATTERN` short of cover
(docs/experiments.md, "Units on a rota").

A rota's programme spans its whole cycle (6-on-4-off: 10 days, met again
by the week after 70 days), and any week of it may be the short one: the
hours of the week that cannot be covered are counted over every week, as
they are for pools. On tests/cli/night_units.yaml at --max-staff 3 the
allowed shifts roster at most 1 unit where 3 are needed, and every one
of the 168 hours of the week is short in some week of the cycle, in both
areas (exit 3); the first week alone would name 136 of them.

At --max-staff 1 the same (1 at most where 3 are needed, and no hour
covered in every week of the cycle) is said within seconds: the
programme of shortfalls branched on its 1,680 shortfalls as well as the
headcounts, ran each solve into its time limit of a minute, and the
command took over two.
"""
import re
import time

from clitest import Ctx, fixture

NIGHT = fixture("night_units.yaml")
ROTA = ["--units", "--rota", "6on4off", "--quiet"]


def check_short(t):
    _, err = t.expect_rc(["roster", NIGHT, "--max-staff", "3"] + ROTA, 3)
    found = re.findall(r"^callsim roster: (units\.\d) \(\w+ response\): "
                       r"(\d+) hours of the week cannot be covered; the "
                       r"worst, [A-Z][a-z]{2} \d\d:00, needs 3 units on duty "
                       r"\(3 rostered\) and the allowed shifts within "
                       r"--max-staff 3 roster at most 1, short by 2$",
                       err, re.M)
    t.check(found == [("units.0", "168"), ("units.1", "168")],
            "short hours: %s" % err)


def check_one_at_most(t):
    began = time.monotonic()
    _, err = t.expect_rc(["roster", NIGHT, "--max-staff", "1"] + ROTA, 3)
    took = time.monotonic() - began
    found = re.findall(r"^callsim roster: (units\.\d) \(\w+ response\): "
                       r"168 hours of the week cannot be covered; the "
                       r"worst, Mon 00:00, needs 3 units on duty "
                       r"\(3 rostered\) and the allowed shifts within "
                       r"--max-staff 1 roster at most 0, short by 3$",
                       err, re.M)
    t.check(found == ["units.0", "units.1"], "short hours: %s" % err)
    # Two solves of a minute each before; a few seconds now, even loaded.
    t.check(took < 60, "took %.1f s" % took)


def main():
    t = Ctx()
    check_short(t)
    check_one_at_most(t)
    t.finish()


main()
