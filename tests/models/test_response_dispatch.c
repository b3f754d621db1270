/* test_response_dispatch.c: the response model's dispatch rules —
 * cross-border dispatch, abstraction of neighbourhood officers, preemption
 * of Scheduled jobs, units on rosters — against hand-worked timelines.
 *
 * The tests drive the response model alone: a script of calls at chosen
 * instants, deterministic travel and on-scene times, so every attendance
 * time is known exactly and compared exactly (the times are binary
 * fractions, so the sums the model forms are exact too). */
#include "response_fixture.h"

/* ---- cross-border dispatch -------------------------------------------- */

static void test_cross_border_only_after_the_wait(void **state)
{
	(void)state;
	double least_s = 420.25 + 300.5 * 1.25 * 1.5;
	/* Just below the least possible attendance: no area-0 incident is
	 * within it. Just above: some are, as units of area 1 are idle when
	 * the border opens, so the bound is the wait itself, not a later one. */
	for (int above = 0; above < 2; above++) {
		struct scenario *sc = border_scenario(least_s +
						      (above ? 1e-6 : -1e-6));
		struct replication_result **res = replications_run(sc);
		for (unsigned i = 0; i < 2; i++) {
			double *a0 = replication_area_grade_at(res[i], 0, 0);
			double *a1 = replication_area_grade_at(res[i], 1, 0);
			assert_true(a0[RSP_INCIDENTS] > 50);
			assert_seconds_near(a0[RSP_ATTENDED], a0[RSP_INCIDENTS], 0.0);
			assert_seconds_near(a0[RSP_CROSS_BORDER], a0[RSP_ATTENDED], 0.0);
			assert_seconds_near(a1[RSP_CROSS_BORDER], 0.0, 0.0);
			assert_seconds_near(replication_grade_at(res[i], 0)[RSP_CROSS_BORDER],
					    a0[RSP_CROSS_BORDER], 0.0);
			assert_true(a0[RSP_ATTEND_MEAN_S] > least_s);
			if (above)
				assert_true(a0[RSP_WITHIN_TARGET] > 0.5);
			else
				assert_seconds_near(a0[RSP_WITHIN_TARGET], 0.0, 0.0);
			assert_true(a1[RSP_WITHIN_TARGET] > 0.9);
		}
		replications_free(res, 2);
		scenario_free(sc);
	}
}

/* A wait threshold is met when its check fires, even where ready + wait -
 * ready rounds below the wait (1000.1 + 420.7 - 1000.1 < 420.7 in double):
 * area 0 has no response unit, area 1 one idle unit, so the Emergency of
 * 1000.1 crosses the border exactly when the border opens. The unit is
 * then on scene for hours; the Emergency of 4321.9 gets area 0's
 * neighbourhood unit exactly 900.2 s after it was created. */
static void test_wait_thresholds_exact(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 1.0, 1, 2, 2, 2);
	sc->lines[0].incident_p[0] = 1.0;
	sc->grades[0].travel = det(300.5);
	sc->grades[0].on_scene = det(36000.0);
	sc->areas[0].share = 1.0;
	sc->areas[1].share = 0.0;
	sc->areas[0].neighbours = calloc(1, sizeof(size_t));
	sc->areas[0].neighbours[0] = 1;
	sc->areas[0].n_neighbours = 1;
	sc->dispatch.cross_border_after_s = 420.7;
	sc->dispatch.cross_border_factor = 1.5;
	sc->units[0].area = 1;
	sc->units[1].role = 1;
	sc->roles[1].neighbourhood = 1;
	sc->roles[1].abstraction = ABSTRACTION_EMERGENCY_ONLY;
	sc->roles[1].abstract_after_s = 900.2;
	assert_true(1000.1 + 420.7 - 1000.1 < 420.7);
	assert_true(4321.9 + 900.2 - 4321.9 < 900.2);
	const struct call calls[] = { { 1000.1, 0 }, { 4321.9, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, 0.0);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 0)[RSP_CROSS_BORDER], 1.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 1.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    ((420.7 + 300.5 * 1.5) + (900.2 + 300.5)) / 2, 1e-9);
	drive_free(&d);
	scenario_free(sc);
}

/* ---- abstraction of neighbourhood officers ---------------------------- */

