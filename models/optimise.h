/* optimise.h: the search for the least handlers on duty in each hour of
 * the week that meets every answering agreement — the staffing plan, its
 * first guess from Erlang formulas, the roster that puts it on duty, and
 * the correction step that simulation results drive — and the same search
 * for response units per area and shift (below).
 *
 * The plan holds, for each pool being optimised, an on-duty requirement per
 * hour of the week. The caller alternates:
 *     plan = optimise_plan_new(sc, ...)        Erlang A/C per hour
 *     loop: roster = optimise_shifts_override(plan, pool)   for each pool
 *           simulate the scenario with those rosters
 *           stop when every line and deferrable stream with a goal
 *           is met
 *           optimise_plan_raise(plan, hourly service levels, verdicts)
 *           or, every line met, optimise_plan_raise_pool for the pool
 *           of each stream that misses
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
	/* [n_pools][HOURS_PER_WEEK] expected work in Erlangs: of the lines
	 * whose load the pool takes and of its deferrable streams */
	double *load;
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

/* The expected items in each hour of the week of deferrable stream
 * `stream`, as optimise_line_hourly counts a line's calls. */
enum sim_status optimise_stream_hourly(const struct scenario *sc,
				       size_t stream, double *per_hour,
				       struct sim_err *err);

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
 * no hour is below the goal (the interval is only uncertain), the
 * worst[l] hours with the lowest service level do (worst NULL: one; a
 * line judged per hour misses by whole hours at a time, and raising one
 * hour a round would take a round for each). No hour goes past max_staff.
 * Returns how many hours were raised: 0 means nothing more can be done
 * (or memory ran out for the round's marks). */
size_t optimise_plan_raise(struct optimise_plan *p, const struct scenario *sc,
			   const double *hour_sl, const bool *met,
			   const size_t *worst);

/* One correction for deferrable work (docs/model.md, Deferrable work),
 * made when every line is met but a stream that pool `pool` (chosen)
 * works misses its goal. A stream is judged over the whole run, not hour
 * by hour, and its items are taken only by handlers no call needs, so
 * the hours to raise are those where an item is likeliest to find every
 * handler busy: Erlang C of the pool's expected load in the hour (load)
 * with its on-duty requirement, an hour with load and nobody on duty
 * first. The expected load is used, not each round's measured occupancy:
 * an hour of the week is measured a few times a run, and chasing that
 * noise spreads handlers where they are not needed. Up to n_hours hours
 * each get one more on duty (the earlier hour on a tie), or, when the
 * hour's load is above its handlers, as many as the load in Erlangs
 * rounded up (at most max_staff); hours at max_staff or without load are
 * passed over. Returns how many hours were
 * raised: 0 means nothing more can be done. */
size_t optimise_plan_raise_pool(struct optimise_plan *p, size_t pool,
				size_t n_hours);

/* Response units (`callsim optimise --units`): the least units on each
 * shift of the scenario's unit rosters such that every grade with an
 * attendance goal has the verdict met. The shift pattern stays as the
 * scenario has it; only the `staff` (units) of the shifts of chosen unit
 * entries change — entries whose role is among the chosen roles (by
 * default every role that is not a neighbourhood role and attends the first
 * grade; neighbourhood roles are never chosen). The caller alternates:
 *     u = optimise_units_new(sc, roles, ...)   the scenario's staffing
 *     optimise_units_estimate(u, sc)           or an M/M/c first guess
 *     loop: simulate with optimise_units_path = staff of every chosen shift
 *           stop when every grade with a goal is met
 *           optimise_units_raise(u, sc, met, area figures)
 *     then, while every agreement stays met, optimise_units_lower.
 *
 * Workload: each line's hourly calls (optimise_line_hourly; every call is
 * taken as answered) times its incident mix gives each grade's incidents
 * an hour, moved later by the grade's mean delay (rounded to the hour) and
 * shared over the areas by share. A unit is busy with an incident for the
 * grade's mean travel (times the area's travel factor) plus its mean time
 * on scene. The chosen units of an area take the part of a grade's work
 * that their mean rostered units are of all the area's non-neighbourhood
 * units attending the grade. Cross-border help and abstraction are left to
 * the simulation. A plan is used by one thread. */

/* Utilisation the first guess allows the chosen units of an area in an
 * hour. */
#define OPTIMISE_UNITS_UTILISATION 0.85

struct optimise_units {
	size_t n_units, n_areas;
	bool *chosen;          /* [n_units]: entries whose staff may change */
	size_t *first;         /* [n_units + 1]: entry u's shifts are
				  staff[first[u] .. first[u + 1]) */
	int *staff;            /* units on each shift, in the file's order */
	/* [n_areas][HOURS_PER_WEEK], for the chosen units of each area: */
	double *load;          /* Erlangs of incident work */
	double *rate;          /* incidents a second */
	double *top_rate;      /* of which of the first grade */
	int max_units;         /* no shift of an entry holds more */
	bool capped;           /* the first guess wanted more somewhere */
};

/* Sets roles[n_roles] to the default choice: every role that is not a
 * neighbourhood role and attends the first grade. */
void optimise_units_roles(const struct scenario *sc, bool *roles);

/* The plan of sc (which must have grades) with entries of roles flagged in
 * roles[n_roles] chosen (neighbourhood roles never are) and every shift at
 * the scenario's staff; max_units >= 1. Returns a new plan (free with
 * optimise_units_free) or NULL with err filled (SIM_ENOMEM, or SIM_EINVAL
 * when an arrival plan cannot be laid out). */
struct optimise_units *optimise_units_new(const struct scenario *sc,
					  const bool *roles, int max_units,
					  struct sim_err *err);
/* NULL is a no-op. */
void optimise_units_free(struct optimise_units *u);

/* The least units on duty for one area and hour: utilisation (load / c) at
 * most OPTIMISE_UNITS_UTILISATION and, when top_rate > 0 and slack_s > 0,
 * the first grade's wait for a unit within slack_s with probability >=
 * goal, as M/M/c with priority to the first grade gives it:
 *     P(wait > t) = C(c, load) exp(-(c mu - top_rate) t),  mu = rate / load.
 * load in Erlangs, rates a second; 0 when load is 0. At most c_max; -1 when
 * even c_max is not enough. */
int optimise_units_needed(double load, double rate, double top_rate,
			  double slack_s, double goal, int c_max);

/* Replaces the staff of every chosen shift by the first guess: each area's
 * hourly optimise_units_needed (slack = the first grade's target less its
 * mean delay and travel), covered greedily by the area's chosen shifts —
 * the hour furthest short gets one more unit on the shift covering it that
 * also covers most other hours still short. Sets capped when some hour
 * cannot be covered within max_units. */
void optimise_units_estimate(struct optimise_units *u,
			     const struct scenario *sc);

/* Units on duty (after shrinkage, rounded as roster.h rounds) of the chosen
 * entries of area `area` in hour-of-week `hour`. */
int optimise_units_on_duty(const struct optimise_units *u,
			   const struct scenario *sc, size_t area, size_t hour);

/* The key path "units.U.shifts.NAME.staff" of shift `shift` of entry
 * `unit`, whose staff the plan sets to u->staff[u->first[unit] + shift]
 * (a typed edit: path and number). Returns a new string (free it), or NULL
 * when out of memory. */
char *optimise_units_path(const struct scenario *sc, size_t unit,
			  size_t shift);

/* One correction after a simulation: met[n_grades] whether each grade's
 * force-wide verdict is met (grades without a goal count as met),
 * area_wt[n_areas][n_grades] the mean attended within target of each area
 * and grade (NAN: no incidents). For each grade not met, the area with the
 * lowest figure among those with a chosen entry attending the grade and a
 * shift below max_units gets one more unit, on the shift covering its
 * busiest hour (load per unit on duty). Returns how many units were added:
 * 0 means nothing more can be done. */
size_t optimise_units_raise(struct optimise_units *u, const struct scenario *sc,
			    const bool *met, const double *area_wt);

/* One trimming step: among areas not flagged in done[n_areas], the one
 * with the widest margin (its lowest area_wt less the goal, over grades
 * with a goal its chosen entries attend) loses one unit, from the shift
 * whose loss leaves the lowest peak load per unit on duty in its hours.
 * Returns the area, or -1 when no area has a unit left to lose. */
long optimise_units_lower(struct optimise_units *u, const struct scenario *sc,
			  const double *area_wt, const bool *done);

#endif
