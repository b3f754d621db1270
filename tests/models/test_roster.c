/* test_roster.c: the weekly step function of people on duty — overlapping
 * shifts, shifts across midnight and across Sunday night, shrinkage
 * rounding, and the sequence of change times the simulation schedules;
 * teams on a rota, against models/rota.c's count over a run longer and
 * shorter than the cycle, with the cycle starting before, on and after
 * day 0; and both read on the local clock across the clock changes, as the
 * models read them. */
#include "test_support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/local_clock.h"
#include "models/roster.h"
#include "models/rota.h"
#include "models/week.h"

#define EVERY_DAY 0x7fu
#define WEEKDAYS 0x1fu
#define MON (1u << 0)
#define WED (1u << 2)
#define SUN (1u << 6)

static struct roster *roster_ok(const struct shift_spec *shifts, size_t n,
				double shrinkage)
{
	struct roster_spec spec = {shifts, n, shrinkage, 0};
	struct sim_err err;
	struct roster *r;

	sim_err_clear(&err);
	r = roster_new(&spec, &err);
	assert_non_null(r);
	assert_int_equal(err.n_lines, 0);
	return r;
}

/* Day d (0 = Monday) at hh:mm, as an offset into the week. */
static double at(int d, double hh, double mm)
{
	return d * DAY_S + hh * HOUR_S + mm * 60;
}

/* Early 07:00-17:00 every day, late 14:00-24:00 on weekdays, night
 * 22:00-08:00 every day (Sunday's night runs into Monday morning). */
static const struct shift_spec three_shifts[] = {
	{"early", 7 * HOUR_S, 10 * HOUR_S, EVERY_DAY, 24},
	{"late", 14 * HOUR_S, 10 * HOUR_S, WEEKDAYS, 18},
	{"night", 22 * HOUR_S, 10 * HOUR_S, EVERY_DAY, 12},
};

static void test_roster_overlapping_shifts_and_wraps(void **state)
{
	struct roster *r = roster_ok(three_shifts, 3, 0);

	(void)state;
	assert_int_equal(roster_rostered(r, at(0, 3, 0)), 12);   /* Sun night */
	assert_int_equal(roster_rostered(r, at(0, 7, 30)), 36);  /* early+night */
	assert_int_equal(roster_rostered(r, at(0, 8, 0)), 24);
	assert_int_equal(roster_rostered(r, at(0, 15, 0)), 42);  /* early+late */
	assert_int_equal(roster_rostered(r, at(0, 17, 0)), 18);
	assert_int_equal(roster_rostered(r, at(4, 23, 30)), 30); /* late+night */
	assert_int_equal(roster_rostered(r, at(5, 0, 30)), 12);  /* Sat */
	assert_int_equal(roster_rostered(r, at(5, 15, 0)), 24);
	assert_int_equal(roster_rostered(r, at(6, 23, 59)), 12);
	/* The week repeats: week 54, Monday 07:30. */
	assert_int_equal(roster_rostered(r, 53 * WEEK_S + at(0, 7, 30)), 36);
	assert_int_equal(roster_on_duty(r, at(0, 15, 0)), 42);
	assert_int_equal(roster_peak_on_duty(r), 42);
	assert_seconds_near(roster_hours_per_week(r),
			    24 * 10 * 7 + 18 * 10 * 5 + 12 * 10 * 7, 1e-9);
	roster_free(r);
}

/* round_half_up(rostered * 0.65): 24 -> 15.6 -> 16, 36 -> 23.4 -> 23,
 * 30 -> 19.5 -> 20 (a half rounds up), 42 -> 27.3 -> 27, 12 -> 7.8 -> 8. */
static void test_roster_shrinkage_rounds_half_up(void **state)
{
	struct roster *r = roster_ok(three_shifts, 3, 0.35);

	(void)state;
	assert_int_equal(roster_on_duty(r, at(5, 15, 0)), 16);
	assert_int_equal(roster_rostered(r, at(5, 15, 0)), 24);
	assert_int_equal(roster_on_duty(r, at(0, 7, 30)), 23);
	assert_int_equal(roster_on_duty(r, at(4, 23, 30)), 20);
	assert_int_equal(roster_on_duty(r, at(2, 16, 0)), 27);
	assert_int_equal(roster_on_duty(r, at(0, 3, 0)), 8);
	assert_int_equal(roster_peak_on_duty(r), 27);
	/* Shrinkage is inside the rostered hours, not added to them. */
	assert_seconds_near(roster_hours_per_week(r), 3420, 1e-9);
	roster_free(r);
}

