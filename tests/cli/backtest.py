"""callsim backtest: a log simulated from the bundled scenario, set against
the same scenario (another seed), is inside its prediction bands as often
as a 95% band should be (a binomial band derived below); against the
scenario with 30% more calls its offered calls are flagged wherever the
counts have the power to show it; the observed figures are those of the
log, computed here apart; the period is laid out on Mondays whatever day
the log starts; bad logs and bad options exit 2."""
import csv
import io
import json
import math
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import Ctx  # noqa: E402

ctx = Ctx()
tmp = tempfile.mkdtemp(prefix="callsim-backtest-")
scenario = ctx.path("scenarios", "west-midlands-2024.yaml")
log = os.path.join(tmp, "calls.csv")
ctx.expect_rc(["run", scenario, "--replications", "2", "--days", "14",
               "--seed", "77", "--calls-log", log], 0)
with open(log, encoding="utf-8") as f:
    ROWS = list(csv.reader(f))
HEAD, DATA = ROWS[0], ROWS[1:]
COL = {name: i for i, name in enumerate(HEAD)}
Z999 = 3.2905   # two-sided 99.9% normal quantile


def backtest(path, *extra):
    args = ["backtest", scenario, path, "--format", "json"] + list(extra)
    rc, out, err = ctx.run(*args, timeout=600)
    ctx.check(rc == 0, "callsim %s: exit %d: %s" % (" ".join(args), rc, err))
    return json.loads(out) if out else None


def write(rows, name):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return path


