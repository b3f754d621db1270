/* report_compare.h: a comparison (results/compare.h) as a table for
 * people, tidy CSV or one JSON object (docs/output.md describes all
 * three).
 *
 * Every figure shows A, B and the difference B - A; measured figures show
 * each side's mean with its 95% interval and the interval of the paired
 * difference, costs their exact values. An item on one side only is shown
 * as such, with nothing measured on the other. Output depends only on the
 * comparison: the same scenarios and seed give the same bytes. */
#ifndef RESULTS_REPORT_COMPARE_H
#define RESULTS_REPORT_COMPARE_H

#include <stdio.h>

#include "results/compare.h"
#include "sim/sim_err.h"

/* What a comparison's JSON says it is (results/result_read.h checks it):
 * the version goes up when a key is removed or changes meaning. */
#define REPORT_COMPARE_SCHEMA "callsim.compare"
#define REPORT_COMPARE_SCHEMA_VERSION 1

/* Each writes c to f (borrowed) and returns SIM_OK, or SIM_EIO with err
 * filled when f reports a write error. */
enum sim_status report_compare_table(FILE *f, const struct compare *c,
				     struct sim_err *err);
/* Columns: section,name,metric,in,a_mean,a_ci_low,a_ci_high,b_mean,
 * b_ci_low,b_ci_high,diff_mean,diff_ci_low,diff_ci_high,a_verdict,
 * b_verdict. */
enum sim_status report_compare_csv(FILE *f, const struct compare *c,
				   struct sim_err *err);
enum sim_status report_compare_json(FILE *f, const struct compare *c,
				    struct sim_err *err);
/* report_compare_json with the command line that made it: command[0 .. n)
 * is argv from the subcommand's name on ("command": null when command is
 * NULL). */
enum sim_status report_compare_json_run(FILE *f, const struct compare *c,
					const char *const *command, size_t n,
					struct sim_err *err);

#endif
