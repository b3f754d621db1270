"""Helpers of the HTML report's tests: the specs and tags of a page, and
the figures each chart must show, taken from the JSON result the page was
made from (docs/report.md lists each chart's data)."""
import html.parser
import json

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Page(html.parser.HTMLParser):
    """A page's elements: every start tag with its attributes, the specs
    (data-chart id -> parsed JSON), the text outside scripts and styles,
    and, in a rendered page, the marks drawn in each chart (chart id ->
    {mark kind: elements}) and the tick labels of each axis drawn
    ([(chart id, [label])])."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.specs, self.text, self.marks = [], {}, [], {}
        self.axes = []
        self.stack = []          # (tag, attrs) of the open elements
        self.script = None       # (data-chart id or None, [text])
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self.script = (a.get("data-chart"), [])
        self._count_mark(tag)
        if tag == "g" and "role-axis" in a.get("class", "").split():
            self.axes.append((self._chart(), []))
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._count_mark(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            chart, parts = self.script
            if chart is not None:
                self.specs[chart] = json.loads("".join(parts))
            self.script = None
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.script is not None:
            self.script[1].append(data)
        elif not any(t == "style" for t, _ in self.stack):
            self.text.append(data)
            if self.axes and len(self.stack) > 1 and \
                    self.stack[-1][0] == "text" and "role-axis-label" in \
                    self.stack[-2][1].get("class", "").split():
                self.axes[-1][1].append(data)

    def _chart(self):
        """The id of the chart the open element is in, or None."""
        return next((a.get("id") for t, a in reversed(self.stack)
                     if t == "div" and "vis" in a.get("class", "").split()),
                    None)

    def _count_mark(self, tag):
        """An element directly inside a Vega mark group, in a chart."""
        chart = self._chart()
        if chart is None or not self.stack:
            return
        ptag, pattrs = self.stack[-1]
        classes = pattrs.get("class", "").split()
        if ptag == "g" and "role-mark" in classes:
            kind = next(c[5:] for c in classes if c.startswith("mark-"))
            counts = self.marks.setdefault(chart, {})
            counts[kind] = counts.get(kind, 0) + 1


def figure(obj, key):
    """mean, ci_low, ci_high of a figure, as the spec rows name them."""
    f = obj[key]
    return {"mean": f["mean"], "ci_low": f["ci_low"], "ci_high": f["ci_high"]}


def verdict(obj):
    return obj["verdict"] if obj["verdict"] is not None else "no goal"


def expected_rows(result):
    """chart id -> the data rows its spec must hold."""
    rows = {"chart-verdicts": [], "chart-costs": []}
    for kind, key, fig in (("line", "lines", "service_level"),
                           ("grade", "grades", "attended_within_target"),
                           ("deferrable", "deferrable", "within_target")):
        for o in result.get(key, []):
            if o["verdict"] is not None and "per" in o:
                # judged day by day: the share of days met, on_at_least
                met = o["periods_met"]
                rows["chart-verdicts"].append(dict(
                    kind=kind, name=o["name"], mean=met["share"],
                    ci_low=met["ci_low"], ci_high=met["ci_high"],
                    goal=o["on_at_least"], verdict=o["verdict"]))
            elif o["verdict"] is not None:
                rows["chart-verdicts"].append(dict(
                    kind=kind, name=o["name"], goal=o["goal"],
                    verdict=o["verdict"], **figure(o, fig)))
    if result["grades"]:
        att = rows["chart-attendance"] = []
        for g, grade in enumerate(result["grades"]):
            if grade["target_s"] is None:
                continue
            places = [("force-wide", grade)] + [
                (a["name"], a["grades"][g]) for a in result["areas"]]
            for area, o in places:
                att.append(dict(area=area, grade=o["name"], goal=o["goal"],
                                verdict=verdict(o),
                                **figure(o, "attended_within_target")))
    for kind, key in (("pool", "pools"), ("role", "roles")):
        for s in result["costs"][key]:
            rows["chart-costs"].append(dict(kind=kind, name=s["name"],
                                            fte=s["fte"],
                                            annual_cost=s["annual_cost"]))
    if "intervals" in result:
        _hour_rows(result, rows)
    if "by_day" in result:
        _day_rows(result, rows)
    if result["grades"]:
        _response_rows(result, rows)
    if "wait_distribution" in result:
        _wait_rows(result, rows)
    return rows


def _response_rows(result, rows):
    """By hour a grade with a target and the areas' heat map (when the
    result has them), the attendance times of every grade and place, and
    the areas' abstractions."""
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    hours = result.get("by_hour")
    if hours is not None:
        for g, grade in enumerate(result["grades"]):
            if grade["target_s"] is None:
                continue
            rows["chart-rsp-hours-%d" % g] = [
                dict(hour_of_week=h, name=hr["grades"][g]["name"],
                     goal=grade["goal"],
                     **figure(hr["grades"][g], "attended_within_target"))
                for h, hr in enumerate(hours)]
        rows["chart-rsp-areas"] = [
            dict(area=hr["areas"][a]["name"], hour_of_week=h,
                 day=days[h // 24], hour=h % 24,
                 **figure(hr["areas"][a], "attended_within_target"))
            for a in range(len(result["areas"]))
            for h, hr in enumerate(hours)]
    times = rows["chart-attendance-times"] = []
    for g, grade in enumerate(result["grades"]):
        places = [("force-wide", grade)] + [
            (a["name"], a["grades"][g]) for a in result["areas"]]
        for area, o in places:
            for p in ("p50", "p90", "p95"):
                times.append(dict(grade=o["name"], area=area, percentile=p,
                                  target_s=o["target_s"],
                                  **figure(o, "attendance_%s_s" % p)))
    rows["chart-abstractions"] = [
        dict(area=a["name"], figure=name, **figure(a, key))
        for key, name in (("abstractions", "abstractions"),
                          ("abstraction_hours", "officer hours taken"))
        for a in result["areas"]]


def _bin_label(b):
    def num(x):
        return "%g" % x
    if b["to_s"] is None:
        return num(b["from_s"]) + "+ s"
    return "%s-%s s" % (num(b["from_s"]), num(b["to_s"]))


def _wait_rows(result, rows):
    """A bar a bin of each line's wait distribution."""
    rows["chart-waits"] = [
        dict(line=line["name"], bin=_bin_label(b), from_s=b["from_s"],
             **figure(b, "answered"))
        for line in result["wait_distribution"] for b in line["bins"]]


def _day_rows(result, rows):
    """A chart a line (service level) and a grade with a target
    (attended within target), a row a day, with the item's goal."""
    for key, kind, fig in (("lines", "line", "service_level"),
                           ("grades", "grade", "attended_within_target")):
        for i, top in enumerate(result[key]):
            if kind == "grade" and top["target_s"] is None:
                continue
            rows["chart-days-%s-%d" % (kind, i)] = [
                dict(day=d["day"], name=d[key][i]["name"], goal=top["goal"],
                     **figure(d[key][i], fig))
                for d in result["by_day"]]


def _hour_rows(result, rows):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    hours = rows["chart-hours"] = []
    for l in range(len(result["lines"])):
        rows["chart-heatmap-%d" % l] = []
    for h, hour in enumerate(result["intervals"]):
        for l, line in enumerate(hour["lines"]):
            rows["chart-heatmap-%d" % l].append(dict(
                line=line["name"], hour_of_week=h, day=days[h // 24],
                hour=h % 24, offered=line["offered"]["mean"],
                **figure(line, "service_level")))
            hours.append(dict(hour_of_week=h, figure="offered",
                              name=line["name"],
                              value=line["offered"]["mean"]))
        for pool in hour["pools"]:
            hours.append(dict(hour_of_week=h, figure="staff",
                              name=pool["name"],
                              value=pool["staff_on_duty"]["mean"]))


def chromium(ctx):
    """Debian's chromium, or the test fails here: the browser checks
    must not pass unseen on a machine without it."""
    import shutil
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        ctx.check(False, "chromium is not installed: the report's browser "
                  "test needs Debian's chromium (.ci/packages, README's "
                  "set-up)")
        ctx.finish()
    return path


def render(browser, tmp, page):
    """The page's DOM once its scripts ran, and the console lines."""
    import os
    import subprocess
    p = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu",
         "--no-first-run", "--disable-extensions", "--disable-sync",
         "--user-data-dir=" + os.path.join(tmp, "profile"),
         # no network: no name resolves, every proxy connection fails
         "--host-resolver-rules=MAP * ~NOTFOUND",
         "--proxy-server=127.0.0.1:9", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=20000", "--dump-dom",
         "file://" + os.path.abspath(page)],
        capture_output=True, text=True, timeout=120)
    console = [l for l in p.stderr.splitlines() if ":CONSOLE" in l]
    return p.returncode, p.stdout, console


