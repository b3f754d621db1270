"""Invalid scenarios: one FILE:LINE:COL line per problem, every problem
reported in one pass, nothing on stdout, exit 2 from both run and check."""
import os
import re
import tempfile

from clitest import Ctx, fixture


def write(dirname, name, text):
    path = os.path.join(dirname, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def small_with(old, new):
    with open(fixture("small.yaml"), encoding="utf-8") as f:
        text = f.read()
    assert old in text
    return text.replace(old, new, 1)


def line_of(text, needle):
    """1-based number of the line holding needle."""
    return text[:text.index(needle)].count("\n") + 1


def expect_problems(t, path, text, needles):
    """run and check both fail with exit 2 and a positioned line per needle."""
    for cmd in ("run", "check"):
        out, err = t.expect_rc([cmd, path], 2)
        t.check(out == "", "%s %s: printed on stdout" % (cmd, path))
        lines = err.splitlines()
        for needle, key in needles:
            want = re.compile(r"^%s:%d:\d+: %s" % (re.escape(path),
                                                   line_of(text, needle),
                                                   re.escape(key)))
            t.check(any(want.match(l) for l in lines),
                    "%s: no '%s:%d:COL: %s' line in:\n%s"
                    % (cmd, path, line_of(text, needle), key, err))


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as d:
        # Two problems in one file, both reported.
        text = small_with("shrinkage: 0.25", "shrinkage: 1.5")
        text = text.replace("staff: 8}", "staff: -3}", 1)
        expect_problems(t, write(d, "two.yaml", text), text,
                        [("shrinkage: 1.5", "pools.emergency.shrinkage"),
                         ("staff: -3", "pools.emergency.shifts")])
        # An unknown key.
        text = small_with("    wrap:", "    wrapup: {dist: exponential, mean: 5}\n    wrap:")
        expect_problems(t, write(d, "key.yaml", text), text,
                        [("wrapup:", "lines.999")])
        # The misspelt key of docs/scenario.md's examples: its message
        # there, after the position, is the one printed, every allowed
        # key listed.
        with open(t.path("docs", "scenario.md"), encoding="utf-8") as f:
            doc = [l for l in f if "unknown key 'pateince'" in l]
        t.check(len(doc) == 1, "docs/scenario.md: %d pateince examples"
                % len(doc))
        text = small_with("    patience:", "    pateince:")
        path = write(d, "pateince.yaml", text)
        _, err = t.expect_rc(["check", path], 2)
        shown = doc[0].split(": ", 1)[1].strip() if doc else "?"
        printed = [l.split(": ", 1)[1] for l in err.splitlines()
                   if ": " in l]
        t.check(shown in printed, "docs/scenario.md shows '%s'; check "
                "says %s" % (shown, err))
        # Not YAML at all.
        text = "name: [unclosed\nlines: {\n"
        path = write(d, "syntax.yaml", text)
        out, err = t.expect_rc(["check", path], 2)
        t.check(re.match(r"^%s:\d+:\d+: " % re.escape(path), err) is not None,
                "syntax error without a position: " + err)
        # A bad --set names the override instead of a position.
        out, err = t.expect_rc(["run", fixture("small.yaml"), "--set",
                                "pools.emergency.shrinkage=2"], 2)
        t.check("--set pools.emergency.shrinkage=2" in err and out == "",
                "bad --set: " + err)
        out, err = t.expect_rc(["run", fixture("small.yaml"), "--replications", "1"], 2)
        t.check("run.replications" in err, "--replications 1: " + err)
        # A file that does not exist.
        out, err = t.expect_rc(["run", os.path.join(d, "missing.yaml")], 2)
        t.check("missing.yaml" in err and out == "", "missing file: " + err)
    t.finish()


main()
