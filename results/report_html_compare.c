/* report_html_compare.c: the page of a comparison (see report_html_page.h
 * and docs/report.md): each agreement (lines, grades, streams of
 * deferrable work) on both sides, the paired difference
 * B - A of each with its interval, the areas' differences, the hour-of-
 * week heat map of B - A per line, and the costs.
 *
 * A difference is read from its paired 95% interval: above zero B is
 * better (the agreements' figures are shares within target: higher is
 * better), below it worse, across it no clear difference; an interval of
 * exactly zero is the same (the variants do not differ there). The word
 * is written beside the mark and in the table, so nothing relies on
 * colour. */
#include "results/report_html_page.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "results/report_html.h"
#include "results/report_html_spec.h"
#include "results/result_read.h"

/* The words of a difference, with their colour and shape. */
#define CMP_CHANGE_DOMAIN \
	"[\"better in B\",\"worse in B\",\"no clear difference\",\"the same\"]"
#define CMP_CHANGE_COLOR \
	"{\"field\":\"change\",\"type\":\"nominal\",\"scale\":{\"domain\":" \
	CMP_CHANGE_DOMAIN ",\"range\":[\"#0072B2\",\"#D55E00\",\"#6E6E6E\"," \
	"\"#BBBBBB\"]},\"title\":\"B - A\"}"
#define CMP_CHANGE_SHAPE \
	"{\"field\":\"change\",\"type\":\"nominal\",\"scale\":{\"domain\":" \
	CMP_CHANGE_DOMAIN ",\"range\":[\"triangle-up\",\"triangle-down\"," \
	"\"diamond\",\"square\"]},\"title\":\"B - A\"}"

static const char cmp_days[7][4] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

/* What the paired interval of diff (an object with "diff") says. */
static const char *cmp_change(const json_t *fig)
{
	double lo = result_figure(fig, "diff", "ci_low");
	double hi = result_figure(fig, "diff", "ci_high");

	if (!isfinite(lo) || !isfinite(hi))
		return "no clear difference";
	if (lo == 0 && hi == 0)
		return "the same";
	return lo > 0 ? "better in B" : hi < 0 ? "worse in B"
		: "no clear difference";
}

/* A side's verdict of an item ("verdict_a" or "verdict_b") in words. */
static const char *cmp_verdict(const json_t *it, const char *key)
{
	const char *v = json_string_value(json_object_get(it, key));

	return v != NULL ? v : "no goal";
}

/* One agreement of a comparison: a line's service level, a grade's
 * attended within target or a deferrable stream's share within target. */
struct cmp_agreement {
	const json_t *item;
	const char *figure;        /* "service_level", "attended_within_target",
				      "within_target" */
	char label[320];           /* "999 calls answered within 10 s" */
};

/* The target of agreement item of list k (0 lines, 1 grades, 2 streams of
 * deferrable work, whose targets are in hours) in seconds: A's, or B's on
 * an item only in B; NAN without one. */
static double cmp_target_s(const json_t *item, size_t k)
{
	static const char *const keys[3][2] = {
		{ "target_s_a", "target_s_b" }, { "target_s_a", "target_s_b" },
		{ "target_h_a", "target_h_b" }
	};
	double t = result_number(item, keys[k][0]);

	t = isfinite(t) ? t : result_number(item, keys[k][1]);
	return k == 2 ? 3600.0 * t : t;
}

/* Calls fn for each line, each grade with a target on a side, then each
 * stream of deferrable work (the key is left out without any). */
