"""`callsim roster` on a run that starts on a Wednesday
(docs/experiments.md, "Rotating rotas").

tests/cli/exp_daily.yaml has its busiest hours on Saturday and Sunday at
19:00 (its profile is by hour of the week, Monday 00:00 first). Its
emergency pool, rostered on a weekly rota of one 24-hour shift
(`--rota all,R,R,R,R,R,R`) with the run starting on Wednesday
2024-04-03, must put its extra people on the real Saturday and Sunday:
the rota's days count from the run's start, the requirement's hours
from a Monday. Fed back to `callsim run`, the rota has at least the
requirement on duty in every hour of the week, its on-duty figures are
the roster's own, and no extra replications were needed to settle a
verdict. With --max-staff 8 the hours short are named Sat 19:00 and
Sun 19:00 (exit 3), as they are for a Monday start."""
import json

from clitest import Ctx, fixture

DAILY = fixture("exp_daily.yaml")
WED = ["--set", "run.start_date=2024-04-03"]
ROTA = ["--pool", "emergency", "--rota", "all,R,R,R,R,R,R"]


def check_rota(t):
    out, _ = t.expect_rc(["roster", DAILY, "--quiet", "--format", "json"]
                         + ROTA + WED, 0)
    r = json.loads(out)
    t.check(r["met"], "met: %s" % r["lines"])
    t.check(not any(s.startswith("run.replications=") for s in r["set"]),
            "a verdict needed more replications: %s" % r["set"])
    hours = r["pools"][0]["hours"]
    args = ["run", DAILY, "--format", "json", "--quiet", "--intervals"]
    for s in r["set"]:
        args += ["--set", s]
    out, _ = t.expect_rc(args, 0)
    run = json.loads(out)
    for iv in run["intervals"]:
        h = iv["hour"]
        got = iv["pools"][0]["staff_on_duty"]["mean"]
        t.check(got == hours[h]["on_duty"],
                "%s: %s on duty in the run, %s in the roster"
                % (iv["label"], got, hours[h]["on_duty"]))
        t.check(got >= hours[h]["requirement"],
                "%s: %s on duty, %s required"
                % (iv["label"], got, hours[h]["requirement"]))


def check_short(t):
    _, err = t.expect_rc(["roster", DAILY, "--quiet", "--max-staff", "8"]
                         + ROTA + WED, 3)
    named = [line.split(", ")[1].split(":")[0] + ":00"
             for line in err.splitlines() if "short by" in line]
    t.check(named == ["Sat 19:00", "Sun 19:00"], "hours short: %s" % err)


def main():
    t = Ctx()
    check_rota(t)
    check_short(t)
    t.finish()


main()
