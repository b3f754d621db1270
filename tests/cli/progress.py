"""Progress on stderr for the long commands: run, compare and optimise
draw a bar of replications when stderr is a terminal (a pseudo-terminal
here), wipe it at the end, say nothing of it when stderr is a pipe or
with --quiet, and never touch stdout: its bytes are the same with the bar
and without."""
import os
import pty
import select
import subprocess

from clitest import Ctx, fixture

BAR = "\r\x1b[K["


def run_tty(t, args):
    """Runs callsim with stderr on a pseudo-terminal and stdout on a pipe;
    returns (exit code, stdout, what the terminal got)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([t.callsim] + args, stdout=subprocess.PIPE,
                         stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    got = b""
    out = b""
    while True:
        ready, _, _ = select.select([master, p.stdout], [], [], 60)
        if not ready:
            break
        if p.stdout in ready:
            chunk = p.stdout.read1(65536)
            out += chunk
            if not chunk and p.poll() is not None:
                pass
        if master in ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:       # the terminal closed: callsim is done
                chunk = b""
            if not chunk:
                break
            got += chunk
    out += p.stdout.read()
    p.wait(60)
    os.close(master)
    return p.returncode, out.decode(), got.decode(errors="replace")


def check(t, what, args, bar_expected=True):
    rc, out_tty, err_tty = run_tty(t, args)
    t.check(rc == 0, "%s on a terminal: exit %d" % (what, rc))
    rc2, out_pipe, err_pipe = t.run(*args)
    t.check(rc2 == 0, "%s: exit %d" % (what, rc2))
    t.check(out_tty == out_pipe, "%s: stdout differs with a terminal on "
            "stderr" % what)
    t.check(BAR not in out_tty and "elapsed" not in out_tty,
            "%s: progress on stdout" % what)
    if bar_expected:
        t.check(BAR in err_tty and " replications  " in err_tty
                and " elapsed  eta " in err_tty,
                "%s: no bar on the terminal: %r" % (what, err_tty[-300:]))
        # Wiped at the end: nothing of the bar is left after the last
        # erase-line.
        tail = err_tty[err_tty.rfind("\r\x1b[K") + 4:]
        t.check("elapsed" not in tail, "%s: the bar is left: %r"
                % (what, tail))
    t.check(BAR not in err_pipe and "elapsed" not in err_pipe,
            "%s: a bar when stderr is a pipe: %r" % (what, err_pipe[:300]))
    rc, out_quiet, err_quiet = run_tty(t, args + ["--quiet"])
    t.check(BAR not in err_quiet, "%s --quiet: a bar: %r"
            % (what, err_quiet[:300]))
    t.check(out_quiet == out_pipe, "%s --quiet: stdout differs" % what)


def main():
    t = Ctx()
    small = fixture("small.yaml")
    # One thread, and work of about a second in the release build (0.85 s
    # and 1.1 s measured), so that it lasts well past the bar's first
    # fifth of a second on a fast, quiet machine: 600 replications took
    # 0.19 s there, and no bar was drawn.
    check(t, "run", ["run", small, "--replications", "3000", "--threads",
                     "1"])
    check(t, "compare", ["compare", small, "--set-b",
                         "pools.emergency.shifts.0.staff=8",
                         "--replications", "2000", "--threads", "1"])
    # The optimiser's rounds are quick: its bar may never show, but its
    # stdout must not change with a terminal.
    check(t, "optimise", ["optimise", small, "--replications", "100"],
          bar_expected=False)
    t.finish()


main()
