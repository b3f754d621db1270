/* search_units.h: the search of `callsim optimise --units` — the least
 * response units on each shift of each area's unit rosters (the shift
 * pattern kept) that meets every attendance agreement (models/optimise.h).
 *
 * A first guess (the M/M/c estimate, or the scenario's own units), then
 * units added where a graded agreement falls short until every one is met
 * (results/search.h runs that loop), then units taken off while every
 * agreement stays met; the round kept is always the last one that met
 * them all. */
#ifndef RESULTS_SEARCH_UNITS_H
#define RESULTS_SEARCH_UNITS_H

#include <stdbool.h>

#include "models/optimise.h"
#include "models/scenario.h"
#include "results/search.h"
#include "sim/sim_err.h"

/* How the units are searched. */
struct search_units_spec {
	const bool *roles;           /* [n_roles]: roles whose units change */
	int max_units;               /* most units on a shift of an entry */
	bool start_scenario;         /* start from the scenario's own units,
					not the M/M/c estimate */
};

/* What a search leaves: the plan, the best round (the last that met every
 * agreement, or the last tried when none did) and how many rounds ran;
 * cut is set when taking units off stopped at spec->max_sims, so the
 * result meets every agreement but may not be the least. Free with
 * search_units_clear. */
struct search_units {
	struct optimise_units *u;          /* owned */
	struct search_round best;          /* owned; best.s NULL when none
					      ran */
	unsigned long sims;
	bool cut;
};

/* SIM_OK when base gives the search something to do: incident response,
 * a grade with an attendance goal, units of the chosen roles; else
 * SIM_EINVAL with err saying why (naming path). */
enum sim_status search_units_usable(const struct scenario *base,
				    const char *path, const bool *roles,
				    struct sim_err *err);

/* Searches the units of base (the scenario spec builds before any
 * staffing). Returns how it ended, out filled (see enum search_end); out
 * must be cleared with search_units_clear whatever the result. */
enum search_end search_units_run(const struct search_spec *spec,
				 const struct scenario *base,
				 const struct search_units_spec *us,
				 struct search_units *out, struct sim_err *err);
/* Frees what u holds and empties it. */
void search_units_clear(struct search_units *u);

#endif
