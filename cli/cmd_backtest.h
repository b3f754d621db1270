/* cmd_backtest.h: `callsim backtest` — runs a scenario over the period a
 * call log covers and sets simulated against observed (docs/fit.md). */
#ifndef CLI_CMD_BACKTEST_H
#define CLI_CMD_BACKTEST_H

/* The usage text `callsim help backtest` and `callsim backtest --help`
 * print. */
extern const char cmd_backtest_usage[];

/* Runs the subcommand; argv[0] is "backtest". Returns the exit code. */
int cmd_backtest(int argc, char **argv);

#endif
