/* roster_units.h: the search of `callsim roster --units` — the least-cost
 * response unit rosters (start, length and units on each day of the week,
 * for each unit entry of the roles chosen, per area) whose cover meets
 * every attendance agreement, force-wide and in every area.
 *
 * A round: each area's units needed on duty in each hour of the week (the
 * M/M/c first guess of `optimise --units`, models/optimise.h) are shared
 * among the area's chosen entries (by their share of the scenario's own
 * units) and covered by the least-cost shifts each entry may work
 * (results/roster_plan.h: an integer programme, cost unit-hours), the
 * rosters are given to the scenario as --set overrides of units.N.shifts
 * and it is simulated through the experiment path (results/search.h).
 * Then:
 *   - every graded grade met force-wide and in every area that measured
 *     it: done;
 *   - an area missing an agreement: its requirement is raised by one unit
 *     in its busiest quarter of the week (the hours with the most incident
 *     work per unit required: the simulation gives attendance by area,
 *     not by hour), and the programme solved again; a force-wide miss
 *     raises the area with the lowest figure;
 *   - nothing missed but some verdict uncertain: the same rosters again
 *     with twice the replications, up to max_replications.
 * Once every agreement is met the rosters are trimmed: the areas take
 * turns, each lowering its requirement — by an eighth in every hour, and
 * after a step that misses by a sixteenth, a thirty-second, then by one
 * unit in its idlest quarter of the week — solving until its rosters cost
 * less, and keeping them while every agreement stays met (an area whose
 * smallest step misses is done).
 * The search stops after max_rounds simulations, saying so.
 *
 * Nothing prints; progress goes to the search spec's on_round. */
#ifndef RESULTS_ROSTER_UNITS_H
#define RESULTS_ROSTER_UNITS_H

#include <stdbool.h>
#include <stddef.h>

#include "models/optimise.h"
#include "models/scenario.h"
#include "results/roster_plan.h"
#include "results/search.h"
#include "sim/sim_err.h"

/* The quarter of the week's hours raised or lowered in a step. */
#define ROSTER_UNITS_STEP_HOURS 42
/* Trimming levels that lower every hour by a fraction (an eighth, a
 * sixteenth, a thirty-second) before the last, by one unit. */
#define ROSTER_UNITS_LEVELS 3

struct roster_units_spec {
	const bool *roles;             /* [n_roles] roles whose units change */
	int max_units;                 /* most on duty in a slot of an entry */
	const struct roster_shape *shape;
	unsigned max_rounds;           /* simulations, >= 1 */
	unsigned max_replications;     /* >= the scenario's */
};

/* What a search leaves. Free with roster_units_clear. */
struct roster_units {
	struct optimise_units *u;      /* the workload and chosen entries */
	int *need;                     /* [n_areas][HOURS_PER_WEEK] units on
					  duty each area needs */
	int *entry_need;               /* [n_units][HOURS_PER_WEEK] */
	struct roster_plan **plans;    /* [n_units]; NULL where not chosen */
	size_t n_units, n_areas;
	struct search_round round;     /* the round last simulated; round.s
					  NULL when none ran */
	unsigned long sims, solves;
	unsigned replications;         /* of the last round */
	bool cut;                      /* trimming stopped at max_rounds */
};

/* The worst verdict over the graded grades, force-wide and in each area
 * (an area that did not measure a grade is not judged): CI_MISSED over
 * CI_UNCERTAIN over CI_MET. */
enum ci_verdict roster_units_verdict(const struct summary *s);

/* Searches base's unit entries of the roles flagged in us->roles; spec as
 * for the optimiser's searches (its max_sims is not used). Returns
 * SEARCH_MET; SEARCH_UNMET (err says why: hours short of cover within
 * max_units, or a missed agreement no chosen entry attends); SEARCH_INVALID
 * (no response to roster, a shift off the step); SEARCH_FAILED (the rounds
 * ran out, a run or the solver failed). out must be cleared whatever the
 * result. */
enum search_end roster_units_run(const struct search_spec *spec,
				 const struct scenario *base,
				 const struct roster_units_spec *us,
				 struct roster_units *out, struct sim_err *err);
/* Frees what r holds and empties it. */
void roster_units_clear(struct roster_units *r);

#endif
