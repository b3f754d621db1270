/* search_hours.c: the optimiser's search for call handlers (see
 * search_hours.h). */
#include "results/search_hours.h"

#include <math.h>
#include <stdlib.h>

#include "models/agreement.h"

#include "results/experiment.h"
#include "sim/mem.h"

/* The state of a search: the plan, and the figures of the round last
 * read. */
struct search_hours_x {
	const struct scenario *base;
	struct optimise_plan *plan;
	bool *met;                 /* [n_lines] verdict met */
	size_t *worst;             /* [n_lines] hours to raise when none is
				      below the goal */
	double *hour_sl;           /* [HOURS_PER_WEEK][n_lines] service level */
	int max_staff;
};

/* The staffing of a round: each chosen pool's roster. */
static enum sim_status search_hours_staffing(void *arg, struct search_round *r,
					     struct sim_err *err)
{
	const struct search_hours_x *x = arg;
	const struct optimise_plan *plan = x->plan;
	enum sim_status st = SIM_OK;

	for (size_t p = 0; st == SIM_OK && p < plan->n_pools; p++) {
		struct scenario_edit edit;
		char *roster;

		if (!plan->chosen[p])
			continue;
		/* The pool's shift list stays YAML text: it is what the user
		 * is told to give --set, so the round simulates exactly it. */
		roster = optimise_shifts_override(x->base, plan, p);
		edit = experiment_edit(roster ? roster : "", "--set");
		st = roster != NULL ? search_round_add(r, &edit, err)
			: sim_err_add(err, SIM_ENOMEM, "out of memory");
		free(roster);
	}
	return st;
}

/* The hours of the week line l falls short by: for an agreement judged
 * per hour, its share of hours met below on_at_least, as hours of a
 * week (at least 1); else 1, the one worst hour raised a round. */
static size_t search_hours_short(const struct summary *s, size_t l)
{
	const struct line_spec *ls = &s->sc->lines[l];
	double gap = ls->on_at_least - s->lines[l].periods_met.mean;

	if (ls->per != AGREEMENT_HOUR || !(gap > 0))
		return 1;
	return (size_t)ceil(gap * HOURS_PER_WEEK);
}

/* Reads the round's verdicts (met[l]) and hourly service levels
 * (hour_sl[h][l]); returns whether every line with a goal is met. */
static bool search_hours_verdicts(void *arg, const struct summary *s)
{
	struct search_hours_x *x = arg;
	bool all = true;

	for (size_t l = 0; l < s->n_lines; l++) {
		x->met[l] = !s->lines[l].has_goal || s->lines[l].verdict == CI_MET;
		x->worst[l] = search_hours_short(s, l);
		all = all && x->met[l];
		for (size_t h = 0; h < HOURS_PER_WEEK; h++)
			x->hour_sl[h * s->n_lines + l] =
				summary_iline(s, h, l, CC_I_SERVICE_LEVEL)->mean;
	}
	return all;
}

/* Whether a line that misses its goal has its load on a pool not chosen
 * (or on none): raising the plan cannot help it. Says which. */
static bool search_hours_unreachable(const void *arg, struct sim_err *err)
{
	const struct search_hours_x *x = arg;
	const struct scenario *sc = x->base;
	const struct optimise_plan *plan = x->plan;

	for (size_t l = 0; l < sc->n_lines; l++) {
		long p = plan->primary[l];

		if (x->met[l] || (p >= 0 && plan->chosen[p]))
			continue;
		if (p < 0)
			sim_err_add(err, SIM_EINVAL, "line %s misses its goal and "
				    "no pool answers it", sc->lines[l].name);
		else
			sim_err_add(err, SIM_EINVAL, "line %s misses its goal and "
				    "pool %s, which answers it first, is not "
				    "optimised; add --pool %s", sc->lines[l].name,
				    sc->pools[p].name, sc->pools[p].name);
		return true;
	}
	return false;
}

static size_t search_hours_raise(void *arg, struct sim_err *err)
{
	struct search_hours_x *x = arg;
	size_t n = optimise_plan_raise(x->plan, x->base, x->hour_sl, x->met,
				       x->worst);

	if (n == 0)
		sim_err_add(err, SIM_EINVAL, "no staffing with at most %d on duty "
			    "in an hour (--max-staff) meets every agreement",
			    x->max_staff);
	return n;
}

static const struct search_ops search_hours_ops = {
	.staffing = search_hours_staffing,
	.verdicts = search_hours_verdicts,
	.unreachable = search_hours_unreachable,
	.raise = search_hours_raise,
	.grades = false,
	.what = "staffing",
};

enum search_end search_hours_run(const struct search_spec *spec,
				 const struct scenario *base, const bool *chosen,
				 int max_staff, struct search_hours *out,
				 struct sim_err *err)
{
	struct search_hours_x x = { .base = base, .max_staff = max_staff };
	struct search s = { spec, &search_hours_ops, &x, 0 };
	enum search_end end = SEARCH_FAILED;

	*out = (struct search_hours){ 0 };
	x.met = mem_calloc(base->n_lines + 1, sizeof *x.met);
	x.worst = mem_calloc(base->n_lines + 1, sizeof *x.worst);
	x.hour_sl = mem_calloc(HOURS_PER_WEEK * base->n_lines + 1,
			       sizeof *x.hour_sl);
	if (x.met == NULL || x.worst == NULL || x.hour_sl == NULL)
		sim_err_add(err, SIM_ENOMEM, "out of memory");
	else
		x.plan = optimise_plan_new(base, chosen, max_staff, err);
	if (x.plan != NULL)
		end = search_raise(&s, &out->round, err);
	out->plan = x.plan;
	out->sims = s.sims;
	free(x.met);
	free(x.worst);
	free(x.hour_sl);
	return end;
}

void search_hours_clear(struct search_hours *h)
{
	optimise_plan_free(h->plan);
	search_round_clear(&h->round);
	*h = (struct search_hours){ 0 };
}
