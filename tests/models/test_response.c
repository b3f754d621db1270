/* test_response.c: the incident response model against queueing theory,
 * and its accounting and limits.
 *
 * Statistical tests run R fixed-seed replications of a stationary scenario
 * through the contact centre (calls arrive as a Poisson stream, 200
 * handlers answer them at once and talk for half a second, so incidents
 * arrive as a Poisson stream too) and ask that the analytic value lie in
 * the 99% Student-t interval of the replication values. The interval is the
 * run's own and is never widened.
 *
 * The dispatch rules, on hand-worked timelines, are tested in
 * test_response_dispatch.c; here also the accounting at the horizon, what
 * the engine refuses, determinism and the units' FTE and cost. */
#include "response_fixture.h"

#include "models/erlang.h"
#include "sim/ci.h"

/* ---- against queueing theory ------------------------------------------ */

/* 12.5 calls an hour, 60% of them incidents: 7.5 incidents an hour, 5
 * units, 30 min exponential on scene, no travel: M/M/5 at 3.75 Erlangs.
 * The wait for a unit is the attendance time, so its mean and the fraction
 * attended within 10 min are Erlang C's; utilisation is a / c. */
static void test_attendance_matches_erlang_c(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 12.5, 1, 1, 1, 1);
	sc->run.days = 28;
	sc->run.warmup_s = DAY_S;
	sc->run.replications = 100;
	sc->lines[0].incident_p[0] = 0.6;
	sc->grades[0].target_s = 600.0;
	unit_shifts(&sc->units[0], 1, 5);
	struct replication_result **res = replications_run(sc);
	struct erlang_queue q = { .lambda = 7.5 / 3600.0, .mu = 1.0 / 1800.0,
		.c = 5, .theta = 0 };
	struct erlang_result th;
	assert_int_equal(erlang_solve(&q, 600.0, &th), 0);

	assert_all_attended(res, 100, 1);
	assert_in_ci(replications_ci(res, 100, replication_grade_at, 0, RSP_ATTEND_MEAN_S),
		     th.asa_s,
		     "mean attendance");
	assert_in_ci(replications_ci(res, 100, replication_grade_at, 0, RSP_WITHIN_TARGET),
		     th.service_level,
		     "attended within 10 min");
	assert_in_ci(replications_ci(res, 100, replication_area_at, 0, RSP_UTILISATION),
		     th.occupancy,
		     "utilisation");
	assert_in_ci(replications_ci(res, 100, replication_area_at, 0, RSP_UNITS_ON_DUTY),
		     5.0, "on duty");
	replications_free(res, 100);
	scenario_free(sc);
}

/* Two grades sharing 5 units at 85% load (Emergency 3.4 an hour, Priority
 * 5.1 an hour, both 30 min on scene): non-preemptive priority, so Cobham's
 * formulas give the mean waits
 *     W1 = C / (c mu (1 - rho1)),  W2 = C / (c mu (1 - rho1)(1 - rho)). */
static void test_grade_priority_matches_cobham(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 10.0, 2, 1, 1, 1);
	sc->run.days = 28;
	sc->run.warmup_s = DAY_S;
	sc->run.replications = 100;
	sc->lines[0].incident_p[0] = 0.34;
	sc->lines[0].incident_p[1] = 0.51;
	unit_shifts(&sc->units[0], 1, 5);
	struct replication_result **res = replications_run(sc);
	double mu = 1.0 / 1800.0, c = 5;
	double rho1 = (3.4 / 3600.0) / (c * mu);
	double rho = (8.5 / 3600.0) / (c * mu);
	double pw = erlang_c(5, 8.5 / 3600.0 / mu);
	double w1 = pw / (c * mu * (1 - rho1));
	double w2 = pw / (c * mu * (1 - rho1) * (1 - rho));

	assert_all_attended(res, 100, 2);
	struct ci high = replications_ci(res, 100, replication_grade_at, 0, RSP_ATTEND_MEAN_S);
	struct ci low = replications_ci(res, 100, replication_grade_at, 1, RSP_ATTEND_MEAN_S);
	assert_in_ci(high, w1, "Emergency attendance");
	assert_in_ci(low, w2, "Priority attendance");
	assert_true(high.hi < low.lo);
	replications_free(res, 100);
	scenario_free(sc);
}

/* ---- backlog and accounting ------------------------------------------- */

