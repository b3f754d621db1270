/* compare.c: two sides matched by name, their figures and the paired
 * differences (see compare.h).
 *
 * Each side is summarised as a run is, so A and B show exactly the numbers
 * `callsim run` would print for them. The difference of a measured figure
 * is not B's mean minus A's: it is the mean and interval of B_i - A_i over
 * replications, read straight from the results. A replication where either
 * side measured nothing (NAN) drops out of the difference, as ci_of drops
 * NANs. */
#include "results/compare.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct ci compare_nothing = { NAN, NAN, NAN, 0 };

/* The figures compared for each line and grade, in output order. */
static const enum cc_line_metric compare_line_metrics[] = {
	CC_SERVICE_LEVEL, CC_ASA_S, CC_ABANDON_RATE
};
static const enum rsp_grade_metric compare_grade_metrics[] = {
	RSP_WITHIN_TARGET, RSP_ATTEND_P90_S
};
#define COMPARE_N_LINE (sizeof compare_line_metrics / sizeof compare_line_metrics[0])
#define COMPARE_N_GRADE (sizeof compare_grade_metrics / sizeof compare_grade_metrics[0])

/* What building a comparison needs at hand. */
struct compare_build {
	const struct compare_side_run *a, *b;
	struct compare *c;
	double *scratch;           /* n doubles */
};

/* The name of item i of kind k in sc. */
static const char *compare_name(const struct scenario *sc,
				enum compare_kind k, size_t i)
{
	switch (k) {
	case COMPARE_LINE: return sc->lines[i].name;
	case COMPARE_GRADE: return sc->grades[i].name;
	case COMPARE_POOL: return sc->pools[i].name;
	case COMPARE_ROLE: return sc->roles[i].name;
	case COMPARE_TOTAL: break;
	}
	return "total";
}

/* How many items of kind k sc has. */
static size_t compare_count(const struct scenario *sc, enum compare_kind k)
{
	switch (k) {
	case COMPARE_LINE: return sc->n_lines;
	case COMPARE_GRADE: return sc->n_grades;
	case COMPARE_POOL: return sc->n_pools;
	case COMPARE_ROLE: return sc->n_roles;
	case COMPARE_TOTAL: break;
	}
	return 1;
}

/* Index of the item of kind k named `name` in sc, or -1. */
static long compare_find(const struct scenario *sc, enum compare_kind k,
			 const char *name)
{
	size_t n = compare_count(sc, k);

	for (size_t i = 0; i < n; i++)
		if (strcmp(compare_name(sc, k, i), name) == 0)
			return (long)i;
	return -1;
}

/* Replication r's value of figure `metric` of line or grade i. */
static double compare_value(const struct cc_result *r, enum compare_kind k,
			    size_t i, size_t metric)
{
	if (k == COMPARE_LINE)
		return r->line[i * CC_LINE_METRICS + metric];
	assert(k == COMPARE_GRADE);
	return r->rsp.grade[i * RSP_GRADE_METRICS + metric];
}

/* A measured figure: each side's interval from its summary, and the
 * interval of the paired differences when both sides have the item. */
static void compare_measured(const struct compare_build *bd,
			     struct compare_item *it, long ia, long ib,
			     size_t metric)
{
	struct compare_figure *f = &it->fig[it->n_figures++];
	const struct summary *sa = bd->c->a, *sb = bd->c->b;
	bool line = it->kind == COMPARE_LINE;
	size_t n = bd->a->n;

	f->a = f->b = f->diff = compare_nothing;
	f->metric = line ? summary_line_metric_name(metric)
		: summary_grade_metric_name(metric);
	if (ia >= 0)
		f->a = line ? sa->lines[ia].m[metric] : sa->grades[ia].m[metric];
	if (ib >= 0)
		f->b = line ? sb->lines[ib].m[metric] : sb->grades[ib].m[metric];
	if (ia < 0 || ib < 0)
		return;
	for (size_t i = 0; i < n; i++)
		bd->scratch[i] =
			compare_value(bd->b->results[i], it->kind, (size_t)ib, metric)
			- compare_value(bd->a->results[i], it->kind, (size_t)ia, metric);
	f->diff = ci_of(bd->scratch, 1, n, SUMMARY_LEVEL);
}

/* An exact figure (a cost): the interval is the value; NAN on a side
 * without the item. */
static void compare_exact(struct compare_item *it, const char *metric,
			  double a, double b)
{
	struct compare_figure *f = &it->fig[it->n_figures++];
	double d = b - a;

	f->metric = metric;
	f->a = (struct ci){ a, a, a, isnan(a) ? 0 : 1 };
	f->b = (struct ci){ b, b, b, isnan(b) ? 0 : 1 };
	f->diff = (struct ci){ d, d, d, isnan(d) ? 0 : 1 };
}

/* The verdicts of a line or grade on each side that has it. */
static void compare_verdicts(const struct compare_build *bd,
			     struct compare_item *it, long ia, long ib)
{
	const struct summary *sa = bd->c->a, *sb = bd->c->b;
	bool line = it->kind == COMPARE_LINE;

