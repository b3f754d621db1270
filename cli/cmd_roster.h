/* cmd_roster.h: `callsim roster` — the least-cost shifts (start, length,
 * headcount each day of the week) whose cover meets every answering
 * agreement: the Erlang requirement per hour, a set-covering integer
 * programme over the allowed shifts, and simulation that raises the
 * requirement where an agreement is missed (results/roster_search.h,
 * docs/experiments.md); with --units the same for the response units of
 * each area against every attendance agreement (results/roster_units.h). */
#ifndef CLI_CMD_ROSTER_H
#define CLI_CMD_ROSTER_H

/* The usage text `callsim help roster` and `callsim roster --help`
 * print. */
extern const char cmd_roster_usage[];

/* Runs the subcommand; argv[0] is "roster". Returns the exit code: 0 a
 * roster meeting every agreement was found, 1 a run or the solver failed
 * or the rounds ran out, 2 bad usage or scenario, 3 the allowed shifts
 * within --max-staff cannot cover the requirement (the hours short are
 * named) or a missed line's pool (a missed grade's units) is not
 * rostered. */
int cmd_roster(int argc, char **argv);

#endif
