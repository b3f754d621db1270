"""The figures in README.md and docs/*.md are what callsim prints.

    python3 docs.py [--jobs N] CALLSIM SOURCE_ROOT [FILE.md ...]
    python3 docs.py --listed SOURCE_ROOT FILE.md ...

The second form checks that the files named are README.md and every
docs/*.md, so a new page cannot be left out of the checks (the build checks
the pages listed in tests/docs/meson.build).

Three kinds of check, run from the source root with the built binary:

1. Shown commands. A fenced block whose lines start `$ callsim ...` or
   `$ build/cli/callsim ...` (continued by a trailing backslash, optionally
   piped into other commands such as `| grep`) is run, and every line shown
   after it must appear in what it prints, in order:
   - lines are compared with runs of whitespace made one space;
   - a line `...` stands for any number of lines; without one, shown lines
     are consecutive (blank lines aside), the first shown line is the first
     printed and the last shown line the last printed;
   - a line ending in ` ...` matches any line that starts with the rest;
   - an annotation `(was ...)` after two spaces at the end of a line is not
     part of the output;
   - `--out FILE` writes to a scratch directory, and the file's contents are
     compared after stdout;
   - `--calls-log FILE` and `--incidents-log FILE` write to a scratch
     directory too, and a later command naming FILE reads that file (a log
     shown made, then fitted);
   - shown lines starting `callsim ` are messages, matched against stderr
     (on their own, by the same rules); the others against stdout; after
     exit 2 (a refusal, which prints nothing on stdout) every line is.
   The command must exit 0, or N when the block shows a line `[exit N]`.

2. Figures in prose. An HTML comment after a paragraph (or a table) ties
   the figures it quotes to a command:

       <!-- figures: callsim run --format csv
       96.0% = pct(csv("line", "999", "service_level"), 1)
       -->

   Each line `TEXT = EXPRESSION` says that TEXT appears in the paragraph
   just above the comment (other figures comments in between are skipped)
   and that the Python EXPRESSION, evaluated on the command's output (its
   stderr, whose lines start `callsim `, then its stdout), gives exactly
   TEXT. The helpers are listed in `helpers()`; a line `let NAME = EXPRESSION`
   defines NAME for the lines after it. TEXT must appear at least once on
   its own, not only inside a longer TEXT checked for the same paragraph:
   '179.47 FTE' found only within 'is 179.47 FTE' would check nothing that
   the paragraph says on its own.

3. Excerpts. A fenced block right after `<!-- excerpt: PATH -->` holds
   lines of the file PATH (relative to the source root), exactly and in
   order, blank lines aside; a line starting `# ...` elides lines, and
   without one at either end the block starts and ends with the file.

Each distinct command runs once per test run, however many pages show it or
name it; a command shown in a block and named in a figures comment runs
once. Before the checks, every command the pages name (in blocks, figures
comments and `of("...")`) starts, N at a time (--jobs, default 2); the
commands that write or read a calls or incidents log run one after another
in the order of the pages, so a log is made before it is fitted.
"""
import ast
import concurrent.futures
import csv as csvmod
import io
import json as jsonmod
import os
import re
import shlex
import subprocess
import sys
import tempfile
import types

PROGRAMS = ("callsim", "build/cli/callsim")
ANNOTATION = re.compile(r"\s{2,}\(was [^()]*\)\s*$")
FIGURES = re.compile(r"^<!--\s*figures:\s*(.*)$")
EXIT = re.compile(r"^\[exit (\d+)\]$")
EXCERPT = re.compile(r"^<!--\s*excerpt:\s*(\S+)\s*-->$")


def norm(line):
    """A line with every run of whitespace one space, ends trimmed."""
    return " ".join(line.split())


