/* search_hours.h: the search of `callsim optimise` for call handlers — the
 * least handlers on duty in each hour of the week, per chosen pool, that
 * meets every answering agreement. The plan (models/optimise.h) starts
 * from Erlang A or C in every hour; each round puts it on the roster as
 * one-hour shifts (edits a user could give `callsim run --set`, so the
 * round's edits reproduce its simulation exactly), simulates, and raises
 * the hours whose service level falls short, until every line with a goal
 * has the verdict met (results/search.h runs the loop).
 *
 * Deferrable streams with a goal (docs/model.md, Deferrable work) must be
 * met too. A stream is judged over the whole run and served by its pool's
 * handlers when no call needs them, so once every line is met, each round
 * in which a stream misses raises its pool by one on duty in the hours
 * where an item is likeliest to find every handler busy (models/optimise.h,
 * optimise_plan_raise_pool), as many hours as the stream's shortfall is of
 * the week; after
 * SEARCH_HOURS_STREAM_ROUNDS such rounds the search ends unmet, saying so. */
#ifndef RESULTS_SEARCH_HOURS_H
#define RESULTS_SEARCH_HOURS_H

#include <stdbool.h>

#include "models/optimise.h"
#include "models/scenario.h"
#include "results/search.h"
#include "sim/sim_err.h"

/* The most rounds raised for deferrable streams alone in one search. */
#define SEARCH_HOURS_STREAM_ROUNDS 20

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
/* The hours of the week deferrable stream i of s falls short by: of its
 * items late (1 - lo, lo the lower end of its share within target), the
 * share (goal - lo) / (1 - lo) that must be on time, as hours of a week;
 * at least 1, at most HOURS_PER_WEEK. The search raises that many of its
 * pool's busiest hours; so does `callsim roster`. */
size_t search_hours_stream_short(const struct summary *s, size_t i);
/* Frees what h holds and empties it. */
void search_hours_clear(struct search_hours *h);

#endif
