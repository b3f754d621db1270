/* test_ci.c: the Student-t interval matches a hand computation, NAN values
 * are left out, and verdicts follow DESIGN.md. */
#include "test_support.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/ci.h"

/* Service levels of five replications. By hand:
 *   mean = 14.485 / 5 = 2.897
 *   sum of squared deviations = 0.262144 + 0.041209 + 0.000009
 *                               + 0.253009 + 0.038809 = 0.59518
 *   sd = sqrt(0.59518 / 4) = 0.38573955
 *   t(0.975, 4 df) = 2.7764451051977987 (tables)
 *   half width = t sd / sqrt(5) = 0.47895891
 * so the 95% interval is [2.41804109, 3.37595891]. */
static const double five[5] = { 2.385, 3.1, 2.9, 3.4, 2.7 };
static const double five_lo = 2.897 - 2.7764451051977987 * 0.38573954943718180 / 2.2360679774997897;
static const double five_hi = 2.897 + 2.7764451051977987 * 0.38573954943718180 / 2.2360679774997897;

static void test_ci_matches_hand_computed_t_interval(void **state)
{
	struct ci c = ci_of(five, 1, 5, 0.95);

	(void)state;
	assert_int_equal(c.n, 5);
	assert_seconds_near(c.mean, 2.897, 1e-12);
	assert_seconds_near(c.lo, five_lo, 1e-9);
	assert_seconds_near(c.hi, five_hi, 1e-9);
	assert_seconds_near(c.lo, 2.41804109, 1e-8);
}

/* A 90% interval of the same data uses t(0.95, 4) = 2.1318467863266499. */
static void test_ci_other_level(void **state)
{
	struct ci c = ci_of(five, 1, 5, 0.90);
	double half = 2.1318467863266499 * 0.38573954943718180 / sqrt(5.0);

	(void)state;
	assert_seconds_near(c.hi - c.mean, half, 1e-9);
	assert_seconds_near(c.mean - c.lo, half, 1e-9);
}

/* A column of an array of structs, with NANs (replications that measured
 * nothing) in between, gives the same interval from its five values. */
static void test_ci_stride_and_nan(void **state)
{
	struct row {
		double other;
		double sl;
	} rows[8] = {
		{ 1.0, 2.385 }, { 2.0, NAN }, { 3.0, 3.1 }, { 4.0, 2.9 },
		{ 5.0, NAN }, { 6.0, 3.4 }, { 7.0, 2.7 }, { 8.0, NAN },
	};
	struct ci c = ci_of(&rows[0].sl, sizeof rows[0] / sizeof(double), 8, 0.95);

	(void)state;
	assert_int_equal(c.n, 5);
	assert_seconds_near(c.mean, 2.897, 1e-12);
	assert_seconds_near(c.lo, five_lo, 1e-9);
	assert_seconds_near(c.hi, five_hi, 1e-9);
}

/* More values than fit on the stack, one of them NAN: the heap copy gives
 * the same interval as the column without the NAN. */
static void test_ci_long_column_with_nan(void **state)
{
	const size_t n = 1000;
	double *x = malloc((n + 1) * sizeof *x);
	struct ci with, without;

	(void)state;
	assert_non_null(x);
	for (size_t i = 0; i < n; i++)
		x[i] = 0.85 + 0.1 * sin(2.385 * (double)i);
	without = ci_of(x, 1, n, 0.95);
	x[n] = x[500];
	x[500] = NAN;
	with = ci_of(x, 1, n + 1, 0.95);
	assert_int_equal(with.n, n);
	assert_seconds_near(with.mean, without.mean, 1e-12);
	assert_seconds_near(with.lo, without.lo, 1e-12);
	assert_seconds_near(with.hi, without.hi, 1e-12);
	free(x);
}

static void test_ci_one_and_none(void **state)
{
	const double x[3] = { NAN, 0.913, NAN };
	struct ci one = ci_of(x, 1, 3, 0.95);
	struct ci none = ci_of(x, 2, 2, 0.95);
	struct ci empty = ci_of(x, 1, 0, 0.95);

	(void)state;
	assert_int_equal(one.n, 1);
	assert_seconds_near(one.mean, 0.913, 0.0);
	assert_seconds_near(one.lo, 0.913, 0.0);
	assert_seconds_near(one.hi, 0.913, 0.0);
	assert_int_equal(none.n, 0);
	assert_true(isnan(none.mean) && isnan(none.lo) && isnan(none.hi));
	assert_int_equal(empty.n, 0);
	assert_true(isnan(empty.mean));
}