class Runner:
    """Runs callsim command lines from the source root, each once."""

    def __init__(self, callsim, root, scratch):
        self.callsim, self.root, self.scratch = callsim, root, scratch
        self.cache = {}    # key -> (exit status, stdout + out file, stderr)
        self.started = {}  # key -> Future of that triple
        self.logs = {}     # a log's name in the docs -> its scratch file
        self.outs = 0      # --out files named so far

    @staticmethod
    def key(command):
        """The command as cached: whitespace and build/cli/ made uniform."""
        return norm(re.sub(r"(^|\|\s*)build/cli/callsim\b", r"\1callsim",
                           command.strip()))

    def words(self, command):
        """The command's words, callsim replaced by the binary under test and
        `--out FILE` by a scratch file; returns (words, out file or None,
        whether it writes or reads a log)."""
        lex = shlex.shlex(command, posix=True, punctuation_chars="|")
        lex.whitespace_split = True
        words, out, stage_start, logged = [], None, True, False
        for w in lex:
            if stage_start and w in PROGRAMS:
                w = self.callsim
            elif words and words[-1] == "--out":
                self.outs += 1
                out = os.path.join(self.scratch, "out%d-%s"
                                   % (self.outs, os.path.basename(w)))
                w = out
            elif words and words[-1] in ("--calls-log", "--incidents-log"):
                w = self.logs.setdefault(w, os.path.join(
                    self.scratch, "log%d-%s" % (len(self.logs),
                                                os.path.basename(w))))
                logged = True
            elif w in self.logs:
                w, logged = self.logs[w], True
            stage_start = w == "|"
            words.append(w)
        return words, out, logged

    def execute(self, words, out):
        """Runs one command's words; returns (exit status, stdout followed by
        the --out file, stderr)."""
        line = " ".join(w if w == "|" else shlex.quote(w) for w in words)
        p = subprocess.run(["bash", "-o", "pipefail", "-c", line],
                           cwd=self.root, capture_output=True, text=True,
                           timeout=300)
        text = p.stdout
        if out and os.path.exists(out):
            with open(out, encoding="utf-8") as f:
                text += f.read()
        return p.returncode, text, p.stderr

    def start(self, commands, pool):
        """Starts every command not yet run on the pool; those that touch a
        log run in one task, in order, as a later one may read an earlier
        one's log."""
        chain, futures = [], {}
        for command in commands:
            key = self.key(command)
            if key in self.cache or key in self.started:
                continue
            words, out, logged = self.words(command)
            if logged:
                chain.append((key, words, out))
                futures[key] = concurrent.futures.Future()
                self.started[key] = futures[key]
            else:
                self.started[key] = pool.submit(self.execute, words, out)

        def run_chain():
            for key, words, out in chain:
                try:
                    futures[key].set_result(self.execute(words, out))
                except Exception as e:  # the check waiting on it reports it
                    futures[key].set_exception(e)

        if chain:
            pool.submit(run_chain)

    def run(self, command):
        """Runs one command line (or waits for it, if started); returns (exit
        status, stdout followed by the --out file, stderr)."""
        key = self.key(command)
        if key not in self.cache:
            if key in self.started:
                self.cache[key] = self.started.pop(key).result()
            else:
                self.cache[key] = self.execute(*self.words(command)[:2])
        return self.cache[key]


def blocks(lines):
    """Yields (line number, lines) of each fenced block of a markdown file."""
    inside, start, body = False, 0, []
    for i, line in enumerate(lines, 1):
        if line.lstrip().startswith("```"):
            if inside:
                yield start, body
            inside, start, body = not inside, i + 1, []
        elif inside:
            body.append(line)


def commands_at(body):
    """Splits a block into (command line, [(index in the block, shown
    output line)]) for each line starting `$ callsim` or `$
    build/cli/callsim`; none for other blocks."""
    found, i = [], 0
    while i < len(body):
        line = body[i].strip()
        if not line.startswith("$ ") or line[2:].split()[0] not in PROGRAMS:
            i += 1
            continue
        command = line[2:]
        while command.endswith("\\") and i + 1 < len(body):
            i += 1
            command = command[:-1] + " " + body[i].strip()
        i += 1
        shown = []
        while i < len(body) and not body[i].strip().startswith("$ "):
            shown.append((i, body[i]))
            i += 1
        found.append((command, shown))
    return found


def commands(body):
    """Splits a block into (command line, shown output lines), as
    commands_at without the indices."""
    return [(command, [line for _, line in shown])
            for command, shown in commands_at(body)]


def line_matches(want, got):
    """Whether a shown line (normalised) matches a printed one."""
    if want.endswith(" ..."):
        return got.startswith(want[:-4])
    return want == got


