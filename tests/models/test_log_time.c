/* test_log_time.c: the times of an export (models/log_time.c): each
 * format, offsets, UK local time either side of the clock changes, and
 * what is refused. Instants worked out by hand from the change dates. */
#include "tests/test_support.h"

#include "models/log_time.h"

#define MAR30 1743292800.0   /* 2025-03-30 00:00 UTC */
#define OCT26 1761436800.0   /* 2025-10-26 00:00 UTC */

static void expect_time(const char *text, enum log_time_format f, double want)
{
	double t = -1;
	const char *why = log_time_parse(text, f, &t);

	if (why)
		fail_msg("'%s': %s", text, why);
	assert_seconds_near(t, want, 1e-6);
}

static void expect_refused(const char *text, enum log_time_format f)
{
	double t;

	if (!log_time_parse(text, f, &t))
		fail_msg("'%s' was read as %.3f", text, t);
}

/* ISO 8601 with and without an offset, a space for the T, fractions. */
static void test_log_time_iso(void **state)
{
	(void)state;
	expect_time("2025-03-30T00:59:59.999+00:00", LOG_TIME_ISO,
		    MAR30 + 3599.999);
	expect_time("2025-03-30T02:00:00.000+01:00", LOG_TIME_ISO, MAR30 + 3600);
	expect_time("2025-03-30 02:00:00Z", LOG_TIME_ISO, MAR30 + 7200);
	expect_time("2025-03-30T03:00+0100", LOG_TIME_ISO, MAR30 + 7200);
	expect_time("2025-03-30T03:00:00+01", LOG_TIME_ISO, MAR30 + 7200);
	/* No offset: UK local time, summer time after the change. */
	expect_time("2025-03-30T00:30:00", LOG_TIME_ISO, MAR30 + 1800);
	expect_time("2025-03-30T02:30:00", LOG_TIME_ISO, MAR30 + 5400);
	/* October's repeated hour is taken as the first (summer time). */
	expect_time("2025-10-26T01:30:00", LOG_TIME_ISO, OCT26 + 1800);
	expect_time("2025-10-26T02:30:00", LOG_TIME_ISO, OCT26 + 9000);
}

/* The spreadsheet forms, day first and month first. */
static void test_log_time_slashes(void **state)
{
	(void)state;
	expect_time("30/03/2025 00:30", LOG_TIME_DMY, MAR30 + 1800);
	expect_time("03/30/2025 00:30:15", LOG_TIME_MDY, MAR30 + 1815);
	assert_int_equal(log_time_detect("30/03/2025 00:30", LOG_TIME_AUTO),
			 LOG_TIME_DMY);
	assert_int_equal(log_time_detect("2025-03-30T00:30", LOG_TIME_AUTO),
			 LOG_TIME_ISO);
	assert_int_equal(log_time_detect("30/03/2025", LOG_TIME_MDY),
			 LOG_TIME_MDY);
}

/* Times that are not: the skipped hour, impossible dates, junk. */
static void test_log_time_refused(void **state)
{
	(void)state;
	expect_refused("2025-03-30T01:30:00", LOG_TIME_ISO);
	expect_refused("2025-02-29T10:00:00", LOG_TIME_ISO);
	expect_refused("2025-13-01T10:00:00", LOG_TIME_ISO);
	expect_refused("2025-03-24T24:00:00", LOG_TIME_ISO);
	expect_refused("2025-03-24T10:00:00+1", LOG_TIME_ISO);
	expect_refused("2025-03-24", LOG_TIME_ISO);
	expect_refused("30/03/2025 00:30", LOG_TIME_ISO);
	expect_refused("31/04/2025 00:30", LOG_TIME_DMY);
	expect_time("2024-02-29T10:00:00Z", LOG_TIME_ISO,
		    log_time_days(2024, 2, 29) * 86400.0 + 36000);
}

/* Local dates and weekdays of instants. */
static void test_log_time_local(void **state)
{
	int y, m, d, wd;
	double sod;

	(void)state;
	log_time_local(MAR30 + 3600, &y, &m, &d, &sod, &wd);
	assert_int_equal(y * 10000 + m * 100 + d, 20250330);
	assert_seconds_near(sod, 7200, 0);
	assert_int_equal(wd, 6);   /* Sunday */
	assert_int_equal(log_time_days(1970, 1, 1), 0);
	assert_int_equal(log_time_days(2025, 3, 30) * 86400.0, MAR30);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_log_time_iso),
		cmocka_unit_test(test_log_time_slashes),
		cmocka_unit_test(test_log_time_refused),
		cmocka_unit_test(test_log_time_local),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
