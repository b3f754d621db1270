"""`callsim optimise --units` on a small response scenario (two areas, two
graded grades): the units it prints, fed back to `callsim run`, meet every
attendance agreement with the same figures; started from the scenario's
understaffed rosters it adds units; --max-units and --max-simulations stop
it with exits 3 and 1; a role that cannot help exits 3; bad usage exits 2."""
import json

from exp_support import Ctx, fixture

SCEN = "exp_units.yaml"


def optimise(t, *extra, rc=0):
    out, err = t.expect(["optimise", fixture(SCEN), "--units", "--format",
                         "json", "--quiet"] + list(extra), rc)
    return (json.loads(out) if out else None), err


def response_shifts(o):
    """(units, scenario units) of every shift of the optimised entries."""
    return [(s["units"], s["scenario_units"]) for u in o["units"]
            if u["optimised"] for s in u["shifts"]]


def check_fed_back(t):
    o, _ = optimise(t, "--replications", 5, "--days", 2.5)
    t.check(o["replications"] == 5 and o["set"][-2:]
            == ["run.replications=5", "run.days=2.5"], "run settings: %s"
            % o["set"])
    t.check(o["met"] and all(g["verdict"] in ("met", None) for g in o["grades"]),
            "not met: %s" % o["grades"])
    t.check([u["optimised"] for u in o["units"]] == [True, True, False, False],
            "only response units change: %s" % o["units"])
    t.check(all(s.startswith("units.0.") or s.startswith("units.1.")
                for s in o["set"][:-2]) and len(o["set"]) == 6, o["set"])
    args = ["run", fixture(SCEN), "--format", "json"]
    for s in o["set"]:
        args += ["--set", s]
    out, _ = t.expect(args, 0)
    run = json.loads(out)
    for mine, theirs in zip(o["grades"], run["grades"]):
        t.check(theirs["verdict"] in ("met", None), "fed back: %s %s"
                % (theirs["name"], theirs["verdict"]))
        t.check(mine["attended_within_target"]
                == theirs["attended_within_target"],
                "the run of the printed units is the result's simulation")
    # Officers: units x crew 2 x 12 h x 7 days / 40 h, plus the kept PCSO
    # and neighbourhood rosters (2 x 8 h x 7 / 37 and / 40).
    units = sum(u for u, _ in response_shifts(o))
    fte = units * 2 * 12 * 7 / 40 + 2 * 8 * 7 / 37 + 2 * 8 * 7 / 40
    t.check(abs(o["costs"]["result"]["officers_fte"] - fte) < 1e-6,
            "officers %s, want %s" % (o["costs"]["result"], fte))
    t.check(abs(run["costs"]["total_annual_cost"]
                - o["costs"]["result"]["annual_cost"])
            < 1e-3, "costs %s %s" % (run["costs"], o["costs"]))
    for u in o["units"]:
        for s in u["shifts"]:
            t.check(s["officers"] == s["units"] * u["crew"], "officers %s" % s)


def check_result_named(t):
    """The result is the last round that met every agreement, not always
    the last simulated: the JSON names it, and its figures are those of
    that simulation's progress line, which the table's count line names."""
    out, err = t.expect(["optimise", fixture(SCEN), "--units", "--format",
                         "json"], 0)
    o = json.loads(out)
    n, sims = o["result_simulation"], o["simulations"]
    t.check(1 <= n < sims, "result %d of %d simulations" % (n, sims))
    want = "callsim optimise: simulation %d:" % n + "".join(
        " %s %.2f%% [%.2f, %.2f] %s;" % (
            g["name"], 100 * g["attended_within_target"]["mean"],
            100 * g["attended_within_target"]["ci_low"],
            100 * g["attended_within_target"]["ci_high"], g["verdict"])
        for g in o["grades"] if g["goal"] is not None)
    t.check(want in err.replace("\r", "\n"), "no '%s' in:\n%s" % (want, err))
    out, _ = t.expect(["optimise", fixture(SCEN), "--units", "--quiet"], 0)
    t.check("\n%d simulations of 4 replications (seed 2385); the result is "
            "simulation %d\n" % (sims, n) in out, out[:300])
    out, _ = t.expect(["optimise", fixture(SCEN), "--units", "--quiet",
                       "--format", "csv"], 0)
    t.check(",result_simulation,%d,%d,%d\n" % (n, n, n) in out, out[:300])


def check_raises(t):
    o, _ = optimise(t, "--start", "scenario")
    shifts = response_shifts(o)
    t.check(o["met"], "from the scenario: not met: %s" % o["grades"])
    t.check(all(u >= was for u, was in shifts)
            and sum(u for u, _ in shifts) > sum(was for _, was in shifts),
            "units added: %s" % shifts)
    t.check(o["simulations"] > 2, "simulations %d" % o["simulations"])
    t.check(o["costs"]["result"]["officers_annual_cost"]
            > o["costs"]["scenario"]["officers_annual_cost"], "cost rises")


def check_stops(t):
    o, err = optimise(t, "--start", "scenario", "--max-units", 4, rc=3)
    t.check("no units with at most 4 on a shift (--max-units)" in err, err)
    t.check(o is not None and not o["met"], "the last plan is printed")
    t.check(all(u <= 4 for u, _ in response_shifts(o)), "at most 4")
    _, err = optimise(t, "--start", "scenario", "--max-simulations", 2, rc=1)
    t.check("no units found in 2 simulations" in err, err)
    # PCSOs attend routine work only: urgent cannot be helped by them.
    _, err = optimise(t, "--start", "scenario", "--role", "pcso", rc=3)
    t.check("grade urgent misses its goal and no role being optimised "
            "attends it" in err, err)


def check_usage(t):
    cases = ((["--units", "--pool", "handlers"], "drop --pool"),
             (["--units", "--max-staff", 9], "drop --max-staff"),
             (["--role", "response"], "--role needs --units"),
             (["--start", "scenario"], "--start needs --units"),
             (["--units", "--start", "guess"], "--start must be estimate"),
             (["--units", "--max-units", 0], "--max-units must be"),
             (["--units", "--role", "nosuch"], "--role nosuch: no such role in "
              "%s; roles are: response, pcso" % fixture(SCEN)),
             (["--units", "--role", "neighbourhood"], "never optimised"))
    for extra, words in cases:
        _, err = t.expect(["optimise", fixture(SCEN)] + extra, 2)
        t.check(words in err, "%s: %s" % (extra, err))
    _, err = t.expect(["optimise", fixture("exp_daily.yaml"), "--units"], 2)
    t.check("has no incident response" in err, err)
    out, _ = t.expect(["optimise", fixture(SCEN), "--units", "--quiet"], 0)
    t.check("North" in out and "officers, result" in out, out[:600])
    out, _ = t.expect(["optimise", fixture(SCEN), "--units", "--quiet",
                       "--format", "csv"], 0)
    t.check("units,units.0.shifts.day,units," in out
            and "area,South/urgent,attended_within_target," in out, out[:600])


def main():
    t = Ctx()
    check_fed_back(t)
    check_result_named(t)
    check_raises(t)
    check_stops(t)
    check_usage(t)
    t.finish()


main()
