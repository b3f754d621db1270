/* report_html_sweep.c: the page of a sweep (see report_html_page.h and
 * docs/report.md): for each agreement, every point's figure against its
 * annual cost with its 95% interval and the goal, the cheapest point that
 * meets every goal marked and named in words, and a table of every point.
 *
 * A point meets every goal when each line, grade and stream of deferrable
 * work with a goal has the verdict met; the cheapest such point is the one of least total annual
 * cost (the first in sweep order on a tie). A sweep cut short shows the
 * points it holds and says how many of how many. */
#include "results/report_html_page.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "results/report_html.h"
#include "results/report_html_spec.h"
#include "results/result_read.h"

/* An agreement of the sweep, from point 0: line, grade or stream of
 * deferrable work `i` of list (a point without deferrable work has no
 * such list). */
struct swp_item {
	const char *list;          /* "lines", "grades", "deferrable" */
	const char *figure;        /* "service_level", "attended_within_target",
				      "within_target" */
	const char *kind;          /* of the chart's id and heading */
	const char *heading;
	const char *title;         /* of the figure's axis */
};

#define SWP_KINDS 3

static const struct swp_item swp_items[SWP_KINDS] = {
	{ "lines", "service_level", "line", "Line", "service level" },
	{ "grades", "attended_within_target", "grade", "Grade",
	  "attended within target" },
	{ "deferrable", "within_target", "deferrable", "Deferrable",
	  "within target" },
};

static double swp_cost(const json_t *point)
{
	return result_number(json_object_get(point, "costs"),
			     "total_annual_cost");
}

/* Whether every line, grade and deferrable stream of point p that has a
 * goal is met. */
static bool swp_meets_all(const json_t *p)
{
	for (size_t k = 0; k < SWP_KINDS; k++) {
		const json_t *list = json_object_get(p, swp_items[k].list);

		for (size_t i = 0; i < json_array_size(list); i++) {
			const json_t *o = json_array_get(list, i);

			if (isfinite(result_number(o, "goal"))
			    && strcmp(report_html_spec_verdict(o), "met") != 0)
				return false;
		}
	}
	return true;
}

/* The index of the cheapest point meeting every goal, or -1. */
static long swp_cheapest(const json_t *root)
{
	const json_t *pts = json_object_get(root, "points");
	long best = -1;

	for (size_t i = 0; i < json_array_size(pts); i++) {
		const json_t *p = json_array_get(pts, i);

		if (swp_meets_all(p) && (best < 0 || swp_cost(p)
					 < swp_cost(json_array_get(pts,
								   (size_t)best))))
			best = (long)i;
	}
	return best;
}

/* The point's values as "PATH=VALUE, ..." in the order of --vary. */
static void swp_values(const json_t *root, const json_t *p, char *buf,
		       size_t size)
{
	const json_t *vary = json_object_get(json_object_get(root, "header"),
					     "vary");
	const json_t *values = json_object_get(p, "values");
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < json_array_size(vary) && used < size; i++) {
		const char *spec = json_string_value(json_array_get(vary, i));
		int n = (int)strcspn(spec, "=");
		char path[256];
		const json_t *v;

		snprintf(path, sizeof path, "%.*s", n, spec);
		v = json_object_get(values, path);
		if (json_is_number(v))
			used += (size_t)snprintf(buf + used, size - used,
				"%s%s=%g", i ? ", " : "", path,
				json_number_value(v));
		else
			used += (size_t)snprintf(buf + used, size - used,
				"%s%s=%s", i ? ", " : "", path,
				json_is_string(v) ? json_string_value(v) : "?");
	}
}

/* arg: the item's index times SWP_KINDS, plus its kind's place in
 * swp_items. */
