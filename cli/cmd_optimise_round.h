/* cmd_optimise_round.h: what the two searches of `callsim optimise` share
 * (cmd_optimise.c for handlers, cmd_optimise_units.c for response units):
 * the parsed options, and one round — the scenario loaded with the round's
 * overrides, its replications run and summarised.
 *
 * A round's overrides are, in order, the user's --set, the staffing the
 * search is trying, then the run settings given as options, so that the
 * list reproduces the round through `callsim run --set`. A round owns its
 * scenario, summary and overrides; it is used by one thread, its
 * replications run on o->threads. */
#ifndef CLI_CMD_OPTIMISE_ROUND_H
#define CLI_CMD_OPTIMISE_ROUND_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli_common.h"
#include "models/contact_centre.h"
#include "models/scenario.h"
#include "results/summary.h"

enum cmd_optimise_format { OPT_TABLE_FMT, OPT_CSV_FMT, OPT_JSON_FMT };

/* The options of `callsim optimise`, as parsed. */
struct cmd_optimise_opts {
	const char *path;
	struct cli_strings pools;          /* --pool names */
	struct cli_strings roles;          /* --role names */
	struct cli_strings sets;           /* --set */
	const char *replications, *seed, *days;
	unsigned long max_staff, max_units, max_sims;  /* 0: not given */
	unsigned threads;                  /* 0: every core */
	enum cmd_optimise_format format;
	bool quiet, help, units, start_scenario;
};

/* One round: the scenario with the round's staffing, and its summary. */
struct cmd_optimise_round {
	struct cli_strings overrides;      /* all the round loaded */
	struct scenario *sc;
	struct summary *s;
};

/* Appends the --set overrides to l. Returns 0, or -1 when out of memory
 * (message printed). */
int cmd_optimise_round_add_sets(const struct cmd_optimise_opts *o,
				struct cli_strings *l);
/* Appends the run settings given as options to l, as overrides (last, so
 * they win as in `callsim run`). Returns 0, or -1 when out of memory
 * (message printed). */
int cmd_optimise_round_add_settings(const struct cmd_optimise_opts *o,
				    struct cli_strings *l);

/* Loads o->path with r->overrides, runs its replications and summarises
 * them into r. Returns CLI_EXIT_OK, or the exit code with the problem
 * printed (CLI_EXIT_USAGE for an invalid scenario, CLI_EXIT_FAILURE when a
 * run fails or memory runs out). */
int cmd_optimise_round_simulate(const struct cmd_optimise_opts *o,
				struct cmd_optimise_round *r);

/* Frees what r holds and empties it, ready for the next round; an empty
 * round is a no-op. */
void cmd_optimise_round_clear(struct cmd_optimise_round *r);
/* CLI_EXIT_OK when every agreement the search must meet (each line's
 * service level, or with `grades` each grade's attendance) was measured by
 * at least two replications; otherwise says which was not, and how to get
 * enough calls or incidents, and returns CLI_EXIT_USAGE: no staffing can
 * make a figure nobody measured "met". */
int cmd_optimise_round_judged(const struct summary *s, bool grades);

/* The overrides of r as the writers take them. */
const char *const *
cmd_optimise_round_overrides(const struct cmd_optimise_round *r);

#endif
