"""callsim fit on logs with problems: each kind gives its message, as
FILE:LINE:COL: column: what is wrong, and exit 2 with nothing fitted;
--skip-bad-rows leaves the rows out, says how many, and fits the rest.
Also: columns found through --map, and times given as DD/MM/YYYY."""
import csv
import io
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-fit-bad-")
scenario = os.path.join(ctx.root, "tests", "cli", "fit_log.yaml")
good = os.path.join(tmp, "calls.csv")
ctx.expect_rc(["run", scenario, "--replications", "2", "--days", "4",
               "--calls-log", good], 0)
with open(good, encoding="utf-8") as f:
    ROWS = list(csv.reader(f))
HEAD = ROWS[0]
COL = {name: i for i, name in enumerate(HEAD)}


def write(rows, name):
    """Writes rows as a log; returns its path."""
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return path


def cell_col(rows, line, column):
    """The 1-based byte column of a cell, as a message names it."""
    text = ",".join(rows[line - 1])
    return len(",".join(rows[line - 1][:COL[column]])) + (COL[column] > 0) + 1


def first(rows, pred):
    """The index of the first data row that pred accepts."""
    return next(i for i in range(1, len(rows)) if pred(rows[i]))


def expect_bad(rows, name, line, column, message):
    """fit exits 2 with the message at FILE:LINE:COL: column:."""
    path = write(rows, name)
    out, err = ctx.expect_rc(["fit", path], 2)
    want = "%s:%d:%d: %s: %s" % (path, line, cell_col(rows, line, column),
                                 column, message)
    ctx.check(want in err, "%s: wanted %r in\n%s" % (name, want, err))
    ctx.check(out == "", "%s: something fitted: %s" % (name, out[:200]))
    ctx.check("nothing fitted" in err, "%s: %s" % (name, err))
    return path


answered = first(ROWS, lambda r: r[COL["outcome"]] == "answered"
                 and r[COL["talk_s"]])

# A cell that cannot be read.
rows = [list(r) for r in ROWS]
rows[answered][COL["arrived"]] = "2025-02-30T10:00:00.000+00:00"
expect_bad(rows, "date.csv", answered + 1, "arrived",
           "'2025-02-30T10:00:00.000+00:00' is not a real date")
rows = [list(r) for r in ROWS]
rows[answered][COL["talk_s"]] = "4o.5"
expect_bad(rows, "number.csv", answered + 1, "talk_s",
           "'4o.5' is not a duration in seconds from 0 to 1e9")
# A line or pool name a scenario cannot hold (more than 63 characters,
# '.', '=' or a control character) is refused at its cell. Regression:
# fit wrote it into a scenario that `callsim check` then refused.
for column, bad in (("line", "Q.101"), ("pool", "P" * 64), ("line", "a=b")):
    rows = [list(r) for r in ROWS]
    rows[answered][COL[column]] = bad
    expect_bad(rows, "name.csv", answered + 1, column,
               "'%s' is not a usable name; must be at most 63 characters, "
               "without '.', '=' or control characters" % bad[:60])
rows = [list(r) for r in ROWS]
rows[answered][COL["outcome"]] = "hung up"
expect_bad(rows, "outcome.csv", answered + 1, "outcome",
           "'hung up' is not an outcome; must be answered, abandoned or "
           "unanswered_at_end")

# A negative duration.
rows = [list(r) for r in ROWS]
rows[answered][COL["talk_s"]] = "-12.5"
expect_bad(rows, "negative.csv", answered + 1, "talk_s",
           "negative duration -12.5 s; must be >= 0")

# An answer before the call arrived.
rows = [list(r) for r in ROWS]
r = rows[answered]
r[COL["answered"]] = r[COL["arrived"]][:11] + "00:00:00.000" + \
    r[COL["arrived"]][23:]
if r[COL["answered"]] >= r[COL["arrived"]]:
    r[COL["arrived"]], r[COL["answered"]] = "2025-03-25T10:00:00.000+00:00", \
        "2025-03-25T09:59:50.000+00:00"
expect_bad(rows, "before.csv", answered + 1, "answered",
           "answered ")
ctx.check(re.search(r"answered [0-9.]+ s before the call arrived",
                    open(os.path.join(tmp, "before.csv")).read() and
                    ctx.run("fit", os.path.join(tmp, "before.csv"))[2]),
          "before.csv: no 'before the call arrived'")

# A call id given twice.
rows = [list(r) for r in ROWS]
dup = first(rows, lambda r: r[COL["call_id"]] == "500")
other = first(rows, lambda r: r[COL["call_id"]] == "501")
rows[other][COL["call_id"]] = "500"
later, earlier = max(dup, other), min(dup, other)
expect_bad(rows, "duplicate.csv", later + 1, "call_id",
           "call 500 is already on line %d" % (earlier + 1))

