/* cmd_compare.h: `callsim compare` — runs two scenarios, or two variants of
 * one, with common random numbers and reports every agreement and cost of
 * A and B with the difference B - A and the 95% confidence interval of the
 * paired difference, as a table, CSV or JSON, on stdout. */
#ifndef CLI_CMD_COMPARE_H
#define CLI_CMD_COMPARE_H

/* The usage text `callsim help compare` and `callsim compare --help`
 * print; its synopsis is the one docs/cli.md shows. */
extern const char cmd_compare_usage[];

/* Runs the subcommand; argv[0] is "compare". Returns the exit code
 * (cli_common.h). */
int cmd_compare(int argc, char **argv);

#endif
