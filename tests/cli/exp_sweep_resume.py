"""Nothing is lost: a sweep killed with SIGKILL after its first point (and
with a torn last line added, as a write cut short leaves) resumes to a file
byte-identical to an uninterrupted sweep's; Ctrl-C (SIGINT) finishes the
point in hand, leaves whole points only and exits 130; a file of another
sweep, or an existing file without --resume, is refused."""
import os
import signal
import subprocess
import time

from exp_support import Ctx, fixture

SCEN = fixture("exp_sweep.yaml")
ARGS = ["--vary", "lines.calls.volume.per_hour=30:69:1", "--vary",
        "pools.handlers.shrinkage=0.25", "--replications", "4", "--seed", "77",
        "--threads", "1"]
POINTS = 40
ROWS = 31            # rows of one point: see exp_sweep_matches_run.py


def sweep(t, out, *extra):
    return t.run("sweep", SCEN, *ARGS, "--out", out, *extra)


def points_in(path):
    """Complete points in a sweep CSV (rows of point k end with k's last)."""
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    body = [l for l in lines[2:-1]]      # the last piece follows the last \n
    return len(body) // ROWS, len(body) % ROWS


def start_and_wait(t, out):
    """Starts the sweep and returns it once its first point is on disk."""
    p = subprocess.Popen([t.callsim, "sweep", SCEN] + ARGS + ["--out", out,
                         "--quiet"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if os.path.exists(out) and points_in(out)[0] >= 1:
            break
        time.sleep(0.002)
    return p


def check_kill(t, full):
    part = t.scratch("killed.csv")
    p = start_and_wait(t, part)
    p.send_signal(signal.SIGKILL)
    p.wait()
    done, rest = points_in(part)
    t.check(1 <= done < POINTS, "killed after %d points" % done)
    # A torn write: half a line of the next point, no line end.
    with open(part, "ab") as f:
        f.write(b"%d,%d,0.25,line,calls,serv" % (done, 30 + done))
    rc, _, err = sweep(t, part, "--resume")
    t.check(rc == 0, "resume: exit %d: %s" % (rc, err))
    with open(part, "rb") as a, open(full, "rb") as b:
        t.check(a.read() == b.read(), "resumed file differs from a whole sweep")
    rc, _, err = sweep(t, part, "--resume")
    t.check(rc == 0 and "holds 40 of 40 points\n" in err,
            "resuming a finished sweep runs nothing: %d %s" % (rc, err))


def check_sigint(t, full):
    part = t.scratch("interrupted.csv")
    p = start_and_wait(t, part)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    t.check(p.returncode == 130, "SIGINT: exit %d, wanted 130" % p.returncode)
    t.check("interrupted" in err and "--resume" in err, "SIGINT message: " + err)
    done, rest = points_in(part)
    t.check(rest == 0 and 1 <= done < POINTS,
            "SIGINT left %d points and %d stray rows" % (done, rest))
    with open(part, "rb") as a, open(full, "rb") as b:
        mine = a.read()
        t.check(b.read().startswith(mine), "interrupted file is not a prefix")
    rc, _, _ = sweep(t, part, "--resume", "--quiet")
    with open(part, "rb") as a, open(full, "rb") as b:
        t.check(rc == 0 and a.read() == b.read(), "resume after SIGINT differs")


def check_refusals(t, full):
    with open(full, "rb") as f:
        before = f.read()
    rc, _, err = t.run("sweep", SCEN, *ARGS[:-4], "--seed", "78", "--threads",
                       "1", "--out", full, "--resume")
    t.check(rc == 2 and "holds a different sweep" in err
            and '"seed":77' in err and '"seed":78' in err,
            "another sweep's file: %d %s" % (rc, err))
    rc, _, err = sweep(t, full)
    t.check(rc == 2 and "exists; give --resume" in err,
            "existing file without --resume: %d %s" % (rc, err))
    with open(full, "rb") as f:
        t.check(f.read() == before, "a refused sweep changed the file")


def main():
    t = Ctx()
    full = t.scratch("full.csv")
    rc, _, err = sweep(t, full, "--quiet")
    t.check(rc == 0 and points_in(full) == (POINTS, 0),
            "uninterrupted sweep: %d %s %s" % (rc, points_in(full), err))
    check_kill(t, full)
    check_sigint(t, full)
    check_refusals(t, full)
    t.finish()


main()
