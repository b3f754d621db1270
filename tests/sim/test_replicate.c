/* test_replicate.c: results do not depend on the thread count, every job
 * runs once, and the lowest-index failure is the one reported. */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "sim/replicate.h"
#include "sim/rng_stream.h"

enum { N_JOBS = 40 };

/* Each job owns one slot of each array. */
struct work {
	double result[N_JOBS];
	int runs[N_JOBS];
	int fresh_err[N_JOBS];   /* the job's err was empty when it started */
	size_t fail_a, fail_b;   /* jobs that fail, N_JOBS for none */
	int silent;              /* fail_a fails without a message */
};

/* A small replication: the mean of 5000 uniforms of its own stream. It runs
 * on worker threads, where cmocka's assertions cannot be used, so it only
 * records what the test checks afterwards. */
static enum sim_status job_mean(void *arg, size_t index, struct sim_err *err)
{
	struct work *w = arg;
	gsl_rng *r = rng_stream_new(2385, (uint32_t)index, 0);
	double sum = 0.0;

	w->fresh_err[index] = !sim_err_failed(err) && err->len == 0;
	if (r == NULL)
		return sim_err_add(err, SIM_ENOMEM, "no generator");
	for (int i = 0; i < 5000; i++)
		sum += gsl_rng_uniform(r);
	gsl_rng_free(r);
	w->result[index] = sum / 5000.0;
	w->runs[index]++;
	if (index == w->fail_a && w->silent)
		return SIM_ERUNTIME;
	if (index == w->fail_a) {
		sim_err_add(err, SIM_ERUNTIME, "replication %zu: out of units", index);
		return sim_err_add(err, SIM_ERUNTIME, "second line of %zu", index);
	}
	if (index == w->fail_b)
		return sim_err_add(err, SIM_EINVAL, "replication %zu: bad", index);
	return SIM_OK;
}

static void work_init(struct work *w)
{
	memset(w, 0, sizeof *w);
	w->fail_a = N_JOBS;
	w->fail_b = N_JOBS;
}

/* Threads 1, 2 and 7 (7 does not divide 40) give identical results, and
 * each job runs exactly once. */
static void test_replicate_same_results_any_threads(void **state)
{
	const unsigned threads[3] = { 1, 2, 7 };
	struct work *w = malloc(3 * sizeof *w);

	(void)state;
	assert_non_null(w);
	for (int t = 0; t < 3; t++) {
		struct sim_err err = { 0 };

		work_init(&w[t]);
		assert_int_equal(replicate_run(N_JOBS, threads[t], job_mean, &w[t],
					       &err), SIM_OK);
		assert_false(sim_err_failed(&err));
		for (int i = 0; i < N_JOBS; i++) {
			assert_int_equal(w[t].runs[i], 1);
			assert_true(w[t].fresh_err[i]);
		}
	}
	assert_memory_equal(w[0].result, w[1].result, sizeof w[0].result);
	assert_memory_equal(w[0].result, w[2].result, sizeof w[0].result);
	/* The slots really hold different replications. */
	assert_true(w[0].result[0] != w[0].result[1]);
	free(w);
}

/* 16 threads for 3 jobs, and the default thread count, both work. */
static void test_replicate_more_threads_than_jobs(void **state)
{
	struct work w;
	struct sim_err err = { 0 };

	(void)state;
	work_init(&w);
	assert_int_equal(replicate_run(3, 16, job_mean, &w, &err), SIM_OK);
	for (int i = 0; i < 4; i++)
		assert_int_equal(w.runs[i], i < 3);
	work_init(&w);
	assert_int_equal(replicate_run(N_JOBS, 0, job_mean, &w, &err), SIM_OK);
	for (int i = 0; i < N_JOBS; i++)
		assert_int_equal(w.runs[i], 1);
	assert_true(replicate_default_threads() >= 1);
	assert_int_equal(replicate_run(0, 4, job_mean, &w, &err), SIM_OK);
	assert_false(sim_err_failed(&err));
}

/* Jobs 9 and 23 fail. Whatever the thread count, job 9's status and lines
 * are reported after what err already held; every job below 9 ran, and with
 * one thread nothing after 9 started. */
static void test_replicate_reports_lowest_failure(void **state)
{
	const unsigned threads[3] = { 1, 2, 7 };

	(void)state;
	for (int t = 0; t < 3; t++) {
		struct work w;
		struct sim_err err = { 0 };

		work_init(&w);
		w.fail_a = 9;
		w.fail_b = 23;
		sim_err_add(&err, SIM_EIO, "earlier problem");
		assert_int_equal(replicate_run(N_JOBS, threads[t], job_mean, &w,
					       &err), SIM_ERUNTIME);
		assert_string_equal(err.text, "earlier problem\n"
				    "replication 9: out of units\n"
				    "second line of 9\n");
		assert_int_equal(err.n_lines, 3);
		assert_int_equal(err.status, SIM_EIO);
		for (int i = 0; i <= 9; i++) {
			assert_int_equal(w.runs[i], 1);
			assert_true(w.fresh_err[i]);
		}
		if (threads[t] == 1)
			for (int i = 10; i < N_JOBS; i++)
				assert_int_equal(w.runs[i], 0);
	}
}

/* A job that fails without saying why still yields a line naming it. */
static void test_replicate_failure_without_message(void **state)
{
	struct work w;
	struct sim_err err = { 0 };

	(void)state;
	work_init(&w);
	w.fail_a = 31;
	w.silent = 1;
	assert_int_equal(replicate_run(N_JOBS, 2, job_mean, &w, &err),
			 SIM_ERUNTIME);
	assert_string_equal(err.text, "job 31 failed without a message\n");
	assert_int_equal(err.status, SIM_ERUNTIME);
}

/* Per worker: how many jobs it ran, and whether two of its jobs ever
 * overlapped (a worker runs one job at a time). */
struct by_worker {
	int jobs[8];
	int busy[8];
	int overlap;
	int bad_worker;
	unsigned n_workers;
};

static enum sim_status job_count(void *arg, unsigned worker, size_t index,
				 struct sim_err *err)
{
	struct by_worker *b = arg;

	(void)index;
	(void)err;
	if (worker >= b->n_workers) {
		b->bad_worker = 1;
		return SIM_OK;
	}
	if (b->busy[worker]++ != 0)
		b->overlap = 1;
	b->jobs[worker]++;
	b->busy[worker]--;
	return SIM_OK;
}

/* Worker indices stay below replicate_workers(), every job runs once, and
 * the workers never exceed the jobs. */
static void test_replicate_workers(void **state)
{
	(void)state;
	assert_int_equal(replicate_workers(3, 8), 3);
	assert_int_equal(replicate_workers(100, 2), 2);
	assert_int_equal(replicate_workers(0, 2), 1);
	for (unsigned t = 1; t <= 4; t++) {
		struct by_worker b = { .n_workers = replicate_workers(N_JOBS, t) };
		struct sim_err err;
		int total = 0;

		sim_err_clear(&err);
		assert_int_equal(replicate_run_workers(N_JOBS, t, job_count, &b,
						       &err), SIM_OK);
		for (unsigned w = 0; w < b.n_workers; w++)
			total += b.jobs[w];
		assert_int_equal(total, N_JOBS);
		assert_false(b.overlap || b.bad_worker);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replicate_same_results_any_threads),
		cmocka_unit_test(test_replicate_more_threads_than_jobs),
		cmocka_unit_test(test_replicate_reports_lowest_failure),
		cmocka_unit_test(test_replicate_failure_without_message),
		cmocka_unit_test(test_replicate_workers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
