"""What the charts of a back-test's report must hold, recomputed here from
the JSON the page was made from (docs/report.md lists each chart's data),
and the marks each must draw in a browser."""

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
FIGURES = ["offered", "service_level", "asa_s", "abandon_rate"]


def chart_rows(result):
    """{chart id: rows}: a chart a line and figure, a row an hour."""
    charts = {}
    for l, line in enumerate(result["lines"]):
        for fig in FIGURES:
            charts["chart-bt-%d-%s" % (l, fig)] = [
                {"hour": h["hour"],
                 "label": "%s %02d:00" % (DAYS[h["hour"] // 24],
                                          h["hour"] % 24),
                 "observed": h[fig]["observed"], "median": h[fig]["median"],
                 "pi_low": h[fig]["pi_low"], "pi_high": h[fig]["pi_high"],
                 "flag": h[fig]["flag"]}
                for h in line["hours"]]
    return charts


def chart_marks(result, chart, rows):
    """The band (an area), the median (a line), a symbol an hour compared."""
    return {"area": 1, "line": 1,
            "symbol": len([r for r in rows if r["flag"] is not None])}
