/* run_log_csv.h: a replication's call and incident logs as CSV, one row
 * per call and per incident, written as the run hands them over
 * (models/run_log.h), with the fields a telephony export and a
 * command-and-control export have. The columns are in docs/output.md.
 *
 * Times are ISO 8601 local time (Europe/London, models/local_time.h) to the
 * millisecond, with their UTC offset; durations are seconds to the
 * millisecond, a wait the difference of the two times written. Nothing is
 * kept between rows. */
#ifndef RESULTS_RUN_LOG_CSV_H
#define RESULTS_RUN_LOG_CSV_H

#include <stdio.h>

#include "models/run_log.h"
#include "models/scenario.h"
#include "sim/sim_err.h"

struct run_log_csv;

/* A writer of sc's logs to calls and incidents (borrowed; either may be
 * NULL for none), each given its header now, and the hook that feeds it
 * in *hook. Returns NULL when out of memory. */
struct run_log_csv *run_log_csv_new(const struct scenario *sc, FILE *calls,
				    FILE *incidents, struct run_log *hook);
/* The rows written so far. */
unsigned long long run_log_csv_calls(const struct run_log_csv *w);
unsigned long long run_log_csv_incidents(const struct run_log_csv *w);
/* NULL is a no-op. */
void run_log_csv_free(struct run_log_csv *w);

#endif
