/* optimise.c: the staffing plan of the optimiser — Erlang first guess,
 * rosters of one-hour shifts, and the raise step (see optimise.h). */
#include "models/optimise.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/demand.h"
#include "models/erlang.h"

#define OPTIMISE_HOUR_S 3600.0

void optimise_plan_free(struct optimise_plan *p)
{
	if (p == NULL)
		return;
	free(p->chosen);
	free(p->primary);
	free(p->on_duty);
	free(p);
}

/* The pool that takes line l's load: the lowest position of l in a serves
 * list wins, the earlier pool on a tie; -1 when no pool serves it. */
static long optimise_primary(const struct scenario *sc, size_t l)
{
	long best = -1;
	size_t best_rank = (size_t)-1;

	for (size_t p = 0; p < sc->n_pools; p++)
		for (size_t k = 0; k < sc->pools[p].n_serves; k++)
			if (sc->pools[p].serves[k] == l && k < best_rank) {
				best = (long)p;
				best_rank = k;
			}
	return best;
}

/* Sums the expected calls of the occurrences of each hour of the week that
 * lie wholly inside [t0, t1), and counts them. */
static void optimise_hours_in(const struct rate_plan *plan, double t0,
			      double t1, double *sum, int *count)
{
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		sum[h] = 0;
		count[h] = 0;
		for (double t = (double)h * OPTIMISE_HOUR_S; t + OPTIMISE_HOUR_S <= t1;
		     t += WEEK_S)
			if (t >= t0) {
				sum[h] += rate_plan_expected(plan, t, t + OPTIMISE_HOUR_S);
				count[h]++;
			}
	}
}

enum sim_status optimise_line_hourly(const struct scenario *sc, size_t line,
				     double *per_hour, struct sim_err *err)
{
	double horizon = scenario_horizon_s(sc), sum[HOURS_PER_WEEK];
	int counted[HOURS_PER_WEEK], all[HOURS_PER_WEEK];
	struct rate_plan *plan;

	assert(line < sc->n_lines);
	plan = rate_plan_new(&sc->lines[line].demand, sc->run.start, horizon, err);
	if (plan == NULL)
		return err->status;
	optimise_hours_in(plan, sc->run.warmup_s, horizon, per_hour, counted);
	optimise_hours_in(plan, 0, horizon, sum, all);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		if (counted[h] > 0)
			per_hour[h] /= counted[h];
		else
			per_hour[h] = all[h] > 0 ? sum[h] / all[h] : 0;
	}
	rate_plan_free(plan);
	return SIM_OK;
}

/* Mean handle plus wrap-up time of a line: the work one call brings. */
static double optimise_work_s(const struct line_spec *l)
{
	return dist_mean(&l->handle) + (l->has_wrap ? dist_mean(&l->wrap) : 0);
}

/* The agents line l asks of its pool in one hour, when the pool's load is
 * `calls` calls bringing `work` seconds of work in all. */
static int optimise_line_need(const struct line_spec *l, double calls,
			      double work, int max_staff, bool *capped)
{
	double lambda = calls / OPTIMISE_HOUR_S, mu = calls / work;
	double theta = l->has_patience ? 1 / dist_mean(&l->patience) : 0;
	int c;

	if (isnan(l->goal))
		c = (int)fmin(ceil(work / OPTIMISE_HOUR_S - 1e-9), max_staff);
	else
		c = erlang_required(lambda, mu, theta, l->target_s, l->goal,
				    max_staff);
	if (c < 0) {
		*capped = true;
		c = max_staff;
	}
	return c;
}

/* Sets the requirement of pool `pool` in every hour from the lines whose
 * load it takes; rates[l][h] are the lines' hourly calls. */
static void optimise_pool_guess(struct optimise_plan *p,
				const struct scenario *sc, size_t pool,
				const double *rates)
{
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double calls = 0, work = 0;
		int need = 0;

		for (size_t l = 0; l < sc->n_lines; l++)
			if (p->primary[l] == (long)pool) {
				calls += rates[l * HOURS_PER_WEEK + h];
				work += rates[l * HOURS_PER_WEEK + h]
					* optimise_work_s(&sc->lines[l]);
			}
		for (size_t l = 0; calls > 0 && l < sc->n_lines; l++)
			if (p->primary[l] == (long)pool) {
				int c = optimise_line_need(&sc->lines[l], calls, work,
							   p->max_staff, &p->capped);

				need = c > need ? c : need;
			}
		p->on_duty[pool * HOURS_PER_WEEK + h] = need;
	}
}

/* Allocates a plan for sc with chosen pools copied; NULL when out of
 * memory. */
static struct optimise_plan *optimise_plan_alloc(const struct scenario *sc,
						 const bool *chosen,
						 int max_staff)
{
	struct optimise_plan *p = calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	p->n_pools = sc->n_pools;
	p->n_lines = sc->n_lines;
	p->max_staff = max_staff;
	p->chosen = calloc(sc->n_pools + 1, sizeof *p->chosen);
	p->primary = calloc(sc->n_lines + 1, sizeof *p->primary);
	p->on_duty = calloc(sc->n_pools * HOURS_PER_WEEK + 1, sizeof *p->on_duty);
	if (p->chosen == NULL || p->primary == NULL || p->on_duty == NULL) {
		optimise_plan_free(p);
		return NULL;
	}
	memcpy(p->chosen, chosen, sc->n_pools * sizeof *chosen);
	for (size_t l = 0; l < sc->n_lines; l++)
		p->primary[l] = optimise_primary(sc, l);
	return p;
}

