/* test_response_period.c: the response's figures by hour of the week and
 * by day and area (models/response_period.c).
 *
 * Three kinds of check: a hand-worked timeline of scripted incidents,
 * whose hour figures are exact; whole replications, whose hours and days
 * must add up to the horizon's figures exactly (no incident lost or put
 * in two hours); and an infinite-server case, where every hour's share
 * attended within target and median attendance must match the travel
 * time's distribution, within the run's own 99% interval. */
#include "response_fixture.h"
#include "replications.h"

#include <math.h>

#include "sim/hist.h"

/* ---- a hand-worked timeline ------------------------------------------- */

/* One unit on duty all week; every call makes a grade-0 incident with a
 * 900 s target, 600 s travel and 1800 s on scene. Incidents at 00:10,
 * 00:20 and 01:50 on Monday: the first is attended at 00:20 (600 s), the
 * second waits for the unit to clear at 00:50 and is attended at 01:00
 * (2400 s, late), the third at 02:00 (600 s). The unit is busy
 * 00:10-01:30 (the first two, back to back), then 01:50-02:30. */
static void test_hand_worked_hours(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 60.0, 1, 1, 1, 1);
	const struct call calls[] = { { 600.0, 0 }, { 1200.0, 0 },
				      { 6600.0, 0 } };
	struct drive d;
	struct replication_result *res;

	sc->lines[0].incident_p[0] = 1.0;
	sc->grades[0].target_s = 900.0;
	sc->grades[0].travel = det(600.0);
	sc->grades[0].on_scene = det(1800.0);
	drive(&d, sc, calls, 3, 0.0);
	res = replication_result_new(sc);
	assert_non_null(res);
	response_period_figures(d.rsp, res);

	double *h0 = replication_igrade_at(res, 0, 0);
	double *h1 = replication_igrade_at(res, 1, 0);
	double *h2 = replication_igrade_at(res, 2, 0);
	/* A day counted: each Monday hour once, a week in it. */
	assert_seconds_near(h0[RSP_I_INCIDENTS], 2.0, 0.0);
	assert_seconds_near(h1[RSP_I_INCIDENTS], 1.0, 0.0);
	assert_seconds_near(h2[RSP_I_INCIDENTS], 0.0, 0.0);
	assert_seconds_near(h0[RSP_I_WITHIN_TARGET], 0.5, 0.0);
	assert_seconds_near(h1[RSP_I_WITHIN_TARGET], 1.0, 0.0);
	assert_true(isnan(h2[RSP_I_WITHIN_TARGET]));   /* none created */
	/* One attendance in hour 1: every quantile is it, exactly. */
	assert_seconds_near(h1[RSP_I_ATTEND_P50_S], 600.0, 0.0);
	assert_seconds_near(h1[RSP_I_ATTEND_P90_S], 600.0, 0.0);
	assert_true(isnan(h2[RSP_I_ATTEND_P50_S]));
	/* Busy 00:10-01:30 and 01:50-02:30 of one unit on duty. */
	assert_seconds_near(h0[RSP_I_UNITS_ON_DUTY], 1.0, 1e-12);
	assert_seconds_near(h0[RSP_I_UTILISATION], 3000.0 / 3600.0, 1e-12);
	assert_seconds_near(h1[RSP_I_UTILISATION], 2400.0 / 3600.0, 1e-12);
	assert_seconds_near(h2[RSP_I_UTILISATION], 1800.0 / 3600.0, 1e-12);
	assert_seconds_near(replication_igrade_at(res, 3, 0)
			    [RSP_I_UTILISATION], 0.0, 0.0);
	/* The area's hours are the grade's, its only one; day 1 holds all. */
	double *a0 = replication_iarea_at(res, 0, 0);
	assert_seconds_near(a0[RSP_IA_INCIDENTS], 2.0, 0.0);
	assert_seconds_near(a0[RSP_IA_WITHIN_TARGET], 0.5, 0.0);
	assert_seconds_near(a0[RSP_IA_UTILISATION], 3000.0 / 3600.0, 1e-12);
	double *day = replication_darea_at(res, 0, 0);
	assert_seconds_near(day[RSP_DA_INCIDENTS], 3.0, 0.0);
	assert_seconds_near(day[RSP_DA_WITHIN_TARGET], 2.0 / 3.0, 1e-15);
	/* Hours of the week the day did not reach: nothing to measure. */
	assert_true(isnan(replication_igrade_at(res, 30, 0)[RSP_I_INCIDENTS]));
	assert_true(isnan(replication_igrade_at(res, 30, 0)
			  [RSP_I_UNITS_ON_DUTY]));
	replication_result_free(res);
	drive_free(&d);
	scenario_free(sc);
}

