/* fit_scenario.h: a scenario written from what was fitted to a call log
 * (models/fit_calls.h), in the YAML that `callsim check` and `callsim run`
 * read, every fitted value with a comment saying what it was fitted from
 * ("# fitted: n = 52,113 calls, KS = 0.012"). See docs/fit.md. */
#ifndef RESULTS_FIT_SCENARIO_H
#define RESULTS_FIT_SCENARIO_H

#include <stdio.h>

#include "models/call_log_read.h"
#include "models/fit_calls.h"
#include "models/fit_incidents.h"

/* What the log cannot say, given on the command line. */
struct fit_scenario_opts {
	const char *source;          /* the log's path, for the comments */
	double answer_within_s;      /* every line's answering target */
	int replications;
	unsigned long long seed;
	const char *ilog_source;                /* its path, for the comments */
	const struct incident_log *ilog;        /* NULL: no incident log */
	const struct fit_incidents *incidents;  /* fitted from ilog */
	int has_duplicate;           /* the call log marks duplicate calls */
};

/* Writes the scenario of fc, fitted from log, to f. Returns 0, or -1
 * when a write failed. */
int fit_scenario_write(FILE *f, const struct call_log *log,
		       const struct fit_calls *fc,
		       const struct fit_scenario_opts *o);

/* Helpers shared with fit_scenario_incidents.c: a count with thousands
 * separators, a name as a double-quoted YAML scalar, and a fitted
 * duration under key with its families' comments (n of `what`). */
void fit_scenario_count(FILE *f, double x);
void fit_scenario_name(FILE *f, const char *s);
void fit_scenario_duration(FILE *f, const char *key,
			   const struct fit_duration *d, const char *what);

/* Line fl's profile (fit_scenario_profile.c): 168 or 672 factors, as
 * fit_quarter_choose chose, with the comment saying which and why. */
void fit_scenario_profile(FILE *f, const struct fit_line *fl);

/* The incident response (fit_scenario_incidents.c): a line's
 * `incidents` mapping, and the grades, areas, roles and units sections. */
void fit_scenario_incidents_line(FILE *f, const struct fit_scenario_opts *o,
				 int line);
void fit_scenario_incidents_write(FILE *f, const struct fit_scenario_opts *o);

#endif
