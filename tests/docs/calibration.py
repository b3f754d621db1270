"""Every `sourced:` figure of a bundled scenario can be checked.

    python3 calibration.py SOURCE_ROOT

Each comment in scenarios/ (the scenarios, their profiles and the
validation scenarios) that calls a figure sourced (`sourced:`,
`sourced/derived:`, `(sourced, ...)`) must cite `docs/calibration.md §N`
before the next `sourced` or `assumed` of the file's comments, and every
section a scenario cites (sourced or not) must be a heading `## N. ...` of
docs/calibration.md; a section a sourced figure cites must hold a public
link. No comment may point outside the repository.
"""
import glob
import os
import re
import sys

CITE = re.compile(r"docs/calibration\.md §(\d+)")
MARK = re.compile(r"\b(sourced|assumed)\b")


def sections(path):
    """{N: text of section N} of docs/calibration.md."""
    with open(path, encoding="utf-8") as f:
        parts = re.split(r"^## (\d+)\. .*$", f.read(), flags=re.M)
    return {int(n): body for n, body in zip(parts[1::2], parts[2::2])}


def comments(path):
    """The file's comments, in order, as one text; and (offset, line number)
    of each comment's start, to name lines in messages."""
    text, starts = "", []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = re.search(r"(?:^|\s)#(.*)$", line)
            if m:
                starts.append((len(text), number))
                text += m.group(1).strip() + "\n"
    return text, starts


def line_of(starts, offset):
    """The scenario line of a comment offset."""
    return max(n for o, n in starts if o <= offset)


def check_scenario(path, name, known, fail):
    """Checks the citations of one scenario or profile (named `name` in
    messages); returns how many sourced comments it has."""
    text, starts = comments(path)
    path = name
    marks = list(MARK.finditer(text))
    sourced = 0
    for i, m in enumerate(marks):
        if m.group(1) != "sourced":
            continue
        sourced += 1
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        cite = CITE.search(text, m.end(), end)
        if not cite:
            fail("%s:%d: a sourced figure cites no docs/calibration.md §N"
                 % (path, line_of(starts, m.start())))
        elif int(cite.group(1)) in known and not re.search(
                r"https?://", known[int(cite.group(1))]):
            fail("%s:%d: a sourced figure cites docs/calibration.md §%s, "
                 "which has no public link" % (path, line_of(
                     starts, m.start()), cite.group(1)))
    for c in CITE.finditer(text):
        if int(c.group(1)) not in known:
            fail("%s:%d: cites docs/calibration.md §%s, which has no such "
                 "section" % (path, line_of(starts, c.start()), c.group(1)))
    outside = r"\bsection \d+|(?<![\w./-])/[\w.-]+/|(?<![\w./-])(?!docs/)[\w./-]+\.md\b"
    for m in re.finditer(outside, text):
        fail("%s:%d: '%s' points outside docs/calibration.md"
             % (path, line_of(starts, m.start()), m.group(0)))
    return sourced


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: %s SOURCE_ROOT" % sys.argv[0])
    root = sys.argv[1]
    failures = []
    calib = os.path.join(root, "docs", "calibration.md")
    known = sections(calib) if os.path.exists(calib) else {}
    if not known:
        failures.append("%s has no numbered sections" % calib)
    total = 0
    bundled = sorted(glob.glob(os.path.join(root, "scenarios", "*.yaml")))
    others = sorted(set(glob.glob(os.path.join(root, "scenarios", "**", "*.*"),
                                  recursive=True)) - set(bundled))
    for path in bundled + [p for p in others if p.endswith((".yaml", ".csv"))]:
        n = check_scenario(path, os.path.relpath(path, root), known,
                           failures.append)
        if n == 0 and path in bundled:
            failures.append("%s has no sourced figure" % path)
        total += n
    for f in failures:
        print("FAIL: " + f)
    print("%d sourced comments, %d sections, %d failed"
          % (total, len(known), len(failures)))
    sys.exit(1 if failures else 0)


main()