static void swp_rows(struct emit_json *w, const json_t *root, size_t arg)
{
	const struct swp_item *it = &swp_items[arg % SWP_KINDS];
	const json_t *pts = json_object_get(root, "points");
	long cheapest = swp_cheapest(root);
	char values[1024];

	for (size_t i = 0; i < json_array_size(pts); i++) {
		const json_t *p = json_array_get(pts, i);
		const json_t *o = json_array_get(json_object_get(p, it->list),
						 arg / SWP_KINDS);

		swp_values(root, p, values, sizeof values);
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_number(w, "point", result_number(p, "point"));
		emit_json_key_string(w, "values", values);
		emit_json_key_string(w, "name", result_string(o, "name"));
		emit_json_key_number(w, "annual_cost", swp_cost(p));
		report_html_figure(w, o, it->figure);
		emit_json_key_number(w, "goal", result_number(o, "goal"));
		emit_json_key_string(w, "verdict", report_html_spec_verdict(o));
		emit_json_key_bool(w, "meets_every_goal", swp_meets_all(p));
		emit_json_key_bool(w, "cheapest", (long)i == cheapest);
		emit_json_close(w, '}');
	}
}

/* The ring and the words at the cheapest point meeting every goal (drawn
 * only when there is one: an empty layer has no extent). */
static void swp_spec_cheapest(FILE *f)
{
	fputs(",{\"transform\":[{\"filter\":\"datum.cheapest\"}],\"mark\":"
	      "{\"type\":\"point\",\"shape\":\"circle\",\"size\":500,"
	      "\"filled\":false,\"color\":\"black\",\"strokeWidth\":2},"
	      "\"encoding\":{\"y\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\"}}},"
	      "{\"transform\":[{\"filter\":\"datum.cheapest\"}],\"mark\":"
	      "{\"type\":\"text\",\"align\":\"left\",\"dx\":16,\"dy\":-14,"
	      "\"fontWeight\":\"bold\",\"text\":\"cheapest meeting every "
	      "goal\"},\"encoding\":{\"y\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\"}}}", f);
}

/* The title of the figure's axis. */
static const char *swp_title(size_t arg)
{
	return swp_items[arg % SWP_KINDS].title;
}

/* With one --vary the points lie along one curve: the 95% interval as a
 * band and the means as a line through them, in order of cost, behind
 * the points' marks. */
static void swp_spec_band(FILE *f, size_t arg)
{
	fputs("{\"mark\":{\"type\":\"area\",\"opacity\":0.25,\"color\":"
	      "\"#56B4E9\"},\"encoding\":{\"y\":{\"field\":\"ci_low\","
	      "\"type\":\"quantitative\",\"title\":", f);
	emit_json_string(f, swp_title(arg));
	fputs("},\"y2\":{\"field\":\"ci_high\"}}},{\"mark\":{\"type\":"
	      "\"line\",\"color\":\"#0072B2\",\"strokeWidth\":1},"
	      "\"encoding\":{\"y\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\",\"title\":", f);
	emit_json_string(f, swp_title(arg));
	fputs("}}},", f);
}

/* Whether the agreement of chart `arg` (as swp_rows) has a goal at
 * point 0, whose goal the chart draws. */
static bool swp_has_goal(const json_t *root, size_t arg)
{
	const json_t *p0 = json_array_get(json_object_get(root, "points"), 0);
	const json_t *o = json_array_get(json_object_get(p0,
		swp_items[arg % SWP_KINDS].list), arg / SWP_KINDS);

	return isfinite(result_number(o, "goal"));
}

/* Figure against annual cost: each point's 95% interval as a bar, its
 * mean as a mark (colour and shape by verdict), the goal as a dashed
 * line, and a ring and words at the cheapest point meeting every goal. */