/* One unit on duty Monday 00:00-12:00 only; 100.25 s travel, 1000.5 s on
 * scene; counting starts at 500 s and lasts two days. The Priority at 400
 * is not counted. Those at 1000, 5000 and 43150 (unit idle at 11:59:10,
 * attended after its shift ends) are attended; those at 50000 and 100000
 * and the Emergency at 90000 are the backlog, never attended within a day
 * of settling. Attended + never attended = incidents. */
static void test_backlog_at_horizon(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(2, 1.0, 2, 1, 1, 1);
	sc->run.days = 2;
	sc->run.warmup_s = 500.0;
	sc->lines[0].incident_p[0] = 1.0;
	sc->lines[1].incident_p[1] = 1.0;
	for (size_t g = 0; g < 2; g++) {
		sc->grades[g].travel = det(100.25);
		sc->grades[g].on_scene = det(1000.5);
	}
	sc->units[0].shifts[0].duration_s = 12 * 3600.0;
	sc->units[0].shifts[0].days = 1u;
	const struct call calls[] = { { 400.0, 1 }, { 1000.0, 1 }, { 5000.0, 1 },
		{ 43150.0, 1 }, { 50000.0, 1 }, { 90000.0, 0 }, { 100000.0, 1 } };
	struct drive d;
	drive(&d, sc, calls, 7, DAY_S);

	const double *e = grade_of(&d, 0), *p = grade_of(&d, 1);
	assert_seconds_near(p[RSP_INCIDENTS], 5.0, 0.0);
	assert_seconds_near(p[RSP_ATTENDED], 3.0, 0.0);
	assert_seconds_near(p[RSP_BACKLOG], 2.0, 0.0);
	assert_seconds_near(e[RSP_INCIDENTS], 1.0, 0.0);
	assert_seconds_near(e[RSP_ATTENDED], 0.0, 0.0);
	assert_seconds_near(e[RSP_BACKLOG], 1.0, 0.0);
	assert_true(isnan(e[RSP_ATTEND_MEAN_S]) && isnan(e[RSP_ATTEND_P50_S]));
	assert_int_equal(d.pending_at_end, 3);
	assert_seconds_near(p[RSP_UNATTENDED_END], 2.0, 0.0);
	assert_seconds_near(e[RSP_UNATTENDED_END], 1.0, 0.0);
	for (size_t g = 0; g < 2; g++)
		assert_seconds_near(grade_of(&d, g)[RSP_ATTENDED] +
				    grade_of(&d, g)[RSP_UNATTENDED_END],
				    grade_of(&d, g)[RSP_INCIDENTS], 0.0);
	assert_seconds_near(e[RSP_ATTENDED] + p[RSP_ATTENDED] +
			    (double)d.pending_at_end,
			    e[RSP_INCIDENTS] + p[RSP_INCIDENTS], 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_UNITS_ON_DUTY],
			    (43200.0 - 500.0) / (2 * DAY_S), 1e-12);
	drive_free(&d);
	scenario_free(sc);
}

/* ---- what the engine refuses ------------------------------------------ */

/* travel_factor 1e308 makes a travel time of 300.5 s infinite: the run
 * stops with a message naming the area and the factor, in every build.
 * Regression: an assertion in a debug build and, in a release build, exit
 * 0 with nothing attended. The loader may come to refuse the factor; the
 * engine must hold anyway. */
static void test_travel_factor_too_large(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 6.0, 1, 1, 1, 1);
	sc->lines[0].incident_p[0] = 0.7;
	sc->grades[0].travel = det(300.5);
	sc->areas[0].travel_factor = 1e308;
	assert_run_fails(sc, "the travel time to an incident of grade grade 0 "
			 "in area area 0 is not finite: the grade's travel x "
			 "the area's travel_factor is too large");
	scenario_free(sc);
}

/* The same across a border: 300.5 x 1.25 x 1e308. */
static void test_cross_border_factor_too_large(void **state)
{
	(void)state;
	struct scenario *sc = border_scenario(900.0);
	sc->dispatch.cross_border_factor = 1e308;
	assert_run_fails(sc, "travel_factor x dispatch.cross_border_factor is "
			 "too large");
	scenario_free(sc);
}

/* One unit on scene for a day at a time and 60 Emergencies an hour: the
 * incidents waiting for a unit pass run.max_waiting (lowered here) and the
 * run stops rather than grow without bound. */
