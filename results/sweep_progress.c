/* sweep_progress.c: the progress bar or lines of a sweep (see
 * sweep_progress.h). */
#include "results/sweep_progress.h"

#include <math.h>
#include <string.h>
#include <time.h>

#define SWEEP_PROGRESS_BAR 20          /* characters in the bar */
#define SWEEP_PROGRESS_TTY_S 0.2       /* least time between redraws */
#define SWEEP_PROGRESS_LINE_S 5.0      /* most time between plain lines */

static double sweep_progress_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* "1:05", "1:02:03", or "-" when unknown. */
static void sweep_progress_clock(char *buf, size_t size, double s)
{
	long t;

	if (!isfinite(s) || s < 0) {
		snprintf(buf, size, "-");
		return;
	}
	t = lround(s);
	if (t >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%ld:%02ld", t / 60, t % 60);
}

void sweep_progress_init(struct sweep_progress *p, FILE *f, bool tty,
			 size_t points_total, size_t points_skipped,
			 unsigned reps_per_point)
{
	memset(p, 0, sizeof *p);
	p->f = f;
	p->tty = tty;
	p->points_total = points_total;
	p->points_done = points_skipped;
	p->points_skipped = points_skipped;
	p->reps_per_point = reps_per_point;
	atomic_init(&p->reps_run, 0);
	p->t0_s = p->last_s = sweep_progress_now();
	p->next_tenth = points_total ? points_skipped * 10 / points_total + 1 : 11;
	pthread_mutex_init(&p->lock, NULL);
}

/* The figures, as the bar and the lines share them. */
static void sweep_progress_figures(const struct sweep_progress *p, double now,
				   char *buf, size_t size)
{
	size_t run = atomic_load(&p->reps_run);
	size_t reps_total = p->points_total * p->reps_per_point;
	size_t reps_done = p->points_skipped * p->reps_per_point + run;
	double elapsed = now - p->t0_s;
	double eta = run ? elapsed * (double)(reps_total - reps_done) / (double)run
			 : NAN;
	char e1[32], e2[32];

	if (reps_done > reps_total)   /* a replication counted before its point */
		reps_done = reps_total;
	sweep_progress_clock(e1, sizeof e1, elapsed);
	sweep_progress_clock(e2, sizeof e2, eta);
	snprintf(buf, size, "%zu/%zu points  %zu/%zu replications  %s elapsed  "
		 "eta %s", p->points_done, p->points_total, reps_done, reps_total,
		 e1, e2);
}

static void sweep_progress_draw(struct sweep_progress *p, double now)
{
	char figures[160], bar[SWEEP_PROGRESS_BAR + 1];
	size_t fill = p->points_total
		? p->points_done * SWEEP_PROGRESS_BAR / p->points_total : 0;

	sweep_progress_figures(p, now, figures, sizeof figures);
	if (p->tty) {
		memset(bar, '#', fill);
		memset(bar + fill, '.', SWEEP_PROGRESS_BAR - fill);
		bar[SWEEP_PROGRESS_BAR] = '\0';
		fprintf(p->f, "\r\033[K[%s]  %s", bar, figures);
	} else {
		fprintf(p->f, "callsim sweep: %s\n", figures);
	}
	fflush(p->f);
	p->last_s = now;
}

void sweep_progress_replication(struct sweep_progress *p)
{
	double now;

	if (p->f == NULL)
		return;
	atomic_fetch_add(&p->reps_run, 1);
	if (pthread_mutex_trylock(&p->lock) != 0)
		return;
	now = sweep_progress_now();
	if (now - p->last_s >= (p->tty ? SWEEP_PROGRESS_TTY_S
				       : SWEEP_PROGRESS_LINE_S))
		sweep_progress_draw(p, now);
	pthread_mutex_unlock(&p->lock);
}

void sweep_progress_point(struct sweep_progress *p)
{
	double now;

	if (p->f == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->points_done++;
	now = sweep_progress_now();
	if (p->tty || p->points_done * 10 >= p->next_tenth * p->points_total) {
		while (p->next_tenth <= 10
		       && p->next_tenth * p->points_total <= p->points_done * 10)
			p->next_tenth++;
		sweep_progress_draw(p, now);
	}
	pthread_mutex_unlock(&p->lock);
}

void sweep_progress_end(struct sweep_progress *p)
{
	pthread_mutex_lock(&p->lock);
	if (p->f != NULL && p->tty) {
		sweep_progress_draw(p, sweep_progress_now());
		fputc('\n', p->f);
		fflush(p->f);
	}
	pthread_mutex_unlock(&p->lock);
	pthread_mutex_destroy(&p->lock);
}
