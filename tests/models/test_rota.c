/* test_rota.c: teams on rotating patterns — the on-duty count hour by hour
 * against tables worked out by hand for the UK patterns named in
 * models/rota.h: 6-on-4-off (E,E,L,L,N,N then four rest days, five teams),
 * 3x3x3 (three earlies, three lates, three nights, a rest day after each
 * three; four teams), 4-on-4-off (two 12-hour days, two 12-hour nights, four rest
 * days; four teams) and 2x2x2 (two earlies, two lates, two nights, two
 * rest days; four teams); one team's cycle day by day; the cycle's start
 * date; a ten-week cycle in a four-week run; parsing and checks. */
#include "test_support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/rota.h"
#include "models/week.h"

/* Ten-hour early, late and night shifts: 07-17, 14-24, 22-08. */
static const struct rota_shift ten[] = {
	{ "E", 7 * HOUR_S, 10 * HOUR_S },
	{ "L", 14 * HOUR_S, 10 * HOUR_S },
	{ "N", 22 * HOUR_S, 10 * HOUR_S },
};
/* Eight-hour shifts end to end: 06-14, 14-22, 22-06. */
static const struct rota_shift eight[] = {
	{ "E", 6 * HOUR_S, 8 * HOUR_S },
	{ "L", 14 * HOUR_S, 8 * HOUR_S },
	{ "N", 22 * HOUR_S, 8 * HOUR_S },
};
/* Twelve-hour days and nights: 07-19, 19-07. */
static const struct rota_shift twelve[] = {
	{ "D", 7 * HOUR_S, 12 * HOUR_S },
	{ "N", 19 * HOUR_S, 12 * HOUR_S },
};

/* The pattern text parsed against shifts (asserted to parse). */
static int *pattern(const char *text, const struct rota_shift *shifts,
		    size_t n_shifts, size_t *n)
{
	struct sim_err err;
	int *p;

	sim_err_clear(&err);
	assert_int_equal(rota_pattern_parse(text, shifts, n_shifts, &p, n, &err),
			 SIM_OK);
	return p;
}

/* Checks four weeks from day -7 (before the cycle starts: it repeats
 * backwards too), hour by hour, against the same 24 counts every day. */
static void check_every_day(const struct rota_spec *r, const int day[24])
{
	int table[5 * HOURS_PER_WEEK];

	rota_table(r, -WEEK_S, HOUR_S, 5 * HOURS_PER_WEEK, table);
	for (size_t i = 0; i < 5 * HOURS_PER_WEEK; i++)
		if (table[i] != day[i % 24])
			fail_msg("hour %zu of the table: %d on duty, %d by hand",
				 i, table[i], day[i % 24]);
}

/* 6-on-4-off, five teams of 10 two days apart: each day one team on each
 * shift. By hand: nights alone 00-07 (10), early and the night before
 * 07-08 (20), early alone 08-14, early and late 14-17, late alone 17-22,
 * late and night 22-24. */
static void test_rota_six_on_four_off(void **state)
{
	static const int day[24] = {
		10, 10, 10, 10, 10, 10, 10, 20, 10, 10, 10, 10,
		10, 10, 20, 20, 20, 10, 10, 10, 10, 10, 20, 20,
	};
	size_t n;
	int *p = pattern("E,E,L,L,N,N,R,R,R,R", ten, 3, &n);
	struct rota_spec r = { ten, 3, p, n, 5, NULL, 10, 0 };
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(rota_check(&r, &err), SIM_OK);
	check_every_day(&r, day);
	/* Team 1 starts two days in: late on day 0, night on day 2. */
	assert_int_equal(rota_team_day(&r, 1, 0), 1);
	assert_int_equal(rota_team_day(&r, 1, 2), 2);
	assert_int_equal(rota_team_day(&r, 1, 4), ROTA_REST);
	assert_int_equal(rota_people(&r), 50);
	/* Six ten-hour shifts in ten days: 42 hours a week each. */
	assert_true(fabs(rota_hours_per_week(&r) - 42.0 * 50) < 1e-9);
	free(p);
}

/* 3x3x3 on end-to-end eight-hour shifts (three of each, a rest day after
 * each three), four teams three days apart: on any day the teams stand at
 * four positions three apart, one of each shift, so one team is on duty
 * at every hour of every day. */
static void test_rota_three_by_three(void **state)
{
	int day[24];
	size_t n;
	int *p = pattern("E,E,E,R,L,L,L,R,N,N,N,R", eight, 3, &n);
	struct rota_spec r = { eight, 3, p, n, 4, NULL, 6, 0 };

	(void)state;
	for (size_t h = 0; h < 24; h++)
		day[h] = 6;
	assert_int_equal(n, 12);
	check_every_day(&r, day);
	free(p);
}

/* 4-on-4-off: two 12-hour days, two 12-hour nights, four rest days, four
 * teams two days apart: one team on duty at every hour. */