static void test_incidents_waiting_bound(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 60.0, 1, 1, 1, 1);
	sc->lines[0].incident_p[0] = 1.0;
	sc->grades[0].on_scene = det(DAY_S);
	sc->run.max_waiting = 500;
	assert_run_fails(sc, "more than 500 incidents waiting for a unit at "
			 "once");
	/* Under the bound the same run is fine, and what it could not attend
	 * is unattended at end. */
	sc->run.max_waiting = 5000;
	struct replication_result **res = replications_run(sc);
	for (unsigned i = 0; i < 2; i++) {
		double *f = replication_grade_at(res[i], 0);
		assert_true(f[RSP_UNATTENDED_END] > 1000);
		assert_seconds_near(f[RSP_ATTENDED] + f[RSP_UNATTENDED_END],
				    f[RSP_INCIDENTS], 0.0);
	}
	replications_free(res, 2);
	scenario_free(sc);
}

/* ---- determinism ------------------------------------------------------ */

/* Units 0 and 1: response, areas 0 and 1, 4 by day (07:00-21:00) and 2 by
 * night. Units 2 and 3: neighbourhood, areas 0 and 1, 1 by day. */
static void busy_units(struct scenario *sc)
{
	for (size_t u = 0; u < 4; u++) {
		struct unit_spec *us = &sc->units[u];
		us->area = u % 2;
		us->role = u / 2;
		us->crew = 2;
		unit_shifts(us, u < 2 ? 2 : 1, u < 2 ? 4 : 1);
		us->shifts[0].start_s = 7 * 3600.0;
		us->shifts[0].duration_s = 14 * 3600.0;
		if (u < 2)
			us->shifts[1] = (struct shift_spec){ .name = "night",
				.start_s = 21 * 3600.0, .duration_s = 10 * 3600.0,
				.days = ALL_WEEK, .staff = 2 };
	}
}

/* Everything at once: three grades with grading delays, three areas that
 * are all neighbours, response units on day and night shifts (too few at
 * night) in areas 0 and 1, neighbourhood units by day, abstraction and
 * preemption. Area 2 has no units, so each of its incidents is attended
 * across the border exactly once, however often its unit is pulled away. */
static struct scenario *busy_scenario(void)
{
	struct scenario *sc = new_scenario(2, 6.5, 3, 3, 2, 4);
	sc->run.days = 5;
	sc->run.warmup_s = 0.5 * DAY_S;
	sc->lines[0].incident_p[0] = 0.35;
	sc->lines[0].incident_p[1] = 0.25;
	sc->lines[1].incident_p[2] = 0.4;
	for (size_t g = 0; g < 3; g++) {
		sc->grades[g].has_delay = 1;
		sc->grades[g].delay = expo(95.5 * (double)(g + 1));
		sc->grades[g].travel = expo(480.25);
		sc->grades[g].target_s = 900.0 * (double)(g + 1);
	}
	sc->grades[2].preemptible = 1;
	sc->areas[0].share = 0.55;
	sc->areas[1].share = 0.3;
	sc->areas[2].share = 0.15;
	for (size_t a = 0; a < 3; a++) {
		sc->areas[a].neighbours = calloc(2, sizeof(size_t));
		sc->areas[a].n_neighbours = 2;
		for (size_t k = 0; k < 2; k++)
			sc->areas[a].neighbours[k] = (a + 1 + k) % 3;
	}
	sc->dispatch.preempt_scheduled = 1;
	sc->dispatch.cross_border_factor = 1.35;
	sc->roles[1].neighbourhood = 1;
	sc->roles[1].abstract_after_s = 420.0;
	sc->roles[1].abstraction = ABSTRACTION_EMERGENCY_ONLY;
	busy_units(sc);
	return sc;
}

/* The same replication twice gives identical figures; area figures add up
 * to grade figures; every counted incident is attended in the end. */