static void cmp_agreements(const json_t *root,
			   void (*fn)(void *, const struct cmp_agreement *),
			   void *ctx)
{
	static const char *const lists[3] = { "lines", "grades", "deferrable" };
	static const char *const figures[3] = {
		"service_level", "attended_within_target", "within_target"
	};
	static const char *const what[3] = {
		"calls answered", "incidents attended", "items taken"
	};
	struct cmp_agreement a;
	char target[32];

	for (size_t k = 0; k < 3; k++) {
		const json_t *list = json_object_get(root, lists[k]);

		for (size_t i = 0; i < json_array_size(list); i++) {
			double t;

			a.item = json_array_get(list, i);
			t = cmp_target_s(a.item, k);
			if (k == 1 && !isfinite(t))
				continue;
			a.figure = figures[k];
			report_html_spec_duration(t, target);
			snprintf(a.label, sizeof a.label, "%s %s within %s",
				 result_string(a.item, "name"), what[k], target);
			fn(ctx, &a);
		}
	}
}

/* ------------------------------------------------------------------ */
/* Specs                                                               */

/* Two rows an agreement: side A and side B, each with its goal and
 * verdict. */
static void cmp_sides_row(void *ctx, const struct cmp_agreement *a)
{
	struct emit_json *w = ctx;
	const json_t *fig = json_object_get(a->item, a->figure);

	for (int s = 0; s < 2; s++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "agreement", a->label);
		emit_json_key_string(w, "name", result_string(a->item, "name"));
		emit_json_key_string(w, "side", s ? "B" : "A");
		report_html_figure(w, fig, s ? "b" : "a");
		emit_json_key_number(w, "goal", result_number(a->item, s
							      ? "goal_b" : "goal_a"));
		emit_json_key_string(w, "verdict", cmp_verdict(a->item, s
			? "verdict_b" : "verdict_a"));
		emit_json_close(w, '}');
	}
}

static void cmp_sides_rows(struct emit_json *w, const json_t *root,
			   size_t unused)
{
	(void)unused;
	cmp_agreements(root, cmp_sides_row, w);
}

/* A and B a row each within an agreement's band: interval, mean (shape
 * and colour by verdict), goal tick, and the verdict in words. */
static void cmp_spec_sides(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	fputs("{\"width\":420,\"height\":{\"step\":20},"
	      "\"config\":{\"legend\":{\"orient\":\"bottom\"}},\"encoding\":{\"y\":"
	      "{\"field\":\"agreement\",\"type\":\"nominal\",\"sort\":null,"
	      "\"title\":null,\"axis\":{\"labelLimit\":300}},\"yOffset\":"
	      "{\"field\":\"side\",\"sort\":[\"A\",\"B\"]}},\"layer\":["
	      "{\"mark\":{\"type\":\"rule\",\"strokeWidth\":3},\"encoding\":"
	      "{\"x\":{\"field\":\"ci_low\",\"type\":\"quantitative\","
	      REPORT_HTML_SHARE_AXIS ",\"title\":"
	      "\"within target: mean and 95% interval of A (upper) and B "
	      "(lower); black tick: the goal\"},\"x2\":{\"field\":\"ci_high\"},"
	      "\"color\":" REPORT_HTML_VERDICT_COLOR "}},"
	      "{\"mark\":{\"type\":\"point\",\"filled\":true,\"size\":80},"
	      "\"encoding\":{\"x\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\"},\"color\":" REPORT_HTML_VERDICT_COLOR
	      ",\"shape\":" REPORT_HTML_VERDICT_SHAPE "}},"
	      "{\"mark\":{\"type\":\"tick\",\"color\":\"black\",\"thickness\":"
	      "2,\"size\":16},\"encoding\":{\"x\":{\"field\":\"goal\",\"type\":"
	      "\"quantitative\"}}},"
	      "{\"mark\":{\"type\":\"text\",\"align\":\"left\",\"dx\":10},"
	      "\"encoding\":{\"x\":{\"field\":\"ci_high\",\"type\":"
	      "\"quantitative\"},\"text\":{\"field\":\"label\"},\"color\":"
	      REPORT_HTML_VERDICT_COLOR "}}],\"transform\":[{\"calculate\":"
	      "\"datum.side + ': ' + datum.verdict\",\"as\":\"label\"}]", f);
	report_html_data(f, cmp_sides_rows, root, 0);
}

/* One row of a difference: what, its paired mean and interval, and what
 * the interval says. */
