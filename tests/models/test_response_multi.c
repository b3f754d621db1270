/* test_response_multi.c: incidents that need more than one unit
 * (models/response_multi.c), and the unit time each grade takes.
 *
 * Statistical tests, as in test_response.c: R fixed-seed replications of a
 * stationary scenario (incidents a Poisson stream), and the analytic value
 * must lie in the run's own 99% Student-t interval, never widened.
 *
 * The exact case: one area, two units, every incident needing both, and
 * travel and time on scene fixed (300 s and 1200 s). Both units are sent
 * to a new incident together when both are free; they arrive together and
 * clear together, and a queued incident takes both at the instant they
 * clear (the first keeps it at the head of its queue for the second). So
 * the pair works in lockstep as one server with service B = 1500 s: the
 * wait for a unit is M/D/1's, Wq = lambda B^2 / (2 (1 - rho)), and
 * attendance = Wq + 300 s. (Not a single server with the sum of two busy
 * times: the two units are busy at the same time, not one after the
 * other.) Each unit is busy rho = lambda B of the time. */
#include "response_fixture.h"

#include <math.h>

/* 2 calls an hour, 60% incidents: 1.2 incidents an hour; rho = 0.5, so
 * Wq = (1.2 / 3600) x 1500^2 / (2 x 0.5) = 750 s. */
static void test_pair_in_lockstep_is_md1(void **state)
{
	(void)state;
	const double lambda = 1.2 / 3600.0, b = 1500.0;
	const double rho = lambda * b, wq = lambda * b * b / (2 * (1 - rho));
	struct scenario *sc = new_scenario(1, 2.0, 1, 1, 1, 1);
	sc->run.days = 56;
	sc->run.warmup_s = 2 * DAY_S;
	sc->run.replications = 60;
	sc->lines[0].incident_p[0] = 0.6;
	sc->grades[0].travel = det(300.0);
	sc->grades[0].on_scene = det(1200.0);
	sc->grades[0].multi_share = 1.0;
	sc->grades[0].multi_units = 2;
	unit_shifts(&sc->units[0], 1, 2);
	struct replication_result **res = replications_run(sc);
	double hours = sc->run.days * 24.0;

	assert_all_attended(res, 60, 1);
	assert_in_ci(replications_ci(res, 60, replication_grade_at, 0,
				     RSP_ATTEND_MEAN_S), wq + 300.0,
		     "mean attendance (M/D/1 wait + travel)");
	assert_in_ci(replications_ci(res, 60, replication_area_at, 0,
				     RSP_UTILISATION), rho, "utilisation");
	assert_in_ci(replications_ci(res, 60, replication_grade_at, 0,
				     RSP_UNIT_HOURS), 2 * rho * hours,
		     "unit hours: 2 units x rho x counted hours");
	for (unsigned i = 0; i < 60; i++) {
		const double *f = replication_grade_at(res[i], 0);
		assert_seconds_near(f[RSP_UNITS_PER_INCIDENT], 2.0, 0.0);
	}
	replications_free(res, 60);
	scenario_free(sc);
}

/* Units enough that nothing waits (30 against about 2.6 busy); 30% of
 * incidents need 3 units; travel and on scene exponential (10 and 40
 * min). Unit hours against incidents x units per incident x (mean travel
 * + mean on scene); units per incident against 1 + 0.3 x 2; every
 * incident attended or still waiting at the end. */
static void test_unit_hours_match_work(void **state)
{
	(void)state;
	const double lambda = 2.0, units = 1 + 0.3 * 2, work_h = 50.0 / 60;
	struct scenario *sc = new_scenario(1, 4.0, 1, 1, 1, 1);
	sc->run.days = 28;
	sc->run.warmup_s = DAY_S;
	sc->run.replications = 40;
	sc->lines[0].incident_p[0] = 0.5;
	sc->grades[0].travel = expo(600.0);
	sc->grades[0].on_scene = expo(2400.0);
	sc->grades[0].multi_share = 0.3;
	sc->grades[0].multi_units = 3;
	unit_shifts(&sc->units[0], 1, 30);
	struct replication_result **res = replications_run(sc);
	double hours = sc->run.days * 24.0;

	assert_in_ci(replications_ci(res, 40, replication_grade_at, 0,
				     RSP_UNIT_HOURS),
		     lambda * hours * units * work_h,
		     "unit hours: incidents x units x (travel + on scene)");
	assert_in_ci(replications_ci(res, 40, replication_grade_at, 0,
				     RSP_UNITS_PER_INCIDENT), units,
		     "units per incident");
	assert_in_ci(replications_ci(res, 40, replication_grade_at, 0,
				     RSP_INCIDENTS), lambda * hours,
		     "incidents");
	for (unsigned i = 0; i < 40; i++) {
		const double *f = replication_grade_at(res[i], 0);
		assert_seconds_near(f[RSP_ATTENDED] + f[RSP_UNATTENDED_END],
				    f[RSP_INCIDENTS], 0.0);
	}
	replications_free(res, 40);
	scenario_free(sc);
}

/* Overloaded (3 units for about 6 busy), two grades, Emergencies of
 * which a quarter need 4 units and preempting Scheduled jobs: whatever
 * the queues do, every counted incident is attended or still waiting
 * when the run stops, none is lost or counted twice, and a unit is
 * never busy more than the counted hours. */
static void test_overload_conserves(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(2, 3.0, 2, 1, 1, 1);
	sc->run.days = 7;
	sc->run.warmup_s = DAY_S;
	sc->run.replications = 4;
	sc->run.max_waiting = 100000;
	sc->lines[0].incident_p[0] = 1.0;
	sc->lines[1].incident_p[1] = 1.0;
	sc->grades[0].travel = expo(300.0);
	sc->grades[1].travel = expo(600.0);
	sc->grades[0].multi_share = 0.25;
	sc->grades[0].multi_units = 4;
	sc->grades[1].preemptible = 1;
	sc->dispatch.preempt_scheduled = 1;
	unit_shifts(&sc->units[0], 1, 3);
	struct replication_result **res = replications_run(sc);

	for (unsigned i = 0; i < 4; i++) {
		double busy = 0;
		for (size_t g = 0; g < 2; g++) {
			const double *f = replication_grade_at(res[i], g);
			assert_true(f[RSP_INCIDENTS] > 0);
			assert_seconds_near(f[RSP_ATTENDED] +
					    f[RSP_UNATTENDED_END],
					    f[RSP_INCIDENTS], 0.0);
			busy += f[RSP_UNIT_HOURS];
		}
		assert_true(busy <= 3 * 7 * 24.0 * (1 + 1e-12));
		assert_seconds_near(busy / (3 * 7 * 24.0),
				    replication_area_at(res[i], 0)
				    [RSP_UTILISATION], 1e-9);
	}
	replications_free(res, 4);
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pair_in_lockstep_is_md1),
		cmocka_unit_test(test_unit_hours_match_work),
		cmocka_unit_test(test_overload_conserves),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
