/* test_support.h: assertions the cmocka of Debian 12 (1.1.5) lacks.
 * assert_float_equal there casts to float, so seconds and fractions are
 * compared here in double precision, with the tolerance stated by the test. */
#ifndef TESTS_TEST_SUPPORT_H
#define TESTS_TEST_SUPPORT_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define assert_seconds_near(actual, expected, tol)                            \
	do {                                                                  \
		double a_ = (actual), e_ = (expected), t_ = (tol);            \
		if (!(fabs(a_ - e_) <= t_))                                   \
			fail_msg("%s = %.9g, expected %.9g +/- %.3g", #actual, \
				 a_, e_, t_);                                 \
	} while (0)

#endif
