/* test_lognormal_strips.c: the strips hold equal probability and their
 * rectangles and caps lie under and around the density; the draws are
 * lognormal (exact moments, a Kolmogorov-Smirnov test, a chi-square test
 * of the strips' counts, and the position of each draw within its strip,
 * which is where the caps would show), in the far tail too, on
 * xoshiro256++ and (GSL's ziggurat) on MT19937; sigmas the tables cannot
 * hold are refused. */
#include "test_support.h"
#include "ks_support.h"

#include <stdlib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>

#include "sim/lognormal_strips.h"
#include "sim/xoshiro256pp.h"

#define N LOGNORMAL_STRIPS

/* A short handle time, a travel time, a long time on scene. */
static const double zetas[] = { 5.0, 6.2, 8.1 };
static const double sigmas[] = { 0.1, 0.66, 1.5 };

static double z_of(const struct lognormal_strips *t, double x)
{
	return (log(x) - t->zeta) / t->sigma;
}

static double density(const struct lognormal_strips *t, double x)
{
	double z = z_of(t, x);

	return exp(-0.5 * z * z) / (x * t->sigma * sqrt(2.0 * M_PI));
}

static double lognormal_cdf(double x, const void *ctx)
{
	return gsl_cdf_ugaussian_P(z_of(ctx, x));
}

static double uniform_cdf(double x, const void *ctx)
{
	(void)ctx;
	return GSL_MIN(1.0, GSL_MAX(0.0, x));
}

static struct lognormal_strips *built(double zeta, double sigma)
{
	struct lognormal_strips *t = malloc(sizeof *t);

	assert_non_null(t);
	assert_int_equal(lognormal_strips_init(t, zeta, sigma), 0);
	return t;
}

/* Strip i of n: the last strip whose q is <= x. */
static int strip_of(const struct lognormal_strips *t, double x)
{
	int lo = 0, hi = N - 1;

	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (t->strip[mid].q <= x)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* Each strip holds 1/N; the fast share k / 2^53 is the rectangle's,
 * N lo (b - a), at most 1; the density across the strip lies within
 * [lo, hi], the box the cap's rejection test draws from. */
static void test_lognormal_strips_tables(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof sigmas / sizeof *sigmas; s++) {
		struct lognormal_strips *t = built(zetas[s], sigmas[s]);

		assert_seconds_near(t->z_end, gsl_cdf_ugaussian_Qinv(1.0 / N),
				    1e-12);
		assert_true(t->strip[0].k == 0 && t->strip[N - 1].k == 0);
		assert_seconds_near(gsl_cdf_ugaussian_P(z_of(t, t->strip[1].q)),
				    1.0 / N, 1e-13);
		for (int i = 1; i < N - 1; i++) {
			double a = t->strip[i].q, b = t->strip[i + 1].q;
			double p = gsl_cdf_ugaussian_P(z_of(t, b)) -
				   gsl_cdf_ugaussian_P(z_of(t, a));
			double rho = (double)t->strip[i].k / 0x1.0p53;

			assert_seconds_near(p, 1.0 / N, 1e-12);
			assert_true(rho <= 1.0 && rho > 0);
			assert_seconds_near(rho, N * t->lo[i] * (b - a), 1e-12);
			assert_seconds_near(t->strip[i].w * (double)t->strip[i].k,
					    b - a, 1e-12 * (b - a));
			for (int m = 0; m <= 64; m++) {
				double f = density(t, a + (b - a) * m / 64.0);

				assert_true(f >= t->lo[i] * (1 - 1e-12));
				assert_true(f <= t->hi[i] * (1 + 1e-12));
			}
		}
		free(t);
	}
}

/* n draws of t from r: the mean and E X^2 within 4 sd (E X^k =
 * exp(k zeta + k^2 sigma^2 / 2)); KS against the lognormal; the strips'
 * counts against n/N each (chi-square, 255 degrees of freedom); and the
 * position of each draw within its strip, N (F(x) - i/N), which is
 * uniform on [0, 1) when the rectangles and caps together give f. Each
 * p-value must not be below 0.001 for these seeds. */
static void check_lognormal(const struct lognormal_strips *t, gsl_rng *r,
			    int n)
{
	double *x = malloc((size_t)n * sizeof *x);
	double *v = malloc((size_t)n * sizeof *v);
	double s1 = 0, s2 = 0, chi2 = 0, e[5];
	long count[N] = { 0 };

	assert_non_null(x);
	assert_non_null(v);
	for (int k = 1; k <= 4; k++)
		e[k] = exp(k * t->zeta + k * k * t->sigma * t->sigma / 2);
	for (int i = 0; i < n; i++) {
		int s;
		double z;

		x[i] = lognormal_strips_draw(t, r);
		assert_true(x[i] > 0 && isfinite(x[i]));
		s1 += x[i];
		s2 += x[i] * x[i];
		s = strip_of(t, x[i]);
		count[s]++;
		z = z_of(t, x[i]);
		v[i] = z > 0 ? 1.0 - N * gsl_cdf_ugaussian_Q(z) + (N - 1 - s)
			     : N * gsl_cdf_ugaussian_P(z) - s;
	}
	assert_seconds_near(s1 / n, e[1], 4.0 * sqrt((e[2] - e[1] * e[1]) / n));
	assert_seconds_near(s2 / n, e[2], 4.0 * sqrt((e[4] - e[2] * e[2]) / n));
	for (int i = 0; i < N; i++)
		chi2 += (count[i] - (double)n / N) * (count[i] - (double)n / N) /
			((double)n / N);
	assert_true(gsl_cdf_chisq_Q(chi2, N - 1) > 0.001);
	for (int i = 0; i < n; i++)
		assert_true(v[i] > -1e-6 && v[i] < 1 + 1e-6);
	assert_true(ks_test(v, n, uniform_cdf, NULL) > 0.001);
	assert_true(ks_test(x, n, lognormal_cdf, t) > 0.001);
	free(x);
	free(v);
}

