/* erlang_a_batches.c: how far one W2 run may stray from Erlang A.
 *
 * Simulates M/M/50+M (lambda 0.15, mean handle 300 s, mean patience 120 s)
 * for B consecutive batches of 1e6 calls and prints the mean and standard
 * deviation over batches of P(abandon) and of the service level (answered
 * within 10 s over all offered), beside the binomial standard deviations
 * that would hold if callers were independent. The batch standard
 * deviations are W2's tolerances in bench/lib/bench.py.
 *
 * Independent of callsim's engine: exponential service is memoryless, so
 * the next completion comes at rate busy * mu; the queue is a FIFO of
 * (arrival, give-up time) and a caller past their give-up time when they
 * reach the head has abandoned (FCFS: leaving does not reorder anyone). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>

#define CAP (1u << 20)        /* queue ring, far above any queue reached */

struct mmcm {
	gsl_rng *r;
	double now, next_arrival;
	int busy;
	double arrived[CAP], gives_up[CAP];
	size_t head, tail;
	long abandoned, within;   /* of the current batch */
};

static const double LAM = 0.15, MU = 1.0 / 300, THETA = 1.0 / 120, TARGET = 10;
static const int C = 50;

/* Drops from the head callers who gave up before now. */
static void drop_gone(struct mmcm *q)
{
	while (q->head != q->tail && q->gives_up[q->head % CAP] <= q->now) {
		q->head++;
		q->abandoned++;
	}
}

static void arrive(struct mmcm *q)
{
	q->now = q->next_arrival;
	q->next_arrival = q->now + gsl_ran_exponential(q->r, 1 / LAM);
	drop_gone(q);
	if (q->busy < C && q->head == q->tail) {
		q->busy++;
		q->within++;
		return;
	}
	q->arrived[q->tail % CAP] = q->now;
	q->gives_up[q->tail % CAP] = q->now + gsl_ran_exponential(q->r, 1 / THETA);
	q->tail++;
}

static void complete(struct mmcm *q, double at)
{
	q->now = at;
	drop_gone(q);
	if (q->head == q->tail) {
		q->busy--;
		return;
	}
	q->within += q->now - q->arrived[q->head % CAP] <= TARGET;
	q->head++;
}

int main(int argc, char **argv)
{
	const long calls = 1000000;
	int batches = argc > 1 ? atoi(argv[1]) : 200;
	struct mmcm *q = calloc(1, sizeof *q);
	double *ab = malloc((size_t)batches * sizeof *ab);
	double *sl = malloc((size_t)batches * sizeof *sl);

	if (q == NULL || ab == NULL || sl == NULL || batches < 2)
		return 1;
	q->r = gsl_rng_alloc(gsl_rng_mt19937);
	gsl_rng_set(q->r, 777);
	q->next_arrival = gsl_ran_exponential(q->r, 1 / LAM);
	for (int b = 0; b < batches; b++) {
		long offered = 0;

		q->abandoned = q->within = 0;
		while (offered < calls) {
			double rate = q->busy * MU;
			double done = rate > 0 ? q->now + gsl_ran_exponential(q->r, 1 / rate)
					       : INFINITY;
			if (q->next_arrival < done) {
				arrive(q);
				offered++;
			} else {
				complete(q, done);
			}
		}
		ab[b] = (double)q->abandoned / (double)calls;
		sl[b] = (double)q->within / (double)calls;
	}
	double pa = gsl_stats_mean(ab, 1, (size_t)batches);
	double ps = gsl_stats_mean(sl, 1, (size_t)batches);
	printf("W2: %d batches of 1e6 calls: P(abandon) %.5f sd %.6f (binomial %.6f); "
	       "service level %.5f sd %.6f (binomial %.6f)\n", batches,
	       pa, gsl_stats_sd(ab, 1, (size_t)batches), sqrt(pa * (1 - pa) / (double)calls),
	       ps, gsl_stats_sd(sl, 1, (size_t)batches), sqrt(ps * (1 - ps) / (double)calls));
	gsl_rng_free(q->r);
	free(q);
	free(ab);
	free(sl);
	return 0;
}
