/* report_html_waits.c: the wait distribution of each line in the run
 * report (see report_html_waits.h). The bins come from the result as they
 * are (answered calls a bin, adding up to the line's answered); the
 * table gives each bin's share of the line's answered calls as well. */
#include "results/report_html_waits.h"

#include <math.h>
#include <stdio.h>

#include "results/emit.h"
#include "results/report_html.h"
#include "results/report_html_spec.h"

/* "0-10 s", "3600+ s": a bin for people. */
static void waits_label(const json_t *bin, char buf[48])
{
	double lo = result_number(bin, "from_s"), hi = result_number(bin,
								     "to_s");

	if (isfinite(hi))
		snprintf(buf, 48, "%g-%g s", lo, hi);
	else
		snprintf(buf, 48, "%g+ s", lo);
}

/* Each line, each bin: the answered calls in it. */
static void waits_rows(struct emit_json *w, const json_t *root,
		       size_t unused)
{
	const json_t *lines = json_object_get(root, "wait_distribution");
	char label[48];

	(void)unused;
	for (size_t l = 0; l < json_array_size(lines); l++) {
		const json_t *line = json_array_get(lines, l);
		const json_t *bins = json_object_get(line, "bins");

		for (size_t b = 0; b < json_array_size(bins); b++) {
			const json_t *bin = json_array_get(bins, b);

			waits_label(bin, label);
			emit_json_next(w);
			emit_json_open(w, '{');
			emit_json_key_string(w, "line",
					     result_string(line, "name"));
			emit_json_key_string(w, "bin", label);
			emit_json_key_number(w, "from_s",
					     result_number(bin, "from_s"));
			report_html_spec_figure(w, bin, "answered");
			emit_json_close(w, '}');
		}
	}
}

/* A panel a line (each on its own scale), a bar a bin in wait order, the
 * interval as a rule. */
static void waits_spec(FILE *f, const json_t *root, size_t unused)
{
	(void)unused;
	fputs("{\"facet\":{\"row\":{\"field\":\"line\",\"type\":\"nominal\","
	      "\"sort\":null,\"title\":null,\"header\":{\"labelAngle\":0,"
	      "\"labelAlign\":\"left\",\"labelFontWeight\":\"bold\"}}},"
	      "\"resolve\":{\"scale\":{\"y\":\"independent\"}},"
	      "\"spec\":{\"width\":520,\"height\":120,\"layer\":["
	      "{\"mark\":{\"type\":\"bar\",\"color\":\"#0072B2\"},"
	      "\"encoding\":{\"x\":{\"field\":\"bin\",\"type\":\"ordinal\","
	      "\"sort\":null,\"title\":\"wait before answer\",\"axis\":"
	      "{\"labelAngle\":-40}},\"y\":{\"field\":\"mean\",\"type\":"
	      "\"quantitative\",\"title\":\"calls answered\"}}},"
	      "{\"mark\":{\"type\":\"rule\",\"color\":\"black\"},\"encoding\":"
	      "{\"x\":{\"field\":\"bin\",\"type\":\"ordinal\",\"sort\":null},"
	      "\"y\":{\"field\":\"ci_low\",\"type\":\"quantitative\"},\"y2\":"
	      "{\"field\":\"ci_high\"}}}]}", f);
	report_html_spec_data(f, waits_rows, root, 0);
}

/* Line l's bins: the answered calls, their interval, their share. */
static void waits_table(FILE *f, const json_t *line)
{
	const json_t *bins = json_object_get(line, "bins");
	double total = 0;
	char label[48];

	for (size_t b = 0; b < json_array_size(bins); b++)
		total += result_figure(json_array_get(bins, b), "answered",
				       "mean");
	for (size_t b = 0; b < json_array_size(bins); b++) {
		const json_t *bin = json_array_get(bins, b);
		double n = result_figure(bin, "answered", "mean");

		waits_label(bin, label);
		fputs("<tr><td>", f);
		report_html_escape(f, result_string(line, "name"));
		fputs("</td><td>", f);
		report_html_escape(f, label);
		fputs("</td><td>", f);
		report_html_count(f, n);
		fputs("</td><td>[", f);
		report_html_count(f, result_figure(bin, "answered", "ci_low"));
		fputs(", ", f);
		report_html_count(f, result_figure(bin, "answered", "ci_high"));
		fputs("]</td><td>", f);
		report_html_pct(f, total > 0 ? n / total : NAN);
		fputs("</td></tr>\n", f);
	}
}

void report_html_waits_write(FILE *f, const struct result *r)
{
	fputs("<section id=\"waits\">\n<h2>How long answered callers waited"
	      "</h2>\n", f);
	if (r->waits == NULL) {
		fputs("<p>This result has no wait distribution: it was saved "
		      "by an earlier callsim; run it again to see it.</p>\n"
		      "</section>\n", f);
		return;
	}
	report_html_chart(f, "chart-waits", "Calls answered over the counted "
			  "period by how long they waited, in fixed bins (a "
			  "bin holds its lower edge): mean over replications, "
			  "bar; 95% interval, rule. The bins add up to the "
			  "line's answered calls; the table gives each bin's "
			  "share of them.", waits_spec, r->root, 0);
	fputs("<div class=\"scroll\"><table>\n<thead><tr><th>line</th>"
	      "<th>wait</th><th>answered</th><th>95% interval</th>"
	      "<th>share</th></tr></thead>\n<tbody>\n", f);
	for (size_t l = 0; l < json_array_size(r->waits); l++)
		waits_table(f, json_array_get(r->waits, l));
	fputs("</tbody>\n</table></div>\n</section>\n", f);
}