static void cmp_diff_row(struct emit_json *w, const char *what,
			 const char *name, const json_t *fig)
{
	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "agreement", what);
	emit_json_key_string(w, "name", name);
	report_html_figure(w, fig, "diff");
	emit_json_key_string(w, "change", cmp_change(fig));
	emit_json_close(w, '}');
}

static void cmp_diffs_row(void *ctx, const struct cmp_agreement *a)
{
	cmp_diff_row(ctx, a->label, result_string(a->item, "name"),
		     json_object_get(a->item, a->figure));
}

static void cmp_diffs_rows(struct emit_json *w, const json_t *root,
			   size_t unused)
{
	(void)unused;
	cmp_agreements(root, cmp_diffs_row, w);
}

/* Each area's top grade's attended within target, B - A. */
static void cmp_areas_rows(struct emit_json *w, const json_t *root,
			   size_t unused)
{
	const json_t *areas = json_object_get(root, "areas");

	(void)unused;
	for (size_t i = 0; i < json_array_size(areas); i++) {
		const json_t *a = json_array_get(areas, i);

		cmp_diff_row(w, result_string(a, "name"), result_string(a,
			     "name"), json_object_get(a,
			     "emergency_attended_within_target"));
	}
}

/* A difference chart: the paired interval as a bar, the mean as a mark
 * whose shape and colour say which way, zero as a black rule, the words
 * beside. */
static void cmp_spec_diff(FILE *f, const json_t *root, size_t areas)
{
	fputs("{\"width\":420,\"height\":{\"step\":30},"
	      "\"config\":{\"legend\":{\"orient\":\"bottom\"}},\"encoding\":{\"y\":"
	      "{\"field\":\"agreement\",\"type\":\"nominal\",\"sort\":null,"
	      "\"title\":null,\"axis\":{\"labelLimit\":300}}},\"layer\":["
	      "{\"mark\":{\"type\":\"rule\",\"strokeWidth\":3},\"encoding\":"
	      "{\"x\":{\"field\":\"ci_low\",\"type\":\"quantitative\",\"axis\":"
	      "{\"format\":\"+.1%\"},\"title\":\"B - A in percentage points: "
	      "mean and paired 95% interval; black line: no difference\"},"
	      "\"x2\":{\"field\":\"ci_high\"},\"color\":" CMP_CHANGE_COLOR "}},"
	      "{\"mark\":{\"type\":\"point\",\"filled\":true,\"size\":90},"
	      "\"encoding\":{\"x\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\"},\"color\":" CMP_CHANGE_COLOR ",\"shape\":"
	      CMP_CHANGE_SHAPE "}},"
	      "{\"mark\":{\"type\":\"rule\",\"color\":\"black\"},\"encoding\":"
	      "{\"x\":{\"datum\":0,\"type\":\"quantitative\"}}},"
	      "{\"mark\":{\"type\":\"text\",\"align\":\"left\",\"dx\":10,"
	      "\"fontWeight\":\"bold\"},\"encoding\":{\"x\":{\"field\":"
	      "\"ci_high\",\"type\":\"quantitative\"},\"text\":{\"field\":"
	      "\"change\"},\"color\":" CMP_CHANGE_COLOR "}}]", f);
	report_html_data(f, areas ? cmp_areas_rows : cmp_diffs_rows, root, 0);
}

/* 168 rows of line l: each hour's service level on both sides and B's
 * mean less A's. */
static void cmp_heat_rows(struct emit_json *w, const json_t *root, size_t l)
{
	const json_t *iv = json_object_get(root, "intervals");

	for (size_t h = 0; h < json_array_size(iv); h++) {
		const json_t *line = json_array_get(json_object_get(
			json_array_get(iv, h), "lines"), l);
		const json_t *sl = json_object_get(line, "service_level");

		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "line", result_string(line, "name"));
		emit_json_key_number(w, "hour_of_week", (double)h);
		emit_json_key_string(w, "day", cmp_days[h / 24 % 7]);
		emit_json_key_number(w, "hour", (double)(h % 24));
		emit_json_key_number(w, "a", result_figure(sl, "a", "mean"));
		emit_json_key_number(w, "b", result_figure(sl, "b", "mean"));
		emit_json_key_number(w, "diff", result_number(line,
							      "diff_of_means"));
		emit_json_close(w, '}');
	}
}

