/* cmd_optimise_units.c: `callsim optimise --units` (see
 * cmd_optimise_units.h and models/optimise.h).
 *
 * A first guess (the M/M/c estimate, or the scenario's own units with
 * --start scenario), then units added where a graded agreement falls short
 * until every one is met, then units taken off while every agreement stays
 * met; the round printed is always the last one that met them all. */
#include "cli/cmd_optimise_units.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/optimise.h"
#include "results/report_optimise_units.h"
#include "sim/mem.h"

/* The search for units: the plan, the figures of the round last read, and
 * the simulations run. */
struct units_search {
	const struct cmd_optimise_opts *o;
	const struct scenario *base;
	struct optimise_units *u;
	bool *met;                 /* [n_grades] force-wide verdict met */
	double *area_wt;           /* [n_areas][n_grades] within target */
	unsigned long sims;
};

/* The roles whose units change: --role names, else the default. Returns
 * CLI_EXIT_OK, or CLI_EXIT_USAGE for an unknown or neighbourhood role. */
static int units_roles(const struct cmd_optimise_opts *o,
		       const struct scenario *sc, bool *roles)
{
	if (o->roles.n == 0) {
		optimise_units_roles(sc, roles);
		return CLI_EXIT_OK;
	}
	for (size_t i = 0; i < o->roles.n; i++) {
		size_t r = 0;

		while (r < sc->n_roles && strcmp(sc->roles[r].name,
						 o->roles.items[i]) != 0)
			r++;
		if (r == sc->n_roles)
			return cli_usage_error("optimise", "--role %s: no such role "
					       "in %s", o->roles.items[i], o->path);
		if (sc->roles[r].neighbourhood)
			return cli_usage_error("optimise", "--role %s: a "
					       "neighbourhood role attends only when "
					       "abstracted and is never optimised",
					       o->roles.items[i]);
		roles[r] = true;
	}
	return CLI_EXIT_OK;
}

/* Whether the scenario gives --units something to do; says why not. */
static int units_usable(const struct cmd_optimise_opts *o,
			const struct scenario *sc, const bool *roles)
{
	bool graded = false, chosen = false;

	if (sc->n_grades == 0)
		return cli_usage_error("optimise", "--units: %s has no incident "
				       "response (grades, areas, roles, units)",
				       o->path);
	for (size_t g = 0; g < sc->n_grades; g++)
		graded |= !isnan(sc->grades[g].target_s)
			  && !isnan(sc->grades[g].goal);
	for (size_t e = 0; e < sc->n_units; e++)
		chosen |= roles[sc->units[e].role]
			  && !sc->roles[sc->units[e].role].neighbourhood;
	if (!graded)
		return cli_usage_error("optimise", "--units: no grade of %s has an "
				       "attendance goal (attend: {within_s, goal})",
				       o->path);
	if (!chosen)
		return cli_usage_error("optimise", "--units: %s has no units of "
				       "the roles to optimise", o->path);
	return CLI_EXIT_OK;
}

/* The overrides of one round: --set, the staff of every shift of every
 * chosen entry, then the run settings. */
static int units_overrides(const struct units_search *x,
			   struct cli_strings *l)
{
	int bad = cmd_optimise_round_add_sets(x->o, l);

	for (size_t e = 0; e < x->u->n_units; e++)
		for (size_t k = 0; x->u->chosen[e]
		     && k < x->base->units[e].n_shifts; k++) {
			char *set = optimise_units_override(x->base, x->u, e, k);

			if (set == NULL) {
				fputs("callsim optimise: out of memory\n", stderr);
				return -1;
			}
			bad |= cli_strings_add(l, set, NULL);
			free(set);
		}
	return bad | cmd_optimise_round_add_settings(x->o, l);
}

/* Reads a round's verdicts into x->met and area figures into x->area_wt;
 * returns whether every grade with a goal is met. */
