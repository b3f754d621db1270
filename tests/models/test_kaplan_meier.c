/* test_kaplan_meier.c: the Kaplan-Meier estimate (models/kaplan_meier.c)
 * against a table worked out by hand, with no library in between.
 *
 * Times (e event, c censored): 3e 5e 5c 6e 8c 10e 12e 12c, given out of
 * order. At a tie the event comes first, so the censored 5 is at risk at 5.
 *
 *   t   at risk  events  S                      Greenwood sum
 *   3   8        1       7/8 = 0.875            1/56
 *   5   7        1       0.875 * 6/7 = 0.75     + 1/42
 *   6   5        1       0.75 * 4/5 = 0.6       + 1/20
 *   10  3        1       0.6 * 2/3 = 0.4        + 1/6
 *   12  2        1       0.4 * 1/2 = 0.2        + 1/2
 *
 * Greenwood's se at 6: 0.6 * sqrt(1/56 + 1/42 + 1/20) = 0.181659... */
#include "tests/test_support.h"

#include "models/kaplan_meier.h"

static const double km_t[] = { 12, 5, 3, 8, 5, 12, 10, 6 };
static const unsigned char km_e[] = { 0, 1, 1, 0, 0, 1, 1, 1 };

static void km_build(struct kaplan_meier *km)
{
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(kaplan_meier_estimate(km_t, km_e, 8, km, &err),
			 SIM_OK);
}

/* The steps: times, at risk, events, S, as the table. */
static void test_kaplan_meier_table(void **state)
{
	static const double t[] = { 3, 5, 6, 10, 12 };
	static const size_t risk[] = { 8, 7, 5, 3, 2 };
	static const double s[] = { 0.875, 0.75, 0.6, 0.4, 0.2 };
	struct kaplan_meier km;

	(void)state;
	km_build(&km);
	assert_int_equal(km.n_steps, 5);
	assert_int_equal(km.n_events, 5);
	assert_int_equal(km.n, 8);
	assert_seconds_near(km.t_max, 12, 0);
	for (size_t j = 0; j < 5; j++) {
		assert_seconds_near(km.t[j], t[j], 0);
		assert_int_equal(km.at_risk[j], risk[j]);
		assert_int_equal(km.events[j], 1);
		assert_seconds_near(km.s[j], s[j], 1e-12);
	}
	assert_seconds_near(km.se[2], 0.6 * sqrt(1.0 / 56 + 1.0 / 42 + 1.0 / 20),
			    1e-12);
	kaplan_meier_clear(&km);
}

/* S between and beyond the steps, and the quantiles. */
static void test_kaplan_meier_lookup(void **state)
{
	struct kaplan_meier km;

	(void)state;
	km_build(&km);
	assert_seconds_near(kaplan_meier_survival(&km, 2.9), 1, 0);
	assert_seconds_near(kaplan_meier_survival(&km, 3), 0.875, 1e-12);
	assert_seconds_near(kaplan_meier_survival(&km, 4.99), 0.875, 1e-12);
	assert_seconds_near(kaplan_meier_survival(&km, 8), 0.6, 1e-12);
	assert_seconds_near(kaplan_meier_survival(&km, 100), 0.2, 1e-12);
	assert_seconds_near(kaplan_meier_quantile(&km, 0.5), 10, 0);
	assert_seconds_near(kaplan_meier_quantile(&km, 0.75), 5, 0);
	assert_seconds_near(kaplan_meier_quantile(&km, 0.1), -1, 0);
	kaplan_meier_clear(&km);
	kaplan_meier_clear(NULL);
}

/* With nothing censored, S is one minus the empirical distribution. */
static void test_kaplan_meier_uncensored(void **state)
{
	static const double t[] = { 4, 1, 3, 2 };
	static const unsigned char e[] = { 1, 1, 1, 1 };
	struct kaplan_meier km;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(kaplan_meier_estimate(t, e, 4, &km, &err), SIM_OK);
	for (int j = 0; j < 4; j++)
		assert_seconds_near(km.s[j], 1 - (j + 1) / 4.0, 1e-12);
	kaplan_meier_clear(&km);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kaplan_meier_table),
		cmocka_unit_test(test_kaplan_meier_lookup),
		cmocka_unit_test(test_kaplan_meier_uncensored),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