/* The largest |B - A| of line l's hours, at least one point. */
static double cmp_heat_span(const json_t *root, size_t l)
{
	const json_t *iv = json_object_get(root, "intervals");
	double span = 0.01;

	for (size_t h = 0; h < json_array_size(iv); h++) {
		double d = result_number(json_array_get(json_object_get(
			json_array_get(iv, h), "lines"), l), "diff_of_means");

		if (isfinite(d) && fabs(d) > span)
			span = fabs(d);
	}
	return span;
}

/* Days down, hours across; blue where B is higher, orange where lower,
 * white at no change, grey where an hour has no service level. */
static void cmp_spec_heat(FILE *f, const json_t *root, size_t l)
{
	double span = cmp_heat_span(root, l);

	fputs("{\"width\":{\"step\":22},\"height\":{\"step\":22},"
	      "\"config\":{\"scale\":{\"invalid\":{\"color\":{\"value\":"
	      "\"#DDDDDD\"}}}},"
	      "\"mark\":{\"type\":\"rect\",\"invalid\":\"show\",\"stroke\":"
	      "\"white\",\"strokeWidth\":0.5},\"encoding\":{"
	      "\"x\":{\"field\":\"hour\",\"type\":\"ordinal\",\"title\":"
	      "\"hour of the day\"},"
	      "\"y\":{\"field\":\"day\",\"type\":\"ordinal\",\"title\":null,"
	      "\"sort\":[\"Mon\",\"Tue\",\"Wed\",\"Thu\",\"Fri\",\"Sat\","
	      "\"Sun\"]},\"color\":{\"field\":\"diff\",\"type\":"
	      "\"quantitative\",\"legend\":{\"format\":\"+.0%\",\"title\":"
	      "\"B - A\"},\"scale\":{\"scheme\":\"blueorange\",\"reverse\":"
	      "true,\"domain\":[", f);
	emit_json_number(f, -span);
	fputc(',', f);
	emit_json_number(f, span);
	fputs("],\"domainMid\":0}}}", f);
	report_html_data(f, cmp_heat_rows, root, l);
}

/* ------------------------------------------------------------------ */
/* Tables and sections                                                 */

/* A fraction as signed percentage points with `decimals` decimals; a
 * value that rounds to nothing is +0, never -0. */
static void cmp_pp_to(FILE *f, double x, int decimals)
{
	double scale = decimals ? 1000 : 100;
	double r = round(scale * x) / (scale / 100);

	if (!isfinite(x))
		fputs("&ndash;", f);
	else
		fprintf(f, "%+.*f", decimals, r == 0 ? 0.0 : r);
}

/* A difference's mean and interval in percentage points. */
static void cmp_pp(FILE *f, double x)
{
	cmp_pp_to(f, x, 1);
}

static void cmp_diff_cells(FILE *f, const json_t *fig)
{
	fputs("<td>", f);
	cmp_pp(f, result_figure(fig, "diff", "mean"));
	fputs("</td><td>[", f);
	cmp_pp(f, result_figure(fig, "diff", "ci_low"));
	fputs(", ", f);
	cmp_pp(f, result_figure(fig, "diff", "ci_high"));
	fprintf(f, "]</td><td>%s</td>", cmp_change(fig));
}

/* One agreement's row: goal, A and B with intervals and verdicts, and
 * the difference. */
