/* demand.c: the arrival rate of a line laid out over the run as segments of
 * constant rate, and exact sampling of a non-homogeneous Poisson process on
 * it by inverting the integrated rate.
 *
 * The rate changes only at profile slot edges (every hour or quarter hour
 * of the week), at midnights (where the calendar month, hence the month
 * factor, may change; every midnight is also a slot edge) and at the edges
 * of surge windows. Cutting the horizon at all of those points gives
 * segments on which the rate is constant, so the integrated rate is
 * piecewise linear and can be inverted exactly: an arrival after t is the
 * t' where the integral over [t, t'] reaches an Exp(1) variate. Unlike
 * thinning or a per-interval count, that never misses a short peak. */
#include "models/demand.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "models/local_clock.h"
#include "sim/mem.h"

struct demand_plan {
	struct local_clock clock;  /* the start date's, for days */
	size_t n;          /* segments */
	double *edge;      /* n + 1 edges; segment i is [edge[i], edge[i+1]) */
	double *rate;      /* n rates, calls a second */
	double *cum;       /* n + 1: integrated rate over [0, edge[i]) */
};

/* Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * days_from_civil): eras of 400 years, with the year starting in March so
 * that the leap day falls at the end. */
static long demand_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;                          /* [0, 399] */
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  /* [0, 146096] */

	return era * 146097 + doe - 719468;
}

/* The month (1..12) of the date `days` after 1970-01-01 (the inverse of
 * demand_days_from_civil, keeping only the month). */
static int demand_month_from_days(long days)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;                     /* March = 0 */

	return (int)(mp < 10 ? mp + 3 : mp - 9);
}

int demand_weekday(struct demand_date d)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	long days = demand_days_from_civil(d.year, d.month, d.mday);
	long wd = (days + 3) % 7;

	return (int)(wd < 0 ? wd + 7 : wd);
}

long demand_day_number(struct demand_date d)
{
	return demand_days_from_civil(d.year, d.month, d.mday);
}

int demand_month_of_day(struct demand_date start, long day_index)
{
	long days = demand_days_from_civil(start.year, start.month, start.mday);

	return demand_month_from_days(days + day_index);
}

/* The product of the surges active at local week time t (local seconds
 * since the Monday of the start date's week): each surge recurs every
 * week from its offset, an occurrence belongs to the run week in which it
 * starts (week 1 is the Monday-to-Sunday week of the start date; one that
 * crosses the week end still counts as its starting week), and
 * overlapping occurrences multiply. */
static double demand_surge_factor(const struct demand_spec *spec, double t)
{
	double f = 1;

	for (size_t s = 0; s < spec->n_surges; s++) {
		const struct surge_spec *sg = &spec->surges[s];
		double k_hi = floor((t - sg->start_s) / WEEK_S);
		double k_lo = floor((t - sg->start_s - sg->duration_s) / WEEK_S) + 1;

		for (double k = fmax(k_lo, 0); k <= k_hi; k++) {
			int applies = sg->weeks == NULL;

			for (size_t w = 0; w < sg->n_weeks && !applies; w++)
				applies = sg->weeks[w] == (unsigned)k + 1;
			if (applies)
				f *= sg->factor;
		}
	}
	return f;
}

/* The rate at scenario time t, local seconds `local` (local_clock.h), with
 * the profile already normalised into `profile`. Called at segment
 * midpoints, so no edge is ever evaluated. The profile's slot, the month
 * and the surges are read on the local clock; dated events are already
 * in scenario time. */
static double demand_rate(const struct demand_spec *spec,
			  const double *profile, struct demand_date start,
			  int weekday, double t, double local)
{
	double week = local + weekday * DAY_S;
	double slot_s = WEEK_S / (double)spec->n_slots;
	size_t slot = (size_t)(fmod(week, WEEK_S) / slot_s);
	int month = demand_month_of_day(start, (long)floor(local / DAY_S));

	if (slot >= spec->n_slots)
		slot = spec->n_slots - 1;
	double f = spec->mean_rate_per_s * profile[slot] *
		   spec->month_factor[month - 1] *
		   demand_surge_factor(spec, week);

	/* Dated events multiply too, each inside its window. */
	for (size_t w = 0; w < spec->n_windows; w++) {
		const struct demand_window *dw = &spec->windows[w];

		if (t >= dw->start_s && t < dw->start_s + dw->duration_s)
			f *= dw->factor;
	}
	return f;
}

static int demand_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Appends to cut the scenario times inside (0, horizon) at which the
 * local clock reads local_s (two in the hour October repeats); returns
 * how many. */
static size_t demand_local_cut(const struct local_clock *c, double local_s,
			       double horizon, double *cut)
{
	double at[2];
	size_t n = 0, k = local_clock_times(c, local_s, at);

	for (size_t i = 0; i < k; i++)
		if (at[i] > 0 && at[i] < horizon)
			cut[n++] = at[i];
	return n;
}