static void swp_spec(FILE *f, const json_t *root, size_t arg)
{
	fputs("{\"width\":560,\"height\":260,"
	      "\"config\":{\"legend\":{\"orient\":\"bottom\"}},"
	      "\"encoding\":{\"x\":{\"field\":\"annual_cost\",\"type\":"
	      "\"quantitative\",\"scale\":{\"zero\":false},\"axis\":"
	      "{\"format\":\",.0f\"},\"title\":\"annual cost of all staff\"}},"
	      "\"layer\":[", f);
	if (json_array_size(json_object_get(json_object_get(root, "header"),
					    "vary")) == 1)
		swp_spec_band(f, arg);
	fputs("{\"mark\":{\"type\":\"rule\",\"strokeWidth\":2},\"encoding\":"
	      "{\"y\":{\"field\":\"ci_low\",\"type\":\"quantitative\","
	      REPORT_HTML_SHARE_AXIS ",\"title\":", f);
	emit_json_string(f, swp_title(arg));
	fputs("},\"y2\":{\"field\":\"ci_high\"},\"color\":"
	      REPORT_HTML_VERDICT_COLOR "}},"
	      "{\"mark\":{\"type\":\"point\",\"filled\":true,\"size\":70},"
	      "\"encoding\":{\"y\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\"},\"color\":" REPORT_HTML_VERDICT_COLOR
	      ",\"shape\":" REPORT_HTML_VERDICT_SHAPE "}}", f);
	/* The goal's layer only with a goal: a layer left empty by its
	 * filter gives its scale no extent, which Vega warns of. */
	if (swp_has_goal(root, arg))
		fputs(",{\"transform\":[{\"filter\":\"datum.point === 0\"},"
		      "{\"filter\":\"isValid(datum.goal)\"}],\"mark\":{"
		      "\"type\":\"rule\",\"color\":\"black\",\"strokeDash\":"
		      "[6,3]},\"encoding\":{\"x\":null,\"y\":{\"field\":"
		      "\"goal\",\"type\":\"quantitative\"}}}", f);
	if (swp_cheapest(root) >= 0)
		swp_spec_cheapest(f);
	fputc(']', f);
	report_html_data(f, swp_rows, root, arg);
}

/* The cheapest point meeting every goal, in words. */
static void swp_verdict_words(FILE *f, const json_t *root)
{
	const json_t *pts = json_object_get(root, "points");
	long best = swp_cheapest(root);
	char values[1024];

	if (best < 0) {
		fputs("<p class=\"v-missed\">&#10006; No point of the sweep "
		      "meets every goal (each line's, grade's and deferrable "
		      "stream's verdict met)."
		      "</p>\n", f);
		return;
	}
	swp_values(root, json_array_get(pts, (size_t)best), values,
		   sizeof values);
	fprintf(f, "<p class=\"v-met\">&#9679; The cheapest point meeting "
		"every goal is point %ld: ", best);
	report_html_escape(f, values);
	fputs(", at an annual cost of ", f);
	report_html_money(f, swp_cost(json_array_get(pts, (size_t)best)));
	fputs(" (ringed on each chart).</p>\n", f);
}

/* A chart a line, a grade with a target and a stream of deferrable work,
 * as point 0 has them. */
static void swp_charts(FILE *f, const json_t *root)
{
	const json_t *p0 = json_array_get(json_object_get(root, "points"), 0);
	char id[64], heading[400];

	for (size_t k = 0; k < SWP_KINDS; k++) {
		const json_t *list = json_object_get(p0, swp_items[k].list);

		for (size_t i = 0; i < json_array_size(list); i++) {
			const json_t *o = json_array_get(list, i);

			if (k == 1 && !isfinite(result_number(o, "target_s")))
				continue;
			snprintf(heading, sizeof heading, "%s %s",
				 swp_items[k].heading, result_string(o, "name"));
			fputs("<h3>", f);
			report_html_escape(f, heading);
			fputs("</h3>\n", f);
			snprintf(id, sizeof id, "chart-sweep-%s-%zu",
				 swp_items[k].kind, i);
			report_html_chart(f, id, "Each point's mean (mark) and "
					  "95% interval (bar) against the annual "
					  "cost of all its staff (with one value "
					  "varied, also the interval as a band "
					  "and the means as a line, in order of "
					  "cost); the goal dashed; the cheapest "
					  "point meeting every goal ringed.",
					  swp_spec, root, SWP_KINDS * i + k);
		}
	}
}

