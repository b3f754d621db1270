/* experiment.c: variants built, trials run on threads and summarised (see
 * experiment.h). */
#include "results/experiment.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "models/replication.h"
#include "sim/mem.h"
#include "sim/replicate.h"

enum sim_status experiment_variant_build(const struct experiment_variant *v,
					 struct sim_err *warnings,
					 struct scenario **out,
					 struct sim_err *err)
{
	return scenario_doc_build(v->doc, v->edits, v->n_edits, warnings, out,
				  err);
}

struct scenario_edit experiment_edit(const char *arg, const char *origin)
{
	struct scenario_edit e;

	if (scenario_edit_parse(arg, &e) != 0)
		e = (struct scenario_edit){ .path = arg, .number = NAN };
	e.origin = origin;
	return e;
}

char **experiment_edits_text(const struct scenario_edit *edits, size_t n)
{
	char **text = mem_calloc(n + 1, sizeof *text);

	for (size_t i = 0; text != NULL && i < n; i++) {
		text[i] = scenario_edit_text(&edits[i]);
		if (text[i] == NULL) {
			experiment_edits_text_free(text, i);
			text = NULL;
		}
	}
	return text;
}

void experiment_edits_text_free(char **text, size_t n)
{
	for (size_t i = 0; text != NULL && i < n; i++)
		free(text[i]);
	free(text);
}

/* What the workers of one run share. Worker w keeps, for trial k, slot
 * w * n + k: an accumulator (acc, or pairs for a paired trial) and the
 * results res[2 * slot] and res[2 * slot + 1] (the pair's), reused for
 * each replication. A result is sized by its scenario, which may differ
 * between the trials of a sweep, hence one per trial. */
struct experiment_job {
	struct experiment_trial *trials;
	size_t n;
	unsigned reps, n_workers;
	const struct experiment_spec *spec;
	struct replication_result **res;            /* [n_workers][n][2] */
	struct summary_acc **acc;          /* [n_workers][n], unpaired */
	struct compare_acc **pairs;        /* [n_workers][n], paired */
};

/* Job `index` is replication index % reps of trial index / reps: one
 * trial's replications are neighbours, so they are handed out together. */
static enum sim_status experiment_one(void *arg, unsigned worker,
				      size_t index, struct sim_err *err)
{
	const struct experiment_job *job = arg;
	size_t k = index / job->reps, slot = worker * job->n + k;
	uint32_t rep = job->spec->first + (uint32_t)(index % job->reps);
	const struct experiment_trial *t = &job->trials[k];
	struct replication_result **r = &job->res[2 * slot];
	const struct run_log *log = k == 0 && t->paired == NULL &&
		rep == job->spec->log_replication ? job->spec->log : NULL;
	enum sim_status st = replication_run_logged(t->sc, rep, r[0], log, err);

	if (st == SIM_OK && t->paired != NULL)
		st = replication_run(t->paired, rep, r[1], err);
	if (st != SIM_OK)
		return st;
	if (t->paired != NULL)
		compare_acc_add(job->pairs[slot], r[0], r[1]);
	else
		summary_acc_add(job->acc[slot], r[0]);
	if (job->spec->on_replication != NULL)
		job->spec->on_replication(job->spec->arg);
	return SIM_OK;
}

/* Frees what experiment_job_init allocated; NULL entries are skipped. */
static void experiment_job_free(struct experiment_job *job)
{
	size_t slots = (size_t)job->n_workers * job->n;

	for (size_t i = 0; i < slots; i++) {
		if (job->acc != NULL)
			summary_acc_free(job->acc[i]);
		if (job->pairs != NULL)
			compare_acc_free(job->pairs[i]);
		if (job->res != NULL) {
			replication_result_free(job->res[2 * i]);
			replication_result_free(job->res[2 * i + 1]);
		}
	}
	free(job->res);
	free(job->acc);
	free(job->pairs);
}

/* Allocates slot i: its results and its accumulator. Returns 0, or -1
 * when out of memory. */