static void cmp_agreement_row(void *ctx, const struct cmp_agreement *a)
{
	FILE *f = ctx;
	const json_t *fig = json_object_get(a->item, a->figure);

	fputs("<tr><td>", f);
	report_html_escape(f, a->label);
	fputs("</td>", f);
	for (int s = 0; s < 2; s++) {
		fputs("<td>", f);
		report_html_pct(f, result_number(a->item, s ? "goal_b"
						 : "goal_a"));
		fputs("</td><td>", f);
		report_html_pct(f, result_figure(fig, s ? "b" : "a", "mean"));
		fputs(" ", f);
		report_html_interval(f, fig, s ? "b" : "a");
		fputs("</td>", f);
		report_html_verdict(f, cmp_verdict(a->item, s ? "verdict_b"
						   : "verdict_a"));
	}
	cmp_diff_cells(f, fig);
	fputs("</tr>\n", f);
}

static void cmp_agreements_section(FILE *f, const json_t *root)
{
	fputs("<section id=\"agreements\">\n<h2>The agreements, A against B"
	      "</h2>\n<p>Each agreement on both sides, with each side's "
	      "verdict (met: the goal is at or below the whole 95% interval; "
	      "missed: above it; uncertain: inside it).</p>\n", f);
	report_html_chart(f, "chart-cmp-sides", "Each agreement's mean "
			  "(mark) and 95% interval (bar) in A (upper) and B "
			  "(lower) against its goal (black tick), the verdict "
			  "written beside.", cmp_spec_sides, root, 0);
	fputs("<h3>The difference B - A</h3>\n<p>Both sides ran with the "
	      "same random numbers, replication by replication, so the "
	      "interval of the difference is that of the paired differences: "
	      "narrower than the two sides' intervals suggest. Above zero B "
	      "is better, below it worse; an interval across zero is no "
	      "clear difference.</p>\n", f);
	report_html_chart(f, "chart-cmp-diff", "B - A of each agreement in "
			  "percentage points: mean (mark; triangle up: better "
			  "in B, down: worse), paired 95% interval (bar), "
			  "zero (black line), the reading written beside.",
			  cmp_spec_diff, root, 0);
	fputs("<table>\n<thead><tr><th>agreement</th><th>goal A</th><th>A: "
	      "mean [95% interval]</th><th>verdict A</th><th>goal B</th><th>"
	      "B: mean [95% interval]</th><th>verdict B</th><th>B - A (pp)"
	      "</th><th>paired 95% interval (pp)</th><th>reading</th></tr>"
	      "</thead>\n<tbody>\n", f);
	cmp_agreements(root, cmp_agreement_row, f);
	fputs("</tbody>\n</table>\n</section>\n", f);
}

/* A and B of one figure of an area, in its unit, then B - A unless the
 * paired interval follows (diff false). */
static void cmp_area_cells(FILE *f, const json_t *area, const char *key,
			   bool share, bool diff)
{
	const json_t *fig = json_object_get(area, key);
	void (*num)(FILE *, double) = share ? report_html_pct
		: report_html_count;

	for (int s = 0; s < 2; s++) {
		fputs("<td>", f);
		num(f, result_figure(fig, s ? "b" : "a", "mean"));
		fputs("</td>", f);
	}
	if (!diff)
		return;
	fputs("<td>", f);
	if (share)
		cmp_pp(f, result_figure(fig, "diff", "mean"));
	else
		report_html_count(f, result_figure(fig, "diff", "mean"));
	fputs("</td>", f);
}

/* One area: its top grade's attended within target with the paired
 * interval and reading, then utilisation, abstractions and their hours. */
static void cmp_area_row(FILE *f, const json_t *area)
{
	fputs("<tr><td>", f);
	report_html_escape(f, result_string(area, "name"));
	fputs("</td>", f);
	cmp_area_cells(f, area, "emergency_attended_within_target", true,
		       false);
	cmp_diff_cells(f, json_object_get(area,
					  "emergency_attended_within_target"));
	cmp_area_cells(f, area, "utilisation", true, true);
	cmp_area_cells(f, area, "abstractions", false, true);
	cmp_area_cells(f, area, "abstraction_hours", false, true);
	fputs("</tr>\n", f);
}

