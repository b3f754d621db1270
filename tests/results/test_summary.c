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

/* An agreement measured in fewer than two replications has no verdict
 * (uncertain), and --require-slas counts it as missed: a run that measured
 * nothing must not pass. Measured in all three, a goal within reach is
 * not missed. A line with no goal still never is. */
static void test_summary_unmeasured_agreement_is_missed(void **state)
{
	static const double seen[FX_R][FX_R] = {
		{ NAN, NAN, NAN }, { 0.912, NAN, NAN }, { 0.912, NAN, 0.921 } };
	static const bool missed[FX_R] = { true, true, false };
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };

	(void)state;
	fx->lines[0].goal = 0.85;
	for (size_t i = 0; i < FX_R; i++) {
		struct summary *s;

		for (size_t r = 0; r < FX_R; r++)
			fx->line[r][CC_SERVICE_LEVEL] = seen[i][r];
		s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
		assert_non_null(s);
		assert_int_equal(s->lines[0].m[CC_SERVICE_LEVEL].n, i);
		assert_int_equal(summary_unmeasured(&s->lines[0].m[CC_SERVICE_LEVEL]),
				 i < 2);
		assert_int_equal(s->lines[0].verdict,
				 i < 2 ? CI_UNCERTAIN : CI_MET);
		assert_int_equal(summary_any_missed(s), missed[i]);
		summary_free(s);
	}
	fx->lines[0].goal = NAN;
	{
		struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);

		assert_non_null(s);
		assert_false(summary_any_missed(s));
		summary_free(s);
	}
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

/* One value in m's figure 0 for each of x[0..n). */
static struct moments *moments_of(const double *x, size_t n)
{
	struct moments *m = moments_new(1);

	assert_non_null(m);
	for (size_t i = 0; i < n; i++)
		moments_add(m, 0, &x[i], 1, 1);
	return m;
}

/* The three kinds of interval a figure may report, on the values of the
 * service-level test: the prediction interval of one more value is wider
 * than the interval of the mean by sqrt(n + 1) (t * sd * sqrt(1 + 1/n)
 * against t * sd / sqrt(n)), here exactly twice as wide. */
static void test_summary_interval_kinds(void **state)
{
	static const double sl[] = { 0.912, 0.935, 0.921 };
	static const double met[] = { 1, 0, 1, 1 };
	struct moments *m = moments_of(sl, 3), *days = moments_of(met, 4);
	struct ci ci = summary_interval(m, 0, FIGURE_CI_MEAN);
	struct ci pi = summary_interval(m, 0, FIGURE_PI_PERIOD);
	struct ci share = summary_interval(days, 0, FIGURE_GOAL_SHARE);

	(void)state;
	assert_seconds_near(ci.lo, 0.8938749498, 1e-9);
	assert_seconds_near(pi.mean, ci.mean, 0.0);
	assert_seconds_near(pi.lo, 0.8650832328, 1e-9);
	assert_seconds_near(pi.hi, 0.9802501005, 1e-9);
	assert_int_equal(pi.n, 3);
	/* Three days met of four; t (3 d.f.) * 0.5 / 2 either side. */
	assert_seconds_near(share.mean, 0.75, 0.0);
	assert_seconds_near(share.lo, -0.0456115763, 1e-9);
	assert_seconds_near(share.hi, 1.5456115763, 1e-9);
	moments_free(m);
	moments_free(days);
}

/* With one value the prediction interval collapses to it, as the
 * confidence interval does; with none it is NAN. */
static void test_summary_interval_too_few(void **state)
{
	static const double one = 2.385;
	struct moments *m = moments_of(&one, 1), *none = moments_new(1);
	struct ci pi = summary_interval(m, 0, FIGURE_PI_PERIOD);

	(void)state;
	assert_non_null(none);
	assert_seconds_near(pi.lo, 2.385, 0.0);
	assert_seconds_near(pi.hi, 2.385, 0.0);
	assert_true(isnan(summary_interval(none, 0, FIGURE_PI_PERIOD).mean));
	moments_free(m);
	moments_free(none);
	summary_free(NULL);
}

/* A summary of the fixture with incident response (see test_fixture.h). */
static struct summary *response_summary(struct fixture *fx)
{
	struct sim_err err = { 0 };
	struct summary *s;

	fx_add_response(fx);
	s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	assert_non_null(s);
	return s;
}

/* Emergency attended within target 0.871, 0.902, 0.884: the interval by
 * hand, and the verdict against 0.9 uncertain. */
