/* demand.c: the arrival rate of a line laid out as segments of constant
 * rate, a week of the run at a time, and exact sampling of a non-homogeneous Poisson process on
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
#include <string.h>

#include "models/local_clock.h"
#include "sim/mem.h"

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

/* ---- the plan, a chunk at a time ----------------------------------------
 *
 * The segments are laid out DEMAND_CHUNK_WEEKS weeks of profile slots at
 * a time, as the queries reach them, and a chunk replaces the one before:
 * what the plan holds does not grow with the horizon. Each chunk is cut
 * exactly where a plan of the whole horizon would be (its ends are slot
 * edges, which are always cuts), and its integrated rate carries on from
 * the chunk before in the same order of additions, so every edge, rate,
 * integral and arrival is the same to the bit. A query before the chunk
 * in hand starts again from the first chunk, as the integral runs from 0:
 * correct at any time, amortised O(1) when times do not go back. */

/* Weeks of profile slots a chunk covers: a chunk is laid out once a
 * simulated week, and holds a few kilobytes. */
#define DEMAND_CHUNK_WEEKS 1

/* Scenario time and local time differ by at most the clocks' shift (an
 * hour); a day's margin finds every surge edge that can fall in a chunk. */
#define DEMAND_LOCAL_MARGIN_S DAY_S

struct demand_chunk {
	double k0;         /* it starts at profile slot edge k0 * slot_s */
	size_t n;          /* segments; 0 until the first is laid out */
	double *edge;      /* n + 1 edges; segment i is [edge[i], edge[i+1]) */
	double *rate;      /* n rates, calls a second */
	double *cum;       /* n + 1: integrated rate over [0, edge[i]) */
};

struct demand_plan {
	struct demand_spec spec;   /* a copy, its profile normalised to mean
				      1; surges and windows copied too */
	struct demand_date start;
	struct local_clock clock;  /* the start date's, for days */
	double horizon, slot_s;
	double chunk_slots;        /* profile slots a chunk covers */
	double *day_factor;        /* busyness by local day, or NULL */
	size_t n_days;
	/* The chunk in hand, which queries move through time: a cache, so
	 * a const plan still answers alike whichever chunk it holds. One
	 * plan serves one replication, on one thread. */
	struct demand_chunk *ch;
};

/* Whether cut x is one the chunk [a, b) keeps: inside the horizon's
 * (0, horizon) and the chunk. */
static inline int demand_in(double x, double a, double b, double horizon)
{
	return x > 0 && x < horizon && x >= a && x < b;
}

/* Appends the scenario times in the chunk [a, b) at which the local clock
 * reads local_s (two in the hour October repeats); returns how many. */
static size_t demand_local_cut(const struct demand_plan *plan, double local_s,
			       double a, double b, double *cut)
{
	double at[2];
	size_t n = 0, k = local_clock_times(&plan->clock, local_s, at);

	for (size_t i = 0; i < k; i++)
		if (demand_in(at[i], a, b, plan->horizon))
			cut[n++] = at[i];
	return n;
}

/* Appends the edges of surge sg that fall in the chunk [a, b); returns
 * how many. Occurrence k starts at local week time start_s + k weeks from
 * the Monday of the start date's week; only those near the chunk are
 * converted, the same k giving the same time as from the first week. */
static size_t demand_surge_cuts(const struct demand_plan *plan,
				const struct surge_spec *sg, double a,
				double b, double *cut)
{
	double monday = -plan->clock.weekday * DAY_S;
	double end = plan->horizon + HOUR_S;
	double k = floor((a - DEMAND_LOCAL_MARGIN_S - sg->duration_s - monday -
			  sg->start_s) / WEEK_S);

	size_t n = 0;

	assert(sg->start_s >= 0 && sg->start_s < WEEK_S);
	assert(sg->duration_s > 0 && sg->factor >= 0);
	for (k = fmax(k, 0);; k++) {
		double at = monday + sg->start_s + k * WEEK_S;

		if (!(at < end && at < b + DEMAND_LOCAL_MARGIN_S))
			break;
		n += demand_local_cut(plan, at, a, b, cut + n);
		n += demand_local_cut(plan, at + sg->duration_s, a, b, cut + n);
	}
	return n;
}

