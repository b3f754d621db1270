/* cmd_fit.h: `callsim fit` — reads a call log and writes the scenario
 * fitted from it (docs/fit.md). */
#ifndef CLI_CMD_FIT_H
#define CLI_CMD_FIT_H

/* The usage text `callsim help fit` and `callsim fit --help` print. */
extern const char cmd_fit_usage[];

/* Runs the subcommand; argv[0] is "fit". Returns the exit code. */
int cmd_fit(int argc, char **argv);

#endif
