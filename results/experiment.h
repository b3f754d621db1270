/* experiment.h: the one path from a scenario to its figures — build a
 * variant of the scenario, run its replications on threads, summarise.
 * `callsim run`, `compare`, `sweep` and both searches of `optimise` all go
 * through it.
 *
 * An experiment is an array of trials (as in cimba): each trial is a
 * variant of the scenario, the seeds of its replications (run.seed of the
 * variant, replication i seeded by (run.seed, i)), and a place for its
 * result. A trial may pair two variants (compare's A and B): replication i
 * of both then runs on one thread, with the same seed and index (common
 * random numbers), and the pair is folded into a compare_acc. Every trial
 * of one experiment runs as many replications.
 *
 * The (trial, replication) jobs of all trials are spread over the threads
 * together, a trial's replications next to each other, so short runs with
 * few replications still keep every core busy. Each worker folds its
 * results into accumulators of its own, merged after the run; their exact
 * sums (sim/moments.h) make the result the same bytes whatever the thread
 * count or which worker ran which job.
 *
 * A variant is the scenario document, read once per command
 * (scenario_doc_read), with typed edits applied in order (struct
 * scenario_edit: a key path as --set spells it, a value, and whether the
 * user wrote it as --set or --vary), built in memory by
 * experiment_variant_build: a sweep's points and an optimiser's rounds
 * never read the file again.
 *
 * Nothing here prints; errors are returned in a struct sim_err. */
#ifndef RESULTS_EXPERIMENT_H
#define RESULTS_EXPERIMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/run_log.h"
#include "models/scenario.h"
#include "results/compare.h"
#include "results/summary.h"
#include "sim/sim_err.h"

/* A variant of a scenario: the document read once with edits applied in
 * order (the last word wins). Borrows everything. */
struct experiment_variant {
	const struct scenario_doc *doc;
	const struct scenario_edit *edits;
	size_t n_edits;
};

/* The edit that arg ("key=value", as the command line spells it) makes,
 * borrowing arg, with origin "--set" or "--vary" for messages. An arg
 * without '=' becomes an edit without a value, which building reports as
 * not being key.path=value. */
struct scenario_edit experiment_edit(const char *arg, const char *origin);

/* Each edit as --set spells it ("key.path=value"), for a user to give
 * `callsim run`: a new array of n new strings (free with
 * experiment_edits_text_free), or NULL when out of memory. */
char **experiment_edits_text(const struct scenario_edit *edits, size_t n);
void experiment_edits_text_free(char **text, size_t n);

/* Builds the variant v into *out. When warnings is not NULL, what the
 * scenario would not measure is written there. Returns SIM_OK and a new
 * scenario (free with scenario_free); SIM_ESCENARIO or SIM_EIO with every
 * problem in err for an invalid or unreadable scenario; SIM_ENOMEM. Safe
 * to call from several threads at once. */
enum sim_status experiment_variant_build(const struct experiment_variant *v,
					 struct sim_err *warnings,
					 struct scenario **out,
					 struct sim_err *err);

/* One trial: a variant (or a pair) and its result. */
struct experiment_trial {
	/* The variant, and its pair or NULL (borrowed; both outlive the
	 * result). A pair must have sc's run.seed. */
	const struct scenario *sc, *paired;
	/* The result, owned by the trial after experiment_run: every
	 * replication of sc (acc, unpaired) or every pair (pairs). Free with
	 * experiment_trial_clear. */
	struct summary_acc *acc;
	struct compare_acc *pairs;
};

/* How the trials run. */
struct experiment_spec {
	unsigned threads;          /* 0: one a core */
	/* Called by the worker that finished a replication (or a pair), from
	 * any thread; NULL for none. Must be thread-safe. */
	void (*on_replication)(void *arg);
	void *arg;
	/* Which replications run: first .. first + count - 1 of the run's
	 * numbering, so that a part of a long run (results/partial.h) draws
	 * exactly the random numbers those replications draw in the whole.
	 * count 0: run.replications of the trials, first 0. */
	uint32_t first;
	unsigned count;
	/* Replication log_replication (0-based) of the first trial, unpaired,
	 * hands its calls and incidents to log as they finish (NULL: no log);
	 * the others run without. */
	const struct run_log *log;
	unsigned log_replication;
};

/* Runs run.replications (the same in every trial) replications of each of
 * the n >= 1 trials (or those spec's first and count say), and leaves each trial's result in it. Returns SIM_OK;
 * on failure the lowest-index failing job's message in err (or
 * SIM_ENOMEM), and no trial holds a result. */
enum sim_status experiment_run(struct experiment_trial *trials, size_t n,
			       const struct experiment_spec *spec,
			       struct sim_err *err);

/* Frees the result t holds; the variants stay. */
void experiment_trial_clear(struct experiment_trial *t);

/* Runs sc's replications as spec says (threads, and whom to tell of each
 * replication) and summarises them: experiment_run of one trial. Returns
 * a new summary (free with summary_free), or NULL with err filled. */
struct summary *experiment_summarise(const struct scenario *sc,
				     const struct experiment_spec *spec,
				     struct sim_err *err);

/* Runs A and B (same run.seed and run.replications) paired, as spec says
 * (on_replication is told of each pair), and compares them. Returns a new
 * comparison (free with compare_free), or NULL with err filled. */
struct compare *experiment_compare(const struct scenario *a,
				   const struct scenario *b,
				   const struct experiment_spec *spec,
				   struct sim_err *err);

#endif
