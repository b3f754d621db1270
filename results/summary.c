/* summary.c: reduces replication results to means and confidence
 * intervals, and adds up the cost of the rosters.
 *
 * Replications are folded into a summary_acc as they finish: per figure,
 * the exact sums of its values and squares (sim/moments.h), so memory does
 * not grow with the number of replications, and the means and intervals
 * are the same bytes whatever order replications finished in, whatever
 * thread ran which, and however partial accumulators were merged. */
#include "results/summary.h"

#include <assert.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>


#include "models/callback.h"
#include "models/agreement.h"
#include "models/week.h"
#include "sim/moments.h"
#include "sim/mem.h"

struct summary_acc {
	const struct scenario *sc;         /* borrowed */
	uint64_t replications;
	uint64_t events;
	size_t off[FIGURE_BLOCKS + 1];     /* first figure of each block; the
					      last is the number of figures */
	struct moments *m;
};

/* True when some line or grade of sc has an agreement met period by
 * period: only then are the blocks of periods met sized, so a scenario
 * without one keeps the accumulator, and a partial run's figures, as they
 * were before there were such agreements. */
static bool summary_agreed(const struct scenario *sc)
{
	for (size_t l = 0; l < sc->n_lines; l++)
		if (sc->lines[l].per != AGREEMENT_HORIZON)
			return true;
	for (size_t g = 0; g < sc->n_grades; g++)
		if (sc->grades[g].per != AGREEMENT_HORIZON)
			return true;
	return false;
}

/* The number of items of block b in a result of sc (hours count as items
 * of the hour-of-week blocks). */
static size_t summary_block_items(const struct scenario *sc,
				  enum figure_block b)
{
	switch (b) {
	case FIGURE_BLOCK_LINE: return sc->n_lines;
	case FIGURE_BLOCK_POOL: return sc->n_pools;
	case FIGURE_BLOCK_ILINE: return HOURS_PER_WEEK * sc->n_lines;
	case FIGURE_BLOCK_IPOOL: return HOURS_PER_WEEK * sc->n_pools;
	case FIGURE_BLOCK_GRADE: return sc->n_grades;
	case FIGURE_BLOCK_AREA_GRADE: return sc->n_areas * sc->n_grades;
	case FIGURE_BLOCK_AREA: return sc->n_areas;
	case FIGURE_BLOCK_DLINE: return replication_days(sc) * sc->n_lines;
	case FIGURE_BLOCK_DGRADE: return replication_days(sc) * sc->n_grades;
	case FIGURE_BLOCK_IGRADE: return HOURS_PER_WEEK * sc->n_grades;
	case FIGURE_BLOCK_IAREA: return HOURS_PER_WEEK * sc->n_areas;
	case FIGURE_BLOCK_DAREA: return replication_days(sc) * sc->n_areas;
	case FIGURE_BLOCK_WLINE: return FIGURE_WAIT_BINS * sc->n_lines;
	case FIGURE_BLOCK_PLINE: return sc->n_lines;
	case FIGURE_BLOCK_CBLINE: return callback_wanted(sc) ? sc->n_lines : 0;
	case FIGURE_BLOCK_ALINE: return summary_agreed(sc) ? sc->n_lines : 0;
	case FIGURE_BLOCK_AGRADE: return summary_agreed(sc) ? sc->n_grades : 0;
	case FIGURE_BLOCK_DEFER: return sc->n_deferrable;
	case FIGURE_BLOCKS: break;
	}
	assert(!"no such block");
	return 0;
}

struct summary_acc *summary_acc_new(const struct scenario *sc)
{
	struct summary_acc *a = mem_calloc(1, sizeof *a);

