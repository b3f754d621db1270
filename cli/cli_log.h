/* cli_log.h: what a command that reads a log (fit, backtest) makes of its
 * problems: each printed as FILE:LINE:COL, a count of them, and then
 * either nothing done (exit 2) or, with --skip-bad-rows, the rows with
 * problems left out and the rest used. */
#ifndef CLI_CLI_LOG_H
#define CLI_CLI_LOG_H

#include <stdbool.h>
#include <stddef.h>

#include "models/yaml_doc.h"
#include "sim/sim_err.h"

/* What was read and how the command goes on. */
struct cli_log_read {
	const char *cmd;       /* "fit", "backtest" */
	const char *done;      /* what the command does: "fitted", "compared" */
	const char *path;      /* the log's file */
	bool skip;             /* --skip-bad-rows */
	bool quiet;            /* --quiet: no note of the rows left out */
	size_t n_bad, n_gaps;  /* rows left out, gaps of the log */
	size_t n_left;         /* rows kept */
};

/* After a log was read with status st and yd's problems: its errors and a
 * count of them on stderr. Returns CLI_EXIT_OK when there were none or
 * --skip-bad-rows lets the rest be used, else the exit code. */
int cli_log_verdict(const struct cli_log_read *r, enum sim_status st,
		    const struct yaml_doc *yd);

#endif
