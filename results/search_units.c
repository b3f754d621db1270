/* search_units.c: the optimiser's search for response units (see
 * search_units.h). */
#include "results/search_units.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/mem.h"

/* The state of a search: the plan, and the figures of the round last
 * read. */
struct search_units_x {
	const struct scenario *base;
	struct optimise_units *u;
	bool *met;                 /* [n_grades] force-wide verdict met */
	double *area_wt;           /* [n_areas][n_grades] within target */
	int max_units;
};

enum sim_status search_units_usable(const struct scenario *sc,
				    const char *path, const bool *roles,
				    struct sim_err *err)
{
	bool graded = false, chosen = false;

	if (sc->n_grades == 0)
		return sim_err_add(err, SIM_EINVAL, "--units: %s has no incident "
				   "response (grades, areas, roles, units)", path);
	for (size_t g = 0; g < sc->n_grades; g++)
		graded |= !isnan(sc->grades[g].target_s)
			  && !isnan(sc->grades[g].goal);
	for (size_t e = 0; e < sc->n_units; e++)
		chosen |= roles[sc->units[e].role]
			  && !sc->roles[sc->units[e].role].neighbourhood;
	if (!graded)
		return sim_err_add(err, SIM_EINVAL, "--units: no grade of %s has "
				   "an attendance goal (attend: {within_s, goal})",
				   path);
	if (!chosen)
		return sim_err_add(err, SIM_EINVAL, "--units: %s has no units of "
				   "the roles to optimise", path);
	return SIM_OK;
}

/* The staffing of a round: the staff of every shift of every chosen
 * entry. */
static enum sim_status search_units_staffing(void *arg, struct search_round *r,
					     struct sim_err *err)
{
	const struct search_units_x *x = arg;
	enum sim_status st = SIM_OK;

	for (size_t e = 0; e < x->u->n_units; e++)
		for (size_t k = 0; st == SIM_OK && x->u->chosen[e]
		     && k < x->base->units[e].n_shifts; k++) {
			struct scenario_edit edit = {
				.path = optimise_units_path(x->base, e, k),
				.number = x->u->staff[x->u->first[e] + k],
				.origin = "--set",
			};

			st = edit.path != NULL ? search_round_add(r, &edit, err)
				: sim_err_add(err, SIM_ENOMEM, "out of memory");
			free((char *)edit.path);
		}
	return st;
}

/* Reads a round's verdicts into x->met and area figures into x->area_wt;
 * returns whether every grade with a goal is met. */
static bool search_units_verdicts(void *arg, const struct summary *s)
{
	struct search_units_x *x = arg;
	bool all = true;

	for (size_t g = 0; g < s->n_grades; g++) {
		x->met[g] = !s->grades[g].has_goal
			    || s->grades[g].verdict == CI_MET;
		all = all && x->met[g];
		for (size_t a = 0; a < s->n_areas; a++)
			x->area_wt[a * s->n_grades + g] =
				summary_area_grade(s, a, g)->m[RSP_WITHIN_TARGET].mean;
	}
	return all;
}

/* Whether a grade that misses its goal has no chosen units attending it,
 * so that raising cannot help; says which. */
static bool search_units_unreachable(const void *arg, struct sim_err *err)
{
	const struct search_units_x *x = arg;
	const struct scenario *sc = x->base;

	for (size_t g = 0; g < sc->n_grades; g++) {
		bool attended = false;

		for (size_t e = 0; e < sc->n_units; e++)
			attended |= x->u->chosen[e]
				    && (sc->roles[sc->units[e].role].attends
					& (1u << g));
		if (x->met[g] || attended)
			continue;
		sim_err_add(err, SIM_EINVAL, "grade %s misses its goal and no role "
			    "being optimised attends it; give --role",
			    sc->grades[g].name);
		return true;
	}
	return false;
}

static size_t search_units_raise(void *arg, struct sim_err *err)
{
	struct search_units_x *x = arg;
	size_t n = optimise_units_raise(x->u, x->base, x->met, x->area_wt);

	if (n == 0)
		sim_err_add(err, SIM_EINVAL, "no units with at most %d on a shift "
			    "(--max-units) meet every attendance agreement",
			    x->max_units);
	return n;
}

static const struct search_ops search_units_ops = {
	.staffing = search_units_staffing,
	.verdicts = search_units_verdicts,
	.unreachable = search_units_unreachable,
	.raise = search_units_raise,
	.grades = true,
	.what = "units",
};

/* Units the chosen entries of area a roster on their shifts, summed. */
static int search_units_in_area(const struct search_units_x *x, size_t a)
{
	int n = 0;

	for (size_t e = 0; e < x->base->n_units; e++)
		for (size_t i = x->u->first[e]; x->u->chosen[e]
		     && x->base->units[e].area == a && i < x->u->first[e + 1]; i++)
			n += x->u->staff[i];
	return n;
}

/* Takes up to step[a] units off the area optimise_units_lower picks (the
 * one with most to spare among those not done), one at a time so each goes
 * where it is least missed; returns the area, or -1 when none is left. */
