/* cmd_run.h: `callsim run` — simulates R replications of a scenario on
 * threads and reports every figure with its 95% confidence interval, as a
 * table, CSV or JSON, on stdout. */
#ifndef CLI_CMD_RUN_H
#define CLI_CMD_RUN_H

/* The usage text `callsim help run` and `callsim run --help` print; its
 * synopsis is the one docs/cli.md shows. */
extern const char cmd_run_usage[];

/* Runs the subcommand; argv[0] is "run". Returns the exit code (cli_common.h). */
int cmd_run(int argc, char **argv);

#endif