/* Sunday 22:00-08:00 (2 staff), Monday 06:00-10:00 (1), Wednesday
 * 12:00-15:00 (1) and 13:00-14:00 (1), with shrinkage 0.35. On duty:
 *   rostered 2 -> 1.3 -> 1, 3 -> 1.95 -> 2, 1 -> 0.65 -> 1,
 * so Wednesday 13:00 and 14:00 change the roster (1 -> 2 -> 1) but not the
 * people on duty, and are not change times. */
static const struct shift_spec sparse_shifts[] = {
	{"sunday night", 22 * HOUR_S, 10 * HOUR_S, SUN, 2},
	{"monday early", 6 * HOUR_S, 4 * HOUR_S, MON, 1},
	{"wednesday", 12 * HOUR_S, 3 * HOUR_S, WED, 1},
	{"wednesday peak", 13 * HOUR_S, 1 * HOUR_S, WED, 1},
};

static void test_roster_next_change_over_two_weeks(void **state)
{
	struct roster *r = roster_ok(sparse_shifts, 4, 0.35);
	double week[] = {at(0, 6, 0), at(0, 8, 0), at(0, 10, 0),
			 at(2, 12, 0), at(2, 15, 0), at(6, 22, 0)};
	int after[] = {2, 1, 0, 1, 0, 1};
	double t = 0;

	(void)state;
	assert_int_equal(roster_on_duty(r, 0), 1);
	assert_int_equal(roster_rostered(r, at(2, 13, 30)), 2);
	assert_int_equal(roster_on_duty(r, at(2, 13, 30)), 1);
	for (int w = 0; w < 2; w++) {
		for (size_t i = 0; i < 6; i++) {
			t = roster_next_change(r, t);
			assert_seconds_near(t, w * WEEK_S + week[i], 1e-6);
			assert_int_equal(roster_on_duty(r, t), after[i]);
		}
	}
	assert_seconds_near(roster_next_change(r, t), 2 * WEEK_S + week[0],
			    1e-6);
	/* From inside a stretch the rounding hides, and from a change time
	 * itself (the next one is strictly later). */
	assert_seconds_near(roster_next_change(r, WEEK_S + at(2, 13, 30)),
			    WEEK_S + at(2, 15, 0), 1e-6);
	assert_seconds_near(roster_next_change(r, at(0, 6, 0)), at(0, 8, 0),
			    1e-6);
	assert_seconds_near(roster_hours_per_week(r), 20 + 4 + 3 + 1, 1e-9);
	roster_free(r);
}

static void test_roster_constant_never_changes(void **state)
{
	/* 24-hour shifts from 07:00 every day cover the week without a gap;
	 * Sunday's runs into Monday. */
	struct shift_spec allday = {"continuous", 7 * HOUR_S, DAY_S,
				    EVERY_DAY, 7};
	struct roster *r = roster_ok(&allday, 1, 0.2);

	(void)state;
	assert_true(isinf(roster_next_change(r, 0)));
	assert_true(isinf(roster_next_change(r, 3 * WEEK_S + 1234.5)));
	assert_int_equal(roster_rostered(r, at(0, 3, 0)), 7);
	assert_int_equal(roster_on_duty(r, at(6, 23, 0)), 6);   /* 5.6 */
	assert_seconds_near(roster_hours_per_week(r), 7 * 24 * 7, 1e-9);
	roster_free(r);

	r = roster_ok(NULL, 0, 0);
	assert_true(isinf(roster_next_change(r, 100)));
	assert_int_equal(roster_on_duty(r, 100), 0);
	assert_int_equal(roster_peak_on_duty(r), 0);
	assert_seconds_near(roster_hours_per_week(r), 0, 0);
	roster_free(r);
	roster_free(NULL);
}

static void test_roster_unworked_shifts_count_nothing(void **state)
{
	struct shift_spec s[] = {
		{"never", 9 * HOUR_S, 8 * HOUR_S, 0, 12},
		{"nobody", 9 * HOUR_S, 8 * HOUR_S, EVERY_DAY, 0},
		{"short", 9.25 * HOUR_S, 2.5 * HOUR_S, WED, 3},
	};
	struct roster *r = roster_ok(s, 3, 0);

	(void)state;
	assert_int_equal(roster_rostered(r, at(2, 10, 0)), 3);
	assert_int_equal(roster_rostered(r, at(1, 10, 0)), 0);
	assert_seconds_near(roster_next_change(r, 0), at(2, 9, 15), 1e-6);
	assert_seconds_near(roster_hours_per_week(r), 7.5, 1e-9);
	roster_free(r);
}

