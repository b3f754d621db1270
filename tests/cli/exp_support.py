"""Helpers of the end-to-end tests of `callsim sweep`, `optimise` and
`erlang`.

Each test script is run by meson as
    python3 SCRIPT CALLSIM SOURCE_ROOT
and exits 0 when every check passed, 1 (listing the failures) otherwise.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


class Ctx:
    """The binary under test, a scratch directory, and the failures."""

    def __init__(self):
        if len(sys.argv) != 3:
            sys.exit("usage: %s CALLSIM SOURCE_ROOT" % sys.argv[0])
        self.callsim = os.path.abspath(sys.argv[1])
        self.root = sys.argv[2]
        self.failures = 0
        self._tmp = tempfile.TemporaryDirectory(prefix="callsim-exp-")
        self.tmp = self._tmp.name

    def run(self, *args, timeout=120):
        """Runs callsim; returns (exit code, stdout, stderr)."""
        p = subprocess.run([self.callsim] + [str(a) for a in args],
                           capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr

    def check(self, ok, what):
        """Records one check; prints what failed."""
        if not ok:
            self.failures += 1
            print("FAIL: " + what)
        return ok

    def expect(self, args, rc_wanted):
        """Runs callsim, checks the exit code; returns (stdout, stderr)."""
        rc, out, err = self.run(*args)
        self.check(rc == rc_wanted, "callsim %s: exit %d, wanted %d\nstderr: %s"
                   % (" ".join(map(str, args)), rc, rc_wanted, err))
        return out, err

    def scratch(self, name):
        return os.path.join(self.tmp, name)

    def finish(self):
        self._tmp.cleanup()
        if self.failures:
            print("%d check(s) failed" % self.failures)
            sys.exit(1)
        print("all checks passed")
        sys.exit(0)


def fixture(name):
    """Path of a scenario kept beside the tests."""
    return os.path.join(HERE, name)