	if (a == NULL)
		return NULL;
	a->sc = sc;
	for (int b = 0; b < FIGURE_BLOCKS; b++) {
		/* A figure summed a period at a time needs its periods'
		 * values: only the line's periods block has them, taken from
		 * the by-day and line blocks (summary_acc_periods). */
		for (size_t k = 0; k < figure_block(b)->n; k++)
			assert((figure_def(b, k)->merge == FIGURE_MERGE_SUMS) ==
			       (b != FIGURE_BLOCK_PLINE));
		a->off[b + 1] = a->off[b] + summary_block_items(sc, b)
			* figure_block(b)->n;
	}
	a->m = moments_new(a->off[FIGURE_BLOCKS]);
	if (a->m == NULL) {
		free(a);
		return NULL;
	}
	return a;
}

void summary_acc_free(struct summary_acc *a)
{
	if (a == NULL)
		return;
	moments_free(a->m);
	free(a);
}

/* Adds block b of a result (its figures start at x): a block is added
 * whole, one value a replication for each figure (FIGURE_MERGE_SUMS, as
 * summary_acc_new checks). */
static void summary_acc_block(struct summary_acc *a, enum figure_block b,
			      const double *x)
{
	moments_add(a->m, a->off[b], x, 1, a->off[b + 1] - a->off[b]);
}

/* The values of the line's periods block: each whole counted day's
 * offered calls and service level (a day cut short by a run.days that is
 * not whole is not a day like the others, so it is left out), then the
 * horizon's, one value a replication. A day without calls has no service
 * level (NAN), which moments_add leaves out. */
static void summary_acc_periods(struct summary_acc *a,
				const struct replication_result *r)
{
	size_t whole = (size_t)floor(a->sc->run.days);
	size_t first = a->off[FIGURE_BLOCK_PLINE];

	for (size_t l = 0; l < r->n_lines; l++) {
		size_t at = first + l * CC_PERIOD_LINE_METRICS;
		double *x = r->line + l * CC_LINE_METRICS;

		for (size_t d = 0; d < whole && d < r->n_days; d++) {
			double *dx = r->day_line + (d * r->n_lines + l) *
				     CC_DAY_LINE_METRICS;

			moments_add(a->m, at + CC_P_DAY_OFFERED,
				    &dx[CC_D_OFFERED], 1, 1);
			moments_add(a->m, at + CC_P_DAY_SERVICE_LEVEL,
				    &dx[CC_D_SERVICE_LEVEL], 1, 1);
		}
		moments_add(a->m, at + CC_P_HORIZON_OFFERED, &x[CC_OFFERED], 1, 1);
		moments_add(a->m, at + CC_P_HORIZON_SERVICE_LEVEL,
			    &x[CC_SERVICE_LEVEL], 1, 1);
	}
}

/* The share of hours met of line l in replication r, tallied by the run
 * (models/agreement_hours.h). */
static double summary_hours_share(const struct replication_result *r,
				  size_t l)
{
	return agreement_share((struct agreement_tally){
		(size_t)r->hours_line[2 * l], (size_t)r->hours_line[2 * l + 1]});
}

/* The shares of periods met of one replication: each line's and grade's
 * whole counted days (weeks) against its goal (models/agreement.h), from
 * its by-day figures, or a line's hours as the run tallied them, one
 * value a replication; NAN (left out) for an agreement judged over the
 * horizon, or with no period counted. */
static void summary_acc_agreements(struct summary_acc *a,
				   const struct replication_result *r)
{
	const struct scenario *sc = a->sc;
	size_t whole = (size_t)floor(sc->run.days);
	size_t days = whole < r->n_days ? whole : r->n_days;

	for (size_t l = 0; a->off[FIGURE_BLOCK_ALINE] < a->off[FIGURE_BLOCK_ALINE
	     + 1] && l < r->n_lines; l++) {
		const double *d = r->day_line + l * CC_DAY_LINE_METRICS;
		double x = sc->lines[l].per == AGREEMENT_HORIZON ? NAN
			: sc->lines[l].per == AGREEMENT_HOUR
			? summary_hours_share(r, l)
			: agreement_share(agreement_tally_days(sc->lines[l].per,
			  sc->lines[l].goal, d + CC_D_OFFERED,
			  d + CC_D_SERVICE_LEVEL, r->n_lines *
			  CC_DAY_LINE_METRICS, days));

		moments_add(a->m, a->off[FIGURE_BLOCK_ALINE] + l, &x, 1, 1);
	}
	for (size_t g = 0; a->off[FIGURE_BLOCK_AGRADE] < a->off[FIGURE_BLOCK_AGRADE
	     + 1] && g < r->n_grades; g++) {
		const double *d = r->day_grade + g * RSP_DAY_GRADE_METRICS;
		double x = sc->grades[g].per == AGREEMENT_HORIZON ? NAN
			: agreement_share(agreement_tally_days(sc->grades[g].per,
			  sc->grades[g].goal, d + RSP_D_INCIDENTS,
			  d + RSP_D_WITHIN_TARGET, r->n_grades *
			  RSP_DAY_GRADE_METRICS, days));

		moments_add(a->m, a->off[FIGURE_BLOCK_AGRADE] + g, &x, 1, 1);
	}
}

