/* roster_round.h: the rounds both searches of `callsim roster` take, for
 * the handlers' pools (results/roster_search.h) and for response units
 * (results/roster_units.h). Solve and simulate, again with twice the
 * replications while a verdict is only uncertain (up to
 * max_replications); after a miss raise and solve again; once every
 * agreement is met, trim the parts (pools, areas) in turn while they stay
 * met, keeping the last rosters met. What a part is, and how the
 * requirement is raised, lowered and costed, the caller's ops say.
 *
 * Nothing prints; progress goes to the search spec's on_round. */
#ifndef RESULTS_ROSTER_ROUND_H
#define RESULTS_ROSTER_ROUND_H

#include <stdbool.h>
#include <stddef.h>

#include "models/scenario.h"
#include "results/search.h"
#include "results/summary.h"
#include "sim/ci.h"
#include "sim/sim_err.h"

struct roster_round_ops {
	/* Solves the requirement into rosters. */
	enum search_end (*solve)(void *x, struct sim_err *err);
	/* The worst verdict of a simulated round. */
	enum ci_verdict (*verdict)(const struct summary *s);
	/* After a round missed (with uncertain, uncertain counts as missed):
	 * raises the requirement; SEARCH_UNMET when a miss cannot be
	 * helped. */
	enum search_end (*raise)(void *x, const struct summary *s,
				 bool uncertain, struct sim_err *err);
	/* Paid hours a week of the last solve. */
	double (*paid)(const void *x);
	/* Whether part has rosters to trim at all. */
	bool (*trimmed)(const void *x, size_t part);
	/* Lowers part's requirement by a step of its level (0 the first);
	 * returns how many hours were lowered. */
	size_t (*lower)(void *x, size_t part, int level);
	int levels;         /* a part whose trimmed rosters miss goes a level
			       up, and is done past this one */
	const char *none;   /* "no roster met every agreement" */
};

/* A search in progress: the caller fills all but the last three. */
struct roster_round {
	const struct roster_round_ops *ops;
	void *x;                         /* the caller's state, for ops */
	struct search *s;
	struct search_spec *sp;
	struct scenario_edit *settings;  /* sp's, with room for one more */
	struct search_round *round;      /* the round last simulated */
	int *need;                       /* [n_parts * HOURS_PER_WEEK] */
	size_t n_parts;
	unsigned max_rounds, max_replications;
	unsigned *replications;          /* of the last round */
	bool *cut;                       /* trimming stopped at max_rounds */
	char reps[48];                   /* "run.replications=N" when raised */
	bool reps_added;
	size_t turn;                     /* the part trimmed last */
};

/* A copy of spec's settings with room for one more, set as sp's (sp a
 * copy of spec); NULL (err says) when out of memory. Free it after the
 * search. */
struct scenario_edit *roster_round_settings(const struct search_spec *spec,
					    struct search_spec *sp,
					    struct sim_err *err);
/* Solves, settles, raises until every agreement is met, then trims.
 * Returns SEARCH_MET, SEARCH_UNMET when a miss cannot be helped, or a
 * failure (SEARCH_FAILED when the rounds run out). */
enum search_end roster_round_run(struct roster_round *r, struct sim_err *err);

#endif
