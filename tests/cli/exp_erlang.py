"""`callsim erlang` against published Erlang tables, against Erlang C
computed here from its textbook definition, and against the simulator on a
stationary M/M/c+M scenario; rostered staff after shrinkage; bad usage."""
import csv
import io
import json
import math

from exp_support import Ctx, fixture


def erlang_c(c, a):
    """P(wait) of M/M/c from the textbook sum (independent of callsim)."""
    terms = [a ** k / math.factorial(k) for k in range(c)]
    last = a ** c / math.factorial(c) * c / (c - a)
    return last / (sum(terms) + last)


def erlang_json(t, *args):
    out, _ = t.expect(["erlang", "--format", "json"] + list(args), 0)
    return json.loads(out)


def check_published(t):
    # Erlang C tables: 10 agents offered 8 Erlangs wait with P = 0.4092.
    r = erlang_json(t, "--calls-per-hour", 288, "--aht", 100, "--target", 20,
                    "--agents", 10)["rows"][0]
    t.check(abs(r["p_wait"] - 0.4092) < 5e-5, "Erlang C P(wait) %s" % r)
    t.check(r["p_abandon"] == 0 and abs(r["occupancy"] - 0.8) < 1e-12,
            "Erlang C occupancy %s" % r)
    # Erlang A, the usual M/M/50+M worked example:
    # 0.15 calls a second, 300 s handle, 120 s patience.
    o = erlang_json(t, "--calls-per-hour", 540, "--aht", 300, "--patience",
                    120, "--target", 10, "--agents", 50)
    r = o["rows"][0]
    t.check(o["model"] == "erlang_a" and o["load_erlangs"] == 45, "model %s" % o)
    t.check(abs(r["p_abandon"] - 0.0286) < 5e-5, "Erlang A P(abandon) %s" % r)
    t.check(abs(r["service_level"] - 0.866) < 5e-4, "Erlang A SL(10 s) %s" % r)


def check_against_definition(t):
    # 100 calls in 30 minutes, 180 s handle: 10 Erlangs; 80% in 20 s.
    out, _ = t.expect(["erlang", "--calls-per-hour", 200, "--aht", 180,
                       "--target", 20, "--goal", 0.8, "--table", "9:20",
                       "--format", "csv"], 0)
    rows = list(csv.DictReader(io.StringIO(out)))
    t.check(len(rows) == 12, "12 rows")
    lam, mu = 200 / 3600, 1 / 180
    need = None
    for r in rows:
        c = int(r["agents"])
        if c <= 10:
            t.check(r["service_level"] == "" and r["meets_goal"] == "false",
                    "%d agents at 10 Erlangs never settle: %s" % (c, r))
            continue
        pw = erlang_c(c, 10)
        sl = 1 - pw * math.exp(-(c * mu - lam) * 20)
        t.check(abs(float(r["p_wait"]) - pw) < 1e-9, "P(wait) at %d" % c)
        t.check(abs(float(r["service_level"]) - sl) < 1e-9, "SL at %d" % c)
        t.check(abs(float(r["asa_s"]) - pw / (c * mu - lam)) < 1e-6, "ASA %d" % c)
        if need is None and sl >= 0.8:
            need = c
    o = erlang_json(t, "--calls-per-hour", 200, "--aht", 180, "--target", 20,
                    "--goal", 0.8)
    t.check(need == 14 and o["required_agents"] == need,
            "required %s, by the definition %s" % (o["required_agents"], need))


def check_shrinkage(t):
    o = erlang_json(t, "--calls-per-hour", 200, "--aht", 180, "--target", 20,
                    "--goal", 0.8, "--shrinkage", 0.3)
    # 14 / 0.7 = 20 exactly: not 21 by a rounding error.
    t.check(o["rows"][0]["rostered"] == 20, "rostered %s" % o["rows"][0])
    o = erlang_json(t, "--calls-per-hour", 200, "--aht", 180, "--target", 20,
                    "--agents", 13, "--shrinkage", 0.2385)
    t.check(o["rows"][0]["rostered"] == 18, "13 / 0.7615 -> 18")


def check_against_simulator(t):
    """The scenario puts 10 on duty for 120 calls an hour of 240 s with
    150 s patience. The Erlang A figures must lie in the simulator's
    99.9% interval: its 95% half-width scaled by t(0.9995, 19) / t(0.975,
    19) = 3.883 / 2.093 for 20 replications."""
    out, _ = t.expect(["run", fixture("exp_mmc_a.yaml"), "--replications", 20,
                       "--format", "json"], 0)
    line = json.loads(out)["lines"][0]
    r = erlang_json(t, "--calls-per-hour", 120, "--aht", 240, "--patience",
                    150, "--target", 20, "--agents", 10)["rows"][0]
    for sim_key, erl in (("service_level", r["service_level"]),
                         ("abandon_rate", r["p_abandon"]),
                         ("asa_s", r["asa_s"])):
        f = line[sim_key]
        half = (f["ci_high"] - f["ci_low"]) / 2 * 3.883 / 2.093
        t.check(abs(f["mean"] - erl) <= half,
                "%s: simulated %.5g +/- %.3g, Erlang A %.5g"
                % (sim_key, f["mean"], half, erl))


def check_usage(t):
    base = ["erlang", "--calls-per-hour", 200, "--aht", 180, "--target", 20]
    for extra, words in (([], "--goal is needed"),
                         (["--goal", 1.5], "--goal must be a fraction"),
                         (["--goal", "0.8x"], "--goal must be"),
                         (["--agents", 0], "--agents must be a whole number"),
                         (["--table", "5:3"], "--table must be FROM:TO"),
                         (["--agents", 5, "--table", "5:6"], "give one of"),
                         (["--shrinkage", 1], "--shrinkage must be"),
                         (["--patience", 0, "--goal", 0.8], "--patience must be"),
                         (["--format", "xml", "--goal", 0.8], "--format must be"),
                         (["--bogus"], "unknown option")):
        _, err = t.expect(base + extra, 2)
        t.check(words in err, "%s: %s" % (extra, err))
    _, err = t.expect(["erlang", "--aht", 180, "--target", 20, "--goal", 0.8], 2)
    t.check("--calls-per-hour is needed" in err, err)
    out, _ = t.expect(base + ["--goal", 0.8], 0)
    t.check("required: 14 agents" in out and "Erlang C" in out, out)


def main():
    t = Ctx()
    check_published(t)
    check_against_definition(t)
    check_shrinkage(t)
    check_against_simulator(t)
    check_usage(t)
    t.finish()


main()
