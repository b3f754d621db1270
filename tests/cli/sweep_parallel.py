"""The shards of a sweep run as separate processes by GNU parallel, and
merged, give the unsharded sweep's bytes: with parallel itself, with
contrib/sweep-parallel on this machine, and with contrib/sweep-parallel
sending the shards to two hosts over ssh (an ssh that runs the command
here, through parallel's PARALLEL_SSH, so the remote path and its quoting
are what is tested, with no $SHELL set, as under cron). Skipped, saying so, when parallel is not installed
(Debian: apt-get install parallel; .ci/packages lists it)."""
import os
import shutil
import subprocess
import sys

from exp_support import Ctx, fixture

SCEN = fixture("exp_sweep.yaml")
ARGS = ["--vary", "pools.handlers.shifts.day.staff=6:8:1", "--vary",
        "pools.handlers.shrinkage=0.25,0.3", "--replications", "3",
        "--threads", "1"]
FAKE_SSH = """#!/bin/sh
# ssh [OPTIONS] HOST [--] COMMAND...: runs COMMAND here.
while [ $# -gt 0 ]; do
	case $1 in
	-l|-o|-p|-S) shift 2 ;;
	-*) shift ;;
	*) shift; break ;;
	esac
done
[ "${1:-}" = "--" ] && shift
exec sh -c "$*"
"""


def read(path):
    with open(path, "rb") as f:
        return f.read()


def sh(t, cmd, env=None):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                       env=env, cwd=t.tmp)
    t.check(p.returncode == 0, "%s: exit %d: %s" % (" ".join(cmd[:3]),
                                                    p.returncode, p.stderr))
    return p


def check_parallel(t, full):
    """parallel runs the three shards; merge joins them."""
    sh(t, ["parallel", "--halt", "now,fail=1", t.callsim, "sweep", SCEN]
       + ARGS + ["--format", "jsonl", "--quiet", "--shard", "{}/3", "--out",
                 "part-{}.jsonl", ":::", "1", "2", "3"])
    rc, out, err = t.run("merge", *[t.scratch("part-%d.jsonl" % k)
                                    for k in (3, 1, 2)])
    t.check(rc == 0 and out == full, "merge of parallel's shards: exit %d, "
            "%s: %s" % (rc, "same" if out == full else "differs", err))


def check_contrib(t, whole_csv):
    """contrib/sweep-parallel here, then to two hosts over (stand-in) ssh."""
    script = os.path.join(t.root, "contrib", "sweep-parallel")
    env = dict(os.environ, PATH=os.path.dirname(t.callsim) + os.pathsep
               + os.environ.get("PATH", ""))
    sh(t, [script, "-N", "3", "-j", "2", "-c", t.callsim, "-o", "here.csv",
           "--", SCEN] + ARGS, env)
    t.check(read(t.scratch("here.csv")) == whole_csv,
            "contrib/sweep-parallel here differs from the whole sweep")
    # Run again onto the merged file: refused before any shard runs (the
    # shards ran, then the merge refused the file and left them behind).
    shutil.rmtree(t.scratch("here.csv.shards"), ignore_errors=True)
    p = subprocess.run([script, "-N", "3", "-c", t.callsim, "-o", "here.csv",
                        "--", SCEN] + ARGS, capture_output=True, text=True,
                       timeout=300, env=env, cwd=t.tmp)
    t.check(p.returncode == 2 and "here.csv exists" in p.stderr
            and not os.path.exists(t.scratch("here.csv.shards"))
            and read(t.scratch("here.csv")) == whole_csv,
            "sweep-parallel onto an existing OUT: exit %d %s"
            % (p.returncode, p.stderr))
    fake = t.scratch("fake-ssh")
    with open(fake, "w", encoding="utf-8") as f:
        f.write(FAKE_SSH)
    os.chmod(fake, 0o755)
    env["PARALLEL_SSH"] = fake
    env.pop("SHELL", None)  # as under cron or in a container
    env.pop("PARALLEL_SHELL", None)
    sh(t, [script, "-S", "hostA,hostB", "-c", t.callsim, "-o", "hosts.csv",
           "--", SCEN] + ARGS, env)
    t.check(read(t.scratch("hosts.csv")) == whole_csv,
            "contrib/sweep-parallel over ssh differs from the whole sweep")
    t.check(not os.path.exists(t.scratch("hosts.csv.shards")),
            "the shards were not removed after the merge")


def main():
    if shutil.which("parallel") is None:
        print("SKIP: GNU parallel is not installed (Debian: apt-get install "
              "parallel); the shards were not run as separate processes")
        sys.exit(77)
    t = Ctx()
    rc, full, err = t.run("sweep", SCEN, *ARGS, "--format", "jsonl", "--quiet")
    t.check(rc == 0, "whole sweep: %d %s" % (rc, err))
    check_parallel(t, full)
    rc, whole_csv, _ = t.run("sweep", SCEN, *ARGS, "--quiet")
    check_contrib(t, whole_csv.encode())
    t.finish()


main()