void summary_acc_add(struct summary_acc *a, const struct replication_result *r)
{
	assert(r->n_lines == a->sc->n_lines && r->n_pools == a->sc->n_pools);
	assert(r->n_grades == a->sc->n_grades && r->n_areas == a->sc->n_areas);
	assert(r->n_days == replication_days(a->sc));
	assert(r->n_deferrable == a->sc->n_deferrable);
	summary_acc_block(a, FIGURE_BLOCK_LINE, r->line);
	summary_acc_block(a, FIGURE_BLOCK_POOL, r->pool);
	summary_acc_block(a, FIGURE_BLOCK_ILINE, r->interval_line);
	summary_acc_block(a, FIGURE_BLOCK_IPOOL, r->interval_pool);
	summary_acc_block(a, FIGURE_BLOCK_GRADE, r->rsp.grade);
	summary_acc_block(a, FIGURE_BLOCK_AREA_GRADE, r->rsp.area_grade);
	summary_acc_block(a, FIGURE_BLOCK_AREA, r->rsp.area);
	summary_acc_block(a, FIGURE_BLOCK_DLINE, r->day_line);
	summary_acc_block(a, FIGURE_BLOCK_DGRADE, r->day_grade);
	summary_acc_block(a, FIGURE_BLOCK_IGRADE, r->hour_grade);
	summary_acc_block(a, FIGURE_BLOCK_IAREA, r->hour_area);
	summary_acc_block(a, FIGURE_BLOCK_DAREA, r->day_area);
	summary_acc_block(a, FIGURE_BLOCK_WLINE, r->wait_line);
	summary_acc_block(a, FIGURE_BLOCK_CBLINE, r->callback_line);
	summary_acc_block(a, FIGURE_BLOCK_DEFER, r->deferrable);
	summary_acc_periods(a, r);
	summary_acc_agreements(a, r);
	a->replications++;
	a->events += r->events;
}

void summary_acc_merge(struct summary_acc *dst, const struct summary_acc *src)
{
	assert(dst->off[FIGURE_BLOCKS] == src->off[FIGURE_BLOCKS]);
	moments_merge(dst->m, src->m);
	dst->replications += src->replications;
	dst->events += src->events;
}

uint64_t summary_acc_replications(const struct summary_acc *a)
{
	return a->replications;
}

size_t summary_acc_figures(const struct summary_acc *a)
{
	return a->off[FIGURE_BLOCKS];
}

void summary_acc_get_exact(const struct summary_acc *a, size_t k,
			   struct moments_exact *out)
{
	moments_get_exact(a->m, k, out);
}

uint64_t summary_acc_events(const struct summary_acc *a)
{
	return a->events;
}

uint64_t summary_acc_values_max(const struct summary_acc *a, size_t k)
{
	size_t whole = (size_t)floor(a->sc->run.days);

	if (k >= a->off[FIGURE_BLOCK_PLINE] && k < a->off[FIGURE_BLOCK_PLINE + 1])
		return whole > 1 ? whole : 1;
	return 1;
}

int summary_acc_add_exact(struct summary_acc *a, size_t k,
			  const struct moments_exact *x)
{
	return moments_add_exact(a->m, k, x);
}