/* ---- hours and days add up to the horizon ----------------------------- */

/* The sum over hours of figure m of grade or area i, times the count
 * figure c when c is not m (a share back to a count). */
static double hour_sum(struct replication_result *r, size_t i, size_t m,
		       size_t c,
		       double *(*at)(struct replication_result *, size_t,
				     size_t))
{
	double sum = 0;

	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		double *f = at(r, h, i);

		if (c == m)
			sum += f[m];
		else if (f[c] > 0)
			sum += f[m] * f[c];
	}
	return sum;
}

/* Two weeks from Monday 00:00 (each hour of the week counted twice), two
 * grades, two areas with a unit each, demand three times as heavy on
 * Tuesday evenings. In every replication the hours' incidents (a week,
 * times 2) add up to each grade's and each area's incidents exactly, the
 * grade's incidents attended within target too (share x count), and the
 * days' incidents of each area to the area's. */
static struct scenario *two_weeks_scenario(void)
{
	struct scenario *sc = new_scenario(1, 40.0, 2, 2, 1, 2);

	sc->run.days = 14;
	sc->lines[0].incident_p[0] = 0.2;
	sc->lines[0].incident_p[1] = 0.3;
	sc->grades[0].target_s = 900.0;
	sc->grades[0].travel = expo(600.0);
	sc->grades[1].target_s = NAN;   /* no target: not in the shares */
	sc->grades[0].on_scene = expo(900.0);
	sc->grades[1].on_scene = expo(900.0);
	sc->units[1].area = 1;
	unit_shifts(&sc->units[0], 1, 10);
	unit_shifts(&sc->units[1], 1, 10);
	for (size_t h = 18; h < 23; h++)
		sc->lines[0].demand.profile[24 + h] = 3.0;
	return sc;
}

/* Area a's hours (a week, times 2) and days add up to its incidents, the
 * sum of its grades'. */
static void check_area_adds_up(struct replication_result *r, size_t a)
{
	double inc = 0, day_inc = 0;

	for (size_t g = 0; g < r->n_grades; g++)
		inc += replication_area_grade_at(r, a, g)[RSP_INCIDENTS];
	assert_true(inc > 500);
	assert_true(2 * hour_sum(r, a, RSP_IA_INCIDENTS, RSP_IA_INCIDENTS,
				 replication_iarea_at) == inc);
	for (size_t d = 0; d < r->n_days; d++)
		day_inc += replication_darea_at(r, d, a)[RSP_DA_INCIDENTS];
	assert_true(day_inc == inc);
}

static void test_hours_add_up_to_the_horizon(void **state)
{
	(void)state;
	struct scenario *sc = two_weeks_scenario();
	struct replication_result **res = replications_run(sc);

	for (unsigned i = 0; i < sc->run.replications; i++) {
		struct replication_result *r = res[i];

		for (size_t g = 0; g < 2; g++) {
			double *f = replication_grade_at(r, g);

			assert_true(f[RSP_INCIDENTS] > 1000);
			assert_true(2 * hour_sum(r, g, RSP_I_INCIDENTS,
						 RSP_I_INCIDENTS,
						 replication_igrade_at)
				    == f[RSP_INCIDENTS]);
		}
		double *f = replication_grade_at(r, 0);
		assert_seconds_near(2 * hour_sum(r, 0, RSP_I_WITHIN_TARGET,
						 RSP_I_INCIDENTS,
						 replication_igrade_at),
				    f[RSP_WITHIN_TARGET] * f[RSP_INCIDENTS],
				    1e-6);
		for (size_t h = 0; h < HOURS_PER_WEEK; h++)
			assert_true(isnan(replication_igrade_at(r, h, 1)
					  [RSP_I_WITHIN_TARGET]));
		for (size_t a = 0; a < 2; a++)
			check_area_adds_up(r, a);
		/* Tuesday 19:00 holds about three times Monday 19:00's. */
		double mon = replication_igrade_at(r, 19, 1)[RSP_I_INCIDENTS];
		double tue = replication_igrade_at(r, 43, 1)[RSP_I_INCIDENTS];
		assert_true(tue > 2 * mon && tue < 4.5 * mon);
	}
	replications_free(res, sc->run.replications);
	scenario_free(sc);
}

