/* report_html.c: the run report page (see report_html.h). The page is
 * written top to bottom: head (policy, styles), provenance, one section a
 * chart with its table, the licences, and last the scripts, which draw
 * the charts once the page above them exists. */
#include "results/report_html.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "results/emit.h"
#include "results/report_assets.h"
#include "results/report_html_page.h"
#include "results/report_html_response.h"
#include "results/report_html_spec.h"
#include "results/report_html_waits.h"

/* The page's styles: the chart palette's text colours, tables that read
 * on screen and on A4, long tables scrolled on screen and printed whole.
 * A table's figures keep to a line and its first column's labels wrap,
 * so that a comparison's agreements fit a laptop's screen; in print its
 * text is smaller too, so that it fits the width of the paper, and a wide
 * one (report_html_table_open) prints on landscape pages, every cell free
 * to wrap. A
 * heading stays with what follows it; a section may start on the page
 * before its chart, not leave that page blank; a chart taller than a page
 * (the attendance times of every grade and area) is scaled to fit one. */
static const char html_style[] =
	"body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;"
	"padding:0 1em;color:#1a1a1a;line-height:1.4}\n"
	"h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.8em;"
	"border-bottom:1px solid #ccc}h3{margin-bottom:.3em}\n"
	"table{border-collapse:collapse;margin:.6em 0;font-size:.9em}\n"
	"th,td{border:1px solid #ccc;padding:.2em .5em;text-align:right}\n"
	"td{white-space:nowrap}td:first-child{white-space:normal}\n"
	"th:first-child,td:first-child{text-align:left}\n"
	"thead th{background:#f0f0f0}\n"
	"figure{margin:1em 0}figcaption{font-size:.9em;color:#444}\n"
	"dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}\n"
	"dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}\n"
	".scroll{max-height:24em;overflow:auto}\n"
	".v-met{color:#0072B2}.v-missed{color:#D55E00}.v-uncertain{color:#505050}\n"
	".v-met,.v-missed,.v-uncertain{font-weight:bold}\n"
	"table.hm td{padding:.1em .25em;font-size:.8em}\n"
	"pre{white-space:pre-wrap;font-size:.75em}\n"
	"@media print{@page{size:A4;margin:15mm}body{margin:0;max-width:none;"
	"font-size:10pt}.scroll{max-height:none;overflow:visible}"
	"h2,h3{break-after:avoid-page}figure,table{break-inside:avoid}"
	"table{font-size:.8em}th,td{padding:.1em .3em}"
	"table.wide td{white-space:normal}"
	"@page wide{size:A4 landscape}table.wide{page:wide}"
	".vis svg{max-height:230mm;width:auto;height:auto}"
	"details.licences{display:none}}\n";

void report_html_table_open(FILE *f, size_t n_columns)
{
	fputs(n_columns > REPORT_HTML_PORTRAIT_COLUMNS
	      ? "<div class=\"scroll\"><table class=\"wide\">\n"
	      : "<div class=\"scroll\"><table>\n", f);
}

void report_html_escape(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f);
		}
	}
}

/* A fraction as a percentage with one decimal, or a dash. */
static void html_pct(FILE *f, double x)
{
	if (isfinite(x))
		fprintf(f, "%.1f%%", 100 * x);
	else
		fputs("&ndash;", f);
}

static void html_count(FILE *f, double x)
{
	if (isfinite(x))
		fprintf(f, "%.1f", x);
	else
		fputs("&ndash;", f);
}

/* A whole amount with thousands separators: 4,576,000. */
static void html_money(FILE *f, double x)
{
	char digits[64];
	size_t n, lead;

	if (!isfinite(x) || fabs(x) >= 1e18) {
		fputs("&ndash;", f);
		return;
	}
	snprintf(digits, sizeof digits, "%.0f", fabs(x));
	n = strlen(digits);
	lead = n % 3 ? n % 3 : 3;
	if (x <= -0.5)
		fputc('-', f);
	fwrite(digits, 1, lead, f);
	for (size_t i = lead; i < n; i += 3)
		fprintf(f, ",%.3s", digits + i);
}