void summary_acc_add_count(struct summary_acc *a, uint64_t replications,
			   uint64_t events)
{
	a->replications += replications;
	a->events += events;
}

struct ci summary_interval(const struct moments *m, size_t k,
			   enum figure_interval kind)
{
	struct moments_stats st;
	double half;
	struct ci c;

	switch (kind) {
	case FIGURE_CI_MEAN:
	case FIGURE_GOAL_SHARE:
		/* A share of periods is the mean of one 0-or-1 value a
		 * period; its interval is that mean's. */
		return ci_of_moments(m, k, SUMMARY_LEVEL);
	case FIGURE_PI_PERIOD:
		break;
	}
	st = moments_stats(m, k);
	c = ci_of_moments(m, k, SUMMARY_LEVEL);
	if (st.n < 2)
		return c;
	/* One more period falls within t * sd * sqrt(1 + 1/n) of the mean. */
	half = ci_t_quantile(SUMMARY_LEVEL, (size_t)st.n) * st.sd
		* sqrt(1.0 + 1.0 / (double)st.n);
	c.lo = c.mean - half;
	c.hi = c.mean + half;
	return c;
}

/* The intervals of item `item` of block b (its figures, in list order).
 * Every figure a run reports is a count, a time or a fraction, so no
 * interval reaches below 0, and a fraction's no further than 1. */
static void summary_item(const struct summary_acc *a, enum figure_block b,
			 size_t item, struct ci *out)
{
	const struct figure_block_def *bd = figure_block(b);
	size_t first = a->off[b] + item * bd->n;

	for (size_t k = 0; k < bd->n; k++) {
		const struct figure_def *d = &bd->defs[k];
		double max = d->unit == FIGURE_FRACTION ? 1.0 : INFINITY;

		out[k] = ci_clamp(summary_interval(a->m, first + k, d->interval),
				  0.0, max);
	}
}

/* The share of periods met of item `item` of block b (ALINE, AGRADE):
 * NAN, measured by none, for an agreement judged over the horizon. */
static struct ci summary_share(const struct summary_acc *a,
			       enum figure_block b, size_t item, int per)
{
	struct ci c = { .mean = NAN, .lo = NAN, .hi = NAN, .n = 0 };

	if (a != NULL && per != AGREEMENT_HORIZON)
		summary_item(a, b, item, &c);
	return c;
}

/* Per line: each figure's interval, and the verdict of its agreement. */
static void summary_lines(struct summary *s, const struct summary_acc *a)
{
	for (size_t l = 0; l < s->n_lines; l++) {
		struct summary_line *sl = &s->lines[l];
		const struct ci *agreed;
		double goal;

		summary_item(a, FIGURE_BLOCK_LINE, l, sl->m);
		/* A goal of NAN means the scenario asked for no verdict. */
		sl->has_goal = !isnan(s->sc->lines[l].goal);
		sl->periods_met = summary_share(a, FIGURE_BLOCK_ALINE, l,
						s->sc->lines[l].per);
		agreed = summary_line_agreed(s, l, &goal);
		sl->verdict = sl->has_goal ? ci_verdict_of(*agreed, goal)
			: CI_UNCERTAIN;
	}
}

/* Per stream of deferrable work: each figure's interval, and the verdict
 * of the share taken within target, as a line's. */
static void summary_deferrable(struct summary *s, const struct summary_acc *a)
{
	for (size_t i = 0; i < s->n_deferrable; i++) {
		struct summary_deferrable *sd = &s->deferrable[i];
		double goal = s->sc->deferrable[i].work.goal;

		summary_item(a, FIGURE_BLOCK_DEFER, i, sd->m);
		sd->has_goal = !isnan(goal);
		sd->verdict = sd->has_goal
			? ci_verdict_of(sd->m[DF_WITHIN_TARGET], goal)
			: CI_UNCERTAIN;
	}
}

/* Per pool: intervals of the measured figures, and the roster's cost, which
 * is the same in every replication. */
