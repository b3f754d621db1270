/* test_local_time.c: UK civil time by arithmetic (models/local_time.c),
 * against instants worked out by hand from the published change dates. */
#include "tests/test_support.h"

#include "models/local_time.h"

/* 2025-03-30 00:00 UTC and 2025-10-26 00:00 UTC, seconds since the epoch. */
#define MAR30 1743292800LL
#define OCT26 1761436800LL

static void expect_iso(int64_t utc_ms, const char *want)
{
	char buf[LOCAL_TIME_ISO_MAX];

	local_time_iso(utc_ms, buf);
	assert_string_equal(buf, want);
}

/* Midnight of a winter date is its UTC midnight; of a summer date an hour
 * before. */
static void test_local_time_midnight(void **state)
{
	(void)state;
	assert_int_equal(local_time_midnight_utc((struct demand_date){
		2025, 3, 24 }), MAR30 - 6 * 86400);
	assert_int_equal(local_time_midnight_utc((struct demand_date){
		2025, 3, 31 }), MAR30 + 86400 - 3600);
	assert_int_equal(local_time_midnight_utc((struct demand_date){
		2025, 10, 27 }), OCT26 + 86400);
	assert_int_equal(local_time_midnight_utc((struct demand_date){
		1970, 1, 1 }), 0);
}

/* The clocks go forward at 01:00 UTC on 2025-03-30: 01:00 to 02:00 local
 * time never happens. */
static void test_local_time_march(void **state)
{
	(void)state;
	assert_int_equal(local_time_offset_s(MAR30 + 3599), 0);
	assert_int_equal(local_time_offset_s(MAR30 + 3600), 3600);
	expect_iso((MAR30 + 3600) * 1000 - 1, "2025-03-30T00:59:59.999+00:00");
	expect_iso((MAR30 + 3600) * 1000, "2025-03-30T02:00:00.000+01:00");
}

/* The clocks go back at 01:00 UTC on 2025-10-26: 01:00 to 02:00 local time
 * happens twice, told apart by the offset. */
static void test_local_time_october(void **state)
{
	(void)state;
	assert_int_equal(local_time_offset_s(OCT26 + 3599), 3600);
	assert_int_equal(local_time_offset_s(OCT26 + 3600), 0);
	expect_iso(OCT26 * 1000, "2025-10-26T01:00:00.000+01:00");
	expect_iso((OCT26 + 3600) * 1000 - 1, "2025-10-26T01:59:59.999+01:00");
	expect_iso((OCT26 + 3600) * 1000, "2025-10-26T01:00:00.000+00:00");
	expect_iso((OCT26 + 7200) * 1000, "2025-10-26T02:00:00.000+00:00");
}

/* Other years' last Sundays, a leap day, and instants before 1970. */
static void test_local_time_calendar(void **state)
{
	(void)state;
	/* 2024-03-31 01:00 UTC; 2024-10-27 01:00 UTC. */
	assert_int_equal(local_time_offset_s(1711846800LL - 1), 0);
	assert_int_equal(local_time_offset_s(1711846800LL), 3600);
	assert_int_equal(local_time_offset_s(1729990800LL - 1), 3600);
	assert_int_equal(local_time_offset_s(1729990800LL), 0);
	expect_iso(1709164800LL * 1000 + 12345, "2024-02-29T00:00:12.345+00:00");
	expect_iso(-1, "1969-12-31T23:59:59.999+00:00");
	expect_iso(-86400LL * 365 * 1000 + 1000LL * (7 * 3600 + 5),
		   "1969-01-01T07:00:05.000+00:00");
	/* 2038 and past: no 32-bit limit. */
	expect_iso(4102444800LL * 1000, "2100-01-01T00:00:00.000+00:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_time_midnight),
		cmocka_unit_test(test_local_time_march),
		cmocka_unit_test(test_local_time_october),
		cmocka_unit_test(test_local_time_calendar),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
