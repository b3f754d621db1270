/* roster_units.c: solve, simulate, raise for response units (see
 * roster_units.h). */
#include "results/roster_units.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/demand.h"
#include "models/dist.h"
#include "models/roster_ip.h"
#include "models/week.h"
#include "results/experiment.h"
#include "results/roster_round.h"
#include "results/search_units.h"
#include "models/scenario_rota.h"
#include "sim/mem.h"

/* The state of a search. */
struct roster_units_x {
	const struct scenario *base;
	const struct roster_units_spec *us;
	struct roster_units *out;
};

void roster_units_clear(struct roster_units *r)
{
	for (size_t e = 0; r->plans != NULL && e < r->n_units; e++)
		roster_plan_free(r->plans[e]);
	free(r->plans);
	free(r->need);
	free(r->entry_need);
	optimise_units_free(r->u);
	search_round_clear(&r->round);
	*r = (struct roster_units){ 0 };
}

/* The verdict of one graded figure, unmeasured ones not judged. */
static enum ci_verdict roster_units_one(const struct summary_grade *g)
{
	if (!g->has_goal || summary_unmeasured(&g->m[RSP_WITHIN_TARGET]))
		return CI_MET;
	return g->verdict;
}

enum ci_verdict roster_units_verdict(const struct summary *s)
{
	enum ci_verdict v = CI_MET;

	for (size_t g = 0; g < s->n_grades; g++)
		for (size_t a = 0; a <= s->n_areas; a++) {
			enum ci_verdict w = roster_units_one(a == s->n_areas
				? &s->grades[g] : summary_area_grade(s, a, g));

			if (w == CI_MISSED)
				return CI_MISSED;
			if (w != CI_MET)
				v = CI_UNCERTAIN;
		}
	return v;
}

/* Mean units entry e of the scenario rosters over the week. */
static double roster_units_mean(const struct unit_spec *e)
{
	double sum = 0;

	for (size_t k = 0; k < e->n_shifts; k++)
		sum += e->shifts[k].staff * e->shifts[k].duration_s
		       * __builtin_popcount(e->shifts[k].days);
	return sum / WEEK_S;
}

/* Shares each area's need among its chosen entries, by their part of the
 * scenario's own units (evenly when they have none), rounding up. */
static void roster_units_split(struct roster_units *r, const struct scenario *sc)
{
	for (size_t a = 0; a < sc->n_areas; a++) {
		double all = 0;
		size_t k = 0;

		for (size_t e = 0; e < sc->n_units; e++)
			if (r->plans[e] != NULL && sc->units[e].area == a)
				all += roster_units_mean(&sc->units[e]), k++;
		for (size_t e = 0; e < sc->n_units; e++) {
			double part;

			if (r->plans[e] == NULL || sc->units[e].area != a)
				continue;
			part = all > 0 ? roster_units_mean(&sc->units[e]) / all
				       : 1.0 / (double)k;
			for (size_t h = 0; h < HOURS_PER_WEEK; h++)
				r->entry_need[e * HOURS_PER_WEEK + h] = (int)ceil(
					r->need[a * HOURS_PER_WEEK + h] * part - 1e-9);
		}
	}
}

/* The first guess: the M/M/c units each area needs on duty in each hour
 * for the first grade's attendance goal (optimise_units_needed), more
 * than can be rostered where even max_units cannot do it. */
static void roster_units_guess(struct roster_units *r, const struct scenario *sc,
			       int max_units)
{
	const struct grade_spec *top = &sc->grades[0];
	/* Planned without the cap, so the hours above it say by how much
	 * they fall short; the cap goes on the cover. */
	int uncapped = max_units > ROSTER_IP_NEED_MAX / 8
		? ROSTER_IP_NEED_MAX / 2 : 4 * max_units + 100;

	for (size_t a = 0; a < sc->n_areas; a++) {
		double slack = top->target_s - dist_mean(&top->travel)
			       * sc->areas[a].travel_factor
			       - (top->has_delay ? dist_mean(&top->delay) : 0);

		for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
			size_t i = a * HOURS_PER_WEEK + h;
			int n = optimise_units_needed(r->u->load[i], r->u->rate[i],
						      r->u->top_rate[i], slack,
						      top->goal, uncapped);

			r->need[i] = n < 0 ? uncapped : n;
		}
	}
}

