/* test_replication.c: the replication driver — the counted period it opens
 * and closes for every model, and the drain that runs until every model
 * has settled its counted work.
 *
 * Scenarios are built by hand (response_fixture.h) with deterministic
 * handle times and fixed seeds, so each figure checked is exact. */
#include "response_fixture.h"
#include "replications.h"

#include <math.h>

static struct replication_result *run_one(const struct scenario *sc)
{
	struct replication_result *r = replication_result_new(sc);
	struct sim_err err;

	assert_non_null(r);
	sim_err_clear(&err);
	assert_int_equal(replication_run(sc, 0, r, &err), SIM_OK);
	assert_true(r->events > 0);
	return r;
}

/* A counted period that opens and closes off the hour (warm-up 1.5 h, 1.25
 * days: 01:30 to Tuesday 07:30): the staff on duty, 200 all the time, is
 * 200 over the period and in each hour of the week it touches, partial
 * hours at both ends included, and no figure for the hours it misses. A
 * period closed short or opened late would lose or gain a stretch. */
static void test_counted_period_off_the_hour(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 60.0, 0, 0, 0, 0);
	sc->run.warmup_s = 1.5 * HOUR_S;
	sc->run.days = 1.25;
	struct replication_result *r = run_one(sc);

	assert_seconds_near(replication_pool_at(r, 0)[CC_STAFF_ON_DUTY], 200.0,
			    1e-9);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double staff = replication_ipool_at(r, h, 0)[CC_I_STAFF];
		if (h >= 1 && h <= 31)
			assert_seconds_near(staff, 200.0, 1e-9);
		else
			assert_true(isnan(staff));
	}
	double *f = replication_line_at(r, 0);
	assert_true(f[CC_OFFERED] > 0);
	assert_seconds_near(f[CC_ANSWERED], f[CC_OFFERED], 0.0);
	replication_result_free(r);
	scenario_free(sc);
}

/* One unit, 30 min on scene, six incidents an hour: calls are settled at
 * once, incidents pile up (a backlog at the horizon), and the driver keeps
 * draining until the response model has attended every counted incident
 * (the unit clears the backlog long before the week's limit). */
static void test_drain_waits_for_every_model(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 6.0, 1, 1, 1, 1);
	sc->lines[0].incident_p[0] = 1.0;
	struct replication_result *r = run_one(sc);
	double *g = replication_grade_at(r, 0);

	assert_true(g[RSP_INCIDENTS] > 100);
	assert_true(g[RSP_BACKLOG] > 0.5 * g[RSP_INCIDENTS]);
	assert_seconds_near(g[RSP_ATTENDED], g[RSP_INCIDENTS], 0.0);
	assert_seconds_near(g[RSP_UNATTENDED_END], 0.0, 0.0);
	double *f = replication_line_at(r, 0);
	assert_seconds_near(f[CC_ANSWERED], f[CC_OFFERED], 0.0);
	replication_result_free(r);
	scenario_free(sc);
}

/* Without grades the driver runs the contact centre alone: the run is the
 * same, to the bit, whichever of two calls-only scenarios holds an unused
 * response part, so the response model draws on no stream of the calls. */
static void test_calls_alone_and_with_response_agree(void **state)
{
	(void)state;
	struct scenario *alone = new_scenario(1, 60.0, 0, 0, 0, 0);
	struct scenario *with = new_scenario(1, 60.0, 1, 1, 1, 1);
	struct replication_result *a = run_one(alone), *b = run_one(with);

	/* Line 0 makes no incident, so the response model only exists. */
	assert_seconds_near(replication_grade_at(b, 0)[RSP_INCIDENTS], 0.0, 0.0);
	assert_memory_equal(a->line, b->line, CC_LINE_METRICS * sizeof(double));
	assert_memory_equal(a->pool, b->pool, CC_POOL_METRICS * sizeof(double));
	replication_result_free(a);
	replication_result_free(b);
	scenario_free(alone);
	scenario_free(with);
}

