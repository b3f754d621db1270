#!/usr/bin/python3
"""Writes a scenario K times the bundled West Midlands baseline in every
dimension: K copies of each line (with its volume), pool, area (with its
share, neighbours within its own copy) and unit roster, as K forces side by
side sharing one calendar. Grades and roles are the force's own and are
not copied (an incident's grade and a unit's role are kinds, not places).

    bench/tools/scale_scenario.py K [--base FILE] [--lines L] [--areas A]
        [--units U] [--spread] > OUT.yaml

With only K, every dimension is K times; --lines etc. set one dimension's
copies on its own (lines and pools go together: a copy of a pool serves
the same copy of the lines; --spread divides the volumes and pool staff
among the copies, so that only the number of lines grows). Used by bench/scaling, and to write
bench/scenarios/wm-x10.yaml (K = 10); the output is the same bytes for the
same arguments (no clock, no random numbers), so the file can be checked
against the script: `bench/tools/scale_scenario.py 10 | cmp -
bench/scenarios/wm-x10.yaml`.
"""

import argparse
import os
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "scenarios" / "west-midlands-2024.yaml"


class NoAliasDumper(yaml.SafeDumper):
    """Writes a shared mapping out in full at each use: the copies are
    meant to be read and edited one by one."""

    def ignore_aliases(self, data):
        return True


def copy_name(name: str, k: int) -> str:
    """The name of copy k (0-based) of a named thing: the first keeps it."""
    return name if k == 0 else "%s-%d" % (name, k + 1)


def spread(doc: dict, n: int) -> None:
    """Divides each line's volume by n and each pool shift's staff by n
    (rounded up), so that n copies take the calls of one."""
    for line in doc["lines"]:
        line["volume"] = {u: v / n for u, v in line["volume"].items()}
    for pool in doc["pools"]:
        pool["shifts"] = [dict(s, staff=-(-s["staff"] // n)) for s in pool["shifts"]]


def scale_lines(doc: dict, n: int, base_dir: Path, out_dir: Path) -> None:
    lines = []
    for k in range(n):
        for line in doc["lines"]:
            c = dict(line)
            c["name"] = copy_name(line["name"], k)
            if isinstance(c.get("profile"), str):
                c["profile"] = rel_path(base_dir / c["profile"], out_dir)
            lines.append(c)
    doc["lines"] = lines
    pools = []
    for k in range(n):
        for pool in doc["pools"]:
            c = dict(pool)
            c["name"] = copy_name(pool["name"], k)
            c["serves"] = [copy_name(s, k) for s in pool["serves"]]
            pools.append(c)
    doc["pools"] = pools


def scale_areas(doc: dict, n: int) -> None:
    """n copies of the areas; each share divided by n so that the shares
    still sum to what they did."""
    areas = []
    for k in range(n):
        for area in doc["areas"]:
            c = dict(area)
            c["name"] = copy_name(area["name"], k)
            c["share"] = area["share"] / n
            c["neighbours"] = [copy_name(x, k) for x in area.get("neighbours", [])]
            areas.append(c)
    doc["areas"] = areas


def scale_units(doc: dict, n_units: int, n_areas: int) -> None:
    """n_units copies of every roster; copy k works in copy (k mod n_areas)
    of its area, so units grow with areas or on their own."""
    units = []
    for k in range(n_units):
        for unit in doc["units"]:
            c = dict(unit)
            c["area"] = copy_name(unit["area"], k % n_areas)
            units.append(c)
    doc["units"] = units


def rel_path(target: Path, out_dir: Path) -> str:
    return os.path.relpath(target.resolve(), out_dir.resolve())


def main(argv) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("k", type=int, help="copies of every dimension")
    ap.add_argument("--base", type=Path, default=BASE)
    ap.add_argument("--out-dir", type=Path, default=ROOT / "bench" / "scenarios",
                    help="directory the output will be read from (for the "
                         "profiles' relative paths)")
    for dim in ("lines", "areas", "units"):
        ap.add_argument("--" + dim, type=int, help="copies of the " + dim)
    ap.add_argument("--spread", action="store_true",
                    help="divide the lines' volumes and the pools' staff "
                         "among their copies (same calls in all)")
    a = ap.parse_args(argv)
    n_lines = a.lines or a.k
    n_areas = a.areas or a.k
    n_units = a.units or a.k
    if min(a.k, n_lines, n_areas, n_units) < 1:
        ap.error("copies must be at least 1")
    doc = yaml.safe_load(a.base.read_text())
    doc["name"] = "%s, lines x%d, areas x%d, units x%d" % (
        doc["name"], n_lines, n_areas, n_units)
    if a.spread:
        spread(doc, n_lines)
    scale_lines(doc, n_lines, a.base.resolve().parent, a.out_dir)
    scale_areas(doc, n_areas)
    scale_units(doc, n_units, n_areas)
    sys.stdout.write("# Generated by bench/tools/scale_scenario.py %s: do not edit.\n"
                     % " ".join(argv))
    yaml.dump(doc, sys.stdout, Dumper=NoAliasDumper, sort_keys=False,
              default_flow_style=None, width=100)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