/* Fills cut with the slot edges, surge edges and dated event edges in the
 * chunk [a, b) that starts at slot edge k0 (a = k0 * slot_s), sorted
 * without duplicates; returns how many. The first is a itself. */
static size_t demand_chunk_cuts(const struct demand_plan *plan, double k0,
				double b, double *cut)
{
	const struct demand_spec *spec = &plan->spec;
	double a = k0 * plan->slot_s;
	size_t n = 0, m = 0;

	for (double k = k0; k * plan->slot_s < b; k++)
		cut[n++] = k * plan->slot_s;
	for (size_t s = 0; s < spec->n_surges; s++)
		n += demand_surge_cuts(plan, &spec->surges[s], a, b, cut + n);
	for (size_t w = 0; w < spec->n_windows; w++) {
		double lo = spec->windows[w].start_s;
		double hi = lo + spec->windows[w].duration_s;

		if (demand_in(lo, a, b, plan->horizon))
			cut[n++] = lo;
		if (demand_in(hi, a, b, plan->horizon))
			cut[n++] = hi;
	}
	qsort(cut, n, sizeof *cut, demand_cmp_double);
	for (size_t i = 0; i < n; i++) {
		if (m == 0 || cut[i] > cut[m - 1])
			cut[m++] = cut[i];
	}
	return m;
}

/* Edges a chunk can hold: its slot edges and end, each surge's edges
 * (two a week, each twice in a repeated hour, over the weeks near the
 * chunk) and every dated event's two. */
static size_t demand_chunk_cap(const struct demand_plan *plan)
{
	double len = plan->chunk_slots * plan->slot_s, cap = plan->chunk_slots + 1;

	for (size_t s = 0; s < plan->spec.n_surges; s++) {
		double dur = plan->spec.surges[s].duration_s;

		cap += 4 * (floor((len + 2 * DEMAND_LOCAL_MARGIN_S + dur) /
				  WEEK_S) + 3);
	}
	return (size_t)(cap + 2 * (double)plan->spec.n_windows);
}

/* The busyness factor of the local day that scenario time t falls in
 * (demand_plan_scale_days), 1 when there is none. */
static inline double demand_day_factor(const struct demand_plan *plan,
				       struct local_span *sp, double t)
{
	double day;
	size_t d;

	if (plan->day_factor == NULL)
		return 1;
	day = floor(local_clock_s(&plan->clock, sp, t) / DAY_S);
	d = day < (double)plan->n_days ? (size_t)day : plan->n_days - 1;
	return plan->day_factor[d];
}

/* Lays out the chunk starting at slot edge k0, the integrated rate over
 * [0, k0 * slot_s) being cum0: each segment's rate is read at its
 * midpoint, so no edge is ever evaluated. */
static void demand_chunk_load(const struct demand_plan *plan, double k0,
			      double cum0)
{
	struct demand_chunk *ch = plan->ch;
	double b = fmin((k0 + plan->chunk_slots) * plan->slot_s, plan->horizon);
	struct local_span sp = { 0, 0, 0 };

	ch->k0 = k0;
	ch->n = demand_chunk_cuts(plan, k0, b, ch->edge);
	ch->edge[ch->n] = b;
	ch->cum[0] = cum0;
	for (size_t i = 0; i < ch->n; i++) {
		double lo = ch->edge[i], hi = ch->edge[i + 1], mid = (lo + hi) / 2;
		double r = demand_rate(&plan->spec, plan->spec.profile,
				       plan->start, plan->clock.weekday, mid,
				       local_clock_s(&plan->clock, &sp, mid));

		ch->rate[i] = r * demand_day_factor(plan, &sp, lo);
		ch->cum[i + 1] = ch->cum[i] + ch->rate[i] * (hi - lo);
	}
}