/* One point's cells of an agreement: mean, interval, verdict. */
static void swp_item_cells(FILE *f, const json_t *o, const char *figure)
{
	fputs("<td>", f);
	report_html_pct(f, result_figure(o, figure, "mean"));
	fputs("</td><td>", f);
	report_html_interval(f, o, figure);
	fputs("</td>", f);
	report_html_verdict(f, report_html_spec_verdict(o));
}

static void swp_table_row(FILE *f, const json_t *root, size_t i)
{
	const json_t *p = json_array_get(json_object_get(root, "points"), i);
	char values[1024];

	swp_values(root, p, values, sizeof values);
	fprintf(f, "<tr><td>%zu</td><td>", i);
	report_html_escape(f, values);
	fputs("</td><td>", f);
	report_html_money(f, swp_cost(p));
	fputs("</td>", f);
	for (size_t k = 0; k < SWP_KINDS; k++) {
		const json_t *list = json_object_get(p, swp_items[k].list);

		for (size_t j = 0; j < json_array_size(list); j++)
			swp_item_cells(f, json_array_get(list, j),
				       swp_items[k].figure);
	}
	fprintf(f, "<td>%s</td></tr>\n", swp_meets_all(p) ? (long)i
		== swp_cheapest(root) ? "yes, the cheapest" : "yes" : "no");
}

