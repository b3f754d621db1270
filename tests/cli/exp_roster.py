"""`callsim roster`: the least-cost shifts it prints, fed back to
`callsim run` as they are, meet every answering agreement; their FTE lies
between the LP bound and the scenario's own roster (West Midlands, at a
short horizon to keep the suite quick: the full check at the scenario's
own 10 replications of 28 days is in docs/experiments.md, held by
tests/docs); the cover meets the requirement in every hour; an impossible
--max-staff names the hours short and exits 3; bad options exit 2; a
shift name with quotes survives the overrides and the shell; --units on
the funding-gap scenario meets every attendance agreement in every
area."""
import json
import shlex

from exp_support import Ctx, fixture

WM = None   # set in main: the bundled scenario under the source root


def roster(t, scen, *extra, rc=0):
    out, err = t.expect(["roster", scen, "--format", "json", "--quiet"]
                        + list(extra), rc)
    return (json.loads(out) if out else None), err


def fed_back(t, scen, r):
    """The run of the roster's overrides: every goal line met, the same
    service levels and the same FTE as the roster's last simulation."""
    args = ["run", scen, "--format", "json"]
    for s in r["set"]:
        args += ["--set", s]
    out, _ = t.expect(args, 0)
    run = json.loads(out)
    for line in run["lines"]:
        t.check(line["verdict"] in ("met", None), "fed back: %s %s"
                % (line["name"], line["verdict"]))
    for mine, theirs in zip(r["lines"], run["lines"]):
        t.check(mine["service_level"] == theirs["service_level"],
                "the run of the printed roster is the last simulation")
    pools = {p["name"]: p for p in run["costs"]["pools"]}
    for p in r["pools"]:
        t.check(abs(pools[p["name"]]["fte"] - p["fte"]) < 1e-6,
                "FTE of %s: run %s, roster %s" % (p["name"],
                                                  pools[p["name"]]["fte"],
                                                  p["fte"]))
    return run


def check_cover(t, r):
    for p in r["pools"]:
        short = [h["hour"] for h in p["hours"]
                 if h["on_duty"] < h["requirement"]]
        t.check(not short, "%s: cover below the requirement in hours %s"
                % (p["name"], short[:5]))
        t.check(p["lp_bound_hours"] <= p["rostered_hours"] + 1e-6,
                "LP bound above the roster: %s" % p)
        # On shifts, FTE is paid hours over the contract; on a rota, the
        # people in post, as the scenario counts a rota's FTE.
        people = p["rota"] and sum(x["people"] for x in p["rota"]["starts"])
        t.check(abs(p["fte"] * 37.5 - p["rostered_hours"]) < 1e-6
                if not p["rota"] else p["fte"] == people,
                "FTE from hours, or people on a rota: %s" % p["fte"])


def check_west_midlands(t):
    r, _ = roster(t, WM, "--replications", 4, "--days", 7)
    t.check(r["schema"] == "callsim.roster" and r["schema_version"] == 1
            and r["command"][:2] == ["callsim", "roster"]
            and len(r["content_fnv1a"]) == 16, "provenance")
    t.check(r["met"] and r["solves"] >= 1 and r["simulations"] >= 1,
            "met, counted: %s %s" % (r["solves"], r["simulations"]))
    check_cover(t, r)
    fed_back(t, WM, r)
    refs = {x["name"]: x for x in r["references"]}
    t.check(set(refs) == {"lp_bound", "hour_by_hour", "keep_shape",
                          "scenario"}, "references %s" % sorted(refs))
    t.check(refs["lp_bound"]["fte"] <= r["fte"] + 1e-6
            and r["fte"] <= refs["scenario"]["fte"],
            "LP bound %.2f <= roster %.2f <= today %.2f"
            % (refs["lp_bound"]["fte"], r["fte"], refs["scenario"]["fte"]))
    t.check(refs["hour_by_hour"]["fte"] <= r["fte"],
            "one-hour shifts cost no more than real ones")
    t.check(refs["keep_shape"]["met"], "the re-sized shifts meet too")


