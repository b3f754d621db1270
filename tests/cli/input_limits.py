"""What the loader reads and how it reports: directories and devices are
refused before anything is read, a scenario or pipe larger than the limit
is refused at once, and the problem list holds whole lines only, then the
count of the rest."""
import os
import re
import subprocess
import tempfile
import time

from clitest import Ctx, fixture


def write(dirname, name, text):
    path = os.path.join(dirname, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def many_problems(n):
    """A scenario with n lines, each with a negative handle mean."""
    out = ["name: many problems", "lines:"]
    for i in range(n):
        out += ['  - name: "line%03d"' % i, "    volume: {per_day: 10}",
                "    handle: {dist: exponential, mean: -1}",
                "    answer: {within_s: 10}"]
    out += ["pools:", "  - name: p",
            "    serves: [%s]" % ", ".join('"line%03d"' % i for i in range(n)),
            '    shifts: [{name: d, start: "00:00", hours: 24, staff: 1}]']
    return "\n".join(out) + "\n"


def check_problem_list(t, d):
    """100 problems: every printed line whole, then how many were left
    out, the two adding up to 100."""
    path = write(d, "many.yaml", many_problems(100))
    out, err = t.expect_rc(["check", path], 2)
    t.check(out == "", "a bad scenario printed on stdout")
    lines = err.splitlines()
    whole = re.compile(r"^%s:\d+:\d+: lines\.line\d{3}\.handle\.mean: -1 is "
                       r"negative; must be a positive number of seconds, at most 1e9$"
                       % re.escape(path))
    shown = [l for l in lines[:-1] if whole.match(l)]
    t.check(len(shown) == len(lines) - 1 and len(shown) > 10,
            "a problem line is not whole:\n" + err)
    m = re.match(r"^callsim check: (\d+) more problems not shown$", lines[-1])
    t.check(m is not None and len(shown) + int(m.group(1)) == 100,
            "the list does not end with the count of the rest:\n" + lines[-1])
    t.check(err.endswith("\n"), "the problem list does not end a line")


def check_kinds(t, d):
    """A device and a directory are refused by kind, at once, exit 2."""
    for path, why in (("/dev/zero", "it is a device or a socket, not a file"),
                      (d, "it is a directory")):
        start = time.monotonic()
        out, err = t.expect_rc(["check", path], 2)
        t.check(time.monotonic() - start < 10, "check %s took too long" % path)
        t.check(err == "callsim check: %s: cannot read the scenario (%s); give "
                "the path of a YAML scenario file\n" % (path, why),
                "check %s: %s" % (path, err))
    big = write(d, "big.yaml", "# a comment\n" * 400000)
    _, err = t.expect_rc(["check", big], 2)
    t.check("it is larger than 4194304 bytes, the most a scenario may be"
            in err, "a 4.8 MB scenario was not refused with the limit: " + err)


def piped(t, source, stdin_text=None):
    """Runs check /dev/stdin fed by source (a Popen) or by text."""
    p = subprocess.run([t.callsim, "check", "/dev/stdin"], input=stdin_text,
                       stdin=None if stdin_text is not None else source.stdout,
                       capture_output=True, text=True, timeout=30)
    return p.returncode, p.stdout, p.stderr


def check_pipes(t):
    """Standard input is read through a pipe under the scenario's limit: an
    endless pipe is cut off at the limit, a scenario piped in is read."""
    endless = subprocess.Popen(["yes", "a: b"], stdout=subprocess.PIPE)
    rc, _, err = piped(t, endless)
    endless.stdout.close()
    endless.kill()
    endless.wait()
    t.check(rc == 2 and "it is larger than 4194304 bytes" in err,
            "an endless pipe: exit %d, %s" % (rc, err))
    with open(fixture("small.yaml"), encoding="utf-8") as f:
        text = f.read()
    rc, out, err = piped(t, None, text)
    t.check(rc == 0 and "volume: {per_day: 480}" in out,
            "a scenario piped in: exit %d, %s" % (rc, err))


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as d:
        check_problem_list(t, d)
        check_kinds(t, d)
    check_pipes(t)
    t.finish()


main()
