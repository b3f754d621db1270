/* cmd_report.h: `callsim report` — turns a saved run result (`callsim run
 * --format json`) into one self-contained HTML page with charts
 * (docs/report.md); and the writing of that page, which `run --report`
 * shares. */
#ifndef CLI_CMD_REPORT_H
#define CLI_CMD_REPORT_H

#include <stdio.h>

#include "results/result_read.h"

/* The usage text `callsim help report` and `callsim report --help` print. */
extern const char cmd_report_usage[];

/* Runs the subcommand; argv[0] is "report". Returns the exit code. */
int cmd_report(int argc, char **argv);

/* Writes the report of r to the file at path (stdout when path is NULL or
 * "-"), through a temporary file renamed into place, so a failure never
 * leaves half a page. Prints what went wrong as "callsim CMD: ...".
 * Returns CLI_EXIT_OK or CLI_EXIT_FAILURE. */
int cmd_report_write(const char *cmd, const struct result *r,
		     const char *path);

/* --report of compare, sweep and optimise: writes the result's JSON with
 * write(f, arg) into memory, reads it back as `callsim report` reads a
 * saved one (so both make the same page) and writes the page to path.
 * Returns the exit code, what went wrong printed. */
int cmd_report_of(const char *cmd,
		  enum sim_status (*write)(FILE *f, const void *arg,
					   struct sim_err *err),
		  const void *arg, const char *path);

#endif