def split_streams(shown, everything=False):
    """Splits shown lines into (stderr lines, stdout lines): messages start
    `callsim ` (with `everything`, every line is one); a `...` goes with the
    line after it, or the one before it when it ends the block."""
    want = [norm(ANNOTATION.sub("", s)) for s in shown]
    want = [w for w in want if w]
    err, out, pending = [], [], 0
    for w in want:
        if w == "...":
            pending += 1
            continue
        dest = err if everything or w.startswith("callsim ") else out
        dest.extend(["..."] * pending + [w])
        pending, last = 0, dest
    if pending and want != ["..."] * pending:
        last.append("...")
    return err, out


def match_output(shown, printed, exact=False):
    """Checks shown lines (normalised, unless exact) against printed text;
    returns None when they match, else what is wrong."""
    got = [g for g in (p.rstrip() if exact else norm(p)
                       for p in printed.splitlines()) if g]
    if not shown:
        return None
    pos, free = 0, False
    for w in shown:
        if w == "...":
            free = True
            continue
        if free:
            while pos < len(got) and not line_matches(w, got[pos]):
                pos += 1
        if pos >= len(got) or not line_matches(w, got[pos]):
            near = got[pos] if pos < len(got) else "(end of output)"
            return "shown line %r not printed%s; printed here: %r" % (
                w, " after the lines before it" if free else
                " where expected", near)
        pos, free = pos + 1, False
    if not free and pos < len(got):
        return "printed more after %r (%r); end the block with '...'" % (
            shown[-1], got[pos])
    return None


def excerpts(lines):
    """Yields (line number, path, block lines) for each fenced block right
    after a comment `<!-- excerpt: PATH -->`."""
    for i, line in enumerate(lines):
        m = EXCERPT.match(line.strip())
        if m and i + 1 < len(lines) and lines[i + 1].startswith("```"):
            end = i + 2
            while end < len(lines) and not lines[end].startswith("```"):
                end += 1
            yield i + 1, m.group(1), lines[i + 2:end]


def check_excerpt(root, path, shown):
    """Checks that shown lines are the file's own, in order (blank lines
    aside); a line `# ...` elides lines. Returns None or what is wrong."""
    want = ["..." if l.strip().startswith("# ...") else l.rstrip()
            for l in shown if l.strip()]
    try:
        with open(os.path.join(root, path), encoding="utf-8") as f:
            got = "\n".join(l.rstrip() for l in f if l.strip())
    except OSError as e:
        return str(e)
    return match_output(want, got, exact=True)


