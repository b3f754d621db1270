"""Helpers shared by the end-to-end tests of the callsim binary.

Every test script is run by meson as
    python3 SCRIPT CALLSIM SOURCE_ROOT
and exits 0 when every check passed, 1 (with a message) otherwise.
"""
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


class Ctx:
    """The binary under test and the source tree."""

    def __init__(self):
        if len(sys.argv) != 3:
            sys.exit("usage: %s CALLSIM SOURCE_ROOT" % sys.argv[0])
        self.callsim = os.path.abspath(sys.argv[1])
        self.root = sys.argv[2]
        self.failures = 0

    def run(self, *args, timeout=60):
        """Runs callsim with args; returns (exit code, stdout, stderr)."""
        p = subprocess.run([self.callsim] + [str(a) for a in args],
                           capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr

    def check(self, ok, what):
        """Records one check; prints what failed."""
        if not ok:
            self.failures += 1
            print("FAIL: " + what)
        return ok

    def expect_rc(self, args, rc_wanted):
        """Runs callsim and checks its exit code; returns (out, err)."""
        rc, out, err = self.run(*args)
        self.check(rc == rc_wanted, "callsim %s: exit %d, wanted %d\nstderr: %s"
                   % (" ".join(map(str, args)), rc, rc_wanted, err))
        return out, err

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def finish(self):
        if self.failures:
            print("%d check(s) failed" % self.failures)
            sys.exit(1)
        print("all checks passed")
        sys.exit(0)


def fixture(name):
    """Path of a scenario kept beside the tests."""
    return os.path.join(HERE, name)


def ci_ordered(figure):
    """True when ci_low <= mean <= ci_high, or the figure is all null."""
    lo, mean, hi = figure["ci_low"], figure["mean"], figure["ci_high"]
    if mean is None:
        return lo is None and hi is None
    tol = 1e-9 * max(1.0, abs(mean))
    return lo - tol <= mean <= hi + tol and all(map(math.isfinite, (lo, mean, hi)))