static void test_lognormal_strips_are_lognormal(void **state)
{
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());

	(void)state;
	for (size_t s = 0; s < sizeof sigmas / sizeof *sigmas; s++) {
		struct lognormal_strips *t = built(zetas[s], sigmas[s]);

		gsl_rng_set(r, 2026 + s);
		check_lognormal(t, r, 1000000);
		free(t);
	}
	gsl_rng_free(r);
}

/* A 32-bit generator draws exp(zeta + sigma Z) with GSL's ziggurat: the
 * same distribution. */
static void test_lognormal_strips_mt19937_falls_back(void **state)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	struct lognormal_strips *t = built(6.2, 0.66);

	(void)state;
	gsl_rng_set(r, 7);
	check_lognormal(t, r, 300000);
	free(t);
	gsl_rng_free(r);
}

/* The far end, drawn from GSL's Gaussian tail: the draws beyond the last
 * strip's start, mapped to Z, are Z given Z > z_end. */
static double tail_cdf(double z, const void *ctx)
{
	double a = *(const double *)ctx;

	return 1.0 - gsl_cdf_ugaussian_Q(z) / gsl_cdf_ugaussian_Q(a);
}

static void test_lognormal_strips_far_tail(void **state)
{
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());
	struct lognormal_strips *t = built(6.2, 0.66);
	const int n = 20000;
	double *z = malloc(n * sizeof *z);

	(void)state;
	assert_non_null(z);
	gsl_rng_set(r, 11);
	for (int got = 0; got < n;) {
		double x = lognormal_strips_draw(t, r);

		if (x >= t->strip[N - 1].q)
			z[got++] = z_of(t, x);
	}
	assert_true(ks_test(z, n, tail_cdf, &t->z_end) > 0.001);
	free(z);
	free(t);
	gsl_rng_free(r);
}

/* Sigmas whose strips doubles cannot hold: refused, so that the caller
 * draws exp(zeta + sigma Z) itself. */
static void test_lognormal_strips_refuses_unrepresentable(void **state)
{
	struct lognormal_strips *t = malloc(sizeof *t);

	(void)state;
	assert_non_null(t);
	assert_int_equal(lognormal_strips_init(t, 5.0, 0.0), -1);
	assert_int_equal(lognormal_strips_init(t, 5.0, 1e-14), -1);
	assert_int_equal(lognormal_strips_init(t, 5.0, 300.0), -1);
	assert_int_equal(lognormal_strips_init(t, NAN, 0.5), -1);
	assert_int_equal(lognormal_strips_init(t, 5.0, 1e-4), 0);
	free(t);
}

/* A sigma so large that a cap's box dwarfs the cap: at sigma 100 the
 * rejection test of the last strips but one would expect 1e9 tries, at
 * 250 1e24 (the draw never ends), so the tables are refused and the
 * caller draws exp(zeta + sigma Z). The largest sigma a mean and sd give,
 * sigma^2 = ln(1 + cv^2) with cv^2 just finite (26.6), keeps its strips,
 * and its draws end. */
static void test_lognormal_strips_refuses_endless_caps(void **state)
{
	struct lognormal_strips *t = malloc(sizeof *t);
	double sigma = sqrt(log1p(1e308));
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());

	(void)state;
	assert_non_null(t);
	assert_non_null(r);
	assert_int_equal(lognormal_strips_init(t, 0.0, 250.0), -1);
	assert_int_equal(lognormal_strips_init(t, 5.0, 100.0), -1);
	assert_int_equal(lognormal_strips_init(t, 5.0, 40.0), -1);
	assert_int_equal(lognormal_strips_init(t, -sigma * sigma / 2, sigma),
			 0);
	gsl_rng_set(r, 3);
	for (int n = 0; n < 100000; n++) {
		double x = lognormal_strips_draw(t, r);

		assert_true(x >= 0 && isfinite(x));
	}
	free(t);
	gsl_rng_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lognormal_strips_tables),
		cmocka_unit_test(test_lognormal_strips_are_lognormal),
		cmocka_unit_test(test_lognormal_strips_mt19937_falls_back),
		cmocka_unit_test(test_lognormal_strips_far_tail),
		cmocka_unit_test(test_lognormal_strips_refuses_unrepresentable),
		cmocka_unit_test(test_lognormal_strips_refuses_endless_caps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
