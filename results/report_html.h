/* report_html.h: a run result as one self-contained HTML page with charts,
 * for a planner to take into a meeting (docs/report.md).
 *
 * The page inlines Vega, Vega-Lite and vega-embed (results/report_assets.h)
 * and draws each chart from a Vega-Lite spec (results/report_html_spec.h),
 * with its numbers in a table beside it; it opens from file:// with no
 * network and no other file. Its Content-Security-Policy lets only the
 * page's own four scripts run (by their SHA-256 hashes) and forbids every
 * fetch. Names from the scenario are text: escaped for HTML in the page
 * and script-safe in the specs. The same result always gives the same
 * bytes (no clock, no random identifiers). */
#ifndef RESULTS_REPORT_HTML_H
#define RESULTS_REPORT_HTML_H

#include <stdio.h>

#include "results/result_read.h"
#include "sim/sim_err.h"

/* Writes the report of r to f (borrowed). Returns SIM_OK, or SIM_EIO with
 * err filled when f reports a write error. */
enum sim_status report_html_write(FILE *f, const struct result *r,
				  struct sim_err *err);

/* s as HTML text: & < > " ' written as character references. */
void report_html_escape(FILE *f, const char *s);

/* For the page's sections written in other files (report_html_response.c,
 * report_html_waits.c): a chart (its element, its spec written by spec
 * from root and arg, its caption, which is markup); a fraction as a
 * percentage with one decimal; a number with one decimal; "[lo, hi]" in %
 * of figure key of obj; each a dash when not measured. */
void report_html_chart(FILE *f, const char *id, const char *caption,
		       void (*spec)(FILE *, const json_t *, size_t),
		       const json_t *root, size_t arg);
void report_html_pct(FILE *f, double x);
void report_html_count(FILE *f, double x);
void report_html_interval(FILE *f, const json_t *obj, const char *key);

/* Opens a long table (scrolled on screen, printed whole) of n_columns
 * columns: "<div class=\"scroll\"><table...>". One of more than
 * REPORT_HTML_PORTRAIT_COLUMNS columns (a column or more an area, a line,
 * an agreement) prints on landscape pages of its own, where it is not cut
 * at the paper's edge. */
#define REPORT_HTML_PORTRAIT_COLUMNS 16
void report_html_table_open(FILE *f, size_t n_columns);

#endif
