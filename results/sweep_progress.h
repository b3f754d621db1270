/* sweep_progress.h: how far a sweep has gone, told on a stream the caller
 * gives (stderr), for a person waiting or for a log.
 *
 * On a terminal it is one bar redrawn in place,
 *     [########............]  12/40 points  130/400 replications  0:32 elapsed  eta 1:10
 * at most five times a second; elsewhere (a log file, a pipe) it is a plain
 * line each time another tenth of the points is done, or 5 s after the
 * last line if that comes first. The estimate of the time left counts only
 * replications run in this session, so a resumed sweep is not flattered by
 * the points it skipped.
 *
 * Replications finish on worker threads: sweep_progress_replication is
 * thread-safe (an atomic counter, and a mutex taken with trylock so a
 * worker never waits for the drawing of another). The other functions are
 * called from the thread that drives the sweep. */
#ifndef RESULTS_SWEEP_PROGRESS_H
#define RESULTS_SWEEP_PROGRESS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct sweep_progress {
	FILE *f;                    /* borrowed; NULL: say nothing */
	bool tty;                   /* draw a bar instead of lines */
	size_t points_total;
	size_t points_done;         /* written, skipped ones included */
	size_t points_skipped;      /* found done by --resume */
	unsigned reps_per_point;
	atomic_size_t reps_run;     /* replications run in this session */
	double t0_s, last_s;        /* monotonic clock: start, last output */
	size_t next_tenth;          /* lines: the next tenth to report */
	pthread_mutex_t lock;       /* one drawing at a time */
};

/* Starts the clock. f NULL makes every other call a no-op. */
void sweep_progress_init(struct sweep_progress *p, FILE *f, bool tty,
			 size_t points_total, size_t points_skipped,
			 unsigned reps_per_point);
/* One replication finished (any thread). */
void sweep_progress_replication(struct sweep_progress *p);
/* One more point was written. */
void sweep_progress_point(struct sweep_progress *p);
/* The last report (ends the bar's line); releases the mutex. */
void sweep_progress_end(struct sweep_progress *p);

#endif
