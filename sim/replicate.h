/* replicate.h: runs independent jobs (replications, sweep points) on a pool
 * of threads.
 *
 * Either each job writes only its own result slot, which the caller reads
 * in index order afterwards, or (replicate_run_workers) each job adds its
 * result to state of the worker running it, which the caller then merges;
 * either way results must not depend on the thread count or on which
 * thread ran which job, and with the second the merge must not depend on
 * order (exact sums, sim/moments.h). Jobs are handed out in index order
 * from an atomic counter. When a job fails, jobs not yet started are skipped and the
 * lowest-index failure is returned. */
#ifndef SIM_REPLICATE_H
#define SIM_REPLICATE_H

#include <stddef.h>

#include "sim/sim_err.h"

/* One job: returns SIM_OK or a failure, describing it in err (which is
 * private to the job). */
typedef enum sim_status (*replicate_job)(void *arg, size_t index,
					 struct sim_err *err);
/* A job told which worker runs it (0 .. replicate_workers() - 1): one
 * worker runs one job at a time, so state kept per worker (a result to
 * reuse, an accumulator to add to) needs no lock. */
typedef enum sim_status (*replicate_worker_job)(void *arg, unsigned worker,
						size_t index,
						struct sim_err *err);

/* Runs jobs 0..n_jobs-1 on min(threads, n_jobs) threads (threads == 0 means
 * the number of online processors). On failure copies the lowest-index
 * failing job's message into err. */
enum sim_status replicate_run(size_t n_jobs, unsigned threads, replicate_job job,
			      void *arg, struct sim_err *err);
/* How many workers replicate_run_workers(n_jobs, threads, ...) uses at
 * most: min(threads, n_jobs), threads == 0 meaning the online processors;
 * at least 1. */
unsigned replicate_workers(size_t n_jobs, unsigned threads);
/* As replicate_run, passing each job the index of the worker running it. */
enum sim_status replicate_run_workers(size_t n_jobs, unsigned threads,
				      replicate_worker_job job, void *arg,
				      struct sim_err *err);
/* The number of online processors, at least 1. */
unsigned replicate_default_threads(void);

#endif