/* Fills cut with 0, every slot edge and surge edge inside (0, horizon), and
 * the horizon, sorted without duplicates; returns how many. cut must have
 * room for demand_max_cuts(). The local clock differs from scenario time
 * by whole hours, so the slot edges of the one are slot edges of the
 * other; surge edges are local times, placed where the clock shows them. */
static size_t demand_cuts(const struct demand_spec *spec,
			  const struct local_clock *c, double horizon,
			  double *cut)
{
	double slot_s = WEEK_S / (double)spec->n_slots;
	double monday = -c->weekday * DAY_S, end = horizon + HOUR_S;
	size_t n = 0, m = 0;

	for (double k = 0; k * slot_s < horizon; k++)
		cut[n++] = k * slot_s;
	for (size_t s = 0; s < spec->n_surges; s++) {
		const struct surge_spec *sg = &spec->surges[s];

		assert(sg->start_s >= 0 && sg->start_s < WEEK_S);
		assert(sg->duration_s > 0 && sg->factor >= 0);
		for (double k = 0; monday + sg->start_s + k * WEEK_S < end; k++) {
			double a = monday + sg->start_s + k * WEEK_S;

			n += demand_local_cut(c, a, horizon, cut + n);
			n += demand_local_cut(c, a + sg->duration_s, horizon,
					      cut + n);
		}
	}
	for (size_t w = 0; w < spec->n_windows; w++) {
		double a = spec->windows[w].start_s;
		double b = a + spec->windows[w].duration_s;

		if (a > 0 && a < horizon)
			cut[n++] = a;
		if (b > 0 && b < horizon)
			cut[n++] = b;
	}
	cut[n++] = horizon;
	qsort(cut, n, sizeof *cut, demand_cmp_double);
	for (size_t i = 0; i < n; i++) {
		if (m == 0 || cut[i] > cut[m - 1])
			cut[m++] = cut[i];
	}
	return m;
}

static size_t demand_max_cuts(const struct demand_spec *spec, double horizon)
{
	double weeks = ceil(horizon / WEEK_S) + 1;
	double slots = ceil(horizon / (WEEK_S / (double)spec->n_slots)) + 1;

	/* A surge's two edges a week, each twice in a repeated hour. */
	return (size_t)(slots + 4 * weeks * (double)spec->n_surges +
			2 * (double)spec->n_windows + 1);
}

void demand_plan_free(struct demand_plan *plan)
{
	if (plan == NULL)
		return;
	free(plan->edge);
	free(plan->rate);
	free(plan->cum);
	free(plan);
}

/* Scales the profile to mean 1 so the line's volume alone sets the level.
 * Returns -1 when no factor is positive (there would be no demand to
 * shape). */
static int demand_normalise(const struct demand_spec *spec, double *profile)
{
	double sum = 0;

	for (size_t i = 0; i < spec->n_slots; i++)
		sum += spec->profile[i];
	if (!(sum > 0) || !isfinite(sum))
		return -1;
	for (size_t i = 0; i < spec->n_slots; i++)
		profile[i] = spec->profile[i] * (double)spec->n_slots / sum;
	return 0;
}

/* Allocates the plan's arrays for up to max_edges edges and fills edges. */
static struct demand_plan *demand_alloc(const struct demand_spec *spec,
				      struct demand_date start, double horizon)
{
	struct demand_plan *plan = mem_calloc(1, sizeof *plan);
	size_t max_edges = demand_max_cuts(spec, horizon);

	if (plan == NULL)
		return NULL;
	plan->edge = mem_malloc(max_edges * sizeof *plan->edge);
	plan->rate = mem_malloc(max_edges * sizeof *plan->rate);
	plan->cum = mem_malloc(max_edges * sizeof *plan->cum);
	if (!plan->edge || !plan->rate || !plan->cum) {
		demand_plan_free(plan);
		return NULL;
	}
	local_clock_init(&plan->clock, start);
	plan->n = demand_cuts(spec, &plan->clock, horizon, plan->edge) - 1;
	return plan;
}

struct demand_plan *demand_plan_new(const struct demand_spec *spec,
				struct demand_date start, double horizon_s,
				struct sim_err *err)
{
	double profile[DEMAND_SLOTS_MAX];
	struct local_span sp = { 0, 0, 0 };
	struct demand_plan *plan;

