/* report_fit.h: what `callsim fit` fitted, set against the data it was
 * fitted from, as JSON (schema callsim.fit) for its HTML page: each
 * line's handle and wrap-up times, the data's quantiles against the
 * fitted family's distribution function, and its callers' patience, the
 * Kaplan-Meier survival against the fitted survival (docs/fit.md). */
#ifndef RESULTS_REPORT_FIT_H
#define RESULTS_REPORT_FIT_H

#include <stdio.h>

#include "models/call_log_read.h"
#include "models/fit_calls.h"

#define REPORT_FIT_SCHEMA "callsim.fit"
#define REPORT_FIT_SCHEMA_VERSION 1
#define REPORT_FIT_KM_POINTS 200   /* steps of a survival curve shown */

struct report_fit_source {
	const char *log_path;
	const char *const *command;   /* the subcommand's argv, or NULL */
	size_t n_command;
};

/* Writes the fit fc of log to f. Returns 0, or -1 when a write failed. */
int report_fit_json(FILE *f, const struct call_log *log,
		    const struct fit_calls *fc,
		    const struct report_fit_source *src);

#endif
