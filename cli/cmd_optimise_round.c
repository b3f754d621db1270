/* cmd_optimise_round.c: one round of `callsim optimise` (see
 * cmd_optimise_round.h). */
#include "cli/cmd_optimise_round.h"

#include <stdio.h>
#include <stdlib.h>

#include "results/experiment.h"
#include "sim/replicate.h"

int cmd_optimise_round_add_sets(const struct cmd_optimise_opts *o,
				struct cli_strings *l)
{
	int bad = 0;

	for (size_t i = 0; i < o->sets.n; i++)
		bad |= cli_strings_add(l, o->sets.items[i], NULL);
	return bad;
}

int cmd_optimise_round_add_settings(const struct cmd_optimise_opts *o,
				    struct cli_strings *l)
{
	int bad = 0;

	if (o->replications != NULL)
		bad |= cli_strings_add(l, "run.replications", o->replications);
	if (o->seed != NULL)
		bad |= cli_strings_add(l, "run.seed", o->seed);
	if (o->days != NULL)
		bad |= cli_strings_add(l, "run.days", o->days);
	return bad;
}

void cmd_optimise_round_clear(struct cmd_optimise_round *r)
{
	summary_free(r->s);
	scenario_free(r->sc);
	cli_strings_clear(&r->overrides);
	*r = (struct cmd_optimise_round){ 0 };
}

/* Runs the replications of r->sc and summarises them, folding each in as
 * it finishes (experiment_summarise). */
static int cmd_optimise_round_run(struct cmd_optimise_round *r,
				  unsigned threads)
{
	struct sim_err err;

	sim_err_clear(&err);
	if ((r->s = experiment_summarise(r->sc, threads, &err)) == NULL) {
		cli_print_err("optimise", &err);
		return CLI_EXIT_FAILURE;
	}
	return CLI_EXIT_OK;
}

int cmd_optimise_round_simulate(const struct cmd_optimise_opts *o,
				struct cmd_optimise_round *r)
{
	int rc = cli_reload_scenario("optimise", o->path, &r->overrides,
				     &r->sc);

	if (rc != CLI_EXIT_OK)
		return rc;
	return cmd_optimise_round_run(r, o->threads ? o->threads
					 : replicate_default_threads());
}

const char *const *
cmd_optimise_round_overrides(const struct cmd_optimise_round *r)
{
	return (const char *const *)r->overrides.items;
}

int cmd_optimise_round_judged(const struct summary *s, bool grades)
{
	size_t n = grades ? s->n_grades : s->n_lines;

	for (size_t i = 0; i < n; i++) {
		bool goal = grades ? s->grades[i].has_goal : s->lines[i].has_goal;
		const struct ci *c = grades
			? &s->grades[i].m[RSP_WITHIN_TARGET]
			: &s->lines[i].m[CC_SERVICE_LEVEL];

		if (!goal || c->n >= 2)
			continue;
		fprintf(stderr, "callsim optimise: %s %s: measured in %zu of %u "
			"replications, too few to judge its agreement; give more "
			"--days or --replications\n", grades ? "grade" : "line",
			grades ? s->sc->grades[i].name : s->sc->lines[i].name,
			c->n, s->replications);
		return CLI_EXIT_USAGE;
	}
	return CLI_EXIT_OK;
}
