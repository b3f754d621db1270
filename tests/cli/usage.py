"""The command line itself: --version, --help, help COMMAND (the synopsis
docs/cli.md shows), and exit 2 with a message for every kind of bad usage."""
from clitest import Ctx, fixture


def synopsis(usage):
    """The usage lines up to the first blank line."""
    return usage.split("\n\n")[0]


def main():
    t = Ctx()
    small = fixture("small.yaml")
    out, _ = t.expect_rc(["--version"], 0)
    t.check(out.startswith("callsim ") and len(out.split()) == 2, "--version: " + out)
    for args in (["--help"], ["-h"], ["help"]):
        out, _ = t.expect_rc(args, 0)
        t.check(out.startswith("usage: callsim <command>"), "%s: %s" % (args, out))
    with open(t.path("docs", "cli.md"), encoding="utf-8") as f:
        doc = f.read()
    for cmd in ("run", "check", "compare", "help"):
        out, _ = t.expect_rc(["help", cmd], 0)
        t.check(out.startswith("usage: callsim " + cmd), "help %s: %s" % (cmd, out))
        t.check(synopsis(out) in doc,
                "docs/cli.md lacks the synopsis of %s:\n%s" % (cmd, synopsis(out)))
        if cmd != "help":
            again, _ = t.expect_rc([cmd, "--help"], 0)
            t.check(again == out, "%s --help differs from help %s" % (cmd, cmd))
    bad = [
        [],
        ["frobnicate"],
        ["help", "frobnicate"],
        ["run", small, "--threads", "0x"],
        ["run", small, "--threads", "-1"],
        ["run", small, "--threads", ""],
        ["run", small, "--threads", "99999"],
        ["run", small, "--format", "xml"],
        ["run", small, "--set", "no-equals-sign"],
        ["run", small, small],
        ["run", small, "--bogus"],
        ["run", small, "--intervals=yes"],
        ["run", small, "--seed"],
        ["check"],
        ["check", small, "--set"],
        ["check", small, "--threads", "2"],
    ]
    for args in bad:
        rc, out, err = t.run(*args)
        t.check(rc == 2, "callsim %s: exit %d, wanted 2" % (" ".join(args), rc))
        t.check(err.strip() != "", "callsim %s: no message" % " ".join(args))
        first = err.splitlines()[0] if err else ""
        t.check(not first.endswith("."), "message ends in a full stop: " + first)
    # Operands may follow "--" even when they look like options.
    t.expect_rc(["check", "--", small], 0)
    t.finish()


main()
