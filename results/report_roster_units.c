/* report_roster_units.c: the unit rosters `callsim roster --units` found
 * (see report_roster_units.h). */
#include "results/report_roster_units.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "models/week.h"
#include "results/emit.h"
#include "results/report_roster.h"

void report_roster_units_cost(const struct report_roster_units *x,
			      const struct summary *s, double *fte,
			      double *annual_cost)
{
	const struct scenario *sc = x->base;
	bool lp = s == NULL;   /* NULL: the LP bound */

	*fte = *annual_cost = 0;
	/* Units rostered on a pattern count their officers in post, as a rota
	 * in the scenario does. */
	for (size_t e = 0; s == x->r->round.s && e < x->r->n_units; e++)
		if (x->r->plans[e] != NULL && x->r->plans[e]->pattern != NULL)
			s = NULL, lp = false;
	for (size_t r = 0; s != NULL && r < s->n_roles; r++)
		if (x->roles[r] && !sc->roles[r].neighbourhood) {
			*fte += s->roles[r].fte;
			*annual_cost += s->roles[r].annual_cost;
		}
	for (size_t e = 0; s == NULL && e < x->r->n_units; e++) {
		const struct roster_plan *p = x->r->plans[e];
		const struct role_spec *role = &sc->roles[sc->units[e].role];
		double f;

		if (p == NULL)
			continue;
		f = roster_plan_fte(p, role->hours_per_week, lp)
		    * sc->units[e].crew;
		*fte += f;
		*annual_cost += f * role->cost_per_fte;
	}
}

static enum sim_status report_roster_units_end(FILE *f, struct sim_err *err)
{
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the output failed");
	return SIM_OK;
}

/* One row of the grades table: grade g force-wide (a == n_areas) or in
 * area a. */
static void report_roster_units_grade(FILE *f, const struct summary *s,
				      size_t a, size_t g)
{
	const struct summary_grade *sg = a == s->n_areas ? &s->grades[g]
					 : summary_area_grade(s, a, g);
	const struct ci *c = &sg->m[RSP_WITHIN_TARGET];
	char fig[64] = "-";

	if (!summary_unmeasured(c))
		snprintf(fig, sizeof fig, "%.2f%% [%.2f, %.2f]", 100 * c->mean,
			 100 * c->lo, 100 * c->hi);
	fprintf(f, "%-16s %-14s %-28s %s\n",
		a == s->n_areas ? "force" : s->sc->areas[a].name,
		s->sc->grades[g].name, fig, summary_unmeasured(c) ? "-"
		: ci_verdict_name(sg->verdict));
}

static void report_roster_units_head(FILE *f, const struct report_roster_units *x)
{
	const struct summary *s = x->r->round.s;

	fprintf(f, "%s: least-cost unit rosters for every attendance agreement, "
		"per area\n", s->sc->name);
	report_roster_counts(f, x->r->solves, x->r->sims, s);
	fprintf(f, "rules checked: %s\n\n",
		report_roster_rules(x->r->plans, x->r->n_units));
	fprintf(f, "%-16s %-14s %-28s %s\n", "area", "grade",
		"attended within target", "verdict");
	for (size_t g = 0; g < s->n_grades; g++)
		for (size_t a = 0; s->grades[g].has_goal && a <= s->n_areas; a++)
			report_roster_units_grade(f, s, a == 0 ? s->n_areas : a - 1,
						  g);
}

static void report_roster_units_entries(FILE *f,
					const struct report_roster_units *x)
{
	const struct scenario *sc = x->base;

	for (size_t e = 0; e < x->r->n_units; e++) {
		const struct roster_plan *p = x->r->plans[e];
		const struct role_spec *role = &sc->roles[sc->units[e].role];
		double fte = p ? roster_plan_fte(p, role->hours_per_week, false)
				 * sc->units[e].crew : 0;

		if (p == NULL)
			continue;
		fprintf(f, "\n%s: %.0f unit-hours a week, crew %d, %.2f FTE, "
			"annual cost %.0f", p->who, p->hours, sc->units[e].crew,
			fte, fte * role->cost_per_fte);
		roster_plan_limit_note(f, p);
		fputc('\n', f);
		report_roster_plan_rows(f, p);
	}
}

