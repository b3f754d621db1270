/* search_hours.h: the search of `callsim optimise` for call handlers — the
 * least handlers on duty in each hour of the week, per chosen pool, that
 * meets every answering agreement. The plan (models/optimise.h) starts
 * from Erlang A or C in every hour; each round puts it on the roster as
 * one-hour shifts (edits a user could give `callsim run --set`, so the
 * round's edits reproduce its simulation exactly), simulates, and raises
 * the hours whose service level falls short, until every line with a goal
 * has the verdict met (results/search.h runs the loop). */
#ifndef RESULTS_SEARCH_HOURS_H
#define RESULTS_SEARCH_HOURS_H

#include <stdbool.h>

#include "models/optimise.h"
#include "models/scenario.h"
#include "results/search.h"
#include "sim/sim_err.h"

/* What a search leaves: the plan last tried, the round last simulated and
 * how many rounds ran. Free with search_hours_clear. */
struct search_hours {
	struct optimise_plan *plan;        /* owned */
	struct search_round round;         /* owned; round.s NULL when none
					      ran */
	unsigned long sims;
};

/* Searches the handlers of the pools flagged in chosen[n_pools] of base
 * (the scenario spec builds before any staffing), no hour above max_staff
 * on duty. Returns how it ended, out filled (see enum search_end); out
 * must be cleared with search_hours_clear whatever the result. */
enum search_end search_hours_run(const struct search_spec *spec,
				 const struct scenario *base, const bool *chosen,
				 int max_staff, struct search_hours *out,
				 struct sim_err *err);
/* Frees what h holds and empties it. */
void search_hours_clear(struct search_hours *h);

#endif