/* One area; grade 0 Emergency (45.5 s grading delay, 123.5 s travel,
 * 1000.25 s on scene), grade 1 Priority (200.75 s travel, 5000.5 s on
 * scene). Unit 0: one response unit, crew 2. Unit 1: one neighbourhood
 * unit, crew 3, abstracted to an Emergency after 600 s (or never). Line l
 * creates grade l. */
static struct scenario *abstraction_scenario(enum abstraction_policy policy)
{
	struct scenario *sc = new_scenario(2, 1.0, 2, 1, 2, 2);
	sc->lines[0].incident_p[0] = 1.0;
	sc->lines[1].incident_p[1] = 1.0;
	sc->grades[0].has_delay = 1;
	sc->grades[0].delay = det(45.5);
	sc->grades[0].travel = det(123.5);
	sc->grades[0].on_scene = det(1000.25);
	sc->grades[1].travel = det(200.75);
	sc->grades[1].on_scene = det(5000.5);
	sc->roles[1].neighbourhood = 1;
	sc->roles[1].abstraction = policy;
	sc->roles[1].abstract_after_s = 600.0;
	sc->units[0].crew = 2;
	sc->units[1].role = 1;
	sc->units[1].crew = 3;
	return sc;
}

/* Priority at 100 takes the response unit until 5301.25. The Emergency
 * created at 1000 is ready at 1045.5 and gets the neighbourhood unit at
 * exactly 1645.5: attended at 1769, cleared at 2769.25. The Priority of
 * 2000 waits for the response unit even though the neighbourhood unit is
 * idle from 2769.25: dispatched at 5301.25, attended at 5502. */
static void test_abstraction_after_the_wait(void **state)
{
	(void)state;
	struct scenario *sc = abstraction_scenario(ABSTRACTION_EMERGENCY_ONLY);
	const struct call calls[] = { { 100.0, 1 }, { 1000.0, 0 }, { 2000.0, 1 } };
	struct drive d;
	drive(&d, sc, calls, 3, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTENDED], 1.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    45.5 + 600.0 + 123.5, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTENDED], 2.0, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTEND_MEAN_S],
			    (200.75 + (5301.25 + 200.75 - 2000.0)) / 2, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 1.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTION_HOURS],
			    (2769.25 - 1645.5) / 3600.0 * 3, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* Policy never: the Emergency waits for the response unit (free at
 * 5301.25, before the Priority of 2000, which then waits until 6425). */
static void test_abstraction_never(void **state)
{
	(void)state;
	struct scenario *sc = abstraction_scenario(ABSTRACTION_NEVER);
	const struct call calls[] = { { 100.0, 1 }, { 1000.0, 0 }, { 2000.0, 1 } };
	struct drive d;
	drive(&d, sc, calls, 3, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    5301.25 + 123.5 - 1000.0, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTEND_MEAN_S],
			    (200.75 + (6425.0 + 200.75 - 2000.0)) / 2, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 0.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTION_HOURS], 0.0, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* With no response unit at all, a Priority is never attended by the
 * neighbourhood unit, even after any wait, while an Emergency is. */
