/* report_html_backtest.c: the page of a back-test (see
 * report_html_page.h, docs/report.md and docs/fit.md): the period and how
 * it was run, how many cells fell outside their band against how many a
 * scenario that describes the log would give, each line's whole period,
 * and, a line and figure a chart, the observed value of each hour of the
 * week against the simulated median and its 95% prediction band, the
 * hours outside it marked and listed. */
#include "results/report_html_page.h"

#include <math.h>
#include <string.h>

#include "results/report_backtest.h"
#include "results/result_read.h"

/* Flags with their colour and shape, so no mark relies on colour. */
#define BT_FLAG_DOMAIN "[\"inside\",\"below\",\"above\"]"
#define BT_FLAG_COLOR \
	"{\"field\":\"flag\",\"type\":\"nominal\",\"scale\":{\"domain\":" \
	BT_FLAG_DOMAIN ",\"range\":[\"#0072B2\",\"#D55E00\",\"#D55E00\"]}," \
	"\"title\":\"observed\"}"
#define BT_FLAG_SHAPE \
	"{\"field\":\"flag\",\"type\":\"nominal\",\"scale\":{\"domain\":" \
	BT_FLAG_DOMAIN ",\"range\":[\"circle\",\"triangle-down\"," \
	"\"triangle-up\"]},\"title\":\"observed\"}"

/* The axis format of each metric's values. */
static const char *const bt_formats[BACKTEST_METRICS] = {
	",.0f", ".0%", ".1f", ".1%"
};

static const char *const bt_titles[BACKTEST_METRICS] = {
	"calls offered", "service level", "ASA (s)", "abandon rate"
};

/* A cell's value, in the page's words: a count, a percentage, seconds. */
static void bt_value(FILE *f, double x, int m)
{
	if (m == BACKTEST_OFFERED && isfinite(x))
		fprintf(f, "%.0f", x);
	else if (m == BACKTEST_ASA && isfinite(x))
		fprintf(f, "%.1f s", x);
	else if (m != BACKTEST_SERVICE_LEVEL && m != BACKTEST_ABANDON_RATE)
		fputs("&ndash;", f);
	else
		report_html_pct(f, x);
}

/* arg: line * BACKTEST_METRICS + metric. A row an hour of the week with
 * the cell's figures as the JSON has them. */
static void bt_rows(struct emit_json *w, const json_t *root, size_t arg)
{
	const json_t *line = json_array_get(json_object_get(root, "lines"),
					    arg / BACKTEST_METRICS);
	const json_t *hours = json_object_get(line, "hours");
	const char *key = backtest_metric_names[arg % BACKTEST_METRICS];
	char label[16];

	for (size_t h = 0; h < json_array_size(hours); h++) {
		const json_t *c = json_object_get(json_array_get(hours, h), key);
		const char *flag = result_string(c, "flag");

		report_backtest_hour(h, label);
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_number(w, "hour", (double)h);
		emit_json_key_string(w, "label", label);
		emit_json_key_number(w, "observed", result_number(c, "observed"));
		emit_json_key_number(w, "median", result_number(c, "median"));
		emit_json_key_number(w, "pi_low", result_number(c, "pi_low"));
		emit_json_key_number(w, "pi_high", result_number(c, "pi_high"));
		emit_json_key_string_or_null(w, "flag", *flag ? flag : NULL);
		emit_json_close(w, '}');
	}
}

/* Observed against simulated by hour of the week: the band as an area,
 * the median as a line, each observed hour a mark by its flag. */
