"""What the charts of the compare, sweep and optimise reports must hold,
recomputed here from the JSON result each page was made from (docs/report.md
lists each chart's data), and the marks each must draw in a browser."""
import json

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def figure(obj, key):
    f = obj[key]
    return {"mean": f["mean"], "ci_low": f["ci_low"], "ci_high": f["ci_high"]}


def verdict(v):
    return v if v is not None else "no goal"


def change(fig):
    """What a paired interval of B - A says, the agreements' figures
    being shares within target (higher is better)."""
    lo, hi = fig["diff"]["ci_low"], fig["diff"]["ci_high"]
    if lo is None or hi is None:
        return "no clear difference"
    if lo == 0 and hi == 0:
        return "the same"
    return ("better in B" if lo > 0 else "worse in B" if hi < 0
            else "no clear difference")


def read_result(path):
    """A JSON result, or a sweep's JSON Lines as {"header", "points"}."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    first = json.loads(text.split("\n", 1)[0]) if text.startswith("{\"") \
        else None
    if first is not None and first.get("schema") == "callsim.sweep":
        # "\n" only: a name may hold U+2028, which splitlines() splits at
        lines = [json.loads(l) for l in text.split("\n") if l]
        return {"schema": "callsim.sweep", "header": lines[0],
                "points": lines[1:]}
    return json.loads(text)


def _compare_agreements(result):
    """(item, figure key) of each line, each grade with a target, and each
    stream of deferrable work (the key is left out without any)."""
    out = [(l, "service_level") for l in result["lines"]]
    out += [(g, "attended_within_target") for g in result["grades"]
            if g["target_s_a"] is not None or g["target_s_b"] is not None]
    out += [(d, "within_target") for d in result.get("deferrable", [])]
    return out


def compare_rows(result):
    rows = {"chart-cmp-sides": [], "chart-cmp-diff": []}
    for item, key in _compare_agreements(result):
        for side in ("a", "b"):
            rows["chart-cmp-sides"].append(dict(
                name=item["name"], side=side.upper(),
                goal=item["goal_" + side],
                verdict=verdict(item["verdict_" + side]),
                **figure(item[key], side)))
        rows["chart-cmp-diff"].append(dict(
            name=item["name"], change=change(item[key]),
            **figure(item[key], "diff")))
    if result["areas"]:
        rows["chart-cmp-areas"] = [
            dict(agreement=a["name"], name=a["name"],
                 change=change(a["emergency_attended_within_target"]),
                 **figure(a["emergency_attended_within_target"], "diff"))
            for a in result["areas"]]
    for l in range(len(result["lines"])):
        rows["chart-cmp-heatmap-%d" % l] = [
            dict(line=h["lines"][l]["name"], hour_of_week=i,
                 day=DAYS[i // 24], hour=i % 24,
                 a=h["lines"][l]["service_level"]["a"]["mean"],
                 b=h["lines"][l]["service_level"]["b"]["mean"],
                 diff=h["lines"][l]["diff_of_means"])
            for i, h in enumerate(result["intervals"])]
    return rows


def _meets_all(point):
    return all(o["verdict"] == "met"
               for key in ("lines", "grades", "deferrable")
               for o in point.get(key, []) if o["goal"] is not None)


def _values(header, point):
    out = []
    for spec in header["vary"]:
        path = spec.split("=", 1)[0]
        v = point["values"][path]
        out.append("%s=%s" % (path, ("%g" % v) if not isinstance(v, str)
                              else v))
    return ", ".join(out)


def sweep_cheapest(result):
    """The index of the cheapest point meeting every goal, or None."""
    best = None
    for i, p in enumerate(result["points"]):
        cost = p["costs"]["total_annual_cost"]
        if _meets_all(p) and (best is None or cost < result["points"][best]
                              ["costs"]["total_annual_cost"]):
            best = i
    return best


def sweep_rows(result):
    rows = {}
    best = sweep_cheapest(result)
    p0 = result["points"][0]
    for kind, key, fig in (("line", "lines", "service_level"),
                           ("grade", "grades", "attended_within_target"),
                           ("deferrable", "deferrable", "within_target")):
        for i, top in enumerate(p0.get(key, [])):
            if kind == "grade" and top["target_s"] is None:
                continue
            rows["chart-sweep-%s-%d" % (kind, i)] = [
                dict(point=p["point"], values=_values(result["header"], p),
                     name=p[key][i]["name"],
                     annual_cost=p["costs"]["total_annual_cost"],
                     goal=p[key][i]["goal"],
                     verdict=verdict(p[key][i]["verdict"]),
                     meets_every_goal=_meets_all(p), cheapest=n == best,
                     **figure(p[key][i], fig))
                for n, p in enumerate(result["points"])]
    return rows


def optimise_rows(result):
    rows = {}
    series = (("on_duty", "required on duty"), ("rostered", "rostered for it"),
              ("current_on_duty", "current on duty"))
    for k in range(len(result["intervals"][0]["pools"])):
        rows["chart-opt-pool-%d" % k] = [
            dict(hour_of_week=h, pool=hour["pools"][k]["name"], series=words,
                 staff=hour["pools"][k][key])
            for h, hour in enumerate(result["intervals"])
            for key, words in series]
    return rows


def units_rows(result):
    rows = {"chart-units": [], "chart-units-grades": []}
    for e in result["units"]:
        for s in e["shifts"]:
            for which, key in (("found", "units"),
                               ("scenario", "scenario_units")):
                rows["chart-units"].append(dict(
                    shift="%s %s, %s" % (e["area"], e["role"], s["name"]),
                    area=e["area"], which=which, units=s[key]))
    for g, top in enumerate(result["grades"]):
        if top["target_s"] is None:
            continue
        places = [("force-wide", top)] + [(a["name"], a["grades"][g])
                                          for a in result["areas"]]
        for area, o in places:
            rows["chart-units-grades"].append(dict(
                area=area, grade=o["name"], goal=top["goal"],
                verdict=verdict(o["verdict"]),
                **figure(o, "attended_within_target")))
    return rows


def expected_rows(result):
    """chart id -> the data rows its spec must hold."""
    return {"callsim.compare": compare_rows, "callsim.sweep": sweep_rows,
            "callsim.optimise": optimise_rows,
            "callsim.optimise_units": units_rows}[result["schema"]](result)


def expected_marks(result, chart, rows):
    """{mark kind: count} that chart must draw from its rows."""
    shown = len([r for r in rows if r.get("mean") is not None])
    if chart.startswith("chart-cmp-heatmap-"):
        return {"rect": 168}
    if chart.startswith("chart-sweep-"):
        best = sweep_cheapest(result) is not None
        goal = rows[0]["goal"] is not None
        bars = len([r for r in rows if r["ci_low"] is not None])
        # one --vary: the interval as a band and the means as a line too
        band = int(len(result["header"]["vary"]) == 1)
        return {"symbol": shown + best, "rule": bars + goal, "text": int(best),
                "area": band, "line": band}
    if chart.startswith("chart-opt-pool-"):
        return {"line": len({r["series"] for r in rows
                             if r["staff"] is not None})}
    if chart == "chart-units":
        return {"rect": len(rows)}
    return {"symbol": shown}
