#!/usr/bin/python3
"""Measures the scenario loader and check's scenario writer: their lines
of C, the keys of the scenario schema, and lines a key.

    bench/tools/scenario_size.py [REV]

Without REV, the working tree; with REV (a commit), that commit's files,
so the figures of any point of the history can be set beside today's.

The loader is every models/scenario_*.c (reading the bytes, walking the
document through the schema, the per-record readers and checks, --set
edits, the schema tables themselves) and models/scenario_schema_rows.h
(the constructors every table's rows are made with, once in
scenario_schema.c); models/scenario.c (lookups on a
loaded scenario, FTE and cost) is not, nor the YAML document layer
(models/yaml_doc.c), the CSV reader (models/csv_read.c) and the writer's
YAML scalars (results/emit_yaml.c), modules of their own, which are
listed apart. The writer is
results/report_scenario*.c. Lines are lines of the files, comments and
blank lines included (wc -l).

A key is a row of a record's table: the top-level rows of every
`scenario_schema_*[]` table (months' twelve rows counted as twelve, the
END row not). Before the schema existed (the loader was
models/scenario_load.c alone), a key is a string of its key lists
(`*_keys[]`, `keys[]`, `month_names[]`; a distribution's keys counted
once each), which the loader checked a mapping's keys against: the same
set of keys a schema table has rows for.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def files(rev):
    """The paths of the tree at rev (None: the working tree)."""
    if rev is None:
        return sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("*/*")
                      if p.is_file())
    out = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "-r",
                          "--name-only", rev], check=True,
                         capture_output=True, text=True).stdout
    return out.split()


def text(rev, path):
    if rev is None:
        return (ROOT / path).read_text()
    return subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:{path}"],
                          check=True, capture_output=True, text=True).stdout


def lines(rev, path):
    return text(rev, path).count("\n")


def strip(src):
    """src without comments and with every string literal kept as "S"
    (their text blanked: a brace in a doc string is not a brace)."""
    src = re.sub(r"/\*.*?\*/", " ", src, flags=re.S)
    return re.sub(r'"(?:\\.|[^"\\])*"', '"S"', src)


def top_level_items(body):
    """The comma-separated items of an initializer's outer braces."""
    depth, items, cur = 0, [], ""
    for ch in body:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch == "," and depth == 0:
            items.append(cur.strip())
            cur = ""
        else:
            cur += ch
    items.append(cur.strip())
    return [i for i in items if i]


def initializer(src, start):
    """The text inside the braces that open at or after start."""
    i = src.index("{", start)
    depth = 0
    for j in range(i, len(src)):
        depth += src[j] == "{"
        depth -= src[j] == "}"
        if depth == 0:
            return src[i + 1:j]
    raise ValueError("unbalanced braces")


def schema_keys(rev, paths):
    """Rows of the scenario_schema_*[] tables, each table counted once;
    a MONTH-like macro that stands for several rows is one item each."""
    n = 0
    for p in paths:
        src = strip(text(rev, p))
        for m in re.finditer(r"const struct scenario_key\s+"
                             r"(scenario_schema_\w+)\[\]\s*=", src):
            items = top_level_items(initializer(src, m.end()))
            n += sum(1 for i in items if i != "END" and
                     not i.startswith("{.key = NULL"))
    return n


def key_list_keys(rev, path):
    """Keys of the loader's key lists before the schema existed."""
    src = re.sub(r"/\*.*?\*/", " ", text(rev, path), flags=re.S)
    keys = 0
    for m in re.finditer(r"(\w*keys|month_names)\s*\[\]\s*(\[\d+\])?\s*=",
                         src):
        body = initializer(src, m.end())
        words = re.findall(r'"([^"]*)"', body)
        if words == ["csv", "column"]:
            continue    # an empirical sample's file: no row today either
        keys += len(set(words)) if m.group(2) else len(words)
    return keys


def measure(rev):
    paths = files(rev)
    loader = [p for p in paths if re.fullmatch(r"models/scenario_\w+\.c", p)
              or p == "models/scenario_schema_rows.h"]
    writer = [p for p in paths if re.fullmatch(
        r"results/report_scenario\w*\.c", p)]
    apart = [p for p in ("models/yaml_doc.c", "models/csv_read.c",
                         "results/emit_yaml.c") if p in paths]
    schema = [p for p in loader if p.startswith("models/scenario_schema")]
    if schema:
        keys = schema_keys(rev, schema)
    else:
        keys = key_list_keys(rev, "models/scenario_load.c")
    return loader, writer, apart, keys


def main():
    rev = sys.argv[1] if len(sys.argv) > 1 else None
    loader, writer, apart, keys = measure(rev)
    n_loader = sum(lines(rev, p) for p in loader)
    n_writer = sum(lines(rev, p) for p in writer)
    for p in loader + writer:
        print(f"{lines(rev, p):6d}  {p}")
    print(f"{n_loader:6d}  loader ({len(loader)} files)")
    print(f"{n_writer:6d}  writer ({len(writer)} files)")
    print(f"{n_loader + n_writer:6d}  loader and writer")
    for p in apart:
        print(f"{lines(rev, p):6d}  {p} (apart)")
    print(f"{keys:6d}  keys (schema rows)")
    print(f"{(n_loader + n_writer) / keys:6.1f}  lines a key")


if __name__ == "__main__":
    main()
