/* report_html_optimise.c: the pages of the two optimisations (see
 * report_html_page.h and docs/report.md). The handlers' page sets each
 * optimised pool's requirement (on duty, and rostered for it) hour by hour
 * against the scenario's current roster; the units' page sets each unit
 * roster's units per shift against the scenario's, and shows each grade's
 * attended within target force-wide and per area. Both end with the
 * agreements, the costs and the --set overrides that reproduce the
 * result with `callsim run`. */
#include "results/report_html_page.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "results/report_html.h"
#include "results/report_html_spec.h"
#include "results/result_read.h"

/* The replications of each simulation, how many the search ran and
 * which one is the result (a result written before its number was kept
 * has none, and the page then says nothing of it). */
static void opt_simulations(FILE *f, const json_t *root)
{
	double reps = result_number(root, "replications");
	double sims = result_number(root, "simulations");
	double shown = result_number(root, "result_simulation");

	report_html_dt(f, "replications");
	fprintf(f, "%g of each of %g simulation%s</dd>\n", reps, sims,
		sims == 1 ? "" : "s");
	if (isfinite(shown)) {
		report_html_dt(f, "result");
		fprintf(f, "simulation %g of the search</dd>\n", shown);
	}
}

/* The scenario's name, "met" or not, and what made the result. */
static void opt_provenance(FILE *f, const json_t *root, const char *what)
{
	bool met = json_is_true(json_object_get(root, "met"));
	double days = result_number(root, "days");

	fputs("<header>\n<h1>", f);
	report_html_escape(f, result_string(root, "scenario"));
	fprintf(f, ": %s</h1>\n<p class=\"%s\">%s</p>\n<dl>\n", what,
		met ? "v-met" : "v-missed", met
		? "&#9679; The result meets every agreement with a goal."
		: "&#10006; No staffing within the limits met every agreement: "
		  "this is the last tried.");
	report_html_dt(f, "scenario");
	report_html_escape(f, result_string(root, "scenario"));
	fputs("</dd>\n", f);
	report_html_dt(f, "content fingerprint (FNV-1a)");
	report_html_escape(f, result_string(root, "content_fnv1a"));
	fputs("</dd>\n", f);
	report_html_dt(f, "seed");
	fprintf(f, "%lld</dd>\n", (long long)json_integer_value(
			json_object_get(root, "seed")));
	opt_simulations(f, root);
	report_html_dt(f, "horizon");
	fprintf(f, "%g day%s counted, after a %g h warm-up</dd>\n", days,
		days == 1.0 ? "" : "s", result_number(root, "warmup_hours"));
	report_html_dt(f, "callsim version");
	report_html_escape(f, result_string(root, "callsim_version"));
	fputs("</dd>\n", f);
	report_html_dt(f, "command");
	report_html_command(f, root);
	fputs("</dd>\n</dl>\n</header>\n", f);
}

/* The overrides that give the result to `callsim run --set`. */
static void opt_sets(FILE *f, const json_t *root)
{
	const json_t *set = json_object_get(root, "set");

	fputs("<section id=\"set\">\n<h2>To run it</h2>\n<p>These overrides, "
	      "given to <code>callsim run --set</code> in this order, "
	      "reproduce the result.</p>\n<div class=\"scroll\"><pre>", f);
	for (size_t i = 0; i < json_array_size(set); i++) {
		report_html_escape(f, json_string_value(json_array_get(set, i)));
		fputc('\n', f);
	}
	fputs("</pre></div>\n</section>\n", f);
}

/* ------------------------------------------------------------------ */
/* The handlers                                                        */

/* Three rows an hour for optimised pool k (every hour lists the
 * optimised pools in one order): required on duty, rostered for it, and
 * the scenario's current on duty. */
