"""Memory does not grow with the number of replications (issue 8, item 5).

Replications are folded into exact sums as they finish, so 10,000
replications of a small scenario must peak at the same resident memory as
1,000. Before, every replication's figures were kept to the end (one result
of tests/cli/small.yaml is about 7 kB, so 9,000 more were about 60 MB), and
`run --replications 1000000` was killed at 15.6 GB. The peak is the child
process's own (os.wait4's ru_maxrss). The same for `compare`, whose paired
differences are folded in as well, and for each point of a `sweep`. The refusal of more than 1,000,000
replications must name the limit. bench/memory checks 100,000 replications
of the bundled scenario."""
import os
import subprocess

from clitest import Ctx, fixture


def peak_kb(t, args):
    """Runs callsim; returns (exit code, peak resident set in kB). Under
    AddressSanitizer freed memory waits in a quarantine of up to 256 MB,
    which would grow with the replications: it is turned off here (the
    option means nothing to a normal build)."""
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ":".join(
        o for o in (env.get("ASAN_OPTIONS"), "quarantine_size_mb=0",
                    "thread_local_quarantine_size_kb=0") if o)
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen([t.callsim] + args, stdout=null, stderr=null,
                             env=env)
        _, status, usage = os.wait4(p.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss


def main():
    t = Ctx()
    base = ["run", fixture("small.yaml"), "--days", "0.02",
            "--warmup-hours", "0", "--threads", "2", "--format", "json"]
    rc1, kb1 = peak_kb(t, base + ["--replications", "1000"])
    rc2, kb2 = peak_kb(t, base + ["--replications", "10000"])
    t.check(rc1 == 0 and rc2 == 0, "exit codes %d, %d" % (rc1, rc2))
    # 2 MB of slack covers allocator noise; keeping every replication's
    # results would add about 60 MB.
    t.check(kb2 - kb1 < 2048,
            "peak memory grew from %d kB (1,000 replications) to %d kB "
            "(10,000)" % (kb1, kb2))
    # compare folds pairs of replications the same way.
    cmp = ["compare", fixture("small.yaml"), "--set-b",
           "pools.emergency.shifts.day.staff=9", "--days", "0.02",
           "--warmup-hours", "0", "--threads", "2", "--format", "json"]
    rc1, kb1 = peak_kb(t, cmp + ["--replications", "500"])
    rc2, kb2 = peak_kb(t, cmp + ["--replications", "5000"])
    t.check(rc1 == 0 and rc2 == 0, "compare exit codes %d, %d" % (rc1, rc2))
    t.check(kb2 - kb1 < 2048,
            "compare: peak memory grew from %d kB (500 replications) to %d "
            "kB (5,000)" % (kb1, kb2))
    # And sweep, at each point.
    swp = ["sweep", fixture("exp_sweep.yaml"), "--vary",
           "pools.handlers.shifts.day.staff=6:7:1", "--set", "run.days=0.05",
           "--set", "run.warmup_hours=0", "--threads", "2", "--quiet"]
    rc1, kb1 = peak_kb(t, swp + ["--replications", "300"])
    rc2, kb2 = peak_kb(t, swp + ["--replications", "3000"])
    t.check(rc1 == 0 and rc2 == 0, "sweep exit codes %d, %d" % (rc1, rc2))
    t.check(kb2 - kb1 < 2048,
            "sweep: peak memory grew from %d kB (300 replications) to %d "
            "kB (3,000)" % (kb1, kb2))
    _, err = t.expect_rc(["run", "--replications", "1000001"], 2)
    t.check("1000000" in err, "the refusal does not name the limit: " + err)
    t.finish()


main()
