"""Helpers shared by the end-to-end tests of the callsim binary.

Every test script is run by meson as
    python3 SCRIPT CALLSIM SOURCE_ROOT
and exits 0 when every check passed, 1 (with a message) otherwise.
"""
import csv
import io
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


class Ctx:
    """The binary under test and the source tree."""

    def __init__(self):
        if len(sys.argv) != 3:
            sys.exit("usage: %s CALLSIM SOURCE_ROOT" % sys.argv[0])
        self.callsim = os.path.abspath(sys.argv[1])
        self.root = sys.argv[2]
        self.failures = 0

    def run(self, *args, timeout=60):
        """Runs callsim with args; returns (exit code, stdout, stderr).
        Whatever it printed as a JSON or CSV report, and any report file
        it wrote with --out, must keep the accounting identities (see
        identity_problems)."""
        args = [str(a) for a in args]
        p = subprocess.run([self.callsim] + args,
                           capture_output=True, text=True, timeout=timeout)
        reports = [p.stdout]
        if "--out" in args and args.index("--out") + 1 < len(args) and \
                os.path.isfile(args[args.index("--out") + 1]):
            try:
                with open(args[args.index("--out") + 1], encoding="utf-8") as f:
                    reports.append(f.read())
            except OSError:
                pass
        for text in reports:
            for problem in identity_problems(text)[1]:
                self.check(False, "callsim %s: %s" % (" ".join(args), problem))
        return p.returncode, p.stdout, p.stderr

    def check(self, ok, what):
        """Records one check; prints what failed."""
        if not ok:
            self.failures += 1
            print("FAIL: " + what)
        return ok

    def expect_rc(self, args, rc_wanted):
        """Runs callsim and checks its exit code; returns (out, err)."""
        rc, out, err = self.run(*args)
        self.check(rc == rc_wanted, "callsim %s: exit %d, wanted %d\nstderr: %s"
                   % (" ".join(map(str, args)), rc, rc_wanted, err))
        return out, err

    def check_reads_back(self, tmp, out):
        """The scenario `callsim check` wrote (out), saved in directory tmp
        and checked again, gives the same text."""
        path = os.path.join(tmp, "again.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(out)
        again, _ = self.expect_rc(["check", path], 0)
        self.check(again == out, "check's scenario does not read back to "
                   "itself")

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def finish(self):
        if self.failures:
            print("%d check(s) failed" % self.failures)
            sys.exit(1)
        print("all checks passed")
        sys.exit(0)


# What became of every call offered on a line, and of every incident of a
# grade: the total and its parts (docs/output.md).
IDENTITIES = [("offered", ("answered", "abandoned", "unanswered_at_end")),
              ("answered", ("incidents_created", "duplicates",
                            "resolved_on_call")),
              ("incidents", ("attended", "unattended_at_end"))]
# A stream of deferrable work (it carries target_h, a line target_s).
DEFER_IDENTITY = ("offered", ("handled", "open_at_end"))


def _sums_agree(total, parts):
    """True when total = sum(parts), to the 10 significant digits the
    reports print (means over replications of whole counts)."""
    if total is None or None in parts:
        return False
    return abs(total - sum(parts)) <= 1e-9 * max(1.0, abs(total))


def _json_identities(node, where, found):
    """Walks a JSON report; appends (where, ok) for every object holding a
    total and all its parts."""
    if isinstance(node, list):
        for i, x in enumerate(node):
            _json_identities(x, "%s[%d]" % (where, i), found)
        return
    if not isinstance(node, dict):
        return
    name = "%s %s" % (where, node.get("name", "")) if "name" in node else where
    for total, parts in [DEFER_IDENTITY] if "target_h" in node else IDENTITIES:
        if total in node and all(p in node for p in parts):
            mean = [node[k]["mean"] for k in (total,) + parts]
            found.append(("%s: %s %s != %s" % (name, total, mean[0],
                                               " + ".join(map(str, mean[1:]))),
                          _sums_agree(mean[0], mean[1:])))
        elif total in node and "target_s" in node:
            # A line or grade (they carry their target), not an hour.
            found.append(("%s: %s without %s" % (name, total, "/".join(parts)),
                          False))
    for k, v in node.items():
        _json_identities(v, "%s.%s" % (where, k) if where else k, found)


def _csv_identities(text, found):
    """The same on a CSV report (run, or sweep with its point columns):
    rows are grouped by every column before `metric`."""
    rows = [r for r in csv.reader(io.StringIO(text, newline=""))
            if r and not r[0].startswith("#")]
    if not rows or "metric" not in rows[0] or "mean" not in rows[0]:
        return
    m, v = rows[0].index("metric"), rows[0].index("mean")
    section = rows[0].index("section")
    groups = {}
    for r in rows[1:]:
        # Lines, grades and an area's grades; not the hours of --intervals.
        if r[section] in ("line", "grade", "area", "deferrable"):
            groups.setdefault(tuple(r[:m]), {})[r[m]] = r[v]
    for key, figures in groups.items():
        defer = "target_h" in figures
        for total, parts in [DEFER_IDENTITY] if defer else IDENTITIES:
            if total in figures:
                try:
                    mean = [float(figures[k]) for k in (total,) + parts]
                except (KeyError, ValueError):
                    found.append(("%s: %s without %s" % (",".join(key), total,
                                                         "/".join(parts)), False))
                    continue
                found.append(("%s: %s %s != %s" % (",".join(key), total, mean[0],
                                                   " + ".join(map(str, mean[1:]))),
                              _sums_agree(mean[0], mean[1:])))


def identity_problems(text):
    """Checks offered = answered + abandoned + unanswered_at_end on every
    line, and incidents = attended + unattended_at_end on every grade
    (force-wide and in each area), in a report printed as JSON, JSON lines
    (sweep) or CSV. Returns (identities checked, problems found); text that
    is no such report gives (0, [])."""
    found = []
    docs = []
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            docs = [json.loads(stripped)]
        except ValueError:
            try:
                docs = [json.loads(l) for l in stripped.split("\n")]
            except ValueError:
                docs = []
        for d in docs:
            _json_identities(d, "", found)
    else:
        _csv_identities(text, found)
    return len(found), [what for what, ok in found if not ok]


def fixture(name):
    """Path of a scenario kept beside the tests."""
    return os.path.join(HERE, name)


def ci_ordered(figure):
    """True when ci_low <= mean <= ci_high, or the figure is all null."""
    lo, mean, hi = figure["ci_low"], figure["mean"], figure["ci_high"]
    if mean is None:
        return lo is None and hi is None
    tol = 1e-9 * max(1.0, abs(mean))
    return lo - tol <= mean <= hi + tol and all(map(math.isfinite, (lo, mean, hi)))