	assert(spec->n_slots == 168 || spec->n_slots == DEMAND_SLOTS_MAX);
	assert(horizon_s > 0 && isfinite(horizon_s));
	if (demand_normalise(spec, profile) != 0) {
		sim_err_add(err, SIM_ESCENARIO,
			    "profile: all %zu factors are 0; at least one "
			    "must be positive", spec->n_slots);
		return NULL;
	}
	plan = demand_alloc(spec, start, horizon_s);
	if (plan == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory laying out demand");
		return NULL;
	}
	plan->cum[0] = 0;
	for (size_t i = 0; i < plan->n; i++) {
		double a = plan->edge[i], b = plan->edge[i + 1], mid = (a + b) / 2;

		plan->rate[i] = demand_rate(spec, profile, start,
					    plan->clock.weekday, mid,
					    local_clock_s(&plan->clock, &sp, mid));
		plan->cum[i + 1] = plan->cum[i] + plan->rate[i] * (b - a);
	}
	return plan;
}

/* The segment holding t, for 0 <= t < horizon: a forward walk from the hint
 * when t has not gone back before it (the usual case, amortised O(1)),
 * otherwise a binary search. */
static size_t demand_find(const struct demand_plan *plan, double t, size_t hint)
{
	size_t lo = 0, hi = plan->n;

	if (hint < plan->n && plan->edge[hint] <= t) {
		while (hint + 1 < plan->n && plan->edge[hint + 1] <= t)
			hint++;
		return hint;
	}
	while (hi - lo > 1) {     /* edge[lo] <= t < edge[hi] */
		size_t mid = lo + (hi - lo) / 2;

		if (plan->edge[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* demand_plan_next beyond the segment of its hint: walks forward, spending
 * e1 on the mass of each segment until it runs out inside one; segments
 * with rate 0 have no mass and are crossed without arithmetic. Kept out of
 * line (once an hour or so), so that the usual case saves no registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static double demand_plan_walk(const struct demand_plan *plan, double t_s,
			       double e1, size_t *hint)
{
	if (t_s >= plan->edge[plan->n])
		return INFINITY;
	for (size_t i = demand_find(plan, t_s, *hint); i < plan->n; i++) {
		double from = fmax(t_s, plan->edge[i]);
		double len = plan->edge[i + 1] - from;
		double mass = plan->rate[i] * len;

		if (plan->rate[i] > 0 && mass >= e1) {
			double t = from + e1 / plan->rate[i];

			*hint = i;
			/* Rounding must not carry the arrival past the
			 * segment it was found in. */
			return t < plan->edge[i + 1] ? t : plan->edge[i + 1];
		}
		e1 -= mass;
	}
	*hint = plan->n - 1;
	return INFINITY;
}

double demand_plan_next(const struct demand_plan *plan, double t_s, double e1,
		      size_t *hint)
{
	size_t h = *hint;

	assert(t_s >= 0 && e1 >= 0);
	/* The usual case, an arrival inside the segment of the last one,
	 * tested and computed exactly as the walk would, without the
	 * search for the segment. */
	if (h < plan->n && plan->edge[h] <= t_s && t_s < plan->edge[h + 1] &&
	    plan->rate[h] > 0 &&
	    plan->rate[h] * (plan->edge[h + 1] - t_s) >= e1) {
		double t = t_s + e1 / plan->rate[h];

		return t < plan->edge[h + 1] ? t : plan->edge[h + 1];
	}
	return demand_plan_walk(plan, t_s, e1, hint);
}

/* Integrated rate over [0, t), for any t (0 before the start, the total
 * past the horizon). */
static double demand_cum_at(const struct demand_plan *plan, double t)
{
	size_t i;

	if (t <= 0)
		return 0;
	if (t >= plan->edge[plan->n])
		return plan->cum[plan->n];
	i = demand_find(plan, t, plan->n);
	return plan->cum[i] + plan->rate[i] * (t - plan->edge[i]);
}

double demand_plan_expected(const struct demand_plan *plan, double t0_s,
			  double t1_s)
{
	assert(t0_s <= t1_s);
	return demand_cum_at(plan, t1_s) - demand_cum_at(plan, t0_s);
}

double demand_plan_rate_at(const struct demand_plan *plan, double t_s)
{
	if (t_s < 0 || t_s >= plan->edge[plan->n])
		return 0;
	return plan->rate[demand_find(plan, t_s, plan->n)];
}

double demand_plan_local_s(const struct demand_plan *plan, double t_s)
{
	struct local_span sp = { 0, 0, 0 };

	return local_clock_s(&plan->clock, &sp, t_s);
}

void demand_plan_scale_days(struct demand_plan *plan, const double *factor,
			    size_t n_days)
{
	struct local_span sp = { 0, 0, 0 };

	assert(n_days > 0);
	for (size_t i = 0; i < plan->n; i++) {
		double day = floor(local_clock_s(&plan->clock, &sp,
						 plan->edge[i]) / DAY_S);
		size_t d = day < (double)n_days ? (size_t)day : n_days - 1;

		assert(isfinite(factor[d]) && factor[d] >= 0);
		plan->rate[i] *= factor[d];
		plan->cum[i + 1] = plan->cum[i] +
				   plan->rate[i] * (plan->edge[i + 1] -
						    plan->edge[i]);
	}
}
