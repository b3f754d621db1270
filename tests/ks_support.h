/* ks_support.h: the one-sample Kolmogorov-Smirnov test, for the tests of
 * exact samplers (GSL has none). */
#ifndef TESTS_KS_SUPPORT_H
#define TESTS_KS_SUPPORT_H

#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_math.h>

static inline int ks_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Kolmogorov's limiting distribution: P(sqrt(n) D > t). */
static inline double ks_p_value(double t)
{
	double p = 0;

	for (int k = 1; k <= 100; k++)
		p += 2.0 * ((k % 2) ? 1.0 : -1.0) * exp(-2.0 * k * k * t * t);
	return GSL_MIN(1.0, GSL_MAX(0.0, p));
}

/* The p-value of n draws x (sorted here) against the distribution
 * function cdf. */
static inline double ks_test(double *x, int n,
			     double (*cdf)(double x, const void *ctx),
			     const void *ctx)
{
	double d = 0;

	qsort(x, (size_t)n, sizeof *x, ks_cmp_double);
	for (int i = 0; i < n; i++) {
		double c = cdf(x[i], ctx);

		d = GSL_MAX(d, GSL_MAX(c - (double)i / n, (double)(i + 1) / n - c));
	}
	return ks_p_value(sqrt((double)n) * d);
}

#endif
