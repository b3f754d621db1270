/* test_handler_seats.c: numbered handlers of a logged run
 * (models/handler_seats.c). */
#include "tests/test_support.h"

#include "models/handler_seats.h"

/* Calls go to the handler idle longest; idle handlers going off duty are
 * those idle the shortest; a number freed is reused, the lowest first. */
static void test_handler_seats_order(void **state)
{
	struct handler_seats *s = handler_seats_new();

	(void)state;
	assert_non_null(s);
	assert_int_equal(handler_seats_arrive(s, 3), 0);
	assert_int_equal(handler_seats_take(s), 1);
	assert_int_equal(handler_seats_take(s), 2);
	handler_seats_release(s, 1, true);            /* idle: 3, then 1 */
	assert_int_equal(handler_seats_take(s), 3);
	handler_seats_leave(s, 1);                    /* 1 goes */
	handler_seats_release(s, 2, false);           /* 2 goes too */
	assert_int_equal(handler_seats_arrive(s, 3), 0);   /* 1, 2, then 4 */
	assert_int_equal(handler_seats_take(s), 1);
	assert_int_equal(handler_seats_take(s), 2);
	assert_int_equal(handler_seats_take(s), 4);
	handler_seats_free(s);
}

/* Numbers stay within the peak staff however often staff change, and the
 * arrays grow past their first size. */
static void test_handler_seats_peak(void **state)
{
	struct handler_seats *s = handler_seats_new();

	(void)state;
	for (int round = 0; round < 50; round++) {
		assert_int_equal(handler_seats_arrive(s, 40), 0);
		for (uint32_t k = 1; k <= 40; k++)
			assert_int_equal(handler_seats_take(s), k);
		for (uint32_t k = 1; k <= 40; k++)
			handler_seats_release(s, k, k % 2 == 0);
		handler_seats_leave(s, 20);
	}
	handler_seats_free(s);
	handler_seats_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_handler_seats_order),
		cmocka_unit_test(test_handler_seats_peak),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
