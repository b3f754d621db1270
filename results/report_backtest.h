/* report_backtest.h: a back-test (results/backtest.h) as a table, CSV
 * (one row a line, hour and figure) or JSON (schema callsim.backtest);
 * see docs/output.md. */
#ifndef RESULTS_REPORT_BACKTEST_H
#define RESULTS_REPORT_BACKTEST_H

#include <stdio.h>

#include "results/backtest.h"

#define REPORT_BACKTEST_SCHEMA "callsim.backtest"
#define REPORT_BACKTEST_SCHEMA_VERSION 1

/* Where the figures came from, for the writers' headings. */
struct report_backtest_source {
	const char *scenario;         /* the scenario's name */
	const char *scenario_path;
	const char *log_path;
	unsigned long long content_fnv1a;   /* of the scenario's bytes */
	const char *const *command;   /* the subcommand's argv, or NULL */
	size_t n_command;
};

/* The hour of the week h (0: Monday 00:00) as "Mon 00:00" into buf. */
void report_backtest_hour(size_t h, char buf[16]);

/* Each writes b to f. Returns 0, or -1 when a write failed. */
int report_backtest_table(FILE *f, struct backtest *b,
			  const struct report_backtest_source *src);
int report_backtest_csv(FILE *f, struct backtest *b);
int report_backtest_json(FILE *f, struct backtest *b,
			 const struct report_backtest_source *src);

#endif
