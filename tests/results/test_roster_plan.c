/* test_roster_plan.c: rosters on a rotating rota (--rota), by hand. The
 * candidates are people starting the pattern on each day of its cycle;
 * the programme covers every hour of the cycle's weeks. With one on duty
 * needed at every hour and no shrinkage, 6-on-4-off (ten-hour E 07-17,
 * L 14-24, N 22-08) needs one person on each shift every day: five
 * people two days apart, each 60 h in 10 days = 42 h a week, 210 h in
 * all; 2x2x2 (eight-hour shifts end to end) needs four, 168 h. 4-on-4-off
 * with two needed at Monday 10:00 only: the cycle of 8 days meets the
 * week every 56 days, 8 Mondays, and each person works a day shift on 2
 * of them, so 8 people (42 h a week each, 336 h), in four teams of two
 * (as many people as eight of one, fewer teams). A pattern that breaks
 * the Working Time Regulations is refused, naming the rule. The hours
 * short of a solve are read over every week of the slots: a shortfall
 * in the second week only still names its hour of the week. */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "models/week.h"
#include "results/roster_plan.h"

/* The plan of named or explicit pattern `rota` (own shifts: none, or
 * early 07-17 and late 14-24) solved for need[HOURS_PER_WEEK] (Monday
 * 00:00 first), the run starting on `weekday` (0 = Monday). */
static struct roster_plan *solve_on(const char *rota, const int *need,
				    int weekday)
{
	static const struct shift_spec own[] = {
		{ "early", 7 * HOUR_S, 10 * HOUR_S, 0x7fu, 1 },
		{ "late", 14 * HOUR_S, 10 * HOUR_S, 0x7fu, 1 },
	};
	struct roster_shape shape = { 3600, NULL, 0, NULL, 0, false, false,
				      10, rota };
	struct roster_plan_own o = { "pool p", "pools.p", own, 2, 0, NULL,
				     weekday };
	struct roster_plan *p;
	struct sim_err err;

	sim_err_clear(&err);
	if (roster_plan_new_own(&o, &shape, 500, &p, &err) != SIM_OK)
		fail_msg("%s", err.text);
	assert_int_equal(roster_plan_solve(p, need, 10, &err), SIM_OK);
	assert_true(p->met && p->optimal);
	return p;
}

static struct roster_plan *solve(const char *rota, const int *need)
{
	return solve_on(rota, need, 0);
}

/* People in all, and every slot's cover at least its need. */
static int people(const struct roster_plan *p)
{
	int n = 0;

	for (size_t j = 0; j < p->n_shifts; j++)
		n += p->shifts[j].staff;
	for (size_t t = 0; t < p->n_slots; t++)
		assert_true(p->cover[t] >= p->need[t]);
	return n;
}

static void test_roster_plan_rota_every_hour(void **state)
{
	int need[HOURS_PER_WEEK];
	struct roster_plan *p;

	(void)state;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		need[h] = 1;
	p = solve("6on4off", need);
	assert_int_equal(p->n_slots, 70 * 24);
	assert_int_equal(people(p), 5);
	assert_true(fabs(p->hours - 210) < 1e-9 && fabs(p->lp_hours - 210) < 1e-6);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		assert_true(roster_plan_on_duty(p, h) >= 1);
	roster_plan_free(p);
	p = solve("2x2x2", need);
	assert_int_equal(people(p), 4);
	assert_true(fabs(p->hours - 168) < 1e-9);
	roster_plan_free(p);
}

static void test_roster_plan_rota_one_hour(void **state)
{
	static const char want[] = "pools.p.rota={pattern: \"4on4off\", "
		"shifts: [{name: \"D\", start: \"07:00\", hours: 12}, {name: "
		"\"N\", start: \"19:00\", hours: 12}], teams: 4, per_team: 2, "
		"offsets: [";
	int need[HOURS_PER_WEEK] = { 0 };
	struct roster_plan *p;
	char *text;

	(void)state;
	need[10] = 2;                       /* Monday 10:00 */
	p = solve("4on4off", need);
	assert_int_equal(p->n_slots, 56 * 24);
	assert_int_equal(people(p), 8);
	assert_true(fabs(p->hours - 336) < 1e-9);
	assert_int_equal(roster_plan_on_duty(p, 10), 2);
	/* As teams: of one, eight; of two, four at the same cost, fewer
	 * teams. Each team covers two of the eight Mondays, so four covering
	 * all eight start on every other day of the cycle. */
	assert_true(p->teams);
	assert_int_equal(p->per_team, 2);
	assert_int_equal(p->n_teams, 4);
	for (size_t t = 1; t < 4; t++)
		assert_int_equal(p->team_offset[t] % 2, p->team_offset[0] % 2);
	/* Written back as the rota itself, its cycle starting with the run. */
	text = roster_plan_override(p);
	assert_int_equal(strncmp(text, want, sizeof want - 1), 0);
	assert_null(strstr(text, "start: \"20"));
	free(text);
	roster_plan_free(p);
}