static void test_same_replication_same_figures(void **state)
{
	(void)state;
	struct scenario *sc = busy_scenario();
	struct replication_result *a = replication_result_new(sc), *b = replication_result_new(sc);
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(replication_run(sc, 3, a, &err), SIM_OK);
	assert_int_equal(replication_run(sc, 3, b, &err), SIM_OK);
	assert_memory_equal(a->rsp.grade, b->rsp.grade,
			    3 * RSP_GRADE_METRICS * sizeof(double));
	assert_memory_equal(a->rsp.area_grade, b->rsp.area_grade,
			    3 * 3 * RSP_GRADE_METRICS * sizeof(double));
	assert_memory_equal(a->rsp.area, b->rsp.area,
			    3 * RSP_AREA_METRICS * sizeof(double));
	for (size_t g = 0; g < 3; g++) {
		double *f = replication_grade_at(a, g);
		assert_true(f[RSP_INCIDENTS] > 100);
		assert_seconds_near(f[RSP_ATTENDED], f[RSP_INCIDENTS], 0.0);
		double *far = replication_area_grade_at(a, 2, g);
		assert_seconds_near(replication_area_grade_at(a, 0, g)[RSP_INCIDENTS] +
				    replication_area_grade_at(a, 1, g)[RSP_INCIDENTS] +
				    far[RSP_INCIDENTS], f[RSP_INCIDENTS], 0.0);
		assert_seconds_near(far[RSP_CROSS_BORDER], far[RSP_ATTENDED], 0.0);
		assert_true(f[RSP_WITHIN_TARGET] >= 0 && f[RSP_WITHIN_TARGET] <= 1);
		assert_true(f[RSP_ATTEND_P50_S] <= f[RSP_ATTEND_P90_S] &&
			    f[RSP_ATTEND_P90_S] <= f[RSP_ATTEND_P95_S]);
	}
	assert_true(replication_grade_at(a, 0)[RSP_CROSS_BORDER] > 0);
	assert_true(replication_area_grade_at(a, 2, 2)[RSP_PREEMPTED] > 0);
	/* Abstractions in area 0 are rare (about 2.4 a replication, none in
	 * one replication of ten): counted over four replications. */
	double abstractions = replication_area_at(a, 0)[RSP_ABSTRACTIONS];
	for (uint32_t k = 4; k < 7; k++) {
		assert_int_equal(replication_run(sc, k, b, &err), SIM_OK);
		abstractions += replication_area_at(b, 0)[RSP_ABSTRACTIONS];
	}
	assert_true(abstractions > 0);
	for (size_t r = 0; r < 2; r++) {
		double u = replication_area_at(a, r)[RSP_UTILISATION];
		assert_true(u > 0 && u <= 1);
	}
	replication_result_free(a);
	replication_result_free(b);
	scenario_free(sc);
}

/* ---- FTE and cost ----------------------------------------------------- */

/* 7 units x 10.5 h x 5 days + 3 units x 9.25 h x 7 days, crews of 2,
 * contracted 38.75 h a week, 68123.5 a year per FTE. Shrinkage does not
 * change it. */
static void test_unit_fte_and_cost(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 1.0, 1, 1, 2, 1);
	struct unit_spec *u = &sc->units[0];
	u->role = 1;
	u->crew = 2;
	u->shrinkage = 0.35;
	unit_shifts(u, 2, 7);
	u->shifts[0].duration_s = 10.5 * 3600.0;
	u->shifts[0].days = 0x1fu;
	u->shifts[1] = (struct shift_spec){ .name = "late",
		.start_s = 14 * 3600.0, .duration_s = 9.25 * 3600.0,
		.days = ALL_WEEK, .staff = 3 };
	sc->roles[1].hours_per_week = 38.75;
	sc->roles[1].cost_per_fte = 68123.5;
	double fte = 2 * (7 * 10.5 * 5 + 3 * 9.25 * 7) / 38.75;

	assert_seconds_near(scenario_unit_fte(sc, u), fte, 1e-12);
	assert_seconds_near(scenario_unit_cost(sc, u), fte * 68123.5, 1e-6);
	/* The role, not another role's contract, sets the hours. */
	sc->roles[0].hours_per_week = 1.0;
	assert_seconds_near(scenario_unit_fte(sc, u), fte, 1e-12);
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attendance_matches_erlang_c),
		cmocka_unit_test(test_grade_priority_matches_cobham),
		cmocka_unit_test(test_backlog_at_horizon),
		cmocka_unit_test(test_travel_factor_too_large),
		cmocka_unit_test(test_cross_border_factor_too_large),
		cmocka_unit_test(test_incidents_waiting_bound),
		cmocka_unit_test(test_same_replication_same_figures),
		cmocka_unit_test(test_unit_fte_and_cost),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