static void summary_pools(struct summary *s, const struct summary_acc *a)
{
	for (size_t p = 0; p < s->n_pools; p++) {
		struct summary_pool *sp = &s->pools[p];

		summary_item(a, FIGURE_BLOCK_POOL, p, sp->m);
		sp->fte = scenario_pool_fte(&s->sc->pools[p]);
		sp->annual_cost = scenario_pool_cost(&s->sc->pools[p]);
		s->pools_fte += sp->fte;
		s->pools_annual_cost += sp->annual_cost;
	}
}

/* A grade's verdict, as a line's: the goal against the interval of the
 * fraction attended within target. A grade without a target or a goal
 * has none. */
static void summary_grade_verdict(struct summary_grade *sg,
				  const struct grade_spec *g)
{
	sg->has_goal = !isnan(g->goal) && !isnan(g->target_s);
	sg->verdict = !sg->has_goal ? CI_UNCERTAIN
		: g->per != AGREEMENT_HORIZON
		? ci_verdict_of(sg->periods_met, g->on_at_least)
		: ci_verdict_of(sg->m[RSP_WITHIN_TARGET], g->goal);
}

/* The same in one area, whose periods are not counted (the by-day
 * figures of an area put every grade together): the goal against the
 * horizon's fraction, whatever the force's form. */
static void summary_area_grade_verdict(struct summary_grade *sg,
				       const struct grade_spec *g)
{
	struct grade_spec horizon = *g;

	horizon.per = AGREEMENT_HORIZON;
	sg->periods_met = summary_share(NULL, FIGURE_BLOCK_AGRADE, 0,
					AGREEMENT_HORIZON);
	summary_grade_verdict(sg, &horizon);
}

/* Per grade, per area and per area and grade. */
static void summary_response(struct summary *s, const struct summary_acc *a)
{
	size_t ng = s->n_grades;

	for (size_t g = 0; g < ng; g++) {
		summary_item(a, FIGURE_BLOCK_GRADE, g, s->grades[g].m);
		s->grades[g].periods_met = summary_share(a, FIGURE_BLOCK_AGRADE,
							 g, s->sc->grades[g].per);
		summary_grade_verdict(&s->grades[g], &s->sc->grades[g]);
	}
	for (size_t i = 0; i < s->n_areas * ng; i++) {
		summary_item(a, FIGURE_BLOCK_AREA_GRADE, i, s->area_grades[i].m);
		summary_area_grade_verdict(&s->area_grades[i],
					   &s->sc->grades[i % ng]);
	}
	for (size_t i = 0; i < s->n_areas; i++)
		summary_item(a, FIGURE_BLOCK_AREA, i, s->areas[i].m);
}

/* Officers by role: each unit roster adds its FTE and cost to its role's,
 * in the order of the file, so the sums never depend on anything else. */
static void summary_roles(struct summary *s)
{
	for (size_t u = 0; u < s->sc->n_units; u++) {
		const struct unit_spec *us = &s->sc->units[u];
		struct summary_role *r = &s->roles[us->role];

		r->fte += scenario_unit_fte(s->sc, us);
		r->annual_cost += scenario_unit_cost(s->sc, us);
	}
	for (size_t r = 0; r < s->n_roles; r++) {
		s->roles_fte += s->roles[r].fte;
		s->roles_annual_cost += s->roles[r].annual_cost;
	}
	s->total_fte = s->pools_fte + s->roles_fte;
	s->total_annual_cost = s->pools_annual_cost + s->roles_annual_cost;
}

/* Hour-of-week intervals for every line and pool: the accumulator keeps
 * them in the summary's own order, [hour][item][figure]. */
static void summary_intervals(struct summary *s, const struct summary_acc *a)
{
	for (size_t i = 0; i < HOURS_PER_WEEK * s->n_lines; i++)
		summary_item(a, FIGURE_BLOCK_ILINE, i,
			     s->interval_line + i * CC_INTERVAL_LINE_METRICS);
	for (size_t i = 0; i < HOURS_PER_WEEK * s->n_pools; i++)
		summary_item(a, FIGURE_BLOCK_IPOOL, i,
			     s->interval_pool + i * CC_INTERVAL_POOL_METRICS);
}

