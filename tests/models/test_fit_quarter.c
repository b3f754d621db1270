/* test_fit_quarter.c: a line's quarter-hour profile (models/
 * fit_quarter.c): the factors and likelihood ratio of a table worked by
 * hand, p against the closed form of chi-square on 3 degrees, the three
 * conditions of the rule, and the forced choices. */
#include "tests/test_support.h"

#include <math.h>
#include <string.h>

#include "models/fit_quarter.h"

/* Every hour of the week observed, its quarters' calls c[0..3]. */
static void fill(struct fit_quarter *fq, const double c[4])
{
	double ones[168], hours[168];

	memset(fq, 0, sizeof *fq);
	for (int h = 0; h < 168; h++) {
		ones[h] = 1;
		hours[h] = 4;
		for (int q = 0; q < 4; q++)
			for (int k = 0; k < (int)c[q]; k++)
				fit_quarter_count(fq, h, q);
	}
	fit_quarter_estimate(fq, ones, hours);
}

/* One hour of the week observed, with 10, 20, 30 and 40 calls in its
 * quarters and factor 2: the factors 2 * 4 * c / 100, G = 2 sum c
 * ln(4c / 100) = 21.28803 on 3 degrees, whose p is erfc(sqrt(G/2)) +
 * sqrt(2G/pi) exp(-G/2); the hours never observed keep 1. */
static void test_fit_quarter_by_hand(void **state)
{
	static const double c[4] = { 10, 20, 30, 40 };
	double profile[168], hours[168] = { 0 };
	struct fit_quarter fq;
	double g = 2 * (10 * log(0.4) + 20 * log(0.8) + 30 * log(1.2)
			+ 40 * log(1.6));
	char why[256];

	(void)state;
	memset(&fq, 0, sizeof fq);
	for (int h = 0; h < 168; h++)
		profile[h] = 1;
	profile[5] = 2;
	hours[5] = 6;
	for (int q = 0; q < 4; q++)
		for (int k = 0; k < (int)c[q]; k++)
			fit_quarter_count(&fq, 5, q);
	fit_quarter_estimate(&fq, profile, hours);
	for (int q = 0; q < 4; q++)
		assert_seconds_near(fq.profile[20 + q], 2 * 4 * c[q] / 100, 1e-12);
	assert_seconds_near(fq.profile[0], 1, 0);
	assert_seconds_near(fq.profile[671], 1, 0);
	assert_seconds_near(g, 21.28803, 1e-5);
	assert_seconds_near(fq.lr, g, 1e-9);
	assert_int_equal(fq.df, 3);
	assert_seconds_near(fq.p, erfc(sqrt(g / 2)) + sqrt(2 * g / (4 * atan(1)))
			    * exp(-g / 2), 1e-12);
	assert_int_equal(fq.hours_seen, 1);
	assert_false(fq.supported);
	fit_quarter_shortfall(&fq, "; ", why, sizeof why);
	assert_string_equal(why, "1 of the 168 hours of the week observed, "
			    "all needed; 0.1 calls a quarter-hour, 100 needed");
}

/* The rule: 100 calls a quarter-hour on average, and G significant at
 * 1%; and what --profile forces. */
static void test_fit_quarter_rule(void **state)
{
	static const double even[4] = { 100, 100, 100, 100 };
	static const double spike[4] = { 130, 90, 90, 90 };
	static const double short_spike[4] = { 129, 90, 90, 90 };
	struct fit_quarter fq;
	char why[256];

	(void)state;
	fill(&fq, even);   /* 100 a quarter-hour, G = 0 */
	assert_int_equal(fq.hours_seen, 168);
	assert_int_equal(fq.df, 504);
	assert_seconds_near(fq.lr, 0, 1e-9);
	assert_false(fq.supported);
	fit_quarter_shortfall(&fq, "; ", why, sizeof why);
	assert_string_equal(why, "no evidence the quarters differ: p = 1, "
			    "needs p < 0.01");
	fit_quarter_choose(&fq, FIT_QUARTER_AUTO);
	assert_int_equal(fq.slots, 168);
	fit_quarter_choose(&fq, FIT_QUARTER_ON);
	assert_int_equal(fq.slots, 672);

	fill(&fq, spike);  /* 100 a quarter-hour, G = 168 * 11.32 */
	assert_seconds_near(fq.lr, 168 * 2 * (130 * log(1.3) + 270 * log(0.9)),
			    1e-6);
	assert_true(fq.p < 1e-6);
	assert_true(fq.supported);
	fit_quarter_shortfall(&fq, "; ", why, sizeof why);
	assert_string_equal(why, "");
	fit_quarter_choose(&fq, FIT_QUARTER_AUTO);
	assert_int_equal(fq.slots, 672);
	fit_quarter_choose(&fq, FIT_QUARTER_HOUR);
	assert_int_equal(fq.slots, 168);
	assert_seconds_near(fq.profile[0], 1.3, 1e-12);

	fill(&fq, short_spike);   /* 99.75 a quarter-hour */
	assert_false(fq.supported);
	fit_quarter_shortfall(&fq, "; ", why, sizeof why);
	assert_string_equal(why, "99.8 calls a quarter-hour, 100 needed");
}

/* The quarter of the local hour a time falls in. */
static void test_fit_quarter_of(void **state)
{
	(void)state;
	assert_int_equal(fit_quarter_of(0), 0);
	assert_int_equal(fit_quarter_of(899.999), 0);
	assert_int_equal(fit_quarter_of(900), 1);
	assert_int_equal(fit_quarter_of(3599.999), 3);
	assert_int_equal(fit_quarter_of(3600), 0);
	assert_int_equal(fit_quarter_of(7200 + 2700), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_quarter_by_hand),
		cmocka_unit_test(test_fit_quarter_rule),
		cmocka_unit_test(test_fit_quarter_of),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
