/* replicate.c: a pool of threads working through a numbered list of jobs.
 *
 * Jobs are taken from one atomic counter in index order, and every job owns
 * its result slot and its struct sim_err, so the threads share nothing but
 * the counter, a stop flag and, on failure only, a mutex. Because jobs start
 * in index order, a job that fails stops only jobs with higher indices: the
 * lowest-index failure always runs and is the one reported, whatever the
 * thread count. */
#include "sim/replicate.h"

#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sim/mem.h"

/* What all workers of one replicate_run share. */
struct replicate_pool {
	size_t n_jobs;
	replicate_worker_job job;
	void *arg;
	atomic_size_t next;        /* the next job index to hand out */
	atomic_bool stop;          /* set by the first failure */
	pthread_mutex_t lock;      /* guards the three fields below */
	size_t fail_index;         /* lowest failing index, n_jobs if none */
	enum sim_status fail_status;
	struct sim_err fail_err;   /* that job's message */
};

/* Keeps a job's failure if it has the lowest index seen so far. */
static void replicate_record(struct replicate_pool *pool, size_t index,
			     enum sim_status status, const struct sim_err *err)
{
	pthread_mutex_lock(&pool->lock);
	if (index < pool->fail_index) {
		pool->fail_index = index;
		pool->fail_status = status;
		pool->fail_err = *err;
	}
	pthread_mutex_unlock(&pool->lock);
	atomic_store(&pool->stop, 1);
}

/* What one worker thread is given: the pool and its worker index. */
struct replicate_worker_arg {
	struct replicate_pool *pool;
	unsigned worker;
};

/* A worker: takes jobs until none is left or one has failed. The struct
 * sim_err (8 KB) is per worker, cleared before each job, so each job sees a
 * record of its own. */
static void *replicate_worker(void *p)
{
	const struct replicate_worker_arg *wa = p;
	struct replicate_pool *pool = wa->pool;
	struct sim_err err;

	while (!atomic_load(&pool->stop)) {
		size_t i = atomic_fetch_add(&pool->next, 1);
		enum sim_status status;

		if (i >= pool->n_jobs)
			break;
		sim_err_clear(&err);
		status = pool->job(pool->arg, wa->worker, i, &err);
		if (status != SIM_OK)
			replicate_record(pool, i, status, &err);
	}
	return NULL;
}

/* Appends the failing job's lines to the caller's record, each as one line,
 * under the status the job returned. */
static enum sim_status replicate_report(const struct replicate_pool *pool,
					struct sim_err *err)
{
	const struct sim_err *src = &pool->fail_err;
	const char *line = src->text;
	int copied = 0;

	while (*line != '\0') {
		const char *eol = strchr(line, '\n');
		int len;

		/* sim_err_add ends every line, even a cut one, with '\n'. */
		assert(eol != NULL);
		len = (int)(eol - line);

		sim_err_add(err, pool->fail_status, "%.*s", len, line);
		copied++;
		line = eol + 1;
	}
	if (copied == 0)
		return sim_err_add(err, pool->fail_status,
				   "job %zu failed without a message",
				   pool->fail_index);
	/* Lines the job had to drop still count as problems. */
	err->n_lines += src->n_lines - copied;
	return pool->fail_status;
}

unsigned replicate_workers(size_t n_jobs, unsigned threads)
{
	unsigned n = threads > 0 ? threads : replicate_default_threads();

	if (n_jobs < n)
		n = n_jobs > 0 ? (unsigned)n_jobs : 1;
	return n;
}

/* Runs jobs 0..n_jobs-1 on replicate_workers(n_jobs, threads) threads, the
 * calling thread being worker 0. If a thread cannot be started the others
 * do its share, so only speed, never the result, depends on how many
 * start. Returns SIM_OK or the lowest-index failing job's status, its
 * message appended to err. */
enum sim_status replicate_run_workers(size_t n_jobs, unsigned threads,
				      replicate_worker_job job, void *arg,
				      struct sim_err *err)
{
	struct replicate_pool pool = { .n_jobs = n_jobs, .job = job, .arg = arg,
				       .fail_index = n_jobs };
	size_t n_threads = replicate_workers(n_jobs, threads);
	size_t started = 0;
	pthread_t *tid;
	struct replicate_worker_arg *wa;

	if (n_jobs == 0)
		return SIM_OK;
	/* Without room for the thread ids the calling thread works alone. */
	tid = mem_malloc(n_threads * sizeof *tid);
	wa = mem_malloc(n_threads * sizeof *wa);
	if (tid == NULL || wa == NULL)
		n_threads = 1;
	atomic_init(&pool.next, 0);
	atomic_init(&pool.stop, 0);
	pthread_mutex_init(&pool.lock, NULL);
	for (unsigned w = 0; wa != NULL && w < n_threads; w++)
		wa[w] = (struct replicate_worker_arg){ &pool, w };
	while (started + 1 < n_threads &&
	       pthread_create(&tid[started], NULL, replicate_worker,
			      &wa[started + 1]) == 0)
		started++;
	replicate_worker(&(struct replicate_worker_arg){ &pool, 0 });
	for (size_t t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_mutex_destroy(&pool.lock);
	free(tid);
	free(wa);
	if (pool.fail_index == n_jobs)
		return SIM_OK;
	return replicate_report(&pool, err);
}

/* A plain job, run as a worker job that ignores its worker. */
struct replicate_plain {
	replicate_job job;
	void *arg;
};

static enum sim_status replicate_plain_job(void *arg, unsigned worker,
					   size_t index, struct sim_err *err)
{
	const struct replicate_plain *p = arg;

	(void)worker;
	return p->job(p->arg, index, err);
}

/* Runs jobs 0..n_jobs-1 as replicate_run_workers does. */
enum sim_status replicate_run(size_t n_jobs, unsigned threads, replicate_job job,
			      void *arg, struct sim_err *err)
{
	struct replicate_plain p = { job, arg };

	return replicate_run_workers(n_jobs, threads, replicate_plain_job, &p,
				     err);
}

/* The number of online processors, at least 1. */
unsigned replicate_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (unsigned)n : 1;
}
