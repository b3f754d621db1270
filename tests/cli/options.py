"""The smaller promises of the command line (issue 8, item 15):

- every number on the command line is plain decimal: hexadecimal such as
  0x10 is refused with exit 2 by every command and option that takes one
  (the run settings, --threads, --vary ranges, erlang's numbers);
- `erlang --goal 1` is accepted, as a scenario goal of 1 is;
- `erlang` with no agent count meeting the goal exits 3, as `optimise`
  does when no staffing meets the agreements;
- `sweep --days D` runs every point for D days, as `--set run.days=D`;
- `run --quiet` and `compare --quiet` print no timing line even when
  stderr is a terminal (where one is printed without it);
- no command writes a file over one it reads: a report, a log, a part or
  a sweep's output named as the scenario (however spelt), a fit's output
  as its call log, a report's page as its result, is refused with exit 2
  and the file is left as it was; so is an output that is a directory, a
  device or a pipe, which would be replaced by a file;
- two outputs of one command that name one file (fit --out F --report
  ./F, run --calls-log F --report F) are refused with exit 2, nothing
  written; the second used to replace the first (fit exited 0 with its
  scenario lost) or fail once the run was done;
- but a sweep's --out without --resume is written where it is, not
  renamed: a pipe takes the same bytes as stdout (exit 0); a directory,
  or a pipe with --resume (which reads the file and cuts it), is refused.
"""
import os
import pty
import shutil
import subprocess
import tempfile
import threading

from exp_support import Ctx, fixture

SMALL = fixture("small.yaml")
SWEEP = fixture("exp_sweep.yaml")


def check_plain_decimal(t):
    small = [SMALL, "--replications", "2"]
    bad = [
        (["run"] + small + ["--seed", "0x10"], "--seed"),
        (["run"] + small + ["--days", "0x1"], "--days"),
        (["run"] + small + ["--warmup-hours", "0x0"], "--warmup-hours"),
        (["run", SMALL, "--replications", "0x2"], "--replications"),
        (["run"] + small + ["--threads", "0x4"], "--threads"),
        (["compare"] + small + ["--days", "0x1"], "--days"),
        (["sweep", SWEEP, "--vary", "pools.handlers.shrinkage=0.2,0.3",
          "--days", "0x1"], "--days"),
        (["sweep", SWEEP, "--vary", "pools.handlers.shifts.day.staff=0x6:0x8:1"],
         "plain decimal"),
        (["optimise", SMALL, "--days", "0x1"], "--days"),
        (["erlang", "--calls-per-hour", "0x10", "--aht", "180", "--target",
          "20", "--goal", "0.8"], "--calls-per-hour"),
        (["erlang", "--calls-per-hour", "inf", "--aht", "180", "--target",
          "20", "--goal", "0.8"], "--calls-per-hour"),
    ]
    for args, words in bad:
        rc, out, err = t.run(*args)
        t.check(rc == 2 and words in err and "decimal" in err and out == "",
                "%s: exit %d, wanted 2 naming %s and plain decimal: %s"
                % (" ".join(args[:1] + args[2:]), rc, words, err))
    # Each run setting's example is a value it takes: no fraction for a
    # count of replications or a seed.
    for opt, example in (("--replications", "(such as 20), not 'x'"),
                         ("--seed", "(such as 2025), not 'x'"),
                         ("--days", "(such as 28 or 0.5), not 'x'")):
        rc, _, err = t.run("run", SMALL, opt, "x")
        t.check(rc == 2 and ("callsim run: %s must be a number in plain "
                             "decimal %s" % (opt, example)) in err,
                "%s x: exit %d, %s" % (opt, rc, err))
    # Decimal forms stay accepted.
    rc, _, err = t.run("run", SMALL, "--replications", "2", "--days", "0.5",
                       "--warmup-hours", "1e0")
    t.check(rc == 0, "decimal run settings accepted: %d %s" % (rc, err))