/* Replication r's sum over days of figure m of item i (day blocks). */
static double day_sum(struct replication_result *r, size_t i, size_t m,
		      double *(*at)(struct replication_result *, size_t,
				    size_t))
{
	double sum = 0;

	for (size_t d = 0; d < r->n_days; d++)
		sum += at(r, d, i)[m];
	return sum;
}

/* Figures by day: 3.5 counted days from Monday 00:00 are 4 days, the last
 * cut short at Thursday noon. Calls go in the day they arrived: none on
 * Wednesday (profile 0), three times Monday's on Tuesday (profile 3).
 * In every replication the days' offered calls and incidents add up to
 * the horizon's exactly, and so do the calls answered within target and
 * the incidents attended within target (day figure x day count), so no
 * call or incident is lost or put in two days. */
static void test_days_add_up_to_the_horizon(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 60.0, 1, 1, 1, 1);
	sc->run.days = 3.5;
	sc->lines[0].incident_p[0] = 0.5;
	sc->grades[0].target_s = 1800.0;
	unit_shifts(&sc->units[0], 1, 60);   /* most attended within target */
	for (size_t h = 0; h < 24; h++) {
		sc->lines[0].demand.profile[24 + h] = 3.0;   /* Tuesday */
		sc->lines[0].demand.profile[48 + h] = 0.0;   /* Wednesday */
	}
	struct replication_result **res = replications_run(sc);

	for (unsigned i = 0; i < sc->run.replications; i++) {
		struct replication_result *r = res[i];
		double *f = replication_line_at(r, 0), *g = replication_grade_at(r, 0);
		double in_target = 0, attended_in_target = 0;

		assert_int_equal(r->n_days, 4);
		assert_true(f[CC_OFFERED] > 1000 && g[RSP_INCIDENTS] > 500);
		assert_true(day_sum(r, 0, CC_D_OFFERED, replication_dline_at)
			    == f[CC_OFFERED]);
		assert_true(day_sum(r, 0, RSP_D_INCIDENTS, replication_dgrade_at)
			    == g[RSP_INCIDENTS]);
		for (size_t d = 0; d < r->n_days; d++) {
			double *x = replication_dline_at(r, d, 0);
			double *y = replication_dgrade_at(r, d, 0);

			if (x[CC_D_OFFERED] > 0)
				in_target += x[CC_D_SERVICE_LEVEL] * x[CC_D_OFFERED];
			if (y[RSP_D_INCIDENTS] > 0)
				attended_in_target += y[RSP_D_WITHIN_TARGET]
						      * y[RSP_D_INCIDENTS];
		}
		assert_seconds_near(in_target, f[CC_SERVICE_LEVEL] * f[CC_OFFERED],
				    1e-6);
		assert_seconds_near(attended_in_target,
				    g[RSP_WITHIN_TARGET] * g[RSP_INCIDENTS], 1e-6);
		assert_true(attended_in_target > 0.5 * g[RSP_INCIDENTS]);
		/* Wednesday offered none: no service level, no ASA. */
		assert_true(replication_dline_at(r, 2, 0)[CC_D_OFFERED] == 0);
		assert_true(isnan(replication_dline_at(r, 2, 0)[CC_D_SERVICE_LEVEL]));
		assert_true(isnan(replication_dline_at(r, 2, 0)[CC_D_ASA_S]));
		/* Tuesday about 3 x Monday (1440 calls), Thursday's half day
		 * about half Monday. */
		double mon = replication_dline_at(r, 0, 0)[CC_D_OFFERED];
		double tue = replication_dline_at(r, 1, 0)[CC_D_OFFERED];
		double thu = replication_dline_at(r, 3, 0)[CC_D_OFFERED];
		assert_true(tue > 2.5 * mon && tue < 3.5 * mon);
		assert_true(thu > 0.35 * mon && thu < 0.65 * mon);
	}
	replications_free(res, sc->run.replications);
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counted_period_off_the_hour),
		cmocka_unit_test(test_drain_waits_for_every_model),
		cmocka_unit_test(test_calls_alone_and_with_response_agree),
		cmocka_unit_test(test_days_add_up_to_the_horizon),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