# Call ids out of the order of arrival: call 800 given call 1200's time.
rows = [list(r) for r in ROWS]
a = first(rows, lambda r: r[COL["call_id"]] == "800")
b = first(rows, lambda r: r[COL["call_id"]] == "801")
c = first(rows, lambda r: r[COL["call_id"]] == "1200")
rows[a][COL["arrived"]] = rows[c][COL["arrived"]]
rows[a][COL["outcome"]] = "unanswered_at_end"
for k in ("answered", "abandoned", "talk_s", "wrap_s", "pool", "handler"):
    rows[a][COL[k]] = ""
expect_bad(rows, "unsorted.csv", b + 1, "arrived", "")
err = ctx.run("fit", os.path.join(tmp, "unsorted.csv"))[2]
ctx.check("before the call numbered before it on line %d: rows out of order"
          % (a + 1) in err, "unsorted.csv: %s" % err)

# A gap of days: no call on the second day.
rows = [ROWS[0]] + [r for r in ROWS[1:]
                    if not r[COL["arrived"]].startswith("2025-03-25")]
# The first call after the gap: rows are in the order calls end.
after = min((i for i in range(1, len(rows))
             if rows[i][COL["arrived"]].startswith("2025-03-26")),
            key=lambda i: rows[i][COL["arrived"]])
before = [i for i in range(1, len(rows)) if rows[i][COL["arrived"]] <
          "2025-03-25"]
path = expect_bad(rows, "gap.csv", after + 1, "arrived", "no call for ")
err = ctx.run("fit", path)[2]
ctx.check(re.search(r"no call for 1\.\d days before this one \(since line "
                    r"\d+\): a gap in the data", err), "gap.csv: %s" % err)
# --skip-bad-rows fits it, leaving the gap out of the hours observed.
rc, out, err = ctx.run("fit", path, "--skip-bad-rows")
ctx.check(rc == 0 and "0 rows left out, 1 gap left out" in err,
          "gap.csv --skip-bad-rows: %d %s" % (rc, err))
hours = re.search(r"(\d+) hours observed, 1 gap left out", out)
ctx.check(hours and 71 <= int(hours.group(1)) <= 73,
          "gap.csv: hours observed %s" % (hours and hours.group(0)))

# --skip-bad-rows counts what it skipped; the rest is fitted.
rows = [list(r) for r in ROWS]
bad = [i for i in range(1, len(rows)) if rows[i][COL["talk_s"]]][:7]
for i in bad:
    rows[i][COL["talk_s"]] = "-1"
path = write(rows, "skip.csv")
rc, out, err = ctx.run("fit", path, "--skip-bad-rows")
ctx.check(rc == 0 and "7 rows left out" in err and "7 skipped as bad" in out,
          "skip.csv: %d\n%s\n%s" % (rc, err, out[:300]))
fitted = write([], "skip.yaml")
with open(fitted, "w", encoding="utf-8") as f:
    f.write(out)
ctx.expect_rc(["check", fitted], 0)

# A required column missing; a bad --map.
rows = [[c for k, c in enumerate(r) if k != COL["arrived"]] for r in ROWS]
out, err = ctx.expect_rc(["fit", write(rows, "noarrived.csv")], 2)
ctx.check("no column for 'arrived'" in err and "--map COLUMN=arrived" in err,
          "noarrived.csv: %s" % err)
out, err = ctx.expect_rc(["fit", good, "--map", "When=arrival"], 2)
ctx.check("--map When=arrival: must be COLUMN=FIELD, FIELD one of call_id, "
          "line, arrived, answered, abandoned, wait_s, talk_s, wrap_s, pool, "
          "handler, outcome, counted, caller_id, redial, duplicate" in err, err)

# An export of its own: other headers, day-first times without offsets,
# no call ids, rows in the order of arrival; read through --map, it fits
# the same figures.
names = {"arrived": "Call Start", "line": "Queue", "talk_s": "Talk Time",
         "outcome": "Result"}
keep = ["line", "arrived", "wait_s", "talk_s", "wrap_s", "pool", "handler",
        "outcome", "counted"]


def dmy(iso):
    """2025-03-24T10:00:00.000+00:00 as 24/03/2025 10:00:00.000"""
    return "%s/%s/%s %s" % (iso[8:10], iso[5:7], iso[0:4], iso[11:23])


data = sorted(ROWS[1:], key=lambda r: int(r[COL["call_id"]]))
rows = [[names.get(k, k) for k in keep]]
for r in data:
    rows.append([dmy(r[COL[k]]) if k == "arrived" else r[COL[k]]
                 for k in keep])
own = write(rows, "export.csv")
args = ["fit", own]
for k, v in names.items():
    args += ["--map", "%s=%s" % (v, k)]
out_own, err = ctx.expect_rc(args, 0)
out_ref, err = ctx.expect_rc(["fit", good], 0)


def fitted_lines(text):
    return [l.split("#")[0].strip() for l in text.splitlines()
            if l.strip().startswith(("volume", "patience:", "handle:",
                                     "wrap:"))]