/* A run starting on a Wednesday: the requirement is by hour of the week
 * from Monday, the rota's days from the run's start. One early shift a
 * week, needed on Saturday 10:00 only: the one person starts the cycle
 * on its day 4, so that its day 0 falls on the run's day 3, a Saturday,
 * and the cover and the shortfall's hours are Saturday's, not Monday's
 * (two days later, read from a Monday). */
static void test_roster_plan_rota_wednesday(void **state)
{
	int need[HOURS_PER_WEEK] = { 0 };
	size_t sat = 5 * 24 + 10, thu = 3 * 24 + 10, mon = 10;
	struct roster_plan *p;

	(void)state;
	need[sat] = 1;
	p = solve_on("early,R,R,R,R,R,R", need, 2);
	assert_int_equal(people(p), 1);
	assert_int_equal(p->n_teams, 1);
	assert_int_equal(p->team_offset[0], 4);
	assert_int_equal(roster_plan_on_duty(p, sat), 1);
	assert_int_equal(roster_plan_on_duty(p, thu), 0);
	assert_int_equal(roster_plan_on_duty(p, mon), 0);
	assert_int_equal(p->cover[sat], 1);
	roster_plan_free(p);
}

/* The pool's own shift names; a pattern breaking a rule is refused. */
static void test_roster_plan_rota_own_and_rules(void **state)
{
	static const struct shift_spec own[] = {
		{ "early", 7 * HOUR_S, 10 * HOUR_S, 0x7fu, 1 },
		{ "late", 14 * HOUR_S, 10 * HOUR_S, 0x7fu, 1 },
	};
	struct roster_plan_own o = { "pool p", "pools.p", own, 2, 0, NULL, 0 };
	struct roster_shape shape = { 3600, NULL, 0, NULL, 0, false, false,
				      10, "late,early,R,R" };
	int need[HOURS_PER_WEEK] = { 0 };
	struct roster_plan *p;
	struct sim_err err;

	(void)state;
	need[8] = 1;                        /* Monday 08:00 */
	p = solve("early,early,late,late,R,R,R", need);
	assert_int_equal(p->n_days, 7);
	assert_int_equal(p->n_slots, 7 * 24);
	/* Two earlies a week cover Monday 08:00 for one person starting on
	 * day 1 or 7; 40 h a week. */
	assert_int_equal(people(p), 1);
	assert_true(fabs(p->hours - 40) < 1e-9);
	roster_plan_free(p);
	sim_err_clear(&err);
	assert_int_equal(roster_plan_new_own(&o, &shape, 500, &p, &err),
			 SIM_EINVAL);
	assert_non_null(strstr(err.text, "pool p: --rota late,early,R,R: rota "
				"pattern: day 1 (late, ends 00:00) and day 2 "
				"(early, starts 07:00) leave 7 h of rest"));
	assert_null(p);
}

static void test_roster_plan_short_later_week(void **state)
{
	enum { PER_HOUR = 4, WEEK = HOURS_PER_WEEK * PER_HOUR };
	int short_by[2 * WEEK] = { 0 }, need[2 * WEEK];
	int most[HOURS_PER_WEEK], at[HOURS_PER_WEEK];
	struct roster_plan p = { .n_slots = 2 * WEEK, .step_s = HOUR_S / PER_HOUR,
				 .need = need, .short_by = short_by };

	(void)state;
	for (size_t t = 0; t < 2 * WEEK; t++)
		need[t] = 3;
	/* Week 1: Tue 10:15 short by 1; week 2: Tue 10:30 by 2, Sun 23:45
	 * by 1. */
	short_by[(24 + 10) * PER_HOUR + 1] = 1;
	short_by[WEEK + (24 + 10) * PER_HOUR + 2] = 2;
	short_by[2 * WEEK - 1] = 1;
	assert_int_equal(roster_plan_short_hours(&p, most, at), 2);
	assert_int_equal(most[24 + 10], 2);
	assert_int_equal(at[24 + 10], 3);
	assert_int_equal(most[HOURS_PER_WEEK - 1], 1);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		if (h != 24 + 10 && h != HOURS_PER_WEEK - 1)
			assert_int_equal(most[h], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roster_plan_rota_every_hour),
		cmocka_unit_test(test_roster_plan_rota_one_hour),
		cmocka_unit_test(test_roster_plan_rota_wednesday),
		cmocka_unit_test(test_roster_plan_rota_own_and_rules),
		cmocka_unit_test(test_roster_plan_short_later_week),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
