"""No output option writes over a CSV file the scenario reads (docs/cli.md,
"Files written").

A scenario reads CSV files besides itself: a line's weekly profile, an
empirical sample, the events. An output named as one of them (however
spelt: ./week.csv, a link) is refused with exit 2 before anything runs,
naming the option, the output, and the key that reads the file, and the
CSV is left byte for byte as it was. Each command with an output option
is tried: run (--report, --calls-log, --incidents-log, --partial), compare
(either side), sweep (--out, with and without --resume, --report; a CSV
only one point reads), optimise and backtest (--report). fit reads no
scenario: its outputs are kept off the logs it fits, as before.
"""
import os
import shutil

from exp_support import Ctx, fixture

RUN = ["--days", "1", "--replications", "2", "--quiet"]
VARY = ["--vary", "pools.emergency.shifts.all.staff=2,3"]


def make_force(t):
    """A force whose 999 line reads week.csv and whose 101 handle time is
    sampled from handle.csv, and the same force reading neither."""
    week = t.scratch("week.csv")
    shutil.copy(os.path.join(t.root, "scenarios", "profiles",
                             "wm-999-week.csv"), week)
    with open(t.scratch("handle.csv"), "w") as f:
        f.write("handle_s\n" + "".join("%d\n" % (200 + 7 * i)
                                       for i in range(40)))
    shutil.copy(week, t.scratch("other.csv"))
    with open(fixture("run_log.yaml")) as f:
        plain = f.read()
    force = plain.replace(
        "    volume: {per_hour: 24}\n",
        "    volume: {per_hour: 24}\n    profile: week.csv\n", 1).replace(
        "    handle: {dist: gamma, mean: 300, sd: 150}\n",
        "    handle: {dist: empirical, values: {csv: handle.csv, "
        "column: 1}}\n", 1)
    assert force.count(".csv") == 2
    for name, text in (("force.yaml", force), ("plain.yaml", plain)):
        with open(t.scratch(name), "w") as f:
            f.write(text)
    os.symlink("handle.csv", t.scratch("link.csv"))


def snapshot(t):
    """The bytes of every CSV the force reads."""
    out = {}
    for name in ("week.csv", "handle.csv", "other.csv"):
        with open(t.scratch(name), "rb") as f:
            out[name] = f.read()
    return out


def refused(t, args, opt, out, whose, key, before):
    """callsim args exits 2 naming opt, out, whose scenario and the key
    that reads the file, and leaves every CSV as it was."""
    rc, stdout, err = t.run(*args)
    want = "%s %s is a CSV file %s reads (%s: " % (opt, out, whose, key)
    t.check(rc == 2 and want in err and "give %s a file of its own" % opt
            in err, "callsim %s: exit %d, wanted 2 and %r\nstderr: %s"
            % (" ".join(args), rc, want, err))
    if not t.check(snapshot(t) == before, "callsim %s: a CSV the scenario "
                   "reads was changed" % " ".join(args)):
        for name, data in before.items():   # for the checks that follow
            with open(t.scratch(name), "wb") as f:
                f.write(data)
    t.check(stdout == "", "callsim %s: refused, yet wrote %r"
            % (" ".join(args), stdout[:80]))


def check_run(t, before):
    force = t.scratch("force.yaml")
    week = os.path.join(t.tmp, ".", "week.csv")
    link = t.scratch("link.csv")
    for opt, out, key in (("--report", week, "lines.999.profile"),
                          ("--calls-log", week, "lines.999.profile"),
                          ("--incidents-log", link, "lines.101.handle.values.csv"),
                          ("--calls-log", t.scratch("handle.csv"),
                           "lines.101.handle.values.csv")):
        refused(t, ["run", force, opt, out] + RUN, opt, out, "the scenario",
                key, before)
    refused(t, ["run", force, "--replications-range", "0:1", "--partial",
                week] + RUN, "--partial", week, "the scenario",
            "lines.999.profile", before)
    # A CSV named only by --set is read as well.
    other = t.scratch("other.csv")
    refused(t, ["run", t.scratch("plain.yaml"), "--set",
                "lines.101.profile=" + other, "--report", other] + RUN,
            "--report", other, "the scenario", "lines.101.profile", before)
    # A file of the same name elsewhere is another file: written.
    os.mkdir(t.scratch("elsewhere"))
    log = t.scratch(os.path.join("elsewhere", "week.csv"))
    t.expect(["run", force, "--calls-log", log] + RUN, 0)
    t.check(os.path.getsize(log) > 0, "the log beside was not written")


def check_compare(t, before):
    force, plain = t.scratch("force.yaml"), t.scratch("plain.yaml")
    week = t.scratch("week.csv")
    refused(t, ["compare", plain, force, "--report", week] + RUN, "--report",
            week, "scenario B", "lines.999.profile", before)
    refused(t, ["compare", force, "--set-b",
                "pools.emergency.shifts.all.staff=3", "--report", week] + RUN,
            "--report", week, "scenario A", "lines.999.profile", before)


def check_sweep(t, before):
    force, plain = t.scratch("force.yaml"), t.scratch("plain.yaml")
    week, other = t.scratch("week.csv"), t.scratch("other.csv")
    p0 = "the scenario of point 0"
    refused(t, ["sweep", force] + VARY + ["--out", week] + RUN, "--out", week,
            p0, "lines.999.profile", before)
    refused(t, ["sweep", force] + VARY + ["--out", week, "--resume"] + RUN,
            "--out", week, p0, "lines.999.profile", before)
    refused(t, ["sweep", force] + VARY + ["--format", "jsonl", "--report",
                                          week] + RUN,
            "--report", week, p0, "lines.999.profile", before)
    # Only point 1 reads other.csv; and only the second file of a
    # scenario axis reads week.csv.
    refused(t, ["sweep", plain, "--vary", "lines.101.profile=%s,%s"
                % (week, other), "--format", "jsonl", "--report", other]
            + RUN, "--report", other, "the scenario of point 1",
            "lines.101.profile", before)
    refused(t, ["sweep", "--vary", "scenario=%s,%s" % (plain, force)] + VARY
            + ["--format", "jsonl", "--report", week] + RUN, "--report", week,
            "the scenario of point 2", "lines.999.profile", before)


def check_searches(t, before):
    force, week = t.scratch("force.yaml"), t.scratch("week.csv")
    refused(t, ["optimise", force, "--report", week] + RUN, "--report", week,
            "the scenario", "lines.999.profile", before)
    calls = t.scratch("calls.csv")
    t.expect(["run", force, "--calls-log", calls] + RUN, 0)
    refused(t, ["backtest", force, calls, "--report", week,
                "--replications", "39", "--quiet"], "--report", week,
            "the scenario", "lines.999.profile", before)
    # fit reads no scenario; its --out is kept off the log it fits.
    with open(calls, "rb") as f:
        log = f.read()
    _, err = t.expect(["fit", calls, "--out", os.path.join(t.tmp, ".",
                                                           "calls.csv")], 2)
    with open(calls, "rb") as f:
        t.check(f.read() == log and "is the call log" in err,
                "fit --out naming the call log: " + err)


def main():
    t = Ctx()
    make_force(t)
    before = snapshot(t)
    check_run(t, before)
    check_compare(t, before)
    check_sweep(t, before)
    check_searches(t, before)
    t.finish()


main()
