"""A long run split into parts (run --replications-range A:B --partial)
and merged (callsim merge) gives the bytes of the run made whole, in every
format, whatever the order of the parts and the thread count; parts that
are not of one run, or do not cover its replications once each, are
refused with exit 2 naming them; a damaged part never crashes the merge;
and a part's size does not grow with its replications."""
import json
import os
import re
import shutil
import subprocess
import tempfile

from clitest import Ctx, fixture

FORMATS = [[], ["--format", "csv"], ["--format", "csv", "--wide"],
           ["--format", "json"], ["--format", "json", "--intervals"],
           ["--intervals", "--by-day", "--by-hour"],
           ["--format", "csv", "--intervals"]]


class Parts:
    """Parts of one run of scenario with the words base, in directory d."""

    def __init__(self, t, d, scenario, base):
        self.t, self.d = t, d
        self.run = ["run", scenario] + base

    def make(self, name, first, end, extra=()):
        path = os.path.join(self.d, name)
        self.t.expect_rc(self.run + ["--replications-range",
                                     "%d:%d" % (first, end),
                                     "--partial", path] + list(extra), 0)
        return path


def check_same_bytes(t, wants, names, what, formats=range(len(FORMATS))):
    """merge of names equals the whole run (wants: its output in each of
    FORMATS), in every format (or those of the indices formats)."""
    for k in formats:
        fmt, want = FORMATS[k], wants[k]
        got, _ = t.expect_rc(["merge"] + names + fmt, 0)
        t.check(len(want) > 0 and got == want,
                "%s: merge %s differs from the whole run"
                % (what, " ".join(fmt) or "(table)"))


def refused(t, names, words, what, extra=()):
    """merge of names exits 2 and says every one of words."""
    out, err = t.expect_rc(["merge"] + names + list(extra), 2)
    t.check(out == "", what + ": something on stdout")
    for w in words:
        t.check(w in err, "%s: %r not in the message:\n%s" % (what, w, err))


