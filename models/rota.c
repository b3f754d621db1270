/* rota.c: on-duty counts of teams on a rotating pattern (see rota.h). */
#include "models/rota.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/week.h"
#include "sim/mem.h"

/* Whether word[0 .. n) names a rest day. */
static int rota_is_rest(const char *word, size_t n)
{
	return (n == 1 && (word[0] == 'R' || word[0] == 'r'))
	       || (n == 4 && strncmp(word, "rest", 4) == 0)
	       || (n == 3 && strncmp(word, "off", 3) == 0);
}

/* The index of the shift named word[0 .. n), or ROTA_REST for a rest day;
 * -2 for neither. */
static int rota_word(const char *word, size_t n,
		     const struct rota_shift *shifts, size_t n_shifts)
{
	for (size_t i = 0; i < n_shifts; i++)
		if (strlen(shifts[i].name) == n
		    && strncmp(shifts[i].name, word, n) == 0)
			return (int)i;
	return rota_is_rest(word, n) ? ROTA_REST : -2;
}

enum sim_status rota_pattern_parse(const char *text,
				   const struct rota_shift *shifts,
				   size_t n_shifts, int **out, size_t *n,
				   struct sim_err *err)
{
	const char *p = text;
	int *days = mem_calloc(ROTA_DAYS_MAX, sizeof *days);

