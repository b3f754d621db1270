/* compare.c: two sides matched by name, their figures and the paired
 * differences (see compare.h).
 *
 * Each side is summarised as a run is, so A and B show exactly the numbers
 * `callsim run` would print for them. The difference of a measured figure
 * is not B's mean minus A's: it is the mean and interval of B_i - A_i over
 * replications. Pairs of replications are folded into a compare_acc as
 * they finish: each side's summary_acc, and exact sums (sim/moments.h) of
 * every paired difference and of the force's per-replication totals, so
 * memory does not grow with the replications and the bytes do not depend
 * on their order. A replication where either side measured nothing (NAN)
 * drops out of the difference, as the sums drop NANs. */
#include "results/compare.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/moments.h"
#include "sim/mem.h"

static const struct ci compare_nothing = { NAN, NAN, NAN, 0 };

/* An area's top grade's attended within target is a figure of the area and
 * its first grade, not of the area: this index, past the area metrics,
 * stands for it among an area's figures. */
#define COMPARE_TOP_WITHIN ((size_t)RSP_AREA_METRICS)

/* One measured figure of an item, paired across the sides: the item's
 * index on each side (-1: absent) and the metric. */
struct compare_pair {
	enum compare_kind kind;
	long ia, ib;
	size_t metric;
};

/* Per pair, three figures of the accumulator's sums: B_i - A_i (NAN unless
 * both sides have the item), then A_i and B_i of the force's totals (NAN
 * for other kinds, whose side intervals the summaries have). */
enum { CP_DIFF, CP_A, CP_B, CP_FIGURES };

struct compare_acc {
	const struct scenario *sa, *sb;    /* borrowed */
	struct summary_acc *a, *b;
	struct compare_pair *pairs;        /* in the order of the items */
	size_t n_pairs;
	struct moments *m;                 /* [n_pairs][CP_FIGURES] */
};

/* What building a comparison needs at hand. Both passes over the items
 * (listing the pairs, then building the items) go through the same
 * functions, in the same order: without c, only the pairs are listed. */
struct compare_build {
	const struct scenario *sa, *sb;
	struct compare_acc *acc;
	struct compare *c;                 /* NULL while listing the pairs */
	size_t next_pair;
};

/* One side of an item: the side's summary, and the item's index there
 * (-1: the side lacks the item). */
struct compare_one {
	const struct summary *s;
	long i;
};

/* The measured figures of kind k, in output order, into m[] (indices
 * into the kind's figures; returns how many): what models/figure.h marks
 * compared. An area's come after its top grade's attended within target;
 * the force's are the areas' compared figures that add up. Costs are
 * exact and have none. */
static size_t compare_metrics(enum compare_kind k,
			      size_t m[COMPARE_FIGURES_MAX])
{
	/* Room for the longest block's figures and the top grade's. */
	size_t order[1 + CC_LINE_METRICS + RSP_GRADE_METRICS + RSP_AREA_METRICS];
	size_t n = 0, na;

	switch (k) {
	case COMPARE_LINE: n = figure_compared(FIGURE_BLOCK_LINE, order); break;
	case COMPARE_GRADE: n = figure_compared(FIGURE_BLOCK_GRADE, order); break;
	case COMPARE_DEFERRABLE:
		n = figure_compared(FIGURE_BLOCK_DEFER, order);
		break;
	case COMPARE_AREA:
		order[n++] = COMPARE_TOP_WITHIN;
		n += figure_compared(FIGURE_BLOCK_AREA, order + 1);
		break;
	case COMPARE_FORCE:
		na = figure_compared(FIGURE_BLOCK_AREA, order);
		for (size_t i = 0; i < na; i++)
			if (figure_def(FIGURE_BLOCK_AREA, order[i])->total
			    == FIGURE_TOTAL_SUM)
				order[n++] = order[i];
		break;
	case COMPARE_POOL: case COMPARE_ROLE: case COMPARE_TOTAL: break;
	}
	assert(n <= COMPARE_FIGURES_MAX);
	for (size_t i = 0; i < n; i++)
		m[i] = order[i];
	return n;
}

/* The definition of measured figure `metric` of kind k: a line's, a
 * grade's, a deferrable stream's, or an area's (the force's too); an
 * area's top grade's attended within target is the grade's figure. */