static void test_rota_four_on_four_off(void **state)
{
	int day[24];
	size_t n;
	int *p = pattern("D,D,N,N,R,R,R,R", twelve, 2, &n);
	struct rota_spec r = { twelve, 2, p, n, 4, NULL, 9, 0 };

	(void)state;
	for (size_t h = 0; h < 24; h++)
		day[h] = 9;
	check_every_day(&r, day);
	free(p);
}

/* 2x2x2 on the ten-hour shifts, four teams two days apart: one team on
 * each shift every day, so the table of 6-on-4-off. */
static void test_rota_two_by_two(void **state)
{
	static const int day[24] = {
		4, 4, 4, 4, 4, 4, 4, 8, 4, 4, 4, 4,
		4, 4, 8, 8, 8, 4, 4, 4, 4, 4, 8, 8,
	};
	size_t n;
	int *p = pattern("E,E,L,L,N,N,off,rest", ten, 3, &n);
	struct rota_spec r = { ten, 3, p, n, 4, NULL, 4, 0 };

	(void)state;
	check_every_day(&r, day);
	free(p);
}

/* One team of 7 on 6-on-4-off, its cycle starting on day 3 (Thursday):
 * day by day, at 03:00 (last night's shift), 12:00 and 23:00. */
static void test_rota_one_team_by_hand(void **state)
{
	/* Days 3..12 of the run are days 0..9 of the cycle: E E L L N N R R
	 * R R; day 2 is the cycle's day 9 (rest). */
	static const struct { long day; double hour; int on; } cases[] = {
		{ 2, 12, 0 }, { 3, 3, 0 }, { 3, 12, 7 }, { 3, 23, 0 },
		{ 4, 16.5, 7 }, { 4, 17, 0 }, { 5, 12, 0 }, { 5, 14, 7 },
		{ 6, 23.5, 7 }, { 7, 3, 0 }, { 7, 22, 7 }, { 8, 3, 7 },
		{ 8, 23, 7 }, { 9, 7.9, 7 }, { 9, 8, 0 }, { 9, 23, 0 },
		{ 12, 12, 0 }, { 13, 12, 7 }, { 23, 12, 7 }, { -7, 12, 7 },
	};
	size_t n;
	int *p = pattern("E,E,L,L,N,N,R,R,R,R", ten, 3, &n);
	struct rota_spec r = { ten, 3, p, n, 1, NULL, 7, 3 };

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int on = rota_on_duty(&r, cases[i].day * DAY_S
				      + cases[i].hour * HOUR_S);

		if (on != cases[i].on)
			fail_msg("day %ld %.1f h: %d on duty, %d by hand",
				 cases[i].day, cases[i].hour, on, cases[i].on);
	}
	free(p);
}

/* A ten-week cycle (one early, then 69 rest days) in a four-week run:
 * started 20 days before day 0, its early falls on day 50, after the run;
 * nobody is on duty in the four weeks, and the early is there on day 50. */
static void test_rota_long_cycle(void **state)
{
	int p[70], table[4 * HOURS_PER_WEEK];
	struct rota_spec r = { ten, 3, p, 70, 1, NULL, 5, -20 };
	struct sim_err err;

	(void)state;
	for (size_t d = 0; d < 70; d++)
		p[d] = d == 0 ? 0 : ROTA_REST;
	sim_err_clear(&err);
	assert_int_equal(rota_check(&r, &err), SIM_OK);
	rota_table(&r, 0, HOUR_S, 4 * HOURS_PER_WEEK, table);
	for (size_t i = 0; i < 4 * HOURS_PER_WEEK; i++)
		assert_int_equal(table[i], 0);
	assert_int_equal(rota_on_duty(&r, 50 * DAY_S + 8 * HOUR_S), 5);
	assert_int_equal(rota_on_duty(&r, 50 * DAY_S + 17 * HOUR_S), 0);
	assert_int_equal(rota_on_duty(&r, -20 * DAY_S + 8 * HOUR_S), 5);
}

/* Offsets given: two teams, both starting the cycle on the same day, are
 * on the same shifts. */
static void test_rota_offsets(void **state)
{
	const size_t offset[] = { 0, 0 };
	size_t n;
	int *p = pattern("E,R", ten, 3, &n);
	struct rota_spec r = { ten, 3, p, n, 2, offset, 3, 0 };

	(void)state;
	assert_int_equal(rota_on_duty(&r, 8 * HOUR_S), 6);
	assert_int_equal(rota_on_duty(&r, DAY_S + 8 * HOUR_S), 0);
	free(p);
}

