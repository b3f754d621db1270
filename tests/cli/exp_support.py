"""Helpers of the end-to-end tests of `callsim sweep`, `optimise` and
`erlang`: the shared ones of clitest, plus a scratch directory.

Each test script is run by meson as
    python3 SCRIPT CALLSIM SOURCE_ROOT
and exits 0 when every check passed, 1 (listing the failures) otherwise.
"""
import os
import tempfile

import clitest
from clitest import fixture  # noqa: F401 (re-exported for the tests)


class Ctx(clitest.Ctx):
    """clitest.Ctx with a scratch directory removed at the end."""

    def __init__(self):
        super().__init__()
        self._tmp = tempfile.TemporaryDirectory(prefix="callsim-exp-")
        self.tmp = self._tmp.name

    def run(self, *args, timeout=120):
        """Runs callsim; returns (exit code, stdout, stderr)."""
        return super().run(*args, timeout=timeout)

    def expect(self, args, rc_wanted):
        """Runs callsim, checks the exit code; returns (stdout, stderr)."""
        return self.expect_rc(args, rc_wanted)

    def scratch(self, name):
        return os.path.join(self.tmp, name)

    def finish(self):
        self._tmp.cleanup()
        super().finish()