/* "[95.9%, 96.2%]" of figure key of obj. */
static void html_interval(FILE *f, const json_t *obj, const char *key)
{
	fputc('[', f);
	html_pct(f, result_figure(obj, key, "ci_low"));
	fputs(", ", f);
	html_pct(f, result_figure(obj, key, "ci_high"));
	fputc(']', f);
}

/* The verdict in words, with the symbol of its mark on the charts. */
static void html_verdict(FILE *f, const char *v)
{
	const char *sym = strcmp(v, "met") == 0 ? "&#9679;"
		: strcmp(v, "missed") == 0 ? "&#10006;"
		: strcmp(v, "uncertain") == 0 ? "&#9670;" : "";

	if (*sym)
		fprintf(f, "<td class=\"v-%s\">%s %s</td>", v, sym, v);
	else
		fprintf(f, "<td>%s</td>", v);
}

/* A word of the command line as a shell would need it: bare when it is
 * plain, else in single quotes. */
static void html_shell_word(FILE *f, const char *s)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM"
		"NOPQRSTUVWXYZ0123456789_./=:,+-%@";

	if (*s && strspn(s, plain) == strlen(s)) {
		report_html_escape(f, s);
		return;
	}
	fputc('\'', f);
	for (; *s; s++) {
		char one[2] = { *s, 0 };

		report_html_escape(f, *s == '\'' ? "'\\''" : one);
	}
	fputc('\'', f);
}

static void html_command(FILE *f, const json_t *root)
{
	const json_t *cmd = json_object_get(root, "command");

	if (!json_is_array(cmd)) {
		fputs("not recorded", f);
		return;
	}
	fputs("<code>", f);
	for (size_t i = 0; i < json_array_size(cmd); i++) {
		if (i > 0)
			fputc(' ', f);
		html_shell_word(f, json_string_value(json_array_get(cmd, i)));
	}
	fputs("</code>", f);
}

static void html_head_titled(FILE *f, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; script-src ", f);
	fputs(report_assets_csp, f);
	fputs("; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
	      "form-action 'none'\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n<title>callsim report: ", f);
	report_html_escape(f, title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		html_style);
}

static void html_head(FILE *f, const json_t *root)
{
	html_head_titled(f, result_string(root, "scenario"));
}

/* "<dt>term</dt><dd>": the caller writes the value and html_dd_end. */
static void html_dt(FILE *f, const char *term)
{
	fprintf(f, "<dt>%s</dt><dd>", term);
}

static void html_dd_end(FILE *f)
{
	fputs("</dd>\n", f);
}

/* A text member of root as a provenance row. */
static void html_dt_text(FILE *f, const char *term, const json_t *root,
			 const char *key)
{
	html_dt(f, term);
	report_html_escape(f, result_string(root, key));
	html_dd_end(f);
}

static void html_provenance(FILE *f, const json_t *root)
{
	double days = result_number(root, "days");

	fputs("<header>\n<h1>", f);
	report_html_escape(f, result_string(root, "scenario"));
	fputs("</h1>\n<p>A callsim run: every figure is a mean over "
	      "replications with its 95% confidence interval.</p>\n<dl>\n", f);
	html_dt_text(f, "scenario", root, "scenario");
	html_dt_text(f, "content fingerprint (FNV-1a)", root, "content_fnv1a");
	html_dt(f, "seed");
	fprintf(f, "%lld", (long long)json_integer_value(
			json_object_get(root, "seed")));
	html_dd_end(f);
	html_dt(f, "replications");
	fprintf(f, "%g", result_number(root, "replications"));
	html_dd_end(f);
	html_dt(f, "horizon");
	fprintf(f, "%g day%s counted, after a %g h warm-up", days,
		days == 1.0 ? "" : "s", result_number(root, "warmup_hours"));
	html_dd_end(f);
	html_dt_text(f, "callsim version", root, "callsim_version");
	html_dt(f, "command");
	html_command(f, root);
	html_dd_end(f);
	fputs("</dl>\n</header>\n", f);
}