def check_shapes(t):
    daily = fixture("exp_daily.yaml")
    r, _ = roster(t, daily, "--lengths", "8", "--starts", "any")
    t.check(r["met"], "daily: %s" % r["lines"])
    check_cover(t, r)
    fed_back(t, daily, r)
    for p in r["pools"]:
        t.check(all(s["hours"] == 8 for s in p["shifts"]), "8-hour shifts")
    # Quarter hours: starts on the quarter, the same checks.
    q, _ = roster(t, daily, "--lengths", "8.25", "--starts",
                  "06:45,14:15,22:30",
                  "--step", "15m")
    t.check(q["met"], "15m: %s" % q["lines"])
    starts = {s["start"] for p in q["pools"] for s in p["shifts"]}
    t.check(starts <= {"06:45", "14:15", "22:30"}, "starts %s" % starts)
    fed_back(t, daily, q)
    # --keep-shape: the scenario's own shifts, names and days, re-sized.
    k, _ = roster(t, daily, "--keep-shape", "--pool", "emergency")
    t.check(len(k["set"]) == 1 and "{name: \"all\", start: \"00:00\", hours: 24"
            in k["set"][0], "kept shape: %s" % k["set"][:1])
    fed_back(t, daily, k)
    check_quoted_names(t, daily)
    # CSV: the same figures as the JSON, as tidy rows.
    out, _ = t.expect(["roster", daily, "--quiet", "--lengths", "8",
                       "--starts", "any", "--format", "csv"], 0)
    rows = {(c[0], c[1], c[2]): c[3] for c in
            (l.split(",") for l in out.splitlines()[1:])}
    t.check(out.startswith("section,name,metric,mean,ci_low,ci_high\n"),
            out[:60])
    t.check(abs(float(rows[("roster", "Daily profile force", "fte")])
                - r["fte"]) < 1e-6, "csv fte")
    staff = sum(float(v) for (sec, name, metric), v in rows.items()
                if sec == "shift" and name.startswith("emergency@"))
    t.check(staff == sum(s["staff"] * len(s["days"]) for s in r["pools"][0]
                         ["shifts"]), "csv shifts: %s" % staff)
    t.check(float(rows[("interval", "emergency@Mon 18:00", "on_duty")])
            == r["pools"][0]["hours"][18]["on_duty"], "csv cover")
    # The table says the same, with the fragment and the overrides.
    out, _ = t.expect(["roster", daily, "--quiet", "--lengths", "8",
                       "--starts", "00:00,08:00,16:00"], 0)
    for words in ("solves and", "LP bound", "scenario fragment",
                  "--set 'pools.emergency.shifts=", "Sun 23:00"):
        t.check(words in out, "table lacks %r" % words)


def check_quoted_names(t, daily):
    """A shift name with a quote, a double quote and a backslash: the
    JSON overrides and the table's --set lines, pasted into a shell, run
    as they are and give the roster's own service levels."""
    name = "it's \"a\\b"
    own = ("pools.emergency.shifts=[{name: %s, start: \"00:00\", hours: 24, "
           "staff: 10}]" % json.dumps(name))
    k, _ = roster(t, daily, "--keep-shape", "--pool", "emergency",
                  "--replications", 3, "--set", own)
    t.check(k["met"] and k["pools"][0]["shifts"][0]["name"] == name,
            "quoted name: %s" % k["pools"][0]["shifts"][:1])
    fed_back(t, daily, k)
    out, _ = t.expect(["roster", daily, "--quiet", "--keep-shape", "--pool",
                       "emergency", "--replications", 3, "--set", own], 0)
    pasted = [w for l in out.splitlines() if l.startswith("  --set ")
              for w in shlex.split(l)]
    t.check(pasted[1::2] == k["set"], "table --set lines: %s" % pasted)
    t.check(('shifts: [{name: "it\'s \\"a\\\\b", start: "00:00", hours: 24, '
             'days: all, staff: %d}]' % k["pools"][0]["shifts"][0]["staff"])
            in out, "the fragment has the roster, the name escaped")
    out, _ = t.expect(["run", daily, "--format", "json"] + pasted, 0)
    t.check([x["service_level"] for x in json.loads(out)["lines"]]
            == [x["service_level"] for x in k["lines"]], "pasted run")


