/* replicate.h: runs independent jobs (replications, sweep points) on a pool
 * of threads.
 *
 * Each job writes only its own result slot, so results do not depend on the
 * thread count or on which thread ran which job: the caller reads the slots
 * in index order afterwards. Jobs are handed out in index order from an
 * atomic counter. When a job fails, jobs not yet started are skipped and the
 * lowest-index failure is returned. */
#ifndef SIM_REPLICATE_H
#define SIM_REPLICATE_H

#include <stddef.h>

#include "sim/sim_err.h"

/* One job: returns SIM_OK or a failure, describing it in err (which is
 * private to the job). */
typedef enum sim_status (*replicate_job)(void *arg, size_t index,
					 struct sim_err *err);

/* Runs jobs 0..n_jobs-1 on min(threads, n_jobs) threads (threads == 0 means
 * the number of online processors). On failure copies the lowest-index
 * failing job's message into err. */
enum sim_status replicate_run(size_t n_jobs, unsigned threads, replicate_job job,
			      void *arg, struct sim_err *err);
/* The number of online processors, at least 1. */
unsigned replicate_default_threads(void);

#endif
