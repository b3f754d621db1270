"""What the loader reads and how it reports: the problem list holds whole
lines only, then the count of the rest."""
import os
import re
import tempfile

from clitest import Ctx


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
                       r"negative; must be a positive number of seconds$"
                       % re.escape(path))
    shown = [l for l in lines[:-1] if whole.match(l)]
    t.check(len(shown) == len(lines) - 1 and len(shown) > 10,
            "a problem line is not whole:\n" + err)
    m = re.match(r"^callsim check: (\d+) more problems not shown$", lines[-1])
    t.check(m is not None and len(shown) + int(m.group(1)) == 100,
            "the list does not end with the count of the rest:\n" + lines[-1])
    t.check(err.endswith("\n"), "the problem list does not end a line")


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as d:
        check_problem_list(t, d)
    t.finish()


main()
