/* report_csv.h: the summary of a run as tidy CSV, one row per figure, for
 * spreadsheets and data-frame tools (docs/output.md lists every row).
 *
 * Columns: section,name,metric,mean,ci_low,ci_high. Sections, in order:
 *   run       the settings (replications, seed, days, warmup_hours), named
 *             by the scenario's name;
 *   line      each line's figures, plus its target_s and goal;
 *   pool      each pool's occupancy and staff_on_duty;
 *   grade     each incident grade's figures, plus its target_s and goal;
 *   area      each area's figures (utilisation, units_on_duty,
 *             abstractions, abstraction_hours), then its grades' figures
 *             named "AREA/GRADE" ("Birmingham/emergency");
 *   cost      fte and annual_cost of each pool;
 *   role      fte and annual_cost of each officer role;
 *   cost      "total": fte and annual_cost of pools and roles together;
 *   interval  with --intervals: name is "LINE@Mon 18:00" or "POOL@Mon 18:00"
 *             (the line metrics offered, answered, service_level and the
 *             pool metrics staff_on_duty, occupancy do not overlap);
 *   line_day  each counted day, each line: name "LINE@day 3" (days from
 *             1), metrics offered, service_level, asa_s;
 *   grade_day each counted day, each grade: name "GRADE@day 3", metrics
 *             incidents, attended_within_target;
 *   area_day  each counted day, each area: name "AREA@day 3", metrics
 *             incidents, attended_within_target;
 *   grade_hour each hour of the week, each grade: name "GRADE@Mon 18:00",
 *             metrics incidents, attended_within_target, attendance_p50_s,
 *             attendance_p90_s, units_on_duty, utilisation;
 *   area_hour each hour of the week, each area: name "AREA@Mon 18:00",
 *             metrics incidents, attended_within_target, units_on_duty,
 *             utilisation;
 *   line_wait each line's wait distribution: name "LINE@10-20 s" (the
 *             last "LINE@3600+ s"), metric answered.
 * Exact figures (settings, targets, costs) repeat their value as ci_low and
 * ci_high. Fields are quoted as RFC 4180 says (a field with a comma, quote
 * or line break is put in quotes, quotes doubled); rows end in "\n";
 * numbers are %.10g and a figure with nothing to measure (NAN) is empty. */
#ifndef RESULTS_REPORT_CSV_H
#define RESULTS_REPORT_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "results/summary.h"
#include "sim/sim_err.h"

/* Writes s to f (borrowed), with the hour-of-week rows when `intervals` is
 * true, and always the rows of each counted day, of the response by hour
 * of the week and of the wait distributions. Returns SIM_OK, or SIM_EIO with err filled when f reports a write
 * error. */
enum sim_status report_csv_write(FILE *f, const struct summary *s,
				 bool intervals, struct sim_err *err);

/* The fields each row starts with, before section (a sweep's point number
 * and the values of its axes). */
struct report_csv_prefix {
	const char *const *fields;      /* borrowed */
	size_t n;
};

/* Writes the rows of s to f (borrowed) as report_csv_write does, without
 * the column names, the hour-of-week rows or the day rows, each row starting with the
 * prefix's fields (quoted like any other), and sets *n_rows to the number
 * of rows written. Returns SIM_OK, or SIM_EIO with err filled. */
enum sim_status report_csv_rows(FILE *f, const struct summary *s,
				const struct report_csv_prefix *prefix,
				size_t *n_rows, struct sim_err *err);

/* The number of rows report_csv_rows writes for s, found by walking the
 * same rows without formatting them. */
size_t report_csv_count(const struct summary *s);

/* Wide CSV, for spreadsheets: the same figures and numbers as the tidy
 * rows, one column per figure named "SECTION NAME:METRIC" ("interval
 * 999:service_level", "cost total:annual_cost"), a figure with an
 * interval followed by its ":ci_low" and ":ci_high" columns, an exact one
 * alone; then, per line and per grade, a "verdict" column over the whole
 * horizon ("met", "missed", "uncertain"; empty without a goal).
 *
 * report_csv_write_wide: a run, one row per hour of the week (168; the
 * columns "hour" from 0 and "hour_label" "Mon 00:00", then the
 * hour-of-week figures of the tidy "interval" section and then of the
 * "grade_hour" and "area_hour" ones, named by item alone ("interval
 * 999:offered", "grade_hour emergency:incidents"), then each line's and
 * grade's goal, agreement figure and verdict
 * over the horizon, the same on every row), after a row of column names.
 * Returns SIM_OK, or SIM_EIO with err filled. */
enum sim_status report_csv_write_wide(FILE *f, const struct summary *s,
				      struct sim_err *err);
/* A sweep's point as one wide row: the prefix's fields, then a column per
 * row report_csv_rows writes, then the verdicts; and the names of those
 * columns (each after a comma, no line end), for the header. */
enum sim_status report_csv_wide_row(FILE *f, const struct summary *s,
				    const struct report_csv_prefix *prefix,
				    struct sim_err *err);
void report_csv_wide_names(FILE *f, const struct summary *s);

#endif
