/* report_optimise_units.c: the response units `callsim optimise --units`
 * found, as a table, CSV or JSON (see report_optimise_units.h). */
#include "results/report_optimise_units.h"

#include <inttypes.h>
#include <math.h>

#include "models/agreement.h"
#include "results/emit.h"
#include "results/report_optimise.h"
#include "results/uncertain.h"

/* Officers' and all staff's FTE and annual cost of a scenario's rosters. */
struct report_optimise_units_cost {
	double officers_fte, officers_cost, fte, cost;
};

static struct report_optimise_units_cost
report_optimise_units_cost_of(const struct scenario *sc)
{
	struct report_optimise_units_cost c = { 0 };

	for (size_t e = 0; e < sc->n_units; e++) {
		c.officers_fte += scenario_unit_fte(sc, &sc->units[e]);
		c.officers_cost += scenario_unit_cost(sc, &sc->units[e]);
	}
	c.fte = c.officers_fte;
	c.cost = c.officers_cost;
	for (size_t p = 0; p < sc->n_pools; p++) {
		c.fte += scenario_pool_fte(&sc->pools[p]);
		c.cost += scenario_pool_cost(&sc->pools[p]);
	}
	return c;
}

/* Whether f failed; fills err when it did. */
static enum sim_status report_optimise_units_end(FILE *f, struct sim_err *err)
{
	if (fflush(f) != 0 || ferror(f))
		return sim_err_add(err, SIM_EIO, "writing the output failed");
	return SIM_OK;
}

/* "91.11% [86.91, 95.30]" with the given decimals, or "-" when nothing
 * was measured. */
static void report_optimise_units_pct(char *buf, size_t size,
				      const struct ci *c, int decimals)
{
	if (isfinite(c->mean))
		snprintf(buf, size, "%.*f%% [%.*f, %.*f]", decimals, 100 * c->mean,
			 decimals, 100 * c->lo, decimals, 100 * c->hi);
	else
		snprintf(buf, size, "-");
}

static void report_optimise_units_table_grades(FILE *f,
		const struct report_optimise_units *x)
{
	const struct summary *s = x->s;
	const struct scenario *sc = s->sc;

	fprintf(f, "%s: response units for every attendance agreement\n",
		sc->name);
	report_optimise_count(f, x->sims, x->result_sim, s);
	fprintf(f, "%-16s %-16s %-28s %s\n", "grade", "goal", "within target",
		"verdict");
	for (size_t g = 0; g < s->n_grades; g++) {
		char goal[48] = "-", wt[64];

		if (s->grades[g].has_goal)
			snprintf(goal, sizeof goal, "%.4g%% in %.4g s",
				 100 * sc->grades[g].goal, sc->grades[g].target_s);
		report_optimise_units_pct(wt, sizeof wt,
					  &s->grades[g].m[RSP_WITHIN_TARGET], 2);
		fprintf(f, "%-16s %-16s %-28s %s\n", sc->grades[g].name, goal, wt,
			s->grades[g].has_goal
			? ci_verdict_name(s->grades[g].verdict) : "-");
		if (s->grades[g].has_goal
		    && s->grades[g].verdict == CI_UNCERTAIN)
			uncertain_write(f, "                 ",
					&s->grades[g].m[RSP_WITHIN_TARGET],
					sc->grades[g].goal);
	}
}

/* The shifts of the optimised entries: units now and in the scenario. */
static void report_optimise_units_table_units(FILE *f,
		const struct report_optimise_units *x)
{
	const struct scenario *sc = x->s->sc;

	fprintf(f, "\n%-16s %-14s %-12s %7s %9s %9s\n", "area", "role", "shift",
		"units", "scenario", "officers");
	for (size_t e = 0; e < sc->n_units; e++) {
		const struct unit_spec *us = &sc->units[e];

		for (size_t k = 0; x->chosen[e] && k < us->n_shifts; k++)
			fprintf(f, "%-16s %-14s %-12s %7d %9d %9d\n",
				sc->areas[us->area].name, sc->roles[us->role].name,
				us->shifts[k].name, us->shifts[k].staff,
				x->base->units[e].shifts[k].staff,
				us->shifts[k].staff * us->crew);
	}
}