struct optimise_plan *optimise_plan_new(const struct scenario *sc,
					const bool *chosen, int max_staff,
					struct sim_err *err)
{
	struct optimise_plan *p = optimise_plan_alloc(sc, chosen, max_staff);
	double *rates = malloc((sc->n_lines + 1) * HOURS_PER_WEEK * sizeof *rates);
	enum sim_status st = SIM_OK;

	assert(max_staff >= 1);
	if (p == NULL || rates == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory planning the staffing");
		st = SIM_ENOMEM;
	}
	for (size_t l = 0; st == SIM_OK && l < sc->n_lines; l++)
		st = optimise_line_hourly(sc, l, rates + l * HOURS_PER_WEEK, err);
	for (size_t q = 0; st == SIM_OK && q < sc->n_pools; q++)
		if (p->chosen[q])
			optimise_pool_guess(p, sc, q, rates);
	free(rates);
	if (st != SIM_OK) {
		optimise_plan_free(p);
		return NULL;
	}
	return p;
}

/* Round half up with the same margin as roster.c, so the count found here
 * is the count the simulated roster puts on duty. */
static int optimise_after_shrinkage(int rostered, double shrinkage)
{
	return (int)floor(rostered * (1 - shrinkage) + 0.5 + 1e-9);
}

int optimise_rostered(int on_duty, double shrinkage)
{
	int r;

	assert(on_duty >= 0 && shrinkage >= 0 && shrinkage < 1);
	r = (int)ceil((on_duty - 0.5) / (1 - shrinkage));
	if (r < 0)
		r = 0;
	/* The estimate is within one of the answer either way. */
	while (optimise_after_shrinkage(r, shrinkage) < on_duty)
		r++;
	while (r > 0 && optimise_after_shrinkage(r - 1, shrinkage) >= on_duty)
		r--;
	return r;
}

double optimise_rostered_hours(const struct scenario *sc,
			       const struct optimise_plan *p, size_t pool)
{
	double hours = 0;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		hours += optimise_rostered(p->on_duty[pool * HOURS_PER_WEEK + h],
					   sc->pools[pool].shrinkage);
	return hours;
}

/* Appends one shift per staffed hour to f; returns how many. */
static size_t optimise_shifts(FILE *f, const struct scenario *sc,
			      const struct optimise_plan *p, size_t pool)
{
	static const char days[7][4] = {
		"mon", "tue", "wed", "thu", "fri", "sat", "sun"
	};
	size_t n = 0;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		int staff = optimise_rostered(p->on_duty[pool * HOURS_PER_WEEK + h],
					      sc->pools[pool].shrinkage);

		if (staff == 0)
			continue;
		fprintf(f, "%s{name: h%03zu, start: \"%02zu:00\", hours: 1, "
			"days: [%s], staff: %d}", n ? ", " : "", h, h % 24,
			days[h / 24], staff);
		n++;
	}
	return n;
}

char *optimise_shifts_override(const struct scenario *sc,
			       const struct optimise_plan *p, size_t pool)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert(pool < p->n_pools);
	if (f == NULL)
		return NULL;
	fprintf(f, "pools.%s.shifts=[", sc->pools[pool].name);
	/* A roster with nobody at all still needs one shift to be valid. */
	if (optimise_shifts(f, sc, p, pool) == 0)
		fputs("{name: h000, start: \"00:00\", hours: 1, days: [mon], "
		      "staff: 0}", f);
	fputc(']', f);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Raises pool `pool` in hour h once per round (raised marks the round's
 * raises). Returns 1 when it did. */
static size_t optimise_bump(struct optimise_plan *p, size_t pool, size_t h,
			    bool *raised)
{
	int *n = &p->on_duty[pool * HOURS_PER_WEEK + h];

	if (raised[pool * HOURS_PER_WEEK + h] || *n >= p->max_staff)
		return 0;
	raised[pool * HOURS_PER_WEEK + h] = true;
	(*n)++;
	return 1;
}

/* The raises for one line that missed: every hour below its goal, or else
 * the worst hour that can still be raised. */
static size_t optimise_raise_line(struct optimise_plan *p,
				  const struct scenario *sc, size_t l,
				  const double *hour_sl, bool *raised)
{
	size_t pool = (size_t)p->primary[l], n = 0, worst = HOURS_PER_WEEK;
	double goal = sc->lines[l].goal;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double sl = hour_sl[h * p->n_lines + l];

		if (sl < goal)
			n += optimise_bump(p, pool, h, raised);
		if (!isnan(sl) && p->on_duty[pool * HOURS_PER_WEEK + h] < p->max_staff
		    && (worst == HOURS_PER_WEEK || sl < hour_sl[worst * p->n_lines + l]))
			worst = h;
	}
	if (n == 0 && worst < HOURS_PER_WEEK)
		n += optimise_bump(p, pool, worst, raised);
	return n;
}

size_t optimise_plan_raise(struct optimise_plan *p, const struct scenario *sc,
			   const double *hour_sl, const bool *met)
{
	bool *raised = calloc(p->n_pools * HOURS_PER_WEEK + 1, sizeof *raised);
	size_t n = 0;

	if (raised == NULL)
		return 0;
	for (size_t l = 0; l < p->n_lines; l++)
		if (!met[l] && !isnan(sc->lines[l].goal) && p->primary[l] >= 0
		    && p->chosen[p->primary[l]])
			n += optimise_raise_line(p, sc, l, hour_sl, raised);
	free(raised);
	return n;
}