def check_erlang(t):
    base = ["erlang", "--calls-per-hour", 200, "--aht", 180, "--target", 20]
    rc, out, err = t.run(*base, "--goal", 1)
    t.check(rc == 0 and "goal 100%" in out and "required:" in out,
            "erlang --goal 1: %d %s %s" % (rc, out, err))
    # 1e6 Erlangs offered: no count up to the search limit of 100000 agents
    # can even keep up.
    rc, out, err = t.run("erlang", "--calls-per-hour", 3600000, "--aht", 1000,
                         "--target", 20, "--goal", 0.8)
    t.check(rc == 3 and "no agent count" in err and out == "",
            "erlang without a solution exits 3: %d %s" % (rc, err))


def check_sweep_days(t):
    args = ["sweep", SWEEP, "--vary", "pools.handlers.shrinkage=0.25,0.3",
            "--replications", 2, "--threads", 1, "--quiet"]
    rc, by_option, err = t.run(*args, "--days", 1.5)
    t.check(rc == 0, "sweep --days: %d %s" % (rc, err))
    rc, by_set, err = t.run(*args, "--set", "run.days=1.5")
    t.check(rc == 0, "sweep --set run.days: %d %s" % (rc, err))
    rows = lambda out: (out.split("\n", 2) + ["", ""])[2]
    t.check(rows(by_option) == rows(by_set) and ",run,Sweep test force,days,"
            "1.5,1.5,1.5\n" in by_option,
            "sweep --days 1.5 runs what --set run.days=1.5 runs")
    t.check('"days":1.5' in by_option.split("\n", 1)[0],
            "the sweep header holds its days: " + by_option.split("\n", 1)[0])