static long search_units_take_off(struct search_units_x *x, const bool *done,
				  bool *only, const int *step)
{
	long a = optimise_units_lower(x->u, x->base, x->area_wt, done);

	if (a < 0)
		return -1;
	/* Every other area closed, so the further units come off this one. */
	for (size_t b = 0; b < x->base->n_areas; b++)
		only[b] = b != (size_t)a;
	for (int k = 1; k < step[a]
	     && optimise_units_lower(x->u, x->base, x->area_wt, only) >= 0; k++)
		;
	return a;
}

/* What trimming works with: per area whether it is done, the closed mask
 * for search_units_take_off, its step, and the staff before a step. */
struct search_units_trim {
	bool *done, *only;         /* [n_areas] each */
	int *step;                 /* [n_areas] */
	int *saved;                /* [n shifts] */
};

/* One trimming round: takes a step of units off, keeps the round in best
 * when every agreement stays met, else puts them back and halves the
 * area's step (at a step of one the area is done). Returns the area
 * stepped (-1: none left, so trimming is over) in *area. */
static enum search_end search_units_step(struct search *s,
					 struct search_units_trim *t,
					 struct search_round *best,
					 struct search_round *trial, long *area,
					 struct sim_err *err)
{
	struct search_units_x *x = s->x;
	size_t n = x->u->first[x->u->n_units];
	enum search_end end;
	long a;

	memcpy(t->saved, x->u->staff, n * sizeof *t->saved);
	*area = a = search_units_take_off(x, t->done, t->only, t->step);
	if (a < 0)
		return SEARCH_MET;
	end = search_simulate(s, trial, err);
	if (end == SEARCH_MET && search_units_verdicts(x, trial->s)) {
		struct search_round kept = *best;

		*best = *trial;
		*trial = kept;
	} else if (end == SEARCH_MET) {
		memcpy(x->u->staff, t->saved, n * sizeof *t->saved);
		t->done[a] = t->step[a] == 1;
		t->step[a] /= 2;
		search_units_verdicts(x, best->s);
	}
	return end;
}

/* Takes units off while every agreement stays met (search_units_step),
 * until no area has any to spare or the simulations run out (then *cut).
 * best holds the last round that met them all. */
static enum search_end search_units_trim(struct search *s,
					 struct search_round *best, bool *cut,
					 struct sim_err *err)
{
	struct search_units_x *x = s->x;
	size_t n = x->u->first[x->u->n_units], n_areas = x->base->n_areas;
	bool *done = mem_calloc(2 * n_areas + 1, sizeof *done);
	int *saved = mem_malloc((n + n_areas + 1) * sizeof *saved);
	struct search_round trial = { 0 };
	enum search_end end = SEARCH_MET;
	long a = 0;

	if (done != NULL && saved != NULL) {
		struct search_units_trim t = { done, done + n_areas, saved + n,
					       saved };

		/* A first step of an eighth of the area's units: a few
		 * simulations find the area's least where one unit at a time
		 * takes hundreds. */
		for (size_t b = 0; b < n_areas; b++)
			t.step[b] = search_units_in_area(x, b) / 8 > 1
				    ? search_units_in_area(x, b) / 8 : 1;
		while (end == SEARCH_MET && a >= 0
		       && s->sims < s->spec->max_sims)
			end = search_units_step(s, &t, best, &trial, &a, err);
	} else {
		sim_err_add(err, SIM_ENOMEM, "out of memory");
		end = SEARCH_FAILED;
	}
	*cut = end == SEARCH_MET && a >= 0;
	search_round_clear(&trial);
	free(done);
	free(saved);
	return end;
}

enum search_end search_units_run(const struct search_spec *spec,
				 const struct scenario *base,
				 const struct search_units_spec *us,
				 struct search_units *out, struct sim_err *err)
{
	struct search_units_x x = { .base = base, .max_units = us->max_units };
	struct search s = { spec, &search_units_ops, &x, 0 };
	enum search_end end = SEARCH_FAILED;

	*out = (struct search_units){ 0 };
	if (search_units_usable(base, spec->path, us->roles, err) != SIM_OK)
		return SEARCH_INVALID;
	x.met = mem_calloc(base->n_grades + 1, sizeof *x.met);
	x.area_wt = mem_calloc(base->n_areas * base->n_grades + 1,
			       sizeof *x.area_wt);
	if (x.met == NULL || x.area_wt == NULL)
		sim_err_add(err, SIM_ENOMEM, "out of memory");
	else
		x.u = optimise_units_new(base, us->roles, us->max_units, err);
	if (x.u != NULL && !us->start_scenario)
		optimise_units_estimate(x.u, base);
	if (x.u != NULL)
		end = search_raise(&s, &out->best, err);
	if (end == SEARCH_MET)
		end = search_units_trim(&s, &out->best, &out->cut, err);
	out->u = x.u;
	out->sims = s.sims;
	free(x.met);
	free(x.area_wt);
	return end;
}

void search_units_clear(struct search_units *u)
{
	optimise_units_free(u->u);
	search_round_clear(&u->best);
	*u = (struct search_units){ 0 };
}