/* Whether the chunk in hand is the horizon's last. */
static inline int demand_chunk_last(const struct demand_plan *plan)
{
	return plan->ch->edge[plan->ch->n] >= plan->horizon;
}

/* Replaces the chunk in hand, not the last, by the next one. */
static void demand_chunk_next(const struct demand_plan *plan)
{
	const struct demand_chunk *ch = plan->ch;

	demand_chunk_load(plan, ch->k0 + plan->chunk_slots, ch->cum[ch->n]);
}

/* The chunk holding t, for 0 <= t <= horizon (the last one for the
 * horizon itself), laid out if it is not in hand. */
static const struct demand_chunk *demand_chunk_at(const struct demand_plan *plan,
						  double t)
{
	const struct demand_chunk *ch = plan->ch;

	if (ch->n == 0 || t < ch->edge[0])
		demand_chunk_load(plan, 0, 0);
	while (t >= ch->edge[ch->n] && !demand_chunk_last(plan))
		demand_chunk_next(plan);
	return ch;
}

/* ---- building and freeing ------------------------------------------------ */

/* Frees what demand_spec_copy allocated. */
static void demand_spec_free_copy(struct demand_spec *spec)
{
	for (size_t s = 0; s < spec->n_surges && spec->surges; s++)
		free(spec->surges[s].weeks);
	free(spec->surges);
	free(spec->windows);
}

/* Copies src into dst with its own surges (and their weeks) and windows.
 * Returns -1 when out of memory (dst then holds what was copied, for
 * demand_spec_free_copy). */
static int demand_spec_copy(struct demand_spec *dst,
			    const struct demand_spec *src)
{
	*dst = *src;
	dst->surges = NULL;
	dst->windows = NULL;
	if (src->n_surges > 0 &&
	    !(dst->surges = mem_calloc(src->n_surges, sizeof *dst->surges)))
		return -1;
	for (size_t s = 0; s < src->n_surges; s++) {
		const struct surge_spec *sg = &src->surges[s];

		dst->surges[s] = *sg;
		dst->surges[s].weeks = NULL;
		if (sg->n_weeks > 0 &&
		    !(dst->surges[s].weeks =
			      mem_malloc(sg->n_weeks * sizeof *sg->weeks)))
			return -1;
		if (sg->n_weeks > 0)
			memcpy(dst->surges[s].weeks, sg->weeks,
			       sg->n_weeks * sizeof *sg->weeks);
	}
	if (src->n_windows > 0 &&
	    !(dst->windows = mem_malloc(src->n_windows * sizeof *dst->windows)))
		return -1;
	if (src->n_windows > 0)
		memcpy(dst->windows, src->windows,
		       src->n_windows * sizeof *dst->windows);
	return 0;
}

void demand_plan_free(struct demand_plan *plan)
{
	if (plan == NULL)
		return;
	if (plan->ch != NULL) {
		free(plan->ch->edge);
		free(plan->ch->rate);
		free(plan->ch->cum);
		free(plan->ch);
	}
	demand_spec_free_copy(&plan->spec);
	free(plan->day_factor);
	free(plan);
}

/* Scales the profile to mean 1 in place, so the line's volume alone sets
 * the level. Returns -1 when no factor is positive (there would be no
 * demand to shape). */
static int demand_normalise(struct demand_spec *spec)
{
	double sum = 0;

	for (size_t i = 0; i < spec->n_slots; i++)
		sum += spec->profile[i];
	if (!(sum > 0) || !isfinite(sum))
		return -1;
	for (size_t i = 0; i < spec->n_slots; i++)
		spec->profile[i] = spec->profile[i] * (double)spec->n_slots / sum;
	return 0;
}

/* Allocates the chunk's arrays for the plan's spec. Returns -1 when out
 * of memory. */
