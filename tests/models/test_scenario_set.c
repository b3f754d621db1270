/* test_scenario_set.c: --set overrides of a scenario: values changed and
 * added, paths resolved through the schema, and each kind of bad override
 * with its message (scenario_cases.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/models/scenario_cases.h"

static void test_set_changes_values(void **state)
{
	const char *const ovr[] = {
		"run.replications=20",                        /* replace */
		"run.seed=77",                                /* add a key */
		"pools.emergency.shrinkage=0.325",            /* add a key */
		"lines.999.handle={dist: exponential, mean: 301.5}",
		"pools.emergency.shifts.day.staff=31",        /* by name */
		"lines.0.answer.goal=0.95",                   /* by index */
		"lines.999.months={jul: 1.2}"};
	struct scenario *sc = expect_good("t.yaml", GOOD, ovr, 7);

	(void)state;
	assert_int_equal(sc->run.replications, 20);
	assert_int_equal(sc->run.seed, 77);
	assert_seconds_near(sc->pools[0].shrinkage, 0.325, 0);
	assert_int_equal(sc->lines[0].handle.kind, DIST_EXPONENTIAL);
	assert_seconds_near(dist_mean(&sc->lines[0].handle), 301.5, 1e-12);
	assert_int_equal(sc->pools[0].shifts[0].staff, 31);
	assert_seconds_near(sc->lines[0].goal, 0.95, 0);
	assert_seconds_near(sc->lines[0].demand.month_factor[6], 1.2, 0);
	scenario_free(sc);
}

static void test_set_adds_missing_section(void **state)
{
	const char *text = "name: t\nlines:\n" L999 HANDLE ANSWER POOLS SHIFT;
	const char *const ovr[] = {"run.days=3.5",
				   "lines.999.redial.probability=0.2",
				   "lines.999.redial.delay={dist: exponential, "
				   "mean: 45}"};
	struct scenario *sc = expect_good("t.yaml", text, ovr, 3);

	(void)state;
	assert_seconds_near(sc->run.days, 3.5, 0);
	assert_seconds_near(sc->lines[0].redial_probability, 0.2, 0);
	assert_seconds_near(dist_mean(&sc->lines[0].redial_delay), 45, 1e-12);
	scenario_free(sc);
}

static void test_set_unknown_pool(void **state)
{
	(void)state;
	expect_bad_set(GOOD, "pools.emergncy.shifts.day.staff=30",
		       "--set pools.emergncy.shifts.day.staff=30: ",
		       "no pool named 'emergncy'; did you mean 'emergency'? "
		       "pools are: emergency");
}

/* A key given short, as a word of the key it names, is suggested as a
 * typo is: from --set and from a file alike. */
static void test_set_key_part_suggested(void **state)
{
	(void)state;
	expect_bad_set(GOOD, "run.start=2024-04-01",
		       "--set run.start=2024-04-01: run: ",
		       "unknown key 'start'; did you mean 'start_date'? "
		       "allowed: days, warmup_hours,");
	expect_bad_set(GOOD, "run.warmup=12", "--set run.warmup=12: run: ",
		       "unknown key 'warmup'; did you mean 'warmup_hours'?");
	expect_bad("name: t\nrun: {days: 7, start: \"2024-04-01\"}\nlines:\n"
		   L999 HANDLE ANSWER POOLS SHIFT, "t.yaml:2:16: run: ",
		   "unknown key 'start'; did you mean 'start_date'? allowed: "
		   "days,");
}

static void test_set_unknown_shift(void **state)
{
	(void)state;
	expect_bad_set(GOOD, "pools.emergency.shifts.late.staff=30",
		       "--set pools.emergency.shifts.late.staff=30: ",
		       "no shift named 'late'; shifts are: day");
}

static void test_set_invalid_value(void **state)
{
	(void)state;
	expect_bad_set(GOOD, "lines.999.handle.sd=-3",
		       "--set lines.999.handle.sd=-3: lines.999.handle.sd: ",
		       "-3 is negative");
	expect_bad_set(GOOD, "pools.emergency.shifts.day={name: day, "
		       "start: \"22:00\", end: \"06:00\", staff: 4}",
		       "--set pools.emergency.shifts.day={name: day, start: "
		       "\"22:00\", end: \"06:00\", staff: 4}: "
		       "pools.emergency.shifts.day.end: ",
		       "for an overnight shift give hours: 8 or end: \"30:00\"");
}