static const struct figure_def *compare_def(enum compare_kind k, size_t metric)
{
	if (k == COMPARE_LINE)
		return figure_def(FIGURE_BLOCK_LINE, metric);
	if (k == COMPARE_GRADE)
		return figure_def(FIGURE_BLOCK_GRADE, metric);
	if (k == COMPARE_DEFERRABLE)
		return figure_def(FIGURE_BLOCK_DEFER, metric);
	if (metric == COMPARE_TOP_WITHIN)
		return figure_def(FIGURE_BLOCK_GRADE, RSP_WITHIN_TARGET);
	return figure_def(FIGURE_BLOCK_AREA, metric);
}

/* Names a measured figure: its key, words and unit, from its definition;
 * the area's top grade's attended within target has a key and words of its
 * own. */
static void compare_name_figure(struct compare_figure *f, enum compare_kind k,
				size_t metric)
{
	const struct figure_def *d = compare_def(k, metric);
	bool top = k == COMPARE_AREA && metric == COMPARE_TOP_WITHIN;

	f->metric = top ? "emergency_attended_within_target" : d->name;
	f->words = top ? "emergency within target" : d->brief;
	f->unit = d->unit;
}

/* The name of item i of kind k in sc. */
static const char *compare_name(const struct scenario *sc,
				enum compare_kind k, size_t i)
{
	switch (k) {
	case COMPARE_LINE: return sc->lines[i].name;
	case COMPARE_GRADE: return sc->grades[i].name;
	case COMPARE_DEFERRABLE: return sc->deferrable[i].work.name;
	case COMPARE_AREA: return sc->areas[i].name;
	case COMPARE_FORCE: return "force";
	case COMPARE_POOL: return sc->pools[i].name;
	case COMPARE_ROLE: return sc->roles[i].name;
	case COMPARE_TOTAL: break;
	}
	return "total";
}

/* How many items of kind k sc has: the force is there when the scenario
 * has areas, the total always. */
