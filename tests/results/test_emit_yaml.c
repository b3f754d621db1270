/* test_emit_yaml.c: YAML scalars that read back exactly — a quoted
 * string's escapes, the fewest digits that give the same double, and a
 * scaled number that multiplies back to the value kept. */
#include "tests/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results/emit_yaml.h"

/* Quotes, backslashes, controls, DEL, C1 and the line separators are
 * escaped; other UTF-8 (an e acute) passes through. */
static void test_emit_yaml_string(void **state)
{
	static const char name[] = "a\"b\\\n\t\x01\x7f \xc2\x85 \xe2\x80\xa8"
		"\xe2\x80\xa9 \xc3\xa9";
	char out[128] = {0};
	FILE *f = tmpfile();

	(void)state;
	assert_non_null(f);
	emit_yaml_string(f, name);
	rewind(f);
	assert_non_null(fgets(out, sizeof out, f));
	fclose(f);
	assert_string_equal(out, "\"a\\\"b\\\\\\n\\t\\x01\\x7f \\u0085 "
			    "\\u2028\\u2029 \xc3\xa9\"");
}

/* The fewest digits from 10: 0.1 stays 0.1, 2.385 stays 2.385, and a
 * double needing 17 digits gets them. */
static void test_emit_yaml_number(void **state)
{
	double third = 1.0 / 3.0, near = 0.1 + 0.2;

	(void)state;
	assert_string_equal(emit_yaml_number(0.1).s, "0.1");
	assert_string_equal(emit_yaml_number(2.385).s, "2.385");
	assert_string_equal(emit_yaml_number(480).s, "480");
	assert_true(strtod(emit_yaml_number(third).s, NULL) == third);
	assert_string_equal(emit_yaml_number(near).s, "0.30000000000000004");
}

/* 40 calls an hour kept a second: 960 a day does not give the same rate
 * (exact says no, its
 * digits running out at 17), 40 an hour does; a rate no number near y0 gives in
 * a unit is refused. */
static void test_emit_yaml_scaled(void **state)
{
	double rate = 40 * (1.0 / 3600.0);
	struct emit_yaml_num n;

	(void)state;
	assert_true(emit_yaml_scaled(rate, rate / (1.0 / 3600.0), 1.0 / 3600.0,
				     &n));
	assert_string_equal(n.s, "40");
	assert_true(strtod(n.s, NULL) * (1.0 / 3600.0) == rate);
	assert_false(emit_yaml_exact(rate * 86400.0, rate, 1.0 / 86400.0, &n));
	assert_string_equal(n.s, "960");
	assert_false(emit_yaml_scaled(rate, 1e6, 1.0 / 86400.0, &n));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_yaml_string),
		cmocka_unit_test(test_emit_yaml_number),
		cmocka_unit_test(test_emit_yaml_scaled),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