static int experiment_slot_new(struct experiment_job *job, size_t i)
{
	const struct experiment_trial *t = &job->trials[i % job->n];

	job->res[2 * i] = replication_result_new(t->sc);
	if (job->res[2 * i] == NULL)
		return -1;
	if (t->paired == NULL) {
		job->acc[i] = summary_acc_new(t->sc);
		return job->acc[i] == NULL ? -1 : 0;
	}
	job->res[2 * i + 1] = replication_result_new(t->paired);
	job->pairs[i] = compare_acc_new(t->sc, t->paired);
	return job->res[2 * i + 1] == NULL || job->pairs[i] == NULL ? -1 : 0;
}

/* Allocates every slot; returns 0, or -1 when out of memory (with
 * everything freed). */
static int experiment_job_init(struct experiment_job *job)
{
	size_t slots = (size_t)job->n_workers * job->n;

	job->res = mem_calloc(2 * slots, sizeof *job->res);
	job->acc = mem_calloc(slots, sizeof *job->acc);
	job->pairs = mem_calloc(slots, sizeof *job->pairs);
	if (job->res == NULL || job->acc == NULL || job->pairs == NULL)
		goto nomem;
	for (size_t i = 0; i < slots; i++)
		if (experiment_slot_new(job, i) != 0)
			goto nomem;
	return 0;
nomem:
	experiment_job_free(job);
	return -1;
}

/* Merges every worker's slot of each trial into worker 0's, and hands
 * that to the trial (taking it out of the job, which frees the rest). */
static void experiment_collect(struct experiment_job *job)
{
	for (size_t k = 0; k < job->n; k++) {
		struct experiment_trial *t = &job->trials[k];

		for (unsigned w = 1; w < job->n_workers; w++) {
			size_t slot = w * job->n + k;

			if (t->paired != NULL)
				compare_acc_merge(job->pairs[k], job->pairs[slot]);
			else
				summary_acc_merge(job->acc[k], job->acc[slot]);
		}
		t->acc = job->acc[k];
		t->pairs = job->pairs[k];
		job->acc[k] = NULL;
		job->pairs[k] = NULL;
	}
}

enum sim_status experiment_run(struct experiment_trial *trials, size_t n,
			       const struct experiment_spec *spec,
			       struct sim_err *err)
{
	unsigned reps = spec->count != 0 ? spec->count
		: trials[0].sc->run.replications;
	struct experiment_job job = { .trials = trials, .n = n, .reps = reps,
				      .spec = spec };
	enum sim_status st;

	assert(n >= 1 && reps >= 1);
	assert(spec->count != 0 || spec->first == 0);
	for (size_t k = 0; k < n; k++)
		assert(trials[k].sc->run.replications
		       == trials[0].sc->run.replications
		       && trials[k].acc == NULL && trials[k].pairs == NULL);
	job.n_workers = replicate_workers(n * reps, spec->threads);
	if (experiment_job_init(&job) != 0)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	st = replicate_run_workers(n * reps, spec->threads, experiment_one, &job,
				   err);
	if (st == SIM_OK)
		experiment_collect(&job);
	experiment_job_free(&job);
	return st;
}

void experiment_trial_clear(struct experiment_trial *t)
{
	summary_acc_free(t->acc);
	compare_acc_free(t->pairs);
	t->acc = NULL;
	t->pairs = NULL;
}

struct summary *experiment_summarise(const struct scenario *sc,
				     const struct experiment_spec *spec,
				     struct sim_err *err)
{
	struct experiment_trial t = { .sc = sc };
	struct summary *s = NULL;

	if (experiment_run(&t, 1, spec, err) == SIM_OK)
		s = summary_of_acc(t.acc, err);
	experiment_trial_clear(&t);
	return s;
}

struct compare *experiment_compare(const struct scenario *a,
				   const struct scenario *b,
				   const struct experiment_spec *spec,
				   struct sim_err *err)
{
	struct experiment_trial t = { .sc = a, .paired = b };
	struct compare *c = NULL;

	if (experiment_run(&t, 1, spec, err) == SIM_OK)
		c = compare_of_acc(t.pairs, err);
	experiment_trial_clear(&t);
	return c;
}