/* By-day intervals of every line and grade, [day][item][figure]. */
static void summary_days(struct summary *s, const struct summary_acc *a)
{
	for (size_t i = 0; i < s->n_days * s->n_lines; i++)
		summary_item(a, FIGURE_BLOCK_DLINE, i,
			     s->day_line + i * CC_DAY_LINE_METRICS);
	for (size_t i = 0; i < s->n_days * s->n_grades; i++)
		summary_item(a, FIGURE_BLOCK_DGRADE, i,
			     s->day_grade + i * RSP_DAY_GRADE_METRICS);
}

/* Every item of block b, [period][item][figure], into out. */
static void summary_block(const struct summary_acc *a, enum figure_block b,
			  struct ci *out)
{
	size_t n = summary_block_items(a->sc, b), k = figure_block(b)->n;

	for (size_t i = 0; i < n; i++)
		summary_item(a, b, i, out + i * k);
}

/* The blocks by hour and day of the response, and the wait distribution. */
static void summary_periods(struct summary *s, const struct summary_acc *a)
{
	summary_block(a, FIGURE_BLOCK_IGRADE, s->hour_grade);
	summary_block(a, FIGURE_BLOCK_IAREA, s->hour_area);
	summary_block(a, FIGURE_BLOCK_DAREA, s->day_area);
	summary_block(a, FIGURE_BLOCK_WLINE, s->wait_line);
	summary_block(a, FIGURE_BLOCK_PLINE, s->period_line);
	summary_block(a, FIGURE_BLOCK_CBLINE, s->callback_line);
}

/* A block's intervals, sized for sc (at least one, as calloc(0) may be
 * NULL). */
static struct ci *summary_block_new(const struct scenario *sc,
				    enum figure_block b)
{
	return mem_calloc(summary_block_items(sc, b) * figure_block(b)->n + 1,
			  sizeof(struct ci));
}

/* The arrays of summary_periods; 0, or -1 when out of memory. */
static int summary_alloc_periods(struct summary *s, const struct scenario *sc)
{
	s->hour_grade = summary_block_new(sc, FIGURE_BLOCK_IGRADE);
	s->hour_area = summary_block_new(sc, FIGURE_BLOCK_IAREA);
	s->day_area = summary_block_new(sc, FIGURE_BLOCK_DAREA);
	s->wait_line = summary_block_new(sc, FIGURE_BLOCK_WLINE);
	s->period_line = summary_block_new(sc, FIGURE_BLOCK_PLINE);
	s->callback_line = summary_block_new(sc, FIGURE_BLOCK_CBLINE);
	s->callbacks = callback_wanted(sc);
	return s->hour_grade && s->hour_area && s->day_area && s->wait_line
		&& s->period_line && s->callback_line ? 0 : -1;
}

/* Allocates the arrays of a summary of sc; returns NULL when out of memory. */
static struct summary *summary_alloc(const struct scenario *sc)
{
	struct summary *s = mem_calloc(1, sizeof *s);
	size_t nl = sc->n_lines, np = sc->n_pools;

