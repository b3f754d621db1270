/* report_html_fit.c: the page of a fit (see report_html_page.h,
 * docs/report.md and docs/fit.md): for each line, the handle and wrap-up
 * times of the log against the family fitted (the data's quantiles and
 * the fitted distribution function), and its callers' patience, the
 * Kaplan-Meier survival with its 95% band against the fitted survival. */
#include "results/report_html_page.h"

#include <math.h>
#include <string.h>

#include "results/result_read.h"

static const char *const fit_keys[2] = { "handle", "wrap" };

/* A chart's rows: the points of the JSON as they are. arg: line * 3 +
 * (0 handle, 1 wrap, 2 patience). */
static void fitp_rows(struct emit_json *w, const json_t *root, size_t arg)
{
	static const char *const handle[] = { "p", "x", "fitted" };
	static const char *const surv[] = { "t", "km", "km_low", "km_high",
					    "fitted" };
	const json_t *line = json_array_get(json_object_get(root, "lines"),
					    arg / 3);
	const json_t *o = json_object_get(line, arg % 3 == 2 ? "patience"
					  : fit_keys[arg % 3]);
	const json_t *pts = json_object_get(o, "points");
	const char *const *keys = arg % 3 == 2 ? surv : handle;
	size_t n = arg % 3 == 2 ? 5 : 3;

	for (size_t i = 0; i < json_array_size(pts); i++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		for (size_t k = 0; k < n; k++)
			emit_json_key_number(w, keys[k], result_number(
				json_array_get(pts, i), keys[k]));
		emit_json_close(w, '}');
	}
}

/* Handle or wrap-up: the share of calls done by x, the data's against
 * the fitted family's. */
static void fitp_spec_duration(FILE *f, const json_t *root, size_t arg)
{
	fputs("{\"width\":420,\"height\":220,"
	      "\"config\":{\"legend\":{\"orient\":\"bottom\"}},"
	      "\"transform\":[{\"fold\":[\"p\",\"fitted\"],\"as\":[\"series\","
	      "\"share\"]},{\"calculate\":\"datum.series === 'p' ? 'data' : "
	      "'fitted'\",\"as\":\"curve\"}],\"mark\":{\"type\":\"line\","
	      "\"strokeWidth\":2},\"encoding\":{\"x\":{\"field\":\"x\",\"type\":"
	      "\"quantitative\",\"title\":\"seconds\"},\"y\":{\"field\":"
	      "\"share\",\"type\":\"quantitative\",\"axis\":{\"format\":"
	      "\".0%\"},\"title\":\"share of calls done by then\"},"
	      "\"color\":{\"field\":\"curve\",\"type\":\"nominal\",\"scale\":"
	      "{\"domain\":[\"data\",\"fitted\"],\"range\":[\"#0072B2\","
	      "\"#D55E00\"]},\"title\":null},\"strokeDash\":{\"field\":"
	      "\"curve\",\"type\":\"nominal\",\"scale\":{\"domain\":[\"data\","
	      "\"fitted\"],\"range\":[[1,0],[6,3]]},\"title\":null}}", f);
	report_html_data(f, fitp_rows, root, arg);
}

/* Patience: the Kaplan-Meier survival as steps in its 95% band, and the
 * fitted survival dashed. */
static void fitp_spec_patience(FILE *f, const json_t *root, size_t arg)
{
	fputs("{\"width\":420,\"height\":220,\"encoding\":{\"x\":{\"field\":"
	      "\"t\",\"type\":\"quantitative\",\"title\":\"wait (s)\"}},"
	      "\"layer\":[{\"mark\":{\"type\":\"area\",\"opacity\":0.25,"
	      "\"color\":\"#56B4E9\",\"interpolate\":\"step-after\"},"
	      "\"encoding\":{\"y\":{\"field\":\"km_low\",\"type\":"
	      "\"quantitative\",\"scale\":{\"zero\":false},\"axis\":{"
	      "\"format\":\".1%\"},\"title\":"
	      "\"share of callers still waiting\"},\"y2\":{\"field\":"
	      "\"km_high\"}}},{\"mark\":{\"type\":\"line\",\"color\":"
	      "\"#0072B2\",\"interpolate\":\"step-after\"},\"encoding\":{\"y\":"
	      "{\"field\":\"km\",\"type\":\"quantitative\"}}},{\"transform\":"
	      "[{\"filter\":\"isValid(datum.fitted)\"}],\"mark\":{\"type\":"
	      "\"line\",\"color\":\"#D55E00\",\"strokeDash\":[6,3]},"
	      "\"encoding\":{\"y\":{\"field\":\"fitted\",\"type\":"
	      "\"quantitative\"}}}]", f);
	report_html_data(f, fitp_rows, root, arg);
}

/* The families set aside (d's "set_aside"), each with why, after lead;
 * nothing when none was. */