static void test_summary_grade_interval_and_verdict(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = response_summary(fx);
	const struct ci *c = &s->grades[0].m[RSP_WITHIN_TARGET];

	(void)state;
	assert_int_equal(s->n_grades, FX_GRADES);
	assert_seconds_near(c->mean, 0.8856666667, 1e-9);
	assert_seconds_near(c->lo, 0.8469959477, 1e-9);
	assert_seconds_near(c->hi, 0.9243373856, 1e-9);
	assert_true(s->grades[0].has_goal);
	assert_int_equal(s->grades[0].verdict, CI_UNCERTAIN);
	/* Incidents 3.17 + 0.4 r: mean 3.57. */
	assert_seconds_near(s->grades[0].m[RSP_INCIDENTS].mean, 3.57, 1e-12);
	assert_seconds_near(s->grades[1].m[RSP_ATTEND_P90_S].mean,
			    3.17 * 6 + 0.4 + 11.0, 1e-12);
	assert_false(summary_any_missed(s));
	summary_free(s);
	free(fx);
}

/* The grade's goal against [0.8470, 0.9243]: met, uncertain, missed, and a
 * missed grade is what --require-slas fails on, as a missed line is. */
static void test_summary_grade_verdicts_follow_goal(void **state)
{
	static const struct { double goal; enum ci_verdict v; } cases[] = {
		{ 0.8469, CI_MET }, { 0.885, CI_UNCERTAIN }, { 0.9244, CI_MISSED },
	};
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };

	(void)state;
	fx_add_response(fx);
	fx->lines[0].goal = 0.5;   /* the line is met: only the grade decides */
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct summary *s;

		fx->grades[0].goal = cases[i].goal;
		s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
		assert_non_null(s);
		assert_int_equal(s->grades[0].verdict, cases[i].v);
		assert_int_equal(summary_any_missed(s), cases[i].v == CI_MISSED);
		summary_free(s);
	}
	free(fx);
}

/* A grade with no target has no verdict and its within-target figure is
 * nothing measured; an area verdict never fails a run. */
static void test_summary_grade_without_target_or_goal(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = response_summary(fx);
	const struct ci *c = &s->grades[1].m[RSP_WITHIN_TARGET];

	(void)state;
	assert_false(s->grades[1].has_goal);
	assert_int_equal(c->n, 0);
	assert_true(isnan(c->mean) && isnan(c->lo) && isnan(c->hi));
	assert_false(summary_area_grade(s, 0, 1)->has_goal);
	summary_free(s);
	/* Birmingham's interval is the force's less 0.01, [0.8370, 0.9143]:
	 * a goal of 0.92 misses there but is uncertain force-wide, and only
	 * the force-wide verdict fails a run. */
	fx->grades[0].goal = 0.92;
	fx->lines[0].goal = NAN;
	s = summary_new(&fx->sc, fx->ptrs, FX_R, &(struct sim_err){ 0 });
	assert_non_null(s);
	assert_int_equal(summary_area_grade(s, 0, 0)->verdict, CI_MISSED);
	assert_int_equal(s->grades[0].verdict, CI_UNCERTAIN);
	assert_false(summary_any_missed(s));
	summary_free(s);
	free(fx);
}

/* Per area: Solihull's emergencies leave out the replication with none
 * (two values, t with 1 degree of freedom); Birmingham's utilisation. */
static void test_summary_area_figures(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = response_summary(fx);
	const struct ci *sol = &summary_area_grade(s, 1, 0)->m[RSP_WITHIN_TARGET];
	const struct ci *util = &s->areas[0].m[RSP_UTILISATION];

	(void)state;
	assert_int_equal(s->n_areas, FX_AREAS);
	assert_int_equal(sol->n, 2);
	assert_seconds_near(sol->mean, 0.93, 1e-12);
	assert_seconds_near(sol->lo, 0.6758759052, 1e-9);
	/* The t-interval reaches 1.184; a fraction is clipped at 1. */
	assert_seconds_near(sol->hi, 1.0, 0.0);
	assert_int_equal(summary_area_grade(s, 1, 0)->verdict, CI_UNCERTAIN);
	assert_seconds_near(util->mean, 0.5543333333, 1e-9);
	assert_seconds_near(util->lo, 0.5391550012, 1e-9);
	assert_seconds_near(util->hi, 0.5695116655, 1e-9);
	/* Abstractions (r + a) mod 3 in Solihull: 1, 2, 0. */
	assert_seconds_near(s->areas[1].m[RSP_ABSTRACTIONS].mean, 1.0, 1e-12);
	assert_seconds_near(s->areas[1].m[RSP_ABSTRACTION_HOURS].mean, 1.625, 1e-12);
	/* Birmingham's emergencies: 0.75 of the force's count. */
	assert_seconds_near(summary_area_grade(s, 0, 0)->m[RSP_INCIDENTS].mean,
			    0.75 * 3.57, 1e-12);
	summary_free(s);
	free(fx);
}

