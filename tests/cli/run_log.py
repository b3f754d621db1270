"""`callsim run --calls-log --incidents-log --log-replication` (issue 13,
logs out of a run).

The logs of a replication must hold every call and incident that
replication's figures count: the counted rows of replications 1 and 2,
added, are twice the run's means (a mean of two whole numbers is exact).
stdout is the same bytes with and without the logs, and the logged
replication the same whatever --threads is. Every row is consistent
(a wait is its answer time less its arrival, an incident is created when
its call's talk ends, a redial names an abandoned first call), and local
times are right across both clock changes: no time in the hour the clocks
skip in March, the repeated hour of October written at +01:00 and then
+00:00, and every time the same instant as Python's own Europe/London
rules say (when tzdata is installed). Bad options exit 2 naming them."""
import csv
import datetime
import json
import os
import subprocess
import tempfile

from clitest import Ctx, fixture

SCENARIO = fixture("run_log.yaml")
BASE = ["run", SCENARIO, "--format", "json", "--quiet"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def utc_ms(stamp):
    """Milliseconds since the epoch of an ISO 8601 time with its offset."""
    dt = datetime.datetime.fromisoformat(stamp)
    return round(dt.timestamp() * 1000)


def logged(t, tmp, tag, extra):
    """Runs the scenario with both logs; returns (stdout, calls, incidents)."""
    calls = os.path.join(tmp, tag + "-calls.csv")
    incidents = os.path.join(tmp, tag + "-incidents.csv")
    out, _ = t.expect_rc(BASE + ["--calls-log", calls, "--incidents-log",
                                 incidents] + extra, 0)
    return out, read_csv(calls), read_csv(incidents)


def count(rows, **want):
    return sum(1 for r in rows if r["counted"] == "1" and
               all(r[k] == v for k, v in want.items()))


def check_counts(t, figures, logs):
    """The counted rows of both replications are twice the run's means."""
    for line in figures["lines"]:
        name = line["name"]
        for fig, outcome in (("answered", "answered"),
                             ("abandoned", "abandoned"),
                             ("unanswered_at_end", "unanswered_at_end")):
            n = sum(count(c, line=name, outcome=outcome) for c, _ in logs)
            t.check(n == 2 * line[fig]["mean"], "line %s: %d %s rows, the "
                    "run's mean %s" % (name, n, fig, line[fig]["mean"]))
        n = sum(count(c, line=name) for c, _ in logs)
        t.check(n == 2 * line["offered"]["mean"],
                "line %s: %d counted rows, offered mean %s"
                % (name, n, line["offered"]["mean"]))
        n = sum(count(c, line=name, redial="1") for c, _ in logs)
        t.check(n == 2 * line["repeats"]["mean"],
                "line %s: %d redials, repeats mean %s"
                % (name, n, line["repeats"]["mean"]))
    for grade in figures["grades"]:
        name = grade["name"]
        n = sum(count(i, grade=name) for _, i in logs)
        t.check(n == 2 * grade["incidents"]["mean"], "grade %s: %d rows, "
                "incidents mean %s" % (name, n, grade["incidents"]["mean"]))
        n = sum(count(i, grade=name, preempted="1") for _, i in logs)
        t.check(n == 2 * grade["preempted"]["mean"], "grade %s: %d "
                "preempted rows, mean %s"
                % (name, n, grade["preempted"]["mean"]))
        n = sum(1 for _, inc in logs for i in inc if i["grade"] == name and
                i["counted"] == "1" and i["arrived"])
        t.check(n == 2 * grade["attended"]["mean"], "grade %s: %d attended "
                "rows, mean %s" % (name, n, grade["attended"]["mean"]))


def check_calls(t, calls):
    """One row a call, numbered 1..N; each row consistent in itself."""
    ids = sorted(int(c["call_id"]) for c in calls)
    t.check(ids == list(range(1, len(ids) + 1)),
            "call ids are not 1..%d, each once" % len(ids))
    by_id = {c["call_id"]: c for c in calls}
    bad = []
    for c in calls:
        ended = c["answered"] or c["abandoned"]
        if c["outcome"] in ("answered", "abandoned"):
            ok = (bool(c["answered"]) == (c["outcome"] == "answered") and
                  bool(c["abandoned"]) == (c["outcome"] == "abandoned") and
                  utc_ms(ended) - utc_ms(c["arrived"]) ==
                  round(float(c["wait_s"]) * 1000))
        else:
            ok = not ended and c["outcome"] == "unanswered_at_end"
        ok = ok and (c["pool"] != "") == (c["outcome"] == "answered")
        first = by_id.get(c["caller_id"])
        if c["redial"] == "0":
            ok = ok and c["caller_id"] == c["call_id"]
        else:
            ok = ok and first is not None and first["redial"] == "0" and \
                first["line"] == c["line"] and \
                int(first["call_id"]) < int(c["call_id"])
        if not ok:
            bad.append(c)
    t.check(not bad, "%d inconsistent call rows, e.g. %s"
            % (len(bad), bad[:1]))
    arrivals = [utc_ms(c["arrived"]) for c in
                sorted(calls, key=lambda c: int(c["call_id"]))]
    t.check(all(a <= b for a, b in zip(arrivals, arrivals[1:])),
            "calls are not numbered in the order they arrive")


def handler_spans(t, calls):
    """No handler is on two calls at once: each is busy from answering
    for the talk and wrap-up times, to the millisecond of the times
    written. Returns each (pool, handler)'s spans."""
    busy = {}
    for c in calls:
        if c["outcome"] == "answered":
            t.check(c["handler"].isdigit() and int(c["handler"]) >= 1,
                    "answered call without a handler: %s" % c)
            start = utc_ms(c["answered"])
            end = start + round(float(c["talk_s"]) * 1000) + \
                (round(float(c["wrap_s"]) * 1000) if c["wrap_s"]
                 else 10 ** 15)
            busy.setdefault((c["pool"], c["handler"]), []).append(
                (start, end))
        else:
            t.check(c["handler"] == "", "a handler for a call not "
                    "answered: %s" % c)
    overlaps = [(k, a, b) for k, spans in busy.items()
                for a, b in zip(sorted(spans), sorted(spans)[1:])
                if b[0] < a[1] - 2]
    t.check(not overlaps, "%d calls overlap on one handler, e.g. %s"
            % (len(overlaps), overlaps[:2]))
    return busy


def check_handlers(t, calls):
    """Handlers never on two calls at once, numbered from 1."""
    busy = handler_spans(t, calls)
    # Numbers are reused: they go up to each pool's peak staff
    # (run_log.yaml: 2 and 2), each taken.
    t.check(sorted(busy) == [("emergency", "1"), ("emergency", "2"),
                             ("non-emergency", "1"),
                             ("non-emergency", "2")],
            "handlers are not numbered 1 .. the peak staff: %s"
            % sorted(busy))


def check_incidents(t, calls, incidents):
    """Each incident created when its answered call's talk ended."""
    by_id = {c["call_id"]: c for c in calls}
    bad = []
    for i in incidents:
        c = by_id.get(i["call_id"])
        ok = c is not None and c["outcome"] == "answered" and \
            abs(utc_ms(c["answered"]) + float(c["talk_s"]) * 1000 -
                utc_ms(i["created"])) <= 1
        times = [utc_ms(i[k]) for k in ("created", "dispatched", "arrived",
                                        "cleared") if i[k]]
        ok = ok and times == sorted(times) and \
            bool(i["dispatched"]) == bool(i["unit"])
        if not ok:
            bad.append(i)
    t.check(not bad, "%d inconsistent incident rows, e.g. %s"
            % (len(bad), bad[:1]))
    ids = sorted(int(i["incident_id"]) for i in incidents)
    t.check(ids == list(range(1, len(ids) + 1)),
            "incident ids are not 1..%d, each once" % len(ids))


def check_overflow(t, tmp):
    """Calls answered by overflow name the pool that answered, and one of
    its handlers: run_log_overflow.yaml's 999 pool takes 101 callers who
    have waited 60 s, so each 101 row of that pool waited that long, and
    its handlers, 1 to 3, are never on a 999 and a 101 call at once."""
    path = os.path.join(tmp, "overflow-calls.csv")
    t.expect_rc(["run", fixture("run_log_overflow.yaml"), "--quiet",
                 "--calls-log", path], 0)
    calls = read_csv(path)
    check_calls(t, calls)
    busy = handler_spans(t, calls)
    by = [c for c in calls if c["outcome"] == "answered" and
          c["line"] == "101" and c["pool"] == "emergency"]
    t.check(len(by) >= 10, "too few 101 calls answered by overflow (%d) "
            "to check" % len(by))
    t.check(all(float(c["wait_s"]) >= 60.0 for c in by),
            "a 101 call answered by the 999 pool before its rule held: %s"
            % [c for c in by if float(c["wait_s"]) < 60.0][:1])
    t.check(sorted(busy) == [("emergency", "1"), ("emergency", "2"),
                             ("emergency", "3"), ("non-emergency", "1"),
                             ("non-emergency", "2")],
            "overflow handlers are not numbered 1 .. their pool's staff: %s"
            % sorted(busy))


def check_partial(t, tmp, whole):
    """A part of a run (--replications-range A:B --partial) logs one of its
    replications, by default its first, with the whole run's rows; one
    outside its range is refused before anything runs."""
    part = os.path.join(tmp, "part.json")
    rng = ["run", SCENARIO, "--quiet", "--replications-range", "1:2",
           "--partial", part]
    for extra in ([], ["--log-replication", "2"]):
        path = os.path.join(tmp, "part-calls.csv")
        t.expect_rc(rng + ["--calls-log", path] + extra, 0)
        t.check(read_csv(path) == whole, "the calls log of a part differs "
                "from the whole run's (%s)" % extra)
    path = os.path.join(tmp, "part-refused.csv")
    _, err = t.expect_rc(rng + ["--calls-log", path, "--log-replication",
                                "1"], 2)
    t.check("--log-replication '1'" in err and "from 2 to 2" in err and
            not os.path.exists(path) and not os.path.exists(path + ".tmp"),
            "a log replication outside the part: %r" % err)


def stamps(calls, incidents):
    out = [c[k] for c in calls for k in ("arrived", "answered", "abandoned")
           if c[k]]
    return out + [i[k] for i in incidents
                  for k in ("created", "dispatched", "arrived", "cleared")
                  if i[k]]


def check_zone(t, all_stamps):
    """Every time is written as Europe/London writes that instant."""
    try:
        from zoneinfo import ZoneInfo
        london = ZoneInfo("Europe/London")
    except Exception:  # no zoneinfo module or no tzdata: arithmetic only
        print("note: no Europe/London zone in Python; zone cross-check "
              "skipped")
        return
    bad = [s for s in all_stamps if datetime.datetime.fromisoformat(s)
           .astimezone(london).isoformat(timespec="milliseconds") != s]
    t.check(not bad, "%d times differ from Europe/London, e.g. %s"
            % (len(bad), bad[:3]))


def check_march(t, calls, incidents):
    """2025-03-30: 01:00 GMT is followed by 02:00 BST."""
    all_stamps = stamps(calls, incidents)
    skipped = [s for s in all_stamps if s.startswith("2025-03-30T01:")]
    t.check(not skipped, "times in the hour that does not exist: %s"
            % skipped[:3])
    change = utc_ms("2025-03-30T01:00:00.000+00:00")
    wrong = [s for s in all_stamps
             if s.endswith("+01:00") != (utc_ms(s) >= change)]
    t.check(not wrong, "offsets wrong around the March change: %s"
            % wrong[:3])
    t.check(any(s.startswith("2025-03-30T00:") for s in all_stamps) and
            any(s.startswith("2025-03-30T02:") for s in all_stamps),
            "no times either side of the March change")
    check_zone(t, all_stamps)


def check_october(t, calls, incidents):
    """2025-10-26: 01:00-02:00 happens at +01:00, then again at +00:00;
    with its offset every time is one instant, in order."""
    all_stamps = stamps(calls, incidents)
    hour = [s for s in all_stamps if s.startswith("2025-10-26T01:")]
    t.check(any(s.endswith("+01:00") for s in hour) and
            any(s.endswith("+00:00") for s in hour),
            "the repeated hour does not carry both offsets: %s" % hour[:4])
    ordered = sorted(calls, key=lambda c: int(c["call_id"]))
    arrivals = [c["arrived"] for c in ordered]
    naive = [a[:23] for a in arrivals]
    t.check(any(a > b for a, b in zip(naive, naive[1:])),
            "local times without offsets never go back: no repeated hour")
    utc = [utc_ms(a) for a in arrivals]
    t.check(all(a <= b for a, b in zip(utc, utc[1:])),
            "times are not in order as instants")
    check_zone(t, all_stamps)


def check_same(t, tmp, plain):
    """stdout the same without logs, on any thread count; the logged
    replication the same whatever --threads is."""
    out_plain, _ = t.expect_rc(BASE + ["--threads", "1"], 0)
    t.check(out_plain == plain, "stdout differs with the logs")
    paths = []
    for threads in ("1", "2"):
        calls = os.path.join(tmp, "t%s.csv" % threads)
        incidents = os.path.join(tmp, "t%s-i.csv" % threads)
        t.expect_rc(BASE + ["--threads", threads, "--log-replication", "2",
                            "--calls-log", calls, "--incidents-log",
                            incidents], 0)
        paths.append((calls, incidents))
    for a, b in zip(*paths):
        with open(a, "rb") as fa, open(b, "rb") as fb:
            t.check(fa.read() == fb.read(), "%s and %s differ" % (a, b))


def check_errors(t, tmp):
    calls = os.path.join(tmp, "e.csv")
    cases = [
        (["--calls-log", calls, "--log-replication", "0"], "from 1 to 2"),
        (["--calls-log", calls, "--log-replication", "3"], "from 1 to 2"),
        (["--calls-log", calls, "--log-replication", "x"], "from 1 to 2"),
        (["--log-replication", "1"], "give one of them"),
        (["--calls-log", calls, "--incidents-log", calls], "give two files"),
        (["--calls-log", os.path.join(tmp, "no", "such", "dir.csv")],
         "--calls-log"),
    ]
    for extra, words in cases:
        _, err = t.expect_rc(BASE + extra, 2)
        t.check(words in err, "%s: stderr %r lacks %r" % (extra, err, words))
    # The help says what the option does, its default and its range.
    out, _ = t.expect_rc(["run", "--help"], 0)
    text = " ".join(out[out.index("--log-replication K  "):].split())
    t.check(text.startswith("--log-replication K which replication's calls "
                            "and incidents the logs hold: K from 1 (the "
                            "default) to --replications"), text[:160])
    _, err = t.expect_rc(["run", fixture("small.yaml"), "--incidents-log",
                          calls], 2)
    t.check("no grades" in err, "incidents of no grades: %r" % err)
    t.check(not os.path.exists(calls) and not os.path.exists(calls + ".tmp"),
            "a refused run left a log behind")
    # An existing file is replaced, and nothing else is left.
    with open(calls, "w", encoding="utf-8") as f:
        f.write("old\n")
    t.expect_rc(BASE + ["--calls-log", calls], 0)
    with open(calls, encoding="utf-8") as f:
        t.check(f.readline().startswith("call_id,"), "old log not replaced")
    t.check(sorted(os.listdir(tmp)).count("e.csv.tmp") == 0,
            "a .tmp file was left behind")


def peak_kb(t, args):
    """Runs callsim; returns (exit code, peak resident kB). AddressSanitizer's
    quarantine of freed memory, which grows with the work, is turned off
    (as in run_memory.py)."""
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ":".join(
        o for o in (env.get("ASAN_OPTIONS"), "quarantine_size_mb=0",
                    "thread_local_quarantine_size_kb=0") if o)
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen([t.callsim] + args, stdout=null, stderr=null,
                             env=env)
        _, status, usage = os.wait4(p.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss


def check_memory(t, tmp):
    """A log ten times as long needs no more memory: rows are written as
    calls end, nothing is kept."""
    calls = os.path.join(tmp, "m.csv")
    base = ["run", fixture("small.yaml"), "--replications", "2",
            "--threads", "1", "--warmup-hours", "0", "--calls-log", calls,
            "--quiet", "--format", "json"]
    rc1, kb1 = peak_kb(t, base + ["--days", "4"])
    size1 = os.path.getsize(calls)
    rc2, kb2 = peak_kb(t, base + ["--days", "40"])
    size2 = os.path.getsize(calls)
    t.check(rc1 == 0 and rc2 == 0, "exit codes %d, %d" % (rc1, rc2))
    t.check(size2 > 8 * size1, "the longer log is not longer")
    t.check(kb2 - kb1 < 2048, "peak memory grew from %d kB (4 days) to %d "
            "kB (40 days)" % (kb1, kb2))


def check_docs(t, calls, incidents):
    """docs/output.md lists the columns each log has, in order."""
    with open(t.path("docs", "output.md"), encoding="utf-8") as f:
        text = f.read()
    section = text[text.index("## Logs of a run"):]
    section = section[:section.index("\n## ")]
    tables = []
    for block in section.split("| column | meaning |")[1:]:
        rows = block.strip().splitlines()[1:]
        rows = rows[:next((i for i, r in enumerate(rows)
                           if not r.startswith("|")), len(rows))]
        tables.append([r.split("|")[1].strip().strip("`") for r in rows])
    t.check(tables == [list(calls[0].keys()), list(incidents[0].keys())],
            "docs/output.md's columns %s differ from the logs'" % tables)


def main():
    t = Ctx()
    with tempfile.TemporaryDirectory() as tmp:
        out1, calls1, inc1 = logged(t, tmp, "r1", ["--threads", "2"])
        out2, calls2, inc2 = logged(t, tmp, "r2", ["--log-replication", "2"])
        t.check(out1 == out2, "stdout depends on the logged replication")
        figures = json.loads(out1)
        t.check(not any(w.startswith("--") and "log" in w or
                        w.endswith(".csv") for w in figures["command"]),
                "the log options are in the JSON's command")
        check_counts(t, figures, [(calls1, inc1), (calls2, inc2)])
        for calls, inc in ((calls1, inc1), (calls2, inc2)):
            check_calls(t, calls)
            check_handlers(t, calls)
            check_incidents(t, calls, inc)
        t.check(any(c["outcome"] == "abandoned" for c in calls1) and
                any(c["redial"] == "1" for c in calls1) and
                any(c["counted"] == "0" for c in calls1) and
                any(i["preempted"] == "1" for i in inc1),
                "the fixture lacks abandons, redials, warm-up or preemption")
        check_march(t, calls1, inc1)
        check_docs(t, calls1, inc1)
        _, calls_oct, inc_oct = logged(t, tmp, "oct", [
            "--set", "run.start_date=2025-10-20"])
        check_october(t, calls_oct, inc_oct)
        check_same(t, tmp, out1)
        check_overflow(t, tmp)
        check_partial(t, tmp, calls2)
        check_errors(t, tmp)
        check_memory(t, tmp)
    t.finish()


if __name__ == "__main__":
    main()
