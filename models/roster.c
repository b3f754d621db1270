/* roster.c: the weekly step function of people on duty, built once from the
 * shifts and then read by binary search.
 *
 * Every worked day of every shift is a piece of the week [start, end); one
 * that runs past Sunday midnight is split, its tail moved to the start of
 * the week, since the week repeats. Sweeping the sorted piece edges gives
 * the change points and the rostered count after each; the on-duty count
 * after shrinkage is stored beside it. */
#include "models/roster.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "models/rota.h"
#include "models/week.h"
#include "sim/mem.h"


struct roster {
	size_t n;          /* change points, n >= 1, at[0] == 0 */
	double period;     /* a week, or a rota's cycle */
	double phase;      /* added to a time before reducing it mod period:
			      the start date's weekday for a week; a rota's
			      cycle start */
	double *at;        /* offsets in [0, period), increasing */
	int *rostered;     /* count on [at[i], at[i+1]) (the last to period) */
	int *on_duty;      /* after shrinkage */
	int constant;      /* on_duty is the same all week */
	int peak;
	double hours;      /* rostered person-hours a week */
};

/* A change of the rostered count by delta at offset t of the week. */
struct roster_edge {
	double t;
	int delta;
};

static int roster_cmp_edge(const void *a, const void *b)
{
	double x = ((const struct roster_edge *)a)->t;
	double y = ((const struct roster_edge *)b)->t;

	return (x > y) - (x < y);
}

/* Round half up, as planners count a half person. Products such as
 * 10 * (1 - 0.35) land a rounding error either side of 6.5, so a
 * margin far below one person makes the half case go up reliably. */
static int roster_after_shrinkage(int rostered, double shrinkage)
{
	return (int)floor(rostered * (1 - shrinkage) + 0.5 + 1e-9);
}

/* Appends the edges of one worked day of a shift: [a, a + d) within the
 * period, split at the period's end. Returns how many edges it wrote. */
static size_t roster_day_edges(double a, double d, int staff, double period,
			       struct roster_edge *e)
{
	size_t n = 0;
	double b = a + d;

	e[n++] = (struct roster_edge){a, staff};
	if (b <= period) {
		if (b < period)
			e[n++] = (struct roster_edge){b, -staff};
		return n;
	}
	/* Sunday night into Monday (or the cycle's last night into its
	 * first day): the tail opens the period. */
	e[n++] = (struct roster_edge){0, staff};
	e[n++] = (struct roster_edge){b - period, -staff};
	return n;
}

/* Writes every edge of spec into e (room for 3 per shift-day); returns the
 * count and adds up the rostered hours. */
static size_t roster_edges(const struct roster_spec *spec,
			   struct roster_edge *e, double *hours)
{
	size_t n = 0;

	*hours = 0;
	for (size_t i = 0; i < spec->n_shifts; i++) {
		const struct shift_spec *sh = &spec->shifts[i];

		assert(sh->start_s >= 0 && sh->start_s < DAY_S);
		assert(sh->duration_s > 0 && sh->duration_s <= DAY_S);
		assert(sh->staff >= 0 && sh->days < (1u << DAYS_PER_WEEK));
		for (int d = 0; d < DAYS_PER_WEEK; d++) {
			if (!(sh->days & (1u << d)) || sh->staff == 0)
				continue;
			n += roster_day_edges(d * DAY_S + sh->start_s,
					      sh->duration_s, sh->staff, WEEK_S,
					      e + n);
			*hours += sh->staff * sh->duration_s / HOUR_S;
		}
	}
	return n;
}

/* Records that from offset t of the week `count` people are rostered. */
static void roster_push(struct roster *r, double t, int count,
			double shrinkage)
{
	r->at[r->n] = t;
	r->rostered[r->n] = count;
	r->on_duty[r->n] = roster_after_shrinkage(count, shrinkage);
	r->n++;
}

/* Sweeps sorted edges into change points, keeping only the instants at
 * which the rostered count really changes (a shift ending as another of
 * the same size starts is no change). Point 0 is always kept, with the
 * count carried over from Sunday night. */
static void roster_sweep(struct roster *r, const struct roster_edge *e,
			 size_t n_edges, double shrinkage)
{
	int count = 0;
	size_t i = 0;

	r->n = 0;
	while (i < n_edges && e[i].t == 0)
		count += e[i++].delta;
	roster_push(r, 0, count, shrinkage);
	while (i < n_edges) {
		double t = e[i].t;

		while (i < n_edges && e[i].t == t)
			count += e[i++].delta;
		if (count != r->rostered[r->n - 1])
			roster_push(r, t, count, shrinkage);
	}
}

void roster_free(struct roster *r)
{
	if (r == NULL)
		return;
	free(r->at);
	free(r->rostered);
	free(r->on_duty);
	free(r);
}

static struct roster *roster_alloc(size_t cap)
{
	struct roster *r = mem_calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	r->at = mem_malloc(cap * sizeof *r->at);
	r->rostered = mem_malloc(cap * sizeof *r->rostered);
	r->on_duty = mem_malloc(cap * sizeof *r->on_duty);
	if (!r->at || !r->rostered || !r->on_duty) {
		roster_free(r);
		return NULL;
	}
	return r;
}

