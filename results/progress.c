/* progress.c: the progress bar or lines of a long command (see
 * progress.h). */
#include "results/progress.h"

#include <math.h>
#include <string.h>
#include <time.h>

#define PROGRESS_BAR 20                /* characters in the bar */
#define PROGRESS_TTY_S 0.2             /* least time between redraws */
#define PROGRESS_LINE_S 5.0            /* most time between plain lines */

static double progress_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* "1:05", "1:02:03", or "-" when unknown. */
static void progress_clock(char *buf, size_t size, double s)
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

void progress_init(struct progress *p, FILE *f, bool tty, const char *command,
		   const char *steps, size_t steps_total, size_t steps_skipped,
		   unsigned reps_per_step)
{
	memset(p, 0, sizeof *p);
	p->f = f;
	p->tty = tty;
	p->command = command;
	p->steps = steps;
	p->steps_total = steps ? steps_total : 1;
	p->steps_done = p->steps_skipped = steps ? steps_skipped : 0;
	p->reps_per_step = reps_per_step;
	atomic_init(&p->reps_run, 0);
	p->t0_s = p->last_s = progress_now();
	p->next_tenth = p->steps_total
		? p->steps_skipped * 10 / p->steps_total + 1 : 11;
	pthread_mutex_init(&p->lock, NULL);
}

/* Replications done in all, the skipped steps' included. */
static size_t progress_reps_done(const struct progress *p)
{
	size_t done = p->steps_skipped * p->reps_per_step
		+ atomic_load(&p->reps_run);
	size_t total = p->steps_total * p->reps_per_step;

	/* A replication may be counted before its step. */
	return done > total ? total : done;
}

/* The figures, as the bar and the lines share them. */
static void progress_figures(const struct progress *p, double now,
			     char *buf, size_t size)
{
	size_t run = atomic_load(&p->reps_run);
	size_t reps_total = p->steps_total * p->reps_per_step;
	size_t reps_done = progress_reps_done(p);
	double elapsed = now - p->t0_s;
	double eta = run ? elapsed * (double)(reps_total - reps_done) / (double)run
			 : NAN;
	char e1[32], e2[32], steps[64] = "";

	progress_clock(e1, sizeof e1, elapsed);
	progress_clock(e2, sizeof e2, eta);
	if (p->steps != NULL)
		snprintf(steps, sizeof steps, "%zu/%zu %s  ", p->steps_done,
			 p->steps_total, p->steps);
	snprintf(buf, size, "%s%zu/%zu replications  %s elapsed  eta %s",
		 steps, reps_done, reps_total, e1, e2);
}

/* How much of the bar is filled: by steps when there are steps, else by
 * replications. */
static size_t progress_fill(const struct progress *p)
{
	size_t reps_total = p->steps_total * p->reps_per_step;

	if (p->steps != NULL)
		return p->steps_total
			? p->steps_done * PROGRESS_BAR / p->steps_total : 0;
	return reps_total ? progress_reps_done(p) * PROGRESS_BAR / reps_total
			  : 0;
}

static void progress_draw(struct progress *p, double now)
{
	char figures[200], bar[PROGRESS_BAR + 1];
	size_t fill = progress_fill(p);

	progress_figures(p, now, figures, sizeof figures);
	if (p->tty) {
		memset(bar, '#', fill);
		memset(bar + fill, '.', PROGRESS_BAR - fill);
		bar[PROGRESS_BAR] = '\0';
		fprintf(p->f, "\r\033[K[%s]  %s", bar, figures);
		p->drawn = true;
	} else {
		fprintf(p->f, "callsim %s: %s\n", p->command, figures);
	}
	fflush(p->f);
	p->last_s = now;
}

void progress_replication(struct progress *p)
{
	double now;

	if (p->f == NULL)
		return;
	atomic_fetch_add(&p->reps_run, 1);
	if (pthread_mutex_trylock(&p->lock) != 0)
		return;
	now = progress_now();
	if (now - p->last_s >= (p->tty ? PROGRESS_TTY_S : PROGRESS_LINE_S))
		progress_draw(p, now);
	pthread_mutex_unlock(&p->lock);
}

void progress_on_replication(void *arg)
{
	progress_replication(arg);
}

void progress_step(struct progress *p)
{
	double now;

	if (p->f == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->steps_done++;
	now = progress_now();
	if (p->tty || p->steps_done * 10 >= p->next_tenth * p->steps_total) {
		while (p->next_tenth <= 10
		       && p->next_tenth * p->steps_total <= p->steps_done * 10)
			p->next_tenth++;
		progress_draw(p, now);
	}
	pthread_mutex_unlock(&p->lock);
}

void progress_end(struct progress *p)
{
	pthread_mutex_lock(&p->lock);
	if (p->f != NULL && p->tty && p->steps != NULL) {
		progress_draw(p, progress_now());
		fputc('\n', p->f);
		fflush(p->f);
	} else if (p->f != NULL && p->drawn) {
		fputs("\r\033[K", p->f);
		fflush(p->f);
	}
	pthread_mutex_unlock(&p->lock);
	pthread_mutex_destroy(&p->lock);
}
