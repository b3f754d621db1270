/* roster_search.h: the search of `callsim roster` — the least-cost shifts
 * (start, length, headcount each day) whose cover meets every answering
 * agreement.
 *
 * A round: the requirement per hour of the week (models/optimise.h, the
 * Erlang A or C first guess, then raised) is covered by the least-cost
 * shifts each chosen pool may work (results/roster_plan.h: an integer
 * programme), the rosters are given to the scenario as --set overrides
 * and the scenario is simulated through the experiment path
 * (results/search.h). Then:
 *   - every line with a goal met: done;
 *   - a line missed: in each hour of the week whose service level is
 *     below its goal, its pool's requirement is raised to one more than
 *     the roster put on duty there (the worst hour if none is below),
 *     and the programme is solved again — queues carry over from hour to
 *     hour, so the analytic requirement alone is not enough;
 *   - no line missed but some uncertain: the same roster is simulated
 *     again with twice the replications (staff are not added to settle a
 *     question of measurement), up to max_replications.
 * Once every line is met, the roster is trimmed: the pools take turns,
 * each lowering its requirement by one in the hours whose service level
 * is at or above the goal, solving until its roster costs less, and
 * keeping it while every line stays met (a pool whose trimmed roster
 * misses is done). The search stops after max_rounds rounds (a round is
 * a simulation, after as many solves as it took), saying so
 * (a cut trim keeps the last roster met). A requirement no
 * allowed shifts can cover within max_staff on duty ends the search with
 * the hours that fall short.
 *
 * Nothing prints; progress goes to the search spec's on_round. */
#ifndef RESULTS_ROSTER_SEARCH_H
#define RESULTS_ROSTER_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "models/optimise.h"
#include "models/scenario.h"
#include "results/roster_plan.h"
#include "results/search.h"
#include "sim/sim_err.h"

/* Rounds (solves) a search may take, and the replications it may double
 * up to, unless the caller says otherwise. */
#define ROSTER_SEARCH_ROUNDS 40
#define ROSTER_SEARCH_REPLICATIONS_FACTOR 8

struct roster_search_spec {
	const bool *chosen;            /* [n_pools] pools to roster */
	int max_staff;                 /* most on duty in a slot of a pool */
	const struct roster_shape *shape;
	unsigned max_rounds;           /* simulations, >= 1 */
	unsigned max_replications;     /* >= the scenario's */
};

/* What a search leaves. Free with roster_search_clear. */
struct roster_search {
	struct optimise_plan *plan;    /* the requirement last solved */
	struct roster_plan **pools;    /* [n_pools]; NULL where not chosen */
	size_t n_pools;
	struct search_round round;     /* the round last simulated; round.s
					  NULL when none ran */
	unsigned long sims, solves;
	unsigned replications;         /* of the last round */
	bool short_of_cover;           /* the last solve left slots short */
	bool cut;                      /* trimming stopped at max_rounds */
};

/* Searches base's pools flagged in rs->chosen; spec as for the
 * optimiser's searches (its max_sims is not used: simulations are
 * capped by rs->max_rounds). Returns SEARCH_MET; SEARCH_UNMET (err says why: slots
 * short of cover — see out->pools[p]->short_by — or a missed line no
 * chosen pool answers); SEARCH_INVALID (a shift off the step, an invalid
 * round); SEARCH_FAILED (the rounds or replications ran out, a run or
 * the solver failed). out must be cleared whatever the result. */
enum search_end roster_search_run(const struct search_spec *spec,
				  const struct scenario *base,
				  const struct roster_search_spec *rs,
				  struct roster_search *out,
				  struct sim_err *err);
/* Frees what r holds and empties it. */
void roster_search_clear(struct roster_search *r);

#endif