/* The staffing of a round: each chosen entry's roster. */
static enum sim_status roster_units_staffing(void *arg, struct search_round *r,
					     struct sim_err *err)
{
	const struct roster_units_x *x = arg;
	enum sim_status st = SIM_OK;

	for (size_t e = 0; st == SIM_OK && e < x->out->n_units; e++) {
		struct scenario_edit edit;
		char *text;

		if (x->out->plans[e] == NULL)
			continue;
		text = roster_plan_override(x->out->plans[e]);
		edit = experiment_edit(text ? text : "", "--set");
		st = text != NULL ? search_round_add(r, &edit, err)
			: sim_err_add(err, SIM_ENOMEM, "out of memory");
		free(text);
	}
	return st;
}

static const struct search_ops roster_units_ops = {
	.staffing = roster_units_staffing,
	.grades = true,
	.what = "unit rosters",
};

/* Says how many hours of entry e's requirement the allowed shifts
 * cannot cover within max_units (--max-staff), and the worst, in err. */
static void roster_units_short(const struct roster_units *r, size_t e,
			       int max_units, struct sim_err *err)
{
	const struct roster_plan *rp = r->plans[e];
	int most[HOURS_PER_WEEK], need[HOURS_PER_WEEK];
	size_t hours = roster_plan_short_hours(rp, most, need), worst = 0;
	char label[SUMMARY_HOUR_LABEL_MAX], within[ROSTER_PLAN_WITHIN_MAX];

	/* Every week of a rota's cycle counts, as for a pool: the first
	 * hour of the week with the largest shortfall in any of them. */
	for (size_t h = 1; h < HOURS_PER_WEEK; h++)
		if (most[h] > most[worst])
			worst = h;
	summary_hour_label(worst, label);
	roster_plan_within(rp, max_units, within, sizeof within);
	sim_err_add(err, SIM_EINVAL, "%s: %zu hours of the week cannot be "
		    "covered; the worst, %s, needs %d units on duty (%d rostered) "
		    "and %s roster at most %d, short by %d", rp->who, hours,
		    label, r->entry_need[e * HOURS_PER_WEEK + worst],
		    need[worst], within, need[worst] - most[worst], most[worst]);
}

/* Solves every chosen entry's programme for the requirement. Returns
 * SEARCH_MET when every slot is covered, SEARCH_UNMET (the short hours
 * in err) or SEARCH_FAILED. */
static enum search_end roster_units_solve(void *arg, struct sim_err *err)
{
	const struct roster_units_x *x = arg;
	struct roster_units *o = x->out;
	enum search_end end = SEARCH_MET;

	o->solves++;
	roster_units_split(o, x->base);
	for (size_t e = 0; e < o->n_units; e++) {
		if (o->plans[e] == NULL)
			continue;
		if (roster_plan_solve(o->plans[e],
				      o->entry_need + e * HOURS_PER_WEEK,
				      x->us->shape->time_limit_s, err) != SIM_OK)
			return SEARCH_FAILED;
		if (!o->plans[e]->met) {
			roster_units_short(o, e, x->us->max_units, err);
			end = SEARCH_UNMET;
		}
	}
	return end;
}

/* Hour h's incident work per unit area a requires there. */
static double roster_units_busy(const struct roster_units *r, size_t a,
				size_t h)
{
	size_t i = a * HOURS_PER_WEEK + h;

	return r->u->load[i] / (r->need[i] > 0 ? r->need[i] : 0.5);
}

/* Moves area a's requirement by step (+1 or -1) in the quarter of the
 * week busiest (step > 0) or idlest (step < 0, among hours needing a
 * unit). Returns how many hours moved. */
static size_t roster_units_move(struct roster_units *r, size_t a, int step)
{
	double busy[HOURS_PER_WEEK], sorted[HOURS_PER_WEEK], cut;
	size_t n = 0, moved = 0;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		busy[h] = roster_units_busy(r, a, h);
		if (step > 0 || r->need[a * HOURS_PER_WEEK + h] > 0)
			sorted[n++] = step > 0 ? -busy[h] : busy[h];
	}
	if (n == 0)
		return 0;
	for (size_t i = 1; i < n; i++)     /* insertion sort: 168 at most */
		for (size_t j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) {
			double t = sorted[j];

			sorted[j] = sorted[j - 1], sorted[j - 1] = t;
		}
	cut = sorted[(n < ROSTER_UNITS_STEP_HOURS ? n : ROSTER_UNITS_STEP_HOURS) - 1];
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		int *need = &r->need[a * HOURS_PER_WEEK + h];

		if (step > 0 ? -busy[h] <= cut : *need > 0 && busy[h] <= cut)
			*need += step, moved++;
	}
	return moved;
}

