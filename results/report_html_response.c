/* report_html_response.c: the run report's sections on the incident
 * response beyond the whole-horizon verdicts (see report_html_response.h):
 * attendance within target by hour of the week, per grade with its
 * interval and per area as a heat map; attendance times per grade,
 * force-wide and in each area; neighbourhood abstractions and the officer
 * hours they took, by area. Each chart has its numbers in a table below
 * it. Colours as in report_html_spec.c: Okabe-Ito and viridis; the goal
 * is a dashed black rule, never a colour alone. */
#include "results/report_html_response.h"

#include <math.h>
#include <stdio.h>

#include "results/emit.h"
#include "results/report_html.h"
#include "results/report_html_spec.h"

/* The hour-of-week axis, labelled with the day each 24 hours (as the
 * calls' charts have it). */
#define RSP_HOUR_AXIS \
	"{\"field\":\"hour_of_week\",\"type\":\"quantitative\",\"scale\":" \
	"{\"domain\":[0,168],\"nice\":false},\"title\":\"hour of the week " \
	"the incident was created\",\"axis\":{\"values\":[0,24,48,72,96,120," \
	"144,168],\"labelExpr\":\"['Mon','Tue','Wed','Thu','Fri','Sat'," \
	"'Sun',''][floor(datum.value / 24)]\",\"labelAlign\":\"left\"}}"

static const char rsp_days[7][4] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

/* ---- attendance within target by hour, per grade ---------------------- */

/* Each hour: grade g's attended within target and the grade's goal. */
static void rsp_hours_rows(struct emit_json *w, const json_t *root, size_t g)
{
	const json_t *hours = json_object_get(root, "by_hour");
	const json_t *top = json_array_get(json_object_get(root, "grades"), g);

	for (size_t h = 0; h < json_array_size(hours); h++) {
		const json_t *o = json_array_get(json_object_get(
			json_array_get(hours, h), "grades"), g);

		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_number(w, "hour_of_week", (double)h);
		emit_json_key_string(w, "name", result_string(o, "name"));
		report_html_spec_figure(w, o, "attended_within_target");
		emit_json_key_number(w, "goal", result_number(top, "goal"));
		emit_json_close(w, '}');
	}
}

/* The interval as a band, the mean as a line, the goal as a dashed rule
 * (drawn from hour 0's row, so once). */
static void rsp_spec_hours(FILE *f, const json_t *root, size_t g)
{
	fputs("{\"width\":640,\"height\":160,\"layer\":["
	      "{\"mark\":{\"type\":\"area\",\"opacity\":0.3,\"color\":"
	      "\"#56B4E9\"},\"encoding\":{\"x\":" RSP_HOUR_AXIS ",\"y\":"
	      "{\"field\":\"ci_low\",\"type\":\"quantitative\",\"scale\":"
	      "{\"domain\":[0,1]},\"axis\":{\"format\":\".0%\"},\"title\":"
	      "\"attended within target\"},\"y2\":{\"field\":\"ci_high\"}}},"
	      "{\"mark\":{\"type\":\"line\",\"color\":\"#0072B2\"},"
	      "\"encoding\":{\"x\":" RSP_HOUR_AXIS ",\"y\":{\"field\":"
	      "\"mean\",\"type\":\"quantitative\"}}},"
	      "{\"transform\":[{\"filter\":\"datum.hour_of_week === 0\"},"
	      "{\"filter\":\"isValid(datum.goal)\"}],\"mark\":{\"type\":"
	      "\"rule\",\"color\":\"black\",\"strokeDash\":[6,3]},"
	      "\"encoding\":{\"y\":{\"field\":\"goal\",\"type\":"
	      "\"quantitative\"}}}]", f);
	report_html_spec_data(f, rsp_hours_rows, root, g);
}

/* A duration in minutes with one decimal, or a dash. */
static void rsp_minutes(FILE *f, double s)
{
	if (isfinite(s))
		fprintf(f, "%.1f", s / 60);
	else
		fputs("&ndash;", f);
}

