/* report_html_waits.h: the run report's section on how long answered
 * callers waited, line by line (results/report_html.c writes the page
 * around it; docs/report.md describes the chart). */
#ifndef RESULTS_REPORT_HTML_WAITS_H
#define RESULTS_REPORT_HTML_WAITS_H

#include <stdio.h>

#include "results/result_read.h"

/* Writes the section "How long answered callers waited": the chart
 * chart-waits (a panel a line, a bar a bin of the wait distribution with
 * its interval) and its table; a note when the result has no wait
 * distribution (saved by an earlier callsim). */
void report_html_waits_write(FILE *f, const struct result *r);

#endif
