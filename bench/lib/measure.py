"""Timed runs of a command: wall time, peak resident memory, output.

Every run goes through /usr/bin/time -v (GNU time), which reports the
child's peak resident set size; its own elapsed time has only 10 ms
resolution, so the wall time is taken here with a monotonic clock around
the whole run. That includes GNU time's own fork and exec, about a
millisecond, the same for callsim and for the SimPy peer.
"""

import re
import subprocess
import tempfile
import time
from dataclasses import dataclass
from typing import List, Optional

GNU_TIME = "/usr/bin/time"


@dataclass
class Run:
    wall_s: float
    rss_kb: int
    stdout: str
    stderr: str


class RunFailed(Exception):
    pass


def _max_rss_kb(report: str) -> int:
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    if m is None:
        raise RunFailed("GNU time printed no peak memory:\n" + report)
    return int(m.group(1))


def run_timed(argv: List[str], cwd: Optional[str] = None) -> Run:
    """Runs argv once; raises RunFailed when it exits non-zero."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        t0 = time.perf_counter()
        proc = subprocess.run([GNU_TIME, "-v", "-o", report.name] + argv,
                              cwd=cwd, capture_output=True, text=True,
                              check=False)
        wall = time.perf_counter() - t0
        text = report.read()
    if proc.returncode != 0:
        raise RunFailed("%s exited %d:\n%s" % (" ".join(argv), proc.returncode,
                                               proc.stderr[-2000:]))
    return Run(wall, _max_rss_kb(text), proc.stdout, proc.stderr)


def run_together_wall(argvs: List[List[str]]) -> float:
    """Starts every argv at once and waits for all: the wall time from the
    first start to the last end. Raises RunFailed when one exits non-zero."""
    t0 = time.perf_counter()
    procs = [subprocess.Popen(a, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
             for a in argvs]
    errs = [p.communicate()[1] for p in procs]
    wall = time.perf_counter() - t0
    for a, p, e in zip(argvs, procs, errs):
        if p.returncode != 0:
            raise RunFailed("%s exited %d:\n%s" % (" ".join(a), p.returncode,
                                                   e[-2000:]))
    return wall


def events_of(stderr: str) -> Optional[int]:
    """Events run, from `callsim run --verbose`'s speed line on stderr."""
    m = re.search(r"(\d+) events in", stderr)
    return int(m.group(1)) if m else None