static int demand_chunk_alloc(struct demand_plan *plan)
{
	size_t cap = demand_chunk_cap(plan);

	plan->ch = mem_calloc(1, sizeof *plan->ch);
	if (plan->ch == NULL)
		return -1;
	plan->ch->edge = mem_malloc(cap * sizeof *plan->ch->edge);
	plan->ch->rate = mem_malloc(cap * sizeof *plan->ch->rate);
	plan->ch->cum = mem_malloc(cap * sizeof *plan->ch->cum);
	return plan->ch->edge && plan->ch->rate && plan->ch->cum ? 0 : -1;
}

struct demand_plan *demand_plan_new(const struct demand_spec *spec,
				struct demand_date start, double horizon_s,
				struct sim_err *err)
{
	struct demand_plan *plan = mem_calloc(1, sizeof *plan);

	assert(spec->n_slots == 168 || spec->n_slots == DEMAND_SLOTS_MAX);
	assert(horizon_s > 0 && isfinite(horizon_s));
	if (plan == NULL || demand_spec_copy(&plan->spec, spec) != 0)
		goto nomem;
	if (demand_normalise(&plan->spec) != 0) {
		sim_err_add(err, SIM_ESCENARIO,
			    "profile: all %zu factors are 0; at least one "
			    "must be positive", spec->n_slots);
		demand_plan_free(plan);
		return NULL;
	}
	plan->start = start;
	local_clock_init(&plan->clock, start);
	plan->horizon = horizon_s;
	plan->slot_s = WEEK_S / (double)spec->n_slots;
	plan->chunk_slots = (double)spec->n_slots * DEMAND_CHUNK_WEEKS;
	if (demand_chunk_alloc(plan) != 0)
		goto nomem;
	return plan;
nomem:
	demand_plan_free(plan);
	sim_err_add(err, SIM_ENOMEM, "out of memory laying out demand");
	return NULL;
}

/* ---- queries ------------------------------------------------------------- */

/* The segment of chunk ch holding t, for edge[0] <= t < edge[n]: a forward
 * walk from the hint when t has not gone back before it (the usual case,
 * amortised O(1)), otherwise a binary search. */
