/* test_scenario_busyness.c: the busyness groups of a scenario
 * (models/scenario_busyness.c): a good group, --set through the schema,
 * and every way a group can be wrong, with its position and message. */
#include "tests/models/scenario_cases.h"

/* GOOD has one line, 999; a second, 101, on the same pool. */
#define L101 "  - name: \"101\"\n    volume: {per_hour: 86.2}\n" HANDLE ANSWER
#define POOLS2 "pools:\n  - name: all\n    serves: [\"999\", \"101\"]\n" \
	       "    shifts:\n"
#define TWO HEAD L999 HANDLE ANSWER L101 POOLS2 SHIFT
/* Line 18 onwards. */
#define BUSY "busyness:\n"

static void test_group_is_read(void **state)
{
	struct scenario *sc = expect_good("t.yaml", TWO BUSY
		"  - {name: force, cv: 0.08, lines: [\"101\", \"999\"]}\n",
		NULL, 0);

	(void)state;
	assert_int_equal(sc->n_busyness, 1);
	assert_string_equal(sc->busyness[0].name, "force");
	assert_seconds_near(sc->busyness[0].cv, 0.08, 0);
	assert_int_equal(sc->busyness[0].n_lines, 2);
	assert_int_equal(sc->busyness[0].lines[0], 1);
	assert_int_equal(sc->busyness[0].lines[1], 0);
	scenario_free(sc);
}

static void test_no_busyness_by_default(void **state)
{
	struct scenario *sc = expect_good("t.yaml", TWO, NULL, 0);

	(void)state;
	assert_int_equal(sc->n_busyness, 0);
	scenario_free(sc);
}

static void test_set_reaches_a_group(void **state)
{
	const char *ovr[] = {"busyness.force.cv=0.25"};
	struct scenario *sc = expect_good("t.yaml", TWO BUSY
		"  - {name: force, cv: 0.08, lines: [\"999\"]}\n", ovr, 1);

	(void)state;
	assert_seconds_near(sc->busyness[0].cv, 0.25, 0);
	scenario_free(sc);
}

static void test_bad_groups(void **state)
{
	(void)state;
	expect_bad(TWO BUSY "  - {name: g, cv: 1.5, lines: [\"999\"]}\n",
		   "t.yaml:18:19: busyness.g.cv: ", "1.5 is too large; must be "
		   "a coefficient of variation from 0 to 1");
	expect_bad(TWO BUSY "  - {name: g, cv: -0.1, lines: [\"999\"]}\n",
		   "t.yaml:18:19: busyness.g.cv: ", "from 0 to 1");
	expect_bad(TWO BUSY "  - {name: g, lines: [\"999\"]}\n",
		   "t.yaml:18:5: busyness.g: ", "cv");
	expect_bad(TWO BUSY "  - {name: g, cv: 0.1}\n",
		   "t.yaml:18:5: busyness.g: ", "lines");
	expect_bad(TWO BUSY "  - {name: g, cv: 0.1, lines: [\"998\"]}\n",
		   "t.yaml:18:32: busyness.g.lines.0: ",
		   "no line named '998'; lines are: 999, 101");
	expect_bad(TWO BUSY "  - {name: g, cv: 0.1, lines: [\"999\", \"999\"]}\n",
		   "t.yaml:18:39: busyness.g.lines.1: ", "listed twice");
	expect_bad(TWO BUSY "  - {name: g, cv: 0.1, lines: []}\n",
		   "t.yaml:18:31: busyness.g.lines: ", "is empty");
	expect_bad(TWO BUSY "  - {name: g, cv: 0.1, lines: [\"999\"]}\n"
		   "  - {name: h, cv: 0.2, lines: [\"101\", \"999\"]}\n",
		   "t.yaml:19:39: busyness.h.lines.1: ",
		   "line 999 is already in busyness group g; a line shares "
		   "the factor of one group at most");
	expect_bad(TWO BUSY "  - {name: g, cv: 0.1, lines: [\"999\"]}\n"
		   "  - {name: g, cv: 0.2, lines: [\"101\"]}\n",
		   "t.yaml:19:", "duplicate busyness group name 'g'");
	expect_bad(TWO BUSY "  - {name: g, cv: 0.1, lines: [\"999\"], "
		   "period: week}\n", "t.yaml:18:", "period");
	expect_bad(TWO "busyness: {name: g}\n", "t.yaml:17:11: busyness: ",
		   "a list of busyness groups");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_is_read),
		cmocka_unit_test(test_no_busyness_by_default),
		cmocka_unit_test(test_set_reaches_a_group),
		cmocka_unit_test(test_bad_groups),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