def minsec(s):
    """Seconds as `11 min 4 s`."""
    s = int(round(s))
    return "%d min %d s" % (s // 60, s % 60)


def helpers(text, runner=None):
    """The names a figures expression may use, on one command's output;
    `of(COMMAND)` gives the same names on another command's output."""
    rows = None

    def csv(section, name, metric, col="mean", **where):
        """A number of the CSV row with this section, name and metric (and
        other columns equal to `where`), from column `col`."""
        nonlocal rows
        if rows is None:
            body = "".join(l for l in io.StringIO(text)
                           if not l.startswith(("#", "callsim ")))
            rows = list(csvmod.DictReader(io.StringIO(body)))
        for r in rows:
            if (r["section"], r["name"], r["metric"]) == (section, name,
                                                          metric) and all(
                    r[k] == str(v) for k, v in where.items()):
                return float(r[col])
        raise KeyError("no CSV row %s,%s,%s %s" % (section, name, metric,
                                                   where))

    def grep(pattern, group=1):
        """The group of the first match of a regular expression."""
        m = re.search(pattern, text, re.M)
        if not m:
            raise KeyError("no match for %r" % pattern)
        return m.group(group)

    def pctci(section, name, metric, nd=1, **where):
        """A fraction's CSV row as the table prints it: `96.0% [95.9, 96.2]`."""
        m, lo, hi = (100 * csv(section, name, metric, c, **where)
                     for c in ("mean", "ci_low", "ci_high"))
        return "%.*f%% [%.*f, %.*f]" % (nd, m, nd, lo, nd, hi)

    def findall(pattern, after=""):
        """The first group of every match, as numbers; with `after`, only
        in the text after the first line that starts with it."""
        part = text
        if after:
            m = re.search("^" + re.escape(after), text, re.M)
            if not m:
                raise KeyError("no line starting %r" % after)
            part = text[m.end():]
        return [float(m.group(1)) for m in re.finditer(pattern, part, re.M)]

    def of(command):
        """The helpers on another command's output (run once, cached)."""
        rc, out, err = runner.run(command)
        if rc != 0:
            raise RuntimeError("`%s` exited %d: %s" % (command, rc, err))
        return types.SimpleNamespace(**helpers(err + out, runner))

    return {
        "of": of, "csv": csv, "pctci": pctci, "grep": grep, "num": lambda p, g=1: float(grep(p, g)),
        "money": lambda p, g=1: float(grep(p, g).replace(",", "")),
        "findall": findall, "sum": sum, "len": len, "min": min, "max": max,
        "range": range, "sorted": sorted, "all": all, "any": any,
        "json": lambda: jsonmod.loads(text), "text": text,
        "fixed": lambda x, nd=1: "%.*f" % (nd, x),
        "pct": lambda x, nd=1: "%.*f%%" % (nd, 100 * x),
        "comma": lambda x, nd=0: "{:,.{}f}".format(x, nd),
        "minsec": minsec, "round": round, "abs": abs, "int": int,
    }


def paragraph_above(lines, i):
    """The text of the paragraph (or table) ending just above line index i,
    skipping blank lines and other figures comments."""
    j = i - 1
    while j >= 0 and (not lines[j].strip() or lines[j].strip() == "-->"):
        if lines[j].strip() == "-->":
            while j > 0 and not FIGURES.match(lines[j].strip()):
                j -= 1
        j -= 1
    end = j
    while j >= 0 and lines[j].strip():
        j -= 1
    return " ".join(l.strip() for l in lines[j + 1:end + 1])


def figures(lines):
    """Yields (line number, command, [(text, expression)], paragraph) of
    each figures comment."""
    i = 0
    while i < len(lines):
        m = FIGURES.match(lines[i].strip())
        if not m:
            i += 1
            continue
        start, command, pairs = i, m.group(1).strip(), []
        i += 1
        while i < len(lines) and lines[i].strip() != "-->":
            text, _, expr = lines[i].strip().partition(" = ")
            pairs.append((text, expr))
            i += 1
        yield start + 1, command, pairs, paragraph_above(lines, start)
        i += 1


def named_commands(lines):
    """Every command a page names, in the page's order: shown in a block,
    heading a figures comment, or quoted in one's `of("...")`."""
    found = [(start, command) for start, body in blocks(lines)
             for command, _ in commands(body)]
    for line, command, pairs, _ in figures(lines):
        found.append((line, command))
        for _, expr in pairs:
            try:
                tree = ast.parse(expr, mode="eval")
            except SyntaxError:  # reported by the check itself
                continue
            found += [(line, node.args[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Call)
                      and getattr(node.func, "id", "") == "of" and node.args
                      and isinstance(node.args[0], ast.Constant)
                      and isinstance(node.args[0].value, str)]
    return [command for _, command in sorted(found, key=lambda f: f[0])]


def check_file(path, runner, fail):
    """Runs every check of one markdown file; returns how many it made."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    name, n = os.path.relpath(path, runner.root), 0
    for start, body in blocks(lines):
        for command, shown in commands(body):
            n += 1
            rc, out, err = runner.run(command)
            where = "%s:%d: `%s`" % (name, start, command)
            status = [EXIT.match(l.strip()) for l in shown]
            want_rc = int(next((m.group(1) for m in status if m), 0))
            shown = [l for l, m in zip(shown, status) if not m]
            if rc != want_rc:
                fail("%s exited %d, not %d:\n%s" % (where, rc, want_rc,
                                                     err[-2000:]))
                continue
            want_err, want_out = split_streams(shown)
            if want_rc == 2:  # a refusal prints only messages
                want_err, want_out = split_streams(shown, everything=True)
            for want, text, stream in ((want_err, err, "stderr"),
                                       (want_out, out, "stdout")):
                problem = match_output(want, text)
                if problem:
                    fail("%s: %s: %s" % (where, stream, problem))
    for line, path, shown in excerpts(lines):
        n += 1
        problem = check_excerpt(runner.root, path, shown)
        if problem:
            fail("%s:%d: excerpt of %s: %s" % (name, line, path, problem))
    quoted = {}
    for _, _, pairs, para in figures(lines):
        quoted.setdefault(para, set()).update(
            text for text, _ in pairs if not text.startswith("let "))
    for line, command, pairs, para in figures(lines):
        n += len(pairs)
        check_figures("%s:%d" % (name, line), runner, command, pairs, para,
                      quoted[para], fail)
    return n


def stands_alone(text, para, quoted):
    """Whether text occurs in para other than inside an occurrence of a
    longer figure quoted there: '179.47 FTE' found only within 'is 179.47
    FTE' checks a figure that the prose does not give on its own (it gave
    '179.73 FTE', an older figure, unchecked)."""
    spans = [(m.start(), m.start() + len(other)) for other in quoted
             if other != text and text in other
             for m in re.finditer(re.escape(other), para)]
    return any(not any(a <= m.start() and m.start() + len(text) <= b
                       for a, b in spans)
               for m in re.finditer(re.escape(text), para))


def check_figures(where, runner, command, pairs, para, quoted, fail):
    """Checks the figures of one comment against its command's output;
    quoted holds every figure the paragraph's comments check."""
    rc, text, err = runner.run(command)
    if rc != 0:
        fail("%s: `%s` exited %d:\n%s" % (where, command, rc, err[-2000:]))
        return
    names = helpers(err + text, runner)
    names["__builtins__"] = {}
    for text_in_doc, expr in pairs:
        if text_in_doc.startswith("let ") and expr:
            try:
                names[text_in_doc[4:].strip()] = eval(expr, names)
            except Exception as e:  # a bad definition is a failed check
                fail("%s: %s: %s" % (where, expr, e))
            continue
        if not expr:
            fail("%s: %r has no ` = EXPRESSION`" % (where, text_in_doc))
            continue
        if text_in_doc not in para:
            fail("%s: %r is not in the paragraph above the comment"
                 % (where, text_in_doc))
        elif not stands_alone(text_in_doc, para, quoted):
            fail("%s: %r is in the paragraph above only inside another "
                 "figure checked there: the figure it stands for is not "
                 "checked" % (where, text_in_doc))
        try:
            got = str(eval(expr, names))
        except Exception as e:  # a bad expression is a failed check
            fail("%s: %s: %s" % (where, expr, e))
            continue
        if got != text_in_doc:
            fail("%s: the docs say %r, `%s` gives %r (from %s)"
                 % (where, text_in_doc, command, got, expr))


def every_page(root):
    """README.md and docs/*.md, relative to the source root."""
    return ["README.md"] + sorted(
        os.path.join("docs", f) for f in os.listdir(os.path.join(root, "docs"))
        if f.endswith(".md"))


def check_listed(root, listed):
    """Exits 1 naming any page that is not listed, or listed but absent."""
    pages, listed = set(every_page(root)), set(listed)
    for p in sorted(pages - listed):
        print("FAIL: %s is not checked: add it to tests/docs/meson.build" % p)
    for p in sorted(listed - pages):
        print("FAIL: %s is listed in tests/docs/meson.build but absent" % p)
    print("%d pages, %d listed" % (len(pages), len(listed)))
    sys.exit(1 if pages != listed else 0)


def main():
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "--listed":
        check_listed(os.path.abspath(args[1]), args[2:])
    jobs = 2
    if len(args) >= 2 and args[0] == "--jobs":
        jobs, args = int(args[1]), args[2:]
    if len(args) < 2:
        sys.exit("usage: %s [--jobs N] CALLSIM SOURCE_ROOT [FILE.md ...]"
                 % sys.argv[0])
    callsim, root = os.path.abspath(args[0]), os.path.abspath(args[1])
    files = [os.path.join(root, f) for f in args[2:] or every_page(root)]
    pages = []
    for f in files:
        with open(f, encoding="utf-8") as page:
            pages.append(page.read().splitlines())
    failures = []
    with tempfile.TemporaryDirectory() as scratch, \
            concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        runner = Runner(callsim, root, scratch)
        runner.start([c for lines in pages for c in named_commands(lines)],
                     pool)
        checks = sum(check_file(os.path.abspath(f), runner, failures.append)
                     for f in files)
    for f in failures:
        print("FAIL: " + f + "\n")
    print("%d pages, %d checks, %d commands run, %d failed"
          % (len(files), checks, len(runner.cache), len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