/* A chart: the element it is drawn in, its spec, and a caption. */
static void html_chart(FILE *f, const char *id, const char *caption,
		       void (*spec)(FILE *, const json_t *, size_t),
		       const json_t *root, size_t arg)
{
	fprintf(f, "<figure>\n<div class=\"vis\" id=\"%s\"></div>\n"
		"<script type=\"application/json\" data-chart=\"%s\">", id, id);
	spec(f, root, arg);
	fprintf(f, "</script>\n<figcaption>%s</figcaption>\n</figure>\n",
		caption);
}

/* Adapters from the spec writers to html_chart's shape. */
static void html_spec_verdicts(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	report_html_spec_verdicts(f, root);
}

static void html_spec_hours(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	report_html_spec_hours(f, root);
}

static void html_spec_attendance(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	report_html_spec_attendance(f, root);
}

static void html_spec_costs(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	report_html_spec_costs(f, root);
}

/* One row of the verdicts' table. */
static void html_verdict_row(void *ctx, const struct report_html_agreement *a)
{
	FILE *f = ctx;

	fputs("<tr><td>", f);
	report_html_escape(f, a->label);
	fputs("</td><td>", f);
	html_pct(f, a->goal);
	fputs("</td><td>", f);
	html_pct(f, result_figure(a->obj, a->figure, a->mean_key));
	fputs("</td><td>", f);
	html_interval(f, a->obj, a->figure);
	fputs("</td>", f);
	html_verdict(f, report_html_spec_verdict(a->obj));
	fputs("</tr>\n", f);
}

static void html_verdicts(FILE *f, const json_t *root)
{
	fputs("<section id=\"verdicts\">\n<h2>The agreements at a glance</h2>"
	      "\n<p>Met: the goal is at or below the whole 95% interval. "
	      "Missed: the goal is above it. Uncertain: the interval "
	      "straddles the goal, so more replications are needed to "
	      "tell.</p>\n", f);
	html_chart(f, "chart-verdicts", "Each agreement's mean (mark) and "
		   "95% interval (bar) against its goal (black tick); the "
		   "verdict is written beside it.", html_spec_verdicts, root, 0);
	fputs("<table>\n<thead><tr><th>agreement</th><th>goal</th>"
	      "<th>mean</th><th>95% interval</th><th>verdict</th></tr>"
	      "</thead>\n<tbody>\n", f);
	report_html_spec_agreements(root, html_verdict_row, f);
	fputs("</tbody>\n</table>\n</section>\n", f);
}

/* A fraction as a whole percentage without the sign, or a dash: the
 * cells of the 7 x 24 table, which fit A4 only so. */
static void html_pct_short(FILE *f, double x)
{
	if (isfinite(x))
		fprintf(f, "%.0f", 100 * x);
	else
		fputs("&ndash;", f);
}