static size_t demand_find(const struct demand_chunk *ch, double t, size_t hint)
{
	size_t lo = 0, hi = ch->n;

	if (hint < ch->n && ch->edge[hint] <= t) {
		while (hint + 1 < ch->n && ch->edge[hint + 1] <= t)
			hint++;
		return hint;
	}
	while (hi - lo > 1) {     /* edge[lo] <= t < edge[hi] */
		size_t mid = lo + (hi - lo) / 2;

		if (ch->edge[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Spends *e1 on the mass of chunk ch's segments from segment i on, from
 * time t_s, until it runs out inside one: returns that segment, with the
 * arrival in *at; ch->n when the chunk's mass was not enough (*e1 then
 * holds what is left). Segments with rate 0 have no mass and are crossed
 * without arithmetic. */
static size_t demand_spend(const struct demand_chunk *ch, size_t i,
			   double t_s, double *e1, double *at)
{
	for (; i < ch->n; i++) {
		double from = fmax(t_s, ch->edge[i]);
		double len = ch->edge[i + 1] - from;
		double mass = ch->rate[i] * len;

		if (ch->rate[i] > 0 && mass >= *e1) {
			double t = from + *e1 / ch->rate[i];

			/* Rounding must not carry the arrival past the
			 * segment it was found in. */
			*at = t < ch->edge[i + 1] ? t : ch->edge[i + 1];
			return i;
		}
		*e1 -= mass;
	}
	return ch->n;
}

/* demand_plan_next beyond the segment of its hint: walks forward through
 * the segments, and the chunks after, spending e1. Kept out of line (once
 * an hour or so), so that the usual case saves no registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static double demand_plan_walk(const struct demand_plan *plan, double t_s,
			       double e1, size_t *hint)
{
	const struct demand_chunk *ch;
	double at;
	size_t i;

	if (t_s >= plan->horizon)
		return INFINITY;
	ch = demand_chunk_at(plan, t_s);
	i = demand_find(ch, t_s, *hint);
	while ((i = demand_spend(ch, i, t_s, &e1, &at)) == ch->n) {
		if (demand_chunk_last(plan)) {
			*hint = ch->n - 1;
			return INFINITY;
		}
		demand_chunk_next(plan);
		i = 0;
	}
	*hint = i;
	return at;
}

double demand_plan_next(const struct demand_plan *plan, double t_s, double e1,
		      size_t *hint)
{
	const struct demand_chunk *ch = plan->ch;
	size_t h = *hint;

	assert(t_s >= 0 && e1 >= 0);
	/* The usual case, an arrival inside the segment of the last one,
	 * tested and computed exactly as the walk would, without the
	 * search for the segment. */
	if (h < ch->n && ch->edge[h] <= t_s && t_s < ch->edge[h + 1] &&
	    ch->rate[h] > 0 && ch->rate[h] * (ch->edge[h + 1] - t_s) >= e1) {
		double t = t_s + e1 / ch->rate[h];

		return t < ch->edge[h + 1] ? t : ch->edge[h + 1];
	}
	return demand_plan_walk(plan, t_s, e1, hint);
}

/* Integrated rate over [0, t), for any t (0 before the start, the total
 * past the horizon). */
static double demand_cum_at(const struct demand_plan *plan, double t)
{
	const struct demand_chunk *ch;
	size_t i;

	if (t <= 0)
		return 0;
	ch = demand_chunk_at(plan, fmin(t, plan->horizon));
	if (t >= plan->horizon)
		return ch->cum[ch->n];
	i = demand_find(ch, t, ch->n);
	return ch->cum[i] + ch->rate[i] * (t - ch->edge[i]);
}

double demand_plan_expected(const struct demand_plan *plan, double t0_s,
			  double t1_s)
{
	double from;

	assert(t0_s <= t1_s);
	/* The earlier first: the later one then only moves the chunk on. */
	from = demand_cum_at(plan, t0_s);
	return demand_cum_at(plan, t1_s) - from;
}

double demand_plan_rate_at(const struct demand_plan *plan, double t_s)
{
	const struct demand_chunk *ch;

	if (t_s < 0 || t_s >= plan->horizon)
		return 0;
	ch = demand_chunk_at(plan, t_s);
	return ch->rate[demand_find(ch, t_s, ch->n)];
}

double demand_plan_peak(const struct demand_plan *plan, double *at_s)
{
	const struct demand_chunk *ch = demand_chunk_at(plan, 0);
	double peak = 0;

	*at_s = 0;
	for (;;) {
		for (size_t i = 0; i < ch->n; i++)
			if (ch->rate[i] > peak) {
				peak = ch->rate[i];
				*at_s = ch->edge[i];
			}
		if (demand_chunk_last(plan))
			return peak;
		demand_chunk_next(plan);
	}
}

double demand_plan_local_s(const struct demand_plan *plan, double t_s)
{
	struct local_span sp = { 0, 0, 0 };

	return local_clock_s(&plan->clock, &sp, t_s);
}

int demand_plan_scale_days(struct demand_plan *plan, const double *factor,
			   size_t n_days)
{
	double *copy;

	assert(n_days > 0);
	for (size_t d = 0; d < n_days; d++)
		assert(isfinite(factor[d]) && factor[d] >= 0);
	copy = mem_malloc(n_days * sizeof *copy);
	if (copy == NULL)
		return -1;
	memcpy(copy, factor, n_days * sizeof *copy);
	free(plan->day_factor);
	plan->day_factor = copy;
	plan->n_days = n_days;
	/* Laid out again, with the factors, when next asked. */
	plan->ch->n = 0;
	return 0;
}