/* Officers by role, summed over unit rosters, and everyone's total. */
static void test_summary_role_costs(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = response_summary(fx);

	(void)state;
	assert_int_equal(s->n_roles, FX_ROLES);
	assert_seconds_near(s->roles[0].fte, 15.5, 1e-9);
	assert_seconds_near(s->roles[0].annual_cost, 961000.0, 1e-6);
	assert_seconds_near(s->roles[1].fte, 6.054054054, 1e-9);
	assert_seconds_near(s->roles[1].annual_cost, 224000.0, 1e-6);
	assert_seconds_near(s->pools_fte, 52.16, 1e-9);
	assert_seconds_near(s->pools_annual_cost, 1982080.0, 1e-6);
	assert_seconds_near(s->roles_fte, 21.55405405, 1e-8);
	assert_seconds_near(s->roles_annual_cost, 1185000.0, 1e-6);
	assert_seconds_near(s->total_fte, 73.71405405, 1e-8);
	assert_seconds_near(s->total_annual_cost, 3167080.0, 1e-6);
	summary_free(s);
	free(fx);
}

/* A calls-only scenario has no grades, areas or roles, and its total is
 * its pools'. */
static void test_summary_calls_only_has_no_response(void **state)
{
	struct fixture *fx = fx_new();
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);

	(void)state;
	assert_non_null(s);
	assert_int_equal(s->n_grades + s->n_areas + s->n_roles, 0);
	assert_seconds_near(s->roles_fte, 0.0, 0.0);
	assert_seconds_near(s->total_annual_cost, s->pools_annual_cost, 0.0);
	summary_free(s);
	free(fx);
}

/* Replications folded in any order, and in groups merged later (what
 * threads, and shards run apart, do): the same summary, bit for bit, as
 * folding them in order; and summary_new is that fold. */
static void test_summary_acc_any_order_same_bits(void **state)
{
	struct fixture *fx = fx_new();
	struct summary_acc *all, *g1, *g2;
	struct summary *s1, *s2, *s3;
	struct sim_err err = { 0 };

	(void)state;
	fx_add_response(fx);
	all = summary_acc_new(&fx->sc);
	g1 = summary_acc_new(&fx->sc);
	g2 = summary_acc_new(&fx->sc);
	assert_true(all != NULL && g1 != NULL && g2 != NULL);
	for (size_t r = 0; r < FX_R; r++)
		summary_acc_add(all, fx->ptrs[r]);
	summary_acc_add(g2, fx->ptrs[2]);
	summary_acc_add(g1, fx->ptrs[1]);
	summary_acc_add(g2, fx->ptrs[0]);
	summary_acc_merge(g1, g2);
	assert_int_equal(summary_acc_replications(g1), FX_R);
	s1 = summary_of_acc(all, &err);
	s2 = summary_of_acc(g1, &err);
	s3 = summary_new(&fx->sc, fx->ptrs, FX_R, &err);
	assert_true(s1 != NULL && s2 != NULL && s3 != NULL);
	assert_memory_equal(s1->lines, s2->lines, FX_LINES * sizeof *s1->lines);
	assert_memory_equal(s1->lines, s3->lines, FX_LINES * sizeof *s1->lines);
	assert_memory_equal(s1->grades, s2->grades,
			    s1->n_grades * sizeof *s1->grades);
	assert_memory_equal(s1->area_grades, s2->area_grades,
			    s1->n_areas * s1->n_grades * sizeof *s1->area_grades);
	assert_memory_equal(s1->interval_line, s2->interval_line,
			    HOURS_PER_WEEK * FX_LINES * CC_INTERVAL_LINE_METRICS
			    * sizeof *s1->interval_line);
	summary_free(s1);
	summary_free(s2);
	summary_free(s3);
	summary_acc_free(all);
	summary_acc_free(g1);
	summary_acc_free(g2);
	free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary_acc_any_order_same_bits),
		cmocka_unit_test(test_summary_service_level_interval_matches_hand),
		cmocka_unit_test(test_summary_verdicts_follow_goal),
		cmocka_unit_test(test_summary_no_goal_is_never_missed),
		cmocka_unit_test(test_summary_unmeasured_agreement_is_missed),
		cmocka_unit_test(test_summary_nan_values_left_out),
		cmocka_unit_test(test_summary_pool_figures_and_costs),
		cmocka_unit_test(test_summary_keeps_run_settings),
		cmocka_unit_test(test_summary_hour_of_week),
		cmocka_unit_test(test_summary_single_replication),
		cmocka_unit_test(test_summary_grade_interval_and_verdict),
		cmocka_unit_test(test_summary_grade_verdicts_follow_goal),
		cmocka_unit_test(test_summary_grade_without_target_or_goal),
		cmocka_unit_test(test_summary_area_figures),
		cmocka_unit_test(test_summary_role_costs),
		cmocka_unit_test(test_summary_calls_only_has_no_response),
		cmocka_unit_test(test_summary_interval_kinds),
		cmocka_unit_test(test_summary_interval_too_few),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