/* Lowers area a's requirement at trimming level `level`: below
 * ROSTER_UNITS_LEVELS, every hour needing units by the level's fraction
 * of its need (an eighth, then a sixteenth, ...; one unit at least), so a
 * few simulations come near the area's least; at the last level, by one
 * unit in its idlest quarter of the week. Returns how many hours moved. */
static size_t roster_units_lower(void *arg, size_t a, int level)
{
	struct roster_units *r = ((struct roster_units_x *)arg)->out;
	size_t moved = 0;

	if (level >= ROSTER_UNITS_LEVELS)
		return roster_units_move(r, a, -1);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		int *need = &r->need[a * HOURS_PER_WEEK + h];
		int by = (int)(*need / (8.0 * (1 << level)));

		if (*need > 0)
			*need -= by > 1 ? by : 1, moved++;
	}
	return moved;
}

/* Whether area a has a chosen entry whose role attends grade g. */
static bool roster_units_attended(const struct roster_units *r,
				  const struct scenario *sc, size_t a, size_t g)
{
	for (size_t e = 0; e < sc->n_units; e++)
		if (r->plans[e] != NULL && sc->units[e].area == a
		    && (sc->roles[sc->units[e].role].attends & (1u << g)))
			return true;
	return false;
}

/* The area with the lowest figure for grade g among those whose chosen
 * entries attend it; -1 when none does. */
static long roster_units_worst(const struct roster_units *r,
			       const struct summary *s, size_t g)
{
	long worst = -1;
	double least = INFINITY;

	for (size_t a = 0; a < s->n_areas; a++) {
		double wt = summary_area_grade(s, a, g)->m[RSP_WITHIN_TARGET].mean;

		if (!roster_units_attended(r, s->sc, a, g))
			continue;
		if (worst < 0 || (!isnan(wt) && wt < least))
			worst = (long)a, least = isnan(wt) ? least : wt;
	}
	return worst;
}

/* Whether figure g falls short: missed, or (with uncertain) not met. */
static bool roster_units_falls(const struct summary_grade *g, bool uncertain)
{
	enum ci_verdict v = roster_units_one(g);

	return v == CI_MISSED || (uncertain && v != CI_MET);
}

/* Marks in up[] the areas to raise for grade g: each area whose figure
 * falls short, and for a force-wide shortfall the area with the lowest
 * figure. Returns false, saying which in err, when a shortfall has no
 * chosen entry attending it. */
static bool roster_units_mark(const struct roster_units *o,
			      const struct summary *s, size_t g, bool uncertain,
			      bool *up, struct sim_err *err)
{
	const struct scenario *sc = s->sc;

	if (roster_units_falls(&s->grades[g], uncertain)) {
		long w = roster_units_worst(o, s, g);

		if (w < 0) {
			sim_err_add(err, SIM_EINVAL, "grade %s misses its goal and "
				    "no role being rostered attends it; give "
				    "--role", sc->grades[g].name);
			return false;
		}
		up[w] = true;
	}
	for (size_t a = 0; a < s->n_areas; a++) {
		if (!roster_units_falls(summary_area_grade(s, a, g), uncertain))
			continue;
		if (!roster_units_attended(o, sc, a, g)) {
			sim_err_add(err, SIM_EINVAL, "area %s misses the goal of "
				    "grade %s and no units being rostered there "
				    "attend it", sc->areas[a].name,
				    sc->grades[g].name);
			return false;
		}
		up[a] = true;
	}
	return true;
}

/* After a round with an agreement missed: raises each area marked by
 * roster_units_mark. With uncertain, figures only uncertain count as
 * missed. Returns SEARCH_MET, SEARCH_UNMET when a miss cannot be helped,
 * or SEARCH_FAILED. */
static enum search_end roster_units_raise(void *arg, const struct summary *s,
					  bool uncertain, struct sim_err *err)
{
	struct roster_units_x *x = arg;
	bool *up = mem_calloc(s->n_areas + 1, sizeof *up);
	enum search_end end = SEARCH_MET;

	if (up == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory");
		return SEARCH_FAILED;
	}
	for (size_t g = 0; end == SEARCH_MET && g < s->n_grades; g++)
		if (!roster_units_mark(x->out, s, g, uncertain, up, err))
			end = SEARCH_UNMET;
	for (size_t a = 0; end == SEARCH_MET && a < s->n_areas; a++)
		if (up[a])
			roster_units_move(x->out, a, +1);
	free(up);
	return end;
}

