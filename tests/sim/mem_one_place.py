#!/usr/bin/env python3
"""Every allocation of callsim's own code goes through sim/mem.h.

The out-of-memory walk (tests/cli/oom_run.c) can only fail allocations
that pass through the wrappers of sim/mem.h, so a direct call to
malloc, calloc, realloc, strdup or strndup anywhere else in sim/,
models/, results/ or cli/ would be an allocation no test ever fails.

Usage: mem_one_place.py SOURCE_ROOT
"""
import pathlib
import re
import sys

DIRECT = re.compile(r"(?<![\w.>])(malloc|calloc|realloc|strdup|strndup)\s*\(")


def code_only(text):
    """The text with comments and string literals blanked out."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()),
                  text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', text)


def main():
    root = pathlib.Path(sys.argv[1])
    bad = []
    for layer in ("sim", "models", "results", "cli"):
        for path in sorted((root / layer).glob("*.[ch]")):
            if path.relative_to(root).as_posix() == "sim/mem.c":
                continue
            code = code_only(path.read_text())
            for n, line in enumerate(code.split("\n"), 1):
                m = DIRECT.search(line)
                if m:
                    bad.append(f"{path.relative_to(root)}:{n}: {m.group(1)}() "
                               f"called directly; use mem_{m.group(1)}() "
                               f"from sim/mem.h")
    for b in bad:
        print(b)
    print(f"{len(bad)} direct allocations outside sim/mem.c")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