static void bt_spec(FILE *f, const json_t *root, size_t arg)
{
	int m = (int)(arg % BACKTEST_METRICS);

	fputs("{\"width\":720,\"height\":200,"
	      "\"config\":{\"legend\":{\"orient\":\"bottom\"}},"
	      "\"encoding\":{\"x\":{\"field\":\"hour\",\"type\":\"quantitative\","
	      "\"scale\":{\"domain\":[0,168],\"nice\":false},\"axis\":{"
	      "\"values\":[0,24,48,72,96,120,144],\"labelExpr\":\"['Mon','Tue',"
	      "'Wed','Thu','Fri','Sat','Sun'][floor(datum.value / 24)]\","
	      "\"labelAlign\":\"left\"},\"title\":\"hour of the week\"}},"
	      "\"layer\":[{\"mark\":{\"type\":\"area\",\"opacity\":0.3,"
	      "\"color\":\"#56B4E9\",\"interpolate\":\"step-after\"},"
	      "\"encoding\":{\"y\":{\"field\":\"pi_low\",\"type\":"
	      "\"quantitative\",\"axis\":{\"format\":", f);
	emit_json_string(f, bt_formats[m]);
	fputs("},\"title\":", f);
	emit_json_string(f, bt_titles[m]);
	fputs("},\"y2\":{\"field\":\"pi_high\"}}},{\"mark\":{\"type\":\"line\","
	      "\"color\":\"#0072B2\",\"strokeWidth\":1,\"interpolate\":"
	      "\"step-after\"},\"encoding\":{\"y\":{\"field\":\"median\","
	      "\"type\":\"quantitative\"}}},{\"transform\":[{\"filter\":"
	      "\"isValid(datum.flag)\"},{\"calculate\":\"datum.hour + 0.5\","
	      "\"as\":\"middle\"}],\"mark\":{\"type\":\"point\","
	      "\"filled\":true,\"size\":30},\"encoding\":{\"x\":{\"field\":"
	      "\"middle\",\"type\":\"quantitative\"},\"y\":{\"field\":"
	      "\"observed\",\"type\":\"quantitative\"},\"color\":" BT_FLAG_COLOR
	      ",\"shape\":" BT_FLAG_SHAPE ",\"tooltip\":[{\"field\":\"label\"},"
	      "{\"field\":\"observed\"},{\"field\":\"median\"},{\"field\":"
	      "\"pi_low\"},{\"field\":\"pi_high\"},{\"field\":\"flag\"}]}}]", f);
	report_html_data(f, bt_rows, root, arg);
}

/* The count of flags against what a describing scenario gives. */
static void bt_outside(FILE *f, const json_t *root)
{
	const json_t *s = json_object_get(root, "summary");
	double n = result_number(s, "cells_compared");
	double e = result_number(s, "expected_flagged");
	double sd = result_number(s, "expected_flagged_sd");

	report_html_dt(f, "outside the band");
	fprintf(f, "%.0f of %.0f cells (%.1f%%); a scenario that describes the "
		"log puts %.1f (%.1f%%) outside on average, 95%% of the time "
		"%.0f to %.0f</dd>\n", result_number(s, "cells_flagged"), n,
		n > 0 ? 100 * result_number(s, "cells_flagged") / n : 0.0, e,
		n > 0 ? 100 * e / n : 0.0, fmax(0, ceil(e - 1.96 * sd)),
		floor(e + 1.96 * sd));
}

/* The provenance and the count of flags, in words. */
static void bt_header(FILE *f, const json_t *root)
{
	const json_t *p = json_object_get(root, "period");

	fputs("<header>\n<h1>", f);
	report_html_escape(f, result_string(root, "scenario"));
	fputs(": back-test</h1>\n<dl>\n", f);
	report_html_dt(f, "scenario");
	report_html_escape(f, result_string(root, "scenario_path"));
	fputs("</dd>\n", f);
	report_html_dt(f, "calls log");
	report_html_escape(f, result_string(root, "calls_log"));
	fputs("</dd>\n", f);
	report_html_dt(f, "period (local time)");
	report_html_escape(f, result_string(p, "from"));
	fputs(" to ", f);
	report_html_escape(f, result_string(p, "to"));
	fprintf(f, ", %.2f days, %.0f calls</dd>\n", result_number(p, "days"),
		result_number(p, "calls"));
	report_html_dt(f, "run");
	fputs("from Monday ", f);
	report_html_escape(f, result_string(p, "start_date"));
	fprintf(f, ", warm-up %.0f h, %.0f replications</dd>\n",
		result_number(p, "warmup_hours"),
		result_number(root, "replications"));
	bt_outside(f, root);
	report_html_dt(f, "command");
	report_html_command(f, root);
	fputs("</dd>\n", f);
	report_html_dt(f, "callsim version");
	report_html_escape(f, result_string(root, "callsim_version"));
	fputs("</dd>\n</dl>\n</header>\n", f);
}

/* A row of a table: what, observed, median, band, flag. */
static void bt_row(FILE *f, const char *what, const json_t *c, int m)
{
	const char *flag = result_string(c, "flag");

	fputs("<tr><th scope=\"row\">", f);
	report_html_escape(f, what);
	fputs("</th><td>", f);
	bt_value(f, result_number(c, "observed"), m);
	fputs("</td><td>", f);
	bt_value(f, result_number(c, "median"), m);
	fputs("</td><td>", f);
	bt_value(f, result_number(c, "pi_low"), m);
	fputs(" &ndash; ", f);
	bt_value(f, result_number(c, "pi_high"), m);
	fprintf(f, "</td><td%s>%s</td></tr>\n", strcmp(flag, "below") == 0
		|| strcmp(flag, "above") == 0 ? " class=\"v-missed\"" : "",
		*flag ? flag : "not compared");
}