/* Unit-hours a week of the last solve, over the chosen entries. */
static double roster_units_paid(const void *arg)
{
	const struct roster_units *o = ((const struct roster_units_x *)arg)->out;
	double hours = 0;

	for (size_t e = 0; e < o->n_units; e++)
		hours += o->plans[e] ? o->plans[e]->hours : 0;
	return hours;
}

/* Whether area a has a chosen entry to trim. */
static bool roster_units_trimmed(const void *arg, size_t a)
{
	const struct roster_units_x *x = arg;

	return roster_units_attended(x->out, x->base, a, 0);
}

/* An area's level: its step of lowering (roster_units_lower), done past
 * the last. */
static const struct roster_round_ops roster_units_rounds = {
	.solve = roster_units_solve, .verdict = roster_units_verdict,
	.raise = roster_units_raise, .paid = roster_units_paid,
	.trimmed = roster_units_trimmed, .lower = roster_units_lower,
	.levels = ROSTER_UNITS_LEVELS,
	.none = "no unit rosters met every attendance agreement",
};

/* The plans of the chosen entries: unit entry e is "units.E". */
static enum search_end roster_units_plans(const struct scenario *base,
					  const struct roster_units_spec *us,
					  struct roster_units *o,
					  struct sim_err *err)
{
	o->n_units = base->n_units;
	o->n_areas = base->n_areas;
	o->plans = mem_calloc(base->n_units + 1, sizeof *o->plans);
	o->need = mem_calloc(base->n_areas * HOURS_PER_WEEK + 1, sizeof *o->need);
	o->entry_need = mem_calloc(base->n_units * HOURS_PER_WEEK + 1,
				   sizeof *o->entry_need);
	if (!o->plans || !o->need || !o->entry_need) {
		sim_err_add(err, SIM_ENOMEM, "out of memory");
		return SEARCH_FAILED;
	}
	o->u = optimise_units_new(base, us->roles, us->max_units, err);
	if (o->u == NULL)
		return SEARCH_FAILED;
	for (size_t e = 0; e < base->n_units; e++) {
		const struct unit_spec *u = &base->units[e];
		struct roster_plan_own own = { "", "",
			u->rota ? u->rota->shifts : u->shifts,
			u->rota ? u->rota->n_shifts : u->n_shifts, u->shrinkage,
			u->rota, demand_weekday(base->run.start) };
		enum sim_status st;

		if (!o->u->chosen[e])
			continue;
		snprintf(own.who, sizeof own.who, "units.%zu (%s %s)", e,
			 base->areas[u->area].name, base->roles[u->role].name);
		snprintf(own.key, sizeof own.key, "units.%zu", e);
		st = roster_plan_new_own(&own, us->shape, us->max_units,
					 &o->plans[e], err);
		if (st != SIM_OK)
			return st == SIM_ENOMEM ? SEARCH_FAILED : SEARCH_INVALID;
	}
	roster_units_guess(o, base, us->max_units);
	return SEARCH_MET;
}

enum search_end roster_units_run(const struct search_spec *spec,
				 const struct scenario *base,
				 const struct roster_units_spec *us,
				 struct roster_units *out, struct sim_err *err)
{
	struct roster_units_x x = { .base = base, .us = us, .out = out };
	struct search_spec sp = *spec;
	struct search s = { &sp, &roster_units_ops, &x, 0 };
	struct roster_round r = {
		&roster_units_rounds, &x, &s, &sp, NULL, &out->round, NULL,
		base->n_areas, us->max_rounds, us->max_replications,
		&out->replications, &out->cut, "", false, 0
	};
	enum search_end end = SEARCH_INVALID;

	*out = (struct roster_units){ .replications = base->run.replications };
	if (search_units_usable(base, spec->path, us->roles, err) != SIM_OK)
		return SEARCH_INVALID;
	r.settings = roster_round_settings(spec, &sp, err);
	if (r.settings == NULL)
		return SEARCH_FAILED;
	end = roster_units_plans(base, us, out, err);
	if (end == SEARCH_MET) {
		r.need = out->need;
		end = roster_round_run(&r, err);
	}
	out->sims = s.sims;
	free(r.settings);
	return end;
}