	if (ia >= 0) {
		it->has_verdict_a = line ? sa->lines[ia].has_goal
			: sa->grades[ia].has_goal;
		it->verdict_a = line ? sa->lines[ia].verdict : sa->grades[ia].verdict;
	}
	if (ib >= 0) {
		it->has_verdict_b = line ? sb->lines[ib].has_goal
			: sb->grades[ib].has_goal;
		it->verdict_b = line ? sb->lines[ib].verdict : sb->grades[ib].verdict;
	}
}

/* FTE and annual cost of a pool, role or everyone on one side; NAN when
 * the side has no such item (index -1). */
static void compare_cost_of(const struct summary *s, enum compare_kind k,
			    long i, double *fte, double *cost)
{
	*fte = *cost = NAN;
	if (i < 0)
		return;
	if (k == COMPARE_POOL) {
		*fte = s->pools[i].fte;
		*cost = s->pools[i].annual_cost;
	} else if (k == COMPARE_ROLE) {
		*fte = s->roles[i].fte;
		*cost = s->roles[i].annual_cost;
	} else {
		*fte = s->total_fte;
		*cost = s->total_annual_cost;
	}
}

/* Appends the item of kind k that is A's ia and B's ib (-1: absent). */
static void compare_add(const struct compare_build *bd, enum compare_kind k,
			long ia, long ib)
{
	struct compare_item *it = &bd->c->items[bd->c->n_items++];
	double fa, ca, fb, cb;

	memset(it, 0, sizeof *it);
	it->kind = k;
	it->name = ia >= 0 ? compare_name(bd->a->sc, k, (size_t)ia)
		: compare_name(bd->b->sc, k, (size_t)ib);
	it->in = (ia >= 0 ? COMPARE_IN_A : 0u) | (ib >= 0 ? COMPARE_IN_B : 0u);
	if (k == COMPARE_LINE || k == COMPARE_GRADE) {
		size_t nm = k == COMPARE_LINE ? COMPARE_N_LINE : COMPARE_N_GRADE;

		for (size_t m = 0; m < nm; m++)
			compare_measured(bd, it, ia, ib, k == COMPARE_LINE
					 ? (size_t)compare_line_metrics[m]
					 : (size_t)compare_grade_metrics[m]);
		compare_verdicts(bd, it, ia, ib);
		return;
	}
	compare_cost_of(bd->c->a, k, ia, &fa, &ca);
	compare_cost_of(bd->c->b, k, ib, &fb, &cb);
	compare_exact(it, "fte", fa, fb);
	compare_exact(it, "annual_cost", ca, cb);
}

/* The items of kind k: A's in A's order (matched in B by name), then
 * those only in B, in B's order. */
static void compare_kind_items(const struct compare_build *bd,
			       enum compare_kind k)
{
	const struct scenario *sa = bd->a->sc, *sb = bd->b->sc;

	if (k == COMPARE_TOTAL) {
		compare_add(bd, k, 0, 0);
		return;
	}
	for (size_t i = 0; i < compare_count(sa, k); i++)
		compare_add(bd, k, (long)i,
			    compare_find(sb, k, compare_name(sa, k, i)));
	for (size_t i = 0; i < compare_count(sb, k); i++)
		if (compare_find(sa, k, compare_name(sb, k, i)) < 0)
			compare_add(bd, k, -1, (long)i);
}

/* Room for every item, as if no name matched. */
static size_t compare_max_items(const struct scenario *a,
				const struct scenario *b)
{
	return a->n_lines + b->n_lines + a->n_grades + b->n_grades
		+ a->n_pools + b->n_pools + a->n_roles + b->n_roles + 1;
}

struct compare *compare_new(const struct compare_side_run *a,
			    const struct compare_side_run *b,
			    struct sim_err *err)
{
	struct compare *c = calloc(1, sizeof *c);
	struct compare_build bd = { a, b, c, malloc(a->n * sizeof(double)) };

	assert(a->n >= 1 && a->n == b->n);
	assert(a->sc->run.seed == b->sc->run.seed);
	if (c != NULL) {
		c->a = summary_new(a->sc, a->results, a->n, err);
		c->b = summary_new(b->sc, b->results, b->n, err);
		c->items = calloc(compare_max_items(a->sc, b->sc), sizeof *c->items);
	}
	if (c == NULL || c->a == NULL || c->b == NULL || c->items == NULL
	    || bd.scratch == NULL) {
		compare_free(c);
		free(bd.scratch);
		if (!sim_err_failed(err))
			sim_err_add(err, SIM_ENOMEM, "out of memory comparing "
				    "two scenarios");
		return NULL;
	}
	for (int k = COMPARE_LINE; k <= COMPARE_TOTAL; k++)
		compare_kind_items(&bd, (enum compare_kind)k);
	free(bd.scratch);
	return c;
}

void compare_free(struct compare *c)
{
	if (c == NULL)
		return;
	summary_free(c->a);
	summary_free(c->b);
	free(c->items);
	free(c);
}

bool compare_b_missed(const struct compare *c)
{
	for (size_t i = 0; i < c->n_items; i++)
		if (c->items[i].has_verdict_b && c->items[i].verdict_b == CI_MISSED)
			return true;
	return false;
}

const char *compare_kind_name(enum compare_kind k)
{
	static const char *const names[] = {
		"line", "grade", "pool", "role", "total"
	};

	assert((size_t)k < sizeof names / sizeof names[0]);
	return names[k];
}
