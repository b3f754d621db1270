/* roster_plan.h: one pool's roster from an hourly requirement — the
 * candidate shifts it may work, the integer programme over them
 * (models/roster_ip.h), the cover the chosen headcounts give, and the
 * roster as the scenario text `--set pools.NAME.shifts=[...]` takes.
 *
 * The requirement is on duty, after shrinkage, per hour of the week (the
 * plan of models/optimise.h); the programme covers its rostered
 * equivalent (optimise_rostered) in every slot of the week, a slot being
 * an hour or, with a 15-minute step, a quarter hour. Candidates: every
 * allowed start on every day of the week and every allowed length, each a
 * variable of its own (so the headcount may differ by day); or, keeping
 * the scenario's shape, the pool's own shifts, each one variable for all
 * its days. Cost is paid hours a week, so the least-cost roster is the
 * least FTE and the least annual cost.
 *
 * Nothing prints; errors are returned. A plan is used by one thread. */
#ifndef RESULTS_ROSTER_PLAN_H
#define RESULTS_ROSTER_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "models/rota.h"
#include "models/scenario.h"
#include "models/scenario_rota.h"
#include "sim/sim_err.h"

/* The shifts a pool may be rostered on. */
struct roster_shape {
	double step_s;                 /* 3600 or 900 */
	const double *lengths_s;       /* [n_lengths]; none: the pool's own */
	size_t n_lengths;
	const double *starts_s;        /* [n_starts] times of day; none (and
					  not any_start): the pool's own */
	size_t n_starts;
	bool any_start;                /* every step of the day */
	bool keep_shape;               /* the pool's own shifts, re-sized */
	double time_limit_s;           /* of each solve */
	const char *rota;              /* NULL, or a pattern: a name of
					  models/rota.h, or shift names of
					  the pool's own and R, by commas */
};

/* One candidate shift and its headcount. */
struct roster_plan_shift {
	double start_s;                /* time of day */
	double hours;
	unsigned days;                 /* bit 0 Monday */
	int staff;                     /* rostered */
	const char *name;              /* the pool's own name (keep_shape), or
					  NULL */
	int offset;                    /* a rota's: the day of the cycle this
					  candidate's people start on; else -1 */
};

struct roster_plan {
	size_t pool;                   /* of a pool's plan; else 0 */
	char who[3 * SCENARIO_NAME_MAX];    /* "pool NAME", for messages */
	char key[SCENARIO_NAME_MAX + 16];   /* "pools.NAME": its --set path */
	double shrinkage;
	size_t n_slots;                /* of the week */
	double step_s;
	struct roster_plan_shift *shifts;   /* [n_shifts] candidates */
	size_t n_shifts;
	int *need;                     /* [n_slots] rostered requirement */
	int *cover;                    /* [n_slots] rostered cover */
	int *short_by;                 /* [n_slots] cover missing */
	int cap;                       /* most rostered in a slot; 0 none */
	double hours;                  /* paid hours a week */
	double lp_hours;               /* the LP bound on them (NAN: none) */
	bool met, optimal;
	double time_limit_s;           /* of the last solve */
	/* With a rota, the candidates are people starting its pattern on
	 * each day of the cycle (offset), working it round and round; the
	 * slots then span cycle_days, a whole number of weeks and of cycles,
	 * and the requirement repeats each week. */
	struct rota_shift *rota_shifts;     /* [n_rota_shifts] or NULL */
	size_t n_rota_shifts;
	int *pattern;                       /* [n_days]; NULL: no rota */
	size_t n_days, cycle_days;
	int weekday;                        /* of the run's day 0, the
					       cycle's day 0 (0 = Monday) */
	size_t *block_starts;               /* [n_days][blocks] of offset's
					       shifts, in slots */
	size_t blocks;
	char rota_text[256];                /* the pattern as given */
	/* A rota is searched as teams (of a pool or unit roster already on
	 * a rota, or on shifts given --rota): the people starting on each
	 * cycle day come in teams of one size, and the result is written
	 * back as the scenario's rota (teams, per_team, offsets). With keep,
	 * the scenario's own teams and offsets are kept and only per_team is
	 * chosen. */
	bool teams, keep;
	bool own_pattern;                   /* the scenario's, not --rota's */
	size_t n_teams;                     /* of the result */
	int per_team;
	size_t team_offset[ROTA_TEAMS_MAX]; /* the scenario's offsets: days
					       into the cycle on its start */
	long start_day;                     /* the cycle's start, from day 0 */
	char start[16];                     /* its date as given, or "" */
	const struct scenario_rota *own;    /* the scenario's rota, or NULL */
};

