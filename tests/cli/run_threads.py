"""The same scenario and seed give the same bytes whatever the thread count,
in every format."""
from clitest import Ctx, fixture


def main():
    t = Ctx()
    base = ["run", fixture("small.yaml"), "--intervals"]
    for fmt in ("table", "csv", "json"):
        outs = []
        for threads in ("1", "2", "3"):
            out, _ = t.expect_rc(base + ["--format", fmt, "--threads", threads], 0)
            outs.append(out)
        t.check(len(outs[0]) > 0, fmt + ": output is empty")
        t.check(outs[0] == outs[1] == outs[2],
                fmt + ": output differs between --threads 1, 2 and 3")
    # The bundled scenario, without naming it, for the default thread count.
    a, _ = t.expect_rc(["run", "--replications", "2", "--days", "1",
                        "--format", "json", "--threads", "1"], 0)
    b, _ = t.expect_rc(["run", "--replications", "2", "--days", "1",
                        "--format", "json", "--threads", "0"], 0)
    t.check(a == b and len(a) > 0, "bundled scenario: --threads 1 and 0 differ")
    # A different seed must give different numbers.
    c, _ = t.expect_rc(base + ["--format", "csv", "--seed", "7"], 0)
    d, _ = t.expect_rc(base + ["--format", "csv"], 0)
    t.check(c != d, "--seed changes nothing")
    t.finish()


main()