static void swp_table(FILE *f, const json_t *root)
{
	const json_t *pts = json_object_get(root, "points");
	const json_t *p0 = json_array_get(pts, 0);

	size_t columns = 4;

	for (size_t k = 0; k < SWP_KINDS; k++)
		columns += 3 * json_array_size(json_object_get(p0,
							       swp_items[k].list));
	report_html_table_open(f, columns);
	fputs("<thead><tr><th>point</th><th>values</th><th>annual cost</th>",
	      f);
	for (size_t k = 0; k < SWP_KINDS; k++) {
		const json_t *list = json_object_get(p0, swp_items[k].list);

		for (size_t j = 0; j < json_array_size(list); j++) {
			fputs("<th>", f);
			report_html_escape(f, result_string(json_array_get(
				list, j), "name"));
			fprintf(f, " %s</th><th>95%% interval</th><th>verdict"
				"</th>", k ? "within target" : "service level");
		}
	}
	fputs("<th>meets every goal</th></tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < json_array_size(pts); i++)
		swp_table_row(f, root, i);
	fputs("</tbody>\n</table></div>\n", f);
}

/* A list of words of the header ("vary", "set") as code, or "none". */
static void swp_words(FILE *f, const json_t *list)
{
	if (json_array_size(list) == 0)
		fputs("none", f);
	for (size_t i = 0; i < json_array_size(list); i++) {
		fputs(i ? ", <code>" : "<code>", f);
		report_html_escape(f, json_string_value(json_array_get(list, i)));
		fputs("</code>", f);
	}
	fputs("</dd>\n", f);
}

/* One option of the command and its value, as a shell would need it. */
static void swp_option(FILE *f, const char *option, const char *value)
{
	fprintf(f, " %s ", option);
	if (*value && strspn(value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM"
			     "NOPQRSTUVWXYZ0123456789_./=:,+-%@") == strlen(value)) {
		report_html_escape(f, value);
		return;
	}
	fputc('\'', f);
	for (; *value; value++) {
		char one[2] = { *value, 0 };

		report_html_escape(f, *value == '\'' ? "'\\''" : one);
	}
	fputc('\'', f);
}

/* Whether a --vary of the sweep starts with path (its days or warm-up
 * then vary by point: the header has point 0's, not an option's). */
static bool swp_varied(const json_t *h, const char *path)
{
	const json_t *vary = json_object_get(h, "vary");

	for (size_t i = 0; i < json_array_size(vary); i++)
		if (strncmp(json_string_value(json_array_get(vary, i)), path,
			    strlen(path)) == 0)
			return true;
	return false;
}

/* The command that runs the sweep again, from its identifying line: the
 * line holds what identifies the sweep (the scenario by its content, not
 * by how its path was spelt, so that --resume judges it by content), so
 * the scenario's file is written SCENARIO.yaml. */
static void swp_command(FILE *f, const json_t *h)
{
	static const char *const lists[2] = { "vary", "set" };
	char num[64];

	fputs("<code>callsim sweep SCENARIO.yaml", f);
	for (size_t k = 0; k < 2; k++) {
		const json_t *a = json_object_get(h, lists[k]);

		for (size_t i = 0; i < json_array_size(a); i++)
			swp_option(f, k ? "--set" : "--vary", json_string_value(
				json_array_get(a, i)));
	}
	snprintf(num, sizeof num, "%lld", (long long)json_integer_value(
		json_object_get(h, "seed")));
	swp_option(f, "--seed", num);
	snprintf(num, sizeof num, "%g", result_number(h, "replications"));
	swp_option(f, "--replications", num);
	snprintf(num, sizeof num, "%.17g", result_number(h, "days"));
	if (!swp_varied(h, "run.days="))
		swp_option(f, "--days", num);
	snprintf(num, sizeof num, "%.17g", result_number(h, "warmup_hours"));
	if (!swp_varied(h, "run.warmup_hours="))
		swp_option(f, "--warmup-hours", num);
	fputs(" --format jsonl</code> (SCENARIO.yaml: the file whose content "
	      "has the fingerprint above)</dd>\n", f);
}

static void swp_provenance(FILE *f, const json_t *root)
{
	const json_t *h = json_object_get(root, "header");

	fputs("<header>\n<h1>", f);
	report_html_escape(f, result_string(h, "name"));
	fputs(": a sweep</h1>\n<p>A callsim sweep: the scenario run at every "
	      "combination of the values below, every point with the same "
	      "seed; every figure is a mean over replications with its 95% "
	      "confidence interval.</p>\n<dl>\n", f);
	report_html_dt(f, "scenario");
	report_html_escape(f, result_string(h, "name"));
	fputs("</dd>\n", f);
	report_html_dt(f, "content fingerprint (FNV-1a, every point)");
	report_html_escape(f, result_string(h, "content_fnv1a"));
	fputs("</dd>\n", f);
	report_html_dt(f, "varied");
	swp_words(f, json_object_get(h, "vary"));
	report_html_dt(f, "set at every point");
	swp_words(f, json_object_get(h, "set"));
	report_html_dt(f, "points");
	fprintf(f, "%zu of %lld</dd>\n", json_array_size(json_object_get(
		root, "points")), (long long)json_integer_value(
		json_object_get(h, "points")));
	report_html_dt(f, "seed");
	fprintf(f, "%lld</dd>\n", (long long)json_integer_value(
		json_object_get(h, "seed")));
	report_html_dt(f, "replications");
	fprintf(f, "%g at every point</dd>\n", result_number(h,
							     "replications"));
	report_html_dt(f, "horizon");
	fprintf(f, "%g day%s counted, after a %g h warm-up</dd>\n",
		result_number(h, "days"), result_number(h, "days") == 1.0
		? "" : "s", result_number(h, "warmup_hours"));
	report_html_dt(f, "callsim version");
	report_html_escape(f, result_string(h, "callsim_version"));
	fputs("</dd>\n", f);
	report_html_dt(f, "command");
	swp_command(f, h);
	fputs("</dl>\n</header>\n", f);
}

void report_html_sweep(FILE *f, const json_t *root)
{
	char title[400];

	snprintf(title, sizeof title, "%s sweep", result_string(
		json_object_get(root, "header"), "name"));
	report_html_head(f, title);
	swp_provenance(f, root);
	fputs("<section id=\"sweep\">\n<h2>Service against cost</h2>\n", f);
	if (json_array_size(json_object_get(root, "points")) == 0) {
		fputs("<p>The sweep holds no finished point yet.</p>\n"
		      "</section>\n", f);
		report_html_foot(f);
		return;
	}
	swp_verdict_words(f, root);
	swp_charts(f, root);
	fputs("<h3>Every point</h3>\n", f);
	swp_table(f, root);
	fputs("</section>\n", f);
	report_html_foot(f);
}