/* Each area's within target for the grades with a goal. */
static void report_optimise_units_table_areas(FILE *f,
		const struct report_optimise_units *x)
{
	const struct summary *s = x->s;

	fprintf(f, "\n%-16s", "area");
	for (size_t g = 0; g < s->n_grades; g++)
		if (s->grades[g].has_goal)
			fprintf(f, " %28.28s", s->sc->grades[g].name);
	fputc('\n', f);
	for (size_t a = 0; a < s->n_areas; a++) {
		fprintf(f, "%-16s", s->sc->areas[a].name);
		for (size_t g = 0; g < s->n_grades; g++) {
			char wt[64];

			if (!s->grades[g].has_goal)
				continue;
			report_optimise_units_pct(wt, sizeof wt,
				&summary_area_grade(s, a, g)->m[RSP_WITHIN_TARGET], 1);
			fprintf(f, " %28s", wt);
		}
		fputc('\n', f);
	}
}

/* One row of the costs table; money as people read it (models/currency.h),
 * with a sign on the change. */
static void report_optimise_units_cost_row(FILE *f, enum currency_code cur,
					   const char *name, double fte,
					   double cost, int change)
{
	char money[CURRENCY_TEXT_MAX];

	currency_format(money, cur, cost, change);
	fprintf(f, change ? "%-24s %+10.1f %*s\n" : "%-24s %10.1f %*s\n", name,
		fte, currency_field(money, 14), money);
}

static void report_optimise_units_table_costs(FILE *f,
		const struct report_optimise_units *x)
{
	struct report_optimise_units_cost
		was = report_optimise_units_cost_of(x->base),
		now = report_optimise_units_cost_of(x->s->sc);
	enum currency_code cur = x->base->currency;

	fprintf(f, "\n%-24s %10s %14s\n", "cost", "FTE", "annual cost");
	report_optimise_units_cost_row(f, cur, "officers, scenario",
				       was.officers_fte, was.officers_cost, 0);
	report_optimise_units_cost_row(f, cur, "officers, result",
				       now.officers_fte, now.officers_cost, 0);
	report_optimise_units_cost_row(f, cur, "change",
				       now.officers_fte - was.officers_fte,
				       now.officers_cost - was.officers_cost, 1);
	report_optimise_units_cost_row(f, cur, "all staff, scenario", was.fte,
				       was.cost, 0);
	report_optimise_units_cost_row(f, cur, "all staff, result", now.fte,
				       now.cost, 0);
}

enum sim_status report_optimise_units_table(FILE *f,
					    const struct report_optimise_units *x,
					    struct sim_err *err)
{
	report_optimise_units_table_grades(f, x);
	report_optimise_units_table_units(f, x);
	report_optimise_units_table_areas(f, x);
	report_optimise_units_table_costs(f, x);
	return report_optimise_units_end(f, err);
}

/* Each grade's goal, figure and verdict, then each area's figure of each
 * grade, named "AREA/GRADE". */
static void report_optimise_units_csv_grades(FILE *f, const struct summary *s)
{
	char name[2 * RESPONSE_NAME_MAX + 2];
	const struct summary_grade *sg;

	for (size_t g = 0; g < s->n_grades; g++) {
		const char *grade = s->sc->grades[g].name;

		emit_csv_key(f, "grade", grade, "goal");
		emit_csv_exact(f, s->sc->grades[g].goal);
		emit_csv_key(f, "grade", grade, "attended_within_target");
		emit_csv_ci(f, &s->grades[g].m[RSP_WITHIN_TARGET]);
		emit_csv_key(f, "grade", grade, "met");
		emit_csv_exact(f, !s->grades[g].has_goal
			       || s->grades[g].verdict == CI_MET);
	}
	for (size_t a = 0; a < s->n_areas; a++)
		for (size_t g = 0; g < s->n_grades; g++) {
			snprintf(name, sizeof name, "%s/%s", s->sc->areas[a].name,
				 s->sc->grades[g].name);
			sg = summary_area_grade(s, a, g);
			emit_csv_key(f, "area", name, "attended_within_target");
			emit_csv_ci(f, &sg->m[RSP_WITHIN_TARGET]);
		}
}

