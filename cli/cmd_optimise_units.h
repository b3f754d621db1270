/* cmd_optimise_units.h: `callsim optimise --units` — the least response
 * units on each shift of each area's unit rosters that meets every
 * attendance agreement (models/optimise.h, docs/experiments.md). */
#ifndef CLI_CMD_OPTIMISE_UNITS_H
#define CLI_CMD_OPTIMISE_UNITS_H

#include "cli/cmd_optimise_round.h"
#include "models/scenario.h"

/* Plans, searches and prints the units of base, the scenario as o gives it
 * (--set and the run settings applied). Returns the exit code of
 * cmd_optimise (cmd_optimise.h), problems printed. */
int cmd_optimise_units(const struct cmd_optimise_opts *o,
		       const struct scenario *base);

#endif
