/* cmd_run_log.h: `callsim run --calls-log FILE --incidents-log FILE
 * --log-replication K`: the files of one replication's logs, checked and
 * opened before the run (a log that cannot be written stops it at once,
 * exit 2), written while the run goes, and put in place only when the run
 * and every write succeeded (an older file of that name is replaced; a
 * failed run leaves none). */
#ifndef CLI_CMD_RUN_LOG_H
#define CLI_CMD_RUN_LOG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "models/run_log.h"
#include "models/scenario.h"

struct cmd_run_log {
	/* The options as given; NULL when absent. */
	const char *calls_path, *incidents_path, *replication;
	/* The replications the run runs, first .. end - 1 (0-based; end 0:
	 * all of them), set before cmd_run_log_open: K must be one of them. */
	uint32_t first, end;
	/* Set by cmd_run_log_open. */
	unsigned index;                    /* 0-based replication logged */
	char *calls_tmp, *incidents_tmp;   /* where rows go until the end */
	FILE *calls, *incidents;
	struct run_log_csv *csv;
	struct run_log hook;
};

/* Whether any log was asked for. */
bool cmd_run_log_wanted(const struct cmd_run_log *l);
/* The options' problems that need no scenario (--log-replication without
 * a log, both logs one file), printed; returns the exit code. */
int cmd_run_log_check(const struct cmd_run_log *l);
/* Checks the options against sc (K within its replications, incidents
 * only when it has grades) and opens the files; returns CLI_EXIT_OK or
 * the exit code, with the message printed and nothing left open. */
int cmd_run_log_open(struct cmd_run_log *l, const struct scenario *sc);
/* The hook for the run, or NULL when no log was asked for. */
const struct run_log *cmd_run_log_hook(const struct cmd_run_log *l);
/* Closes the files: puts them in place when ok, else removes them.
 * Returns CLI_EXIT_OK, or CLI_EXIT_FAILURE after a write error (printed).
 * Safe on a log never opened. */
int cmd_run_log_close(struct cmd_run_log *l, bool ok);

#endif