/* Every shift of every entry, named by its --set key path. */
static void report_optimise_units_csv_units(FILE *f,
		const struct report_optimise_units *x)
{
	const struct scenario *sc = x->s->sc;
	char key[SHIFT_NAME_MAX + 48];

	for (size_t e = 0; e < sc->n_units; e++) {
		const struct unit_spec *us = &sc->units[e];

		for (size_t k = 0; k < us->n_shifts; k++) {
			snprintf(key, sizeof key, "units.%zu.shifts.%s", e,
				 us->shifts[k].name);
			emit_csv_key(f, "units", key, "units");
			emit_csv_exact(f, us->shifts[k].staff);
			emit_csv_key(f, "units", key, "scenario_units");
			emit_csv_exact(f, x->base->units[e].shifts[k].staff);
			emit_csv_key(f, "units", key, "officers");
			emit_csv_exact(f, us->shifts[k].staff * us->crew);
			emit_csv_key(f, "units", key, "optimised");
			emit_csv_exact(f, x->chosen[e]);
		}
	}
}

static void report_optimise_units_csv_cost(FILE *f, const char *name,
					   const struct scenario *sc)
{
	struct report_optimise_units_cost c = report_optimise_units_cost_of(sc);

	emit_csv_key(f, "cost", name, "officers_fte");
	emit_csv_exact(f, c.officers_fte);
	emit_csv_key(f, "cost", name, "officers_annual_cost");
	emit_csv_exact(f, c.officers_cost);
	emit_csv_key(f, "cost", name, "fte");
	emit_csv_exact(f, c.fte);
	emit_csv_key(f, "cost", name, "annual_cost");
	emit_csv_exact(f, c.cost);
}

enum sim_status report_optimise_units_csv(FILE *f,
					  const struct report_optimise_units *x,
					  struct sim_err *err)
{
	const struct summary *s = x->s;

	fputs("section,name,metric,mean,ci_low,ci_high\n", f);
	emit_csv_key(f, "optimise", s->sc->name, "simulations");
	emit_csv_exact(f, (double)x->sims);
	emit_csv_key(f, "optimise", s->sc->name, "result_simulation");
	emit_csv_exact(f, (double)x->result_sim);
	emit_csv_key(f, "optimise", s->sc->name, "replications");
	emit_csv_exact(f, s->replications);
	report_optimise_units_csv_grades(f, s);
	report_optimise_units_csv_units(f, x);
	report_optimise_units_csv_cost(f, "scenario", x->base);
	report_optimise_units_csv_cost(f, "result", s->sc);
	return report_optimise_units_end(f, err);
}

/* A grade's name, figure and verdict (null without a goal), as members of
 * an object the caller opens and closes. */
static void report_optimise_units_json_grade(struct emit_json *w,
					     const struct scenario *sc, size_t g,
					     const struct summary_grade *sg)
{
	emit_json_key_string(w, "name", sc->grades[g].name);
	emit_json_key_ci(w, "attended_within_target", &sg->m[RSP_WITHIN_TARGET]);
	emit_json_key_string_or_null(w, "verdict", sg->has_goal
				     ? ci_verdict_name(sg->verdict) : NULL);
}

