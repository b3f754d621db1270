/* cmd_check.h: `callsim check` — validates a scenario (with its --set
 * overrides) and prints it normalised, every value resolved, on stdout. */
#ifndef CLI_CMD_CHECK_H
#define CLI_CMD_CHECK_H

/* The usage text `callsim help check` and `callsim check --help` print. */
extern const char cmd_check_usage[];

/* Runs the subcommand; argv[0] is "check". Returns the exit code. */
int cmd_check(int argc, char **argv);

#endif