/* What a plan rosters: a pool, or a unit entry of the response. */
struct roster_plan_own {
	char who[3 * SCENARIO_NAME_MAX];    /* "pool NAME", for messages */
	char key[SCENARIO_NAME_MAX + 16];   /* "pools.NAME", "units.3" */
	const struct shift_spec *shifts;    /* its own, borrowed; on a rota
					       the rota's shifts */
	size_t n_shifts;
	double shrinkage;
	const struct scenario_rota *rota;   /* its rota, or NULL; borrowed */
	int weekday;                        /* of the run's start date,
					       0 = Monday: a rota's day 0 */
};

/* The candidates of own for shape into a new plan *out, as
 * roster_plan_new (pool 0). */
enum sim_status roster_plan_new_own(const struct roster_plan_own *own,
				    const struct roster_shape *shape,
				    int max_on_duty, struct roster_plan **out,
				    struct sim_err *err);

/* The candidates of pool `pool` of sc for shape into a new plan *out
 * (free with roster_plan_free). max_on_duty >= 1 caps each slot's cover
 * at the most rostered whose on-duty count is at most it. Returns SIM_OK;
 * SIM_EINVAL with err saying which when a start or length is not on the
 * step or too long; SIM_ENOMEM. */
enum sim_status roster_plan_new(const struct scenario *sc, size_t pool,
				const struct roster_shape *shape,
				int max_on_duty, struct roster_plan **out,
				struct sim_err *err);
void roster_plan_free(struct roster_plan *p);

/* Solves for on_duty[HOURS_PER_WEEK] (on duty per hour, after shrinkage):
 * staff, cover, short_by, hours, lp_hours, met, optimal. Returns SIM_OK
 * (met says whether every slot is covered), or a failure of the solver
 * with err filled. */
enum sim_status roster_plan_solve(struct roster_plan *p, const int *on_duty,
				  double time_limit_s, struct sim_err *err);

/* The override of the plan's roster: "KEY.shifts=[...]", the shifts
 * with staff, days with the same headcount merged into one entry; or,
 * for a rota, "KEY.rota={...}", the rota itself (roster_teams.h), which
 * replaces the shifts of a pool or unit roster on shifts. Returns a new
 * string (free it), or NULL when out of memory. */
char *roster_plan_override(const struct roster_plan *p);

/* People in post of a rota's plan (of teams: teams x per_team); -1 for
 * a plan of shifts. */
int roster_plan_people(const struct roster_plan *p);
/* FTE of p's roster (with lp, of its LP bound) for a contract of
 * hours_per_week: a rota's plan counts its people in post, as the
 * scenario counts a rota's FTE whatever hours the cycle averages (the LP
 * bound its fractional people); a plan of shifts its paid hours over the
 * contract. */
double roster_plan_fte(const struct roster_plan *p, double hours_per_week,
		       bool lp);

/* Writes text as a YAML double-quoted scalar: '"' and '\\' escaped, and
 * control characters as \xNN, so any name reads back as itself. */
void roster_plan_quote(FILE *f, const char *text);

/* The least on duty (after shrinkage, as the simulation rounds it) in
 * each slot of hour h of the week (with a rota, over every week of its
 * cycle). */
int roster_plan_on_duty(const struct roster_plan *p, size_t h);

/* Room for roster_plan_within's words. */
#define ROSTER_PLAN_WITHIN_MAX 160

/* Words for what covers p's requirement, for a message on the hours
 * short: "the allowed shifts within --max-staff N", or, when the last
 * solve was stopped by its time limit, the best of them found then
 * (whose shortfall a longer --time-limit may lessen). */
void roster_plan_within(const struct roster_plan *p, int max_staff, char *buf,
			size_t n);

/* Writes, when p's last solve was stopped by its time limit, " (the best
 * found in --time-limit S s: at most G% above the least, by the LP
 * bound)" to f; else nothing. */
void roster_plan_limit_note(FILE *f, const struct roster_plan *p);

/* The relative gap of p's last roster above its LP bound: (hours -
 * lp_hours) / lp_hours; NAN when there is no bound or it is 0. */
double roster_plan_gap(const struct roster_plan *p);

/* The worst shortfall of p's last solve in each hour of the week, over
 * every slot of the hour and every week p's slots span (one, or a rota's
 * cycle): most[h] the rostered cover missing (0: none), need[h] the
 * requirement of that slot. Returns how many hours fall short. */
size_t roster_plan_short_hours(const struct roster_plan *p,
			       int most[HOURS_PER_WEEK],
			       int need[HOURS_PER_WEEK]);

#endif
