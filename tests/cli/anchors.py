"""Overrides through YAML anchors: a value the file shares through an
anchor changes only at the path an override names, whether the override
comes from --set (check, run), --set-b (compare), --vary (sweep) or the
optimiser's edits (optimise --units)."""
import json
import os
import re
import tempfile

from clitest import Ctx, fixture

SCEN = fixture("anchors.yaml")


def check_output(t):
    """check prints the override on line A only."""
    out, _ = t.expect_rc(["check", SCEN, "--set", "lines.A.handle.mean=600"], 0)
    handles = re.findall(r"handle: \{dist: exponential, mean: (\d+)\}", out)
    t.check(handles == ["600", "100"], "check: handles %s, wanted A 600, B 100"
            % handles)
    out, _ = t.expect_rc(["check", SCEN, "--set", "pools.pb.shifts.all.staff=5"], 0)
    staff = re.findall(r"name: \"all\".*staff: (\d+)\}", out)
    t.check(staff == ["3", "5"], "check: staff %s, wanted pa 3, pb 5" % staff)


def check_compare(t):
    """compare --set-b on line A: line B (its own pool, the same random
    numbers) does not move at all."""
    out, _ = t.expect_rc(["compare", SCEN, "--set-b", "lines.A.handle.mean=600",
                          "--format", "json"], 0)
    lines = {l["name"]: l for l in json.loads(out)["lines"]}
    for figure in ("service_level", "asa_s"):
        b = lines["B"][figure]
        t.check(b["a"] == b["b"] and b["diff"]["mean"] == 0,
                "compare: line B's %s moved: %s" % (figure, b))
    t.check(lines["A"]["service_level"]["diff"]["mean"] < -0.5,
            "compare: line A did not change: %s" % lines["A"]["service_level"])


def check_sweep(t):
    """sweep --vary on line A: line B's figures are the same at every
    point."""
    out, _ = t.expect_rc(["sweep", SCEN, "--vary", "lines.A.handle.mean=100,600",
                          "--format", "jsonl", "--quiet"], 0)
    points = [json.loads(l) for l in out.splitlines()[1:]]
    b = [[l for l in p["lines"] if l["name"] == "B"][0] for p in points]
    a = [[l for l in p["lines"] if l["name"] == "A"][0] for p in points]
    t.check(len(points) == 2 and b[0] == b[1],
            "sweep: line B differs between the points")
    t.check(a[0]["service_level"] != a[1]["service_level"],
            "sweep: line A did not change")


def check_optimise_units(t, d):
    """The units optimiser edits units.N.shifts.NAME.staff: with two units
    sharing their shifts through an anchor, each edit changes its own unit,
    so the rosters it prints are the ones its --set lines give."""
    with open(fixture("exp_units.yaml"), encoding="utf-8") as f:
        text = f.read()
    shifts = ('    shifts:\n'
              '      - {name: day, start: "07:00", hours: 12, staff: 3}\n'
              '      - {name: night, start: "19:00", hours: 12, staff: 3}\n')
    t.check(text.count(shifts) == 2, "exp_units.yaml changed; update this test")
    first = text.index(shifts)
    text = (text[:first] + shifts.replace("shifts:\n", "shifts: &response\n")
            + text[first + len(shifts):].replace(shifts,
                                                 "    shifts: *response\n"))
    path = os.path.join(d, "units.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    out, _ = t.expect_rc(["optimise", path, "--units", "--format", "json",
                          "--quiet"], 0)
    o = json.loads(out)
    for s in o["set"]:
        m = re.match(r"^units\.(\d+)\.shifts\.(\w+)\.staff=(\d+)$", s)
        if not m:
            continue
        unit = o["units"][int(m.group(1))]
        shown = [x["units"] for x in unit["shifts"] if x["name"] == m.group(2)]
        t.check(shown == [int(m.group(3))], "optimise: %s, but unit %s %s "
                "shows %s" % (s, m.group(1), m.group(2), shown))


def main():
    t = Ctx()
    check_output(t)
    check_compare(t)
    check_sweep(t)
    with tempfile.TemporaryDirectory() as d:
        check_optimise_units(t, d)
    t.finish()


main()