static void report_roster_units_refs(FILE *f, const struct report_roster_units *x)
{
	double fte, cost;

	fprintf(f, "\n%-34s %10s %14s %s\n", "rostered roles", "FTE",
		"annual cost", "every agreement");
	report_roster_units_cost(x, x->r->round.s, &fte, &cost);
	fprintf(f, "%-34s %10.2f %14.0f %s\n", "these rosters", fte, cost, "met");
	report_roster_units_cost(x, NULL, &fte, &cost);
	fprintf(f, "%-34s %10.2f %14.0f %s\n", "LP bound (these shifts, "
		"fractional)", fte, cost, "-");
	if (x->today == NULL)
		return;
	report_roster_units_cost(x, x->today, &fte, &cost);
	fprintf(f, "%-34s %10.2f %14.0f %s\n", "the scenario's unit rosters",
		fte, cost, roster_units_verdict(x->today) == CI_MET ? "met"
		: roster_units_verdict(x->today) == CI_MISSED ? "missed"
		: "uncertain");
}

static void report_roster_units_text(FILE *f, const struct report_roster_units *x)
{
	fputs("\ncallsim run overrides (the last simulation; units.N is the "
	      "N-th entry of the scenario's units, from 0):\n", f);
	for (size_t i = 0; i < x->n_set; i++) {
		fputs("  --set ", f);
		report_roster_shell(f, x->set[i]);
		fputc('\n', f);
	}
}

enum sim_status report_roster_units_table(FILE *f,
					  const struct report_roster_units *x,
					  struct sim_err *err)
{
	report_roster_units_head(f, x);
	report_roster_units_entries(f, x);
	report_roster_units_refs(f, x);
	report_roster_units_text(f, x);
	return report_roster_units_end(f, err);
}

/* "grades": each graded grade force-wide and per area. */
static void report_roster_units_json_grades(struct emit_json *w,
					    const struct summary *s)
{
	emit_json_key(w, "grades");
	emit_json_open(w, '[');
	for (size_t g = 0; g < s->n_grades; g++)
		for (size_t a = 0; s->grades[g].has_goal && a <= s->n_areas; a++) {
			const struct summary_grade *sg = a == 0 ? &s->grades[g]
				: summary_area_grade(s, a - 1, g);
			bool measured = !summary_unmeasured(&sg->m[RSP_WITHIN_TARGET]);

			emit_json_next(w);
			emit_json_open_flat(w, '{');
			emit_json_key_string_or_null(w, "area", a == 0 ? NULL
						     : s->sc->areas[a - 1].name);
			emit_json_key_string(w, "grade", s->sc->grades[g].name);
			emit_json_key_number(w, "goal", s->sc->grades[g].goal);
			emit_json_key_ci(w, "attended_within_target",
					 &sg->m[RSP_WITHIN_TARGET]);
			emit_json_key_string_or_null(w, "verdict", measured
				? ci_verdict_name(sg->verdict) : NULL);
			emit_json_close(w, '}');
		}
	emit_json_close(w, ']');
}

