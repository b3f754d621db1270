/* test_agreement.c: periods met against a goal (models/agreement.c) —
 * days and weeks counted by hand, a share exactly at the goal, a period
 * without calls, a last period cut short, and the words of per. */
#include "test_support.h"

#include <math.h>

#include "models/agreement.h"

/* Days laid out as the by-day block is: [day][line][figure], two lines
 * of two figures (count, share), so the stride is 4; line 1's values are
 * at offset 2. */
#define STRIDE 4

static void fill(double *x, const double *count, const double *share,
		 size_t n)
{
	for (size_t d = 0; d < n; d++) {
		x[d * STRIDE] = -1;              /* line 0: never read */
		x[d * STRIDE + 1] = -1;
		x[d * STRIDE + 2] = count[d];
		x[d * STRIDE + 3] = share[d];
	}
}

/* Days: met when the day's share is at least the goal, the goal itself
 * included; a day without calls is not counted; n_days bounds the days
 * read. */
static void test_agreement_days(void **state)
{
	const double count[] = { 10, 20, 0, 8, 40 };
	const double share[] = { 0.9, 0.85, NAN, 0.875, 0.95 };
	double x[5 * STRIDE];
	struct agreement_tally t;

	(void)state;
	fill(x, count, share, 5);
	/* 0.9 (= the goal), 0.85 (missed), none, 0.875 (missed), 0.95. */
	t = agreement_tally_days(AGREEMENT_DAY, 0.9, x + 2, x + 3, STRIDE, 5);
	assert_int_equal(t.counted, 4);
	assert_int_equal(t.met, 2);
	assert_true(agreement_share(t) == 0.5);
	t = agreement_tally_days(AGREEMENT_DAY, 0.9, x + 2, x + 3, STRIDE, 2);
	assert_int_equal(t.counted, 2);
	assert_int_equal(t.met, 1);
	t = agreement_tally_days(AGREEMENT_DAY, 0.85, x + 2, x + 3, STRIDE, 5);
	assert_int_equal(t.met, 4);
	t = agreement_tally_days(AGREEMENT_HORIZON, 0.9, x + 2, x + 3, STRIDE,
				 5);
	assert_int_equal(t.counted, 0);
	assert_true(isnan(agreement_share(t)));
}

/* Weeks: the week's calls together (a bad day is carried by good ones),
 * and only whole weeks: the eighth to tenth days are left out. */
static void test_agreement_weeks(void **state)
{
	double count[17], share[17], x[17 * STRIDE];
	struct agreement_tally t;

	(void)state;
	for (size_t d = 0; d < 17; d++) {
		count[d] = 100;
		share[d] = 0.80;
	}
	/* Week 1: six days at 0.80 and one at 0.20: 500 of 700, 0.714. */
	share[3] = 0.20;
	/* Week 2: 0.80 every day but one at 0.86: 566 of 700, 0.8086. */
	share[10] = 0.86;
	/* Days 15-17: a week cut short, all at 0.99, never read. */
	share[14] = share[15] = share[16] = 0.99;
	fill(x, count, share, 17);
	t = agreement_tally_days(AGREEMENT_WEEK, 0.80, x + 2, x + 3, STRIDE, 17);
	assert_int_equal(t.counted, 2);
	assert_int_equal(t.met, 1);
	t = agreement_tally_days(AGREEMENT_WEEK, 0.71, x + 2, x + 3, STRIDE, 17);
	assert_int_equal(t.met, 2);
	/* 6 days: no whole week. */
	t = agreement_tally_days(AGREEMENT_WEEK, 0.5, x + 2, x + 3, STRIDE, 6);
	assert_int_equal(t.counted, 0);
	/* A week of 0.9 * 10 calls a day is 63 of 70 = 0.9 exactly. */
	for (size_t d = 0; d < 7; d++) {
		count[d] = 10;
		share[d] = 0.9;
	}
	fill(x, count, share, 7);
	t = agreement_tally_days(AGREEMENT_WEEK, 0.9, x + 2, x + 3, STRIDE, 7);
	assert_int_equal(t.met, 1);
}

/* Whole periods of a horizon, and the words. */
static void test_agreement_periods(void **state)
{
	(void)state;
	assert_int_equal(agreement_periods(AGREEMENT_DAY, 14.5), 14);
	assert_int_equal(agreement_periods(AGREEMENT_DAY, 0.5), 0);
	assert_int_equal(agreement_periods(AGREEMENT_WEEK, 13.9), 1);
	assert_int_equal(agreement_periods(AGREEMENT_WEEK, 14), 2);
	assert_int_equal(agreement_periods(AGREEMENT_HORIZON, 14), 0);
	assert_string_equal(agreement_word(AGREEMENT_WEEK), "week");
	assert_string_equal(agreement_plural(AGREEMENT_DAY), "days");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agreement_days),
		cmocka_unit_test(test_agreement_weeks),
		cmocka_unit_test(test_agreement_periods),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
