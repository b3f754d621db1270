"""`callsim optimise`: on a stationary M/M/c+M scenario every hour is the
Erlang A answer or one more; on a scenario with a daily profile the rosters
it prints, fed back to `callsim run`, meet every agreement; an impossible
--max-staff exits 3 with a clear message; bad usage exits 2."""
import json

from exp_support import Ctx, fixture


def optimise(t, scen, *extra, rc=0):
    out, err = t.expect(["optimise", fixture(scen), "--format", "json",
                         "--quiet"] + list(extra), rc)
    return (json.loads(out) if out else None), err


def check_stationary(t):
    o, _ = optimise(t, "exp_mmc_a.yaml")
    out, _ = t.expect(["erlang", "--calls-per-hour", 120, "--aht", 240,
                       "--patience", 150, "--target", 20, "--goal", 0.8,
                       "--format", "json"], 0)
    need = json.loads(out)["required_agents"]
    on_duty = [i["pools"][0]["on_duty"] for i in o["intervals"]]
    t.check(o["met"] and o["lines"][0]["verdict"] == "met", "met: %s" % o["lines"])
    t.check(set(on_duty) <= {need, need + 1},
            "hours %s, Erlang A says %d" % (sorted(set(on_duty)), need))
    # 25% shrinkage: the roster's count rounds half up, so 10 on duty
    # needs 13 rostered (9.75), 11 needs 15 (11.25).
    rostered = {i["pools"][0]["on_duty"]: i["pools"][0]["rostered"]
                for i in o["intervals"]}
    want = {10: 13, 11: 15, 9: 12}
    t.check(all(rostered[n] == want[n] for n in rostered if n in want),
            "rostered %s" % rostered)
    hours = sum(i["pools"][0]["rostered"] for i in o["intervals"])
    t.check(o["pools"][0]["rostered_hours"] == hours, "rostered hours")
    t.check(abs(o["pools"][0]["fte"] - hours / 37.5) < 1e-6
            and abs(o["costs"]["annual_cost"] - hours / 37.5 * 40000) < 1e-3,
            "fte and cost %s" % o["pools"][0])
    t.check(o["simulations"] >= 1, "simulations counted")
    # The handlers' result is the round last simulated, and the count
    # line says so, "1 simulation" when there was one.
    n = o["simulations"]
    t.check(o["result_simulation"] == n, "result %s of %d"
            % (o["result_simulation"], n))
    out, _ = t.expect(["optimise", fixture("exp_mmc_a.yaml"), "--quiet"], 0)
    count = "%d simulation%s of " % (n, "" if n == 1 else "s")
    t.check(count in out and "; the result is simulation %d\n" % n in out
            and "1 simulations" not in out, out[:300])


def check_daily(t):
    o, _ = optimise(t, "exp_daily.yaml")
    t.check(o["met"], "daily: not met: %s" % o["lines"])
    day = [i["pools"][0]["on_duty"] for i in o["intervals"][:24]]
    t.check(max(day) >= min(day) + 3, "the requirement follows the day: %s" % day)
    args = ["run", fixture("exp_daily.yaml"), "--format", "json"]
    for s in o["set"]:
        args += ["--set", s]
    t.check(len(o["set"]) == 2, "a roster per pool")
    out, _ = t.expect(args, 0)
    run = json.loads(out)
    for line in run["lines"]:
        t.check(line["verdict"] == "met", "fed back: %s %s"
                % (line["name"], line["verdict"]))
    for mine, theirs in zip(o["lines"], run["lines"]):
        t.check(mine["service_level"] == theirs["service_level"],
                "the run of the printed roster is the last simulation")
    t.check(run["costs"]["fte"] == o["costs"]["fte"]
            and run["costs"]["annual_cost"] == o["costs"]["annual_cost"]
            and o["costs"]["pools_fte"] == o["costs"]["fte"],
            "costs %s %s" % (run["costs"], o["costs"]))
    # Only the emergency pool: the general roster stays as the file has it.
    g, _ = optimise(t, "exp_daily.yaml", "--pool", "emergency")
    t.check([p["optimised"] for p in g["pools"]] == [True, False]
            and len(g["set"]) == 1 and g["set"][0].startswith("pools.emergency."),
            "--pool emergency: %s" % g["set"][:1])
    t.check(g["pools"][1]["rostered_hours"] == 10 * 168, "general kept")
    # Only the general pool, whose file roster leaves 999 short: refused.
    _, err = optimise(t, "exp_daily.yaml", "--pool", "general", rc=3)
    t.check("line 999 misses its goal and pool emergency" in err
            and "add --pool emergency" in err, err)


def check_impossible(t):
    o, err = optimise(t, "exp_daily.yaml", "--max-staff", 3, rc=3)
    t.check("no staffing with at most 3 on duty" in err, err)
    t.check(o is not None and not o["met"], "the last plan is printed")


def check_usage(t):
    for extra, words in ((["--pool", "nosuch"], "--pool nosuch: no such pool "
                          "in %s; pools are: emergency, general"
                          % fixture("exp_daily.yaml")),
                         (["--max-staff", 0], "--max-staff must be"),
                         (["--format", "xml"], "--format must be")):
        _, err = t.expect(["optimise", fixture("exp_daily.yaml")] + extra, 2)
        t.check(words in err, "%s: %s" % (extra, err))
    _, err = t.expect(["optimise"], 2)
    t.check("no scenario given" in err, err)
    out, _ = t.expect(["optimise", fixture("exp_mmc_a.yaml"), "--quiet"], 0)
    t.check("Mon 00:00" in out and "annual cost" in out, out[:400])


def check_unmeasured(t):
    # A line that gets (almost) no calls cannot be judged: the search stops
    # at once and says so, rather than raising staff it cannot help.
    _, err = t.expect(["optimise", fixture("exp_daily.yaml"), "--quiet",
                       "--set", "lines.0.volume={per_year: 0.001}"], 2)
    t.check("too few to judge" in err and "--days" in err, err)


def main():
    t = Ctx()
    check_stationary(t)
    check_daily(t)
    check_impossible(t)
    check_usage(t)
    check_unmeasured(t)
    t.finish()


main()
