/* report_html_response.h: the run report's sections on the incident
 * response by hour of the week and by area (results/report_html.c writes
 * the page around them; docs/report.md describes each chart). */
#ifndef RESULTS_REPORT_HTML_RESPONSE_H
#define RESULTS_REPORT_HTML_RESPONSE_H

#include <stdio.h>

#include "results/result_read.h"

/* Writes, for a result with incident grades, the sections "Attendance
 * within target by hour of the week" (a chart a grade with a target, the
 * areas' heat map; a note when the result has no response by hour),
 * "Attendance times by grade" and "Neighbourhood abstractions by area",
 * each chart with its table; nothing for a calls-only result. Charts:
 * chart-rsp-hours-G, chart-rsp-areas, chart-attendance-times,
 * chart-abstractions. */
void report_html_response_write(FILE *f, const struct result *r);

#endif