/* Per-area differences; nothing for calls-only scenarios. */
static void cmp_areas_section(FILE *f, const json_t *root)
{
	const json_t *areas = json_object_get(root, "areas");

	if (json_array_size(areas) == 0)
		return;
	fputs("<section id=\"areas\">\n<h2>Areas: B - A</h2>\n", f);
	report_html_chart(f, "chart-cmp-areas", "B - A of each area's share "
			  "of its top grade's incidents attended within "
			  "target, in percentage points: mean (mark), paired "
			  "95% interval (bar), zero (black line), the reading "
			  "written beside.", cmp_spec_diff, root, 1);
	fputs("<div class=\"scroll\"><table>\n<thead><tr><th rowspan=\"2\">"
	      "area</th><th colspan=\"5\">top grade attended within target"
	      "</th><th colspan=\"3\">utilisation</th><th colspan=\"3\">"
	      "abstractions</th><th colspan=\"3\">abstraction hours</th></tr>"
	      "\n<tr><th>A</th><th>B</th><th>B - A (pp)</th><th>paired 95% "
	      "interval (pp)</th><th>reading</th>", f);
	for (int k = 0; k < 3; k++)
		fputs("<th>A</th><th>B</th><th>B - A</th>", f);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < json_array_size(areas); i++)
		cmp_area_row(f, json_array_get(areas, i));
	fputs("</tbody>\n</table></div>\n</section>\n", f);
}

