"""A sweep split into shards (--shard K/N) and joined again (callsim
merge) is byte for byte the unsharded sweep, in tidy CSV, wide CSV and
JSON Lines, whatever the order the parts are given in and however many
shards (one, several, more than the points); a shard resumes like a
sweep; merge refuses, naming them, parts that are missing, given twice,
of another split, of another sweep, unfinished, changed since they were
written or not shards, with exit 2 and nothing written; bad --shard values are refused with exit 2; a sweep
over scenario files (--vary scenario=a.yaml,b.yaml) runs each point as the
sweep of its own file does, and shards and merges alike."""
import os
import re
import random
import subprocess

from exp_support import Ctx, fixture

SCEN = fixture("exp_sweep.yaml")
ARGS = ["--vary", "pools.handlers.shifts.day.staff=6:8:1", "--vary",
        "pools.handlers.shrinkage=0.25,0.3", "--replications", "3",
        "--days", "2", "--threads", "2", "--quiet"]
POINTS = 6
FORMATS = {"csv": [], "wide": ["--wide"], "jsonl": ["--format", "jsonl"]}


def read(path):
    with open(path, "rb") as f:
        return f.read()


def whole(t, fmt, *extra):
    rc, out, err = t.run("sweep", SCEN, *ARGS, *FORMATS[fmt], *extra)
    t.check(rc == 0, "whole %s sweep: exit %d: %s" % (fmt, rc, err))
    return out


def shards(t, fmt, n, *extra, stdout_for=()):
    """Runs shards 1..n of the sweep; the paths of their files."""
    paths = []
    for k in range(1, n + 1):
        path = t.scratch("%s-%d-of-%d%s" % (fmt, k, n, "".join(extra)))
        if k in stdout_for:
            rc, out, err = t.run("sweep", SCEN, *ARGS, *FORMATS[fmt], *extra,
                                 "--shard", "%d/%d" % (k, n))
            with open(path, "w", encoding="utf-8") as f:
                f.write(out)
        else:
            if os.path.exists(path):
                os.remove(path)
            rc, out, err = t.run("sweep", SCEN, *ARGS, *FORMATS[fmt], *extra,
                                 "--shard", "%d/%d" % (k, n), "--out", path)
        t.check(rc == 0, "shard %d/%d (%s): exit %d: %s" % (k, n, fmt, rc, err))
        paths.append(path)
    return paths


