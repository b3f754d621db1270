"""What a sweep writes and resumes is decided by fields and content, never
by rendered text or the spelling of a path (issue 8, items 12 and 14):

- a scenario name holding a line break and a comma stays inside its quoted
  field: every row parses to the point, its value and the six columns of
  the run report, and a file cut inside such a row resumes to the bytes of
  a whole sweep;
- a pool named like a row the writers add (`total`, `pools`) is refused,
  and so is a grade holding the '/' the writers put in "AREA/GRADE" (area
  A/B with grade C and area A with grade B/C would share a key);
- `--resume` accepts the same sweep given as `./f.yaml` after `f.yaml`, and
  refuses it once a profile CSV the scenario reads was edited;
- a grid with a bad value anywhere (0.5 staff) is refused before anything
  is written: no file, nothing on stdout.
"""
import csv
import io
import os
import shutil
import subprocess

from exp_support import Ctx, fixture

ARGS = ["--vary", "pools.handlers.shifts.day.staff=6:8:1", "--replications",
        "2", "--set", "run.days=1", "--seed", "77", "--threads", "1", "--quiet"]


def sweep(t, cwd, scenario, *extra):
    p = subprocess.run([t.callsim, "sweep", scenario] + ARGS + list(extra),
                       cwd=cwd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def write_scenario(t, name, text_edit):
    with open(fixture("exp_sweep.yaml")) as f:
        text = text_edit(f.read())
    path = t.scratch(name)
    with open(path, "w") as f:
        f.write(text)
    return path


def check_name_with_line_break(t):
    scen = write_scenario(t, "broken.yaml", lambda s: s.replace(
        "name: Sweep test force", 'name: "Sweep, test\\nforce"'))
    rc, out, err = sweep(t, t.tmp, scen)
    t.check(rc == 0, "sweep of a name with a line break: %d %s" % (rc, err))
    rows = list(csv.reader(io.StringIO(out.split("\n", 1)[1], newline="")))
    head, body = rows[0], rows[1:]
    t.check(head == ["point", "pools.handlers.shifts.day.staff", "section",
                     "name", "metric", "mean", "ci_low", "ci_high"],
            "column names: %s" % head)
    t.check(len(body) > 0 and all(len(r) == 8 for r in body),
            "every row has 8 fields")
    t.check(all(r[0] in "012" and r[1] == str(6 + int(r[0])) for r in body),
            "every row starts with its point and value")
    names = [r[3] for r in body if r[2] == "run"]
    t.check(len(names) > 0 and all(n == "Sweep, test\nforce" for n in names),
            "the run rows name the scenario whole: %r" % names[:1])
    # Cut the file inside the quoted name of point 1's first row: resume
    # must keep point 0 and give the bytes of the whole sweep.
    full = t.scratch("broken-full.csv")
    part = t.scratch("broken-part.csv")
    with open(full, "w", newline="") as f:
        f.write(out)
    cut = out.index('1,7,run,"Sweep, test\n') + len('1,7,run,"Sweep, test\n')
    with open(part, "w", newline="") as f:
        f.write(out[:cut])
    rc, _, err = sweep(t, t.tmp, scen, "--out", part, "--resume")
    t.check(rc == 0, "resume after a cut inside a quoted name: %d %s"
            % (rc, err))
    with open(part, newline="") as a:
        t.check(a.read() == out, "resumed file differs from a whole sweep")


def check_reserved_pool_names(t):
    for name in ("total", "pools"):
        scen = write_scenario(t, "reserved.yaml", lambda s: s.replace(
            "name: handlers", "name: " + name).replace(
            "pools.handlers", "pools." + name))
        rc, out, err = t.run("check", scen)
        t.check(rc == 2 and "'%s'" % name in err and "reserved" in err
                and "reserved.yaml:16:" in err,
                "a pool named %s is refused with its position: %d %s"
                % (name, rc, err))


def check_slash_in_grade(t):
    with open(fixture("exp_units.yaml")) as f:
        text = f.read().replace("routine", "x/routine")
    path = t.scratch("slash.yaml")
    with open(path, "w") as f:
        f.write(text)
    rc, out, err = t.run("check", path)
    t.check(rc == 2 and "slash.yaml:25:11: grades.x/routine.name: 'x/routine'"
            " holds a '/'" in err,
            "a grade name with '/' is refused with its position: %d %s"
            % (rc, err))


def check_resume_by_content(t):
    d = t.scratch("content")
    os.mkdir(d)
    shutil.copy(t.path("scenarios", "profiles", "wm-999-week.csv"),
                os.path.join(d, "p.csv"))
    write_scenario(t, os.path.join("content", "f.yaml"), lambda s: s.replace(
        "volume: {per_hour: 52.5}", "volume: {per_hour: 52.5}\n"
        "    profile: p.csv"))
    rc, whole, err = sweep(t, d, "f.yaml")
    t.check(rc == 0, "sweep with a profile: %d %s" % (rc, err))
    header, first_point = whole.split("\n0,", 1)[0], "0,"
    with open(os.path.join(d, "out.csv"), "w", newline="") as f:
        f.write(header + "\n" + first_point)
    rc, _, err = sweep(t, d, "./f.yaml", "--out", "out.csv", "--resume")
    t.check(rc == 0, "./f.yaml resumes the sweep of f.yaml: %d %s" % (rc, err))
    with open(os.path.join(d, "out.csv"), newline="") as f:
        t.check(f.read() == whole, "resumed ./f.yaml differs from f.yaml")
    # Edit the profile: swap two hours' factors (still a valid profile).
    path = os.path.join(d, "p.csv")
    with open(path) as f:
        lines = f.read().split("\n")
    data = [i for i, l in enumerate(lines) if l.startswith("mon 0")]
    a, b = data[0], data[6]
    fa, fb = lines[a].split(",")[1], lines[b].split(",")[1]
    lines[a] = lines[a].split(",")[0] + "," + fb
    lines[b] = lines[b].split(",")[0] + "," + fa
    with open(path, "w") as f:
        f.write("\n".join(lines))
    with open(os.path.join(d, "out.csv"), "w", newline="") as f:
        f.write(header + "\n")
    rc, _, err = sweep(t, d, "f.yaml", "--out", "out.csv", "--resume")
    t.check(rc == 2 and "holds a different sweep" in err,
            "an edited profile CSV makes another sweep: %d %s" % (rc, err))


def check_bad_point_writes_nothing(t):
    scen = fixture("exp_sweep.yaml")
    out = t.scratch("bad-grid.csv")
    bad = ["--vary", "pools.handlers.shifts.night.staff=0:100:0.5"]
    rc, stdout, err = sweep(t, t.tmp, scen, *bad, "--out", out)
    t.check(rc == 2 and "0.5" in err and not os.path.exists(out),
            "a grid with 0.5 staff writes nothing: %d exists=%s %s"
            % (rc, os.path.exists(out), err))
    rc, stdout, err = sweep(t, t.tmp, scen, *bad)
    t.check(rc == 2 and stdout == "",
            "a grid with 0.5 staff prints nothing: %d %r" % (rc, stdout[:80]))
    # Points are checked on threads; the first bad one in point order is
    # the one reported, whatever the threads.
    two_bad = ["--vary", "pools.handlers.shifts.night.staff=5,0.5,-1",
               "--threads", "2"]
    for _ in range(3):
        rc, stdout, err = sweep(t, t.tmp, scen, *two_bad)
        t.check(rc == 2 and stdout == "" and "=0.5:" in err
                and "=-1:" not in err,
                "the first bad point is reported: %d %s" % (rc, err))


def main():
    t = Ctx()
    check_name_with_line_break(t)
    check_reserved_pool_names(t)
    check_slash_in_grade(t)
    check_resume_by_content(t)
    check_bad_point_writes_nothing(t)
    t.finish()


main()
