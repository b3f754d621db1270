/* mm1_lindley.c: how far one W1 run may stray from the M/M/1 mean wait.
 *
 * Runs R independent M/M/1 queues (lambda 1, mu 1.1, started empty like
 * W1) for 1e6 s each by Lindley's recursion W' = max(0, W + S - A) and
 * prints the mean and standard deviation of the R customer-average waits,
 * beside the standard deviation Daley's asymptotic variance predicts. The
 * benchmark's W1 tolerance (bench/lib/bench.py) rests on that formula; this
 * checks it. Build and run with bench/tools/tolerances. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>

/* Customer-average wait in queue of one run of horizon_s seconds. */
static double mm1_mean_wait(gsl_rng *r, double lam, double mu, double horizon_s)
{
	double t = gsl_ran_exponential(r, 1 / lam), w = 0, sum = 0;
	long n = 0;

	while (t < horizon_s) {
		double s = gsl_ran_exponential(r, 1 / mu);
		double a = gsl_ran_exponential(r, 1 / lam);

		sum += w;
		n++;
		t += a;
		w = fmax(0, w + s - a);
	}
	return sum / (double)n;
}

int main(int argc, char **argv)
{
	const double lam = 1, mu = 1.1, horizon_s = 1e6, rho = lam / mu;
	int runs = argc > 1 ? atoi(argv[1]) : 300;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double *m = malloc((size_t)runs * sizeof *m);

	if (r == NULL || m == NULL || runs < 2)
		return 1;
	gsl_rng_set(r, 12345);
	for (int k = 0; k < runs; k++)
		m[k] = mm1_mean_wait(r, lam, mu, horizon_s);
	double var = rho * (2 + 5 * rho - 4 * rho * rho + rho * rho * rho)
		/ (mu * mu * pow(1 - rho, 4));
	printf("W1: %d runs of 1e6 s: mean wait %.4f s (theory %.4f), sd %.4f s "
	       "(Daley: %.4f s)\n", runs, gsl_stats_mean(m, 1, (size_t)runs),
	       rho / (mu - lam), gsl_stats_sd(m, 1, (size_t)runs),
	       sqrt(var / (lam * horizon_s)));
	free(m);
	gsl_rng_free(r);
	return 0;
}
