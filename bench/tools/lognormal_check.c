/* lognormal_check.c: a slow, strong test of the lognormal sampler
 * (sim/lognormal_strips.c) on callsim's generator, for bench/lognormal_check.
 *
 * For each zeta and sigma of a grid, n draws (default 1e8) from one stream
 * (sim/rng_stream.c: the seed, the grid point's index, purpose 0) and:
 *   - chi-square over 10,000 bins of equal probability, the lognormal's
 *     quantiles (39 a strip of the 256, so a wrong cap or rectangle within
 *     a strip shows), 9,999 degrees of freedom;
 *   - the first four moments of Z = (ln X - zeta) / sigma, which are N(0,1)'s
 *     (0, 1, 0, 3), each mean against its exact sd (1, sqrt 2, sqrt 15,
 *     sqrt 96) / sqrt n: normal two-sided p-values;
 *   - E X^k = exp(k zeta + k^2 sigma^2 / 2), k = 1..4, where the mean of
 *     n draws of X^k is near normal: its Berry-Esseen ratio, about
 *     exp(1.5 k^2 sigma^2) / sqrt n, below 0.05 (otherwise "-": the sample
 *     mean of so skewed a quantity is not a test);
 *   - the far tails: the counts below the 1e-6 quantile and above the
 *     1 - 1e-6 quantile (100 expected at n = 1e8), exact two-sided binomial
 *     p-values.
 * Prints one line a grid point and a summary; exits 1 when the smallest
 * p-value is below 0.001 / (the number of p-values), Bonferroni's bound
 * for a 0.1% chance of a false alarm over the whole run.
 *
 *   lognormal_check [N [SEED]] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>

#include "sim/lognormal_strips.h"
#include "sim/rng_stream.h"

#define BINS 10000

static const double sigmas[] = { 0.01, 0.1, 0.3, 0.66, 1.0, 1.5, 2.5 };
/* An hour's fraction, a talk time in seconds, a long time in seconds. */
static const double zetas[] = { -3.0, 5.5, 12.0 };

static int n_p;
static double p_min = 1.0;

/* Records p (printed by the caller) toward the summary. */
static double seen(double p)
{
	n_p++;
	if (p < p_min)
		p_min = p;
	return p;
}

static double normal_p(double z)
{
	return seen(2 * gsl_cdf_ugaussian_Q(fabs(z)));
}

/* Two-sided exact binomial p-value of count c of n at probability p. */
static double binomial_p(unsigned long c, double p, unsigned long n)
{
	double lo = gsl_cdf_binomial_P((unsigned)c, p, (unsigned)n);
	double hi = c == 0 ? 1.0 : gsl_cdf_binomial_Q((unsigned)c - 1, p,
						     (unsigned)n);
	double two = 2 * (lo < hi ? lo : hi);

	return seen(two < 1 ? two : 1);
}

/* The bin of x: the number of edges at or below it. */
static int bin_of(const double *edge, double x)
{
	int lo = 0, hi = BINS - 1;   /* edge[0..BINS-2] */

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (edge[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void check(double zeta, double sigma, unsigned long n,
		  unsigned long seed, unsigned index)
{
	static double edge[BINS - 1];
	static unsigned long count[BINS];
	struct lognormal_strips *t = malloc(sizeof *t);
	gsl_rng *r = rng_stream_new(seed, index, 0);
	long double zs[5] = { 0 }, xs[5] = { 0 };
	double ex[5], chi2 = 0, e = (double)n / BINS, q_lo, q_hi, tail;
	unsigned long below = 0, above = 0;

	if (t == NULL || r == NULL || lognormal_strips_init(t, zeta, sigma)) {
		fprintf(stderr, "lognormal_check: no tables for zeta %g sigma "
			"%g\n", zeta, sigma);
		exit(2);
	}
	for (int b = 1; b < BINS; b++)
		edge[b - 1] = exp(zeta + sigma *
				  gsl_cdf_ugaussian_Pinv((double)b / BINS));
	for (int b = 0; b < BINS; b++)
		count[b] = 0;
	for (int k = 1; k <= 4; k++)
		ex[k] = exp(k * zeta + k * k * sigma * sigma / 2);
	tail = 1e-6;
	q_lo = exp(zeta - sigma * gsl_cdf_ugaussian_Qinv(tail));
	q_hi = exp(zeta + sigma * gsl_cdf_ugaussian_Qinv(tail));
	for (unsigned long i = 0; i < n; i++) {
		double x = lognormal_strips_draw(t, r);
		double z = (log(x) - zeta) / sigma, zk = z, xk = x;

		count[bin_of(edge, x)]++;
		below += x < q_lo;
		above += x > q_hi;
		for (int k = 1; k <= 4; k++) {
			zs[k] += zk;
			xs[k] += xk / ex[k];
			zk *= z;
			xk *= x;
		}
	}
	for (int b = 0; b < BINS; b++)
		chi2 += ((double)count[b] - e) * ((double)count[b] - e) / e;
	printf("%5.2f %6.1f  %.4f ", sigma, zeta,
	       seen(gsl_cdf_chisq_Q(chi2, BINS - 1)));
	{
		static const double z_mean[5] = { 0, 0, 1, 0, 3 };
		static const double z_var[5] = { 0, 1, 2, 15, 96 };

		for (int k = 1; k <= 4; k++)
			printf(" %.4f", normal_p(((double)(zs[k] / n) - z_mean[k]) /
						 sqrt(z_var[k] / n)));
	}
	printf(" ");
	for (int k = 1; k <= 4; k++) {
		/* Var X^k / (E X^k)^2 = exp(k^2 sigma^2) - 1. */
		double v = expm1(k * k * sigma * sigma);

		if (exp(1.5 * k * k * sigma * sigma) / sqrt((double)n) < 0.05)
			printf(" %.4f", normal_p(((double)(xs[k] / n) - 1) /
						 sqrt(v / n)));
		else
			printf("      -");
	}
	printf("  %4lu %.4f %4lu %.4f\n", below, binomial_p(below, tail, n),
	       above, binomial_p(above, tail, n));
	fflush(stdout);
	gsl_rng_free(r);
	free(t);
}

int main(int argc, char **argv)
{
	unsigned long n = argc > 1 ? (unsigned long)strtod(argv[1], NULL)
				   : 100000000UL;
	unsigned long seed = argc > 2 ? strtoul(argv[2], NULL, 10) : 2026;
	unsigned index = 0;
	double bound;

	printf("lognormal_check: %lu draws a point, seed %lu, %d bins\n", n,
	       seed, BINS);
	printf("sigma   zeta  chi2   | Z^1    Z^2    Z^3    Z^4   | "
	       "X^1    X^2    X^3    X^4   | <q(1e-6)     >q(1-1e-6)\n");
	for (size_t z = 0; z < sizeof zetas / sizeof *zetas; z++)
		for (size_t s = 0; s < sizeof sigmas / sizeof *sigmas; s++)
			check(zetas[z], sigmas[s], n, seed, index++);
	bound = 0.001 / n_p;
	printf("summary: %d p-values, smallest %.3g; Bonferroni bound %.3g: "
	       "%s\n", n_p, p_min, bound, p_min < bound ? "FAILED" : "passed");
	return p_min < bound;
}
