/* report_html_page.h: the pages of the results other than a run — a
 * comparison, a sweep, the two optimisations — and the parts of the run's
 * page they share with it (results/report_html.c): the head with its
 * Content-Security-Policy and print styles, a chart and its spec, the
 * licences and scripts at the foot, and the cells of the tables. Every
 * text from a result goes through report_html_escape, every spec through
 * the script-safe JSON emitter (docs/report.md). */
#ifndef RESULTS_REPORT_HTML_PAGE_H
#define RESULTS_REPORT_HTML_PAGE_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "results/emit.h"
#include "results/report_html.h"

/* Each writes the whole page of a checked result's root (result_read.h). */
void report_html_compare(FILE *f, const json_t *root);
void report_html_sweep(FILE *f, const json_t *root);
void report_html_optimise(FILE *f, const json_t *root);
void report_html_optimise_units(FILE *f, const json_t *root);
void report_html_backtest(FILE *f, const json_t *root);
void report_html_fit(FILE *f, const json_t *root);

/* From <!DOCTYPE html> to <body>, the title "callsim report: TITLE". */
void report_html_head(FILE *f, const char *title);
/* The licences, the four scripts, </body></html>. */
void report_html_foot(FILE *f);
/* Money as "4,576,000", a dash for null (report_html.h has the chart,
 * percentages, counts and intervals). */
void report_html_money(FILE *f, double x);
/* A table cell with the verdict in words and its symbol. */
void report_html_verdict(FILE *f, const char *verdict);
/* root's "command" as a shell line in <code>, or "not recorded". */
void report_html_command(FILE *f, const json_t *root);
/* "<dt>term</dt><dd>": the caller writes the value and "</dd>". */
void report_html_dt(FILE *f, const char *term);

/* The end of a spec: ,"data":{"values":[rows]}} with the rows written by
 * rows(w, root, arg) through a compact, script-safe emitter. */
void report_html_data(FILE *f, void (*rows)(struct emit_json *, const json_t *,
					     size_t),
		      const json_t *root, size_t arg);
/* Figure key of obj as the members mean, ci_low, ci_high of a row. */
void report_html_figure(struct emit_json *w, const json_t *obj,
			const char *key);

/* Verdict colour and shape, as the run's charts draw them: Okabe-Ito
 * blue, vermillion and greys, and a shape each, so no chart relies on
 * colour alone. */
#define REPORT_HTML_VERDICT_DOMAIN \
	"[\"met\",\"missed\",\"uncertain\",\"no goal\"]"
#define REPORT_HTML_VERDICT_COLOR \
	"{\"field\":\"verdict\",\"type\":\"nominal\",\"scale\":{\"domain\":" \
	REPORT_HTML_VERDICT_DOMAIN ",\"range\":[\"#0072B2\",\"#D55E00\"," \
	"\"#6E6E6E\",\"#BBBBBB\"]},\"title\":\"verdict\"}"
#define REPORT_HTML_VERDICT_SHAPE \
	"{\"field\":\"verdict\",\"type\":\"nominal\",\"scale\":{\"domain\":" \
	REPORT_HTML_VERDICT_DOMAIN ",\"range\":[\"circle\",\"cross\"," \
	"\"diamond\",\"square\"]},\"title\":\"verdict\"}"

#endif
