"""Rewrites the figures of README.md and docs/*.md to what callsim prints
now, for a change of output that was meant (a new sampler, a new seed):

    python3 docs_update.py [--jobs N] CALLSIM SOURCE_ROOT [FILE.md ...]

It runs the commands the pages name, as docs.py does, and then
- in a shown block, replaces each shown line that no longer matches by the
  printed line of the same shape (the same words, numbers aside) at the
  place docs.py looks for it; a line ending ` ...` keeps as many words as
  it had, and a `(was ...)` annotation is kept;
- in prose, replaces each figure a figures comment checks, in the paragraph
  and in the comment, by what its expression gives now.
It never changes words: a verdict that turned ("met" to "missed"), a
figure in prose without a figures comment, or a shown line with no printed
line of its shape is left as it is, so run docs.py afterwards and read what
it still reports, and read the diff: prose that draws a conclusion from a
figure must still follow from the new one.
"""
import concurrent.futures
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import docs  # noqa: E402

NUMBER = re.compile(r"[-+]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?%?")


def shape(line):
    """A line with its numbers masked and whitespace made one space."""
    return docs.norm(NUMBER.sub("#", line))


def similar(want, got):
    """Whether a shown line (normalised) is the printed one with other
    numbers: the same words; a ` ...` line, the same first words."""
    if want.endswith(" ..."):
        head = want[:-4].split()
        return shape(" ".join(got.split()[:len(head)])) == shape(want[:-4])
    return shape(want) == shape(got)


def printed_lines(text):
    """The non-blank printed lines, as (normalised, raw) pairs."""
    return [(docs.norm(p), p.rstrip()) for p in text.splitlines() if p.strip()]


def new_line(old, want, raw):
    """The page line for printed line raw, where old was shown (want, its
    normalised form)."""
    ann = docs.ANNOTATION.search(old)
    if want.endswith(" ..."):
        k = len(want[:-4].split())
        m = re.match(r"\s*(?:\S+\s+){%d}" % (k - 1) + r"\S+", raw)
        raw = (m.group(0) if m else raw) + " ..."
    return raw + (ann.group(0) if ann else "")


def align(shown, printed):
    """Walks shown lines (page index, raw line) against printed text as
    docs.match_output does; yields (page index, new line) for each shown
    line that differs but has a printed line of its shape there."""
    got = printed_lines(printed)
    pos, free = 0, False
    for index, old in shown:
        want = docs.norm(docs.ANNOTATION.sub("", old))
        if not want:
            continue
        if want == "...":
            free = True
            continue
        at = pos
        if free:
            while at < len(got) and not docs.line_matches(want, got[at][0]):
                at += 1
            if at >= len(got):
                at = pos
                while at < len(got) and not similar(want, got[at][0]):
                    at += 1
        if at >= len(got):
            return
        if not docs.line_matches(want, got[at][0]):
            if not similar(want, got[at][0]):
                return
            yield index, new_line(old, want, got[at][1])
        pos, free = at + 1, False


def shown_of(lines):
    """Yields (command, [(page index, line)]) of every command block, the
    `[exit N]` lines left out."""
    for start, body in docs.blocks(lines):
        for command, shown in docs.commands_at(body):
            yield command, [(start - 1 + i, line) for i, line in shown
                            if not docs.EXIT.match(line.strip())]


def update_blocks(lines, runner):
    """Rewrites shown lines in place; returns how many."""
    n = 0
    for command, shown in shown_of(lines):
        rc, out, err = runner.run(command)
        msgs = [(i, l) for i, l in shown
                if docs.norm(l).startswith("callsim ") or docs.norm(l) == "..."]
        rest = [(i, l) for i, l in shown
                if not docs.norm(l).startswith("callsim ")]
        for index, line in list(align(msgs, err)) + list(align(rest, out)):
            lines[index] = line
            n += 1
    return n


def paragraph_span(lines, i):
    """The page indices [first, last] of the paragraph docs.paragraph_above
    reads for the comment at index i."""
    j = i - 1
    while j >= 0 and (not lines[j].strip() or lines[j].strip() == "-->"):
        if lines[j].strip() == "-->":
            while j > 0 and not docs.FIGURES.match(lines[j].strip()):
                j -= 1
        j -= 1
    end = j
    while j >= 0 and lines[j].strip():
        j -= 1
    return j + 1, end


def replace_in(lines, first, last, old, new):
    """Replaces old by new in lines[first..last], old's spaces matching any
    whitespace (a line break too); returns whether it was found."""
    text = "\n".join(lines[first:last + 1])
    pattern = r"(?<![\w.])" + r"\s+".join(
        re.escape(w) for w in old.split()) + r"(?![\w])"
    m = re.search(pattern, text)
    if not m:
        return False
    seps = re.findall(r"\s+", m.group(0))
    words = new.split()
    if len(seps) == len(words) - 1:
        repl = "".join(w + s for w, s in zip(words, seps + [""]))
    else:
        repl = new
    text = re.sub(pattern, lambda _: repl, text)
    lines[first:last + 1] = text.split("\n")
    return True


def update_figures(lines, runner):
    """Rewrites the figures that figures comments check; returns how many."""
    n = 0
    for line, command, pairs, _ in list(docs.figures(lines)):
        rc, text, err = runner.run(command)
        if rc != 0:
            continue
        names = docs.helpers(err + text, runner)
        names["__builtins__"] = {}
        changes = []
        for old, expr in pairs:
            if old.startswith("let ") and expr:
                try:
                    names[old[4:].strip()] = eval(expr, names)
                except Exception:
                    pass
                continue
            try:
                new = str(eval(expr, names))
            except Exception:
                continue
            if new != old:
                changes.append((old, new, expr))
        first, last = paragraph_span(lines, line - 1)
        for old, new, expr in sorted(changes, key=lambda c: -len(c[0])):
            replace_in(lines, first, last, old, new)
            for k in range(line, len(lines)):
                if lines[k].strip() == "-->":
                    break
                if lines[k].strip() == "%s = %s" % (old, expr):
                    lines[k] = lines[k].replace(old + " = ", new + " = ", 1)
            n += 1
    return n


def main():
    args = sys.argv[1:]
    jobs = 2
    if len(args) >= 2 and args[0] == "--jobs":
        jobs, args = int(args[1]), args[2:]
    if len(args) < 2:
        sys.exit(__doc__)
    callsim, root = os.path.abspath(args[0]), os.path.abspath(args[1])
    files = [os.path.join(root, f) for f in args[2:] or docs.every_page(root)]
    with tempfile.TemporaryDirectory() as scratch, \
            concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        runner = docs.Runner(callsim, root, scratch)
        pages = {}
        for f in files:
            with open(f, encoding="utf-8") as page:
                pages[f] = page.read().splitlines()
        runner.start([c for lines in pages.values()
                      for c in docs.named_commands(lines)], pool)
        for f, lines in pages.items():
            n = update_blocks(lines, runner) + update_figures(lines, runner)
            if n:
                with open(f, "w", encoding="utf-8") as page:
                    page.write("\n".join(lines) + "\n")
            print("%s: %d updated" % (os.path.relpath(f, root), n))


if __name__ == "__main__":
    main()