/* Hour by hour, grade g's figures. */
static void rsp_hours_table(FILE *f, const json_t *hours, size_t g)
{
	fputs("<div class=\"scroll\"><table>\n<thead><tr><th>hour</th>"
	      "<th>incidents a week</th><th>within target</th>"
	      "<th>95% interval</th><th>p50 (min)</th><th>p90 (min)</th>"
	      "<th>units on duty</th><th>utilisation</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t h = 0; h < json_array_size(hours); h++) {
		const json_t *hour = json_array_get(hours, h);
		const json_t *o = json_array_get(json_object_get(hour,
								 "grades"), g);

		fputs("<tr><td>", f);
		report_html_escape(f, result_string(hour, "label"));
		fputs("</td><td>", f);
		report_html_count(f, result_figure(o, "incidents", "mean"));
		fputs("</td><td>", f);
		report_html_pct(f, result_figure(o, "attended_within_target",
						 "mean"));
		fputs("</td><td>", f);
		report_html_interval(f, o, "attended_within_target");
		fputs("</td><td>", f);
		rsp_minutes(f, result_figure(o, "attendance_p50_s", "mean"));
		fputs("</td><td>", f);
		rsp_minutes(f, result_figure(o, "attendance_p90_s", "mean"));
		fputs("</td><td>", f);
		report_html_count(f, result_figure(o, "units_on_duty", "mean"));
		fputs("</td><td>", f);
		report_html_pct(f, result_figure(o, "utilisation", "mean"));
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

/* ---- attendance within target by hour, per area ------------------------ */

/* Each area, each hour: its share within target (every grade). */
static void rsp_areas_rows(struct emit_json *w, const json_t *root,
			   size_t unused)
{
	const json_t *hours = json_object_get(root, "by_hour");
	size_t na = json_array_size(json_object_get(root, "areas"));

	(void)unused;
	for (size_t a = 0; a < na; a++)
		for (size_t h = 0; h < json_array_size(hours); h++) {
			const json_t *o = json_array_get(json_object_get(
				json_array_get(hours, h), "areas"), a);

			emit_json_next(w);
			emit_json_open(w, '{');
			emit_json_key_string(w, "area", result_string(o, "name"));
			emit_json_key_number(w, "hour_of_week", (double)h);
			emit_json_key_string(w, "day", rsp_days[h / 24 % 7]);
			emit_json_key_number(w, "hour", (double)(h % 24));
			report_html_spec_figure(w, o, "attended_within_target");
			emit_json_close(w, '}');
		}
}

/* Areas down, the 168 hours across; an hour with no incident is grey. */
static void rsp_spec_areas(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	fputs("{\"width\":{\"step\":4},\"height\":{\"step\":20},"
	      "\"config\":{\"scale\":{\"invalid\":{\"color\":{\"value\":"
	      "\"#DDDDDD\"}}}},"
	      "\"mark\":{\"type\":\"rect\",\"invalid\":\"show\"},"
	      "\"encoding\":{\"x\":{\"field\":\"hour_of_week\",\"type\":"
	      "\"ordinal\",\"title\":\"hour of the week the incident was "
	      "created\",\"axis\":{\"values\":[0,24,48,72,96,120,144],"
	      "\"labelExpr\":\"['Mon','Tue','Wed','Thu','Fri','Sat','Sun']"
	      "[floor(datum.value / 24)]\",\"labelAngle\":0}},"
	      "\"y\":{\"field\":\"area\",\"type\":\"nominal\",\"sort\":null,"
	      "\"title\":null},\"color\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\",\"scale\":{\"scheme\":\"viridis\",\"domain\":"
	      "[0,1]},\"legend\":{\"format\":\".0%\",\"title\":"
	      "\"within target\"}}}", f);
	report_html_spec_data(f, rsp_areas_rows, root, 0);
}

/* Areas a table of the areas by hour: their two columns each fit the
 * width of A4 paper (portrait) for seven at a time. */
#define RSP_AREAS_A_TABLE 7

/* Hour by hour, the share within target (%) and the utilisation of
 * areas first .. first + n - 1. */
static void rsp_areas_table(FILE *f, const json_t *root, size_t first,
			    size_t n)
{
	const json_t *hours = json_object_get(root, "by_hour");
	const json_t *areas = json_object_get(root, "areas");

	report_html_table_open(f, 1 + 2 * n);
	fputs("<thead><tr><th>hour</th>", f);
	for (size_t a = first; a < first + n; a++) {
		fputs("<th>", f);
		report_html_escape(f, result_string(json_array_get(areas, a),
						    "name"));
		fputs(" within target</th><th>utilisation</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t h = 0; h < json_array_size(hours); h++) {
		const json_t *hour = json_array_get(hours, h);
		const json_t *list = json_object_get(hour, "areas");

		fputs("<tr><td>", f);
		report_html_escape(f, result_string(hour, "label"));
		fputs("</td>", f);
		for (size_t a = first; a < first + n; a++) {
			const json_t *o = json_array_get(list, a);

			fputs("<td>", f);
			report_html_pct(f, result_figure(
				o, "attended_within_target", "mean"));
			fputs("</td><td>", f);
			report_html_pct(f, result_figure(o, "utilisation",
							 "mean"));
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

/* The areas by hour, RSP_AREAS_A_TABLE areas a table. */
static void rsp_areas_tables(FILE *f, const json_t *root)
{
	size_t n = json_array_size(json_object_get(root, "areas"));

	for (size_t a = 0; a < n; a += RSP_AREAS_A_TABLE)
		rsp_areas_table(f, root, a, n - a < RSP_AREAS_A_TABLE
				? n - a : RSP_AREAS_A_TABLE);
}

/* The areas' heat map and its table. */
static void rsp_areas_part(FILE *f, const json_t *root)
{
	fputs("<h3>By area</h3>\n", f);
	report_html_chart(f, "chart-rsp-areas", "Share of each area's incidents "
			  "(every grade with a target, each against its own) "
			  "attended within target, by the hour of the week "
			  "they were created: darker is lower; grey: no "
			  "incident. The table adds the area's unit "
			  "utilisation.", rsp_spec_areas, root, 0);
	rsp_areas_tables(f, root);
}

/* The response by hour: a chart and table a grade with a target, then
 * the areas' heat map and table; or a note when the result has none. */
static void rsp_hours_section(FILE *f, const struct result *r)
{
	const json_t *grades = json_object_get(r->root, "grades");
	char id[64];

	fputs("<section id=\"response-hours\">\n<h2>Attendance within target "
	      "by hour of the week</h2>\n", f);
	if (r->by_hour == NULL) {
		fputs("<p>This result has no response by hour: it was saved "
		      "by an earlier callsim; run it again to see it.</p>\n"
		      "</section>\n", f);
		return;
	}
	fputs("<p>Incidents are put in the hour of the week they were "
	      "created, so a weak hour names when the demand came in.</p>\n",
	      f);
	for (size_t g = 0; g < json_array_size(grades); g++) {
		const json_t *grade = json_array_get(grades, g);

		if (!isfinite(result_number(grade, "target_s")))
			continue;
		fputs("<h3>Grade ", f);
		report_html_escape(f, result_string(grade, "name"));
		fputs("</h3>\n", f);
		snprintf(id, sizeof id, "chart-rsp-hours-%zu", g);
		report_html_chart(f, id, "Share of the incidents created in "
				  "each hour of the week attended within the "
				  "grade's target (mean over replications, "
				  "line; 95% interval, band; goal, dashed). "
				  "The table adds incidents a week, attendance "
				  "p50 and p90, and the units that attend the "
				  "grade on duty and how busy they were.",
				  rsp_spec_hours, r->root, g);
		rsp_hours_table(f, r->by_hour, g);
	}
	rsp_areas_part(f, r->root);
	fputs("</section>\n", f);
}

/* ---- attendance times per grade --------------------------------------- */

static const char *const rsp_pcts[3] = {
	"attendance_p50_s", "attendance_p90_s", "attendance_p95_s"
};
static const char *const rsp_pct_names[3] = { "p50", "p90", "p95" };

/* One grade in one place: its three percentiles. */
static void rsp_times_row(struct emit_json *w, const char *area,
			  const json_t *o)
{
	for (size_t k = 0; k < 3; k++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "grade", result_string(o, "name"));
		emit_json_key_string(w, "area", area);
		emit_json_key_string(w, "percentile", rsp_pct_names[k]);
		report_html_spec_figure(w, o, rsp_pcts[k]);
		emit_json_key_number(w, "target_s",
				     result_number(o, "target_s"));
		emit_json_close(w, '}');
	}
}

/* Each grade, force-wide then in each area. */
static void rsp_times_rows(struct emit_json *w, const json_t *root,
			   size_t unused)
{
	const json_t *grades = json_object_get(root, "grades");
	const json_t *areas = json_object_get(root, "areas");

	(void)unused;
	for (size_t g = 0; g < json_array_size(grades); g++) {
		rsp_times_row(w, "force-wide", json_array_get(grades, g));
		for (size_t a = 0; a < json_array_size(areas); a++) {
			const json_t *area = json_array_get(areas, a);

			rsp_times_row(w, result_string(area, "name"),
				      json_array_get(json_object_get(area,
								     "grades"),
						     g));
		}
	}
}

#define RSP_TIMES_Y \
	"\"y\":{\"field\":\"area\",\"type\":\"nominal\",\"sort\":null," \
	"\"title\":null},\"yOffset\":{\"field\":\"percentile\",\"sort\":" \
	"[\"p50\",\"p90\",\"p95\"]}"
#define RSP_TIMES_PCT \
	"{\"field\":\"percentile\",\"type\":\"nominal\",\"sort\":[\"p50\"," \
	"\"p90\",\"p95\"],\"scale\":{\"range\":[\"#0072B2\",\"#E69F00\"," \
	"\"#009E73\"]},\"title\":\"percentile\"}"

/* The grades' names in the scenario's order (highest first), as the
 * panels' order: a facet would otherwise sort them by name. */
static void rsp_grade_order(FILE *f, const json_t *root)
{
	struct emit_json w = { .f = f, .compact = true, .script_safe = true };
	const json_t *grades = json_object_get(root, "grades");

	emit_json_open(&w, '[');
	for (size_t g = 0; g < json_array_size(grades); g++) {
		emit_json_next(&w);
		emit_json_text(&w, result_string(json_array_get(grades, g),
						 "name"));
	}
	emit_json_close(&w, ']');
}

/* A panel a grade: each place's p50, p90 and p95 (marks of their own
 * colour and shape) with intervals, in minutes, and the target as a
 * dashed rule. */
static void rsp_spec_times(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	fputs("{\"transform\":[{\"calculate\":\"datum.mean / 60\",\"as\":"
	      "\"mean_min\"},{\"calculate\":\"datum.ci_low / 60\",\"as\":"
	      "\"low_min\"},{\"calculate\":\"datum.ci_high / 60\",\"as\":"
	      "\"high_min\"},{\"calculate\":\"datum.target_s / 60\",\"as\":"
	      "\"target_min\"}],"
	      "\"facet\":{\"row\":{\"field\":\"grade\",\"type\":\"nominal\","
	      "\"sort\":", f);
	rsp_grade_order(f, root);
	fputs(",\"title\":null,\"header\":{\"labelAngle\":0,"
	      "\"labelAlign\":\"left\",\"labelFontWeight\":\"bold\"}}},"
	      "\"resolve\":{\"scale\":{\"x\":\"independent\"}},"
	      "\"spec\":{\"width\":420,\"height\":{\"step\":30},\"layer\":["
	      "{\"mark\":{\"type\":\"rule\",\"strokeWidth\":2},\"encoding\":{"
	      RSP_TIMES_Y ",\"x\":{\"field\":\"low_min\",\"type\":"
	      "\"quantitative\",\"title\":\"attendance time (minutes): mean "
	      "of each percentile and its 95% interval; dashed: the "
	      "target\"},\"x2\":{\"field\":\"high_min\"},\"color\":"
	      RSP_TIMES_PCT "}},"
	      "{\"mark\":{\"type\":\"point\",\"filled\":true,\"size\":60},"
	      "\"encoding\":{" RSP_TIMES_Y ",\"x\":{\"field\":\"mean_min\","
	      "\"type\":\"quantitative\"},\"color\":" RSP_TIMES_PCT ","
	      "\"shape\":{\"field\":\"percentile\",\"type\":\"nominal\","
	      "\"sort\":[\"p50\",\"p90\",\"p95\"],\"scale\":{\"range\":"
	      "[\"circle\",\"square\",\"triangle-up\"]}}}},"
	      "{\"transform\":[{\"filter\":\"isValid(datum.target_s)\"},"
	      "{\"filter\":\"datum.area === 'force-wide'\"},"
	      "{\"filter\":\"datum.percentile === 'p50'\"}],"
	      "\"mark\":{\"type\":\"rule\",\"color\":\"black\",\"strokeDash\":"
	      "[6,3]},\"encoding\":{\"x\":{\"field\":\"target_min\",\"type\":"
	      "\"quantitative\"}}}]}", f);
	report_html_spec_data(f, rsp_times_rows, root, 0);
}

/* "12.3 [11.9, 12.8]": a time figure in minutes with its interval. */
static void rsp_minutes_ci(FILE *f, const json_t *o, const char *key)
{
	rsp_minutes(f, result_figure(o, key, "mean"));
	fputs(" [", f);
	rsp_minutes(f, result_figure(o, key, "ci_low"));
	fputs(", ", f);
	rsp_minutes(f, result_figure(o, key, "ci_high"));
	fputs("]", f);
}

static void rsp_times_table_row(FILE *f, const char *area, const json_t *o)
{
	fputs("<tr><td>", f);
	report_html_escape(f, result_string(o, "name"));
	fputs("</td><td>", f);
	report_html_escape(f, area);
	for (size_t k = 0; k < 3; k++) {
		fputs("</td><td>", f);
		rsp_minutes_ci(f, o, rsp_pcts[k]);
	}
	fputs("</td><td>", f);
	rsp_minutes(f, result_number(o, "target_s"));
	fputs("</td></tr>\n", f);
}

static void rsp_times_section(FILE *f, const json_t *root)
{
	const json_t *grades = json_object_get(root, "grades");
	const json_t *areas = json_object_get(root, "areas");

	fputs("<section id=\"attendance-times\">\n<h2>Attendance times by "
	      "grade</h2>\n", f);
	report_html_chart(f, "chart-attendance-times", "How long incidents "
			  "waited for a unit to arrive, from their creation: "
			  "the median (p50), p90 and p95 of each grade, "
			  "force-wide and in each area, in minutes (mean over "
			  "replications, mark; 95% interval, bar); the dashed "
			  "rule is the grade's target.", rsp_spec_times, root,
			  0);
	fputs("<div class=\"scroll\"><table>\n<thead><tr><th>grade</th>"
	      "<th>area</th><th>p50 (min)</th><th>p90 (min)</th>"
	      "<th>p95 (min)</th><th>target (min)</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (size_t g = 0; g < json_array_size(grades); g++) {
		rsp_times_table_row(f, "force-wide", json_array_get(grades, g));
		for (size_t a = 0; a < json_array_size(areas); a++) {
			const json_t *area = json_array_get(areas, a);

			rsp_times_table_row(f, result_string(area, "name"),
				json_array_get(json_object_get(area, "grades"),
					       g));
		}
	}
	fputs("</tbody>\n</table></div>\n</section>\n", f);
}

/* ---- abstractions by area ---------------------------------------------- */

static const char *const rsp_abs[2] = { "abstractions", "abstraction_hours" };
static const char *const rsp_abs_names[2] = {
	"abstractions", "officer hours taken"
};

static void rsp_abs_rows(struct emit_json *w, const json_t *root,
			 size_t unused)
{
	const json_t *areas = json_object_get(root, "areas");

	(void)unused;
	for (size_t k = 0; k < 2; k++)
		for (size_t a = 0; a < json_array_size(areas); a++) {
			const json_t *o = json_array_get(areas, a);

			emit_json_next(w);
			emit_json_open(w, '{');
			emit_json_key_string(w, "area", result_string(o, "name"));
			emit_json_key_string(w, "figure", rsp_abs_names[k]);
			report_html_spec_figure(w, o, rsp_abs[k]);
			emit_json_close(w, '}');
		}
}

/* A bar an area for each of the two figures side by side, each on its
 * own scale, with the interval as a rule. */
static void rsp_spec_abs(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	fputs("{\"facet\":{\"column\":{\"field\":\"figure\",\"type\":"
	      "\"nominal\",\"sort\":null,\"title\":null}},"
	      "\"resolve\":{\"scale\":{\"x\":\"independent\"}},"
	      "\"spec\":{\"width\":260,\"height\":{\"step\":22},\"layer\":["
	      "{\"mark\":{\"type\":\"bar\",\"color\":\"#E69F00\"},"
	      "\"encoding\":{\"y\":{\"field\":\"area\",\"type\":\"nominal\","
	      "\"sort\":null,\"title\":null},\"x\":{\"field\":\"mean\","
	      "\"type\":\"quantitative\",\"title\":\"mean over the horizon, "
	      "with its 95% interval\"}}},"
	      "{\"mark\":{\"type\":\"rule\",\"color\":\"black\"},\"encoding\":"
	      "{\"y\":{\"field\":\"area\",\"type\":\"nominal\",\"sort\":null},"
	      "\"x\":{\"field\":\"ci_low\",\"type\":\"quantitative\"},\"x2\":"
	      "{\"field\":\"ci_high\"}}}]}", f);
	report_html_spec_data(f, rsp_abs_rows, root, 0);
}

static void rsp_abs_section(FILE *f, const json_t *root)
{
	const json_t *areas = json_object_get(root, "areas");

	fputs("<section id=\"abstractions\">\n<h2>Neighbourhood abstractions "
	      "by area</h2>\n", f);
	report_html_chart(f, "chart-abstractions", "Neighbourhood units sent "
			  "to Emergencies in each area over the counted "
			  "period, and the officer hours that took from "
			  "neighbourhood work (mean over replications, bar; "
			  "95% interval, rule). None where the scenario's "
			  "neighbourhood roles are ring-fenced.", rsp_spec_abs,
			  root, 0);
	fputs("<table>\n<thead><tr><th>area</th><th>abstractions</th>"
	      "<th>officer hours taken</th><th>units on duty</th>"
	      "<th>utilisation</th></tr></thead>\n<tbody>\n", f);
	for (size_t a = 0; a < json_array_size(areas); a++) {
		const json_t *o = json_array_get(areas, a);

		fputs("<tr><td>", f);
		report_html_escape(f, result_string(o, "name"));
		fputs("</td><td>", f);
		report_html_count(f, result_figure(o, "abstractions", "mean"));
		fputs("</td><td>", f);
		report_html_count(f, result_figure(o, "abstraction_hours",
						   "mean"));
		fputs("</td><td>", f);
		report_html_count(f, result_figure(o, "units_on_duty", "mean"));
		fputs("</td><td>", f);
		report_html_pct(f, result_figure(o, "utilisation", "mean"));
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</section>\n", f);
}

void report_html_response_write(FILE *f, const struct result *r)
{
	if (json_array_size(json_object_get(r->root, "grades")) == 0)
		return;
	rsp_hours_section(f, r);
	rsp_times_section(f, r->root);
	rsp_abs_section(f, r->root);
}
