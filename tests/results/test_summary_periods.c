/* test_summary_periods.c: the prediction intervals of one day and one
 * horizon of each line (results/summary.c, models/figure.h's
 * FIGURE_PLINE_LIST), against numbers worked out from the fixture's
 * values (tests/results/test_fixture.h). */
#include "tests/test_support.h"

#include <gsl/gsl_cdf.h>

#include "results/summary.h"
#include "tests/results/test_fixture.h"

/* mean +/- t(0.975, n - 1) * sd * sqrt(1 + 1/n) of n values, within
 * [0, max]. */
static void assert_pi(const struct ci *c, const double *x, size_t n,
		      double max)
{
	double mean = 0, ss = 0, half;

	for (size_t i = 0; i < n; i++)
		mean += x[i] / (double)n;
	for (size_t i = 0; i < n; i++)
		ss += (x[i] - mean) * (x[i] - mean);
	half = gsl_cdf_tdist_Pinv(0.975, (double)n - 1) *
	       sqrt(ss / (double)(n - 1)) * sqrt(1 + 1 / (double)n);
	assert_seconds_near(c->mean, mean, 1e-9);
	assert_seconds_near(c->lo, fmax(mean - half, 0), 1e-9);
	assert_seconds_near(c->hi, fmin(mean + half, max), 1e-9);
}

/* A day's offered calls of line 999 are 100 + 10 d + r: the whole days
 * d = 0, 1 of the three replications, six values; the third day, cut
 * short by run.days 2.385, is left out (its 120 + r would move the mean
 * to 110). */
static void test_day_offered_is_the_whole_days(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	const double x[6] = { 100, 101, 102, 110, 111, 112 };
	const struct ci *p = s->period_line;

	(void)state;
	assert_non_null(s);
	assert_pi(&p[CC_P_DAY_OFFERED], x, 6, INFINITY);
	assert_int_equal(p[CC_P_DAY_OFFERED].n, 6);
	summary_free(s);
	free(fx);
}

/* A day's service level, 0.9 - 0.05 d + 0.01 r, within [0, 100%].
 * Line 101's whole days all have 0.7: an interval of no width. */
static void test_day_service_level(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	const double x[6] = { 0.9, 0.91, 0.92, 0.85, 0.86, 0.87 };
	const struct ci *p = s->period_line, *q = p + CC_PERIOD_LINE_METRICS;

	(void)state;
	assert_non_null(s);
	assert_seconds_near(p[CC_P_DAY_SERVICE_LEVEL].mean, 0.885, 1e-12);
	assert_pi(&p[CC_P_DAY_SERVICE_LEVEL], x, 6, 1.0);
	assert_seconds_near(q[CC_P_DAY_SERVICE_LEVEL].lo, 0.7, 1e-12);
	assert_seconds_near(q[CC_P_DAY_SERVICE_LEVEL].hi, 0.7, 1e-12);
	summary_free(s);
	free(fx);
}

/* The horizon's: one value a replication, the line's own service level
 * (0.912, 0.935, 0.921) and offered calls; wider than the confidence
 * interval of the mean by sqrt(1 + n). */
static void test_horizon_is_one_value_a_replication(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	const double offered[3] = { 2.385, 2.885, 3.385 };
	const struct ci *p = s->period_line, *c = s->lines[0].m;

	(void)state;
	assert_non_null(s);
	assert_pi(&p[CC_P_HORIZON_SERVICE_LEVEL], fx_sl999, 3, 1.0);
	assert_pi(&p[CC_P_HORIZON_OFFERED], offered, 3, INFINITY);
	assert_seconds_near(p[CC_P_HORIZON_SERVICE_LEVEL].hi -
			    p[CC_P_HORIZON_SERVICE_LEVEL].mean,
			    (c[CC_SERVICE_LEVEL].hi - c[CC_SERVICE_LEVEL].mean) *
			    sqrt(1 + 3), 1e-9);
	summary_free(s);
	free(fx);
}

/* Written only where demand is uncertain, so a scenario without
 * busyness reports what it did. */
static void test_written_only_with_busyness(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct busyness_spec g = { .name = "g", .cv = 0.1 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);

	(void)state;
	assert_false(s->predicts);
	summary_free(s);
	fx->sc.busyness = &g;
	fx->sc.n_busyness = 1;
	s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	assert_true(s->predicts);
	summary_free(s);
	free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_offered_is_the_whole_days),
		cmocka_unit_test(test_day_service_level),
		cmocka_unit_test(test_horizon_is_one_value_a_replication),
		cmocka_unit_test(test_written_only_with_busyness),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