static bool units_verdicts(struct units_search *x, const struct summary *s)
{
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

/* One progress line: each graded grade's figure and verdict, and the
 * officers' FTE. */
static void units_progress(const struct units_search *x,
			   const struct summary *s)
{
	if (x->o->quiet)
		return;
	fprintf(stderr, "callsim optimise: simulation %lu:", x->sims);
	for (size_t g = 0; g < s->n_grades; g++)
		if (s->grades[g].has_goal)
			fprintf(stderr, " %s %.2f%% [%.2f, %.2f] %s;",
				s->sc->grades[g].name,
				100 * s->grades[g].m[RSP_WITHIN_TARGET].mean,
				100 * s->grades[g].m[RSP_WITHIN_TARGET].lo,
				100 * s->grades[g].m[RSP_WITHIN_TARGET].hi,
				ci_verdict_name(s->grades[g].verdict));
	fprintf(stderr, " officers %.1f FTE\n", s->roles_fte);
}

/* Simulates the plan into r. */
static int units_simulate(struct units_search *x, struct cmd_optimise_round *r)
{
	int rc;

	cmd_optimise_round_clear(r);
	if (units_overrides(x, &r->overrides) != 0)
		return CLI_EXIT_FAILURE;
	rc = cmd_optimise_round_simulate(x->o, r);
	if (rc == CLI_EXIT_OK) {
		x->sims++;
		units_progress(x, r->s);
	}
	return rc;
}

/* Whether a grade that misses its goal has no chosen units attending it,
 * so that raising cannot help; says which. */
static bool units_unreachable(const struct units_search *x)
{
	const struct scenario *sc = x->base;

	for (size_t g = 0; g < sc->n_grades; g++) {
		bool attended = false;

		for (size_t e = 0; e < sc->n_units; e++)
			attended |= x->u->chosen[e]
				    && (sc->roles[sc->units[e].role].attends
					& (1u << g));
		if (x->met[g] || attended)
			continue;
		fprintf(stderr, "callsim optimise: grade %s misses its goal and no "
			"role being optimised attends it; give --role\n",
			sc->grades[g].name);
		return true;
	}
	return false;
}

/* Simulates and adds units until every graded agreement is met; returns
 * the exit code, r the last round. */
static int units_raise_all(struct units_search *x, struct cmd_optimise_round *r)
{
	for (;;) {
		int rc = units_simulate(x, r);

		if (rc == CLI_EXIT_OK)
			rc = cmd_optimise_round_judged(r->s, true);
		if (rc != CLI_EXIT_OK || units_verdicts(x, r->s))
			return rc;
		if (units_unreachable(x))
			return CLI_EXIT_SLA;
		if (x->sims >= x->o->max_sims) {
			fprintf(stderr, "callsim optimise: no units found in %lu "
				"simulations; give more --max-simulations\n", x->sims);
			return CLI_EXIT_FAILURE;
		}
		if (optimise_units_raise(x->u, x->base, x->met, x->area_wt) == 0) {
			fprintf(stderr, "callsim optimise: no units with at most %lu "
				"on a shift (--max-units) meet every attendance "
				"agreement\n", x->o->max_units);
			return CLI_EXIT_SLA;
		}
	}
}

/* Says why trimming ended, when it is not because it was done. This is a
 * warning about the result, not progress, so --quiet keeps it. */
static void units_trim_end(const struct units_search *x, int rc, long a,
			   bool allocated)
{
	if (!allocated)
		fputs("callsim optimise: out of memory\n", stderr);
	else if (rc == CLI_EXIT_OK && a >= 0)
		fprintf(stderr, "callsim optimise: stopped taking units off after "
			"%lu simulations (--max-simulations); the result meets "
			"every agreement but may not be the least\n", x->sims);
}

/* Units the chosen entries of area a roster on their shifts, summed. */
static int units_in_area(const struct units_search *x, size_t a)
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
static long units_take_off(struct units_search *x, const bool *done,
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

/* Takes units off while every agreement stays met: an area whose step
 * breaks one gets its units back and half the step; at a step of one it is
 * done. best holds the last round that met them all; returns the exit
 * code. */
static int units_trim(struct units_search *x, struct cmd_optimise_round *best,
		      struct cmd_optimise_round *trial)
{
	size_t n = x->u->first[x->u->n_units], n_areas = x->base->n_areas;
	bool *done = mem_calloc(2 * n_areas + 1, sizeof *done);
	int *saved = mem_malloc((n + n_areas + 1) * sizeof *saved), *step;
	int rc = done && saved ? CLI_EXIT_OK : CLI_EXIT_FAILURE;
	long a = 0;

	step = saved + n;
	/* A first step of an eighth of the area's units: a few simulations
	 * find the area's least where one unit at a time takes hundreds. */
	for (size_t b = 0; rc == CLI_EXIT_OK && b < n_areas; b++)
		step[b] = units_in_area(x, b) / 8 > 1 ? units_in_area(x, b) / 8 : 1;
	while (rc == CLI_EXIT_OK && x->sims < x->o->max_sims) {
		memcpy(saved, x->u->staff, n * sizeof *saved);
		if ((a = units_take_off(x, done, done + n_areas, step)) < 0)
			break;
		rc = units_simulate(x, trial);
		if (rc == CLI_EXIT_OK && units_verdicts(x, trial->s)) {
			struct cmd_optimise_round kept = *best;

			*best = *trial;
			*trial = kept;
		} else if (rc == CLI_EXIT_OK) {
			memcpy(x->u->staff, saved, n * sizeof *saved);
			done[a] = step[a] == 1;
			step[a] /= 2;
			units_verdicts(x, best->s);
		}
	}
	units_trim_end(x, rc, a, done && saved);
	free(done);
	free(saved);
	return rc;
}

/* Writes the round r in the chosen format; returns the exit code. */
static int units_print(const struct units_search *x,
		       const struct cmd_optimise_round *r, bool met)
{
	struct report_optimise_units res = {
		.base = x->base, .s = r->s, .chosen = x->u->chosen,
		.sims = x->sims, .set = cmd_optimise_round_overrides(r),
		.n_set = r->overrides.n, .met = met,
	};
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	if (x->o->format == OPT_CSV_FMT)
		st = report_optimise_units_csv(stdout, &res, &err);
	else if (x->o->format == OPT_JSON_FMT)
		st = report_optimise_units_json(stdout, &res, &err);
	else
		st = report_optimise_units_table(stdout, &res, &err);
	if (st == SIM_OK)
		return CLI_EXIT_OK;
	cli_print_err("optimise", &err);
	return CLI_EXIT_FAILURE;
}

/* Raises, then trims; returns the exit code, best the round to print. */
static int units_search_run(struct units_search *x,
			    struct cmd_optimise_round *best)
{
	struct cmd_optimise_round trial = { 0 };
	int rc = units_raise_all(x, best);

	if (rc == CLI_EXIT_OK)
		rc = units_trim(x, best, &trial);
	cmd_optimise_round_clear(&trial);
	return rc;
}

/* Plans, searches and prints the units (see cmd_optimise_units.h). */
int cmd_optimise_units(const struct cmd_optimise_opts *o,
		       const struct scenario *base)
{
	bool *roles = mem_calloc(base->n_roles + 1, sizeof *roles);
	struct units_search x = { .o = o, .base = base };
	struct cmd_optimise_round best = { 0 };
	struct sim_err err;
	int rc = roles ? units_roles(o, base, roles) : CLI_EXIT_FAILURE;

	sim_err_clear(&err);
	x.met = mem_calloc(base->n_grades + 1, sizeof *x.met);
	x.area_wt = mem_calloc(base->n_areas * base->n_grades + 1, sizeof *x.area_wt);
	if (x.met == NULL || x.area_wt == NULL)
		rc = CLI_EXIT_FAILURE;
	if (rc == CLI_EXIT_OK)
		rc = units_usable(o, base, roles);
	if (rc == CLI_EXIT_OK
	    && (x.u = optimise_units_new(base, roles, (int)o->max_units, &err)) == NULL) {
		cli_print_err("optimise", &err);
		rc = CLI_EXIT_FAILURE;
	}
	if (rc == CLI_EXIT_OK && !o->start_scenario)
		optimise_units_estimate(x.u, base);
	if (rc == CLI_EXIT_OK)
		rc = units_search_run(&x, &best);
	if (best.s != NULL && (rc == CLI_EXIT_OK || rc == CLI_EXIT_SLA)) {
		int prc = units_print(&x, &best, rc == CLI_EXIT_OK);

		rc = rc == CLI_EXIT_OK ? prc : rc;
	}
	cmd_optimise_round_clear(&best);
	optimise_units_free(x.u);
	free(x.met);
	free(x.area_wt);
	free(roles);
	return rc;
}