/* Holds the rota's step function to rota_on_duty: at every quarter hour
 * of `days` days, and at every change the simulation would schedule (the
 * count changes there, and not in between). */
static void check_rota_roster(const struct rota_spec *rs, double days)
{
	struct sim_err err;
	struct roster *r;
	double t = 0;

	sim_err_clear(&err);
	r = roster_new_rota(rs, 0, &err);
	assert_non_null(r);
	for (double q = 0; q < days * 96; q++)
		assert_int_equal(roster_on_duty(r, q * 900),
				 rota_on_duty(rs, q * 900));
	while ((t = roster_next_change(r, t)) < days * DAY_S) {
		assert_int_equal(roster_on_duty(r, t), rota_on_duty(rs, t));
		assert_int_not_equal(rota_on_duty(rs, t),
				     rota_on_duty(rs, t - 1));
	}
	assert_seconds_near(roster_hours_per_week(r), rota_hours_per_week(rs),
			    1e-6);
	roster_free(r);
}

/* 6-on-4-off (ten-hour shifts, five teams of 7) over four and ten weeks,
 * its cycle starting on day 0, three days before and eleven days after. */
static void test_roster_rota_six_on_four_off(void **state)
{
	const struct rota_named *nm = rota_named_find("6on4off");
	struct sim_err err;
	int *p;
	size_t n;
	long starts[] = { 0, -3, 11 };

	(void)state;
	sim_err_clear(&err);
	assert_non_null(nm);
	assert_int_equal(rota_pattern_parse(nm->pattern, nm->shifts,
					    nm->n_shifts, &p, &n, &err), SIM_OK);
	for (size_t i = 0; i < 3; i++) {
		struct rota_spec rs = { nm->shifts, nm->n_shifts, p, n,
					nm->n_teams, NULL, 7, starts[i] };

		check_rota_roster(&rs, 28);
		check_rota_roster(&rs, 70);
	}
	free(p);
}

/* A ten-week cycle of one team (a night on its first day, a late on day
 * 40, rest otherwise) in a four-week run and a twenty-week one, and with
 * shrinkage: the on-duty count is the rostered one rounded half up. */
static void test_roster_rota_long_cycle(void **state)
{
	static const struct rota_shift sh[] = {
		{ "N", 22 * HOUR_S, 10 * HOUR_S },
		{ "L", 14 * HOUR_S, 10 * HOUR_S },
	};
	int p[70];
	struct rota_spec rs = { sh, 2, p, 70, 1, NULL, 5, -20 };
	struct sim_err err;
	struct roster *r;

	(void)state;
	for (size_t d = 0; d < 70; d++)
		p[d] = d == 0 ? 0 : d == 40 ? 1 : ROTA_REST;
	check_rota_roster(&rs, 28);
	check_rota_roster(&rs, 140);
	sim_err_clear(&err);
	r = roster_new_rota(&rs, 0.5, &err);
	assert_int_equal(roster_on_duty(r, 20 * DAY_S + 15 * HOUR_S), 3);
	assert_int_equal(roster_rostered(r, 20 * DAY_S + 15 * HOUR_S), 5);
	assert_int_equal(roster_on_duty(r, 50 * DAY_S + 23 * HOUR_S), 3);
	assert_int_equal(roster_on_duty(r, 51 * DAY_S + 7 * HOUR_S), 3);
	assert_int_equal(roster_on_duty(r, 51 * DAY_S + 8 * HOUR_S), 0);
	assert_seconds_near(roster_hours_per_week(r), 5 * 20.0 / 10, 1e-9);
	roster_free(r);
}

/* On duty at scenario time t of a run from `start`, as the models ask. */
static int on_at(const struct roster *r, const struct local_clock *c,
		 double t)
{
	struct local_span sp = { 0, 0, 0 };

	return roster_on_duty(r, local_clock_s(c, &sp, t));
}

/* Walks the changes the way the models schedule them (roster_next_change
 * on the local clock, local_clock_until into scenario time) over `days`
 * days and checks each count change is at one of want[n], in order, and
 * no other. */
