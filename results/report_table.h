/* report_table.h: the summary of a run as the fixed-width text a planner
 * reads: a heading with the run settings, a block per line (calls, service
 * level against its goal and the verdict, waits), a block per pool
 * (occupancy, staff on duty), a block per incident grade (attended within
 * target against its goal and the verdict, attendance times, backlog), a
 * table of areas (within target per grade, utilisation, abstractions), the
 * FTE and cost of the staffing by pool and role and, on request, the
 * hour-of-week table that shows the weak hours.
 *
 * Every measured figure is shown as its mean over replications with the 95%
 * confidence interval, "96.1% [95.8, 96.4]"; a figure with nothing to
 * measure (NAN) is "-". Output depends only on the summary. */
#ifndef RESULTS_REPORT_TABLE_H
#define RESULTS_REPORT_TABLE_H

#include <stdbool.h>
#include <stdio.h>

#include "results/summary.h"
#include "sim/sim_err.h"

/* Writes s to f (borrowed), with the hour-of-week table (means only) when
 * `intervals` is true. Returns SIM_OK, or SIM_EIO with err filled when f
 * reports a write error. */
enum sim_status report_table_write(FILE *f, const struct summary *s,
				   bool intervals, struct sim_err *err);

/* Writes the by-day table of s to f (borrowed): a row each counted day
 * (from 1), a column each line's offered, service level and ASA and each
 * grade's incidents and attended within target, means over replications
 * (their intervals are in the CSV and JSON). Returns SIM_OK, or SIM_EIO
 * with err filled when f reports a write error. */
enum sim_status report_table_write_days(FILE *f, const struct summary *s,
					struct sim_err *err);

#endif