ctx.check(fitted_lines(out_own) == fitted_lines(out_ref),
          "export.csv fits\n%s\nnot\n%s" % (fitted_lines(out_own),
                                             fitted_lines(out_ref)))

# A spreadsheet's "CSV UTF-8" export opens with a byte order mark, which is
# not part of the first column's name. Regression: with `line` first, the
# mark hid the column and the log's two lines were fitted as one, "calls".
rows = [[r[COL["line"]]] + [c for k, c in enumerate(r) if k != COL["line"]]
        for r in ROWS]
bom = os.path.join(tmp, "bom.csv")
with open(bom, "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(rows)
out_bom, err = ctx.expect_rc(["fit", bom], 0)
ctx.check(fitted_lines(out_bom) == fitted_lines(out_ref)
          and 'name: "calls"' not in out_bom,
          "bom.csv fits\n%s\nnot\n%s" % (fitted_lines(out_bom),
                                           fitted_lines(out_ref)))

# A column mapped to a field is read, though another column has the
# field's own name; two columns named as one field are refused, naming
# both. Regression: the first in the file was read, so --map Queue=line
# was ignored beside `line`, and of two talk_s columns the second.
rows = [ROWS[0] + ["Queue"]] + [r + ["Q" + r[COL["line"]]] for r in ROWS[1:]]
out, err = ctx.expect_rc(["fit", write(rows, "queue.csv"), "--map",
                          "Queue=line"], 0)
ctx.check('name: "Q999"' in out and 'name: "999"' not in out,
          "queue.csv: --map Queue=line not read\n%s" % out[:600])
rows = [ROWS[0] + ["TALK_S"]] + [r + ["1"] for r in ROWS[1:]]
path = write(rows, "twice.csv")
out, err = ctx.expect_rc(["fit", path], 2)
want = ("%s:1:%d: talk_s: a second column for talk_s ('TALK_S'; the first, "
        "'talk_s', is at column %d)" % (path, len(",".join(ROWS[0])) + 2,
                                         cell_col(ROWS, 1, "talk_s")))
ctx.check(err.startswith(want) and out == "", "twice.csv: %s" % err)

# Without pool and handler columns, staffing is the most calls in hand at
# once: at least one handler, never more than the roster's 4.
rows = [[c for k, c in enumerate(r) if k not in (COL["pool"], COL["handler"])]
        for r in ROWS]
out, err = ctx.expect_rc(["fit", write(rows, "nohandler.csv")], 0)
staff = [int(x) for x in re.findall(r"staff: (\d+)\}", out)]
ctx.check("(the log numbers no handler)" in out and 'name: "handlers"' in out
          and staff and all(1 <= x <= 4 for x in staff),
          "nohandler.csv: staff %s\n%s" % (staff, out[-800:]))


def write_text(lines, name):
    """Writes lines as they are, not quoted by csv; returns the path."""
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    return path


def only_problem(path, want):
    """fit exits 2 with want as the one problem reported."""
    out, err = ctx.expect_rc(["fit", path], 2)
    msgs = [m for m in err.splitlines() if m.startswith(path + ":")]
    ctx.check(len(msgs) == 1 and msgs[0].startswith(want),
              "%s: wanted the one problem %r, got\n%s" % (path, want, err))
    ctx.check("1 problem in" in err and out == "", "%s: %s" % (path, err))


# A short row is one problem, its cell count; its cells are not read too.
LINES = [",".join(r) for r in ROWS[:200]]
short = list(LINES)
short[5] = short[5][:20]
only_problem(write_text(short, "short.csv"), "%s:6:1: this line has %d "
             "cells and the first has %d" % (os.path.join(tmp, "short.csv"),
                                            short[5].count(",") + 1,
                                            len(HEAD)))
# An unclosed quote opening a cell is reported at its column, whether
# the cell is the first or another.
for col, name in ((0, "quote_first.csv"), (COL["line"], "quote_mid.csv")):
    cells = list(ROWS[5])
    cells[col] = '"' + cells[col]
    quoted = list(LINES)
    quoted[5] = ",".join(cells)
    only_problem(write_text(quoted, name), "%s:6:%d: unclosed quote"
                 % (os.path.join(tmp, name),
                    len(",".join(cells[:col])) + (col > 0) + 1))
# A cell quoted whole is read as its text.
cells = list(ROWS[5])
cells[COL["outcome"]] = '"' + cells[COL["outcome"]] + '"'
closed = list(LINES)
closed[5] = ",".join(cells)
_, err = ctx.expect_rc(["fit", write_text(closed, "closed.csv")], 0)
ctx.check("unclosed" not in err, "closed.csv: %s" % err)

fitted = os.path.join(tmp, "nohandler.yaml")
with open(fitted, "w", encoding="utf-8") as f:
    f.write(out)
ctx.expect_rc(["check", fitted], 0)
sys.exit(1 if ctx.failures else 0)
