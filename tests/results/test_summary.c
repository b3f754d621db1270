/* test_summary.c: the reduction of replication results to intervals and
 * verdicts, against numbers worked out by hand (see test_fixture.h). */
#include "tests/test_support.h"

#include "results/summary.h"
#include "tests/results/test_fixture.h"

/* The 95% interval of 0.912, 0.935, 0.921 (Student t, 2 d.f.). */
static void test_summary_service_level_interval_matches_hand(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	const struct ci *c;

	(void)state;
	assert_non_null(s);
	c = &s->lines[0].m[CC_SERVICE_LEVEL];
	assert_seconds_near(c->mean, 0.9226666667, 1e-9);
	assert_seconds_near(c->lo, 0.8938749498, 1e-9);
	assert_seconds_near(c->hi, 0.9514583836, 1e-9);
	assert_int_equal(c->n, 3);
	/* A count: 2.385 * 2 + 0.5 r, mean over r = 0, 1, 2 is 4.77 + 0.5. */
	assert_seconds_near(s->lines[0].m[CC_ANSWERED].mean, 5.27, 1e-12);
	summary_free(s);
	free(fx);
}

/* The goal against the interval [0.8939, 0.9515]: met at or below its lower
 * end, missed above its upper end, uncertain between. */
static void test_summary_verdicts_follow_goal(void **state)
{
	static const struct { double goal; enum ci_verdict v; bool missed; } cases[] = {
		{ 0.85, CI_MET, false },
		{ 0.8938, CI_MET, false },
		{ 0.9, CI_UNCERTAIN, false },
		{ 0.9514, CI_UNCERTAIN, false },
		{ 0.96, CI_MISSED, true },
	};
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct summary *s;

		fx->lines[0].goal = cases[i].goal;
		s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
		assert_non_null(s);
		assert_true(s->lines[0].has_goal);
		assert_int_equal(s->lines[0].verdict, cases[i].v);
		assert_int_equal(summary_any_missed(s), cases[i].missed);
		/* The line without a goal never has a verdict. */
		assert_false(s->lines[1].has_goal);
		summary_free(s);
	}
	free(fx);
}

/* --require-slas looks only at lines with goals: no goal, no miss. */
static void test_summary_no_goal_is_never_missed(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s;

	(void)state;
	fx->lines[0].goal = NAN;
	s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	assert_non_null(s);
	assert_false(s->lines[0].has_goal);
	assert_false(summary_any_missed(s));
	summary_free(s);
	free(fx);
}

/* NAN figures (nothing measured) are left out of the interval; with none
 * left the figure is NAN. */
static void test_summary_nan_values_left_out(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	const struct ci *p99, *asa;

	(void)state;
	assert_non_null(s);
	p99 = &s->lines[1].m[CC_WAIT_P99_S];
	assert_int_equal(p99->n, 2);
	assert_seconds_near(p99->mean, 41.0, 1e-12);   /* 40.5 and 41.5 */
	asa = &s->lines[1].m[CC_ASA_S];
	assert_int_equal(asa->n, 0);
	assert_true(isnan(asa->mean));
	assert_true(isnan(summary_iline(s, 3, 0, CC_I_SERVICE_LEVEL)->mean));
	summary_free(s);
	free(fx);
}

/* FTE = 1956 rostered hours / 37.5 = 52.16, at 38000 a year each. */
static void test_summary_pool_figures_and_costs(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);

	(void)state;
	assert_non_null(s);
	assert_seconds_near(s->pools[0].fte, 52.16, 1e-9);
	assert_seconds_near(s->pools[0].annual_cost, 1982080.0, 1e-6);
	assert_seconds_near(s->total_fte, 52.16, 1e-9);
	assert_seconds_near(s->total_annual_cost, 1982080.0, 1e-6);
	assert_seconds_near(s->pools[0].m[CC_OCCUPANCY].mean, 0.8225, 1e-12);
	assert_seconds_near(s->pools[0].m[CC_STAFF_ON_DUTY].mean, 23.3, 1e-12);
	summary_free(s);
	free(fx);
}

/* Run settings are copied, and events summed over replications. */
static void test_summary_keeps_run_settings(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);

	(void)state;
	assert_non_null(s);
	assert_int_equal(s->replications, FX_R);
	assert_true(s->seed == 18446744073709551557u);
	assert_seconds_near(s->days, 2.385, 0.0);
	assert_seconds_near(s->warmup_s, 5400.0, 0.0);
	assert_true(s->events == 6000018u);   /* 1000003 * (1 + 2 + 3) */
	assert_false(sim_err_failed(&err));
	summary_free(s);
	free(fx);
}

/* Hour 37 is Tuesday 13:00: offered 10 + 13 + 0.5 r, mean 23.5. */
static void test_summary_hour_of_week(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	char label[SUMMARY_HOUR_LABEL_MAX];

	(void)state;
	assert_non_null(s);
	assert_seconds_near(summary_iline(s, 37, 0, CC_I_OFFERED)->mean, 23.5, 1e-12);
	assert_seconds_near(summary_iline(s, 37, 1, CC_I_OFFERED)->mean, 4.0, 1e-12);
	assert_seconds_near(summary_ipool(s, 37, 0, CC_I_STAFF)->mean, 27.0, 1e-12);
	assert_seconds_near(summary_ipool(s, 167, 0, CC_I_OCCUPANCY)->mean, 1.034, 1e-12);
	summary_hour_label(0, label);
	assert_string_equal(label, "Mon 00:00");
	summary_hour_label(37, label);
	assert_string_equal(label, "Tue 13:00");
	summary_hour_label(167, label);
	assert_string_equal(label, "Sun 23:00");
	summary_free(s);
	free(fx);
}

/* One replication: every interval collapses to its mean. */
static void test_summary_single_replication(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, 1, &err);
	const struct ci *c;

	(void)state;
	assert_non_null(s);
	c = &s->lines[0].m[CC_SERVICE_LEVEL];
	assert_seconds_near(c->mean, 0.912, 1e-12);
	assert_seconds_near(c->lo, 0.912, 1e-12);
	assert_seconds_near(c->hi, 0.912, 1e-12);
	assert_int_equal(s->replications, 1);
	summary_free(s);
	free(fx);
}

/* The names every format uses, in enum order. */
static void test_summary_metric_names(void **state)
{
	(void)state;
	assert_string_equal(summary_line_metric_name(CC_OFFERED), "offered");
	assert_string_equal(summary_line_metric_name(CC_ABANDONED_5S), "abandoned_5s");
	assert_string_equal(summary_line_metric_name(CC_SERVICE_LEVEL), "service_level");
	assert_string_equal(summary_line_metric_name(CC_WAIT_P99_S), "wait_p99_s");
	assert_string_equal(summary_pool_metric_name(CC_STAFF_ON_DUTY), "staff_on_duty");
	assert_string_equal(summary_iline_metric_name(CC_I_SERVICE_LEVEL), "service_level");
	assert_string_equal(summary_ipool_metric_name(CC_I_OCCUPANCY), "occupancy");
	summary_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary_service_level_interval_matches_hand),
		cmocka_unit_test(test_summary_verdicts_follow_goal),
		cmocka_unit_test(test_summary_no_goal_is_never_missed),
		cmocka_unit_test(test_summary_nan_values_left_out),
		cmocka_unit_test(test_summary_pool_figures_and_costs),
		cmocka_unit_test(test_summary_keeps_run_settings),
		cmocka_unit_test(test_summary_hour_of_week),
		cmocka_unit_test(test_summary_single_replication),
		cmocka_unit_test(test_summary_metric_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