static void fitp_set_aside(FILE *f, const json_t *d, const char *lead)
{
	const json_t *a = json_object_get(d, "set_aside");

	for (size_t i = 0; i < json_array_size(a); i++) {
		const json_t *e = json_array_get(a, i);

		fputs(i ? "; " : lead, f);
		report_html_escape(f, result_string(e, "family"));
		fputs(", ", f);
		report_html_escape(f, result_string(e, "why"));
	}
	if (json_array_size(a) > 0)
		fputs(".", f);
}

/* Handle or wrap-up of line l: its words and chart, or why none. */
static void fitp_duration(FILE *f, const json_t *root, size_t l, int k)
{
	const json_t *line = json_array_get(json_object_get(root, "lines"), l);
	const json_t *d = json_object_get(line, fit_keys[k]);
	char id[64];

	fprintf(f, "<h3>%s</h3>\n", k ? "Wrap-up" : "Handle (talk) time");
	if (!json_is_object(d)) {
		fputs("<p>Nothing fitted (fewer than two times above 0).</p>\n",
		      f);
		return;
	}
	fprintf(f, "<p>%.0f calls; the best family by AIC, ",
		result_number(d, "n"));
	report_html_escape(f, result_string(d, "family"));
	fprintf(f, ", is %.3f from the data at most (Kolmogorov-Smirnov)",
		result_number(d, "ks"));
	if (json_is_true(json_object_get(d, "empirical")))
		fprintf(f, "; more than %.3f (the larger of 0.03 and "
			"1.36/sqrt(n)), so the scenario has the data's own "
			"distribution", result_number(d, "ks_max"));
	fitp_set_aside(f, d, ". Set aside: ");
	fputs("</p>\n", f);
	snprintf(id, sizeof id, "chart-fit-%zu-%s", l, fit_keys[k]);
	report_html_chart(f, id, "The share of calls done by each time: the "
			  "data's 200 quantiles (solid) against the fitted "
			  "family's distribution function (dashed).",
			  fitp_spec_duration, root, 3 * l + (size_t)k);
}

/* Patience of line l. */
static void fitp_patience(FILE *f, const json_t *root, size_t l)
{
	const json_t *line = json_array_get(json_object_get(root, "lines"), l);
	const json_t *p = json_object_get(line, "patience");
	const char *fam = result_string(p, "family");
	char id[64];

	fprintf(f, "<h3>Patience</h3>\n<p>%.0f waits, %.0f of them ended by "
		"the caller hanging up; ", result_number(p, "n"),
		result_number(p, "abandoned"));
	if (*fam) {
		fputs("fitted by censored maximum likelihood: ", f);
		report_html_escape(f, fam);
	} else if (json_array_size(json_object_get(p, "set_aside")) > 0) {
		fputs("no family eligible, so callers never hang up", f);
	} else {
		fputs("too few hung up for a fit", f);
	}
	fprintf(f, ". Beyond the longest wait, %.1f s, the data say nothing.",
		result_number(p, "longest_wait_s"));
	fitp_set_aside(f, p, " Set aside: ");
	fputs("</p>\n", f);
	if (json_array_size(json_object_get(p, "points")) == 0)
		return;
	snprintf(id, sizeof id, "chart-fit-%zu-patience", l);
	report_html_chart(f, id, "The share of callers who would still be "
			  "waiting after each wait: the Kaplan-Meier estimate "
			  "(steps) with its 95% band (shaded), against the "
			  "fitted survival (dashed).", fitp_spec_patience, root,
			  3 * l + 2);
}

static void fitp_header(FILE *f, const json_t *root)
{
	fputs("<header>\n<h1>", f);
	report_html_escape(f, result_string(root, "calls_log"));
	fputs(": fit</h1>\n<dl>\n", f);
	report_html_dt(f, "calls log");
	report_html_escape(f, result_string(root, "calls_log"));
	fprintf(f, ", %.0f calls</dd>\n", result_number(root, "calls"));
	report_html_dt(f, "command");
	report_html_command(f, root);
	fputs("</dd>\n", f);
	report_html_dt(f, "callsim version");
	report_html_escape(f, result_string(root, "callsim_version"));
	fputs("</dd>\n</dl>\n</header>\n", f);
}

void report_html_fit(FILE *f, const json_t *root)
{
	const json_t *lines = json_object_get(root, "lines");
	char title[400];

	snprintf(title, sizeof title, "%s fit", result_string(root,
							      "calls_log"));
	report_html_head(f, title);
	fitp_header(f, root);
	for (size_t l = 0; l < json_array_size(lines); l++) {
		fputs("<section>\n<h2>Line ", f);
		report_html_escape(f, result_string(json_array_get(lines, l),
						    "name"));
		fputs("</h2>\n", f);
		fitp_duration(f, root, l, 0);
		fitp_duration(f, root, l, 1);
		fitp_patience(f, root, l);
		fputs("</section>\n", f);
	}
	report_html_foot(f);
}
