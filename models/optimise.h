/* optimise.h: the search for the least handlers on duty in each hour of
 * the week that meets every answering agreement — the staffing plan, its
 * first guess from Erlang formulas, the roster that puts it on duty, and
 * the correction step that simulation results drive.
 *
 * The plan holds, for each pool being optimised, an on-duty requirement per
 * hour of the week. The caller alternates:
 *     plan = optimise_plan_new(sc, ...)        Erlang A/C per hour
 *     loop: roster = optimise_shifts_override(plan, pool)   for each pool
 *           simulate the scenario with those rosters
 *           stop when every line with a goal is met
 *           optimise_plan_raise(plan, hourly service levels, verdicts)
 * Simulation is needed because Erlang formulas treat each hour as a steady
 * state, while a queue built up at 09:59 is still there at 10:00.
 *
 * Several pools serving several lines: each line's load is given to one
 * pool, its primary pool — the pool that lists it earliest in its serves
 * (highest priority), the first such pool in the file on a tie. A pool's
 * hourly requirement is the largest, over its lines with a goal, of the
 * Erlang agents for the pool's whole load (its lines' rates added, their
 * handle + wrap-up times averaged by rate) with that line's target, goal and
 * patience (Erlang A with the mean patience, Erlang C without patience);
 * lines without a goal need at least the load in Erlangs, rounded up, so
 * their queue keeps up. Help one pool gives another (a 999 pool answering
 * 101 when idle) is left to the simulation to find.
 *
 * Rates: each hour of the week's expected arrivals, averaged over the
 * occurrences of that hour in the counted period (the whole run if the
 * counted period holds none). Pure functions of their inputs; a plan is
 * used by one thread. */
#ifndef MODELS_OPTIMISE_H
#define MODELS_OPTIMISE_H

#include <stdbool.h>
#include <stddef.h>

#include "models/contact_centre.h"
#include "models/scenario.h"
#include "sim/sim_err.h"

struct optimise_plan {
	size_t n_pools, n_lines;
	bool *chosen;          /* [n_pools]: pools whose roster is replaced */
	long *primary;         /* [n_lines]: the pool a line's load goes to */
	int *on_duty;          /* [n_pools][HOURS_PER_WEEK] requirement */
	int max_staff;         /* no hour asks for more on duty */
	bool capped;           /* some Erlang answer exceeded max_staff */
};

/* The plan of sc's pools flagged in chosen[n_pools], every hour set to its
 * Erlang answer capped at max_staff (>= 1). Returns a new plan (free with
 * optimise_plan_free) or NULL with err filled (SIM_ENOMEM, or SIM_EINVAL
 * when an arrival plan cannot be laid out). */
struct optimise_plan *optimise_plan_new(const struct scenario *sc,
					const bool *chosen, int max_staff,
					struct sim_err *err);
/* NULL is a no-op. */
void optimise_plan_free(struct optimise_plan *p);

/* The expected calls in each hour of the week of line `line` (see above)
 * into per_hour[HOURS_PER_WEEK]. Returns SIM_OK or a failure, err filled. */
enum sim_status optimise_line_hourly(const struct scenario *sc, size_t line,
				     double *per_hour, struct sim_err *err);

/* The least number to roster so that the roster's on-duty count after
 * shrinkage (rounded half up, see roster.h) is at least on_duty. */
int optimise_rostered(int on_duty, double shrinkage);

/* The override "pools.NAME.shifts=[...]" that rosters the plan of pool
 * `pool`: one shift of one hour for each hour of the week, staffed with
 * optimise_rostered of its requirement (hours needing nobody are left
 * out). Returns a new string (free it), or NULL when out of memory. */
char *optimise_shifts_override(const struct scenario *sc,
			       const struct optimise_plan *p, size_t pool);

/* Rostered person-hours a week of pool `pool` under the plan. */
double optimise_rostered_hours(const struct scenario *sc,
			       const struct optimise_plan *p, size_t pool);

/* One correction after a simulation: hour_sl[HOURS_PER_WEEK][n_lines] holds
 * the mean service level of each line in each hour (NAN: no calls), met[l]
 * whether line l's overall verdict is met (lines without a goal count as
 * met). For every line not met whose primary pool is chosen, each hour
 * whose service level is below the line's goal gets one more on duty; if
 * no hour is below the goal (the interval is only uncertain), the hour with
 * the lowest service level does. No hour goes past max_staff. Returns how
 * many hours were raised: 0 means nothing more can be done (or memory ran
 * out for the round's marks). */
size_t optimise_plan_raise(struct optimise_plan *p, const struct scenario *sc,
			   const double *hour_sl, const bool *met);

#endif
