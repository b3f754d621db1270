/* report_run.h: a run's summary written in the form its options ask for,
 * as `callsim run` prints it and `callsim merge` prints the run its parts
 * make whole (the same bytes from the same summary). */
#ifndef RESULTS_REPORT_RUN_H
#define RESULTS_REPORT_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "results/summary.h"
#include "sim/sim_err.h"

/* In the order of the --format words table, csv, json. */
enum report_run_format { REPORT_RUN_TABLE, REPORT_RUN_CSV, REPORT_RUN_JSON };

struct report_run_form {
	int format;             /* enum report_run_format */
	bool wide;              /* with csv: a row per hour of the week */
	bool intervals;         /* the hour-of-week figures */
	bool by_day, by_hour;   /* with table: the tables by day and by hour */
	const char *const *command;  /* the run's words, for the JSON */
	size_t n_command;
};

/* Writes s to f as form says. Returns SIM_OK or the writer's error. */
enum sim_status report_run_write(FILE *f, const struct summary *s,
				 const struct report_run_form *form,
				 struct sim_err *err);

#endif
