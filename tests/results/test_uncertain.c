/* test_uncertain.c: the words under an uncertain verdict, on the case
 * worked by hand in tests/sim/test_ci.c (4 replications, 90.0% in
 * [88.0%, 92.0%], goal 89.5%: 27 replications). */
#include "tests/test_support.h"

#include <math.h>
#include <string.h>

#include "results/uncertain.h"

static void test_uncertain_words(void **state)
{
	struct ci c = { 0.90, 0.88, 0.92, 4 };
	char buf[UNCERTAIN_TEXT_MAX];

	(void)state;
	uncertain_why(buf, &c, 0.895);
	assert_string_equal(buf, "interval [88.00%, 92.00%] straddles the "
			    "goal 89.5%: 1.50 points below it, 2.50 above");
	uncertain_settle(buf, &c, 0.895);
	assert_string_equal(buf, "about 27 replications (an estimate from the "
			    "spread so far)");
}

/* The mean on the goal, a mean too near it for any run, and a figure
 * measured once. */
static void test_uncertain_no_number_settles(void **state)
{
	struct ci c = { 0.90, 0.88, 0.92, 4 };
	char buf[UNCERTAIN_TEXT_MAX];

	(void)state;
	uncertain_settle(buf, &c, 0.90);
	assert_string_equal(buf, "no number of replications: the mean is on "
			    "the goal");
	uncertain_settle(buf, &c, 0.90001);
	assert_string_equal(buf, "more than 1000000 replications (the most a "
			    "run allows): the mean is 0.00 points from the goal");
	c.n = 1;
	c.lo = c.hi = c.mean;
	uncertain_why(buf, &c, 0.9);
	assert_string_equal(buf, "measured in fewer than two replications, so "
			    "no interval");
	uncertain_settle(buf, &c, 0.9);
	assert_string_equal(buf, "more replications: at least two must "
			    "measure it");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uncertain_words),
		cmocka_unit_test(test_uncertain_no_number_settles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