static size_t compare_count(const struct scenario *sc, enum compare_kind k)
{
	switch (k) {
	case COMPARE_LINE: return sc->n_lines;
	case COMPARE_GRADE: return sc->n_grades;
	case COMPARE_DEFERRABLE: return sc->n_deferrable;
	case COMPARE_AREA: return sc->n_areas;
	case COMPARE_FORCE: return sc->n_areas > 0;
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

/* Area i's figure `metric` in one replication; the top grade's attended
 * within target is NAN without grades. */
static double compare_area_value(const struct replication_result *r, size_t i,
				 size_t metric)
{
	if (metric != COMPARE_TOP_WITHIN)
		return r->rsp.area[i * RSP_AREA_METRICS + metric];
	if (r->n_grades == 0)
		return NAN;
	return r->rsp.area_grade[i * r->n_grades * RSP_GRADE_METRICS
				 + RSP_WITHIN_TARGET];
}

/* Replication r's value of measured figure `metric` of item i of kind k.
 * The force's is the sum over the areas of that replication. */
static double compare_value(const struct replication_result *r, enum compare_kind k,
			    size_t i, size_t metric)
{
	double sum = 0.0;

	switch (k) {
	case COMPARE_LINE: return r->line[i * CC_LINE_METRICS + metric];
	case COMPARE_GRADE: return r->rsp.grade[i * RSP_GRADE_METRICS + metric];
	case COMPARE_DEFERRABLE: return r->deferrable[i * DF_METRICS + metric];
	case COMPARE_AREA: return compare_area_value(r, i, metric);
	case COMPARE_FORCE:
		for (size_t a = 0; a < r->n_areas; a++)
			sum += r->rsp.area[a * RSP_AREA_METRICS + metric];
		return sum;
	case COMPARE_POOL: case COMPARE_ROLE: case COMPARE_TOTAL: break;
	}
	assert(!"a cost has no replication values");
	return NAN;
}

/* One side's interval of measured figure `metric`: what its summary says,
 * as a run reports it. The force's totals are no summary figure: their
 * interval comes from the pair's sums (figure `force`), clipped at 0 as
 * the summary clips every count. */
static struct ci compare_side_ci(const struct compare_one *o,
				 enum compare_kind k, size_t metric,
				 const struct moments *m, size_t force)
{
	const struct summary *s = o->s;
	size_t i = (size_t)o->i;

	switch (k) {
	case COMPARE_LINE: return s->lines[i].m[metric];
	case COMPARE_GRADE: return s->grades[i].m[metric];
	case COMPARE_DEFERRABLE: return s->deferrable[i].m[metric];
	case COMPARE_AREA:
		if (metric != COMPARE_TOP_WITHIN)
			return s->areas[i].m[metric];
		return s->n_grades > 0
			? summary_area_grade(s, i, 0)->m[RSP_WITHIN_TARGET]
			: compare_nothing;
	case COMPARE_FORCE: break;
	case COMPARE_POOL: case COMPARE_ROLE: case COMPARE_TOTAL:
		assert(!"a cost has no interval");
	}
	return ci_clamp(ci_of_moments(m, force, SUMMARY_LEVEL), 0.0, INFINITY);
}

/* A measured figure: while listing, the pair; then each side's interval,
 * and the interval of the paired differences when both sides have the
 * item. */
static void compare_measured(struct compare_build *bd, struct compare_item *it,
			     const struct compare_one side[2], size_t metric)
{
	const struct compare_one *a = &side[0], *b = &side[1];
	size_t p = bd->next_pair++, base = p * CP_FIGURES;
	const struct moments *m = bd->acc->m;
	struct compare_figure *f;

	if (bd->c == NULL) {
		bd->acc->pairs[p] = (struct compare_pair){ it->kind, a->i, b->i,
							   metric };
		return;
	}
	assert(p < bd->acc->n_pairs && bd->acc->pairs[p].metric == metric);
	f = &it->fig[it->n_figures++];
	f->a = f->b = f->diff = compare_nothing;
	compare_name_figure(f, it->kind, metric);
	if (a->i >= 0)
		f->a = compare_side_ci(a, it->kind, metric, m, base + CP_A);
	if (b->i >= 0)
		f->b = compare_side_ci(b, it->kind, metric, m, base + CP_B);
	if (a->i >= 0 && b->i >= 0)
		f->diff = ci_of_moments(m, base + CP_DIFF, SUMMARY_LEVEL);
}

/* An exact figure (a cost): the interval is the value; NAN on a side
 * without the item. */
static void compare_exact(struct compare_item *it, const char *metric,
			  const char *words, enum figure_unit unit,
			  double a, double b)
{
	struct compare_figure *f = &it->fig[it->n_figures++];
	double d = b - a;

	f->metric = metric;
	f->words = words;
	f->unit = unit;
	f->a = (struct ci){ a, a, a, isnan(a) ? 0 : 1 };
	f->b = (struct ci){ b, b, b, isnan(b) ? 0 : 1 };
	f->diff = (struct ci){ d, d, d, isnan(d) ? 0 : 1 };
}

/* One side's verdict of an item's agreement into *v, and what it is of
 * into *agreed and *goal: a line's service level (or share of days met),
 * a grade's attended within target (or share of days met), a deferrable
 * stream's share within target, an area's top grade's (as the summary has
 * it). Returns whether there is one: false without a goal, on the side
 * without the item and for kinds without an agreement. */
static bool compare_verdict_of(const struct compare_one *o,
			       enum compare_kind k, enum ci_verdict *v,
			       struct ci *agreed, double *goal)
{
	const struct summary *s = o->s;
	const struct summary_grade *g = NULL;
	size_t i = (size_t)o->i;

	if (o->i < 0)
		return false;
	if (k == COMPARE_LINE) {
		*v = s->lines[i].verdict;
		*agreed = *summary_line_agreed(s, i, goal);
		return s->lines[i].has_goal;
	}
	if (k == COMPARE_DEFERRABLE) {
		*v = s->deferrable[i].verdict;
		*agreed = s->deferrable[i].m[DF_WITHIN_TARGET];
		*goal = s->sc->deferrable[i].work.goal;
		return s->deferrable[i].has_goal;
	}
	if (k == COMPARE_GRADE) {
		g = &s->grades[i];
		*agreed = *summary_grade_agreed(s, i, goal);
	} else if (k == COMPARE_AREA && s->n_grades > 0) {
		g = summary_area_grade(s, i, 0);
		*agreed = g->m[RSP_WITHIN_TARGET];
		*goal = s->sc->grades[0].goal;
	}
	if (g == NULL)
		return false;
	*v = g->verdict;
	return g->has_goal;
}

/* FTE and annual cost of a pool, role or everyone on one side; NAN when
 * the side has no such item (index -1). */
static void compare_cost_of(const struct compare_one *o, enum compare_kind k,
			    double *fte, double *cost)
{
	const struct summary *s = o->s;

	*fte = *cost = NAN;
	if (o->i < 0)
		return;
	if (k == COMPARE_POOL) {
		*fte = s->pools[o->i].fte;
		*cost = s->pools[o->i].annual_cost;
	} else if (k == COMPARE_ROLE) {
		*fte = s->roles[o->i].fte;
		*cost = s->roles[o->i].annual_cost;
	} else {
		*fte = s->total_fte;
		*cost = s->total_annual_cost;
	}
}

/* The exact figures of a pool, role or the total. */
static void compare_costs(struct compare_item *it,
			  const struct compare_one side[2])
{
	double fa, ca, fb, cb;

	compare_cost_of(&side[0], it->kind, &fa, &ca);
	compare_cost_of(&side[1], it->kind, &fb, &cb);
	compare_exact(it, "fte", "FTE", FIGURE_FTE, fa, fb);
	compare_exact(it, "annual_cost", "annual cost", FIGURE_MONEY, ca, cb);
}

/* Appends the item of kind k that is A's ia and B's ib (-1: absent); while
 * listing, only its measured figures' pairs. */
static void compare_add(struct compare_build *bd, enum compare_kind k,
			long ia, long ib)
{
	struct compare_item scratch, *it = bd->c != NULL
		? &bd->c->items[bd->c->n_items++] : &scratch;
	const struct compare_one side[2] = {
		{ bd->c != NULL ? bd->c->a : NULL, ia },
		{ bd->c != NULL ? bd->c->b : NULL, ib }
	};
	size_t metrics[COMPARE_FIGURES_MAX];
	size_t nm = compare_metrics(k, metrics);

	memset(it, 0, sizeof *it);
	it->kind = k;
	for (size_t m = 0; m < nm; m++)
		compare_measured(bd, it, side, metrics[m]);
	if (bd->c == NULL)
		return;
	it->name = ia >= 0 ? compare_name(bd->sa, k, (size_t)ia)
		: compare_name(bd->sb, k, (size_t)ib);
	it->in = (ia >= 0 ? COMPARE_IN_A : 0u) | (ib >= 0 ? COMPARE_IN_B : 0u);
	if (nm == 0)
		compare_costs(it, side);
	it->has_verdict_a = compare_verdict_of(&side[0], k, &it->verdict_a,
					       &it->agreed_a, &it->goal_a);
	it->has_verdict_b = compare_verdict_of(&side[1], k, &it->verdict_b,
					       &it->agreed_b, &it->goal_b);
}

/* The items of kind k: A's in A's order (matched in B by name), then
 * those only in B, in B's order. */
static void compare_kind_items(struct compare_build *bd, enum compare_kind k)
{
	const struct scenario *sa = bd->sa, *sb = bd->sb;

	for (size_t i = 0; i < compare_count(sa, k); i++)
		compare_add(bd, k, (long)i,
			    compare_find(sb, k, compare_name(sa, k, i)));
	for (size_t i = 0; i < compare_count(sb, k); i++)
		if (compare_find(sa, k, compare_name(sb, k, i)) < 0)
			compare_add(bd, k, -1, (long)i);
}

/* Every item of every kind, in output order. */
static void compare_all_items(struct compare_build *bd)
{
	for (int k = COMPARE_LINE; k <= COMPARE_TOTAL; k++)
		compare_kind_items(bd, (enum compare_kind)k);
}

/* Room for every item, as if no name matched. */
static size_t compare_max_items(const struct scenario *a,
				const struct scenario *b)
{
	size_t n = 0;

	for (int k = COMPARE_LINE; k <= COMPARE_TOTAL; k++)
		n += compare_count(a, (enum compare_kind)k)
			+ compare_count(b, (enum compare_kind)k);
	return n;
}

/* The number of measured figures of all items, as if no name matched. */
static size_t compare_max_pairs(const struct scenario *a,
				const struct scenario *b)
{
	size_t n = 0;
	size_t m[COMPARE_FIGURES_MAX];

	for (int k = COMPARE_LINE; k <= COMPARE_TOTAL; k++)
		n += compare_metrics((enum compare_kind)k, m)
			* (compare_count(a, (enum compare_kind)k)
			   + compare_count(b, (enum compare_kind)k));
	return n;
}

struct compare_acc *compare_acc_new(const struct scenario *a,
				    const struct scenario *b)
{
	struct compare_acc *acc = mem_calloc(1, sizeof *acc);
	struct compare_build bd = { a, b, acc, NULL, 0 };

	assert(a->run.seed == b->run.seed);
	if (acc == NULL)
		return NULL;
	acc->sa = a;
	acc->sb = b;
	acc->a = summary_acc_new(a);
	acc->b = summary_acc_new(b);
	acc->pairs = mem_calloc(compare_max_pairs(a, b) + 1, sizeof *acc->pairs);
	if (acc->a == NULL || acc->b == NULL || acc->pairs == NULL) {
		compare_acc_free(acc);
		return NULL;
	}
	compare_all_items(&bd);
	acc->n_pairs = bd.next_pair;
	acc->m = moments_new(acc->n_pairs * CP_FIGURES);
	if (acc->m == NULL) {
		compare_acc_free(acc);
		return NULL;
	}
	return acc;
}

void compare_acc_free(struct compare_acc *acc)
{
	if (acc == NULL)
		return;
	summary_acc_free(acc->a);
	summary_acc_free(acc->b);
	moments_free(acc->m);
	free(acc->pairs);
	free(acc);
}

void compare_acc_add(struct compare_acc *acc, const struct replication_result *ra,
		     const struct replication_result *rb)
{
	summary_acc_add(acc->a, ra);
	summary_acc_add(acc->b, rb);
	for (size_t p = 0; p < acc->n_pairs; p++) {
		const struct compare_pair *cp = &acc->pairs[p];
		double v[CP_FIGURES] = { NAN, NAN, NAN };
		double a = cp->ia >= 0
			? compare_value(ra, cp->kind, (size_t)cp->ia, cp->metric) : NAN;
		double b = cp->ib >= 0
			? compare_value(rb, cp->kind, (size_t)cp->ib, cp->metric) : NAN;

		if (cp->ia >= 0 && cp->ib >= 0)
			v[CP_DIFF] = b - a;
		if (cp->kind == COMPARE_FORCE) {
			v[CP_A] = a;
			v[CP_B] = b;
		}
		moments_add(acc->m, p * CP_FIGURES, v, 1, CP_FIGURES);
	}
}

void compare_acc_merge(struct compare_acc *dst, const struct compare_acc *src)
{
	assert(dst->n_pairs == src->n_pairs);
	summary_acc_merge(dst->a, src->a);
	summary_acc_merge(dst->b, src->b);
	moments_merge(dst->m, src->m);
}

struct compare *compare_of_acc(const struct compare_acc *acc,
			       struct sim_err *err)
{
	struct compare *c = mem_calloc(1, sizeof *c);
	struct compare_build bd = { acc->sa, acc->sb,
				    (struct compare_acc *)acc, c, 0 };

	if (c != NULL) {
		c->a = summary_of_acc(acc->a, err);
		c->b = summary_of_acc(acc->b, err);
		c->items = mem_calloc(compare_max_items(acc->sa, acc->sb),
				  sizeof *c->items);
	}
	if (c == NULL || c->a == NULL || c->b == NULL || c->items == NULL) {
		compare_free(c);
		if (!sim_err_failed(err))
			sim_err_add(err, SIM_ENOMEM, "out of memory comparing "
				    "two scenarios");
		return NULL;
	}
	/* Building reads the pairs only; acc is not changed. */
	compare_all_items(&bd);
	assert(bd.next_pair == acc->n_pairs);
	return c;
}

struct compare *compare_new(const struct compare_side_run *a,
			    const struct compare_side_run *b,
			    struct sim_err *err)
{
	struct compare_acc *acc = compare_acc_new(a->sc, b->sc);
	struct compare *c;

	assert(a->n >= 1 && a->n == b->n);
	if (acc == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory comparing two "
			    "scenarios");
		return NULL;
	}
	for (size_t i = 0; i < a->n; i++)
		compare_acc_add(acc, a->results[i], b->results[i]);
	c = compare_of_acc(acc, err);
	compare_acc_free(acc);
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
	/* B's line, grade and deferrable items carry B's summary verdicts:
	 * the same rule as a run of B alone, unmeasured agreements
	 * included. */
	return summary_any_missed(c->b);
}

const char *compare_kind_name(enum compare_kind k)
{
	static const char *const names[] = {
		"line", "grade", "deferrable", "area", "force", "pool",
		"role", "total"
	};

	assert((size_t)k < sizeof names / sizeof names[0]);
	return names[k];
}