def check_drawn(ctx, browser, tmp, name, page, result, rows_of, marks_of):
    """Opens page: no console line, every chart of rows_of(result) drawn,
    each with the marks marks_of(result, chart, rows) asks for. Returns
    the drawn Page."""
    rc, dom, console = render(browser, tmp, page)
    ctx.check(rc == 0, "%s: chromium exit %d" % (name, rc))
    ctx.check(console == [], "%s: console output:\n%s"
              % (name, "\n".join(console)))
    drawn = Page(dom)
    body = [a for t, a in drawn.tags if t == "body"]
    want = rows_of(result)
    ctx.check(body and body[0].get("data-charts-rendered") == str(len(want))
              and "data-charts-failed" not in body[0],
              "%s: charts drawn: %s, wanted %d" % (name, body, len(want)))
    for chart, labels in drawn.axes:
        ctx.check(len(set(labels)) == len(labels), "%s: %s: an axis has "
                  "two ticks that read the same: %s" % (name, chart, labels))
    ctx.check(len(drawn.axes) >= len(want), "%s: %d axes drawn for %d "
              "charts" % (name, len(drawn.axes), len(want)))
    for chart, rows in want.items():
        got = drawn.marks.get(chart, {})
        for kind, n in marks_of(result, chart, rows).items():
            ctx.check(got.get(kind, 0) == n, "%s: %s: %d %s marks, wanted "
                      "%d (all: %s)" % (name, chart, got.get(kind, 0), kind,
                                        n, got))
    return drawn
