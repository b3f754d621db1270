/* report_table_hours.h: the incident response by hour of the week as the
 * text a planner reads (`callsim run --by-hour`): a table a row an hour
 * of the week (by the hour incidents were created) with, for each grade,
 * incidents a week, the share attended within target, attendance p50 and
 * p90 and the units that attend the grade on duty and their utilisation;
 * then a table of each area's share within target and its units'
 * utilisation. Means over replications; the intervals are in the CSV and
 * JSON. */
#ifndef RESULTS_REPORT_TABLE_HOURS_H
#define RESULTS_REPORT_TABLE_HOURS_H

#include <stdio.h>

#include "results/summary.h"
#include "sim/sim_err.h"

/* Writes the by-hour tables of s to f (borrowed), or a line saying there
 * is no response when the scenario has no grades. Returns SIM_OK, or
 * SIM_EIO with err filled when f reports a write error. */
enum sim_status report_table_hours_write(FILE *f, const struct summary *s,
					 struct sim_err *err);

#endif
