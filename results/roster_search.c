/* roster_search.c: solve, simulate, raise (see roster_search.h). */
#include "results/roster_search.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/roster_ip.h"
#include "models/week.h"
#include "results/experiment.h"
#include "results/roster_round.h"
#include "results/search_hours.h"
#include "sim/mem.h"

/* The state of a search. */
struct roster_search_x {
	const struct scenario *base;
	const struct roster_search_spec *rs;
	struct roster_search *out;
};

void roster_search_clear(struct roster_search *r)
{
	for (size_t p = 0; r->pools != NULL && p < r->n_pools; p++)
		roster_plan_free(r->pools[p]);
	free(r->pools);
	optimise_plan_free(r->plan);
	search_round_clear(&r->round);
	*r = (struct roster_search){ 0 };
}

/* The staffing of a round: each chosen pool's roster, then the
 * replications when the search raised them. */
static enum sim_status roster_search_staffing(void *arg, struct search_round *r,
					      struct sim_err *err)
{
	const struct roster_search_x *x = arg;
	enum sim_status st = SIM_OK;

	for (size_t p = 0; st == SIM_OK && p < x->out->n_pools; p++) {
		struct scenario_edit edit;
		char *text;

		if (x->out->pools[p] == NULL)
			continue;
		text = roster_plan_override(x->out->pools[p]);
		edit = experiment_edit(text ? text : "", "--set");
		st = text != NULL ? search_round_add(r, &edit, err)
			: sim_err_add(err, SIM_ENOMEM, "out of memory");
		free(text);
	}
	return st;
}

/* Says which hours of pool p's requirement the allowed shifts within
 * max_staff cannot cover, and by how much (rostered handlers), in err. */
static void roster_search_short(const struct roster_plan *rp,
				const struct optimise_plan *plan, int max_staff,
				struct sim_err *err)
{
	int most[HOURS_PER_WEEK], need[HOURS_PER_WEEK];
	char within[ROSTER_PLAN_WITHIN_MAX];

	roster_plan_short_hours(rp, most, need);
	roster_plan_within(rp, max_staff, within, sizeof within);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		char label[SUMMARY_HOUR_LABEL_MAX];

		if (most[h] == 0)
			continue;
		summary_hour_label(h, label);
		sim_err_add(err, SIM_EINVAL, "%s, %s: needs %d on duty "
			    "(%d rostered); %s roster at most %d, short by %d",
			    rp->who, label,
			    plan->on_duty[rp->pool * HOURS_PER_WEEK + h], need[h],
			    within, need[h] - most[h], most[h]);
	}
}

/* Solves every chosen pool's programme for the plan. Returns SEARCH_MET
 * when every slot is covered, SEARCH_UNMET (the short hours in err) or
 * SEARCH_FAILED. */
static enum search_end roster_search_solve(void *arg, struct sim_err *err)
{
	const struct roster_search_x *x = arg;
	struct roster_search *o = x->out;
	enum search_end end = SEARCH_MET;

	o->solves++;
	o->short_of_cover = false;
	for (size_t p = 0; p < o->n_pools; p++) {
		struct roster_plan *rp = o->pools[p];

		if (rp == NULL)
			continue;
		if (roster_plan_solve(rp, o->plan->on_duty + p * HOURS_PER_WEEK,
				      x->rs->shape->time_limit_s, err) != SIM_OK)
			return SEARCH_FAILED;
		if (!rp->met) {
			roster_search_short(rp, o->plan, x->rs->max_staff, err);
			o->short_of_cover = true;
			end = SEARCH_UNMET;
		}
	}
	return end;
}

/* Raises the requirement of line l's pool where l falls short: each hour
 * below the goal to one more than the roster put on duty (the worst hour
 * when none is below). Returns how many hours were raised. */
static size_t roster_search_raise_line(struct roster_search_x *x,
				       const struct summary *s, size_t l)
{
	const struct optimise_plan *plan = x->out->plan;
	size_t pool = (size_t)plan->primary[l], n = 0, worst = HOURS_PER_WEEK;
	const struct roster_plan *rp = x->out->pools[pool];
	double goal = x->base->lines[l].goal, least = INFINITY;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double sl = summary_iline(s, h, l, CC_I_SERVICE_LEVEL)->mean;
		int *need = &plan->on_duty[pool * HOURS_PER_WEEK + h];
		int more = roster_plan_on_duty(rp, h) + 1;

		if (!isnan(sl) && sl < least)
			least = sl, worst = h;
		if (sl < goal && *need < more)
			*need = more, n++;
	}
	if (n == 0 && worst < HOURS_PER_WEEK) {
		int *need = &plan->on_duty[pool * HOURS_PER_WEEK + worst];

		*need = roster_plan_on_duty(rp, worst) + 1;
		n++;
	}
	return n;
}

/* Whether a verdict counts as missed: missed, or with uncertain, only
 * uncertain. */
static bool roster_search_missed(enum ci_verdict v, bool uncertain)
{
	return v == CI_MISSED || (v == CI_UNCERTAIN && uncertain);
}

