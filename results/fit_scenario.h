/* fit_scenario.h: a scenario written from what was fitted to a call log
 * (models/fit_calls.h), in the YAML that `callsim check` and `callsim run`
 * read, every fitted value with a comment saying what it was fitted from
 * ("# fitted: n = 52,113 calls, KS = 0.012"). See docs/fit.md. */
#ifndef RESULTS_FIT_SCENARIO_H
#define RESULTS_FIT_SCENARIO_H

#include <stdio.h>

#include "models/call_log_read.h"
#include "models/fit_calls.h"

/* What the log cannot say, given on the command line. */
struct fit_scenario_opts {
	const char *source;          /* the log's path, for the comments */
	double answer_within_s;      /* every line's answering target */
	int replications;
	unsigned long long seed;
};

/* Writes the scenario of fc, fitted from log, to f. Returns 0, or -1
 * when a write failed. */
int fit_scenario_write(FILE *f, const struct call_log *log,
		       const struct fit_calls *fc,
		       const struct fit_scenario_opts *o);

#endif
