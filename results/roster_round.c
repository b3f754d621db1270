/* roster_round.c: the rounds of a roster search (see roster_round.h). */
#include "results/roster_round.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/week.h"
#include "results/experiment.h"
#include "sim/mem.h"

struct scenario_edit *roster_round_settings(const struct search_spec *spec,
					    struct search_spec *sp,
					    struct sim_err *err)
{
	struct scenario_edit *settings = mem_calloc(spec->n_settings + 1,
						    sizeof *settings);

	if (settings == NULL) {
		sim_err_add(err, SIM_ENOMEM, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < spec->n_settings; i++)
		settings[i] = spec->settings[i];
	sp->settings = settings;
	return settings;
}

/* Simulates the rosters of the last solve until their verdicts are
 * settled: while a figure is only uncertain, again with twice the
 * replications (the edit appended to the settings, which have room for
 * it). Returns SEARCH_MET with *v the worst verdict (uncertain only when
 * the replications reached their cap), or how the simulation failed. */
static enum search_end roster_round_settle(struct roster_round *r,
					   enum ci_verdict *v,
					   struct sim_err *err)
{
	for (;;) {
		enum search_end end = search_simulate(r->s, r->round, err);

		if (end != SEARCH_MET)
			return end;
		*v = r->ops->verdict(r->round->s);
		if (*v != CI_UNCERTAIN
		    || 2 * *r->replications > r->max_replications)
			return SEARCH_MET;
		*r->replications *= 2;
		snprintf(r->reps, sizeof r->reps, "run.replications=%u",
			 *r->replications);
		/* Appended once, last, so it wins over --replications; later
		 * doublings rewrite its number in place. */
		if (!r->reps_added)
			r->settings[r->sp->n_settings++] =
				experiment_edit(r->reps, "--set");
		r->reps_added = true;
	}
}

/* The next part not done (past the last level) after r->turn with
 * rosters to trim; -1 when none. */
static long roster_round_turn(struct roster_round *r, const int *level)
{
	for (size_t i = 1; i <= r->n_parts; i++) {
		size_t p = (r->turn + i) % r->n_parts;

		if (level[p] <= r->ops->levels && r->ops->trimmed(r->x, p)) {
			r->turn = p;
			return (long)p;
		}
	}
	return -1;
}

/* One trimming step on the next part in turn: lowers its requirement and
 * solves until its rosters cost less, then simulates. Rosters keeping
 * every agreement become best (*kept); else the part goes a level up (a
 * smaller step, or done). The requirement is left at best. Returns
 * SEARCH_MET, SEARCH_UNMET when no part is left (or the rounds ran out),
 * or a failure. */
static enum search_end roster_round_trim_step(struct roster_round *r,
					      int *level, int *best,
					      bool *kept, struct sim_err *err)
{
	size_t n = r->n_parts * HOURS_PER_WEEK;
	double paid = r->ops->paid(r->x);
	enum search_end end = SEARCH_MET;
	long p = roster_round_turn(r, level);

	do {
		*r->cut = *r->cut || (p >= 0 && r->s->sims >= r->max_rounds);
		if (p < 0 || r->s->sims >= r->max_rounds
		    || r->ops->lower(r->x, (size_t)p, level[p]) == 0)
			end = SEARCH_UNMET;
		else
			end = r->ops->solve(r->x, err);
	} while (end == SEARCH_MET && r->ops->paid(r->x) >= paid);
	if (end == SEARCH_MET)
		end = search_simulate(r->s, r->round, err);
	if (end == SEARCH_MET) {
		*kept = r->ops->verdict(r->round->s) == CI_MET;
		if (*kept)
			memcpy(best, r->need, n * sizeof *best);
		else
			level[p]++;
	} else if (end == SEARCH_UNMET && p >= 0) {
		level[p] = r->ops->levels + 1;
		end = SEARCH_MET;   /* the other parts may still be lowered */
	}
	memcpy(r->need, best, n * sizeof *best);
	return p < 0 ? SEARCH_UNMET : end;
}

/* Once every agreement is met: trims while they stay met, then makes sure
 * the round kept is the last one met (solved and simulated again when
 * trimmed rosters missed after it). Returns SEARCH_MET or a failure. */
static enum search_end roster_round_trim(struct roster_round *r,
					 struct sim_err *err)
{
	size_t n = r->n_parts * HOURS_PER_WEEK;
	int *best = mem_malloc((n + 1) * sizeof *best);
	int *level = mem_calloc(r->n_parts + 1, sizeof *level);
	bool kept = true;
	enum search_end end = SEARCH_MET;

	if (best == NULL || level == NULL)
		end = SEARCH_FAILED, sim_err_add(err, SIM_ENOMEM, "out of memory");
	else
		memcpy(best, r->need, n * sizeof *best);
	while (end == SEARCH_MET)
		end = roster_round_trim_step(r, level, best, &kept, err);
	/* The requirement is at best; the rosters solved last, and the round
	 * simulated last, may be trimmed ones: solve best again, and
	 * simulate it again unless the last round was its own. */
	if (end == SEARCH_UNMET)
		end = r->ops->solve(r->x, err);
	if (end == SEARCH_MET && !kept)
		end = search_simulate(r->s, r->round, err);
	free(best);
	free(level);
	return end;
}

enum search_end roster_round_run(struct roster_round *r, struct sim_err *err)
{
	for (;;) {
		enum ci_verdict v = CI_MISSED;
		enum search_end end = r->ops->solve(r->x, err);

		if (end == SEARCH_MET)
			end = roster_round_settle(r, &v, err);
		if (end == SEARCH_MET && v == CI_MET)
			return roster_round_trim(r, err);
		if (end != SEARCH_MET)
			return end;
		if (r->s->sims >= r->max_rounds)
			break;
		end = r->ops->raise(r->x, r->round->s, v == CI_UNCERTAIN, err);
		if (end != SEARCH_MET)
			return end;
	}
	sim_err_add(err, SIM_ERUNTIME, "%s in %lu rounds (solve and simulate), "
		    "the most a search takes; give more --max-rounds",
		    r->ops->none, r->s->sims);
	return SEARCH_FAILED;
}