static void test_rota_bad_input(void **state)
{
	const size_t far[] = { 0, 7 };
	const int two[] = { 0, ROTA_REST };
	const int bad[] = { 0, 3 };
	const struct rota_spec specs[] = {
		{ ten, 3, two, 2, 3, NULL, 1, 0 },   /* 3 teams over 2 days */
		{ ten, 3, two, 2, 2, far, 1, 0 },    /* offset past the cycle */
		{ ten, 3, bad, 2, 1, NULL, 1, 0 },   /* no shift 3 */
		{ ten, 3, two, 0, 1, NULL, 1, 0 },   /* no days */
		{ ten, 3, two, 2, 1, NULL, -1, 0 },  /* negative people */
	};
	struct sim_err err;
	size_t n;
	int *p = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		sim_err_clear(&err);
		assert_int_equal(rota_check(&specs[i], &err), SIM_EINVAL);
	}
	sim_err_clear(&err);
	assert_int_equal(rota_pattern_parse("E,E,X,R", ten, 3, &p, &n, &err),
			 SIM_EINVAL);
	assert_null(p);
	assert_non_null(strstr(err.text, "'X' is neither"));
	sim_err_clear(&err);
	assert_int_equal(rota_pattern_parse("", ten, 3, &p, &n, &err),
			 SIM_EINVAL);
	sim_err_clear(&err);
	assert_int_equal(rota_pattern_parse("E,,R", ten, 3, &p, &n, &err),
			 SIM_EINVAL);
}

/* The WTR check of a pattern over the ten-hour shifts: SIM_OK when msg is
 * NULL, else SIM_EINVAL with msg in the message. */
static void check_wtr(const char *text, const char *msg)
{
	struct sim_err err;
	size_t n;
	int *p = pattern(text, ten, 3, &n);

	sim_err_clear(&err);
	assert_int_equal(rota_wtr_check(ten, p, n, &err),
			 msg ? SIM_EINVAL : SIM_OK);
	if (msg != NULL && strstr(err.text, msg) == NULL)
		fail_msg("%s: '%s' lacks '%s'", text, err.text, msg);
	free(p);
}

/* The Working Time Regulations by hand: 07-17, 14-24 and 22-08 shifts.
 * L then E: 24:00 to 07:00 is 7 h; N then E: 08:00 to 07:00 overlaps by
 * an hour; E then L: 17:00 to 14:00 the next day is 21 h. */
static void test_rota_wtr(void **state)
{
	(void)state;
	check_wtr("E,E,L,L,N,N,R,R,R,R", NULL);
	check_wtr("E,E,E,E,E,E,R", NULL);          /* six in a row: allowed */
	check_wtr("E,L,R", NULL);
	check_wtr("L,E,R,R", "day 1 (L, ends 00:00) and day 2 (E, starts "
			     "07:00) leave 7 h of rest; the Working Time "
			     "Regulations require at least 11 h");
	/* Round the cycle: day 4's night runs into day 1's early, which is
	 * no rest at all but an hour of overlap (not "-1 h of rest"). */
	check_wtr("E,R,R,N", "day 4 (N, ends 08:00 on day 1) and day 1 (E, "
			     "starts 07:00) overlap by 1 h: day 1's shift "
			     "starts before day 4's ends; the Working Time "
			     "Regulations require at least 11 h of rest");
	check_wtr("N,E,R,R,R", "day 1 (N, ends 08:00 on day 2) and day 2 (E, "
			       "starts 07:00) overlap by 1 h");
	check_wtr("E,E,E,E,E,E,E,R", "days 1 to 7 are 7 shifts in a row; the "
				     "Working Time Regulations allow at most 6");
	check_wtr("E,E,E,R,E,E,E,E", "days 5 to 3 are 7 shifts in a row");
	check_wtr("E,L", "no rest day in the cycle of 2 days");
}

/* Every named pattern parses against its shifts, keeps the rules and
 * staggers evenly; 6on4off is the pattern of the table above. */
static void test_rota_named(void **state)
{
	static const char *const names[] = { "6on4off", "3x3x3", "4on4off",
					     "2x2x2" };
	struct sim_err err;

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		const struct rota_named *r = rota_named_find(names[i]);
		size_t n;
		int *p;

		assert_non_null(r);
		p = pattern(r->pattern, r->shifts, r->n_shifts, &n);
		sim_err_clear(&err);
		if (rota_wtr_check(r->shifts, p, n, &err) != SIM_OK)
			fail_msg("%s: %s", names[i], err.text);
		assert_int_equal(n % r->n_teams, 0);
		assert_non_null(strstr(rota_named_list, names[i]));
		free(p);
	}
	assert_string_equal(rota_named_find("6on4off")->pattern,
			    "E,E,L,L,N,N,R,R,R,R");
	assert_null(rota_named_find("5on5off"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rota_six_on_four_off),
		cmocka_unit_test(test_rota_three_by_three),
		cmocka_unit_test(test_rota_four_on_four_off),
		cmocka_unit_test(test_rota_two_by_two),
		cmocka_unit_test(test_rota_one_team_by_hand),
		cmocka_unit_test(test_rota_long_cycle),
		cmocka_unit_test(test_rota_offsets),
		cmocka_unit_test(test_rota_bad_input),
		cmocka_unit_test(test_rota_wtr),
		cmocka_unit_test(test_rota_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