def fnv1a(data):
    """64-bit FNV-1a of data, as 16 hexadecimal digits."""
    h = 14695981039346656037
    for byte in data:
        h = ((h ^ byte) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def check_shard_file(t, path, k, n, full):
    """The shard's header is the whole sweep's with "shard" last, its rows
    the whole sweep's rows of its points, and its end line last, with the
    hash of every byte before it."""
    data = read(path)
    lines = data.decode().split("\n")
    head = full.split("\n")[0]
    t.check(lines[0] == head[:-1] + ',"shard":"%d/%d"}' % (k, n),
            "%s: header %r" % (path, lines[0][-40:]))
    prefix = "" if lines[0].startswith("{") else "# "
    before = data[:data.rindex(b"\n", 0, len(data) - 1) + 1]
    t.check(lines[-2] == prefix + '{"end_of_shard":"%d/%d","points":%d,'
            '"fnv1a":"%s"}' % (k, n, POINTS, fnv1a(before)),
            "%s: end line %r" % (path, lines[-2]))
    t.check(lines[-1] == "", "%s: ends with a line break" % path)


def check_equal(t):
    """Sharded and merged equals unsharded, bytes compared."""
    rng = random.Random(2385)
    for fmt in FORMATS:
        full = whole(t, fmt)
        for n in ([1, 4, 7] if fmt == "csv" else [4]):
            parts = shards(t, fmt, n, stdout_for=(2,))
            for k, p in enumerate(parts, 1):
                check_shard_file(t, p, k, n, full)
            rng.shuffle(parts)
            rc, out, err = t.run("merge", *parts)
            t.check(rc == 0 and out == full,
                    "merge of %d %s shards to stdout: exit %d, %s, %s"
                    % (n, fmt, rc, "same" if out == full else "differs", err))
            dest = t.scratch("merged-%s-%d" % (fmt, n))
            rc, out, err = t.run("merge", *parts, "--out", dest)
            t.check(rc == 0 and out == "" and read(dest) == full.encode(),
                    "merge --out of %d %s shards: exit %d %s" % (n, fmt, rc, err))


def check_resume(t):
    """A shard cut short (a point and a torn row) resumes to the file of
    the shard run straight through; a finished shard runs nothing; a file
    of another shard is refused."""
    done = shards(t, "csv", 3)[1]
    want = read(done)
    lines = want.split(b"\n")
    rows = (len(lines) - 4) // 2            # two points: 1 and 4
    part = t.scratch("resumed.csv")
    with open(part, "wb") as f:
        f.write(b"\n".join(lines[:2 + rows]) + b"\n4,7,0.3,ru")
    rc, _, err = t.run("sweep", SCEN, *ARGS, "--shard", "2/3", "--out", part,
                       "--resume")
    t.check(rc == 0 and read(part) == want,
            "resumed shard: exit %d, %s" % (rc, err))
    rc, _, err = t.run("sweep", SCEN, *ARGS[:-1], "--shard", "2/3", "--out",
                       part, "--resume")
    t.check(rc == 0 and "holds 2 of 2 points of shard 2/3\n" in err
            and read(part) == want, "finished shard resumed: %d %s" % (rc, err))
    rc, _, err = t.run("sweep", SCEN, *ARGS, "--shard", "3/3", "--out", part,
                       "--resume")
    t.check(rc == 2 and "holds a different sweep" in err,
            "another shard's file: exit %d %s" % (rc, err))


def check_bad_shard(t):
    for bad in ["0/4", "5/4", "2", "a/b", "1/1001", "-1/4", "1/4/2", ""]:
        rc, _, err = t.run("sweep", SCEN, *ARGS, "--shard", bad)
        t.check(rc == 2 and "--shard" in err and "K/N" in err or "above N" in err,
                "--shard %r: exit %d %s" % (bad, rc, err))
    rc, _, err = t.run("sweep", SCEN, *ARGS, "--format", "jsonl", "--shard",
                       "1/2", "--report", t.scratch("r.html"))
    t.check(rc == 2 and "merge the shards" in err, "--report with --shard: "
            "%d %s" % (rc, err))


def refused(t, parts, *wanted):
    """merge of parts exits 2, prints every wanted text, writes nothing."""
    dest = t.scratch("refused.out")
    rc, out, err = t.run("merge", *parts, "--out", dest)
    t.check(rc == 2 and out == "" and not os.path.exists(dest)
            and not os.path.exists(dest + ".tmp")
            and all(w in err for w in wanted),
            "merge %s: exit %d, wanted 2 and %s: %s"
            % (" ".join(os.path.basename(p) for p in parts), rc, wanted, err))
    rc, out, _ = t.run("merge", *parts)
    t.check(rc == 2 and out == "", "merge to stdout wrote %r" % out[:80])


def check_refusals(t):
    p = shards(t, "csv", 4)
    refused(t, p[:2] + p[3:],
            "shard 3/4 is missing: no part holds its points (2)\n")
    refused(t, p + [p[1]], "both shard 2/4")
    half = shards(t, "csv", 2)
    refused(t, [half[0]] + p[1:], "shard 1/2", "different splits")
    seed = t.scratch("seed.csv")
    t.run("sweep", SCEN, *ARGS, "--seed", "5", "--shard", "3/4", "--out", seed)
    refused(t, p[:2] + [seed, p[3]], "different sweeps", '"seed" is 2385 in '
            + p[0] + " and 5 in " + seed)
    sets = t.scratch("set.csv")
    t.run("sweep", SCEN, *ARGS, "--set", "run.warmup_hours=6", "--shard",
          "3/4", "--out", sets)
    refused(t, p[:2] + [sets, p[3]], "different sweeps", '"warmup_hours" is '
            '12 in ' + p[0] + " and 6 in " + sets)
    cut = t.scratch("cut.csv")
    with open(cut, "wb") as f:
        f.write(read(p[2]).rsplit(b"# {", 1)[0])
    refused(t, p[:2] + [cut, p[3]], "cut.csv: shard 3/4 is unfinished",
            "--resume")
    check_edited(t, p)
    jsonl = shards(t, "jsonl", 4)
    refused(t, p[:3] + jsonl[3:], "is CSV and", "is JSON Lines")
    # A shard is no sweep to report on: said so, where each of its points
    # was refused as out of place.
    rc, _, err = t.run("report", jsonl[1], "--out", t.scratch("shard.html"))
    t.check(rc == 2 and 'header.shard: "2/4": one shard of a sweep' in err
            and "callsim merge" in err and err.count("\n") == 1,
            "report of a shard: exit %d %s" % (rc, err))
    full = t.scratch("whole.csv")
    with open(full, "w", encoding="utf-8") as f:
        f.write(whole(t, "csv"))
    refused(t, [full], "whole.csv: a whole sweep, not a shard")
    run = t.scratch("run.json")
    rc, out, _ = t.run("run", SCEN, "--replications", "2", "--format", "json")
    with open(run, "w", encoding="utf-8") as f:
        f.write(out)
    refused(t, [run], 'its schema is "callsim.run"')
    refused(t, [t.scratch("absent.csv")], "cannot read")
    rc, _, err = t.run("merge")
    t.check(rc == 2 and "no parts" in err, "merge of nothing: %d %s" % (rc, err))
    dest = t.scratch("exists.csv")
    open(dest, "w").close()
    rc, _, err = t.run("merge", *p, "--out", dest)
    t.check(rc == 2 and "exists" in err and read(dest) == b"",
            "--out that exists: %d %s" % (rc, err))


def check_edited(t, p):
    """A finished shard changed by hand keeps every row in its place: a
    figure edited, a row lost or doubled, the seed changed in every
    header. Its end line's hash refuses it (the merge joined it into a
    wrong sweep), and --resume will not vouch for it."""
    data = read(p[1])
    lines = data.split(b"\n")
    row = next(i for i, x in enumerate(lines) if x.startswith(b"1,")
               and b",mean_wait_s," not in x and x[-1:].isdigit())
    edits = {"figure.csv": lines[:row] + [lines[row][:-1] + (
                 b"7" if lines[row][-1:] != b"7" else b"6")] + lines[row + 1:],
             "lost.csv": lines[:row] + lines[row + 1:],
             "doubled.csv": lines[:row + 1] + lines[row:]}
    for name, new in edits.items():
        path = t.scratch(name)
        with open(path, "wb") as f:
            f.write(b"\n".join(new))
        refused(t, [p[0], path, p[2], p[3]], name + ": the end line at byte",
                "vouches for other bytes", "run the shard again")
        rc, _, err = t.run("sweep", SCEN, *ARGS, "--shard", "2/4", "--out",
                           path, "--resume")
        t.check(rc == 2 and "refusing to resume it" in err,
                "resume of %s: exit %d %s" % (name, rc, err))
    # The end line an earlier callsim wrote, before it carried the hash:
    # refused as such, not as a file changed by hand.
    earlier = t.scratch("earlier.csv")
    with open(earlier, "wb") as f:
        f.write(re.sub(rb',"fnv1a":"[0-9a-f]{16}"}', b"}", read(p[1])))
    refused(t, [p[0], earlier, p[2], p[3]], "earlier.csv: the end line at "
            "byte", "an earlier callsim wrote", "run the shard again")
    rc, _, err = t.run("sweep", SCEN, *ARGS, "--shard", "2/4", "--out",
                       earlier, "--resume")
    t.check(rc == 2 and "an earlier callsim wrote" in err,
            "resume of a shard of an earlier callsim: exit %d %s" % (rc, err))
    seeds = []
    for k, part in enumerate(p, 1):
        seeds.append(t.scratch("seed-%d.csv" % k))
        with open(seeds[-1], "wb") as f:
            f.write(read(part).replace(b'"seed":2385', b'"seed":5', 1))
    refused(t, seeds, "seed-1.csv: the end line at byte")


def check_scenarios(t):
    """--vary scenario=...: each point as the sweep of its own file; the
    sweep over files shards and merges like any other."""
    other = t.scratch("other.yaml")
    with open(SCEN, encoding="utf-8") as f:
        text = f.read()
    with open(other, "w", encoding="utf-8") as f:
        f.write(text.replace("per_hour: 52.5", "per_hour: 61")
                .replace("name: Sweep test force", "name: Other force"))
    axis = ["--vary", "pools.handlers.shrinkage=0.25,0.3", "--replications",
            "3", "--quiet", "--format", "jsonl"]
    files = "scenario=%s,%s" % (SCEN, other)
    rc, out, err = t.run("sweep", "--vary", files, *axis)
    t.check(rc == 0, "sweep over files: exit %d %s" % (rc, err))
    rows = out.split("\n")[1:-1]
    for i, path in enumerate([SCEN, other]):
        _, one, _ = t.run("sweep", path, *axis)
        for j, row in enumerate(one.split("\n")[1:-1]):
            mine = rows[2 * i + j]
            t.check(mine.split("},", 1)[1] == row.split("},", 1)[1]
                    and ('"scenario":"%s"' % path) in mine,
                    "point %d of the sweep over files differs from the "
                    "sweep of %s" % (2 * i + j, path))
    parts = []
    for k in (1, 2, 3):
        part = t.scratch("files-%d.jsonl" % k)
        t.run("sweep", "--vary", files, *axis, "--shard", "%d/3" % k,
              "--out", part)
        parts.append(part)
    rc, merged, err = t.run("merge", *parts)
    t.check(rc == 0 and merged == out, "merged sweep over files: %d %s"
            % (rc, err))
    rc, _, err = t.run("sweep", SCEN, "--vary", files, *axis)
    t.check(rc == 2 and "both SCENARIO" in err, "SCENARIO and files: %d %s"
            % (rc, err))
    rc, _, err = t.run("sweep", "--vary", files, "--wide", "--quiet")
    t.check(rc == 2 and "--wide: point 1 (%s) has other columns" % other
            in err, "wide over files of other names: %d %s" % (rc, err))
    rc, _, err = t.run("sweep", "--vary", "scenario=%s,%s" % (
        SCEN, t.scratch("none.yaml")), "--quiet")
    t.check(rc == 2 and "none.yaml" in err, "a missing file: %d %s" % (rc, err))


def check_task_script(t):
    """contrib/sweep-task finds its shard from a batch system's task index
    (Slurm's array from 5, any other's TASK_INDEX from 0); the shards it
    writes merge into the whole sweep."""
    script = os.path.join(t.root, "contrib", "sweep-task")
    full = whole(t, "csv")
    out = t.scratch("tasks")
    envs = [{"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "5",
             "SLURM_ARRAY_TASK_COUNT": "2"},
            {"SLURM_ARRAY_TASK_ID": "6", "SLURM_ARRAY_TASK_MIN": "5",
             "SLURM_ARRAY_TASK_COUNT": "2"}]
    for env in envs:
        p = subprocess.run([script, "-C", t.callsim, "-d", out, "--", SCEN]
                           + ARGS, env=dict(os.environ, **env),
                           capture_output=True, text=True, timeout=120)
        t.check(p.returncode == 0, "sweep-task %s: %s" % (env, p.stderr))
    rc, merged, err = t.run("merge", os.path.join(out, "shard-2-of-2"),
                            os.path.join(out, "shard-1-of-2"))
    t.check(rc == 0 and merged == full, "sweep-task's shards: %d %s"
            % (rc, err))
    for i in range(3):
        subprocess.run([script, "-C", t.callsim, "-d", out, "--", SCEN]
                       + ARGS, env=dict(os.environ, TASK_INDEX=str(i),
                                        SHARDS="3"), timeout=120)
    rc, merged, err = t.run("merge", *[os.path.join(out, "shard-%d-of-3" % k)
                                       for k in (1, 2, 3)])
    t.check(rc == 0 and merged == full, "TASK_INDEX shards: %d %s" % (rc, err))
    # Arrays with a step number their tasks 3, 5, 7 (Slurm's --array=3-7:2,
    # Grid Engine's -t 3-7:2): shards 1 to 3, where the task index alone
    # made 1/3, 3/3 and 5/3.
    steps = {"slurm": lambda i: {
        "SLURM_ARRAY_TASK_ID": str(i), "SLURM_ARRAY_TASK_MIN": "3",
        "SLURM_ARRAY_TASK_STEP": "2", "SLURM_ARRAY_TASK_COUNT": "3"},
             "sge": lambda i: {
        "SGE_TASK_ID": str(i), "SGE_TASK_FIRST": "3", "SGE_TASK_LAST": "7",
        "SGE_TASK_STEPSIZE": "2"}}
    for name, env in steps.items():
        d = t.scratch("steps-" + name)
        for i in (3, 5, 7):
            p = subprocess.run([script, "-C", t.callsim, "-d", d, "--", SCEN]
                               + ARGS, env=dict(os.environ, **env(i)),
                               capture_output=True, text=True, timeout=120)
            t.check(p.returncode == 0, "sweep-task, %s task %d of a step of "
                    "2: %s" % (name, i, p.stderr))
        rc, merged, err = t.run("merge", *[os.path.join(d, "shard-%d-of-3" % k)
                                           for k in (1, 2, 3)])
        t.check(rc == 0 and merged == full, "%s array with a step: %d %s"
                % (name, rc, err))
    p = subprocess.run([script, "-d", out, "--", SCEN], capture_output=True,
                       text=True, env={"PATH": os.environ.get("PATH", "")})
    t.check(p.returncode == 2 and "the shard" in p.stderr,
            "sweep-task without a task index: %d %s" % (p.returncode, p.stderr))


def check_readme(t):
    """The commands README.md shows for two machines (after <!-- two
    machines -->), run here with a day and two replications added so they
    are quick (scp aside: the machines share the scratch directory), give
    the unsharded sweep's file; the merge's synopsis is docs/scale.md's."""
    with open(t.path("README.md"), encoding="utf-8") as f:
        block = f.read().split("<!-- two machines -->\n```\n", 1)[1]
    block = block.split("```", 1)[0].replace("\\\n", " ")
    quick = ["--days", "1", "--replications", "2", "--quiet"]
    cmds = [line.split("$ ", 1)[1].split() for line in block.splitlines()]
    t.check(len(cmds) == 4, "README shows %d commands" % len(cmds))
    for words in cmds:
        if words[0] == "scp":
            continue
        args = [t.path(w) if w.endswith(".yaml") else
                t.scratch(w) if w.endswith(".csv") else w for w in words[1:]]
        rc, _, err = t.run(*args, *(quick if args[0] == "sweep" else []))
        t.check(rc == 0, "README: %s: exit %d %s" % (" ".join(words), rc, err))
    whole_args = [t.path(w) if w.endswith(".yaml") else w
                  for w in cmds[0][1:cmds[0].index("--shard")]]
    rc, full, _ = t.run(*whole_args, *quick)
    t.check(os.path.exists(t.scratch("late.csv"))
            and read(t.scratch("late.csv")) == full.encode(),
            "README's merged late.csv differs from the unsharded sweep")
    rc, usage, _ = t.run("help", "merge")
    with open(t.path("docs", "scale.md"), encoding="utf-8") as f:
        t.check(usage.split("\n\n")[0] in f.read(),
                "docs/scale.md lacks merge's synopsis")


def main():
    t = Ctx()
    check_readme(t)
    check_task_script(t)
    check_equal(t)
    check_resume(t)
    check_bad_shard(t)
    check_refusals(t)
    check_scenarios(t)
    t.finish()


main()
