/* search.h: what the optimiser's two searches share (search_hours.h for
 * call handlers, search_units.h for response units): a round — the
 * scenario with the staffing being tried, its replications run and
 * summarised through the experiment path (results/experiment.h) — and the
 * loop that simulates and raises the staffing until every agreement is
 * met, a missed agreement cannot be helped, the staffing reaches its
 * limits or the simulations run out.
 *
 * A round is built in memory from the scenario document read once
 * (results/experiment.h), with typed edits: in order, the caller's edits
 * (--set), the staffing being tried, then the run settings, so the list,
 * spelt as --set spells it (experiment_edits_text), reproduces the round
 * through `callsim run --set`. A round owns its edits, scenario and
 * summary; a search is driven by one thread, its replications run on
 * spec->threads.
 *
 * Nothing here prints: progress goes to the caller's on_round, problems
 * are returned in a struct sim_err. */
#ifndef RESULTS_SEARCH_H
#define RESULTS_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "models/scenario.h"
#include "results/summary.h"
#include "sim/sim_err.h"

/* How a search ended. */
enum search_end {
	SEARCH_MET,        /* every agreement met by the round kept */
	SEARCH_UNMET,      /* no staffing within the limits meets every
			      agreement, or raising cannot help one missed:
			      err says which; the last round is kept */
	SEARCH_INVALID,    /* a round's scenario is invalid, or an agreement
			      was measured too seldom to be judged: err */
	SEARCH_FAILED      /* a run failed, memory ran out, or the
			      simulations ran out: err */
};

/* What a search runs: the scenario and its edits, and its limits. */
struct search_spec {
	const struct scenario_doc *doc;    /* the scenario, read once */
	const char *path;                  /* its file, for messages */
	const struct scenario_edit *sets;  /* edits before the staffing */
	size_t n_sets;
	const struct scenario_edit *settings;  /* edits after it (run.*) */
	size_t n_settings;
	unsigned threads;                  /* 0: one a core */
	unsigned long max_sims;            /* give up after this many */
	/* Called after each round simulated (sims counts it), or NULL. */
	void (*on_round)(void *arg, unsigned long sims, const struct summary *s);
	/* Called by the worker that finished a replication of a round, from
	 * any thread, or NULL; thread-safe. */
	void (*on_replication)(void *arg);
	void *arg;                         /* of both */
};

/* One round: the edits it was built with, its scenario and summary. */
struct search_round {
	struct scenario_edit *edits;       /* their path and text in own[] */
	char **own;                        /* owned */
	size_t n_edits, cap;
	struct scenario *sc;
	struct summary *s;
	unsigned long sim;                 /* its number in the search (1 the
					      first), 0 until it ran */
};

/* Appends a copy of edit (its path, up to any '=', and text) to r's
 * edits. Returns SIM_OK, or SIM_ENOMEM with err filled. */
enum sim_status search_round_add(struct search_round *r,
				 const struct scenario_edit *edit,
				 struct sim_err *err);
/* Frees what r holds and empties it; an empty round is a no-op. */
void search_round_clear(struct search_round *r);

/* What one search plugs into the loop; x is its own state. */
struct search_ops {
	/* Appends the edits of the staffing being tried to r. */
	enum sim_status (*staffing)(void *x, struct search_round *r,
				    struct sim_err *err);
	/* Reads a round's verdicts into x; true when every agreement is met. */
	bool (*verdicts)(void *x, const struct summary *s);
	/* True, saying which in err, when a missed agreement cannot be helped
	 * by raising the staffing. */
	bool (*unreachable)(const void *x, struct sim_err *err);
	/* Raises the staffing where it falls short; returns how much changed,
	 * or 0 with err saying the limit that stopped it. */
	size_t (*raise)(void *x, struct sim_err *err);
	bool grades;        /* agreements are grades' attendance, not lines'
			       service levels */
	const char *what;   /* "staffing", "units": what was not found */
};

/* A search in progress. */
struct search {
	const struct search_spec *spec;
	const struct search_ops *ops;
	void *x;
	unsigned long sims;                /* rounds simulated */
};

/* Builds and simulates the staffing x is trying into r (cleared first),
 * counting it and calling on_round. Returns SEARCH_MET when it ran,
 * SEARCH_INVALID or SEARCH_FAILED with err filled. */
enum search_end search_simulate(struct search *s, struct search_round *r,
				struct sim_err *err);
/* Simulates and raises until every agreement is met; r holds the last
 * round. Returns how the search ended (see enum search_end). */
enum search_end search_raise(struct search *s, struct search_round *r,
			     struct sim_err *err);

#endif
