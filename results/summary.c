/* summary.c: reduces R replication results to means and confidence
 * intervals, and adds up the cost of the rosters.
 *
 * Each figure is gathered across replications into a scratch matrix of R
 * rows (one per replication, in replication order) and ci_of reads one
 * column of it with a stride, so the arithmetic and the order of additions
 * are the same whatever thread ran which replication. */
#include "results/summary.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sim/mem.h"

/* The interval of each column of scratch, a matrix of n rows (replications)
 * of `width` figures. Every figure a run reports is a count, a time or a
 * fraction, so no interval reaches below 0. */
static void summary_ci_columns(const double *scratch, size_t n, size_t width,
			       struct ci *out)
{
	for (size_t k = 0; k < width; k++)
		out[k] = ci_clamp(ci_of(scratch + k, width, n, SUMMARY_LEVEL),
				  0.0, INFINITY);
}

/* A fraction's interval reaches no further than 1. */
static void summary_fraction(struct ci *c)
{
	*c = ci_clamp(*c, 0.0, 1.0);
}

/* Per line: copy the line's figures of every replication into scratch
 * (n rows of CC_LINE_METRICS), then take each column's interval. */
static void summary_lines(struct summary *s,
			  const struct cc_result *const *results, size_t n,
			  double *scratch)
{
	for (size_t l = 0; l < s->n_lines; l++) {
		struct summary_line *sl = &s->lines[l];
		double goal = s->sc->lines[l].goal;

		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < CC_LINE_METRICS; k++)
				scratch[i * CC_LINE_METRICS + k] =
					results[i]->line[l * CC_LINE_METRICS + k];
		summary_ci_columns(scratch, n, CC_LINE_METRICS, sl->m);
		summary_fraction(&sl->m[CC_SERVICE_LEVEL]);
		summary_fraction(&sl->m[CC_ABANDON_RATE]);
		/* A goal of NAN means the scenario asked for no verdict. */
		sl->has_goal = !isnan(goal);
		sl->verdict = sl->has_goal
			? ci_verdict_of(sl->m[CC_SERVICE_LEVEL], goal)
			: CI_UNCERTAIN;
	}
}

/* Per pool: intervals of the measured figures, and the roster's cost, which
 * is the same in every replication. */
static void summary_pools(struct summary *s,
			  const struct cc_result *const *results, size_t n,
			  double *scratch)
{
	for (size_t p = 0; p < s->n_pools; p++) {
		struct summary_pool *sp = &s->pools[p];

		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < CC_POOL_METRICS; k++)
				scratch[i * CC_POOL_METRICS + k] =
					results[i]->pool[p * CC_POOL_METRICS + k];
		summary_ci_columns(scratch, n, CC_POOL_METRICS, sp->m);
		summary_fraction(&sp->m[CC_OCCUPANCY]);
		sp->fte = scenario_pool_fte(&s->sc->pools[p]);
		sp->annual_cost = scenario_pool_cost(&s->sc->pools[p]);
		s->pools_fte += sp->fte;
		s->pools_annual_cost += sp->annual_cost;
	}
}

/* One block of hour-of-week figures: src[i] + off is where replication i's
 * `width` figures for this (hour, line or pool) start. Both interval arrays
 * share this shape, so one helper serves them. */
static void summary_block(const double *const *src, size_t off, size_t n,
			  size_t width, double *scratch, struct ci *out)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < width; k++)
			scratch[i * width + k] = src[i][off + k];
	summary_ci_columns(scratch, n, width, out);
}

/* A grade's verdict, as a line's: the goal against the interval of the
 * fraction attended within target. A grade without a target or a goal
 * has none. */
static void summary_grade_verdict(struct summary_grade *sg,
				  const struct grade_spec *g)
{
	summary_fraction(&sg->m[RSP_WITHIN_TARGET]);
	sg->has_goal = !isnan(g->goal) && !isnan(g->target_s);
	sg->verdict = sg->has_goal
		? ci_verdict_of(sg->m[RSP_WITHIN_TARGET], g->goal)
		: CI_UNCERTAIN;
}

/* Per grade, per area and per area and grade. `cols` is scratch room for
 * n pointers. */