/* Line l's B - A (percentage points) as a table of days by hours. */
static void cmp_heat_table(FILE *f, const json_t *iv, size_t l)
{
	fputs("<div class=\"scroll\"><table class=\"hm\">\n<thead><tr>"
	      "<th>pp</th>", f);
	for (int h = 0; h < 24; h++)
		fprintf(f, "<th>%02d</th>", h);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t d = 0; d < 7; d++) {
		fprintf(f, "<tr><td>%s</td>", cmp_days[d]);
		for (size_t h = 0; h < 24; h++) {
			double x = result_number(json_array_get(json_object_get(
				json_array_get(iv, 24 * d + h), "lines"), l),
				"diff_of_means");

			fputs("<td>", f);
			cmp_pp_to(f, x, 0);
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
}

static void cmp_hours_section(FILE *f, const json_t *root)
{
	const json_t *lines = json_object_get(root, "lines");
	const json_t *iv = json_object_get(root, "intervals");
	char id[64];

	fputs("<section id=\"hours\">\n<h2>Service level by hour of the "
	      "week: B - A</h2>\n<p>B's mean service level in each hour of "
	      "the week less A's (a difference of means: the paired "
	      "intervals above are of the whole horizon).</p>\n", f);
	for (size_t l = 0; l < json_array_size(lines); l++) {
		fputs("<h3>Line ", f);
		report_html_escape(f, result_string(json_array_get(lines, l),
						    "name"));
		fputs("</h3>\n", f);
		snprintf(id, sizeof id, "chart-cmp-heatmap-%zu", l);
		report_html_chart(f, id, "B - A of the share of calls answered "
				  "within target, by the hour they arrived: "
				  "blue where B is higher, orange where it is "
				  "lower; grey: no service level on a side. "
				  "The table gives each hour in whole "
				  "percentage points.", cmp_spec_heat, root, l);
		cmp_heat_table(f, iv, l);
	}
	fputs("</section>\n", f);
}

/* The pools or roles of the costs, or the total, as table rows. */
static void cmp_cost_row(FILE *f, const json_t *item, const char *kind)
{
	fputs("<tr><td>", f);
	report_html_escape(f, json_is_string(json_object_get(item, "name"))
			   ? result_string(item, "name") : "everyone");
	fprintf(f, "</td><td>%s</td>", kind);
	for (int k = 0; k < 2; k++) {
		const json_t *fig = json_object_get(item, k ? "annual_cost"
						    : "fte");
		void (*num)(FILE *, double) = k ? report_html_money
			: report_html_count;

		for (int s = 0; s < 3; s++) {
			fputs("<td>", f);
			num(f, result_figure(fig, s == 0 ? "a" : s == 1 ? "b"
					     : "diff", "mean"));
			fputs("</td>", f);
		}
	}
	fputs("</tr>\n", f);
}

static void cmp_costs_section(FILE *f, const json_t *root)
{
	static const char *const lists[2] = { "pools", "roles" };
	const json_t *costs = json_object_get(root, "costs");
	const json_t *total = json_object_get(costs, "total");

	fputs("<section id=\"costs\">\n<h2>Costs</h2>\n<p>From each "
	      "side's staffing and cost per FTE: exact, not simulated."
	      "</p>\n<table>\n<thead><tr><th>staff</th><th>kind</th><th>FTE "
	      "A</th><th>FTE B</th><th>B - A</th><th>annual cost A</th><th>"
	      "annual cost B</th><th>B - A</th></tr></thead>\n<tbody>\n", f);
	for (size_t k = 0; k < 2; k++) {
		const json_t *list = json_object_get(costs, lists[k]);

		for (size_t i = 0; i < json_array_size(list); i++)
			cmp_cost_row(f, json_array_get(list, i),
				     k ? "role" : "pool");
	}
	if (json_is_object(total))
		cmp_cost_row(f, total, "total");
	fputs("</tbody>\n</table>\n</section>\n", f);
}

/* A side's scenario, fingerprint and horizon. */
static void cmp_side_dd(FILE *f, const json_t *root, const char *key)
{
	const json_t *s = json_object_get(root, key);
	double days = result_number(s, "days");

	report_html_escape(f, result_string(s, "scenario"));
	fputs(" (<code>", f);
	report_html_escape(f, result_string(s, "file"));
	fputs("</code>; content fingerprint ", f);
	report_html_escape(f, result_string(s, "content_fnv1a"));
	fprintf(f, "; %g day%s counted after a %g h warm-up)</dd>\n", days,
		days == 1.0 ? "" : "s", result_number(s, "warmup_hours"));
}

static void cmp_provenance(FILE *f, const json_t *root)
{
	fputs("<header>\n<h1>", f);
	report_html_escape(f, result_string(json_object_get(root, "a"),
					    "scenario"));
	fputs(" (A) against ", f);
	report_html_escape(f, result_string(json_object_get(root, "b"),
					    "scenario"));
	fputs(" (B)</h1>\n<p>A callsim comparison: every figure is a mean "
	      "over replications with its 95% confidence interval, and each "
	      "difference B - A has the interval of the paired differences."
	      "</p>\n<dl>\n", f);
	report_html_dt(f, "A");
	cmp_side_dd(f, root, "a");
	report_html_dt(f, "B");
	cmp_side_dd(f, root, "b");
	report_html_dt(f, "seed");
	fprintf(f, "%lld</dd>\n", (long long)json_integer_value(
			json_object_get(root, "seed")));
	report_html_dt(f, "replications");
	fprintf(f, "%g of each side, paired</dd>\n",
		result_number(root, "replications"));
	report_html_dt(f, "callsim version");
	report_html_escape(f, result_string(root, "callsim_version"));
	fputs("</dd>\n", f);
	report_html_dt(f, "command");
	report_html_command(f, root);
	fputs("</dd>\n</dl>\n</header>\n", f);
}

void report_html_compare(FILE *f, const json_t *root)
{
	char title[600];

	snprintf(title, sizeof title, "%s against %s",
		 result_string(json_object_get(root, "a"), "scenario"),
		 result_string(json_object_get(root, "b"), "scenario"));
	report_html_head(f, title);
	cmp_provenance(f, root);
	cmp_agreements_section(f, root);
	cmp_areas_section(f, root);
	cmp_hours_section(f, root);
	cmp_costs_section(f, root);
	report_html_foot(f);
}
