/* test_replication.c: the replication driver — the counted period it opens
 * and closes for every model, and the drain that runs until every model
 * has settled its counted work.
 *
 * Scenarios are built by hand (response_fixture.h) with deterministic
 * handle times and fixed seeds, so each figure checked is exact. */
#include "response_fixture.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counted_period_off_the_hour),
		cmocka_unit_test(test_drain_waits_for_every_model),
		cmocka_unit_test(test_calls_alone_and_with_response_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