/* One rostered entry: its key, area, role, hours, FTE, shifts, cover. */
static void report_roster_units_json_entry(struct emit_json *w,
					   const struct report_roster_units *x,
					   size_t e)
{
	const struct scenario *sc = x->base;
	const struct roster_plan *p = x->r->plans[e];
	const struct role_spec *role = &sc->roles[sc->units[e].role];
	double fte = roster_plan_fte(p, role->hours_per_week, false)
		     * sc->units[e].crew;

	emit_json_next(w);
	emit_json_open(w, '{');
	emit_json_key_string(w, "key", p->key);
	emit_json_key_string(w, "area", sc->areas[sc->units[e].area].name);
	emit_json_key_string(w, "role", role->name);
	emit_json_key_number(w, "crew", sc->units[e].crew);
	emit_json_key_number(w, "unit_hours", p->hours);
	emit_json_key_number(w, "lp_bound_unit_hours", p->lp_hours);
	emit_json_key_number(w, "fte", fte);
	emit_json_key_number(w, "annual_cost", fte * role->cost_per_fte);
	emit_json_key_bool(w, "optimal", p->optimal);
	emit_json_key(w, "shifts");
	emit_json_open(w, '[');
	for (size_t i = 0; p->pattern == NULL && i < p->n_shifts; i++)
		if (p->shifts[i].staff > 0)
			report_roster_json_shift(w, &p->shifts[i]);
	emit_json_close(w, ']');
	report_roster_json_rota(w, p);
	emit_json_key(w, "hours");
	emit_json_open(w, '[');
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		emit_json_next(w);
		emit_json_open_flat(w, '{');
		emit_json_key_number(w, "hour", (double)h);
		emit_json_key_number(w, "on_duty", roster_plan_on_duty(p, h));
		emit_json_key_number(w, "requirement",
				     x->r->entry_need[e * HOURS_PER_WEEK + h]);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

/* "references": the LP bound and the scenario's own unit rosters. */
static void report_roster_units_json_refs(struct emit_json *w,
					  const struct report_roster_units *x)
{
	double fte, cost;

	emit_json_key(w, "references");
	emit_json_open(w, '[');
	for (int i = 0; i < 2; i++) {
		const struct summary *s = i ? x->today : NULL;

		if (i == 1 && s == NULL)
			break;
		report_roster_units_cost(x, s, &fte, &cost);
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "name", i ? "scenario" : "lp_bound");
		emit_json_key_number(w, "fte", fte);
		emit_json_key_number(w, "annual_cost", cost);
		if (s != NULL) {
			emit_json_key_bool(w, "met", roster_units_verdict(s) == CI_MET);
			report_roster_units_json_grades(w, s);
		}
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

enum sim_status report_roster_units_json(FILE *f,
					 const struct report_roster_units *x,
					 struct sim_err *err)
{
	const struct summary *s = x->r->round.s;
	struct emit_json w = { .f = f };
	double fte, cost;

	report_roster_units_cost(x, s, &fte, &cost);
	emit_json_open(&w, '{');
	report_roster_json_head(&w, x->base, x->command, x->n_command);
	emit_json_key_bool(&w, "units", true);
	emit_json_key_string(&w, "scenario", s->sc->name);
	emit_json_key(&w, "seed");
	fprintf(f, "%" PRIu64, s->seed);
	emit_json_key_number(&w, "replications", s->replications);
	emit_json_key_number(&w, "solves", (double)x->r->solves);
	emit_json_key_number(&w, "simulations", (double)x->r->sims);
	emit_json_key_bool(&w, "met", roster_units_verdict(s) == CI_MET);
	emit_json_key_string(&w, "rules_checked",
			     report_roster_rules(x->r->plans, x->r->n_units));
	emit_json_key_number(&w, "fte", fte);
	emit_json_key_number(&w, "annual_cost", cost);
	report_roster_units_json_grades(&w, s);
	emit_json_key(&w, "entries");
	emit_json_open(&w, '[');
	for (size_t e = 0; e < x->r->n_units; e++)
		if (x->r->plans[e] != NULL)
			report_roster_units_json_entry(&w, x, e);
	emit_json_close(&w, ']');
	report_roster_units_json_refs(&w, x);
	emit_json_key_strings(&w, "set", x->set, x->n_set);
	emit_json_close(&w, '}');
	fputc('\n', f);
	return report_roster_units_end(f, err);
}