static void summary_response(struct summary *s,
			     const struct cc_result *const *results, size_t n,
			     double *scratch, const double **cols)
{
	size_t ng = s->n_grades;

	for (size_t i = 0; i < n; i++)
		cols[i] = results[i]->rsp.grade;
	for (size_t g = 0; g < ng; g++) {
		summary_block(cols, g * RSP_GRADE_METRICS, n, RSP_GRADE_METRICS,
			      scratch, s->grades[g].m);
		summary_grade_verdict(&s->grades[g], &s->sc->grades[g]);
	}
	for (size_t i = 0; i < n; i++)
		cols[i] = results[i]->rsp.area_grade;
	for (size_t a = 0; a < s->n_areas; a++)
		for (size_t g = 0; g < ng; g++) {
			struct summary_grade *sg = &s->area_grades[a * ng + g];

			summary_block(cols, (a * ng + g) * RSP_GRADE_METRICS, n,
				      RSP_GRADE_METRICS, scratch, sg->m);
			summary_grade_verdict(sg, &s->sc->grades[g]);
		}
	for (size_t i = 0; i < n; i++)
		cols[i] = results[i]->rsp.area;
	for (size_t a = 0; a < s->n_areas; a++) {
		summary_block(cols, a * RSP_AREA_METRICS, n, RSP_AREA_METRICS,
			      scratch, s->areas[a].m);
		summary_fraction(&s->areas[a].m[RSP_UTILISATION]);
	}
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

/* Hour-of-week intervals for every line and pool. `cols` is scratch room
 * for n pointers. */
static void summary_intervals(struct summary *s,
			      const struct cc_result *const *results, size_t n,
			      double *scratch, const double **cols)
{
	size_t nl = s->n_lines * CC_INTERVAL_LINE_METRICS;
	size_t np = s->n_pools * CC_INTERVAL_POOL_METRICS;

	for (size_t i = 0; i < n; i++)
		cols[i] = results[i]->interval_line;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		for (size_t l = 0; l < s->n_lines; l++) {
			size_t off = h * nl + l * CC_INTERVAL_LINE_METRICS;

			summary_block(cols, off, n, CC_INTERVAL_LINE_METRICS,
				      scratch, s->interval_line + off);
			summary_fraction(&s->interval_line[off + CC_I_SERVICE_LEVEL]);
		}
	for (size_t i = 0; i < n; i++)
		cols[i] = results[i]->interval_pool;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		for (size_t p = 0; p < s->n_pools; p++) {
			size_t off = h * np + p * CC_INTERVAL_POOL_METRICS;

			summary_block(cols, off, n, CC_INTERVAL_POOL_METRICS,
				      scratch, s->interval_pool + off);
			summary_fraction(&s->interval_pool[off + CC_I_OCCUPANCY]);
		}
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
	/* mem_calloc(0, ...) may return NULL legitimately: ask for at least one. */
	s->lines = mem_calloc(nl + 1, sizeof *s->lines);
	s->pools = mem_calloc(np + 1, sizeof *s->pools);
	s->grades = mem_calloc(s->n_grades + 1, sizeof *s->grades);
	s->areas = mem_calloc(s->n_areas + 1, sizeof *s->areas);
	s->area_grades = mem_calloc(s->n_areas * s->n_grades + 1,
				sizeof *s->area_grades);
	s->roles = mem_calloc(s->n_roles + 1, sizeof *s->roles);
	s->interval_line = mem_calloc(HOURS_PER_WEEK * nl * CC_INTERVAL_LINE_METRICS + 1,
				  sizeof *s->interval_line);
	s->interval_pool = mem_calloc(HOURS_PER_WEEK * np * CC_INTERVAL_POOL_METRICS + 1,
				  sizeof *s->interval_pool);
	if (s->lines == NULL || s->pools == NULL || s->interval_line == NULL
	    || s->interval_pool == NULL || s->grades == NULL || s->areas == NULL
	    || s->area_grades == NULL || s->roles == NULL) {
		summary_free(s);
		return NULL;
	}
	return s;
}

/* The widest row any figure block needs in the scratch matrix. */
static size_t summary_scratch_width(void)
{
	size_t w = CC_LINE_METRICS;

	if (CC_POOL_METRICS > w)
		w = CC_POOL_METRICS;
	if (CC_INTERVAL_LINE_METRICS > w)
		w = CC_INTERVAL_LINE_METRICS;
	if (CC_INTERVAL_POOL_METRICS > w)
		w = CC_INTERVAL_POOL_METRICS;
	if (RSP_GRADE_METRICS > w)
		w = RSP_GRADE_METRICS;
	if (RSP_AREA_METRICS > w)
		w = RSP_AREA_METRICS;
	return w;
}

struct summary *summary_new(const struct scenario *sc,
			    const struct cc_result *const *results, size_t n,
			    struct sim_err *err)
{
	struct summary *s = summary_alloc(sc);
	double *scratch = mem_malloc(n * summary_scratch_width() * sizeof *scratch);
	const double **cols = mem_malloc(n * sizeof *cols);

	assert(n >= 1);
	if (s == NULL || scratch == NULL || cols == NULL) {
		summary_free(s);
		free(scratch);
		free(cols);
		sim_err_add(err, SIM_ENOMEM, "out of memory summarising %zu replications", n);
		return NULL;
	}
	s->replications = (unsigned)n;
	s->seed = sc->run.seed;
	s->days = sc->run.days;
	s->warmup_s = sc->run.warmup_s;
	for (size_t i = 0; i < n; i++) {
		assert(results[i]->n_lines == sc->n_lines);
		assert(results[i]->n_pools == sc->n_pools);
		assert(results[i]->n_grades == sc->n_grades);
		assert(results[i]->n_areas == sc->n_areas);
		s->events += results[i]->events;
	}
	summary_lines(s, results, n, scratch);
	summary_pools(s, results, n, scratch);
	summary_response(s, results, n, scratch, cols);
	summary_roles(s);
	summary_intervals(s, results, n, scratch, cols);
	free(scratch);
	free(cols);
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
	free(s);
}

bool summary_any_missed(const struct summary *s)
{
	for (size_t l = 0; l < s->n_lines; l++)
		if (s->lines[l].has_goal && s->lines[l].verdict == CI_MISSED)
			return true;
	for (size_t g = 0; g < s->n_grades; g++)
		if (s->grades[g].has_goal && s->grades[g].verdict == CI_MISSED)
			return true;
	return false;
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

void summary_hour_label(size_t hour, char *buf)
{
	static const char days[7][4] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
	};

	assert(hour < HOURS_PER_WEEK);
	snprintf(buf, SUMMARY_HOUR_LABEL_MAX, "%s %02zu:00", days[hour / 24],
		 hour % 24);
}

const char *summary_line_metric_name(enum cc_line_metric m)
{
	static const char *const names[CC_LINE_METRICS] = {
		"offered", "answered", "abandoned", "abandoned_5s", "repeats",
		"service_level", "abandon_rate", "asa_s", "wait_p50_s",
		"wait_p90_s", "wait_p95_s", "wait_p99_s"
	};

	assert((size_t)m < CC_LINE_METRICS);
	return names[m];
}

const char *summary_pool_metric_name(enum cc_pool_metric m)
{
	static const char *const names[CC_POOL_METRICS] = {
		"occupancy", "staff_on_duty"
	};

	assert((size_t)m < CC_POOL_METRICS);
	return names[m];
}

const char *summary_iline_metric_name(enum cc_interval_line_metric m)
{
	static const char *const names[CC_INTERVAL_LINE_METRICS] = {
		"offered", "answered", "service_level"
	};

	assert((size_t)m < CC_INTERVAL_LINE_METRICS);
	return names[m];
}

const char *summary_ipool_metric_name(enum cc_interval_pool_metric m)
{
	static const char *const names[CC_INTERVAL_POOL_METRICS] = {
		"staff_on_duty", "occupancy"
	};

	assert((size_t)m < CC_INTERVAL_POOL_METRICS);
	return names[m];
}

const char *summary_grade_metric_name(enum rsp_grade_metric m)
{
	static const char *const names[RSP_GRADE_METRICS] = {
		"incidents", "attended", "attended_within_target",
		"attendance_mean_s", "attendance_p50_s", "attendance_p90_s",
		"attendance_p95_s", "backlog", "cross_border", "preempted"
	};

	assert((size_t)m < RSP_GRADE_METRICS);
	return names[m];
}

const char *summary_area_metric_name(enum rsp_area_metric m)
{
	static const char *const names[RSP_AREA_METRICS] = {
		"utilisation", "units_on_duty", "abstractions",
		"abstraction_hours"
	};

	assert((size_t)m < RSP_AREA_METRICS);
	return names[m];
}
