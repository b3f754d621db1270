/* test_local_clock.c: scenario time read on the UK local clock
 * (models/local_clock.c), against instants worked out by hand from the
 * published change dates: 2025-03-30 (clocks forward at 01:00 GMT) and
 * 2025-10-26 (clocks back at 02:00 BST). */
#include "tests/test_support.h"

#include "models/local_clock.h"

#define H HOUR_S

/* Monday 2025-03-24, winter: the Sunday six days on is 23 hours long. */
static void test_local_clock_march(void **state)
{
	struct local_clock c;
	struct local_span sp = { 0, 0, 0 };
	double sunday = 6 * DAY_S, out[2];

	(void)state;
	local_clock_init(&c, (struct demand_date){ 2025, 3, 24 });
	assert_int_equal(c.weekday, 0);
	assert_true(local_clock_s(&c, &sp, 0) == 0);
	assert_true(local_clock_s(&c, &sp, sunday + H - 1) == sunday + H - 1);
	/* One elapsed second later the clock reads 02:00. */
	assert_true(local_clock_s(&c, &sp, sunday + H) == sunday + 2 * H);
	assert_int_equal(local_clock_hour(&c, &sp, sunday + H - 1), 6 * 24 + 0);
	assert_int_equal(local_clock_hour(&c, &sp, sunday + H), 6 * 24 + 2);
	/* 01:30 never happens: its instant is the change. */
	assert_int_equal(local_clock_times(&c, sunday + 1.5 * H, out), 1);
	assert_true(out[0] == sunday + H);
	/* Monday 00:00 comes 23 hours after Sunday 00:00. */
	assert_true(local_clock_elapsed(&c, 7 * DAY_S) == 7 * DAY_S - H);
	assert_true(local_clock_elapsed(&c, sunday) == sunday);
	/* A year on, back in winter, the clock and scenario time agree. */
	assert_true(local_clock_s(&c, &sp, 360 * DAY_S) == 360 * DAY_S);
	assert_true(local_clock_s(&c, &sp, 200 * DAY_S) == 200 * DAY_S + H);
}

/* Monday 2025-10-20, summer: the Sunday six days on is 25 hours long. */
static void test_local_clock_october(void **state)
{
	struct local_clock c;
	struct local_span sp = { 0, 0, 0 };
	double sunday = 6 * DAY_S, out[2];

	(void)state;
	local_clock_init(&c, (struct demand_date){ 2025, 10, 20 });
	assert_int_equal(c.offset0, 3600);
	assert_true(local_clock_s(&c, &sp, sunday + 2 * H - 1) ==
		    sunday + 2 * H - 1);
	/* At 02:00 BST the clock goes back to 01:00. */
	assert_true(local_clock_s(&c, &sp, sunday + 2 * H) == sunday + H);
	assert_int_equal(local_clock_hour(&c, &sp, sunday + H), 6 * 24 + 1);
	assert_int_equal(local_clock_hour(&c, &sp, sunday + 2 * H), 6 * 24 + 1);
	assert_int_equal(local_clock_hour(&c, &sp, sunday + 3 * H), 6 * 24 + 2);
	/* 01:30 happens twice, an hour apart, the first first. */
	assert_int_equal(local_clock_times(&c, sunday + 1.5 * H, out), 2);
	assert_true(out[0] == sunday + 1.5 * H && out[1] == sunday + 2.5 * H);
	assert_int_equal(local_clock_times(&c, sunday + 3 * H, out), 1);
	assert_true(out[0] == sunday + 4 * H);
	assert_true(local_clock_elapsed(&c, 7 * DAY_S) == 7 * DAY_S + H);
}

/* A step due at 03:00 on the October Sunday, asked for at 00:00: the
 * caller is sent to the change first, then on to 03:00 GMT. */
static void test_local_clock_until(void **state)
{
	struct local_clock c;
	struct local_span sp = { 0, 0, 0 };
	double sunday = 6 * DAY_S, t;

	(void)state;
	local_clock_init(&c, (struct demand_date){ 2025, 10, 20 });
	t = local_clock_until(&c, &sp, sunday, sunday + 3 * H);
	assert_true(t == sunday + 2 * H);
	t = local_clock_until(&c, &sp, t, sunday + 3 * H);
	assert_true(t == sunday + 4 * H);
	/* Away from a change, the step is where the clock shows it. */
	assert_true(local_clock_until(&c, &sp, 0, 7 * H) == 7 * H);
}

/* A Wednesday start: time 0 is hour 48 of the week (Wednesday 00:00),
 * and the week's hours run on from there. */
static void test_local_clock_any_weekday(void **state)
{
	struct local_clock c;
	struct local_span sp = { 0, 0, 0 };

	(void)state;
	local_clock_init(&c, (struct demand_date){ 2024, 4, 3 });
	assert_int_equal(c.weekday, 2);
	assert_int_equal(local_clock_hour(&c, &sp, 0), 48);
	assert_int_equal(local_clock_hour(&c, &sp, 5 * DAY_S - 1), 167);
	assert_int_equal(local_clock_hour(&c, &sp, 5 * DAY_S), 0);
	assert_true(local_clock_week_s(&c, &sp, 0) == 2 * DAY_S);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_clock_march),
		cmocka_unit_test(test_local_clock_october),
		cmocka_unit_test(test_local_clock_until),
		cmocka_unit_test(test_local_clock_any_weekday),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