/* Line l's service level (%) as a table of days by hours. */
static void html_heatmap_table(FILE *f, const json_t *iv, size_t l)
{
	static const char days[7][4] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
	};

	fputs("<div class=\"scroll\"><table class=\"hm\">\n<thead><tr>"
	      "<th>%</th>", f);
	for (int h = 0; h < 24; h++)
		fprintf(f, "<th>%02d</th>", h);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t d = 0; d < 7; d++) {
		fprintf(f, "<tr><td>%s</td>", days[d]);
		for (size_t h = 0; h < 24; h++) {
			const json_t *hour = json_array_get(iv, 24 * d + h);

			fputs("<td>", f);
			html_pct_short(f, result_figure(json_array_get(
				json_object_get(hour, "lines"), l),
				"service_level", "mean"));
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

/* The header of the hour-by-hour table: a column a line figure and a
 * pool's staff. */
static void html_hours_head(FILE *f, const json_t *hour0)
{
	const json_t *lines = json_object_get(hour0, "lines");
	const json_t *pools = json_object_get(hour0, "pools");

	report_html_table_open(f, 1 + 2 * json_array_size(lines) +
			       json_array_size(pools));
	fputs("<thead><tr><th>hour</th>", f);
	for (size_t i = 0; i < json_array_size(lines); i++)
		for (int k = 0; k < 2; k++) {
			fputs("<th>", f);
			report_html_escape(f, result_string(
				json_array_get(lines, i), "name"));
			fputs(k ? " service level</th>" : " offered</th>", f);
		}
	for (size_t i = 0; i < json_array_size(pools); i++) {
		fputs("<th>", f);
		report_html_escape(f, result_string(json_array_get(pools, i),
						    "name"));
		fputs(" staff on duty</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
}

static void html_hours_table(FILE *f, const json_t *iv)
{
	html_hours_head(f, json_array_get(iv, 0));
	for (size_t h = 0; h < json_array_size(iv); h++) {
		const json_t *hour = json_array_get(iv, h);
		const json_t *lines = json_object_get(hour, "lines");
		const json_t *pools = json_object_get(hour, "pools");

		fputs("<tr><td>", f);
		report_html_escape(f, result_string(hour, "label"));
		fputs("</td>", f);
		for (size_t i = 0; i < json_array_size(lines); i++) {
			const json_t *l = json_array_get(lines, i);

			fputs("<td>", f);
			html_count(f, result_figure(l, "offered", "mean"));
			fputs("</td><td>", f);
			html_pct(f, result_figure(l, "service_level", "mean"));
			fputs("</td>", f);
		}
		for (size_t i = 0; i < json_array_size(pools); i++) {
			fputs("<td>", f);
			html_count(f, result_figure(json_array_get(pools, i),
						    "staff_on_duty", "mean"));
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

/* A heat map and its table for each line, then offered calls and staff
 * by hour; or a note when the result has no hour-of-week figures. */
static void html_hours(FILE *f, const struct result *r)
{
	const json_t *lines = json_object_get(r->root, "lines");
	char id[64];

	fputs("<section id=\"hours\">\n<h2>Service level by hour of the "
	      "week</h2>\n", f);
	if (r->intervals == NULL) {
		fputs("<p>This result has no hour-of-week figures: save it "
		      "with <code>callsim run --intervals --format json</code> "
		      "(or make the report with <code>--report</code>, which "
		      "adds them).</p>\n</section>\n", f);
		return;
	}
	for (size_t l = 0; l < json_array_size(lines); l++) {
		fputs("<h3>Line ", f);
		report_html_escape(f, result_string(json_array_get(lines, l),
						    "name"));
		fputs("</h3>\n", f);
		snprintf(id, sizeof id, "chart-heatmap-%zu", l);
		html_chart(f, id, "Share of calls answered within target, by "
			   "the hour they arrived (mean over replications): "
			   "blue at or above the goal, orange below it; "
			   "grey: no call offered. The table gives each "
			   "hour's service level in whole percent.", report_html_spec_heatmap,
			   r->root, l);
		html_heatmap_table(f, r->intervals, l);
	}
	fputs("<h3>Calls offered and staff on duty, hour by hour</h3>\n", f);
	html_chart(f, "chart-hours", "Mean calls offered an hour on each "
		   "line, and mean staff on duty in each pool (after "
		   "shrinkage).", html_spec_hours, r->root, 0);
	html_hours_table(f, r->intervals);
	fputs("</section>\n", f);
}

/* Day by day, a line's offered calls, service level with its interval and
 * ASA (kind 0), or a grade's incidents and attended within target with
 * its interval (kind 1). */
static void html_days_table(FILE *f, const json_t *days, size_t kind,
			    size_t i)
{
	static const char *const head[2] = {
		"<th>offered</th><th>service level</th><th>95% interval</th>"
		"<th>ASA (s)</th>",
		"<th>incidents</th><th>within target</th><th>95% interval</th>"
	};
	static const char *const items[2] = { "lines", "grades" };
	static const char *const figure[2] = {
		"service_level", "attended_within_target"
	};

	fprintf(f, "<div class=\"scroll\"><table>\n<thead><tr><th>day</th>%s"
		"</tr></thead>\n<tbody>\n", head[kind]);
	for (size_t d = 0; d < json_array_size(days); d++) {
		const json_t *day = json_array_get(days, d);
		const json_t *o = json_array_get(json_object_get(day,
								 items[kind]), i);

		fprintf(f, "<tr><td>%zu</td><td>", d + 1);
		html_count(f, result_figure(o, kind ? "incidents" : "offered",
					    "mean"));
		fputs("</td><td>", f);
		html_pct(f, result_figure(o, figure[kind], "mean"));
		fputs("</td><td>", f);
		html_interval(f, o, figure[kind]);
		if (kind == 0) {
			fputs("</td><td>", f);
			html_count(f, result_figure(o, "asa_s", "mean"));
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

/* Adapters from the by-day spec writers to html_chart's shape. */
static void html_spec_days_line(FILE *f, const json_t *root, size_t l)
{
	report_html_spec_days_line(f, root, l);
}

static void html_spec_days_grade(FILE *f, const json_t *root, size_t g)
{
	report_html_spec_days_grade(f, root, g);
}

/* Each grade with a target: attendance within target day by day. */
static void html_days_grades(FILE *f, const struct result *r)
{
	const json_t *grades = json_object_get(r->root, "grades");
	char id[64];

	for (size_t g = 0; g < json_array_size(grades); g++) {
		const json_t *grade = json_array_get(grades, g);

		if (!isfinite(result_number(grade, "target_s")))
			continue;
		fputs("<h3>Grade ", f);
		report_html_escape(f, result_string(grade, "name"));
		fputs(": attended within target</h3>\n", f);
		snprintf(id, sizeof id, "chart-days-grade-%zu", g);
		html_chart(f, id, "Share of the incidents created each day "
			   "attended within the grade's target (mean over "
			   "replications, line; 95% interval, band; goal, "
			   "dashed).", html_spec_days_grade, r->root, g);
		html_days_table(f, r->by_day, 1, g);
	}
}

/* Service level by day for each line, then attendance within target by
 * day for each grade with a target; or a note when the result has no
 * figures by day. */
static void html_days(FILE *f, const struct result *r)
{
	const json_t *lines = json_object_get(r->root, "lines");
	char id[64];

	fputs("<section id=\"days\">\n<h2>Service level by day across the "
	      "horizon</h2>\n", f);
	if (r->by_day == NULL) {
		fputs("<p>This result has no figures by day: it was saved by "
		      "an earlier callsim; run it again to see them.</p>\n"
		      "</section>\n", f);
		return;
	}
	for (size_t l = 0; l < json_array_size(lines); l++) {
		fputs("<h3>Line ", f);
		report_html_escape(f, result_string(json_array_get(lines, l),
						    "name"));
		fputs("</h3>\n", f);
		snprintf(id, sizeof id, "chart-days-line-%zu", l);
		html_chart(f, id, "Share of the calls offered each day answered "
			   "within target (mean over replications, line; 95% "
			   "interval, band; goal, dashed). Day 1 is the first "
			   "24 hours after the warm-up.", html_spec_days_line,
			   r->root, l);
		html_days_table(f, r->by_day, 0, l);
	}
	html_days_grades(f, r);
	fputs("</section>\n", f);
}

/* One grade in one place, a row of the attendance table. */
static void html_attendance_row(FILE *f, const char *area, const json_t *g)
{
	fputs("<tr><td>", f);
	report_html_escape(f, result_string(g, "name"));
	fputs("</td><td>", f);
	report_html_escape(f, area);
	fputs("</td><td>", f);
	html_count(f, result_figure(g, "incidents", "mean"));
	fputs("</td><td>", f);
	html_pct(f, result_figure(g, "attended_within_target", "mean"));
	fputs("</td><td>", f);
	html_interval(f, g, "attended_within_target");
	fputs("</td><td>", f);
	html_pct(f, result_number(g, "goal"));
	fputs("</td>", f);
	html_verdict(f, report_html_spec_verdict(g));
	fputs("</tr>\n", f);
}

static void html_attendance_table(FILE *f, const json_t *root)
{
	const json_t *grades = json_object_get(root, "grades");
	const json_t *areas = json_object_get(root, "areas");

	fputs("<table>\n<thead><tr><th>grade</th><th>area</th>"
	      "<th>incidents</th><th>within target</th><th>95% interval</th>"
	      "<th>goal</th><th>verdict</th></tr></thead>\n<tbody>\n", f);
	for (size_t g = 0; g < json_array_size(grades); g++) {
		if (!isfinite(result_number(json_array_get(grades, g),
					    "target_s")))
			continue;
		html_attendance_row(f, "force-wide", json_array_get(grades, g));
		for (size_t a = 0; a < json_array_size(areas); a++) {
			const json_t *area = json_array_get(areas, a);

			html_attendance_row(f, result_string(area, "name"),
				json_array_get(json_object_get(area, "grades"),
					       g));
		}
	}
	fputs("</tbody>\n</table>\n", f);
}

/* Attendance within target per grade and area; nothing for a calls-only
 * scenario. */
static void html_attendance(FILE *f, const json_t *root)
{
	if (json_array_size(json_object_get(root, "grades")) == 0)
		return;
	fputs("<section id=\"attendance\">\n<h2>Attendance within target, by "
	      "grade and area</h2>\n", f);
	html_chart(f, "chart-attendance", "Share of each grade's incidents "
		   "attended within its target, force-wide and in each area: "
		   "mean (mark), 95% interval (bar), goal (black tick). An "
		   "area's verdict uses the force's goal.",
		   html_spec_attendance, root, 0);
	html_attendance_table(f, root);
	fputs("</section>\n", f);
}

/* The pools or roles of the costs as table rows. */
static void html_costs_rows(FILE *f, const json_t *list, const char *kind)
{
	for (size_t i = 0; i < json_array_size(list); i++) {
		const json_t *s = json_array_get(list, i);

		fputs("<tr><td>", f);
		report_html_escape(f, result_string(s, "name"));
		fprintf(f, "</td><td>%s</td><td>", kind);
		html_count(f, result_number(s, "fte"));
		fputs("</td><td>", f);
		html_money(f, result_number(s, "annual_cost"));
		fputs("</td></tr>\n", f);
	}
}

static void html_costs(FILE *f, const json_t *root)
{
	const json_t *costs = json_object_get(root, "costs");

	fputs("<section id=\"costs\">\n<h2>Cost by pool and role</h2>\n", f);
	html_chart(f, "chart-costs", "Annual cost of each pool of call "
		   "handlers and each role of officers, from the scenario's "
		   "staffing and cost per FTE (exact, not simulated).",
		   html_spec_costs, root, 0);
	fputs("<table>\n<thead><tr><th>staff</th><th>kind</th><th>FTE</th>"
	      "<th>annual cost</th></tr></thead>\n<tbody>\n", f);
	html_costs_rows(f, json_object_get(costs, "pools"), "pool");
	html_costs_rows(f, json_object_get(costs, "roles"), "role");
	fputs("<tr><th>everyone</th><th></th><th>", f);
	html_count(f, result_number(costs, "total_fte"));
	fputs("</th><th>", f);
	html_money(f, result_number(costs, "total_annual_cost"));
	fputs("</th></tr>\n</tbody>\n</table>\n</section>\n", f);
}

void report_html_chart(FILE *f, const char *id, const char *caption,
		       void (*spec)(FILE *, const json_t *, size_t),
		       const json_t *root, size_t arg)
{
	html_chart(f, id, caption, spec, root, arg);
}

void report_html_pct(FILE *f, double x)
{
	html_pct(f, x);
}

void report_html_count(FILE *f, double x)
{
	html_count(f, x);
}

void report_html_interval(FILE *f, const json_t *obj, const char *key)
{
	html_interval(f, obj, key);
}

/* One inlined script: exactly the bytes its hash in the policy covers. */
static void html_script(FILE *f, const unsigned char *js, size_t len)
{
	fputs("<script>", f);
	fwrite(js, 1, len, f);
	fputs("</script>\n", f);
}

/* The licences of the inlined libraries, then the scripts. */
static void html_foot(FILE *f)
{
	fputs("<footer>\n<details class=\"licences\"><summary>Charts drawn "
	      "with Vega, Vega-Lite and vega-embed, inlined in this page; "
	      "their licences and those of what they are built from"
	      "</summary>\n<pre>", f);
	report_html_escape(f, (const char *)report_assets_licences);
	fputs("</pre></details>\n</footer>\n", f);
	html_script(f, report_assets_vega, report_assets_vega_len);
	html_script(f, report_assets_lite, report_assets_lite_len);
	html_script(f, report_assets_embed, report_assets_embed_len);
	html_script(f, report_assets_boot, report_assets_boot_len);
	fputs("</body>\n</html>\n", f);
}

/* The page of a run; the other kinds have theirs (report_html_page.h). */
static void html_run(FILE *f, const struct result *r)
{
	html_head(f, r->root);
	html_provenance(f, r->root);
	html_verdicts(f, r->root);
	html_hours(f, r);
	html_days(f, r);
	html_attendance(f, r->root);
	report_html_response_write(f, r);
	report_html_waits_write(f, r);
	html_costs(f, r->root);
	html_foot(f);
}

enum sim_status report_html_write(FILE *f, const struct result *r,
				  struct sim_err *err)
{
	switch (r->kind) {
	case RESULT_COMPARE: report_html_compare(f, r->root); break;
	case RESULT_BACKTEST: report_html_backtest(f, r->root); break;
	case RESULT_FIT: report_html_fit(f, r->root); break;
	case RESULT_SWEEP: report_html_sweep(f, r->root); break;
	case RESULT_OPTIMISE: report_html_optimise(f, r->root); break;
	case RESULT_OPTIMISE_UNITS: report_html_optimise_units(f, r->root);
		break;
	case RESULT_RUN: html_run(f, r); break;
	}
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the HTML report "
				   "failed");
	return SIM_OK;
}

/* ------------------------------------------------------------------ */
/* The parts the pages of the other kinds share (report_html_page.h).   */

void report_html_head(FILE *f, const char *title)
{
	html_head_titled(f, title);
}

void report_html_foot(FILE *f)
{
	html_foot(f);
}

void report_html_money(FILE *f, double x)
{
	html_money(f, x);
}

void report_html_verdict(FILE *f, const char *verdict)
{
	html_verdict(f, verdict);
}

void report_html_command(FILE *f, const json_t *root)
{
	html_command(f, root);
}

void report_html_dt(FILE *f, const char *term)
{
	html_dt(f, term);
}

void report_html_data(FILE *f, void (*rows)(struct emit_json *, const json_t *,
					     size_t),
		      const json_t *root, size_t arg)
{
	struct emit_json w = { .f = f, .compact = true, .script_safe = true };

	fputs(",\"data\":{\"values\":", f);
	emit_json_open(&w, '[');
	rows(&w, root, arg);
	emit_json_close(&w, ']');
	fputs("}}", f);
}

void report_html_figure(struct emit_json *w, const json_t *obj,
			const char *key)
{
	emit_json_key_number(w, "mean", result_figure(obj, key, "mean"));
	emit_json_key_number(w, "ci_low", result_figure(obj, key, "ci_low"));
	emit_json_key_number(w, "ci_high", result_figure(obj, key, "ci_high"));
}