static void opt_pool_rows(struct emit_json *w, const json_t *root, size_t k)
{
	static const char *const keys[3] = {
		"on_duty", "rostered", "current_on_duty"
	};
	static const char *const words[3] = {
		"required on duty", "rostered for it", "current on duty"
	};
	const json_t *iv = json_object_get(root, "intervals");

	for (size_t h = 0; h < json_array_size(iv); h++) {
		const json_t *p = json_array_get(json_object_get(
			json_array_get(iv, h), "pools"), k);

		for (size_t s = 0; s < 3; s++) {
			emit_json_next(w);
			emit_json_open(w, '{');
			emit_json_key_number(w, "hour_of_week", (double)h);
			emit_json_key_string(w, "pool", result_string(p, "name"));
			emit_json_key_string(w, "series", words[s]);
			emit_json_key_number(w, "staff", result_number(p,
								       keys[s]));
			emit_json_close(w, '}');
		}
	}
}

/* The hour-of-week axis, labelled with the day each 24 hours. */
#define OPT_HOUR_AXIS \
	"{\"field\":\"hour_of_week\",\"type\":\"quantitative\",\"scale\":" \
	"{\"domain\":[0,168],\"nice\":false},\"title\":\"hour of the week\"," \
	"\"axis\":{\"values\":[0,24,48,72,96,120,144,168],\"labelExpr\":" \
	"\"['Mon','Tue','Wed','Thu','Fri','Sat','Sun',''][floor(datum.value" \
	" / 24)]\",\"labelAlign\":\"left\"}}"

/* Three step lines over the week, told apart by colour and dash. */
static void opt_pool_spec(FILE *f, const json_t *root, size_t k)
{
	fputs("{\"width\":640,\"height\":200,\"mark\":{\"type\":\"line\","
	      "\"interpolate\":\"step-after\"},\"encoding\":{\"x\":"
	      OPT_HOUR_AXIS ",\"y\":{\"field\":\"staff\",\"type\":"
	      "\"quantitative\",\"title\":\"handlers\"},\"color\":{\"field\":"
	      "\"series\",\"type\":\"nominal\",\"sort\":null,\"title\":null,"
	      "\"scale\":{\"domain\":[\"required on duty\",\"rostered for it\","
	      "\"current on duty\"],\"range\":[\"#0072B2\",\"#56B4E9\","
	      "\"#E69F00\"]}},\"strokeDash\":{\"field\":\"series\",\"type\":"
	      "\"nominal\",\"sort\":null,\"title\":null,\"scale\":{\"domain\":"
	      "[\"required on duty\",\"rostered for it\",\"current on duty\"],"
	      "\"range\":[[1,0],[2,2],[6,3]]}}}", f);
	report_html_data(f, opt_pool_rows, root, k);
}

static void opt_cell_count(FILE *f, double x)
{
	fputs("<td>", f);
	report_html_count(f, x);
	fputs("</td>", f);
}

