/* test_agreement_hours.c: an answering agreement judged hour by hour
 * (models/agreement_hours.c) — hours counted by hand, an hour without
 * calls, a last hour cut short, a call answered after its hour was
 * judged, and a ring no longer than the target needs. */
#include "test_support.h"

#include <math.h>

#include "models/agreement_hours.h"

#define H 3600.0

/* Offers n calls in hour k (at its quarter points), the first `within`
 * of them answered within target. */
static void hour_calls(struct agreement_hours *h, size_t k, int n, int within)
{
	for (int i = 0; i < n; i++) {
		double t = (double)k * H + H * (i % 4) / 4.0 + i;

		agreement_hours_offered(h, t);
		if (i < within)
			agreement_hours_within(h, t);
	}
}

/* Five whole hours against 0.8: hour 0 has 4 of 5 (met, the goal
 * itself), hour 1 none (not counted), hour 2 3 of 4 (missed), hour 3 2 of
 * 2 (met), hour 4 0 of 1 (missed); a call in the cut-short sixth hour is
 * left out. 4 hours counted, 2 met. */
static void test_agreement_hours_by_hand(void **state)
{
	struct agreement_hours *h = agreement_hours_new(10, 0.8, 5);
	struct agreement_tally t;

	(void)state;
	assert_non_null(h);
	hour_calls(h, 0, 5, 4);
	hour_calls(h, 2, 4, 3);
	hour_calls(h, 3, 2, 2);
	hour_calls(h, 4, 1, 0);
	hour_calls(h, 5, 3, 3);
	t = agreement_hours_tally(h);
	assert_int_equal(t.counted, 4);
	assert_int_equal(t.met, 2);
	assert_true(agreement_share(t) == 0.5);
	agreement_hours_free(h);
}

/* Hours are judged as later calls come: the tally is the same whether
 * the last hours are judged in the ring at the end or on the way. A call
 * answered within target after its hour was judged cannot be (its wait
 * was longer than the target); it is ignored, not put in another hour. */
static void test_agreement_hours_judged_on_the_way(void **state)
{
	struct agreement_hours *h = agreement_hours_new(10, 0.5, 100);
	struct agreement_tally t;

	(void)state;
	for (size_t k = 0; k < 100; k++)
		hour_calls(h, k, 2, k % 3 == 0 ? 0 : 1);
	/* Hour 0 was judged long ago (missed): nothing changes it. */
	agreement_hours_within(h, 1.0);
	t = agreement_hours_tally(h);
	assert_int_equal(t.counted, 100);
	assert_int_equal(t.met, 66);   /* k % 3 != 0 for 66 of 0..99 */
	agreement_hours_free(h);
}

/* A target of several hours keeps its calls' hours open until their
 * verdict is final: a call answered 3 h later within a 4 h target still
 * counts for its own hour. */
static void test_agreement_hours_long_target(void **state)
{
	struct agreement_hours *h = agreement_hours_new(4 * H, 1.0, 10);
	struct agreement_tally t;

	(void)state;
	agreement_hours_offered(h, 0.5 * H);
	agreement_hours_offered(h, 3.5 * H);      /* hour 0 still open */
	agreement_hours_within(h, 0.5 * H);       /* answered at 3.5 h */
	agreement_hours_offered(h, 9.5 * H);      /* judges hours 0 and 3 */
	agreement_hours_within(h, 9.5 * H);
	t = agreement_hours_tally(h);
	assert_int_equal(t.counted, 3);
	assert_int_equal(t.met, 2);               /* hour 3 was missed */
	agreement_hours_free(h);
}

/* No whole hour, or no call: nothing counted, and no share. */
static void test_agreement_hours_none(void **state)
{
	struct agreement_hours *h = agreement_hours_new(0, 0.9, 0);

	(void)state;
	agreement_hours_offered(h, 10);
	agreement_hours_within(h, 10);
	assert_int_equal(agreement_hours_tally(h).counted, 0);
	assert_true(isnan(agreement_share(agreement_hours_tally(h))));
	agreement_hours_free(h);
	assert_int_equal(agreement_periods(AGREEMENT_HOUR, 1.5), 36);
	assert_int_equal(agreement_periods(AGREEMENT_HOUR, 0.03), 0);
	assert_string_equal(agreement_plural(AGREEMENT_HOUR), "hours");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agreement_hours_by_hand),
		cmocka_unit_test(test_agreement_hours_judged_on_the_way),
		cmocka_unit_test(test_agreement_hours_long_target),
		cmocka_unit_test(test_agreement_hours_none),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