static void test_abstraction_only_for_emergencies(void **state)
{
	(void)state;
	struct scenario *sc = abstraction_scenario(ABSTRACTION_EMERGENCY_ONLY);
	sc->units[0].shifts[0].staff = 0;
	const struct call calls[] = { { 100.0, 1 }, { 1000.0, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, DAY_S);

	assert_int_equal(d.pending_at_end, 1);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTENDED], 0.0, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_BACKLOG], 1.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTENDED], 1.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 1.0, 0.0);
	/* Only the response roles count in utilisation: none on duty. */
	assert_true(isnan(area_of(&d, 0)[RSP_UTILISATION]));
	assert_seconds_near(area_of(&d, 0)[RSP_UNITS_ON_DUTY], 0.0, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* ---- preemption of Scheduled jobs ------------------------------------- */

/* One response unit; Emergency (150.25 s travel, 900.5 s on scene),
 * Priority (200.75, 3000.5), Scheduled (400.5, 1800.75, preemptible). */
static struct scenario *preempt_scenario(int preempt)
{
	struct scenario *sc = new_scenario(3, 1.0, 3, 1, 1, 1);
	for (size_t g = 0; g < 3; g++)
		sc->lines[g].incident_p[g] = 1.0;
	sc->grades[0].travel = det(150.25);
	sc->grades[0].on_scene = det(900.5);
	sc->grades[1].travel = det(200.75);
	sc->grades[1].on_scene = det(3000.5);
	sc->grades[2].travel = det(400.5);
	sc->grades[2].on_scene = det(1800.75);
	sc->grades[2].preemptible = 1;
	sc->dispatch.preempt_scheduled = preempt;
	return sc;
}

/* Scheduled at 100 (travelling), Emergency at 300, Emergency at 2000,
 * Scheduled at 4000 (on scene from 4400.5), Emergency at 5000, Priority at
 * 7000 (on scene from 7200.75), Emergency at 7100. */
static const struct call preempt_calls[] = {
	{ 100.0, 2 }, { 300.0, 0 }, { 2000.0, 0 }, { 4000.0, 2 },
	{ 5000.0, 0 }, { 7000.0, 1 }, { 7100.0, 0 },
};

/* The Emergency of 300 pulls the unit off its way to the first Scheduled
 * job, which goes back to the queue and is attended at 1751.25 after the
 * Emergency clears; the Emergency of 2000 cuts that job short on scene
 * (the incident counts once); the one of 5000 cuts the second Scheduled
 * job short. A Priority job is never preempted: the Emergency of 7100
 * waits until 10201.25. */
static void test_preemption_of_scheduled_jobs(void **state)
{
	(void)state;
	struct scenario *sc = preempt_scenario(1);
	struct drive d;
	drive(&d, sc, preempt_calls, 7, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 2)[RSP_PREEMPTED], 2.0, 0.0);
	assert_seconds_near(grade_of(&d, 2)[RSP_ATTENDED], 2.0, 0.0);
	assert_seconds_near(grade_of(&d, 2)[RSP_ATTEND_MEAN_S],
			    ((1350.75 + 400.5 - 100.0) + 400.5) / 2, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTENDED], 4.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    (3 * 150.25 + (10201.25 + 150.25 - 7100.0)) / 4, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_PREEMPTED], 0.0, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTEND_MEAN_S], 200.75, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_PREEMPTED], 0.0, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* Preemption off: every job runs to its end, and the Emergencies wait:
 * attended at 2451.5, 3502.25, 6754.25 and 7805; the Scheduled jobs at
 * 500.5 and 4803.25; the Priority at 8906.25. */
