/* test_local_hour.c: the kept hour-and-day reading (models/local_hour.c)
 * against a fresh reading of every time, over a year and more of calls,
 * at every hour and day edge to the last bit, and across the changes of
 * the clocks (2025-03-30 and 2025-10-26). */
#include "tests/test_support.h"

#include <math.h>
#include <stdint.h>

#include "models/local_hour.h"
#include "models/replication.h"

#define N_DAYS 400

/* Reads t through lh and afresh, and checks they agree. */
static void check_at(struct local_hour *lh, const struct local_clock *c,
		     struct local_span *sp, double t, double warmup_s)
{
	struct local_span fresh = { 0, 0, 0 };
	double local = local_clock_s(c, &fresh, t);

	local_hour_read(lh, c, sp, t);
	assert_int_equal(lh->hour, local_clock_hour_of(c, local));
	assert_int_equal(lh->day, replication_day_of(local, warmup_s, N_DAYS));
}

/* Times a few units in the last place either side of each edge of an
 * hour (every day edge is one) from `from` for `days`, in time order. */
static void check_edges(const struct local_clock *c, double warmup_s,
			double from, int days)
{
	struct local_hour lh;
	struct local_span sp = { 0, 0, 0 };

	local_hour_init(&lh, warmup_s, N_DAYS);
	for (int k = 1; k <= days * 24; k++) {
		double edge = local_clock_elapsed(c, from + k * HOUR_S +
						  fmod(warmup_s, HOUR_S));
		double t = edge;

		for (int i = 0; i < 4; i++)
			t = nextafter(t, 0);
		for (int i = 0; i < 9; i++, t = nextafter(t, INFINITY))
			check_at(&lh, c, &sp, t, warmup_s);
	}
}

/* Calls about 20 s apart (a fixed pseudo-random sequence) from the end of
 * a warm-up of 1.5 h for 400 days, each read both ways. */
static void check_calls(const struct local_clock *c, double warmup_s)
{
	struct local_hour lh;
	struct local_span sp = { 0, 0, 0 };
	uint64_t x = 88172645463325252u;
	double t = warmup_s;
	long kept = 0, n = 0;

	local_hour_init(&lh, warmup_s, N_DAYS);
	while (t < N_DAYS * DAY_S) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		t += (double)(x >> 11) * 0x1p-53 * 40.0;
		kept += t >= lh.lo && t < lh.hi;
		check_at(&lh, c, &sp, t, warmup_s);
		n++;
	}
	/* Nearly every call is read from the kept reading. */
	assert_true(kept > n - n / 100);
}

static void test_local_hour_march(void **state)
{
	struct local_clock c;

	(void)state;
	local_clock_init(&c, (struct demand_date){ 2025, 3, 24 });
	check_edges(&c, 1.5 * HOUR_S, 0.0, 14);
	check_calls(&c, 1.5 * HOUR_S);
}

static void test_local_hour_october(void **state)
{
	struct local_clock c;

	(void)state;
	local_clock_init(&c, (struct demand_date){ 2025, 10, 22 });
	check_edges(&c, 0.25 * HOUR_S, 0.0, 14);
	check_calls(&c, 0.25 * HOUR_S);
}

/* A time before the stretch kept (a reader may go back) is read afresh. */
static void test_local_hour_back(void **state)
{
	struct local_clock c;
	struct local_hour lh;
	struct local_span sp = { 0, 0, 0 };

	(void)state;
	local_clock_init(&c, (struct demand_date){ 2024, 4, 1 });
	local_hour_init(&lh, DAY_S, N_DAYS);
	check_at(&lh, &c, &sp, 3 * DAY_S + 10.0, DAY_S);
	assert_int_equal(lh.hour, 72);
	assert_int_equal(lh.day, 2);
	check_at(&lh, &c, &sp, 3 * DAY_S - 10.0, DAY_S);
	assert_int_equal(lh.hour, 71);
	assert_int_equal(lh.day, 1);
	/* Past the last counted day, the last day counts. */
	check_at(&lh, &c, &sp, (N_DAYS + 5) * DAY_S, DAY_S);
	assert_int_equal(lh.day, N_DAYS - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_hour_march),
		cmocka_unit_test(test_local_hour_october),
		cmocka_unit_test(test_local_hour_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