static void bt_table_head(FILE *f, const char *first)
{
	fprintf(f, "<table>\n<thead><tr><th scope=\"col\">%s</th><th "
		"scope=\"col\">observed</th><th scope=\"col\">simulated "
		"(median)</th><th scope=\"col\">95%% prediction band</th><th "
		"scope=\"col\">observed is</th></tr></thead>\n<tbody>\n", first);
}

/* The hours of the week of a line outside their band, every figure. */
static void bt_flagged(FILE *f, const json_t *line)
{
	const json_t *hours = json_object_get(line, "hours");
	char what[64], label[16];
	size_t n = 0;

	for (size_t h = 0; h < json_array_size(hours); h++)
		for (int m = 0; m < BACKTEST_METRICS; m++) {
			const json_t *c = json_object_get(json_array_get(hours, h),
							  backtest_metric_names[m]);
			const char *flag = result_string(c, "flag");

			if (strcmp(flag, "below") != 0 && strcmp(flag, "above") != 0)
				continue;
			if (n++ == 0)
				bt_table_head(f, "hour of the week, figure");
			report_backtest_hour(h, label);
			snprintf(what, sizeof what, "%s, %s", label,
				 backtest_metric_labels[m]);
			bt_row(f, what, c, m);
		}
	if (n > 0)
		fputs("</tbody>\n</table>\n", f);
	else
		fputs("<p>No hour of the week outside its band.</p>\n", f);
}

/* Every hour of the week of a line: each figure observed and its band. */
static void bt_hours(FILE *f, const json_t *line)
{
	const json_t *hours = json_object_get(line, "hours");
	char label[16];

	fputs("<details>\n<summary>Every hour of the week</summary>\n<table>\n"
	      "<thead><tr><th scope=\"col\">hour</th>", f);
	for (int m = 0; m < BACKTEST_METRICS; m++)
		fprintf(f, "<th scope=\"col\">%s observed</th><th scope=\"col\">"
			"band</th>", backtest_metric_labels[m]);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t h = 0; h < json_array_size(hours); h++) {
		report_backtest_hour(h, label);
		fprintf(f, "<tr><th scope=\"row\">%s</th>", label);
		for (int m = 0; m < BACKTEST_METRICS; m++) {
			const json_t *c = json_object_get(json_array_get(hours, h),
							  backtest_metric_names[m]);
			const char *flag = result_string(c, "flag");

			fprintf(f, "<td%s>", strcmp(flag, "below") == 0
				|| strcmp(flag, "above") == 0
				? " class=\"v-missed\"" : "");
			bt_value(f, result_number(c, "observed"), m);
			fputs("</td><td>", f);
			bt_value(f, result_number(c, "pi_low"), m);
			fputs(" &ndash; ", f);
			bt_value(f, result_number(c, "pi_high"), m);
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</details>\n", f);
}

/* A line: its whole period, a chart a figure, its hours outside. */
static void bt_line(FILE *f, const json_t *root, size_t l)
{
	const json_t *line = json_array_get(json_object_get(root, "lines"), l);
	const json_t *period = json_object_get(line, "period");
	char id[64];

	fputs("<section>\n<h2>Line ", f);
	report_html_escape(f, result_string(line, "name"));
	fputs("</h2>\n<h3>The whole period</h3>\n", f);
	bt_table_head(f, "figure");
	for (int m = 0; m < BACKTEST_METRICS; m++)
		bt_row(f, backtest_metric_labels[m],
		       json_object_get(period, backtest_metric_names[m]), m);
	fputs("</tbody>\n</table>\n", f);
	for (int m = 0; m < BACKTEST_METRICS; m++) {
		fprintf(f, "<h3>%s by hour of the week</h3>\n",
			backtest_metric_labels[m]);
		snprintf(id, sizeof id, "chart-bt-%zu-%s", l,
			 backtest_metric_names[m]);
		report_html_chart(f, id, "Each hour of the week over the period: "
				  "the observed value (mark: a circle inside "
				  "the band, a triangle below or above it), "
				  "the median of the single replications "
				  "(line) and their 95% prediction band "
				  "(shaded).", bt_spec, root,
				  l * BACKTEST_METRICS + (size_t)m);
	}
	fputs("<h3>Hours of the week outside their band</h3>\n", f);
	bt_flagged(f, line);
	bt_hours(f, line);
	fputs("</section>\n", f);
}

void report_html_backtest(FILE *f, const json_t *root)
{
	char title[400];

	snprintf(title, sizeof title, "%s back-test",
		 result_string(root, "scenario"));
	report_html_head(f, title);
	bt_header(f, root);
	for (size_t l = 0; l < json_array_size(json_object_get(root, "lines"));
	     l++)
		bt_line(f, root, l);
	report_html_foot(f);
}