static void check_walk(const struct roster *r, const struct local_clock *c,
		       double days, const double *want, size_t n)
{
	struct local_span sp = { 0, 0, 0 };
	double t = 0;
	size_t k = 0;
	int now = on_at(r, c, 0);

	for (;;) {
		double next = roster_next_change(r, local_clock_s(c, &sp, t));

		t = local_clock_until(c, &sp, t, next);
		if (t >= days * DAY_S)
			break;
		if (on_at(r, c, t) == now)
			continue;     /* a clock change, no step */
		assert_true(k < n);
		assert_seconds_near(t, want[k], 1e-9);
		k++;
		now = on_at(r, c, t);
	}
	assert_int_equal(k, n);
}

/* A 07:00-19:00 shift every day, in runs from the Saturday before each
 * clock change: on both sides of the change it starts at 07:00 and ends
 * at 19:00 on the clock, so on the Sunday it comes on an hour earlier
 * in scenario time in March and an hour later in October. */
static void test_roster_local_clock_shift(void **state)
{
	static const struct shift_spec day = { "day", 7 * HOUR_S,
					       12 * HOUR_S, EVERY_DAY, 10 };
	static const struct demand_date starts[] = { { 2025, 3, 29 },
						     { 2025, 10, 25 } };
	static const double sunday7[] = { DAY_S + 6 * HOUR_S,
					  DAY_S + 8 * HOUR_S };

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct local_clock c;
		struct roster_spec spec = { &day, 1, 0, 5 };   /* Saturday */
		struct sim_err err;
		struct roster *r;
		double want[8];

		local_clock_init(&c, starts[i]);
		sim_err_clear(&err);
		r = roster_new(&spec, &err);
		assert_non_null(r);
		for (int d = 0; d < 4; d++) {
			double t7 = local_clock_elapsed(&c, d * DAY_S + 7 * HOUR_S);
			double t19 = local_clock_elapsed(&c, d * DAY_S +
							 19 * HOUR_S);

			assert_int_equal(on_at(r, &c, t7 - 1), 0);
			assert_int_equal(on_at(r, &c, t7), 10);
			assert_int_equal(on_at(r, &c, t19 - 1), 10);
			assert_int_equal(on_at(r, &c, t19), 0);
			want[2 * d] = t7;
			want[2 * d + 1] = t19;
		}
		assert_seconds_near(want[2], sunday7[i], 1e-9);
		check_walk(r, &c, 4, want, 8);
		roster_free(r);
	}
}

/* A two-day rota (work 00:00-06:00, rest), its cycle starting on the
 * Saturday before each change: the Monday after the 23- or 25-hour Sunday
 * is day 2 of the run, a working day, from local midnight; a count by
 * elapsed days would start it an hour late (March) or early (October). */
static void test_roster_local_clock_rota(void **state)
{
	static const struct rota_shift sh[] = { { "D", 0, 6 * HOUR_S } };
	static const int p[] = { 0, ROTA_REST };
	static const struct demand_date starts[] = { { 2025, 3, 29 },
						     { 2025, 10, 25 } };
	static const double monday[] = { 2 * DAY_S - HOUR_S,
					  2 * DAY_S + HOUR_S };
	struct rota_spec rs = { sh, 1, p, 2, 1, NULL, 4, 0 };

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct local_clock c;
		struct sim_err err;
		struct roster *r;

		local_clock_init(&c, starts[i]);
		sim_err_clear(&err);
		r = roster_new_rota(&rs, 0, &err);
		assert_non_null(r);
		assert_seconds_near(local_clock_elapsed(&c, 2 * DAY_S),
				    monday[i], 1e-9);
		assert_int_equal(on_at(r, &c, monday[i] - 1), 0);
		assert_int_equal(on_at(r, &c, monday[i]), 4);
		assert_int_equal(on_at(r, &c, monday[i] + 6 * HOUR_S - 1), 4);
		assert_int_equal(on_at(r, &c, monday[i] + 6 * HOUR_S), 0);
		/* Sunday (day 1) rests all its 23 or 25 hours. */
		for (double t = DAY_S; t < monday[i]; t += 900)
			assert_int_equal(on_at(r, &c, t), 0);
		roster_free(r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roster_overlapping_shifts_and_wraps),
		cmocka_unit_test(test_roster_shrinkage_rounds_half_up),
		cmocka_unit_test(test_roster_next_change_over_two_weeks),
		cmocka_unit_test(test_roster_constant_never_changes),
		cmocka_unit_test(test_roster_unworked_shifts_count_nothing),
		cmocka_unit_test(test_roster_rota_six_on_four_off),
		cmocka_unit_test(test_roster_rota_long_cycle),
		cmocka_unit_test(test_roster_local_clock_shift),
		cmocka_unit_test(test_roster_local_clock_rota),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