/* Pool k's hours: required, rostered, current, and the difference. */
static void opt_pool_table(FILE *f, const json_t *iv, size_t k)
{
	fputs("<div class=\"scroll\"><table>\n<thead><tr><th>hour</th><th>"
	      "required on duty</th><th>rostered for it</th><th>current on "
	      "duty</th><th>required - current</th></tr></thead>\n<tbody>\n",
	      f);
	for (size_t h = 0; h < json_array_size(iv); h++) {
		const json_t *hour = json_array_get(iv, h);
		const json_t *p = json_array_get(json_object_get(hour, "pools"),
						 k);

		fputs("<tr><td>", f);
		report_html_escape(f, result_string(hour, "label"));
		fputs("</td>", f);
		opt_cell_count(f, result_number(p, "on_duty"));
		opt_cell_count(f, result_number(p, "rostered"));
		opt_cell_count(f, result_number(p, "current_on_duty"));
		opt_cell_count(f, result_number(p, "on_duty")
			       - result_number(p, "current_on_duty"));
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

static void opt_pools_section(FILE *f, const json_t *root)
{
	const json_t *iv = json_object_get(root, "intervals");
	const json_t *pools = json_object_get(json_array_get(iv, 0), "pools");
	char id[64];

	fputs("<section id=\"requirement\">\n<h2>The requirement against the "
	      "current roster</h2>\n<p>For each optimised pool, the least "
	      "handlers on duty (after shrinkage) in each hour of the week "
	      "that meets every answering agreement, the headcount to roster "
	      "for it, and the mean on duty in that hour under the scenario's "
	      "own roster. Where the required line is above the current, the "
	      "roster falls short in that hour; below it, it has more than "
	      "the agreements need.</p>\n", f);
	for (size_t k = 0; k < json_array_size(pools); k++) {
		fputs("<h3>Pool ", f);
		report_html_escape(f, result_string(json_array_get(pools, k),
						    "name"));
		fputs("</h3>\n", f);
		snprintf(id, sizeof id, "chart-opt-pool-%zu", k);
		report_html_chart(f, id, "Handlers on duty hour by hour: "
				  "required (solid), rostered for it "
				  "(dotted), and the current roster's mean on "
				  "duty (dashed).", opt_pool_spec, root, k);
		opt_pool_table(f, iv, k);
	}
	fputs("</section>\n", f);
}

/* The cells after an agreement's target, to the end of its row: its
 * goal, the figure it is judged on with its interval, and its verdict. */
static void opt_agreement_cells(FILE *f, const json_t *item,
				const char *figure)
{
	fputs("<td>", f);
	report_html_pct(f, result_number(item, "goal"));
	fputs("</td><td>", f);
	report_html_pct(f, result_figure(item, figure, "mean"));
	fputs("</td><td>", f);
	report_html_interval(f, item, figure);
	fputs("</td>", f);
	report_html_verdict(f, report_html_spec_verdict(item));
	fputs("</tr>\n", f);
}

/* Under the lines, each deferrable stream's share taken within its
 * target, and its verdict: the search meets them too (a result without
 * deferrable work has none). */
static void opt_streams_rows(FILE *f, const json_t *root)
{
	const json_t *streams = json_object_get(root, "deferrable");

	for (size_t i = 0; i < json_array_size(streams); i++) {
		const json_t *d = json_array_get(streams, i);

		fputs("<tr><td>deferrable ", f);
		report_html_escape(f, result_string(d, "name"));
		fprintf(f, " (pool ");
		report_html_escape(f, result_string(d, "pool"));
		fprintf(f, ")</td><td>%g h</td>", result_number(d, "target_h"));
		opt_agreement_cells(f, d, "within_target");
	}
}

/* Each line's service level with the search's result, and its verdict. */
static void opt_lines_table(FILE *f, const json_t *root)
{
	const json_t *lines = json_object_get(root, "lines");
	char target[32];

	fputs("<table>\n<thead><tr><th>line</th><th>target</th><th>goal</th>"
	      "<th>service level (deferrable: within target)</th>"
	      "<th>95% interval</th><th>verdict</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < json_array_size(lines); i++) {
		const json_t *l = json_array_get(lines, i);

		report_html_spec_duration(result_number(l, "target_s"), target);
		fputs("<tr><td>", f);
		report_html_escape(f, result_string(l, "name"));
		fprintf(f, "</td><td>%s</td>", target);
		opt_agreement_cells(f, l, "service_level");
	}
	opt_streams_rows(f, root);
	fputs("</tbody>\n</table>\n", f);
}

/* Each pool's rostered hours, FTE and annual cost with the result. */
static void opt_costs_table(FILE *f, const json_t *root)
{
	const json_t *pools = json_object_get(root, "pools");

	fputs("<table>\n<thead><tr><th>pool</th><th>optimised</th><th>"
	      "rostered hours a week</th><th>FTE</th><th>annual cost</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < json_array_size(pools); i++) {
		const json_t *p = json_array_get(pools, i);

		fputs("<tr><td>", f);
		report_html_escape(f, result_string(p, "name"));
		fprintf(f, "</td><td>%s</td>", json_is_true(json_object_get(
			p, "optimised")) ? "yes" : "no (its roster kept)");
		opt_cell_count(f, result_number(p, "rostered_hours"));
		opt_cell_count(f, result_number(p, "fte"));
		fputs("<td>", f);
		report_html_money(f, result_number(p, "annual_cost"));
		fputs("</td></tr>\n", f);
	}
	fputs("<tr><th>all staff</th><th></th><th></th><th></th><th>", f);
	report_html_money(f, result_number(json_object_get(root, "costs"),
					   "annual_cost"));
	fputs("</th></tr>\n</tbody>\n</table>\n", f);
}

void report_html_optimise(FILE *f, const json_t *root)
{
	char title[400];

	snprintf(title, sizeof title, "%s: handlers optimised",
		 result_string(root, "scenario"));
	report_html_head(f, title);
	opt_provenance(f, root, "the least handlers on duty");
	opt_pools_section(f, root);
	fputs("<section id=\"agreements\">\n<h2>The agreements with this "
	      "staffing</h2>\n", f);
	opt_lines_table(f, root);
	fputs("</section>\n<section id=\"costs\">\n<h2>Hours and cost</h2>\n",
	      f);
	opt_costs_table(f, root);
	fputs("</section>\n", f);
	opt_sets(f, root);
	report_html_foot(f);
}

/* ------------------------------------------------------------------ */
/* The units                                                           */

/* "North response, day": where a unit roster's shift is. */
static void units_label(const json_t *e, const json_t *shift, char *buf,
			size_t size)
{
	snprintf(buf, size, "%s %s, %s", result_string(e, "area"),
		 result_string(e, "role"), result_string(shift, "name"));
}

/* Two rows a shift of every unit roster: the units found and the
 * scenario's. */
static void units_rows(struct emit_json *w, const json_t *root,
		       size_t unused)
{
	const json_t *units = json_object_get(root, "units");
	char label[800];

	(void)unused;
	for (size_t i = 0; i < json_array_size(units); i++) {
		const json_t *e = json_array_get(units, i);
		const json_t *shifts = json_object_get(e, "shifts");

		for (size_t k = 0; k < json_array_size(shifts); k++) {
			const json_t *sh = json_array_get(shifts, k);

			units_label(e, sh, label, sizeof label);
			for (int s = 0; s < 2; s++) {
				emit_json_next(w);
				emit_json_open(w, '{');
				emit_json_key_string(w, "shift", label);
				emit_json_key_string(w, "area",
						     result_string(e, "area"));
				emit_json_key_string(w, "which", s ? "scenario"
						     : "found");
				emit_json_key_number(w, "units", result_number(
					sh, s ? "scenario_units" : "units"));
				emit_json_close(w, '}');
			}
		}
	}
}

/* A pair of bars a shift: found (blue) above the scenario's (orange). */
static void units_spec(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	fputs("{\"width\":420,\"height\":{\"step\":14},\"mark\":\"bar\","
	      "\"encoding\":{\"y\":{\"field\":\"shift\",\"type\":\"nominal\","
	      "\"sort\":null,\"title\":null,\"axis\":{\"labelLimit\":300}},"
	      "\"yOffset\":{\"field\":\"which\",\"sort\":[\"found\","
	      "\"scenario\"]},\"x\":{\"field\":\"units\",\"type\":"
	      "\"quantitative\",\"title\":\"units on the shift\"},\"color\":"
	      "{\"field\":\"which\",\"type\":\"nominal\",\"title\":null,"
	      "\"scale\":{\"domain\":[\"found\",\"scenario\"],\"range\":"
	      "[\"#0072B2\",\"#E69F00\"]}}}", f);
	report_html_data(f, units_rows, root, 0);
}

/* One grade in one place ("force-wide" or an area), with the force's
 * goal. */
static void units_grade_row(struct emit_json *w, const char *area,
			    const json_t *g, const json_t *top)
{
	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "area", area);
	emit_json_key_string(w, "grade", result_string(g, "name"));
	report_html_figure(w, g, "attended_within_target");
	emit_json_key_number(w, "goal", result_number(top, "goal"));
	emit_json_key_string(w, "verdict", report_html_spec_verdict(g));
	emit_json_close(w, '}');
}

/* Each grade with a target: force-wide, then in each area. */
static void units_grades_rows(struct emit_json *w, const json_t *root,
			      size_t unused)
{
	const json_t *grades = json_object_get(root, "grades");
	const json_t *areas = json_object_get(root, "areas");

	(void)unused;
	for (size_t g = 0; g < json_array_size(grades); g++) {
		const json_t *top = json_array_get(grades, g);

		if (!isfinite(result_number(top, "target_s")))
			continue;
		units_grade_row(w, "force-wide", top, top);
		for (size_t a = 0; a < json_array_size(areas); a++) {
			const json_t *area = json_array_get(areas, a);

			units_grade_row(w, result_string(area, "name"),
					json_array_get(json_object_get(area,
						"grades"), g), top);
		}
	}
}

#define UNITS_AREA_AXIS \
	"{\"field\":\"area\",\"type\":\"nominal\",\"sort\":null,\"title\":null}"

/* A panel a grade: each area's mean and interval against the goal. */
static void units_grades_spec(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	fputs("{\"facet\":{\"row\":{\"field\":\"grade\",\"type\":"
	      "\"nominal\",\"sort\":null,\"title\":null,\"header\":"
	      "{\"labelAngle\":0,\"labelAlign\":\"left\",\"labelFontWeight\":"
	      "\"bold\"}}},\"spec\":{\"width\":420,\"height\":{\"step\":24},"
	      "\"layer\":[{\"mark\":{\"type\":\"rule\",\"strokeWidth\":3},"
	      "\"encoding\":{\"y\":" UNITS_AREA_AXIS ",\"x\":{\"field\":"
	      "\"ci_low\",\"type\":\"quantitative\"," REPORT_HTML_SHARE_AXIS
	      ",\"title\":\"attended "
	      "within target: mean and 95% interval; black tick: the goal\"},"
	      "\"x2\":{\"field\":\"ci_high\"},\"color\":"
	      REPORT_HTML_VERDICT_COLOR "}},{\"mark\":{\"type\":\"point\","
	      "\"filled\":true,\"size\":70},\"encoding\":{\"y\":"
	      UNITS_AREA_AXIS ",\"x\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\"},\"color\":" REPORT_HTML_VERDICT_COLOR
	      ",\"shape\":" REPORT_HTML_VERDICT_SHAPE "}},{\"mark\":{\"type\":"
	      "\"tick\",\"color\":\"black\",\"thickness\":2},\"encoding\":"
	      "{\"y\":" UNITS_AREA_AXIS ",\"x\":{\"field\":\"goal\",\"type\":"
	      "\"quantitative\"}}}]}", f);
	report_html_data(f, units_grades_rows, root, 0);
}

/* Every shift of every unit roster: found, the scenario's, the change,
 * and the officers they crew. */
static void units_table(FILE *f, const json_t *root)
{
	const json_t *units = json_object_get(root, "units");
	char label[800];

	fputs("<div class=\"scroll\"><table>\n<thead><tr><th>area, role, "
	      "shift</th><th>optimised</th><th>units found</th><th>scenario's"
	      " units</th><th>change</th><th>officers found</th></tr></thead>"
	      "\n<tbody>\n", f);
	for (size_t i = 0; i < json_array_size(units); i++) {
		const json_t *e = json_array_get(units, i);
		const json_t *shifts = json_object_get(e, "shifts");

		for (size_t k = 0; k < json_array_size(shifts); k++) {
			const json_t *sh = json_array_get(shifts, k);

			units_label(e, sh, label, sizeof label);
			fputs("<tr><td>", f);
			report_html_escape(f, label);
			fprintf(f, "</td><td>%s</td><td>%g</td><td>%g</td><td>"
				"%+g</td><td>%g</td></tr>\n", json_is_true(
				json_object_get(e, "optimised")) ? "yes" : "no",
				result_number(sh, "units"), result_number(sh,
				"scenario_units"), result_number(sh, "units")
				- result_number(sh, "scenario_units"),
				result_number(sh, "officers"));
		}
	}
	fputs("</tbody>\n</table></div>\n", f);
}

/* One grade in one place, a row of the attendance table. */
static void units_grade_tr(FILE *f, const char *area, const json_t *g,
			   const json_t *top)
{
	fputs("<tr><td>", f);
	report_html_escape(f, result_string(g, "name"));
	fputs("</td><td>", f);
	report_html_escape(f, area);
	fputs("</td><td>", f);
	report_html_pct(f, result_figure(g, "attended_within_target", "mean"));
	fputs("</td><td>", f);
	report_html_interval(f, g, "attended_within_target");
	fputs("</td><td>", f);
	report_html_pct(f, result_number(top, "goal"));
	fputs("</td>", f);
	report_html_verdict(f, report_html_spec_verdict(g));
	fputs("</tr>\n", f);
}

static void units_grades_table(FILE *f, const json_t *root)
{
	const json_t *grades = json_object_get(root, "grades");
	const json_t *areas = json_object_get(root, "areas");

	fputs("<table>\n<thead><tr><th>grade</th><th>area</th><th>within "
	      "target</th><th>95% interval</th><th>goal</th><th>verdict</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (size_t g = 0; g < json_array_size(grades); g++) {
		const json_t *top = json_array_get(grades, g);

		if (!isfinite(result_number(top, "target_s")))
			continue;
		units_grade_tr(f, "force-wide", top, top);
		for (size_t a = 0; a < json_array_size(areas); a++)
			units_grade_tr(f, result_string(json_array_get(areas,
				a), "name"), json_array_get(json_object_get(
				json_array_get(areas, a), "grades"), g), top);
	}
	fputs("</tbody>\n</table>\n", f);
}

/* The officers' and all staff's FTE and cost, scenario and result. */
static void units_costs_table(FILE *f, const json_t *root)
{
	static const char *const keys[4] = {
		"officers_fte", "officers_annual_cost", "fte", "annual_cost"
	};
	static const char *const words[4] = {
		"officers' FTE", "officers' annual cost", "all staff's FTE",
		"all staff's annual cost"
	};
	const json_t *costs = json_object_get(root, "costs");

	fputs("<table>\n<thead><tr><th></th><th>scenario</th><th>found</th>"
	      "<th>change</th></tr></thead>\n<tbody>\n", f);
	for (size_t k = 0; k < 4; k++) {
		double a = result_number(json_object_get(costs, "scenario"),
					 keys[k]);
		double b = result_number(json_object_get(costs, "result"),
					 keys[k]);
		void (*num)(FILE *, double) = k % 2 ? report_html_money
			: report_html_count;

		fprintf(f, "<tr><td>%s</td><td>", words[k]);
		num(f, a);
		fputs("</td><td>", f);
		num(f, b);
		fputs("</td><td>", f);
		num(f, b - a);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

void report_html_optimise_units(FILE *f, const json_t *root)
{
	char title[400];

	snprintf(title, sizeof title, "%s: response units optimised",
		 result_string(root, "scenario"));
	report_html_head(f, title);
	opt_provenance(f, root, "the least response units");
	fputs("<section id=\"units\">\n<h2>Units found against the "
	      "scenario's</h2>\n<p>The units on each shift of each area's "
	      "unit rosters that meet every attendance agreement with the "
	      "least officers, beside the units the scenario has now.</p>\n",
	      f);
	report_html_chart(f, "chart-units", "Units on each shift: found "
			  "(blue, upper bar) and the scenario's (orange, "
			  "lower bar).", units_spec, root, 0);
	units_table(f, root);
	fputs("</section>\n<section id=\"attendance\">\n<h2>Attendance "
	      "within target with these units</h2>\n", f);
	report_html_chart(f, "chart-units-grades", "Share of each grade's "
			  "incidents attended within its target, force-wide "
			  "and in each area: mean (mark), 95% interval (bar), "
			  "the force's goal (black tick).", units_grades_spec,
			  root, 0);
	units_grades_table(f, root);
	fputs("</section>\n<section id=\"costs\">\n<h2>Officers and cost"
	      "</h2>\n", f);
	units_costs_table(f, root);
	fputs("</section>\n", f);
	opt_sets(f, root);
	report_html_foot(f);
}