def check_units(t):
    """--units on the funding-gap scenario, at a week of 3 replications:
    the unit rosters, fed back to `callsim run` as they are, meet every
    attendance agreement force-wide and in every area, with the same
    figures and the same officers' FTE; each entry's cover meets its
    requirement in every hour and lies above the LP bound."""
    sf = t.path("scenarios", "west-midlands-shortfall.yaml")
    r, _ = roster(t, sf, "--units", "--days", 7, "--replications", 3,
                  "--max-rounds", 12)
    t.check(r["units"] and r["met"] and r["schema"] == "callsim.roster",
            "met: %s" % r["grades"])
    t.check(len(r["grades"]) == 2 * 8 and all(g["verdict"] == "met"
                                              for g in r["grades"]),
            "every grade with a goal, force-wide and in 7 areas: %s"
            % [(g["area"], g["grade"], g["verdict"]) for g in r["grades"]])
    t.check([e["role"] for e in r["entries"]] == ["response"] * 7,
            "the response units of each area: %s" % r["entries"])
    for e in r["entries"]:
        t.check(all(h["on_duty"] >= h["requirement"] for h in e["hours"]),
                "%s: cover below the requirement" % e["key"])
        t.check(e["lp_bound_unit_hours"] <= e["unit_hours"] + 1e-6, e["key"])
        t.check(abs(e["fte"] - e["unit_hours"] * 2 / 40) < 1e-6, "FTE")
    refs = {x["name"]: x for x in r["references"]}
    t.check(refs["lp_bound"]["fte"] <= r["fte"] + 1e-6
            and not refs["scenario"]["met"], "references %s" % refs)
    args = ["run", sf, "--format", "json"]
    for s in r["set"]:
        args += ["--set", s]
    out, _ = t.expect(args, 0)
    run = json.loads(out)
    mine = {(g["area"], g["grade"]): g for g in r["grades"]}
    theirs = [(None, g) for g in run["grades"]] + [
        (a["name"], g) for a in run["areas"] for g in a["grades"]]
    for area, g in theirs:
        if g["goal"] is None:
            continue
        t.check(g["verdict"] == "met", "fed back: %s %s %s"
                % (area, g["name"], g["verdict"]))
        t.check(g["attended_within_target"]
                == mine[(area, g["name"])]["attended_within_target"],
                "the run of the printed rosters is the last simulation")
    roles = {x["name"]: x for x in run["costs"]["roles"]}
    t.check(abs(roles["response"]["fte"] - r["fte"]) < 1e-6
            and abs(sum(e["fte"] for e in r["entries"]) - r["fte"]) < 1e-6,
            "FTE: run %s, roster %s" % (roles["response"], r["fte"]))
    out, _ = t.expect(["roster", sf, "--units", "--quiet", "--days", 7,
                       "--replications", 3, "--max-rounds", 2], 0)
    for words in ("per area", "units.0 (Birmingham response)", "LP bound",
                  "the scenario's unit rosters", "--set 'units.0.shifts=["):
        t.check(words in out, "table lacks %r" % words)
    _, err = t.expect(["roster", sf, "--units", "--quiet", "--days", 7,
                       "--replications", 3, "--max-staff", 3], 3)
    t.check("units.0 (Birmingham response): 168 hours of the week cannot "
            "be covered" in err and "short by" in err, err[:300])
    for extra, words in ((["--role", "response"], "--role is for --units"),
                         (["--units", "--pool", "emergency"],
                          "give --role, not --pool"),
                         (["--units", "--format", "csv"],
                          "--units writes --format table or json"),
                         (["--units", "--role", "nosuch"],
                          "--role nosuch: no such role in %s; roles are: response, pcso" % sf),
                         (["--units", "--role", "neighbourhood"],
                          "--role neighbourhood: a neighbourhood role")):
        _, err = t.expect(["roster", sf, "--quiet"] + extra, 2)
        t.check(words in err, "%s: %s" % (extra, err))
    _, err = t.expect(["roster", fixture("exp_daily.yaml"), "--units"], 2)
    t.check("has no incident response" in err, err)