/* Raises the requirement of pool p for the deferrable streams it works
 * that missed, every line met: first to what its roster put on duty, then
 * one more in its busiest hours (optimise_plan_raise_pool), as many as the
 * furthest short of them asks (search_hours_stream_short). Returns how
 * many hours were raised. */
static size_t roster_search_raise_pool(struct roster_search_x *x,
				       const struct summary *s, size_t p,
				       bool uncertain)
{
	struct optimise_plan *plan = x->out->plan;
	size_t want = 0;

	for (size_t i = 0; i < s->n_deferrable; i++)
		if (s->deferrable[i].has_goal && x->base->deferrable[i].pool == p
		    && roster_search_missed(s->deferrable[i].verdict, uncertain)) {
			size_t n = search_hours_stream_short(s, i);

			want = n > want ? n : want;
		}
	if (want == 0)
		return 0;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		int *need = &plan->on_duty[p * HOURS_PER_WEEK + h];
		int cover = roster_plan_on_duty(x->out->pools[p], h);

		*need = cover > *need ? cover : *need;
	}
	return optimise_plan_raise_pool(plan, p, want);
}

/* After a round with every line met but a deferrable stream missed: its
 * pool is raised where its items likeliest find every handler busy.
 * Returns SEARCH_MET, or SEARCH_UNMET when a missed stream's pool is not
 * rostered or cannot be raised (err says which). */
static enum search_end roster_search_raise_streams(struct roster_search_x *x,
						   const struct summary *s,
						   bool uncertain,
						   struct sim_err *err)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n_deferrable; i++) {
		size_t p = x->base->deferrable[i].pool;

		if (!s->deferrable[i].has_goal || x->out->pools[p] != NULL
		    || !roster_search_missed(s->deferrable[i].verdict, uncertain))
			continue;
		sim_err_add(err, SIM_EINVAL, "deferrable %s misses its goal and "
			    "pool %s, which works it, is not rostered; add "
			    "--pool %s", x->base->deferrable[i].work.name,
			    x->base->pools[p].name, x->base->pools[p].name);
		return SEARCH_UNMET;
	}
	for (size_t p = 0; p < x->out->n_pools; p++)
		if (x->out->pools[p] != NULL)
			n += roster_search_raise_pool(x, s, p, uncertain);
	for (size_t i = 0; n == 0 && i < s->n_deferrable; i++)
		if (s->deferrable[i].has_goal
		    && roster_search_missed(s->deferrable[i].verdict, uncertain)) {
			sim_err_add(err, SIM_EINVAL, "deferrable %s misses its "
				    "goal and its pool cannot be raised further",
				    x->base->deferrable[i].work.name);
			return SEARCH_UNMET;
		}
	return SEARCH_MET;
}

/* After a round with an agreement missed: raises each missed line's pool,
 * or, every line met, the pools of the deferrable streams missed. With
 * uncertain, agreements only uncertain count as missed too. Returns
 * SEARCH_MET, or SEARCH_UNMET when a missed line or stream has no chosen
 * pool (err says which). */
static enum search_end roster_search_raise(void *arg, const struct summary *s,
					   bool uncertain, struct sim_err *err)
{
	struct roster_search_x *x = arg;
	const struct optimise_plan *plan = x->out->plan;
	bool lines = false;

	for (size_t l = 0; l < s->n_lines; l++) {
		long p = plan->primary[l];
		if (!s->lines[l].has_goal
		    || !roster_search_missed(s->lines[l].verdict, uncertain))
			continue;
		if (p < 0 || !plan->chosen[p]) {
			sim_err_add(err, SIM_EINVAL, "line %s misses its goal and "
				    "%s%s is not rostered%s%s",
				    x->base->lines[l].name,
				    p < 0 ? "no pool answers it" : "pool ",
				    p < 0 ? "" : x->base->pools[p].name,
				    p < 0 ? "" : "; add --pool ",
				    p < 0 ? "" : x->base->pools[p].name);
			return SEARCH_UNMET;
		}
		roster_search_raise_line(x, s, (size_t)l);
		lines = true;
	}
	/* Lines first: a stream is judged on the whole run, and the hours
	 * raised for a line may be what it lacked. */
	if (lines)
		return SEARCH_MET;
	return roster_search_raise_streams(x, s, uncertain, err);
}

/* The worst verdict of the lines and deferrable streams with a goal:
 * CI_MISSED over CI_UNCERTAIN over CI_MET. */
static enum ci_verdict roster_search_verdict(const struct summary *s)
{
	enum ci_verdict v = CI_MET;

	for (size_t l = 0; l < s->n_lines; l++)
		if (s->lines[l].has_goal && s->lines[l].verdict == CI_MISSED)
			return CI_MISSED;
		else if (s->lines[l].has_goal && s->lines[l].verdict != CI_MET)
			v = CI_UNCERTAIN;
	for (size_t i = 0; i < s->n_deferrable; i++)
		if (s->deferrable[i].has_goal
		    && s->deferrable[i].verdict == CI_MISSED)
			return CI_MISSED;
		else if (s->deferrable[i].has_goal
			 && s->deferrable[i].verdict != CI_MET)
			v = CI_UNCERTAIN;
	return v;
}