	*out = NULL;
	*n = 0;
	if (days == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (;;) {
		size_t len = strcspn(p, ",");
		int d = *n < ROTA_DAYS_MAX
			? rota_word(p, len, shifts, n_shifts) : -3;

		if (d < ROTA_REST) {
			free(days);
			if (d == -3)
				return sim_err_add(err, SIM_EINVAL, "rota pattern: "
						   "more than %d days", ROTA_DAYS_MAX);
			return sim_err_add(err, SIM_EINVAL, "rota pattern: '%.*s' "
					   "is neither a shift of the rota nor R, "
					   "rest or off", (int)len, p);
		}
		days[(*n)++] = d;
		if (p[len] == '\0')
			break;
		p += len + 1;
	}
	*out = days;
	return SIM_OK;
}

enum sim_status rota_check(const struct rota_spec *r, struct sim_err *err)
{
	if (r->n_days == 0 || r->n_days > ROTA_DAYS_MAX || r->n_teams == 0
	    || r->n_teams > ROTA_TEAMS_MAX || r->per_team < 0)
		return sim_err_add(err, SIM_EINVAL, "rota: %zu days, %zu teams "
				   "of %d: must be 1..%d days, 1..%d teams, and "
				   "people >= 0", r->n_days, r->n_teams,
				   r->per_team, ROTA_DAYS_MAX, ROTA_TEAMS_MAX);
	if (r->offset == NULL && r->n_days % r->n_teams != 0)
		return sim_err_add(err, SIM_EINVAL, "rota: %zu teams cannot be "
				   "staggered evenly over a cycle of %zu days; "
				   "give each team's offset", r->n_teams,
				   r->n_days);
	for (size_t t = 0; r->offset != NULL && t < r->n_teams; t++)
		if (r->offset[t] >= r->n_days)
			return sim_err_add(err, SIM_EINVAL, "rota: team %zu's "
					   "offset %zu is not below the cycle's %zu "
					   "days", t + 1, r->offset[t], r->n_days);
	for (size_t d = 0; d < r->n_days; d++)
		if (r->pattern[d] < ROTA_REST
		    || r->pattern[d] >= (int)r->n_shifts)
			return sim_err_add(err, SIM_EINVAL, "rota: day %zu of the "
					   "pattern is shift %d of %zu", d + 1,
					   r->pattern[d], r->n_shifts);
	return SIM_OK;
}

int rota_team_day(const struct rota_spec *r, size_t team, long day)
{
	long n = (long)r->n_days;
	long off = r->offset ? (long)r->offset[team]
		   : (long)(team * (r->n_days / r->n_teams));
	long pos = ((day - r->start_day + off) % n + n) % n;

	assert(team < r->n_teams);
	return r->pattern[pos];
}

/* Whether team t is on a shift worked on day `day` at t_s. */
static int rota_team_on(const struct rota_spec *r, size_t t, long day,
			double t_s)
{
	int s = rota_team_day(r, t, day);
	double from;

	if (s == ROTA_REST)
		return 0;
	from = day * DAY_S + r->shifts[s].start_s;
	return t_s >= from && t_s < from + r->shifts[s].duration_s;
}

int rota_on_duty(const struct rota_spec *r, double t_s)
{
	long day = (long)floor(t_s / DAY_S);
	int n = 0;

	/* A shift lasts at most a day, so only shifts worked on this day or
	 * the day before (across midnight) can be on duty. */
	for (size_t t = 0; t < r->n_teams; t++)
		if (rota_team_on(r, t, day, t_s) || rota_team_on(r, t, day - 1, t_s))
			n += r->per_team;
	return n;
}

void rota_table(const struct rota_spec *r, double t0_s, double step_s,
		size_t n, int *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = rota_on_duty(r, t0_s + (double)i * step_s);
}

int rota_people(const struct rota_spec *r)
{
	return (int)r->n_teams * r->per_team;
}

double rota_hours_per_week(const struct rota_spec *r)
{
	double hours = 0;

	for (size_t d = 0; d < r->n_days; d++)
		if (r->pattern[d] != ROTA_REST)
			hours += r->shifts[r->pattern[d]].duration_s / HOUR_S;
	return hours * rota_people(r) / ((double)r->n_days / DAYS_PER_WEEK);
}

static const struct rota_shift rota_ten[] = {
	{ "E", 7 * HOUR_S, 10 * HOUR_S },
	{ "L", 14 * HOUR_S, 10 * HOUR_S },
	{ "N", 22 * HOUR_S, 10 * HOUR_S },
};
static const struct rota_shift rota_eight[] = {
	{ "E", 6 * HOUR_S, 8 * HOUR_S },
	{ "L", 14 * HOUR_S, 8 * HOUR_S },
	{ "N", 22 * HOUR_S, 8 * HOUR_S },
};
static const struct rota_shift rota_twelve[] = {
	{ "D", 7 * HOUR_S, 12 * HOUR_S },
	{ "N", 19 * HOUR_S, 12 * HOUR_S },
};
static const struct rota_named rota_named_all[] = {
	{ "6on4off", "E,E,L,L,N,N,R,R,R,R", rota_ten, 3, 5 },
	{ "3x3x3", "E,E,E,R,L,L,L,R,N,N,N,R", rota_eight, 3, 4 },
	{ "4on4off", "D,D,N,N,R,R,R,R", rota_twelve, 2, 4 },
	{ "2x2x2", "E,E,L,L,N,N,R,R", rota_eight, 3, 4 },
};

const char rota_named_list[] = "6on4off, 3x3x3, 4on4off, 2x2x2";
const char rota_wtr_rules[] = "Working Time Regulations: at least 11 h rest "
			      "between shifts, at most 6 shifts in a row";

const struct rota_named *rota_named_find(const char *name)
{
	for (size_t i = 0; i < sizeof rota_named_all / sizeof *rota_named_all;
	     i++)
		if (strcmp(rota_named_all[i].name, name) == 0)
			return &rota_named_all[i];
	return NULL;
}

/* "HH:MM" of a time of day t_s (taken modulo a day) into buf[8]. */
static void rota_clock(double t_s, char *buf)
{
	unsigned m = (unsigned)lround(fmod(t_s, DAY_S) / 60) % (24 * 60);

	snprintf(buf, 8, "%02u:%02u", (m / 60) % 24u, m % 60u);
}

/* The rest after day i's shift until the next shift worked (cyclic),
 * j its day; the pattern has a shift on day i. */
static double rota_rest_after(const struct rota_shift *shifts,
			      const int *pattern, size_t n, size_t i, size_t *j)
{
	const struct rota_shift *a = &shifts[pattern[i]];
	size_t k = 1;

	while (pattern[(i + k) % n] == ROTA_REST)
		k++;
	*j = (i + k) % n;
	return k * DAY_S + shifts[pattern[*j]].start_s - a->start_s
	       - a->duration_s;
}

/* Reports the pair of day i's shift and the next one worked, day j,
 * with rest_s between them (< 11 h): a negative rest is not rest at all
 * but the next shift starting before this one ends, so it is said as the
 * hours the two overlap, with the day the first ends on. */
static enum sim_status rota_wtr_too_close(const struct rota_shift *shifts,
					  const int *pattern, size_t n,
					  size_t i, size_t j, double rest_s,
					  struct sim_err *err)
{
	const struct rota_shift *a = &shifts[pattern[i]], *b = &shifts[pattern[j]];
	double end_s = a->start_s + a->duration_s;
	char end[8], start[8];

