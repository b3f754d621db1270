#!/usr/bin/env python3
"""The layout the code promises (README's layout table, docs/architecture.md).

- Includes point one way: cli -> results -> models -> sim. A file in one
  folder includes headers of its own folder and of those below it only.
- No source file in sim/, models/, results/, cli/ or tests/ is over 1,000
  lines: a file that grows past it is split by concern.

Usage: layout.py SOURCE_ROOT
"""
import pathlib
import re
import sys

LAYERS = ("sim", "models", "results", "cli")
LINES_MAX = 1000
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/', re.M)


def include_problems(root):
    bad = []
    for rank, layer in enumerate(LAYERS):
        for path in sorted((root / layer).glob("*.[ch]")):
            for target in INCLUDE.findall(path.read_text()):
                if target in LAYERS and LAYERS.index(target) > rank:
                    bad.append("%s includes a header of %s/, a layer above it"
                               % (path.relative_to(root), target))
    return bad


def size_problems(root):
    bad = []
    for folder in LAYERS + ("tests",):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".c", ".h", ".py") or not path.is_file():
                continue
            n = path.read_text().count("\n")
            if n > LINES_MAX:
                bad.append("%s has %d lines; split it by concern (at most %d)"
                           % (path.relative_to(root), n, LINES_MAX))
    return bad


def main():
    root = pathlib.Path(sys.argv[1])
    bad = include_problems(root) + size_problems(root)
    for line in bad:
        print(line)
    checked = sum(1 for f in LAYERS for _ in (root / f).glob("*.[ch]"))
    print("%d source files of %s checked: %d problems"
          % (checked, ", ".join(LAYERS), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
