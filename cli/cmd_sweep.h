/* cmd_sweep.h: `callsim sweep` — runs a scenario at every point of a grid
 * of --vary values, with the same seed at every point, and writes each
 * point's figures as it completes (see docs/experiments.md). */
#ifndef CLI_CMD_SWEEP_H
#define CLI_CMD_SWEEP_H

/* The usage text, shown by --help and `callsim help sweep`. */
extern const char cmd_sweep_usage[];

/* Runs the subcommand (argv[0] is "sweep"); returns the exit status: 0,
 * 1 a run or write failed, 2 bad usage or scenario, 130 interrupted. */
int cmd_sweep(int argc, char **argv);

#endif
