/* rota.h: who is on duty when teams work a rotating pattern.
 *
 * A rota is a cycle of days, each either a shift (by its index in the
 * rota's shift list) or a rest day, worked by n_teams teams of per_team
 * people. Team t is offset[t] days into the cycle on the cycle's start day
 * (start_day, counted from the run's day 0, its start date, any weekday;
 * it may be negative or past the horizon: the cycle repeats both ways),
 * so on day d team t
 * works day (d - start_day + offset[t]) mod n_days of the pattern. With no
 * offsets the teams are staggered evenly, team t at t * n_days / n_teams
 * (n_days a multiple of n_teams) — the usual way a pattern such as
 * 6-on-4-off (early, early, late, late, night, night, four rest days; five
 * teams two days apart) puts one team on each shift every day.
 *
 * Days are local calendar days and times are local seconds from 00:00 of
 * day 0 (models/local_clock.h): a shift at 07:00 starts at 07:00 on the
 * clock either side of a clock change, and a night over the change is an
 * hour shorter or longer in scenario time.
 *
 * A shift starts at a time of day and may cross midnight, so a night
 * worked on day d is still on duty early on day d + 1. The cycle may be any
 * length (a ten-week cycle in a four-week run is fine): the count at any
 * instant follows from the day alone, for any horizon.
 *
 * Pure functions of their inputs; nothing is allocated but the parsed
 * pattern, which the caller owns. */
#ifndef MODELS_ROTA_H
#define MODELS_ROTA_H

#include <stddef.h>

#include "sim/sim_err.h"

#define ROTA_DAYS_MAX 366          /* days in one cycle */
#define ROTA_TEAMS_MAX 64
#define ROTA_REST (-1)             /* a rest day in a pattern */

struct rota_shift {
	const char *name;          /* as the pattern spells it */
	double start_s;            /* time of day, 0 <= s < 86400 */
	double duration_s;         /* 0 < d <= 86400 */
};

struct rota_spec {
	const struct rota_shift *shifts;   /* borrowed */
	size_t n_shifts;
	const int *pattern;        /* [n_days]: shift index, or ROTA_REST */
	size_t n_days;             /* 1..ROTA_DAYS_MAX */
	size_t n_teams;            /* 1..ROTA_TEAMS_MAX */
	const size_t *offset;      /* [n_teams] days into the cycle, or NULL:
				      even stagger */
	int per_team;              /* people in each team, >= 0 */
	long start_day;            /* the cycle's start, in days from day 0 */
};

/* Parses a pattern "E,E,L,L,N,N,R,R,R,R": each comma-separated word is a
 * shift name of shifts[n_shifts] or R / rest / off for a rest day, into a
 * new array *out (free it) of *n days. Returns SIM_OK, SIM_EINVAL with err
 * naming the word that is neither (and the names allowed), or an empty or
 * too long pattern, or SIM_ENOMEM. */
enum sim_status rota_pattern_parse(const char *text,
				   const struct rota_shift *shifts,
				   size_t n_shifts, int **out, size_t *n,
				   struct sim_err *err);

/* Checks a spec: sizes within the bounds, pattern indices valid, offsets
 * below n_days, an even stagger possible. Returns SIM_OK or SIM_EINVAL
 * with err saying what is wrong. */
enum sim_status rota_check(const struct rota_spec *r, struct sim_err *err);

/* The shift index team t works on day d (ROTA_REST on a rest day). */
int rota_team_day(const struct rota_spec *r, size_t team, long day);

/* People on duty (before shrinkage) at local time t_s, in seconds from
 * day 0 00:00 (t_s may be negative). */
int rota_on_duty(const struct rota_spec *r, double t_s);

/* On-duty count at the start of each of n intervals of step_s seconds
 * from t0_s, into out[n]: a table for any horizon. */
void rota_table(const struct rota_spec *r, double t0_s, double step_s,
		size_t n, int *out);

/* People in post (n_teams * per_team), and the rostered hours a week
 * averaged over the cycle (hours on duty per person-cycle x people /
 * weeks in the cycle). */
int rota_people(const struct rota_spec *r);
double rota_hours_per_week(const struct rota_spec *r);

/* The UK patterns known by name, with their usual shifts and teams:
 *   6on4off  E,E,L,L,N,N,R,R,R,R     ten-hour 07:00, 14:00, 22:00; 5 teams
 *   3x3x3    E,E,E,R,L,L,L,R,N,N,N,R eight-hour 06:00, 14:00, 22:00; 4 teams
 *   4on4off  D,D,N,N,R,R,R,R         twelve-hour 07:00, 19:00; 4 teams
 *   2x2x2    E,E,L,L,N,N,R,R         eight-hour 06:00, 14:00, 22:00; 4 teams */
struct rota_named {
	const char *name;
	const char *pattern;
	const struct rota_shift *shifts;
	size_t n_shifts;
	size_t n_teams;                /* the usual even stagger */
};

/* The named pattern called name, or NULL. */
const struct rota_named *rota_named_find(const char *name);
/* "6on4off, 3x3x3, 4on4off, 2x2x2", for messages. */
extern const char rota_named_list[];

/* The Working Time Regulations 1998 rules every person's sequence of
 * shifts keeps: at least 11 consecutive hours of rest between shifts
 * (regulation 10) and, as the UK's rotas read the weekly rest of
 * regulation 11, at most 6 shifts on consecutive days. */
#define ROTA_WTR_REST_S (11 * 3600.0)
#define ROTA_WTR_RUN_MAX 6
/* The rules as the output names them. */
extern const char rota_wtr_rules[];

/* Checks the cyclic pattern[n_days] of shifts[] (as one person works it,
 * round and round) against the rules above. Returns SIM_OK, or SIM_EINVAL
 * with err naming the rule broken and where: the two days (counted from
 * 1) and the hours of rest between them (or, when the second shift starts
 * before the first ends, the hours they overlap), or the run of days
 * worked. */
enum sim_status rota_wtr_check(const struct rota_shift *shifts,
			       const int *pattern, size_t n_days,
			       struct sim_err *err);

#endif