static void roster_finish(struct roster *r, struct roster_edge *e,
			  size_t n_edges, double shrinkage);

struct roster *roster_new(const struct roster_spec *spec, struct sim_err *err)
{
	size_t cap = 3 * DAYS_PER_WEEK * spec->n_shifts + 1;
	struct roster_edge *e = mem_malloc(cap * sizeof *e);
	struct roster *r = roster_alloc(cap);
	size_t n_edges;

	assert(spec->shrinkage >= 0 && spec->shrinkage < 1);
	if (e == NULL || r == NULL) {
		free(e);
		roster_free(r);
		sim_err_add(err, SIM_ENOMEM, "out of memory building a roster");
		return NULL;
	}
	n_edges = roster_edges(spec, e, &r->hours);
	r->period = WEEK_S;
	/* Local time 0 is 00:00 on the start date's weekday. */
	assert(spec->weekday >= 0 && spec->weekday < DAYS_PER_WEEK);
	r->phase = spec->weekday * DAY_S;
	roster_finish(r, e, n_edges, spec->shrinkage);
	return r;
}

/* Sorts and sweeps the edges (and frees them), then finds whether the
 * count is constant and its peak. */
static void roster_finish(struct roster *r, struct roster_edge *e,
			  size_t n_edges, double shrinkage)
{
	qsort(e, n_edges, sizeof *e, roster_cmp_edge);
	roster_sweep(r, e, n_edges, shrinkage);
	free(e);
	r->constant = 1;
	r->peak = r->on_duty[0];
	for (size_t i = 1; i < r->n; i++) {
		if (r->on_duty[i] != r->on_duty[0])
			r->constant = 0;
		if (r->on_duty[i] > r->peak)
			r->peak = r->on_duty[i];
	}
}

/* Writes the edges of every team's worked days over one cycle of r, in
 * cycle time (0 at the cycle's start), into e (room for 3 per team-day);
 * returns the count and adds up the rostered hours of one cycle. */
static size_t roster_rota_edges(const struct rota_spec *r, double period,
				struct roster_edge *e, double *hours)
{
	size_t n = 0;

	*hours = 0;
	for (size_t k = 0; k < r->n_days; k++) {
		for (size_t t = 0; t < r->n_teams && r->per_team > 0; t++) {
			int s = rota_team_day(r, t, r->start_day + (long)k);

			if (s == ROTA_REST)
				continue;
			n += roster_day_edges(k * DAY_S + r->shifts[s].start_s,
					      r->shifts[s].duration_s,
					      r->per_team, period, e + n);
			*hours += r->per_team * r->shifts[s].duration_s
				  / HOUR_S;
		}
	}
	return n;
}

struct roster *roster_new_rota(const struct rota_spec *spec, double shrinkage,
			       struct sim_err *err)
{
	size_t cap = 3 * spec->n_days * spec->n_teams + 1;
	struct roster_edge *e = mem_malloc(cap * sizeof *e);
	struct roster *r = roster_alloc(cap);
	double cycle_h;
	size_t n_edges;

	assert(shrinkage >= 0 && shrinkage < 1);
	if (e == NULL || r == NULL) {
		free(e);
		roster_free(r);
		sim_err_add(err, SIM_ENOMEM, "out of memory building a rota");
		return NULL;
	}
	r->period = (double)spec->n_days * DAY_S;
	/* Time t is cycle time t - start_day days, reduced into [0, period):
	 * the phase is that shift made positive. */
	r->phase = (double)(((-spec->start_day) % (long)spec->n_days
			     + (long)spec->n_days) % (long)spec->n_days) * DAY_S;
	n_edges = roster_rota_edges(spec, r->period, e, &cycle_h);
	r->hours = cycle_h * DAYS_PER_WEEK / (double)spec->n_days;
	roster_finish(r, e, n_edges, shrinkage);
	return r;
}

/* The change point in force at offset tw of the week (at[i] <= tw). */
static size_t roster_find(const struct roster *r, double tw)
{
	size_t lo = 0, hi = r->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->at[mid] <= tw)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int roster_on_duty(const struct roster *r, double t_s)
{
	assert(t_s >= 0);
	return r->on_duty[roster_find(r, fmod(t_s + r->phase, r->period))];
}

int roster_rostered(const struct roster *r, double t_s)
{
	assert(t_s >= 0);
	return r->rostered[roster_find(r, fmod(t_s + r->phase, r->period))];
}

/* Walks the change points after t, into the next week if need be, to the
 * first whose on-duty count differs: a change of the rostered count that
 * shrinkage rounds away is no change for the simulation. */
double roster_next_change(const struct roster *r, double t_s)
{
	double tw, week;
	size_t i;
	int now;

	assert(t_s >= 0);
	if (r->constant)
		return INFINITY;
	tw = fmod(t_s + r->phase, r->period);
	week = t_s - tw;
	i = roster_find(r, tw);
	now = r->on_duty[i];
	/* Not constant, so a different count lies within one week. */
	for (;;) {
		if (++i == r->n) {
			i = 0;
			week += r->period;
		}
		if (r->on_duty[i] != now)
			return week + r->at[i];
	}
}

double roster_hours_per_week(const struct roster *r)
{
	return r->hours;
}

int roster_peak_on_duty(const struct roster *r)
{
	return r->peak;
}
