/* cmd_optimise.h: `callsim optimise` — the least handlers on duty in each
 * hour of the week, per pool, that meets every answering agreement: an
 * Erlang first guess per hour, corrected by simulation; with --units, the
 * least response units per area and shift that meets every attendance
 * agreement (models/optimise.h, docs/experiments.md). */
#ifndef CLI_CMD_OPTIMISE_H
#define CLI_CMD_OPTIMISE_H

/* The usage text `callsim help optimise` and `callsim optimise --help`
 * print. */
extern const char cmd_optimise_usage[];

/* Runs the subcommand; argv[0] is "optimise". Returns the exit code: 0 a
 * staffing meeting every agreement was found, 1 a run failed or the search
 * ran out of simulations, 2 bad usage or scenario, 3 no staffing within
 * --max-staff (--max-units) meets the agreements or a grade that misses
 * has no unit being optimised attending it. */
int cmd_optimise(int argc, char **argv);

#endif