def fnv1a(data):
    """The check member's hash of data, as 16 hexadecimal digits: 64-bit
    FNV-1a of its length (8 bytes, least significant first), then of it."""
    h = 14695981039346656037
    for byte in len(data).to_bytes(8, "little") + data:
        h = ((h ^ byte) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def edited(src, dst, edit, sign=True):
    """A copy of part src at dst with edit(doc) applied: with sign, the
    check member made again for the new bytes, as another build's part
    would have it; without, as a hand would leave it."""
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    edit(doc)
    if not sign:
        with open(dst, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")
        return dst
    doc.pop("check_fnv1a", None)
    body = json.dumps(doc, indent=2)[:-2].encode()
    with open(dst, "wb") as f:
        f.write(body + b',\n  "check_fnv1a": "' + fnv1a(body).encode()
                + b'"\n}\n')
    return dst


def test_same_bytes(t, d):
    # The bundled scenario for a day: calls, response, by day and hour.
    base = ["--days", "1", "--seed", "7", "--replications", "5"]
    p = Parts(t, d, t.path("scenarios", "west-midlands-2024.yaml"), base)
    a, b = p.make("a.json", 0, 3), p.make("b.json", 3, 5, ["--threads", "1"])
    wants = [t.expect_rc(p.run + fmt, 0)[0] for fmt in FORMATS]
    check_same_bytes(t, wants, [a, b], "0:3 + 3:5")
    # Three parts, named out of order.
    c, e, f = p.make("c.json", 0, 1), p.make("e.json", 1, 4), \
        p.make("f.json", 4, 5)
    check_same_bytes(t, wants, [f, c, e], "4:5, 0:1, 1:4", (0, 2, 4))
    # --out writes what stdout would get.
    out = os.path.join(d, "merged.json")
    t.expect_rc(["merge", a, b, "--format", "json", "--out", out], 0)
    with open(out, encoding="utf-8") as fh:
        t.check(fh.read() == wants[3], "--out: not the whole run's JSON")
    # A part is the same bytes on one thread or two.
    one = p.make("t1.json", 0, 3, ["--threads", "1"])
    two = p.make("t2.json", 0, 3, ["--threads", "2"])
    with open(one, "rb") as x, open(two, "rb") as y:
        t.check(x.read() == y.read(), "a part differs between --threads 1 and 2")


def test_periods(t, d):
    # Busyness adds figures summed a day at a time (several values a
    # replication): their parts merge to the run's bytes too.
    base = ["--days", "3", "--seed", "7", "--replications", "4", "--set",
            'busyness=[{name: force, cv: 0.08, lines: ["999", "101"]}]']
    p = Parts(t, d, t.path("scenarios", "west-midlands-2024.yaml"), base)
    a, b = p.make("pa.json", 0, 1), p.make("pb.json", 1, 4)
    wants = [t.expect_rc(p.run + fmt, 0)[0] for fmt in FORMATS]
    t.check("one period" in wants[0], "busyness: no one-period figures")
    check_same_bytes(t, wants, [a, b], "busyness 0:1 + 1:4", (0, 1, 3))


def test_refused(t, d):
    """Parts of the small scenario's run of 5 replications: a is 0:3, b
    3:5. Returns (a, b)."""
    p = Parts(t, d, fixture("small.yaml"), ["--seed", "7", "--replications",
                                            "5"])
    a, b = p.make("a.json", 0, 3), p.make("b.json", 3, 5)
    refused(t, [a], ["replications 3:5 are in no part", "a.json"], "tail")
    g = p.make("g.json", 0, 2)
    h = p.make("h.json", 2, 3)
    refused(t, [g, b], ["replications 2:3 are in no part", "g.json",
                        "b.json"], "gap")
    o = p.make("o.json", 2, 5)
    refused(t, [a, o], ["o.json (2:5) overlaps", "a.json"], "overlap")
    refused(t, [a, b, a], ["both hold replications 0:3 (a duplicate)"],
            "duplicate")
    refused(t, [g, h, b, h], ["h.json", "duplicate"], "duplicate of three")
    seed = Parts(t, d, p.run[1], ["--seed", "8", "--replications", "5"])
    s = seed.make("seed8.json", 3, 5)
    refused(t, [a, s], ["seed8.json: seed: 8, but", "a.json has 7"], "seed")
    days = Parts(t, d, p.run[1], ["--days", "1", "--seed", "7",
                                  "--replications", "5"])
    refused(t, [a, days.make("days2.json", 3, 5)], ["days 1", "horizon"],
            "days")
    opts = Parts(t, d, p.run[1], p.run[2:] + ["--set", "run.warmup_hours=0"])
    refused(t, [a, opts.make("set.json", 3, 5)], ["warm-up 0 hours"],
            "options")
    # A scenario file whose bytes changed between the parts, and since.
    scen = os.path.join(d, "small.yaml")
    shutil.copy(fixture("small.yaml"), scen)
    q = Parts(t, d, scen, ["--seed", "3", "--replications", "4"])
    q1 = q.make("q1.json", 0, 2)
    with open(scen, "a", encoding="utf-8") as fh:
        fh.write("# edited\n")
    q2 = q.make("q2.json", 2, 4)
    refused(t, [q2, q1], ["q1.json: content_fnv1a", "different scenario"],
            "scenario")
    refused(t, [q1, edited(q1, os.path.join(d, "q1b.json"),
                           lambda doc: doc.update(first=2, end=4))],
            ["has changed since the part was run"], "scenario edited")
    # Another version, another floating-point environment.
    v = edited(b, os.path.join(d, "v.json"),
               lambda doc: doc.update(callsim_version="0.0.1"))
    refused(t, [a, v], ["v.json: callsim_version: 0.0.1", "one version"],
            "version")
    fp = edited(b, os.path.join(d, "fp.json"),
                lambda doc: doc["environment"].update(cpu="none"))
    refused(t, [a, fp], ["fp.json: environment.cpu: \"none\"",
                         "--mixed-environment"], "environment")
    want, _ = t.expect_rc(p.run + ["--format", "json"], 0)
    got, err = t.expect_rc(["merge", a, fp, "--format", "json",
                            "--mixed-environment"], 0)
    t.check(got == want and "environment.cpu" in err,
            "--mixed-environment: not merged with a warning")
    return a, b


def test_out(t, d, a, b):
    """--out never replaces a file, least of all one of the parts (it did,
    with the merged table), and a refused merge leaves no file."""
    mine = os.path.join(d, "mine.json")
    shutil.copy(a, mine)
    refused(t, [mine, b], ["mine.json exists", "another --out"],
            "--out a part", ["--out", mine])
    with open(a, "rb") as x, open(mine, "rb") as y:
        t.check(x.read() == y.read(), "--out a part: the part was replaced")
    dest = os.path.join(d, "none.json")
    refused(t, [a], ["replications 3:5 are in no part"], "--out, refused",
            ["--out", dest])
    t.check(not os.path.exists(dest) and not os.path.exists(dest + ".tmp"),
            "a refused merge left " + dest)


def test_elsewhere(t, d):
    """Parts run with a relative scenario path, in a directory with a
    space and a non-ASCII letter, merged from another directory: refused
    naming the part, its scenario_path and --scenario (the message named
    only the scenario, not where it came from nor what to give); merged
    with --scenario to the run's bytes."""
    here = os.path.join(d, "run é here")
    os.mkdir(here)
    shutil.copy(fixture("small.yaml"), os.path.join(here, "sm all.yaml"))
    run = [t.callsim, "run", "sm all.yaml", "--seed", "7", "--replications",
           "4"]
    for first, end in ((0, 1), (1, 4)):
        subprocess.run(run + ["--replications-range", "%d:%d" % (first, end),
                              "--partial", "p%d.json" % first], cwd=here,
                       check=True, timeout=60)
    whole = subprocess.run(run + ["--format", "json"], cwd=here, check=True,
                           capture_output=True, text=True, timeout=60).stdout
    parts = [os.path.join(here, "p1.json"), os.path.join(here, "p0.json")]
    refused(t, parts, ["p1.json: scenario_path: \"sm all.yaml\"",
                       "--scenario FILE"], "merged elsewhere")
    got, _ = t.expect_rc(["merge"] + parts + ["--format", "json", "--scenario",
                          os.path.join(here, "sm all.yaml")], 0)
    t.check(got == whole, "merged elsewhere with --scenario: not the run's "
            "bytes")


def test_damaged(t, d, a, b):
    whole = json.load(open(a, encoding="utf-8"))
    cases = {
        "run.json": None,
        "truncated.json": "trunc",
        "n.json": lambda doc: doc["sums"][0].__setitem__(0, 99),
        "hex.json": lambda doc: doc["sums"][5].__setitem__(1, "zz"),
        "cs.json": lambda doc: doc["sums"][5].__setitem__(3, "1"),
        "exp.json": lambda doc: doc["sums"][5].__setitem__(2, 1 << 40),
        "short.json": lambda doc: doc["sums"].pop(),
        "range.json": lambda doc: doc.update(end=9),
        "schema.json": lambda doc: doc.update(schema_version=3),
        "earlier.json": lambda doc: doc.update(schema_version=1),
        "types.json": lambda doc: doc.update(overrides=[1], seed=-1),
    }
    for name, edit in cases.items():
        path = os.path.join(d, name)
        if edit is None:
            out, _ = t.expect_rc(["run", fixture("small.yaml"),
                                  "--format", "json"], 0)
            open(path, "w", encoding="utf-8").write(out)
        elif edit == "trunc":
            open(path, "w", encoding="utf-8").write(
                open(a, encoding="utf-8").read()[:5000])
        else:
            edited(a, path, edit)
        refused(t, [path, b], [name] + (["an earlier callsim wrote"]
                                          if name == "earlier.json" else []),
                "damaged " + name)
    t.check(len(whole["sums"]) == whole["figures"], "figures miscounted")
    # Values only plausible pass every check of their own: the check member
    # refuses them (they were merged into a wrong run), and a part whose
    # check member is lost.
    with open(a, "rb") as f:
        text = f.read()
    digit = re.search(rb'"[0-9a-f]{12,}"', text).end() - 2
    hand = {"digit.json": text[:digit] + (b"7" if text[digit:digit + 1]
                                          != b"7" else b"6")
            + text[digit + 1:],
            "crlf.json": text.replace(b"\n", b"\r\n"),
            "nocheck.json": text[:text.rindex(b",")] + b"\n}\n"}
    for name, data in hand.items():
        path = os.path.join(d, name)
        with open(path, "wb") as f:
            f.write(data)
        refused(t, [path, b], [name + ": check_fnv1a", "run the part again"],
                "edited by hand: " + name)
    # Every part reformatted (compact JSON): told they were changed, where
    # merge took them for no part and said it joins only sweeps.
    compact = []
    for src in (a, b):
        compact.append(os.path.join(d, "compact-" + os.path.basename(src)))
        with open(src, encoding="utf-8") as f, \
                open(compact[-1], "w", encoding="utf-8") as g:
            g.write(json.dumps(json.load(f), separators=(",", ":")))
    refused(t, compact, ["compact-a.json: check_fnv1a"], "compact parts")
    # Every part with its keys sorted (as `jq -S .` writes it), "schema"
    # far from the start: told they were changed since callsim wrote
    # them, where merge said it joins only sweeps.
    srt = []
    for src in (a, b):
        srt.append(os.path.join(d, "sorted-" + os.path.basename(src)))
        with open(src, encoding="utf-8") as f, \
                open(srt[-1], "w", encoding="utf-8") as g:
            g.write(json.dumps(json.load(f), indent=2, sort_keys=True))
    with open(srt[0], encoding="utf-8") as f:
        t.check(f.read().index('"schema"') > 512, "sorted: schema is in "
                "the first 512 bytes, where merge looked for it")
    refused(t, srt, ["sorted-a.json: check_fnv1a", "changed since callsim "
                     "wrote it", "run the part again"], "sorted parts")
    refused(t, [edited(a, os.path.join(d, "seed9.json"), lambda doc: doc.update(
        overrides=["run.replications=5", "run.seed=9"]), sign=False), b],
            ["seed9.json: check_fnv1a"], "overrides edited by hand")
    # A part is no result to report on: the message says what to do.
    _, err = t.expect_rc(["report", a, "-o", os.path.join(d, "p.html")], 2)
    t.check("callsim merge" in err, "report of a part: " + err)


def test_usage(t, d):
    run = ["run", "--days", "1", "--replications", "5"]
    part = os.path.join(d, "u.json")
    for extra, word in ((["--replications-range", "0:2"], "together"),
                        (["--partial", part], "together"),
                        (["--replications-range", "3:3", "--partial", part],
                         "A < B"),
                        (["--replications-range", "3", "--partial", part],
                         "must be A:B"),
                        (["--replications-range", "4:6", "--partial", part],
                         "B <= 5"),
                        (["--replications-range", "0:2", "--partial", part,
                          "--format", "csv"], "callsim merge")):
        _, err = t.expect_rc(run + extra, 2)
        t.check(word in err, "%s: %r not in %s" % (extra, word, err))
    t.check(not os.path.exists(part), "a refused part was written")
    # A part named as the scenario (spelt otherwise) replaced it.
    scen = os.path.join(d, "victim.yaml")
    shutil.copy(fixture("small.yaml"), scen)
    _, err = t.expect_rc(["run", scen, "--replications", "4",
                          "--replications-range", "0:2", "--partial",
                          os.path.join(d, ".", "victim.yaml")], 2)
    with open(scen, "rb") as x, open(fixture("small.yaml"), "rb") as y:
        t.check("is the scenario file" in err and x.read() == y.read(),
                "--partial naming the scenario: " + err)
    _, err = t.expect_rc(["merge"], 2)
    t.check("no parts given" in err, "merge without parts: " + err)


def test_size(t, d):
    """A part holds sums, not values: 40 replications take hardly more
    room than 2."""
    p = Parts(t, d, fixture("small.yaml"), ["--replications", "40"])
    small = os.path.getsize(p.make("s2.json", 0, 2))
    big = os.path.getsize(p.make("s40.json", 0, 40))
    t.check(big < 1.2 * small, "a part of 40 replications is %d bytes, "
            "of 2 %d" % (big, small))


def test_parallel(t, d):
    """The parts run as separate processes by GNU parallel, as
    docs/experiments.md shows, merge to the whole run (skipped where
    parallel is not installed)."""
    if shutil.which("parallel") is None:
        print("skip: GNU parallel is not installed")
        return
    run = "%s run %s --seed 7 --replications 6 --quiet" % (
        t.callsim, fixture("small.yaml"))
    p = subprocess.run(
        ["parallel", run + " --replications-range $(( {} * 2 )):$(( {} * 2"
         " + 2 )) --partial " + os.path.join(d, "par-{}.json"), ":::",
         "0", "1", "2"], capture_output=True, text=True, timeout=120)
    t.check(p.returncode == 0, "parallel: " + p.stderr)
    parts = [os.path.join(d, "par-%d.json" % k) for k in (2, 0, 1)]
    want, _ = t.expect_rc(run.split()[1:] + ["--format", "json"], 0)
    got, _ = t.expect_rc(["merge"] + parts + ["--format", "json"], 0)
    t.check(got == want, "parallel: the merged parts differ from the run")


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as d:
        test_same_bytes(t, d)
        test_periods(t, d)
        a, b = test_refused(t, d)
        test_out(t, d, a, b)
        test_elsewhere(t, d)
        test_damaged(t, d, a, b)
        test_usage(t, d)
        test_size(t, d)
        test_parallel(t, d)
    t.finish()


main()
