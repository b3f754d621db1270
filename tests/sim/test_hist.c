/* test_hist.c: histogram quantiles are exact on evenly spread data, within
 * the stated relative error plus sampling error on exponential waits of
 * minutes to a year, exactly zero among immediate answers, and never above
 * the largest value. */
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

/* One observation on the lower edge of each of the 128 bins of a doubling
 * ([1, 2) s, and [2^20, 2^21) s, 12 days on): with equal mass per bin and
 * linear interpolation, the quantiles are those of a uniform law, exactly,
 * as far beyond 12 h as near a minute. */
static void test_hist_uniform_grid_is_exact(void **state)
{
	struct hist *near = hist_new();
	struct hist *far = hist_new();
	const double q[4] = { 0.0, 0.1, 0.5, 0.9 };

	(void)state;
	for (int j = 0; j < 128; j++) {
		hist_add(near, 1.0 + j / 128.0);
		hist_add(far, ldexp(1.0 + j / 128.0, 20));
	}
	for (int i = 0; i < 4; i++) {
		assert_seconds_near(hist_quantile(near, q[i]), 1.0 + q[i], 1e-12);
		assert_seconds_near(hist_quantile(far, q[i]),
				    ldexp(1.0 + q[i], 20), 1e-6);
	}
	/* The 1-quantile is the largest value added, exactly. */
	assert_seconds_near(hist_quantile(far, 1.0), ldexp(255.0 / 128.0, 20), 0.0);
	hist_free(near);
	hist_free(far);
}

/* Zero waits (callers answered at once) are reported as exactly zero, not
 * spread over the first bin: 90% zeros make the median 0, not 6e-07. */
static void test_hist_zeros_stay_zero(void **state)
{
	struct hist *h = hist_new();

	(void)state;
	for (int k = 0; k < 900; k++)
		hist_add(h, 0.0);
	for (int k = 0; k < 100; k++)
		hist_add(h, 2.385);
	assert_true(hist_quantile(h, 0.5) == 0.0);
	assert_true(hist_quantile(h, 0.89) == 0.0);
	/* 2.385 s is in the bin [2.375, 2.390625); half its mass lies below
	 * the 0.95-quantile. */
	assert_seconds_near(hist_quantile(h, 0.95), 2.375 + 0.5 * 0.015625, 1e-9);
	assert_seconds_near(hist_quantile(h, 1.0), 2.385, 0.0);
	hist_free(h);
}

/* A value on an edge belongs to the bin above it: 64 s is in [64, 64.5),
 * and the double just below 64 in [63.75, 64). */
static void test_hist_edge_goes_up(void **state)
{
	struct hist *on = hist_new();
	struct hist *below = hist_new();

	(void)state;
	hist_add(on, 64.0);
	hist_add(below, nextafter(64.0, 0.0));
	assert_seconds_near(hist_quantile(on, 0.0), 64.0, 0.0);
	assert_seconds_near(hist_quantile(below, 0.0), 63.75, 0.0);
	hist_free(on);
	hist_free(below);
}

/* n exponential draws of the given mean: each q-quantile must be within one
 * bin (2^-7 of its value, the histogram's stated relative error) plus four
 * sd of the sample quantile, sqrt(q(1-q)/n) / f(x_q) = mean sqrt(q / ((1-q)
 * n)), of the exact -mean ln(1-q). */
static void check_exponential(double mean, unsigned long seed)
{
	const double n = 200000;
	const double q[5] = { 0.1, 0.5, 0.9, 0.95, 0.99 };
	struct hist *h = hist_new();
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	gsl_rng_set(r, seed);
	for (int i = 0; i < (int)n; i++)
		hist_add(h, gsl_ran_exponential(r, mean));
	assert_seconds_near(hist_count(h), n, 0.0);
	for (int i = 0; i < 5; i++) {
		double want = -mean * log1p(-q[i]);
		double sd = mean * sqrt(q[i] / ((1.0 - q[i]) * n));

		assert_seconds_near(hist_quantile(h, q[i]), want,
				    ldexp(want, -7) + 4.0 * sd);
	}
	gsl_rng_free(r);
	hist_free(h);
}

/* A quantile whose rank q n is a whole number falls between two values
 * (the median of two): it is read in the lower value's bin, as the
 * empirical quantile takes the lower value, whatever the count. Regression:
 * GSL's normalised cumulative sums decided by their rounding, so the median
 * of one immediate answer and one wait of 573.75 s was 572 s, while p90 of
 * nine immediate answers and one wait was 0. */