static void test_set_unknown_key(void **state)
{
	(void)state;
	expect_bad_set(GOOD, "run.replicatoins=20",
		       "--set run.replicatoins=20: run: ",
		       "unknown key 'replicatoins'; did you mean "
		       "'replications'?");
}

/* An edit's path resolves through the schema before it is applied: a
 * misspelt key is named even where the walk would not reach it (dispatch
 * without grades), an item of a list the file lacks is not taken for a
 * key of a new mapping, and a key below a value the file leaves out is
 * refused as one below a value it gives. */
static void test_set_path_through_schema(void **state)
{
	(void)state;
	expect_bad_set(GOOD, "dispatch.cross_border_factr=2",
		       "--set dispatch.cross_border_factr=2: dispatch: ",
		       "unknown key 'cross_border_factr'; did you mean "
		       "'cross_border_factor'? allowed: cross_border_after_s, "
		       "cross_border_factor, preempt_scheduled");
	expect_bad_set(GOOD, "grades.0.name=x", "--set grades.0.name=x: ",
		       "the scenario has no grades, so no item '0' to change; "
		       "give the list in the file, or whole: --set "
		       "grades=[...]");
	expect_bad_set(GOOD, "lines.999.surges.0.factor=2",
		       "--set lines.999.surges.0.factor=2: ",
		       "the scenario has no surges, so no item '0' to change; "
		       "give the list in the file, or whole: --set "
		       "lines.999.surges=[...]");
	expect_bad_set(GOOD, "run.seed.x=1", "--set run.seed.x=1: ",
		       "'run.seed' is a single value; it has no key 'x'");
	expect_bad_set(GOOD, "lines.0.redail.probability=0.3",
		       "--set lines.0.redail.probability=0.3: lines.999: ",
		       "unknown key 'redail'; did you mean 'redial'?");
	expect_bad_set(GOOD, "pools.0.shifts.0.stafff=3",
		       "--set pools.0.shifts.0.stafff=3: "
		       "pools.emergency.shifts.day: ",
		       "unknown key 'stafff'; did you mean 'staff'?");
	expect_bad_set(GOOD, "lines.999.months.jna=2",
		       "--set lines.999.months.jna=2: lines.999.months: ",
		       "unknown month 'jna'; did you mean 'jan'?");
}

static void test_set_malformed(void **state)
{
	(void)state;
	expect_bad_set(GOOD, "run.replications", "--set run.replications: ",
		       "expected key.path=value");
	expect_bad_set(GOOD, "lines.999.profile=[1, 2",
		       "--set lines.999.profile=[1, 2: ",
		       "the value is not valid YAML");
	expect_bad_set(GOOD, "run.days=", "--set run.days=: ",
		       "no value after '='");
	/* An empty key between dots is no key: refused, not passed over. */
	expect_bad_set(GOOD, "run.days.=2", "--set run.days.=2: ",
		       "'run.days.' is not a key path; must be keys joined "
		       "by '.'");
	expect_bad_set(GOOD, ".run.days=2", "--set .run.days=2: ",
		       "'.run.days' is not a key path");
	expect_bad_set(GOOD, "run..days=2", "--set run..days=2: ",
		       "'run..days' is not a key path");
	expect_bad_set(GOOD, "name.first=x", "--set name.first=x: ",
		       "'name' is a single value; it has no key 'first'");
	expect_bad_set(GOOD, "lines.3.name=x", "--set lines.3.name=x: ",
		       "no line named '3'; lines are: 999");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_changes_values),
		cmocka_unit_test(test_set_adds_missing_section),
		cmocka_unit_test(test_set_unknown_pool),
		cmocka_unit_test(test_set_key_part_suggested),
		cmocka_unit_test(test_set_unknown_shift),
		cmocka_unit_test(test_set_invalid_value),
		cmocka_unit_test(test_set_unknown_key),
		cmocka_unit_test(test_set_path_through_schema),
		cmocka_unit_test(test_set_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