# --- the log's own figures, computed here from its rows -----------------
def observed(doc, rows):
    """{(line, hour or 'all'): [offered, in target, answered, wait sum,
    abandoned]} of the counted rows, hours from the run's Monday."""
    from datetime import datetime, timedelta, timezone
    start = datetime.fromisoformat(doc["period"]["start_date"])
    target = {ln["name"]: ln["target_s"] for ln in doc["lines"]}
    cells = {}
    for r in rows:
        if r[COL["counted"]] == "0":
            continue
        t = datetime.fromisoformat(r[COL["arrived"]])
        # time 0 is 00:00 local (UTC+1 in April) on the start date
        origin = start.replace(tzinfo=timezone(timedelta(hours=1)))
        h = int((t - origin).total_seconds() // 3600) % 168
        wait = float(r[COL["wait_s"]])
        for key in ((r[COL["line"]], h), (r[COL["line"]], "all")):
            c = cells.setdefault(key, [0, 0, 0, 0.0, 0])
            c[0] += 1
            if r[COL["outcome"]] == "answered":
                c[1] += wait <= target[key[0]]
                c[2] += 1
                c[3] += wait
            elif r[COL["outcome"]] == "abandoned":
                c[4] += 1
    return cells


def values(c):
    off, within, ans, wait, ab = c
    return {"offered": off, "service_level": within / off if off else None,
            "asa_s": wait / ans if ans else None,
            "abandon_rate": ab / off if off else None}


def cells_of(doc):
    """(line, hour or 'all', figure, cell) of every cell of doc."""
    for ln in doc["lines"]:
        for fig, cell in ln["period"].items():
            yield ln["name"], "all", fig, cell
        for h in ln["hours"]:
            for fig, cell in h.items():
                if fig != "hour":
                    yield ln["name"], h["hour"], fig, cell


same = backtest(log)
counted = [r for r in DATA if r[COL["counted"]] == "1"]
ctx.check(same["schema"] == "callsim.backtest"
          and same["schema_version"] == 1, "schema: %s" % same["schema"])
p = same["period"]
ctx.check(p["start_date"] == "2024-04-01" and p["warmup_hours"] == 24
          and p["days"] == 14 and p["calls"] == len(counted),
          "period: %s (log: %d counted calls)" % (p, len(counted)))
ctx.check(same["replications"] == 39 and same["seed"] == 2025,
          "replications %s, seed %s" % (same["replications"], same["seed"]))

want = observed(same, DATA)
for line, hour, fig, cell in cells_of(same):
    w = values(want.get((line, hour), [0, 0, 0, 0.0, 0]))[fig]
    got = cell["observed"]
    ok = (w is None and got is None) or (
        w is not None and got is not None
        and abs(got - w) <= 1e-9 * max(1, abs(w)) + (5e-4 if fig == "asa_s"
                                                     else 0))
    if not ctx.check(ok, "observed %s %s %s: %r, the log says %r"
                     % (line, hour, fig, got, w)):
        break

# Bands: ordered, with the flag saying where the observed value lies.
for line, hour, fig, cell in cells_of(same):
    lo, med, hi, obs = (cell[k] for k in ("pi_low", "median", "pi_high",
                                          "observed"))
    if cell["flag"] is None:
        continue
    want_flag = "below" if obs < lo else "above" if obs > hi else "inside"
    if not ctx.check(lo <= med <= hi and cell["flag"] == want_flag
                     and cell["replications"] >= 39,
                     "%s %s %s: %s" % (line, hour, fig, cell)):
        break


# A flagged value reads apart from the end of the band it lies beyond:
# the table gives the row more decimals where one would print them equal
# (an abandon rate of 0.474% above a band ending at 0.467% is not "0.5%
# above 0.0% - 0.5%").
rc, table, err = ctx.run("backtest", scenario, log, timeout=600)
VALUE = r"(-|[\d.]+%|[\d.]+ s|\d+)"
ROW = re.compile(r"^  (.{24}) +%s +%s +%s - %s +(above|below)$"
                 % ((VALUE,) * 4), re.M)
rows = ROW.findall(table)
ctx.check(rc == 0 and len(rows) >= 10, "backtest table: %d flagged rows, "
          "exit %d: %s" % (len(rows), rc, err))
for head, obs, med, lo, hi, flag in rows:
    edge = lo if flag == "below" else hi
    ctx.check(obs != edge, "%s: observed %s reads as the band's end %s, "
              "yet flagged %s" % (head.strip(), obs, edge, flag))
ctx.check(any(len(o.split()[0].rstrip("%").partition(".")[2]) > 1
              for _, o, _, _, _, _ in rows),
          "no row needed more decimals: the check above tested nothing")


# --- flags at the rate of a 95% band ------------------------------------
def binomial_band(n, p, tail=0.0005):
    """The smallest a and largest b with P(X < a) <= tail and P(X > b) <=
    tail, X ~ Binomial(n, p)."""
    pmf = [math.comb(n, k) * p ** k * (1 - p) ** (n - k) for k in range(n + 1)]
    cdf, a = 0.0, 0
    while cdf + pmf[a] <= tail:
        cdf += pmf[a]
        a += 1
    sf, b = 0.0, n
    while sf + pmf[b] <= tail:
        sf += pmf[b]
        b -= 1
    return a, b


# Offered calls in an hour of the week with 50 or more: counts of
# independent hours (Poisson arrivals, no shared day factor in the
# scenario), nearly continuous, so each falls outside the band of 39
# replications (the 1st smallest to the 1st largest) with probability
# 2/40 = 5%: their flags are Binomial(n, 0.05), within its 99.9% band.
off = [c for _, h, f, c in cells_of(same)
       if f == "offered" and h != "all" and c["flag"] is not None
       and c["median"] >= 50]
n_flag = sum(c["flag"] != "inside" for c in off)
a, b = binomial_band(len(off), 2 / 40)
ctx.check(len(off) >= 200 and a <= n_flag <= b,
          "offered: %d of %d hours flagged; a 95%% band flags %d to %d "
          "(99.9%% of the time)" % (n_flag, len(off), a, b))


def unique_extreme(lam, m):
    """P(the largest of m Poisson(lam) counts is held by one alone): m
    sum_k p(k) F(k-1)^(m-1). By symmetry about the mean, for counts of 50
    and more, the same for the smallest."""
    p, cdf, total = math.exp(-lam), 0.0, 0.0
    for k in range(int(lam + 12 * math.sqrt(lam)) + 1):
        if k > 0:
            p *= lam / k
        total += m * p * cdf ** (m - 1)
        cdf += p
    return total


# Their chance of a flag, as the program estimates it, is (number of
# replications alone beyond the others) / (R + 1): 2/40 but for ties, a
# replication tied at the extreme not being beyond the rest. For Poisson
# counts at each cell's median the chance that the extreme is held alone
# is u, so p_flag is 0, 1/40 or 2/40 with mean 2u/40 and variance
# 2u(1-u)/40^2 (the two ends taken apart); the mean over the cells must lie
# within 3.3 sd of the sum (99.9%).
m = off[0]["replications"]
us = [unique_extreme(c["median"], m) for c in off]
want = sum(2 * u / (m + 1) for u in us) / len(off)
sd = math.sqrt(sum(2 * u * (1 - u) for u in us)) / (m + 1) / len(off)
p_mean = sum(c["p_flag"] for c in off) / len(off)
ctx.check(abs(p_mean - want) <= 3.3 * sd and p_mean <= 2 / (m + 1) + 1e-12,
          "offered: mean chance of a flag %.4f, wanted %.4f +/- %.4f "
          "(ties at the extremes of Poisson counts)" % (p_mean, want, 3.3 * sd))

# Every cell: the count flagged within the spread of the replications'
# own counts (each set against the others), at 99.9%.
s = same["summary"]
ctx.check(s["level"] == 0.95, "level %s" % s["level"])
ctx.check(abs(s["cells_flagged"] - s["expected_flagged"])
          <= Z999 * s["expected_flagged_sd"] * math.sqrt(1 + 1 / 39),
          "flagged %d of %d, expected %.1f (sd %.1f)"
          % (s["cells_flagged"], s["cells_compared"], s["expected_flagged"],
             s["expected_flagged_sd"]))
ctx.check(s["cells_flagged"] == sum(c["flag"] in ("below", "above")
                                    for *_, c in cells_of(same))
          and s["cells_compared"] == sum(c["flag"] is not None
                                         for *_, c in cells_of(same)),
          "summary counts: %s" % s)
ctx.check(s["expected_flagged"] <= 2 / 40 * s["cells_compared"],
          "expected %.1f of %d: more than 5%%" % (s["expected_flagged"],
                                                  s["cells_compared"]))


# --- 30% more calls: offered flagged below wherever it can be ----------
def per_day(line):
    """The line's calls a day, as `callsim check` normalises them."""
    out, _ = ctx.expect_rc(["check", scenario], 0)
    block = out.split('- name: "%s"' % line)[1]
    return float(block.split("per_day:")[1].split("}")[0])


more = []
for line in ("999", "101"):
    more += ["--set", "lines.%s.volume.per_year=%.17g"
             % (line, 1.3 * 365 * per_day(line))]
busy = backtest(log, *more)
for ln in busy["lines"]:
    ctx.check(ln["period"]["offered"]["flag"] == "below",
              "30%% more: line %s offered %s" % (ln["name"],
                                                 ln["period"]["offered"]))


def poisson_cdf_below(lo, mu):
    """P(X < lo), X ~ Poisson(mu)."""
    term, total = math.exp(-mu), 0.0
    for k in range(int(math.ceil(lo))):
        total += term
        term *= mu / (k + 1)
    return total


# Each hour's observed count is about Poisson(median / 1.3): it is
# flagged below with probability P(X < pi_low); the count flagged must
# reach the sum of those less 3.29 sd (99.9%).
hours = [c for _, h, f, c in cells_of(busy) if f == "offered" and h != "all"
         and c["flag"] is not None]
power = [poisson_cdf_below(c["pi_low"], c["median"] / 1.3) for c in hours]
e_pow = sum(power)
sd_pow = math.sqrt(sum(q * (1 - q) for q in power))
n_below = sum(c["flag"] == "below" for c in hours)
ctx.check(n_below >= e_pow - Z999 * sd_pow and n_below >= 0.7 * len(hours),
          "30%% more: %d of %d hours flagged below; their power says %.1f"
          % (n_below, len(hours), e_pow))
ctx.check(not any(c["flag"] == "above" for c in hours),
          "30% more: an hour's offered flagged above")

# --- CSV and table say what the JSON says -------------------------------
_, out, _ = ctx.run("backtest", scenario, log, "--format", "csv",
                   timeout=600)
rows = list(csv.DictReader(io.StringIO(out)))
by_key = {(r["line"], r["hour"], r["figure"]): r for r in rows}
ctx.check(len(rows) == 2 * 169 * 4, "csv rows: %d" % len(rows))
for line, hour, fig, cell in cells_of(same):
    r = by_key[(line, str(hour), fig)]
    got = (float(r["observed"]) if r["observed"] else None,
           r["flag"] or None)
    if not ctx.check(got == (cell["observed"], cell["flag"]),
                     "csv %s %s %s: %s, json %s" % (line, hour, fig, r,
                                                    cell)):
        break
_, out, _ = ctx.run("backtest", scenario, log, timeout=600)
ctx.check("flagged: %d of %d cells compared" % (s["cells_flagged"],
                                                s["cells_compared"]) in out,
          "table: %s" % out[-400:])
# Rows without a flag are not padded: no line ends in a space.
ends = [line for line in out.split("\n") if line.endswith(" ")]
ctx.check(not ends and "inside" not in out,
          "table: %d line(s) end in a space: %r" % (len(ends), ends[:3]))
ctx.check(any(line.endswith((" above", " below")) for line in out.split("\n")),
          "table: no flagged row to check against: %s" % out[-400:])

# --- the report: each chart's data is the JSON's figures -----------------
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_support import Page  # noqa: E402
from backtest_support import chart_rows  # noqa: E402

page = os.path.join(tmp, "bt.html")
_, out, _ = ctx.run("backtest", scenario, log, "--format", "json",
                   "--report", page, timeout=600)
saved = os.path.join(tmp, "bt.json")
with open(saved, "w", encoding="utf-8") as f:
    f.write(out)
doc = json.loads(out)
with open(page, encoding="utf-8") as f:
    html = f.read()
drawn = Page(html)
want = chart_rows(doc)
ctx.check(sorted(drawn.specs) == sorted(want) and len(want) == 8,
          "charts %s, wanted %s" % (sorted(drawn.specs), sorted(want)))
for chart, rows in want.items():
    got = drawn.specs.get(chart, {}).get("data", {}).get("values")
    ctx.check(got == rows, "%s: data differ from the JSON:\ngot  %s\nwant %s"
              % (chart, json.dumps(got)[:300], json.dumps(rows)[:300]))
ctx.check(doc["command"][:2] == ["callsim", "backtest"]
          and "--report" in doc["command"], "command: %s" % doc["command"])
again = os.path.join(tmp, "again.html")
ctx.expect_rc(["report", saved, "--out", again], 0)
with open(again, encoding="utf-8") as f:
    ctx.check(f.read() == html, "report of the saved JSON differs from "
              "--report")
text = " ".join(drawn.text)
ctx.check("%d of %d cells" % (doc["summary"]["cells_flagged"],
                              doc["summary"]["cells_compared"]) in text,
          "the page does not give the count of flags")
# A saved back-test that is not whole is refused.
doc["lines"][0]["hours"].pop()
bad = os.path.join(tmp, "short.json")
with open(bad, "w", encoding="utf-8") as f:
    json.dump(doc, f)
_, err = ctx.expect_rc(["report", bad, "--out", again], 2)
ctx.check("lines[0].hours: must hold 168 hours, holds 167" in err, err)
doc["lines"][0]["hours"].append(dict(doc["lines"][0]["hours"][0]))
doc["lines"][0]["hours"][-1]["offered"] = dict(
    doc["lines"][0]["hours"][0]["offered"], flag="maybe")
with open(bad, "w", encoding="utf-8") as f:
    json.dump(doc, f)
_, err = ctx.expect_rc(["report", bad, "--out", again], 2)
ctx.check("lines[0].hours[167].hour: must be 167" in err
          and "lines[0].hours[167].offered.flag: must be inside, below, "
          "above or null" in err, err)

# --- a log that does not start on a Monday, or starts too soon ----------
def starting(day, name, days=3):
    """The log's counted rows that arrived in `days` days from 00:00 on
    day (rows are in the order calls ended, not arrived)."""
    from datetime import date, timedelta
    end = (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    keep = [r for r in counted if day <= r[COL["arrived"]][:10] < end]
    return write([HEAD] + keep, name), len(keep)


wed, n_wed = starting("2024-04-03", "wed.csv")
doc = backtest(wed)
ctx.check(doc["period"]["start_date"] == "2024-04-01"
          and doc["period"]["warmup_hours"] == 48
          and doc["period"]["calls"] == n_wed
          and doc["period"]["from"] == "2024-04-03T00:00",
          "a log from a Wednesday: %s" % doc["period"])
# From 00:00 on the Monday itself, a warm-up of 24 h needs the Monday a
# week before: no row is left out.
mon, n_mon = starting("2024-04-08", "mon.csv")
doc = backtest(mon)
ctx.check(doc["period"]["start_date"] == "2024-04-01"
          and doc["period"]["warmup_hours"] == 168
          and doc["period"]["calls"] == n_mon,
          "a log from a Monday: %s" % doc["period"])
# Two weeks back, across the clock change of 31 March: 335 hours elapse,
# and the run's warm-up, read on the local clock, is 336 hours.
doc = backtest(mon, "--set", "run.warmup_hours=200")
ctx.check(doc["period"]["start_date"] == "2024-03-25"
          and doc["period"]["warmup_hours"] == 336
          and doc["period"]["calls"] == n_mon,
          "a log from a Monday, warm-up 200 h: %s" % doc["period"])

# A log that a run of the scenario's own seed wrote is one of the
# back-test's replications: said, since it is then never outside.
own = os.path.join(tmp, "own.csv")
ctx.expect_rc(["run", scenario, "--replications", "2", "--days", "2",
               "--calls-log", own], 0)
_, err = ctx.expect_rc(["backtest", scenario, own], 0)
ctx.check("warning: replication 1 is the log itself" in err, err)
_, err = ctx.expect_rc(["backtest", scenario, own, "--seed", "8"], 0)
ctx.check("warning" not in err, err)

# Columns of an export, through --map, give the same figures.
renamed = [["Call Ref" if h == "call_id" else "Offered At" if h == "arrived"
            else h for h in HEAD]] + counted
exp = write(renamed, "export.csv")
a, _ = ctx.expect_rc(["backtest", scenario, wed, "--format", "csv"], 0)
wed_rows = [r for r in csv.reader(open(wed, encoding="utf-8"))]
exp = write([renamed[0]] + wed_rows[1:], "export.csv")
b, _ = ctx.expect_rc(["backtest", scenario, exp, "--format", "csv",
                      "--map", "Offered At=arrived",
                      "--map", "Call Ref=call_id"], 0)
ctx.check(a == b and a, "--map: the export's back-test differs")

# --- bad logs and options: exit 2 ----------------------------------------
def expect_bad(args, words):
    out, err = ctx.expect_rc(["backtest"] + args, 2)
    ctx.check(all(w in err for w in words) and out == "",
              "backtest %s: wanted %s in\n%s" % (args, words, err))


bad = [HEAD] + counted[:200]
bad[5] = list(bad[5])
bad[5][COL["wait_s"]] = "-3"
path = write(bad, "negative.csv")
expect_bad([scenario, path], ["%s:6:" % path, "wait_s", "negative duration",
                              "nothing compared"])
twice = [HEAD] + counted[:200] + [counted[100]]
path = write(twice, "twice.csv")
expect_bad([scenario, path], ["%s:202:" % path, "call_id", "is already on "
                              "line 102"])
gap = [HEAD] + [r for r in counted if r[COL["arrived"]][:10] != "2024-04-05"]
path = write(gap, "gap.csv")
expect_bad([scenario, path], [path, "a gap in the data"])
other = [HEAD] + [[("112" if i == COL["line"] else v) for i, v in
                   enumerate(r)] for r in counted[:200]]
path = write(other, "other_line.csv")
expect_bad([scenario, path], ["line '112' of the log is not a line of the "
                              "scenario"])
path = write([["when", "what"], ["2024-04-01T00:00:00", "x"]], "nohead.csv")
expect_bad([scenario, path], ["no column for 'arrived'"])
expect_bad([scenario, os.path.join(tmp, "missing.csv")], ["missing.csv"])
expect_bad([scenario, wed, "--replications", "10"], ["--replications",
                                                     "from 39"])
expect_bad([scenario], ["give a scenario and a call log"])
expect_bad([scenario, wed, "--map", "x=nonsense"], ["--map x=nonsense"])
expect_bad([scenario, wed, "--set", "run.seed=-1"], ["run.seed"])

ctx.finish()