	if (s == NULL)
		return NULL;
	s->sc = sc;
	s->n_lines = nl;
	s->n_pools = np;
	s->n_grades = sc->n_grades;
	s->n_areas = sc->n_areas;
	s->n_roles = sc->n_roles;
	/* calloc(0, ...) may return NULL legitimately: ask for at least one. */
	s->lines = mem_calloc(nl + 1, sizeof *s->lines);
	s->pools = mem_calloc(np + 1, sizeof *s->pools);
	s->grades = mem_calloc(s->n_grades + 1, sizeof *s->grades);
	s->areas = mem_calloc(s->n_areas + 1, sizeof *s->areas);
	s->area_grades = mem_calloc(s->n_areas * s->n_grades + 1,
				sizeof *s->area_grades);
	s->roles = mem_calloc(s->n_roles + 1, sizeof *s->roles);
	s->n_deferrable = sc->n_deferrable;
	s->deferrable = mem_calloc(s->n_deferrable + 1, sizeof *s->deferrable);
	s->n_days = replication_days(sc);
	s->day_line = mem_calloc(s->n_days * nl * CC_DAY_LINE_METRICS + 1,
				 sizeof *s->day_line);
	s->day_grade = mem_calloc(s->n_days * s->n_grades
				  * RSP_DAY_GRADE_METRICS + 1,
				  sizeof *s->day_grade);
	s->interval_line = mem_calloc(HOURS_PER_WEEK * nl * CC_INTERVAL_LINE_METRICS + 1,
				  sizeof *s->interval_line);
	s->interval_pool = mem_calloc(HOURS_PER_WEEK * np * CC_INTERVAL_POOL_METRICS + 1,
				  sizeof *s->interval_pool);
	if (s->lines == NULL || s->pools == NULL || s->interval_line == NULL
	    || s->interval_pool == NULL || s->grades == NULL || s->areas == NULL
	    || s->area_grades == NULL || s->roles == NULL
	    || s->deferrable == NULL
	    || s->day_line == NULL || s->day_grade == NULL
	    || summary_alloc_periods(s, sc) != 0) {
		summary_free(s);
		return NULL;
	}
	return s;
}

struct summary *summary_of_acc(const struct summary_acc *a,
			       struct sim_err *err)
{
	const struct scenario *sc = a->sc;
	struct summary *s = summary_alloc(sc);

	assert(a->replications >= 1);
	if (s == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory summarising %" PRIu64
			    " replications", a->replications);
		return NULL;
	}
	s->replications = (unsigned)a->replications;
	s->seed = sc->run.seed;
	s->days = sc->run.days;
	s->warmup_s = sc->run.warmup_s;
	s->events = a->events;
	s->predicts = sc->n_busyness > 0;
	summary_lines(s, a);
	summary_pools(s, a);
	summary_deferrable(s, a);
	summary_response(s, a);
	summary_roles(s);
	summary_intervals(s, a);
	summary_days(s, a);
	summary_periods(s, a);
	return s;
}

struct summary *summary_new(const struct scenario *sc,
			    const struct replication_result *const *results, size_t n,
			    struct sim_err *err)
{
	struct summary_acc *a = summary_acc_new(sc);
	struct summary *s;

	assert(n >= 1);
	if (a == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory summarising %zu "
			    "replications", n);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		summary_acc_add(a, results[i]);
	s = summary_of_acc(a, err);
	summary_acc_free(a);
	return s;
}

void summary_free(struct summary *s)
{
	if (s == NULL)
		return;
	free(s->lines);
	free(s->pools);
	free(s->interval_line);
	free(s->interval_pool);
	free(s->grades);
	free(s->areas);
	free(s->area_grades);
	free(s->roles);
	free(s->deferrable);
	free(s->day_line);
	free(s->day_grade);
	free(s->hour_grade);
	free(s->hour_area);
	free(s->day_area);
	free(s->wait_line);
	free(s->period_line);
	free(s->callback_line);
	free(s);
}

bool summary_unmeasured(const struct ci *c)
{
	return c->n < 2;
}

bool summary_any_missed(const struct summary *s)
{
	double goal;

	for (size_t l = 0; l < s->n_lines; l++)
		if (s->lines[l].has_goal && (s->lines[l].verdict == CI_MISSED
		    || summary_unmeasured(summary_line_agreed(s, l, &goal))))
			return true;
	for (size_t i = 0; i < s->n_deferrable; i++)
		if (s->deferrable[i].has_goal &&
		    (s->deferrable[i].verdict == CI_MISSED ||
		     summary_unmeasured(&s->deferrable[i].m[DF_WITHIN_TARGET])))
			return true;
	for (size_t g = 0; g < s->n_grades; g++)
		if (s->grades[g].has_goal && (s->grades[g].verdict == CI_MISSED
		    || summary_unmeasured(summary_grade_agreed(s, g, &goal))))
			return true;
	return false;
}

