/* progress.h: how far a long command has gone, told on a stream the
 * caller gives (stderr), for a person waiting or for a log: a sweep's
 * points, a run's or a comparison's replications, an optimiser round's.
 *
 * Work is counted in replications, grouped in steps when the command has
 * them (a sweep's points). On a terminal it is one bar redrawn in place,
 *     [########............]  12/40 points  130/400 replications  0:32 elapsed  eta 1:10
 *     [#####...............]  260/1000 replications  0:12 elapsed  eta 0:35
 * at most five times a second and not before the work has run that long,
 * so a quick run shows nothing; elsewhere (a log file, a pipe) it is a
 * plain line "callsim COMMAND: ..." each time another tenth of the steps
 * is done, or 5 s after the last line if that comes first. The estimate of
 * the time left counts only replications run in this session, so a resumed
 * sweep is not flattered by the points it skipped. Without steps (a run)
 * the bar is cleared at the end, leaving the terminal as it was.
 *
 * Nothing goes anywhere but the stream given: never stdout, so what a
 * command prints there is the same bytes with or without progress.
 *
 * Replications finish on worker threads: progress_replication is
 * thread-safe (an atomic counter, and a mutex taken with trylock so a
 * worker never waits for the drawing of another). The other functions are
 * called from the thread that drives the work. */
#ifndef RESULTS_PROGRESS_H
#define RESULTS_PROGRESS_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct progress {
	FILE *f;                    /* borrowed; NULL: say nothing */
	bool tty;                   /* draw a bar instead of lines */
	const char *command;        /* "sweep": lines start "callsim sweep: " */
	const char *steps;          /* "points", or NULL: no steps */
	size_t steps_total;
	size_t steps_done;          /* skipped ones included */
	size_t steps_skipped;       /* found done already (--resume) */
	unsigned reps_per_step;
	atomic_size_t reps_run;     /* replications run in this session */
	double t0_s, last_s;        /* monotonic clock: start, last output */
	bool drawn;                 /* the bar is on the terminal */
	size_t next_tenth;          /* lines: the next tenth to report */
	pthread_mutex_t lock;       /* one drawing at a time */
};

/* Starts the clock: steps_total steps (named `steps`; NULL for work
 * without steps, then one step) of reps_per_step replications each, the
 * first steps_skipped of them done already. f NULL makes every other call
 * a no-op. command and steps are borrowed. */
void progress_init(struct progress *p, FILE *f, bool tty, const char *command,
		   const char *steps, size_t steps_total, size_t steps_skipped,
		   unsigned reps_per_step);
/* One replication finished (any thread). */
void progress_replication(struct progress *p);
/* The same, as struct experiment_spec's on_replication takes it (arg: a
 * struct progress). */
void progress_on_replication(void *arg);
/* One more step was done. */
void progress_step(struct progress *p);
/* The last report (with steps, the bar's final state and a line end;
 * without, the bar is wiped); releases the mutex. */
void progress_end(struct progress *p);

#endif
