/* test_hist.c: histogram quantiles are exact on evenly spread data, within
 * bin width plus sampling error on exponential waits, and the overflow bin
 * reports 12 h. */
#include "test_support.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "sim/hist.h"

static void test_hist_empty(void **state)
{
	struct hist *h = hist_new();

	(void)state;
	assert_non_null(h);
	assert_seconds_near(hist_count(h), 0.0, 0.0);
	assert_true(isnan(hist_quantile(h, 0.5)));
	hist_free(h);
	hist_free(NULL);
}

/* One observation at the centre of every 0.25 s bin from 0 to 60 s, and of
 * every 15 s bin from 600 s to 2 h: with equal mass per bin and linear
 * interpolation, the quantiles are those of a uniform law, exactly. */
static void test_hist_uniform_grid_is_exact(void **state)
{
	struct hist *fine = hist_new();
	struct hist *coarse = hist_new();
	const double q[5] = { 0.0, 0.1, 0.5, 0.9, 1.0 };

	(void)state;
	for (int k = 0; k < 240; k++)
		hist_add(fine, 0.125 + 0.25 * k);
	for (int k = 0; k < 440; k++)
		hist_add(coarse, 607.5 + 15.0 * k);
	assert_seconds_near(hist_count(fine), 240.0, 0.0);
	for (int i = 0; i < 5; i++) {
		/* The 0-quantile is the lower edge of the first non-empty bin:
		 * 1e-6 s, the top of the bin of zeros. */
		assert_seconds_near(hist_quantile(fine, q[i]), 60.0 * q[i],
				    q[i] == 0.0 ? 1e-6 : 1e-9);
		assert_seconds_near(hist_quantile(coarse, q[i]),
				    600.0 + 6600.0 * q[i], 1e-9);
	}
	hist_free(fine);
	hist_free(coarse);
}

/* Zero waits (callers answered at once) are reported as zero, not spread
 * over the first 0.25 s bin: 90% zeros make the median 0. */
static void test_hist_zeros_stay_zero(void **state)
{
	struct hist *h = hist_new();

	(void)state;
	for (int k = 0; k < 900; k++)
		hist_add(h, 0.0);
	for (int k = 0; k < 100; k++)
		hist_add(h, 2.385);
	assert_true(hist_quantile(h, 0.5) <= 1e-6);
	assert_true(hist_quantile(h, 0.89) <= 1e-6);
	assert_seconds_near(hist_quantile(h, 0.95), 2.375, 1e-9);
	hist_free(h);
}

/* A value on an edge belongs to the bin above it: 60 s is in [60, 62). */
static void test_hist_edge_goes_up(void **state)
{
	struct hist *h = hist_new();

	(void)state;
	hist_add(h, 60.0);
	assert_seconds_near(hist_quantile(h, 0.0), 60.0, 0.0);
	assert_seconds_near(hist_quantile(h, 0.5), 61.0, 1e-12);
	assert_seconds_near(hist_quantile(h, 1.0), 62.0, 0.0);
	hist_free(h);
}

/* Bin width at x, as hist.h lists them. */
static double bin_width(double x)
{
	return x < 60.0 ? 0.25 : x < 600.0 ? 2.0 : x < 7200.0 ? 15.0 : 60.0;
}

/* 200,000 exponential waits (mean 180 s): the q-quantile is
 * -mean ln(1-q). The sample quantile has sd sqrt(q(1-q)/n) / f(x_q) =
 * mean sqrt(q / ((1-q) n)), so the tolerance is one bin width (the
 * histogram's resolution) plus four of those sd. */
static void test_hist_exponential_quantiles(void **state)
{
	const double mean = 180.0, n = 200000;
	const double q[5] = { 0.1, 0.5, 0.9, 0.95, 0.99 };
	struct hist *h = hist_new();
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	(void)state;
	gsl_rng_set(r, 2385);
	for (int i = 0; i < (int)n; i++)
		hist_add(h, gsl_ran_exponential(r, mean));
	assert_seconds_near(hist_count(h), n, 0.0);
	for (int i = 0; i < 5; i++) {
		double want = -mean * log1p(-q[i]);
		double sd = mean * sqrt(q[i] / ((1.0 - q[i]) * n));

		assert_seconds_near(hist_quantile(h, q[i]), want,
				    bin_width(want) + 4.0 * sd);
	}
	gsl_rng_free(r);
	hist_free(h);
}

/* Waits of 12 h and more are counted in the overflow bin and reported as
 * 12 h, its lower edge; they still move the other quantiles. */
static void test_hist_overflow_reports_lower_edge(void **state)
{
	struct hist *h = hist_new();

	(void)state;
	hist_add(h, 10.1);
	hist_add(h, 43200.0);
	hist_add(h, 50000.0);
	hist_add(h, 1e7);
	assert_seconds_near(hist_count(h), 4.0, 0.0);
	assert_seconds_near(hist_quantile(h, 0.0), 10.0, 0.0);
	assert_seconds_near(hist_quantile(h, 0.125), 10.125, 1e-9);
	assert_seconds_near(hist_quantile(h, 0.5), 43200.0, 0.0);
	assert_seconds_near(hist_quantile(h, 1.0), 43200.0, 0.0);
	hist_free(h);
}

/* Merging two halves gives the histogram of the whole; reset empties. */
static void test_hist_merge_and_reset(void **state)
{
	struct hist *all = hist_new();
	struct hist *a = hist_new();
	struct hist *b = hist_new();
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	(void)state;
	gsl_rng_set(r, 4711);
	for (int i = 0; i < 5000; i++) {
		double x = gsl_ran_lognormal(r, 4.2, 0.9);

		hist_add(all, x);
		hist_add(i % 3 == 0 ? a : b, x);
	}
	hist_merge(a, b);
	assert_seconds_near(hist_count(a), 5000.0, 0.0);
	assert_seconds_near(hist_count(b), 5000.0 - 1667.0, 0.0);
	for (double q = 0.0; q <= 1.0; q += 0.0625)
		assert_seconds_near(hist_quantile(a, q), hist_quantile(all, q),
				    1e-9);
	hist_reset(a);
	assert_seconds_near(hist_count(a), 0.0, 0.0);
	assert_true(isnan(hist_quantile(a, 0.9)));
	gsl_rng_free(r);
	hist_free(all);
	hist_free(a);
	hist_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hist_empty),
		cmocka_unit_test(test_hist_uniform_grid_is_exact),
		cmocka_unit_test(test_hist_edge_goes_up),
		cmocka_unit_test(test_hist_zeros_stay_zero),
		cmocka_unit_test(test_hist_exponential_quantiles),
		cmocka_unit_test(test_hist_overflow_reports_lower_edge),
		cmocka_unit_test(test_hist_merge_and_reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