static void test_hist_rank_between_values(void **state)
{
	(void)state;
	for (int k = 1; k <= 64; k++) {
		struct hist *zeros = hist_new();
		struct hist *apart = hist_new();

		for (int i = 0; i < k; i++) {
			hist_add(zeros, 0.0);
			hist_add(zeros, 573.75);
			hist_add(apart, 10.0);
			hist_add(apart, 1000.0);
		}
		/* 10 s is the lower edge of the bin [10, 10.0625). */
		assert_true(hist_quantile(zeros, 0.5) == 0.0);
		assert_seconds_near(hist_quantile(apart, 0.5), 10.0625, 1e-12);
		hist_add(zeros, 0.0);
		hist_add(apart, 10.0);
		assert_true(hist_quantile(zeros, 0.5) == 0.0);
		hist_free(zeros);
		hist_free(apart);
	}
	for (int n = 10; n <= 400; n += 10) {
		struct hist *h = hist_new();

		for (int i = 0; i < n; i++)
			hist_add(h, i < n * 9 / 10 ? 0.0 : 83.96);
		assert_true(hist_quantile(h, 0.9) == 0.0);
		assert_true(hist_quantile(h, 0.95) > 83.0);
		hist_free(h);
	}
}

/* Waits of a few minutes, as a contact centre has them. */
static void test_hist_exponential_quantiles(void **state)
{
	(void)state;
	check_exponential(180.0, 2385);
}

/* Attendance times of days and waits of weeks, far beyond the 12 h where
 * quantiles used to stop (p50 = p95 = 43200 s while the mean was days). */
static void test_hist_long_quantiles(void **state)
{
	(void)state;
	check_exponential(2.385 * 86400.0, 4711);
	check_exponential(3.0e7, 17);
}

/* Beyond the last log bin (2^36 s, longer than any run) a value still
 * counts, and no quantile exceeds the largest value added. */
static void test_hist_beyond_last_bin(void **state)
{
	struct hist *h = hist_new();

	(void)state;
	hist_add(h, 10.0);
	hist_add(h, 1e11);
	hist_add(h, 2e11);
	assert_seconds_near(hist_count(h), 3.0, 0.0);
	assert_seconds_near(hist_quantile(h, 0.0), 10.0, 0.0);
	assert_seconds_near(hist_quantile(h, 0.9), 2e11, 0.0);
	assert_seconds_near(hist_quantile(h, 1.0), 2e11, 0.0);
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

/* Counts below edges are exact: the report's wait bins (10, 20, 30 s ...
 * one hour) are edges of the bins, 10.01 s is not; values on an edge count
 * above it (a bin holds its lower edge), and the counts of many values,
 * zeros among them, are the ones counted directly. */
static void test_hist_counts_below_edges(void **state)
{
	(void)state;
	const double edges[10] = { 0, 10, 20, 30, 60, 120, 300, 600, 1800,
				   3600 };
	double got[10], want[10] = { 0 }, x = 0.5;
	struct hist *h = hist_new();

	assert_non_null(h);
	assert_false(hist_is_edge(10.01));
	assert_false(hist_is_edge(-1.0));
	for (size_t i = 0; i < 100000; i++) {
		x = fmod(x * 7919.0 + 0.37, 5000.0);
		double v = i % 7 == 0 ? 0.0 : i % 13 == 0 ? 20.0 : x;

		hist_add(h, v);
		for (size_t k = 0; k < 10; k++)
			want[k] += v < edges[k];
	}
	for (size_t k = 0; k < 10; k++)
		assert_true(hist_is_edge(edges[k]));
	hist_counts_below(h, edges, 10, got);
	for (size_t k = 0; k < 10; k++)
		assert_true(got[k] == want[k]);
	hist_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hist_empty),
		cmocka_unit_test(test_hist_uniform_grid_is_exact),
		cmocka_unit_test(test_hist_edge_goes_up),
		cmocka_unit_test(test_hist_zeros_stay_zero),
		cmocka_unit_test(test_hist_rank_between_values),
		cmocka_unit_test(test_hist_exponential_quantiles),
		cmocka_unit_test(test_hist_long_quantiles),
		cmocka_unit_test(test_hist_beyond_last_bin),
		cmocka_unit_test(test_hist_merge_and_reset),
		cmocka_unit_test(test_hist_counts_below_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