const struct ci *summary_line_agreed(const struct summary *s, size_t l,
				     double *goal)
{
	const struct line_spec *ls = &s->sc->lines[l];

	assert(l < s->n_lines);
	if (ls->per == AGREEMENT_HORIZON) {
		*goal = ls->goal;
		return &s->lines[l].m[CC_SERVICE_LEVEL];
	}
	*goal = ls->on_at_least;
	return &s->lines[l].periods_met;
}

const struct ci *summary_grade_agreed(const struct summary *s, size_t g,
				      double *goal)
{
	const struct grade_spec *gs = &s->sc->grades[g];

	assert(g < s->n_grades);
	if (gs->per == AGREEMENT_HORIZON) {
		*goal = gs->goal;
		return &s->grades[g].m[RSP_WITHIN_TARGET];
	}
	*goal = gs->on_at_least;
	return &s->grades[g].periods_met;
}

const struct summary_grade *summary_area_grade(const struct summary *s,
					       size_t area, size_t grade)
{
	assert(area < s->n_areas && grade < s->n_grades);
	return &s->area_grades[area * s->n_grades + grade];
}

const struct ci *summary_iline(const struct summary *s, size_t hour,
			       size_t line, enum cc_interval_line_metric m)
{
	assert(hour < HOURS_PER_WEEK && line < s->n_lines);
	return &s->interval_line[(hour * s->n_lines + line)
				 * CC_INTERVAL_LINE_METRICS + m];
}

const struct ci *summary_ipool(const struct summary *s, size_t hour,
			       size_t pool, enum cc_interval_pool_metric m)
{
	assert(hour < HOURS_PER_WEEK && pool < s->n_pools);
	return &s->interval_pool[(hour * s->n_pools + pool)
				 * CC_INTERVAL_POOL_METRICS + m];
}

const struct ci *summary_dline(const struct summary *s, size_t day,
			       size_t line, enum cc_day_line_metric m)
{
	assert(day < s->n_days && line < s->n_lines);
	return &s->day_line[(day * s->n_lines + line) * CC_DAY_LINE_METRICS + m];
}

const struct ci *summary_dgrade(const struct summary *s, size_t day,
				size_t grade, enum rsp_day_grade_metric m)
{
	assert(day < s->n_days && grade < s->n_grades);
	return &s->day_grade[(day * s->n_grades + grade)
			     * RSP_DAY_GRADE_METRICS + m];
}

const struct ci *summary_igrade(const struct summary *s, size_t hour,
				size_t grade, enum rsp_hour_grade_metric m)
{
	assert(hour < HOURS_PER_WEEK && grade < s->n_grades);
	return &s->hour_grade[(hour * s->n_grades + grade)
			      * RSP_HOUR_GRADE_METRICS + m];
}

const struct ci *summary_iarea(const struct summary *s, size_t hour,
			       size_t area, enum rsp_hour_area_metric m)
{
	assert(hour < HOURS_PER_WEEK && area < s->n_areas);
	return &s->hour_area[(hour * s->n_areas + area)
			     * RSP_HOUR_AREA_METRICS + m];
}

const struct ci *summary_darea(const struct summary *s, size_t day,
			       size_t area, enum rsp_day_area_metric m)
{
	assert(day < s->n_days && area < s->n_areas);
	return &s->day_area[(day * s->n_areas + area)
			    * RSP_DAY_AREA_METRICS + m];
}

const struct ci *summary_wline(const struct summary *s, size_t bin,
			       size_t line, enum cc_wait_line_metric m)
{
	assert(bin < FIGURE_WAIT_BINS && line < s->n_lines);
	return &s->wait_line[(bin * s->n_lines + line)
			     * CC_WAIT_LINE_METRICS + m];
}

void summary_hour_label(size_t hour, char *buf)
{
	static const char *const days[DAYS_PER_WEEK] = { WEEK_DAY_LABELS };

	assert(hour < HOURS_PER_WEEK);
	snprintf(buf, SUMMARY_HOUR_LABEL_MAX, "%s %02zu:00", days[hour / 24],
		 hour % 24);
}