	rota_clock(end_s, end);
	rota_clock(b->start_s, start);
	if (rest_s < 0)
		return sim_err_add(err, SIM_EINVAL, "rota pattern: day %zu (%s, "
				   "ends %s on day %zu) and day %zu (%s, starts "
				   "%s) overlap by %.4g h: day %zu's shift starts "
				   "before day %zu's ends; the Working Time "
				   "Regulations require at least 11 h of rest "
				   "between shifts", i + 1, a->name, end,
				   (i + (size_t)(end_s / DAY_S)) % n + 1, j + 1,
				   b->name, start, -rest_s / HOUR_S, j + 1,
				   i + 1);
	return sim_err_add(err, SIM_EINVAL, "rota pattern: day %zu (%s, ends "
			   "%s) and day %zu (%s, starts %s) leave %.4g h of "
			   "rest; the Working Time Regulations require at least "
			   "11 h between shifts", i + 1, a->name, end, j + 1,
			   b->name, start, rest_s / HOUR_S);
}

/* The 11-hour rule: the first pair of shifts too close, in err. */
static enum sim_status rota_wtr_rest(const struct rota_shift *shifts,
				     const int *pattern, size_t n,
				     struct sim_err *err)
{
	for (size_t i = 0; i < n; i++) {
		double rest;
		size_t j;

		if (pattern[i] == ROTA_REST)
			continue;
		rest = rota_rest_after(shifts, pattern, n, i, &j);
		if (rest < ROTA_WTR_REST_S - 1e-6)
			return rota_wtr_too_close(shifts, pattern, n, i, j,
						  rest, err);
	}
	return SIM_OK;
}

enum sim_status rota_wtr_check(const struct rota_shift *shifts,
			       const int *pattern, size_t n_days,
			       struct sim_err *err)
{
	size_t rest = n_days, run = 0;

	for (size_t d = 0; d < n_days; d++)
		if (pattern[d] == ROTA_REST)
			rest = d;
	if (rest == n_days)
		return sim_err_add(err, SIM_EINVAL, "rota pattern: no rest day "
				   "in the cycle of %zu days; the Working Time "
				   "Regulations allow at most %d shifts in a row",
				   n_days, ROTA_WTR_RUN_MAX);
	/* Counting from a rest day, every run lies inside one pass. */
	for (size_t k = 1; k <= n_days; k++) {
		size_t d = (rest + k) % n_days;

		run = pattern[d] == ROTA_REST ? 0 : run + 1;
		if (run > ROTA_WTR_RUN_MAX)
			return sim_err_add(err, SIM_EINVAL, "rota pattern: days %zu "
					   "to %zu are %zu shifts in a row; the "
					   "Working Time Regulations allow at most "
					   "%d", (d + n_days - run + 1) % n_days + 1,
					   d + 1, run, ROTA_WTR_RUN_MAX);
	}
	return rota_wtr_rest(shifts, pattern, n_days, err);
}