/* "grades": force-wide, with goals; "areas": each area's grades. */
static void report_optimise_units_json_grades(struct emit_json *w,
					      const struct summary *s)
{
	emit_json_key(w, "grades");
	emit_json_open(w, '[');
	for (size_t g = 0; g < s->n_grades; g++) {
		emit_json_next(w);
		emit_json_open_flat(w, '{');
		report_optimise_units_json_grade(w, s->sc, g, &s->grades[g]);
		emit_json_key_number(w, "target_s", s->sc->grades[g].target_s);
		emit_json_key_number(w, "goal", s->sc->grades[g].goal);
		if (s->sc->grades[g].per != AGREEMENT_HORIZON) {
			emit_json_key_string(w, "per",
					     agreement_word(s->sc->grades[g].per));
			emit_json_key_number(w, "on_at_least",
					     s->sc->grades[g].on_at_least);
			emit_json_key_figure(w, "periods_met",
					     &s->grades[g].periods_met,
					     FIGURE_GOAL_SHARE);
		}
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_key(w, "areas");
	emit_json_open(w, '[');
	for (size_t a = 0; a < s->n_areas; a++) {
		emit_json_next(w);
		emit_json_open_flat(w, '{');
		emit_json_key_string(w, "name", s->sc->areas[a].name);
		emit_json_key(w, "grades");
		emit_json_open(w, '[');
		for (size_t g = 0; g < s->n_grades; g++) {
			emit_json_next(w);
			emit_json_open(w, '{');
			report_optimise_units_json_grade(w, s->sc, g,
				summary_area_grade(s, a, g));
			emit_json_close(w, '}');
		}
		emit_json_close(w, ']');
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
}

/* One entry on one line: its area, role, crew and every shift's units. */
static void report_optimise_units_json_entry(struct emit_json *w,
		const struct report_optimise_units *x, size_t e)
{
	const struct scenario *sc = x->s->sc;
	const struct unit_spec *us = &sc->units[e];

	emit_json_next(w);
	emit_json_open_flat(w, '{');
	emit_json_key_number(w, "index", (double)e);
	emit_json_key_string(w, "area", sc->areas[us->area].name);
	emit_json_key_string(w, "role", sc->roles[us->role].name);
	emit_json_key_number(w, "crew", us->crew);
	emit_json_key_bool(w, "optimised", x->chosen[e]);
	emit_json_key(w, "shifts");
	emit_json_open(w, '[');
	for (size_t k = 0; k < us->n_shifts; k++) {
		emit_json_next(w);
		emit_json_open(w, '{');
		emit_json_key_string(w, "name", us->shifts[k].name);
		emit_json_key_number(w, "units", us->shifts[k].staff);
		emit_json_key_number(w, "scenario_units",
				     x->base->units[e].shifts[k].staff);
		emit_json_key_number(w, "officers", us->shifts[k].staff * us->crew);
		emit_json_close(w, '}');
	}
	emit_json_close(w, ']');
	emit_json_close(w, '}');
}

static void report_optimise_units_json_cost(struct emit_json *w,
					    const char *name,
					    const struct scenario *sc)
{
	struct report_optimise_units_cost c = report_optimise_units_cost_of(sc);

	emit_json_key(w, name);
	emit_json_open(w, '{');
	emit_json_key_number(w, "officers_fte", c.officers_fte);
	emit_json_key_number(w, "officers_annual_cost", c.officers_cost);
	emit_json_key_number(w, "fte", c.fte);
	emit_json_key_number(w, "annual_cost", c.cost);
	emit_json_close(w, '}');
}

/* One object, stable keys; "set" holds every override of the round shown
 * (--set, the units of every optimised shift, the run settings). */
enum sim_status report_optimise_units_json(FILE *f,
					   const struct report_optimise_units *x,
					   struct sim_err *err)
{
	struct emit_json w = { .f = f };

	emit_json_open(&w, '{');
	report_optimise_json_provenance(&w, REPORT_OPTIMISE_UNITS_SCHEMA, x->s,
					x->command, x->n_command);
	emit_json_key_string(&w, "optimised", "units");
	emit_json_key_number(&w, "simulations", (double)x->sims);
	emit_json_key_number(&w, "result_simulation", (double)x->result_sim);
	emit_json_key_bool(&w, "met", x->met);
	report_optimise_units_json_grades(&w, x->s);
	emit_json_key(&w, "units");
	emit_json_open(&w, '[');
	for (size_t e = 0; e < x->s->sc->n_units; e++)
		report_optimise_units_json_entry(&w, x, e);
	emit_json_close(&w, ']');
	emit_json_key(&w, "costs");
	emit_json_open_flat(&w, '{');
	report_optimise_units_json_cost(&w, "scenario", x->base);
	report_optimise_units_json_cost(&w, "result", x->s->sc);
	emit_json_close(&w, '}');
	emit_json_key_strings(&w, "set", x->set, x->n_set);
	emit_json_close(&w, '}');
	fputc('\n', f);
	return report_optimise_units_end(f, err);
}