def check_rota(t):
    """--rota 6on4off on the West Midlands 999 pool, on shifts: teams
    starting the pattern on days of its cycle, every person's sequence
    checked against the Working Time Regulations and said so; the rota
    itself, written back as pools.emergency.rota (replacing its shifts),
    meets every agreement fed back; a pattern breaking a rule is refused,
    exit 2."""
    r, _ = roster(t, WM, "--rota", "6on4off", "--pool", "emergency",
                  "--days", 7, "--replications", 4)
    t.check(r["met"] and r["rules_checked"].startswith(
        "Working Time Regulations: at least 11 h rest between shifts, at "
        "most 6 shifts in a row"), "rules: %s" % r["rules_checked"])
    p = r["pools"][0]
    rota = p["rota"]
    t.check(rota["pattern"] == "6on4off" and rota["cycle_days"] == 10
            and p["shifts"] == [], "rota: %s" % rota)
    # Each person works 60 h in 10 days: 42 h a week.
    t.check(abs(sum(x["people"] for x in rota["starts"]) * 42
                - p["rostered_hours"]) < 1e-6, "hours %s" % p)
    check_cover(t, r)
    t.check(len(r["set"]) == 3 and r["set"][0].startswith(
        "pools.emergency.rota={pattern: \"6on4off\"")
        and rota["people"] == rota["teams"] * rota["per_team"],
        "written back as the rota: %s" % r["set"][0])
    args = ["run", WM, "--format", "json"]
    for s in r["set"]:
        args += ["--set", s]
    out, _ = t.expect(args, 0)
    run = json.loads(out)
    t.check(all(x["verdict"] in ("met", None) for x in run["lines"])
            and [x["service_level"] for x in run["lines"]]
            == [x["service_level"] for x in r["lines"]], "fed back")
    for extra, words in (
            (["--rota", "late,early,R,R"],
             "pool emergency: --rota late,early,R,R: rota pattern: day 1 "
             "(late, ends 00:00) and day 2 (early, starts 07:00) leave 7 h "
             "of rest; the Working Time Regulations require at least 11 h"),
            (["--rota", "early,early,early,early,early,early,early,R"],
             "days 1 to 7 are 7 shifts in a row; the Working Time "
             "Regulations allow at most 6"),
            (["--rota", "E,L"], "'E' is neither a shift of the rota"),
            (["--rota", "early,weekend-night,R,R"],
             "last 10 h and 6 h; a rota is rostered on shifts of one length"),
            (["--rota", "6on4off", "--keep-shape"], "--rota fixes the shifts"),
            (["--rota", ""], "--rota must be")):
        _, err = t.expect(["roster", WM, "--quiet"] + extra, 2)
        t.check(words in err, "%s: %s" % (extra, err))


def check_impossible(t):
    r, err = roster(t, fixture("exp_daily.yaml"), "--max-staff", 3, rc=3)
    t.check(r is None, "nothing printed on stdout")
    t.check("short by" in err and "pool emergency, Mon" in err
            and "--max-staff 3 roster at most" in err, err[:400])


# The emergency pool's shift off the hour, and off the quarter hour.
OFF_HOUR = ('pools.emergency.shifts=[{name: x, start: "00:15", hours: 24, '
            'staff: 10}]')
OFF_QUARTER = ('pools.emergency.shifts=[{name: x, start: "00:10", hours: 24, '
               'staff: 10}]')


def check_usage(t):
    daily = fixture("exp_daily.yaml")
    for extra, words in ((["--pool", "nosuch"], "--pool nosuch: no such pool "
                          "in %s; pools are: emergency, general" % daily),
                         (["--max-staff", 0], "--max-staff must be"),
                         (["--max-rounds", "x"], "--max-rounds must be"),
                         (["--time-limit", "0"], "--time-limit must be "
                          "seconds from 0.001 to 86400"),
                         (["--time-limit", "1e3"], "--time-limit must be"),
                         (["--time-limit", "86401"], "--time-limit must be"),
                         (["--time-limit", ".5"], "--time-limit must be"),
                         (["--lengths", "0"], "--lengths must be"),
                         (["--lengths", "25"], "--lengths must be"),
                         (["--lengths", "8,,10"], "--lengths must be"),
                         (["--starts", "7:00"], "--starts must be"),
                         (["--starts", "24:00"], "--starts must be"),
                         (["--starts", "07:30"], "not a whole number of "
                                                 "1-hour steps"),
                         (["--lengths", "8.5"], "not a whole number of "
                                                "1-hour steps"),
                         (["--step", "5m"], "--step must be"),
                         (["--keep-shape", "--lengths", "8"],
                          "--keep-shape keeps"),
                         (["--keep-shape", "--set", OFF_QUARTER],
                          "1-hour steps; --keep-shape keeps the "
                          "scenario's own shifts: drop it"),
                         (["--keep-shape", "--set", OFF_HOUR],
                          "1-hour steps; give --step 15m"),
                         (["--set", OFF_QUARTER], "1-hour steps; give "
                                                  "other --starts"),
                         (["--set", OFF_HOUR, "--step", "15m", "--starts",
                           "07:10"], "15-minute steps; give other --starts"),
                         (["--format", "xml"], "--format must be")):
        _, err = t.expect(["roster", daily, "--quiet"] + extra, 2)
        t.check(words in err, "%s: %s" % (extra, err))
    _, err = t.expect(["roster"], 2)
    t.check("no scenario given" in err, err)
    out, _ = t.expect(["roster", "--help"], 0)
    again, _ = t.expect(["help", "roster"], 0)
    t.check(out == again and out.startswith("usage: callsim roster"), out[:80])


def main():
    global WM
    t = Ctx()
    WM = t.path("scenarios", "west-midlands-2024.yaml")
    check_west_midlands(t)
    check_shapes(t)
    check_impossible(t)
    check_usage(t)
    check_units(t)
    check_rota(t)
    t.finish()


main()