static void test_no_preemption_when_off(void **state)
{
	(void)state;
	struct scenario *sc = preempt_scenario(0);
	struct drive d;
	drive(&d, sc, preempt_calls, 7, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	for (size_t g = 0; g < 3; g++)
		assert_seconds_near(grade_of(&d, g)[RSP_PREEMPTED], 0.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    ((2451.5 - 300.0) + (3502.25 - 2000.0) +
			     (6754.25 - 5000.0) + (7805.0 - 7100.0)) / 4, 0.0);
	assert_seconds_near(grade_of(&d, 2)[RSP_ATTEND_MEAN_S],
			    (400.5 + (4803.25 - 4000.0)) / 2, 0.0);
	assert_seconds_near(grade_of(&d, 1)[RSP_ATTEND_MEAN_S],
			    8906.25 - 7000.0, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* A preempted job goes back to its queue and is offered again at once: a
 * PCSO unit (attends Scheduled only, listed after the response unit, so the
 * job first went to the response unit) takes it the moment the Emergency
 * of 300 pulls the response unit away. */
static void test_preempted_job_offered_again(void **state)
{
	(void)state;
	struct scenario *sc = preempt_scenario(1);
	add_group(sc, 1u << 2);
	const struct call calls[] = { { 100.0, 2 }, { 300.0, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 2)[RSP_PREEMPTED], 1.0, 0.0);
	assert_seconds_near(grade_of(&d, 2)[RSP_ATTEND_MEAN_S],
			    300.0 + 400.5 - 100.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S], 150.25, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* Preemption is rule 2 and abstraction rule 3 (after a wait), so even with
 * no abstraction wait an Emergency takes the unit off a Scheduled job
 * rather than abstract a neighbourhood officer. */
static void test_preemption_before_abstraction(void **state)
{
	(void)state;
	struct scenario *sc = preempt_scenario(1);
	add_group(sc, 0);
	sc->roles[1].neighbourhood = 1;
	sc->roles[1].abstraction = ABSTRACTION_EMERGENCY_ONLY;
	sc->roles[1].abstract_after_s = 0.0;
	const struct call calls[] = { { 100.0, 2 }, { 300.0, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, DAY_S);

	assert_seconds_near(grade_of(&d, 2)[RSP_PREEMPTED], 1.0, 0.0);
	assert_seconds_near(area_of(&d, 0)[RSP_ABSTRACTIONS], 0.0, 0.0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S], 150.25, 0.0);
	drive_free(&d);
	scenario_free(sc);
}

/* ---- rosters ---------------------------------------------------------- */

/* One unit on duty 00:00-01:00 every day; 60.5 s travel, 3600.25 s on
 * scene. The incident of 00:50 is attended and the unit stays past its
 * shift to finish it (busy until 6660.75); the one of 01:10 waits for the
 * next day's shift. Utilisation counts the overrun as time on duty. */
static void test_unit_finishes_job_after_shift(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 1.0, 1, 1, 1, 1);
	sc->run.days = 2;
	sc->lines[0].incident_p[0] = 1.0;
	sc->grades[0].travel = det(60.5);
	sc->grades[0].on_scene = det(3600.25);
	sc->units[0].shifts[0].duration_s = 3600.0;
	const struct call calls[] = { { 3000.0, 0 }, { 4200.0, 0 } };
	struct drive d;
	drive(&d, sc, calls, 2, DAY_S);

	assert_int_equal(d.pending_at_end, 0);
	assert_seconds_near(grade_of(&d, 0)[RSP_ATTEND_MEAN_S],
			    (60.5 + (DAY_S + 60.5 - 4200.0)) / 2, 0.0);
	double busy_s = 2 * (60.5 + 3600.25);
	double present_s = (3000.0 + 60.5 + 3600.25) + (60.5 + 3600.25);
	assert_seconds_near(area_of(&d, 0)[RSP_UTILISATION], busy_s / present_s,
			    1e-12);
	assert_seconds_near(area_of(&d, 0)[RSP_UNITS_ON_DUTY], 1.0 / 24, 1e-12);
	drive_free(&d);
	scenario_free(sc);
}

/* Two groups in one area: 3 units by day (08:00-20:00) and 1 by night
 * (20:00-08:00, across midnight); 4 units all day with 25% shrinkage (3 on
 * duty). Mean units on duty is exactly 2 + 3, and utilisation is a
 * fraction, in every replication. */
static void test_units_on_duty_follow_roster(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 9.0, 1, 1, 1, 2);
	sc->run.days = 7;
	sc->run.warmup_s = DAY_S;
	sc->lines[0].incident_p[0] = 0.5;
	unit_shifts(&sc->units[0], 2, 3);
	sc->units[0].shifts[0].start_s = 8 * 3600.0;
	sc->units[0].shifts[0].duration_s = 12 * 3600.0;
	sc->units[0].shifts[1] = (struct shift_spec){ .name = "night",
		.start_s = 20 * 3600.0, .duration_s = 12 * 3600.0,
		.days = ALL_WEEK, .staff = 1 };
	unit_shifts(&sc->units[1], 1, 4);
	sc->units[1].shrinkage = 0.25;
	struct replication_result **res = replications_run(sc);
	for (unsigned i = 0; i < 2; i++) {
		double *a = replication_area_at(res[i], 0);
		assert_seconds_near(a[RSP_UNITS_ON_DUTY], 5.0, 1e-9);
		assert_true(a[RSP_UTILISATION] > 0.1 && a[RSP_UTILISATION] <= 1.0);
	}
	assert_all_attended(res, 2, 1);
	replications_free(res, 2);
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cross_border_only_after_the_wait),
		cmocka_unit_test(test_wait_thresholds_exact),
		cmocka_unit_test(test_abstraction_after_the_wait),
		cmocka_unit_test(test_abstraction_never),
		cmocka_unit_test(test_abstraction_only_for_emergencies),
		cmocka_unit_test(test_preemption_of_scheduled_jobs),
		cmocka_unit_test(test_no_preemption_when_off),
		cmocka_unit_test(test_preempted_job_offered_again),
		cmocka_unit_test(test_preemption_before_abstraction),
		cmocka_unit_test(test_unit_finishes_job_after_shift),
		cmocka_unit_test(test_units_on_duty_follow_roster),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
