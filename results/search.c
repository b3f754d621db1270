/* search.c: the optimiser's rounds and the loop that raises the staffing
 * (see search.h). */
#include "results/search.h"

#include <stdlib.h>
#include <string.h>

#include "results/experiment.h"
#include "sim/mem.h"

/* Grows r to hold one more edit; returns 0, or -1 when out of memory. */
static int search_round_grow(struct search_round *r)
{
	size_t cap = r->cap ? 2 * r->cap : 16;
	struct scenario_edit *edits;
	char **own;

	if (r->n_edits < r->cap)
		return 0;
	edits = mem_realloc(r->edits, cap * sizeof *edits);
	if (edits != NULL)
		r->edits = edits;
	own = mem_realloc(r->own, cap * sizeof *own);
	if (own != NULL)
		r->own = own;
	if (edits == NULL || own == NULL)
		return -1;
	r->cap = cap;
	return 0;
}

enum sim_status search_round_add(struct search_round *r,
				 const struct scenario_edit *edit,
				 struct sim_err *err)
{
	size_t klen = strcspn(edit->path, "=");
	size_t tlen = edit->text ? strlen(edit->text) + 1 : 0;
	struct scenario_edit e = *edit;
	char *copy;

	if (search_round_grow(r) != 0
	    || (copy = mem_malloc(klen + 1 + tlen)) == NULL)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	memcpy(copy, edit->path, klen);
	copy[klen] = '\0';
	e.path = copy;
	if (edit->text != NULL)
		e.text = memcpy(copy + klen + 1, edit->text, tlen);
	r->own[r->n_edits] = copy;
	r->edits[r->n_edits++] = e;
	return SIM_OK;
}

void search_round_clear(struct search_round *r)
{
	summary_free(r->s);
	scenario_free(r->sc);
	for (size_t i = 0; i < r->n_edits; i++)
		free(r->own[i]);
	free(r->own);
	free(r->edits);
	*r = (struct search_round){ 0 };
}

/* The edits of the round: the caller's, the staffing, the run settings. */
static enum sim_status search_edits(const struct search *s,
				    struct search_round *r, struct sim_err *err)
{
	const struct search_spec *spec = s->spec;
	enum sim_status st = SIM_OK;

	for (size_t i = 0; st == SIM_OK && i < spec->n_sets; i++)
		st = search_round_add(r, &spec->sets[i], err);
	if (st == SIM_OK)
		st = s->ops->staffing(s->x, r, err);
	for (size_t i = 0; st == SIM_OK && i < spec->n_settings; i++)
		st = search_round_add(r, &spec->settings[i], err);
	return st;
}

enum search_end search_simulate(struct search *s, struct search_round *r,
				struct sim_err *err)
{
	const struct search_spec *spec = s->spec;
	struct experiment_variant v = { .doc = spec->doc };
	enum sim_status st;

	search_round_clear(r);
	st = search_edits(s, r, err);
	if (st != SIM_OK)
		return SEARCH_FAILED;
	v.edits = r->edits;
	v.n_edits = r->n_edits;
	/* The first load warned about the scenario: a round does not again. */
	st = experiment_variant_build(&v, NULL, &r->sc, err);
	if (st != SIM_OK)
		return st == SIM_ENOMEM ? SEARCH_FAILED : SEARCH_INVALID;
	r->s = experiment_summarise(r->sc, &(struct experiment_spec){
			.threads = spec->threads,
			.on_replication = spec->on_replication,
			.arg = spec->arg }, err);
	if (r->s == NULL)
		return SEARCH_FAILED;
	r->sim = ++s->sims;
	if (spec->on_round != NULL)
		spec->on_round(spec->arg, s->sims, r->s);
	return SEARCH_MET;
}

/* SEARCH_MET when every agreement the search must meet (each line's
 * service level and each deferrable stream's share within target, or each
 * grade's attendance) was measured by at least two
 * replications; otherwise says which was not, and how to get enough calls
 * or incidents: no staffing can make a figure nobody measured "met". */
static enum search_end search_judged(const struct summary *s, bool grades,
				     struct sim_err *err)
{
	size_t n = grades ? s->n_grades : s->n_lines;

	for (size_t i = 0; i < n; i++) {
		bool goal = grades ? s->grades[i].has_goal : s->lines[i].has_goal;
		const struct ci *c = grades
			? &s->grades[i].m[RSP_WITHIN_TARGET]
			: &s->lines[i].m[CC_SERVICE_LEVEL];

		if (!goal || c->n >= 2)
			continue;
		sim_err_add(err, SIM_EINVAL, "%s %s: measured in %zu of %u "
			    "replications, too few to judge its agreement; give "
			    "more --days or --replications",
			    grades ? "grade" : "line",
			    grades ? s->sc->grades[i].name : s->sc->lines[i].name,
			    c->n, s->replications);
		return SEARCH_INVALID;
	}
	for (size_t i = 0; !grades && i < s->n_deferrable; i++) {
		const struct ci *c = &s->deferrable[i].m[DF_WITHIN_TARGET];

		if (!s->deferrable[i].has_goal || c->n >= 2)
			continue;
		sim_err_add(err, SIM_EINVAL, "deferrable %s: measured in %zu of "
			    "%u replications, too few to judge its agreement; "
			    "give more --days or --replications",
			    s->sc->deferrable[i].work.name, c->n,
			    s->replications);
		return SEARCH_INVALID;
	}
	return SEARCH_MET;
}

enum search_end search_raise(struct search *s, struct search_round *r,
			     struct sim_err *err)
{
	const struct search_ops *ops = s->ops;

	for (;;) {
		enum search_end end = search_simulate(s, r, err);

		if (end == SEARCH_MET)
			end = search_judged(r->s, ops->grades, err);
		if (end != SEARCH_MET || ops->verdicts(s->x, r->s))
			return end;
		if (ops->unreachable(s->x, err))
			return SEARCH_UNMET;
		if (s->sims >= s->spec->max_sims) {
			sim_err_add(err, SIM_ERUNTIME, "no %s found in %lu "
				    "simulation%s; give more --max-simulations",
				    ops->what, s->sims, s->sims == 1 ? "" : "s");
			return SEARCH_FAILED;
		}
		if (ops->raise(s->x, err) == 0)
			return SEARCH_UNMET;
	}
}