def on_terminal(t, args):
    """Runs callsim with stderr on a pseudo-terminal; returns (rc, stderr)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([t.callsim] + [str(a) for a in args],
                         stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:          # EIO once the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return p.wait(timeout=60), b"".join(chunks).decode()


def check_quiet(t):
    for cmd in (["run", SMALL], ["compare", SMALL, "--set-b",
                                 "run.warmup_hours=5"]):
        args = cmd + ["--replications", 2, "--threads", 1]
        rc, err = on_terminal(t, args)
        t.check(rc == 0 and "replications" in err,
                "%s on a terminal prints its timing: %d %r" % (cmd[0], rc, err))
        rc, err = on_terminal(t, args + ["--quiet"])
        t.check(rc == 0 and err == "",
                "%s --quiet prints nothing: %d %r" % (cmd[0], rc, err))
        rc, _, err = t.run(*args, "--quiet", "--verbose")
        t.check(rc == 2 and "not both" in err,
                "%s --quiet --verbose refused: %d %s" % (cmd[0], rc, err))


def check_outputs_apart(t):
    d = tempfile.mkdtemp(prefix="callsim-apart-")
    scen, log = os.path.join(d, "force.yaml"), os.path.join(d, "calls.csv")
    result = os.path.join(d, "result.json")
    shutil.copy(SMALL, scen)
    t.expect_rc(["run", scen, "--replications", 2, "--calls-log", log], 0)
    with open(result, "w", encoding="utf-8") as f:
        f.write(t.expect_rc(["run", scen, "--replications", 2, "--format",
                             "json"], 0)[0])
    same = os.path.join(d, ".", "force.yaml")   # the scenario, spelt otherwise
    cases = [
        (["run", scen, "--report", same], "--report", scen),
        (["run", scen, "--calls-log", same], "--calls-log", scen),
        (["run", scen, "--incidents-log", same], "--incidents-log", scen),
        (["run", scen, "--replications", 4, "--replications-range", "0:2",
          "--partial", same], "--partial", scen),
        (["compare", SMALL, scen, "--report", same], "scenario B", scen),
        (["optimise", scen, "--report", same], "--report", scen),
        (["sweep", scen, "--vary", "pools.emergency.shifts.day.staff=5,6",
          "--out", same], "--out", scen),
        (["sweep", "--vary", "scenario=%s,%s" % (SMALL, scen), "--format",
          "jsonl", "--report", same], "a scenario file", scen),
        (["fit", log, "--out", log], "the call log", log),
        (["fit", log, "--report", log], "the call log", log),
        (["backtest", scen, log, "--report", same], "the scenario", scen),
        (["report", result, "--out", result], "the result", result),
    ]
    for args, word, victim in cases:
        with open(victim, "rb") as f:
            before = f.read()
        _, err = t.expect_rc(args, 2)
        with open(victim, "rb") as f:
            t.check(f.read() == before and word in err and "of its own" in
                    err, "%s: %s" % (" ".join(map(str, args)), err))
    # Not a regular file: a directory, or a device (which, renamed over,
    # became a file: as root, /dev/full was replaced so).
    fifo = os.path.join(d, "pipe")
    os.mkfifo(fifo)
    for out in (d, fifo):
        for args in (["run", scen, "--calls-log", out],
                     ["run", scen, "--report", out],
                     ["report", result, "--out", out],
                     ["fit", log, "--out", out]):
            _, err = t.expect_rc(args, 2)
            t.check("not a regular file" in err, "%s: %s"
                    % (" ".join(map(str, args)), err))
    t.check(os.path.isdir(d) and os.path.exists(fifo) and
            not os.path.isfile(fifo), "the pipe was replaced")
    shutil.rmtree(d, ignore_errors=True)


def check_outputs_distinct(t):
    d = tempfile.mkdtemp(prefix="callsim-distinct-")
    log, f = os.path.join(d, "calls.csv"), os.path.join(d, "out")
    t.expect_rc(["run", SMALL, "--replications", 2, "--calls-log", log], 0)
    same = os.path.join(d, ".", "out")
    for args in (["fit", log, "--out", f, "--report", same],
                 ["run", SMALL, "--replications", 2, "--calls-log", f,
                  "--report", same],
                 ["sweep", SWEEP, "--vary", "pools.handlers.shrinkage=0.2",
                  "--days", 1, "--format", "jsonl", "--out", f, "--report",
                  same]):
        _, err = t.expect_rc(args, 2)
        t.check("name one file" in err and not os.path.exists(f),
                "%s: %s" % (" ".join(map(str, args)), err))
    # Once the file exists, a link to it is the same file too.
    with open(f, "w", encoding="utf-8") as out:
        out.write("kept\n")
    os.symlink(f, os.path.join(d, "link"))
    _, err = t.expect_rc(["fit", log, "--out", os.path.join(d, "link"),
                          "--report", f], 2)
    with open(f, encoding="utf-8") as out:
        t.check(out.read() == "kept\n" and "name one file" in err,
                "fit --out LINK --report FILE: %s" % err)
    shutil.rmtree(d, ignore_errors=True)


def check_sweep_out_in_place(t):
    d = tempfile.mkdtemp(prefix="callsim-in-place-")
    fifo = os.path.join(d, "pipe")
    os.mkfifo(fifo)
    args = ["sweep", SWEEP, "--vary", "pools.handlers.shrinkage=0.2,0.3",
            "--replications", 2, "--days", 1, "--quiet"]
    whole, _ = t.expect_rc(args, 0)
    got = []
    reader = threading.Thread(target=lambda: got.append(
        open(fifo, encoding="utf-8").read()))
    reader.start()
    _, err = t.expect_rc(args + ["--out", fifo], 0)
    reader.join(30)
    if reader.is_alive():           # refused: nothing opened the pipe
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join()
    t.check(got == [whole], "sweep --out PIPE: %s" % err)
    for out, extra, word in ((fifo, ["--resume"], "not a regular file"),
                             (d, [], "is a directory")):
        _, err = t.expect_rc(args + ["--out", out] + extra, 2)
        t.check(word in err, "sweep --out %s %s: %s" % (out, extra, err))
    t.check(os.path.exists(fifo) and not os.path.isfile(fifo),
            "the pipe was replaced")
    shutil.rmtree(d, ignore_errors=True)


def main():
    t = Ctx()
    check_outputs_apart(t)
    check_outputs_distinct(t)
    check_sweep_out_in_place(t)
    check_plain_decimal(t)
    check_erlang(t)
    check_sweep_days(t)
    check_quiet(t)
    t.finish()


main()