/* ---- against theory ---------------------------------------------------- */

/* Replication i's figure m of grade 0 in hour h. */
static double hour_figure(struct replication_result **res, unsigned i,
			  size_t h, size_t m)
{
	return replication_igrade_at(res[i], h, 0)[m];
}

/* The 99% interval over the replications of figure m in hour h. */
static struct ci hour_ci(struct replication_result **res, unsigned n,
			 size_t h, size_t m)
{
	double x[64];

	assert_true(n <= 64);
	for (unsigned i = 0; i < n; i++)
		x[i] = hour_figure(res, i, h, m);
	return ci_of(x, 1, n, REPLICATIONS_LEVEL);
}

/* An M/G/infinity response: 200 units for about 40 incidents an hour, each
 * on scene 30 min, so an incident never waits and its attendance is its
 * travel, exponential with mean 600 s. In every hour of the week the
 * share within a 900 s target is then 1 - exp(-1.5) and the median
 * attendance 600 ln 2 s, whatever the hour's demand (three hours of the
 * week checked: a quiet one, a busy one, one in the night). */
static void test_hour_share_against_theory(void **state)
{
	(void)state;
	struct scenario *sc = new_scenario(1, 80.0, 1, 1, 1, 1);
	const size_t hours[3] = { 3, 18 + 24, 100 };
	const double p = 1.0 - exp(-1.5), median = 600.0 * log(2.0);

	sc->run.days = 7;
	sc->run.replications = 20;
	sc->lines[0].incident_p[0] = 0.5;
	sc->grades[0].target_s = 900.0;
	sc->grades[0].travel = expo(600.0);
	unit_shifts(&sc->units[0], 1, 200);
	sc->lines[0].demand.profile[18 + 24] = 4.0;
	struct replication_result **res = replications_run(sc);

	for (size_t k = 0; k < 3; k++) {
		struct ci w = hour_ci(res, 20, hours[k], RSP_I_WITHIN_TARGET);
		struct ci m = hour_ci(res, 20, hours[k], RSP_I_ATTEND_P50_S);

		assert_in_ci(w, p, "hour's share within target");
		assert_in_ci(m, median, "hour's median attendance");
		assert_seconds_near(hour_figure(res, 0, hours[k],
						RSP_I_UNITS_ON_DUTY), 200.0,
				    1e-9);
	}
	replications_free(res, sc->run.replications);
	scenario_free(sc);
}

/* ---- the paged histogram is the histogram ----------------------------- */

/* The hour's quantiles come from a paged histogram: on the same values
 * (small and large counts, zeros, a spread over many doublings) it gives
 * the full histogram's quantiles bit for bit. */
static void test_paged_quantiles_are_the_histograms(void **state)
{
	(void)state;
	const double q[4] = { 0.0, 0.5, 0.9, 1.0 };
	const size_t sizes[5] = { 1, 2, 7, 5000, 3 };
	struct hist_window *w = hist_window_new();

	assert_non_null(w);
	/* One workspace for all, as a replication uses it: a wide window
	 * then a narrow one leaves nothing behind. */
	for (size_t s = 0; s < 5; s++) {
		struct hist *h = hist_new();
		struct hist_paged *p = hist_paged_new();
		double x = 0.37, got[4];

		assert_non_null(h);
		assert_non_null(p);
		for (size_t i = 0; i < sizes[s]; i++) {
			x = fmod(x * 7919.0 + 0.123, 50000.0);
			double v = i % 11 == 3 ? 0.0 : x;
			hist_add(h, v);
			assert_int_equal(hist_paged_add(p, v), 0);
		}
		hist_paged_quantiles(p, w, q, 4, got);
		for (size_t k = 0; k < 4; k++)
			assert_memory_equal(&got[k],
					    &(double){ hist_quantile(h, q[k]) },
					    sizeof(double));
		hist_free(h);
		hist_paged_free(p);
	}
	hist_window_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hand_worked_hours),
		cmocka_unit_test(test_hours_add_up_to_the_horizon),
		cmocka_unit_test(test_hour_share_against_theory),
		cmocka_unit_test(test_paged_quantiles_are_the_histograms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