static const struct search_ops roster_search_ops = {
	.staffing = roster_search_staffing,
	.what = "roster",
};

/* Lowers by one the requirement of each hour of pool p whose service
 * level, in every goal line the pool answers first, is at least the
 * line's goal (an hour without calls, unmeasured, is not lowered): the
 * agreement is the average over the horizon, and the first roster met
 * has room above it.
 * Returns how many hours were lowered. */
static size_t roster_search_lower(void *arg, size_t p, int level)
{
	const struct roster_search_x *x = arg;
	const struct summary *s = x->out->round.s;
	struct optimise_plan *plan = x->out->plan;
	size_t n = 0;

	/* A rota puts the same cover on every day of its cycle, set by its
	 * busiest hour: lowering only the hours above the goal would never
	 * lower that one, so a rota's requirement is lowered in every hour
	 * and the simulation judges the horizon's agreement. */
	bool rota = x->out->pools[p]->pattern != NULL;

	(void)level;   /* one step: a pool whose trim misses is done */

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		int *need = &plan->on_duty[p * HOURS_PER_WEEK + h];
		bool spare = *need > 0;

		for (size_t l = 0; spare && !rota && l < s->n_lines; l++) {
			double sl = summary_iline(s, h, l, CC_I_SERVICE_LEVEL)->mean;

			if (s->lines[l].has_goal && plan->primary[l] == (long)p
			    && !(sl >= x->base->lines[l].goal))
				spare = false;   /* below the goal, or unmeasured */
		}
		if (spare)
			(*need)--, n++;
	}
	return n;
}

/* Paid hours a week of the last solve, over the chosen pools. */
static double roster_search_paid(const void *arg)
{
	const struct roster_search *o = ((const struct roster_search_x *)arg)->out;
	double hours = 0;

	for (size_t p = 0; p < o->n_pools; p++)
		hours += o->pools[p] ? o->pools[p]->hours : 0;
	return hours;
}

/* Whether pool p is rostered. */
static bool roster_search_trimmed(const void *arg, size_t p)
{
	return ((const struct roster_search_x *)arg)->out->pools[p] != NULL;
}

/* A pool's level: 0 while it may be trimmed, 1 once done. */
static const struct roster_round_ops roster_search_rounds = {
	.solve = roster_search_solve, .verdict = roster_search_verdict,
	.raise = roster_search_raise, .paid = roster_search_paid,
	.trimmed = roster_search_trimmed, .lower = roster_search_lower,
	.levels = 0, .none = "no roster met every agreement",
};

/* The plans of the chosen pools. */
static enum search_end roster_search_pools(const struct scenario *base,
					   const struct roster_search_spec *rs,
					   struct roster_search *o,
					   struct sim_err *err)
{
	/* The requirement is planned without the cap, so the hours above it
	 * say by how much they fall short; the cap goes on the cover. */
	int uncapped = rs->max_staff > ROSTER_IP_NEED_MAX / 8
		? ROSTER_IP_NEED_MAX / 2 : 4 * rs->max_staff + 100;

	o->n_pools = base->n_pools;
	o->pools = mem_calloc(base->n_pools + 1, sizeof *o->pools);
	if (o->pools == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory");
		return SEARCH_FAILED;
	}
	o->plan = optimise_plan_new(base, rs->chosen, uncapped, err);
	if (o->plan == NULL)
		return SEARCH_FAILED;
	for (size_t p = 0; p < base->n_pools; p++) {
		enum sim_status st = rs->chosen[p]
			? roster_plan_new(base, p, rs->shape, rs->max_staff,
					  &o->pools[p], err) : SIM_OK;

		if (st != SIM_OK)
			return st == SIM_ENOMEM ? SEARCH_FAILED : SEARCH_INVALID;
	}
	return SEARCH_MET;
}

enum search_end roster_search_run(const struct search_spec *spec,
				  const struct scenario *base,
				  const struct roster_search_spec *rs,
				  struct roster_search *out,
				  struct sim_err *err)
{
	struct roster_search_x x = { .base = base, .rs = rs, .out = out };
	struct search_spec sp = *spec;
	struct search s = { &sp, &roster_search_ops, &x, 0 };
	struct roster_round r = {
		&roster_search_rounds, &x, &s, &sp, NULL, &out->round, NULL,
		base->n_pools, rs->max_rounds, rs->max_replications,
		&out->replications, &out->cut, "", false, 0
	};
	enum search_end end = SEARCH_FAILED;

	*out = (struct roster_search){ .replications = base->run.replications };
	r.settings = roster_round_settings(spec, &sp, err);
	if (r.settings == NULL)
		return SEARCH_FAILED;
	end = roster_search_pools(base, rs, out, err);
	if (end == SEARCH_MET) {
		r.need = out->plan->on_duty;
		end = roster_round_run(&r, err);
	}
	out->sims = s.sims;
	free(r.settings);
	return end;
}