/* Met at or below the lower end, missed strictly above the upper end. */
static void test_ci_verdicts(void **state)
{
	struct ci c = { 0.9, 0.873, 0.927, 10 };
	struct ci unknown = { NAN, NAN, NAN, 0 };

	(void)state;
	assert_int_equal(ci_verdict_of(c, 0.80), CI_MET);
	assert_int_equal(ci_verdict_of(c, 0.873), CI_MET);
	assert_int_equal(ci_verdict_of(c, 0.90), CI_UNCERTAIN);
	assert_int_equal(ci_verdict_of(c, 0.927), CI_UNCERTAIN);
	assert_int_equal(ci_verdict_of(c, 0.95), CI_MISSED);
	assert_int_equal(ci_verdict_of(unknown, 0.9), CI_UNCERTAIN);
	/* A figure only one replication measured has a zero-width interval
	 * and no verdict. */
	assert_int_equal(ci_verdict_of((struct ci){ 1.0, 1.0, 1.0, 1 }, 0.8),
			 CI_UNCERTAIN);
	assert_string_equal(ci_verdict_name(CI_MET), "met");
	assert_string_equal(ci_verdict_name(CI_MISSED), "missed");
	assert_string_equal(ci_verdict_name(CI_UNCERTAIN), "uncertain");
}

/* Settling an uncertain verdict, by hand: 4 values, mean 0.90, 95%
 * interval [0.88, 0.92], goal 0.895. t(3) = 3.1824 (tables), so the
 * spread is s = 0.02 * sqrt(4) / 3.1824 = 0.012568, and the half-width at
 * n values is t(n-1) * s / sqrt(n), to fall below d = 0.005:
 *   n = 26: t(25) = 2.0595, 2.0595 * 0.012568 / 5.0990 = 0.005076 > d
 *   n = 27: t(26) = 2.0555, 2.0555 * 0.012568 / 5.1962 = 0.004972 < d
 * so 27. (Holding t at 3.1824 would say 4 * (0.02 / 0.005)^2 = 64.) */
static void test_ci_settle_matches_hand_computation(void **state)
{
	struct ci c = { 0.90, 0.88, 0.92, 4 };

	(void)state;
	assert_int_equal((int)ci_settle_n(c, 0.895, 0.95), 27);
	/* The side nearer the goal does not matter; the longer side does: a
	 * clipped high end keeps the low end's half-width. */
	assert_int_equal((int)ci_settle_n(c, 0.905, 0.95), 27);
	c.hi = 0.905;
	assert_int_equal((int)ci_settle_n(c, 0.895, 0.95), 27);
	/* Twice as far from the goal: about a quarter as many. */
	c.hi = 0.92;
	assert_int_equal((int)ci_settle_n(c, 0.89, 0.95), 9);
	/* On the goal no number settles it; without a spread, unknown. */
	assert_true(isinf(ci_settle_n(c, 0.90, 0.95)));
	c.n = 1;
	assert_true(isnan(ci_settle_n(c, 0.895, 0.95)));
}

/* The t factor is GSL's to the bit for every count, level 0.95 (its table)
 * or not, past the table's end too: an interval never depends on which way
 * the factor was found. */
static void test_ci_t_quantile_is_gsl_to_the_bit(void **state)
{
	static const double levels[] = { 0.95, 0.90, 0.99 };

	(void)state;
	for (size_t l = 0; l < sizeof levels / sizeof levels[0]; l++) {
		for (size_t n = 2; n <= 300; n++) {
			double want = gsl_cdf_tdist_Pinv((1.0 + levels[l]) / 2.0,
							 (double)(n - 1));
			double got = ci_t_quantile(levels[l], n);

			assert_memory_equal(&got, &want, sizeof got);
		}
	}
	assert_true(ci_t_quantile(0.95, 2) > 12.7);
	assert_true(ci_t_quantile(0.95, 256) < 1.97);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ci_matches_hand_computed_t_interval),
		cmocka_unit_test(test_ci_other_level),
		cmocka_unit_test(test_ci_stride_and_nan),
		cmocka_unit_test(test_ci_long_column_with_nan),
		cmocka_unit_test(test_ci_one_and_none),
		cmocka_unit_test(test_ci_verdicts),
		cmocka_unit_test(test_ci_settle_matches_hand_computation),
		cmocka_unit_test(test_ci_t_quantile_is_gsl_to_the_bit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
