/* test_scenario.c: the scenario loader and the helpers of scenario.c: the
 * calls part of a scenario and its bad inputs (test_scenario_csv.c has
 * the CSV files, test_scenario_set.c --set, test_scenario_response.c
 * incident response, test_scenario_ranges.c the ranges of values).
 *
 * Bad inputs are checked as scenario_cases.h says. Tests run from the
 * source root (meson sets the working directory), where the bundled
 * scenarios are. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/models/scenario_cases.h"
/* ------------------------------------------------------------------ */
/* Bundled scenarios                                                   */

static void test_west_midlands_loads(void **state)
{
	struct scenario *sc = expect_good("scenarios/west-midlands-2024.yaml",
					  NULL, NULL, 0);
	const struct line_spec *l999, *l101;
	const struct pool_spec *em;

	(void)state;
	assert_string_equal(sc->name, "West Midlands 2024/25 baseline");
	assert_string_equal(sc->path, "scenarios/west-midlands-2024.yaml");
	assert_int_equal(sc->n_lines, 2);
	assert_int_equal(sc->n_pools, 2);
	l999 = &sc->lines[scenario_line_index(sc, "999")];
	l101 = &sc->lines[scenario_line_index(sc, "101")];
	/* 732,440 calls over 365 days of 86,400 s. */
	assert_seconds_near(l999->demand.mean_rate_per_s,
			    732440.0 / (365 * 86400.0), 1e-12);
	assert_seconds_near(l101->demand.mean_rate_per_s,
			    755332.0 / (365 * 86400.0), 1e-12);
	assert_int_equal(l999->demand.n_slots, 168);
	/* Saturday 00:00 carries the weekend-night factor (row 122 of the CSV). */
	assert_seconds_near(l999->demand.profile[5 * 24], 2.044, 1e-12);
	assert_seconds_near(l999->demand.month_factor[5], 1.10, 1e-12);
	assert_seconds_near(l999->demand.month_factor[3], 1.0, 0);
	assert_seconds_near(l999->target_s, 10, 0);
	assert_seconds_near(l999->goal, 0.90, 1e-12);
	assert_seconds_near(l101->target_s, 180, 0);
	assert_int_equal(l999->handle.kind, DIST_LOGNORMAL);
	assert_true(l999->has_patience && l999->has_wrap);
	em = &sc->pools[scenario_pool_index(sc, "emergency")];
	assert_int_equal(em->n_serves, 1);
	assert_int_equal(em->serves[0], scenario_line_index(sc, "999"));
	assert_int_equal(em->n_shifts, 4);
	assert_int_equal(em->shifts[3].days, (1u << 4) | (1u << 5));
	scenario_free(sc);
}

static void test_validation_scenarios_load(void **state)
{
	static const char *const files[] = {
		"scenarios/validation/mmc-erlang-c.yaml",
		"scenarios/validation/mmc-erlang-a.yaml",
		"scenarios/validation/two-class-priority.yaml"};
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		struct scenario *sc = expect_good(files[i], NULL, NULL, 0);

		/* One pool on a constant roster: one 24 h shift every day. */
		assert_int_equal(sc->n_pools, 1);
		assert_int_equal(sc->pools[0].n_shifts, 1);
		assert_seconds_near(sc->pools[0].shifts[0].duration_s, 86400, 0);
		assert_int_equal(sc->pools[0].shifts[0].days, 0x7f);
		assert_true(isnan(sc->lines[0].goal));
		assert_false(sc->lines[0].has_wrap);
		scenario_free(sc);
	}
}

/* The specs the loader fills are what demand.c and roster.c accept (they
 * assert what the loader validates), and the FTE helper agrees with the
 * roster's own count of rostered hours. */
static void test_bundled_specs_build(void **state)
{
	struct scenario *sc = expect_good("scenarios/west-midlands-2024.yaml",
					  NULL, NULL, 0);
	struct sim_err err;
	size_t i;

	(void)state;
	sim_err_clear(&err);
	for (i = 0; i < sc->n_lines; i++) {
		struct demand_plan *plan = demand_plan_new(&sc->lines[i].demand,
						       sc->run.start,
						       scenario_horizon_s(sc),
						       &err);

		assert_non_null(plan);
		/* April has no month factor: a week holds the weekly volume. */
		assert_seconds_near(demand_plan_expected(plan, 0, WEEK_S),
				    sc->lines[i].demand.mean_rate_per_s * WEEK_S,
				    1e-6 * sc->lines[i].demand.mean_rate_per_s *
				    WEEK_S);
		demand_plan_free(plan);
	}
	for (i = 0; i < sc->n_pools; i++) {
		const struct pool_spec *p = &sc->pools[i];
		struct roster_spec rs = {p->shifts, p->n_shifts, p->shrinkage, 0};
		struct roster *r = roster_new(&rs, &err);

		assert_non_null(r);
		assert_seconds_near(roster_hours_per_week(r),
				    scenario_pool_fte(p) * p->hours_per_week,
				    1e-9);
		roster_free(r);
	}
	scenario_free(sc);
}

/* ------------------------------------------------------------------ */
/* Values, defaults and helpers                                        */

static void test_defaults_and_units(void **state)
{
	struct scenario *sc = expect_good("t.yaml", GOOD, NULL, 0);

	(void)state;
	assert_seconds_near(sc->run.days, 7, 0);
	assert_seconds_near(sc->run.warmup_s, 86400, 0);
	assert_int_equal(sc->run.replications, 3);
	assert_int_equal(sc->run.seed, 1);
	assert_int_equal(sc->run.start.year, 2024);
	assert_int_equal(sc->run.start.month, 4);
	assert_int_equal(sc->run.start.mday, 1);
	assert_int_equal(sc->run.max_waiting, 10000000);
	assert_seconds_near(sc->lines[0].demand.mean_rate_per_s, 83.6 / 3600,
			    1e-15);
	assert_seconds_near(sc->lines[0].demand.profile[167], 1.0, 0);
	assert_false(sc->lines[0].has_patience);
	assert_seconds_near(sc->lines[0].redial_probability, 0, 0);
	assert_int_equal(sc->lines[0].pos.line, 4);
	assert_int_equal(sc->lines[0].pos.col, 5);
	assert_seconds_near(sc->pools[0].shrinkage, 0, 0);
	assert_seconds_near(sc->pools[0].hours_per_week, 37.5, 0);
	assert_seconds_near(sc->pools[0].shifts[0].start_s, 7 * 3600.0, 0);
	assert_int_equal(sc->pools[0].shifts[0].days, 0x7f);
	assert_string_equal(sc->path, "");
	scenario_free(sc);
}

static void test_helpers(void **state)
{
	const char *text =
		"name: helpers\n"
		"run: {days: 2.5, warmup_hours: 6.25, replications: 4, "
		"seed: 18446744073709551615, start_date: 2025-01-06, "
		"max_waiting: 2385}\n"
		"lines:\n"
		"  - {name: a, volume: {per_day: 1234.5}, months: {dec: 0.85},\n"
		"     handle: {dist: gamma, mean: 301.5, sd: 97.25},\n"
		"     answer: {within_s: 20}}\n"
		"  - {name: b, volume: {per_year: 0}, handle: {dist: weibull, "
		"shape: 1.7, scale: 210.5}, answer: {within_s: 30}}\n"
		"pools:\n"
		"  - name: first\n"
		"    serves: [b, a]\n"
		"    shrinkage: 0.275\n"
		"    hours_per_week: 36.25\n"
		"    cost_per_fte: 41234.5\n"
		"    shifts:\n"
		"      - {name: e, start: \"06:30\", end: \"16:15\", "
		"days: weekdays, staff: 17}\n"
		"      - {name: n, start: \"21:45\", end: \"31:00\", "
		"days: [sat, sun], staff: 9}\n"
		"      - {name: w, start: \"08:00\", hours: 7.5, days: weekends, "
		"staff: 5}\n";
	struct scenario *sc = expect_good("t.yaml", text, NULL, 0);
	const struct pool_spec *p = &sc->pools[0];
	/* 17 * 9.75 h * 5 + 9 * 9.25 h * 2 + 5 * 7.5 h * 2 = 1070.25 h. */
	double fte = 1070.25 / 36.25;

	(void)state;
	assert_int_equal(scenario_line_index(sc, "b"), 1);
	assert_int_equal(scenario_line_index(sc, "c"), -1);
	assert_int_equal(scenario_pool_index(sc, "first"), 0);
	assert_int_equal(scenario_pool_index(sc, "a"), -1);
	assert_seconds_near(scenario_counted_s(sc), 2.5 * 86400, 1e-9);
	assert_seconds_near(scenario_horizon_s(sc), 2.5 * 86400 + 6.25 * 3600,
			    1e-9);
	assert_true(sc->run.seed == UINT64_MAX);
	assert_int_equal(sc->run.start.mday, 6);
	assert_int_equal(sc->run.max_waiting, 2385);
	assert_seconds_near(sc->lines[0].demand.mean_rate_per_s,
			    1234.5 / 86400, 1e-15);
	assert_seconds_near(sc->lines[0].demand.month_factor[11], 0.85, 0);
	assert_int_equal(p->serves[0], 1);
	assert_int_equal(p->serves[1], 0);
	assert_seconds_near(p->shifts[0].duration_s, 9.75 * 3600, 1e-9);
	assert_seconds_near(p->shifts[1].duration_s, 9.25 * 3600, 1e-9);
	assert_int_equal(p->shifts[0].days, 0x1f);
	assert_int_equal(p->shifts[1].days, 0x60);
	assert_seconds_near(scenario_pool_fte(p), fte, 1e-9);
	assert_seconds_near(scenario_pool_cost(p), fte * 41234.5, 1e-6);
	scenario_free(sc);
	scenario_free(NULL);
}

static void test_distribution_kinds(void **state)
{
	const char *text = HEAD L999
		"    patience: {dist: uniform, min: 12.5, max: 930.25}\n"
		"    redial: {probability: 0.35, delay: {dist: deterministic, "
		"value: 47.5}}\n"
		"    handle: {dist: empirical, values: [120.5, 333.25, 98]}\n"
		"    wrap: {dist: exponential, mean: 61.5}\n"
		ANSWER POOLS SHIFT;
	struct scenario *sc = expect_good("t.yaml", text, NULL, 0);
	const struct line_spec *l = &sc->lines[0];

	(void)state;
	assert_int_equal(l->patience.kind, DIST_UNIFORM);
	assert_seconds_near(l->patience.max, 930.25, 0);
	assert_seconds_near(l->redial_probability, 0.35, 0);
	assert_int_equal(l->redial_delay.kind, DIST_DETERMINISTIC);
	assert_int_equal(l->handle.kind, DIST_EMPIRICAL);
	assert_int_equal(l->handle.n_values, 3);
	assert_seconds_near(dist_mean(&l->handle), (120.5 + 333.25 + 98) / 3,
			    1e-9);
	assert_seconds_near(dist_mean(&l->wrap), 61.5, 1e-12);
	scenario_free(sc);
}

/* A line's connection time and its call-back's handling time own their
 * empirical samples as its other distributions do: scenario_free releases
 * them (a leak here fails the sanitizer build). */
static void test_every_line_distribution_freed(void **state)
{
	const char *text = HEAD L999 HANDLE
		"    connection: {dist: empirical, values: [4.5, 6.25, 9]}\n"
		"    callback: {probability: 0.5, target_s: 900, pool: emergency,"
		" handle: {dist: empirical, values: [180.5, 240]}}\n"
		ANSWER POOLS SHIFT;
	struct scenario *sc = expect_good("t.yaml", text, NULL, 0);
	const struct line_spec *l = &sc->lines[0];

	(void)state;
	assert_int_equal(l->connection.n_values, 3);
	assert_int_equal(l->callback.handle.n_values, 2);
	scenario_free(sc);
}

/* ------------------------------------------------------------------ */
/* Bad input: one problem each                                         */

static const struct bad_case bad_wrong_type = {
	HEAD L999 "    handle: 270\n" ANSWER POOLS SHIFT,
	"t.yaml:6:13: lines.999.handle: ", "got '270'; must be a distribution"};
static const struct bad_case bad_negative = {
	HEAD L999 "    handle: {dist: lognormal, mean: 238.5, sd: -3}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:48: lines.999.handle.sd: ",
	"-3 is negative; must be a positive number of seconds"};
static const struct bad_case bad_nan = {
	HEAD L999 "    handle: {dist: exponential, mean: .nan}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:39: lines.999.handle.mean: ", "'.nan' is not a finite number"};
static const struct bad_case bad_inf = {
	HEAD L999 HANDLE "    answer: {within_s: .inf, goal: 0.9}\n" POOLS SHIFT,
	"t.yaml:7:24: lines.999.answer.within_s: ",
	"'.inf' is not a finite number"};
static const struct bad_case bad_not_number = {
	HEAD L999 HANDLE "    answer: {within_s: ten, goal: 0.9}\n" POOLS SHIFT,
	"t.yaml:7:24: lines.999.answer.within_s: ", "'ten' is not a number"};
static const struct bad_case bad_quoted_number = {
	HEAD L999 "    handle: {dist: exponential, mean: \"240\"}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:39: lines.999.handle.mean: ", "got the quoted text \"240\""};
static const struct bad_case bad_missing_handle = {
	HEAD L999 ANSWER POOLS SHIFT,
	"t.yaml:4:5: lines.999: ", "missing key 'handle'"};
static const struct bad_case bad_missing_name = {
	HEAD "  - volume: {per_hour: 83.6}\n" HANDLE ANSWER POOLS SHIFT,
	"t.yaml:4:5: lines.0: ", "missing key 'name'"};
static const struct bad_case bad_unknown_key = {
	HEAD L999 HANDLE ANSWER
	"    pateince: {dist: exponential, mean: 480}\n" POOLS SHIFT,
	"t.yaml:8:5: lines.999: ",
	"unknown key 'pateince'; did you mean 'patience'? allowed: name,"};
static const struct bad_case bad_profile_csv_missing = {
	HEAD L999 "    profile: profiles/none.csv\n" HANDLE ANSWER POOLS SHIFT,
	"t.yaml:6:14: lines.999.profile: ",
	"cannot read 'profiles/none.csv' (No such file or directory)"};
static const struct bad_case bad_shift_overnight = {
	HEAD L999 HANDLE ANSWER POOLS
	"      - {name: night, start: \"22:00\", end: \"07:00\", staff: 8}\n",
	"t.yaml:12:44: pools.emergency.shifts.night.end: ",
	"shift ends at 07:00, before it starts at 22:00; for an overnight "
	"shift give hours: 9 or end: \"31:00\""};
static const struct bad_case bad_shift_hours_0 = {
	HEAD L999 HANDLE ANSWER POOLS
	"      - {name: day, start: \"07:00\", hours: 0, staff: 12}\n",
	"t.yaml:12:44: pools.emergency.shifts.day.hours: ",
	"0 is too small; must be a number of hours from 1/3600 (one second) "
	"to 24"};
static const struct bad_case bad_shift_hours_25 = {
	HEAD L999 HANDLE ANSWER POOLS
	"      - {name: day, start: \"07:00\", hours: 25, staff: 12}\n",
	"t.yaml:12:44: pools.emergency.shifts.day.hours: ", "25 is too large"};
static const struct bad_case bad_redial_probability = {
	HEAD L999 HANDLE ANSWER
	"    redial: {probability: 1.3, delay: {dist: exponential, mean: 60}}\n"
	POOLS SHIFT,
	"t.yaml:8:27: lines.999.redial.probability: ",
	"1.3 is too large; must be a probability with 0 <= p < 1"};
/* A caller who always redials, with no patience or delay, would loop at
 * one instant for ever. */
/* An unbounded warm-up overflowed the rate plan's segment count. */
static const struct bad_case bad_warmup_huge = {
	"name: t\nrun: {warmup_hours: 1e30}\nlines:\n" L999 HANDLE ANSWER
	POOLS SHIFT,
	"t.yaml:2:21: run.warmup_hours: ", "at most 878400"};
/* run.max_waiting: a whole number from 1 to 100000000. */
static const struct bad_case bad_max_waiting_0 = {
	"name: t\nrun: {max_waiting: 0}\nlines:\n" L999 HANDLE ANSWER
	POOLS SHIFT,
	"t.yaml:2:20: run.max_waiting: ", "from 1 to 100000000"};
static const struct bad_case bad_max_waiting_huge = {
	"name: t\nrun: {max_waiting: 1e9}\nlines:\n" L999 HANDLE ANSWER
	POOLS SHIFT,
	"t.yaml:2:20: run.max_waiting: ", "from 1 to 100000000"};
static const struct bad_case bad_max_waiting_fraction = {
	"name: t\nrun: {max_waiting: 2.5}\nlines:\n" L999 HANDLE ANSWER
	POOLS SHIFT,
	"t.yaml:2:20: run.max_waiting: ", "from 1 to 100000000"};
static const struct bad_case bad_redial_always = {
	HEAD L999 HANDLE ANSWER
	"    redial: {probability: 1, delay: {dist: exponential, mean: 60}}\n"
	POOLS SHIFT,
	"t.yaml:8:27: lines.999.redial.probability: ",
	"always redials never leaves"};
static const struct bad_case bad_goal_0 = {
	HEAD L999 HANDLE "    answer: {within_s: 10, goal: 0}\n" POOLS SHIFT,
	"t.yaml:7:34: lines.999.answer.goal: ",
	"0 is too small; must be a fraction with 0 < goal <= 1"};
static const struct bad_case bad_goal_above_1 = {
	HEAD L999 HANDLE "    answer: {within_s: 10, goal: 1.25}\n" POOLS SHIFT,
	"t.yaml:7:34: lines.999.answer.goal: ", "1.25 is too large"};
static const struct bad_case bad_empty_file = {
	"", "t.yaml:1:1: (top level): ", "the file is empty"};
static const struct bad_case bad_comment_only = {
	"# nothing but a comment\n", "t.yaml:1:1: (top level): ",
	"the file is empty"};
static const struct bad_case bad_syntax = {
	"name: t\nrun: {days: 7\nlines: []\n", "t.yaml:3:6: ",
	"did not find expected ',' or '}'"};
static const struct bad_case bad_two_documents = {
	GOOD "---\n" GOOD, "t.yaml:13:1: ", "a second YAML document starts here"};
static const struct bad_case bad_top_list = {
	"- name: t\n- lines: []\n", "t.yaml:1:1: (top level): ",
	"got a list; must be a mapping with keys name, run, lines, pools"};
static const struct bad_case bad_duplicate_line = {
	HEAD L999 HANDLE ANSWER "  - name: \"999\"\n    volume: {per_day: 12}\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:8:11: lines.999: ", "duplicate line name '999' (also at line 4)"};
static const struct bad_case bad_serves_unknown = {
	HEAD L999 HANDLE ANSWER
	"pools:\n  - name: emergency\n    serves: [\"999\", \"102\"]\n"
	"    shifts:\n" SHIFT,
	"t.yaml:10:21: pools.emergency.serves.1: ",
	"no line named '102'; lines are: 999"};
static const struct bad_case bad_serves_twice = {
	HEAD L999 HANDLE ANSWER
	"pools:\n  - name: emergency\n    serves: [\"999\", \"999\"]\n"
	"    shifts:\n" SHIFT,
	"t.yaml:10:21: pools.emergency.serves.1: ",
	"'999' is listed twice; list each line once"};
static const struct bad_case bad_serves_not_name = {
	HEAD L999 HANDLE ANSWER
	"pools:\n  - name: emergency\n    serves: [[\"999\"]]\n"
	"    shifts:\n" SHIFT,
	"t.yaml:10:14: pools.emergency.serves.0: ",
	"got a list; must be a line name"};
static const struct bad_case bad_line_unserved = {
	HEAD L999 HANDLE ANSWER "  - name: \"101\"\n    volume: {per_day: 12}\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:8:5: lines.101: ", "no pool serves this line"};
static const struct bad_case bad_date = {
	"name: t\nrun: {days: 7, start_date: \"2023-02-29\"}\nlines:\n"
	L999 HANDLE ANSWER POOLS SHIFT,
	"t.yaml:2:28: run.start_date: ", "'2023-02-29' is not a date"};
static const struct bad_case bad_month = {
	HEAD L999 "    months: {jnu: 1.1}\n" HANDLE ANSWER POOLS SHIFT,
	"t.yaml:6:14: lines.999.months: ",
	"unknown month 'jnu'; did you mean 'jan'? allowed: jan, feb,"};
static const struct bad_case bad_surge_start = {
	HEAD L999 "    surges: [{start: \"saturday 22:00\", hours: 4, "
	"factor: 1.5}]\n" HANDLE ANSWER POOLS SHIFT,
	"t.yaml:6:22: lines.999.surges.0.start: ",
	"'saturday 22:00' is not a day and time; must be like \"sat 22:00\""};
static const struct bad_case bad_dist_name = {
	HEAD L999 "    handle: {dist: lognormel, mean: 238.5, sd: 176.25}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:20: lines.999.handle.dist: ",
	"unknown distribution 'lognormel'; did you mean 'lognormal'? allowed: "
	"exponential, lognormal, gamma, weibull, deterministic, uniform, "
	"empirical"};
static const struct bad_case bad_dist_param = {
	HEAD L999 "    handle: {dist: exponential, mean: 238.5, sd: 176.25}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:46: lines.999.handle: ",
	"unknown key 'sd'; allowed: dist, mean"};
static const struct bad_case bad_dist_prepare = {
	HEAD L999 "    handle: {dist: uniform, min: 300, max: 120.5}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:13: lines.999.handle: ", "max is 120.5"};
static const struct bad_case bad_replications = {
	"name: t\nrun: {days: 7, replications: 1}\nlines:\n"
	L999 HANDLE ANSWER POOLS SHIFT,
	"t.yaml:2:30: run.replications: ", "1 is too small; must be a whole"};
static const struct bad_case bad_staff_fraction = {
	HEAD L999 HANDLE ANSWER POOLS
	"      - {name: day, start: \"07:00\", hours: 10, staff: 12.5}\n",
	"t.yaml:12:55: pools.emergency.shifts.day.staff: ",
	"12.5 is not a whole number"};
static const struct bad_case bad_shrinkage = {
	HEAD L999 HANDLE ANSWER "pools:\n  - name: emergency\n"
	"    serves: [\"999\"]\n    shrinkage: 1\n    shifts:\n" SHIFT,
	"t.yaml:11:16: pools.emergency.shrinkage: ",
	"1 is too large; must be a fraction with 0 <= shrinkage < 1"};
static const struct bad_case bad_two_volumes = {
	HEAD "  - name: \"999\"\n    volume: {per_hour: 83.6, per_day: 2000}\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:5:30: lines.999.volume.per_day: ",
	"a second volume; give exactly one of per_year, per_day, per_hour"};
static const struct bad_case bad_days_word = {
	HEAD L999 HANDLE ANSWER POOLS
	"      - {name: day, start: \"07:00\", hours: 10, days: weekdayz, "
	"staff: 2}\n",
	"t.yaml:12:54: pools.emergency.shifts.day.days: ",
	"did you mean 'weekdays'?"};
static const struct bad_case bad_duplicate_key = {
	HEAD L999 HANDLE ANSWER ANSWER POOLS SHIFT,
	"t.yaml:8:5: lines.999: ", "key 'answer' is given twice"};
static const struct bad_case bad_seed = {
	"name: t\nrun: {seed: -5}\nlines:\n" L999 HANDLE ANSWER POOLS SHIFT,
	"t.yaml:2:13: run.seed: ", "'-5' is not a valid seed"};
static const struct bad_case bad_duplicate_shift = {
	HEAD L999 HANDLE ANSWER POOLS SHIFT SHIFT,
	"t.yaml:13:16: pools.emergency.shifts.day: ",
	"duplicate shift name 'day' (also at line 12)"};
static const struct bad_case bad_name_with_dot = {
	HEAD "  - name: \"9.9\"\n    volume: {per_hour: 83.6}\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:4:11: lines.0.name: ", "without '.', '=' or control characters"};
/* A line break in a name would split CSV rows and table lines. */
static const struct bad_case bad_name_with_newline = {
	HEAD "  - name: \"9\\n9\"\n    volume: {per_hour: 83.6}\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:4:11: lines.0.name: ", "control characters"};

/* ------------------------------------------------------------------ */
/* Bad input built at run time, and several problems at once           */

/* An inline profile of n factors, the rest of the scenario valid. */
static char *profile_text(int n)
{
	size_t size = sizeof GOOD + (size_t)n * 8 + 64;
	char *t = malloc(size);
	size_t len;
	int i;

	assert_non_null(t);
	if (!t)		/* tells the compiler too */
		return NULL;
	len = (size_t)snprintf(t, size, "%s%s    profile: [", HEAD, L999);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(t + len, size - len, "%s%.3f",
					i ? ", " : "", 0.5 + (i % 7) * 0.125);
	snprintf(t + len, size - len, "]\n%s%s%s%s", HANDLE, ANSWER, POOLS,
		 SHIFT);
	return t;
}

static void test_profile_inline_lengths(void **state)
{
	char *t167 = profile_text(167), *t672 = profile_text(672);
	struct scenario *sc;

	(void)state;
	expect_bad(t167, "t.yaml:6:14: lines.999.profile: ",
		   "has 167 factors; must have 168");
	sc = expect_good("t.yaml", t672, NULL, 0);
	assert_int_equal(sc->lines[0].demand.n_slots, 672);
	assert_seconds_near(sc->lines[0].demand.profile[671],
			    0.5 + (671 % 7) * 0.125, 1e-12);
	scenario_free(sc);
	free(t167);
	free(t672);
}

/* A line's surges, n of them, the rest of the scenario valid. */
static char *surges_text(int n)
{
	static const char surge[] =
		"      - {start: \"sat 22:00\", hours: 1, factor: 1.0}\n";
	size_t size = sizeof GOOD + (size_t)n * sizeof surge + 64;
	char *t = malloc(size);
	size_t len;

	assert_non_null(t);
	if (!t)		/* tells the compiler too */
		return NULL;
	len = (size_t)snprintf(t, size, "%s%s    surges:\n", HEAD, L999);
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(t + len, size - len, "%s", surge);
	snprintf(t + len, size - len, "%s%s%s%s", HANDLE, ANSWER, POOLS, SHIFT);
	return t;
}

/* An optional list is bounded as a required one is: checking surges
 * against each other takes time growing with the square of their
 * number, so an unbounded list was a hang, not an error. */
static void test_optional_list_bounded(void **state)
{
	char *most = surges_text(SCENARIO_LIST_MAX);
	char *over = surges_text(SCENARIO_LIST_MAX + 1);
	struct scenario *sc;

	(void)state;
	expect_bad(over, "t.yaml:7:7: lines.999.surges: ",
		   "has 1001 items; a list may have at most 1000");
	sc = expect_good("t.yaml", most, NULL, 0);
	assert_int_equal(sc->lines[0].demand.n_surges, SCENARIO_LIST_MAX);
	scenario_free(sc);
	free(most);
	free(over);
}

static void test_several_problems_all_reported(void **state)
{
	const char *text =
		"name: t\n"
		"run: {days: 0, replications: 3}\n"
		"lines:\n"
		"  - name: \"999\"\n"
		"    volume: {per_hour: -83.6}\n"
		"    handle: {dist: lognormal, mean: 238.5, sd: -3}\n"
		"    answer: {within_s: 10, goal: 1.5}\n"
		"pools:\n"
		"  - name: emergency\n"
		"    serves: [\"999\"]\n"
		"    shifts:\n"
		"      - {name: day, start: \"07:00\", hours: 25, staff: 12}\n";
	struct sim_err err;
	struct scenario *sc = NULL;

	(void)state;
	assert_int_equal(load("t.yaml", text, NULL, 0, &sc, &err),
			 SIM_ESCENARIO);
	assert_null(sc);
	assert_int_equal(err.n_lines, 5);
	assert_problem(&err, "t.yaml:2:13: run.days: ", "0 is too small");
	assert_problem(&err, "t.yaml:5:24: lines.999.volume.per_hour: ",
		       "is negative");
	assert_problem(&err, "t.yaml:6:48: lines.999.handle.sd: ",
		       "is negative");
	assert_problem(&err, "t.yaml:7:34: lines.999.answer.goal: ",
		       "too large");
	assert_problem(&err, "t.yaml:12:44: pools.emergency.shifts.day.hours: ",
		       "too large");
}

static void test_missing_file(void **state)
{
	struct sim_err err;
	struct scenario *sc = NULL;

	(void)state;
	assert_int_equal(load("scenarios/no-such-file.yaml", NULL, NULL, 0,
			      &sc, &err), SIM_EIO);
	assert_null(sc);
	assert_problem(&err, "scenarios/no-such-file.yaml: ",
		       "No such file or directory");
}

/* Plain decimal: sign, digits, one '.', an exponent; nothing else. */
static void test_parse_decimal(void **state)
{
	static const char *const good[] = { "20", "-2.385", "+0.5", ".5", "5.",
					    "1e3", "2.385E-2", "0", "1e-400" };
	static const double value[] = { 20, -2.385, 0.5, 0.5, 5, 1000, 0.02385,
					0, 0 };
	static const char *const bad[] = { "", "0x10", "0X1p3", "inf", "nan",
					   " 2", "2 ", "1e", "e3", ".", "1e999",
					   "1..2", "--1", "1,5", "+", "010x" };
	double x;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		x = -1;
		assert_int_equal(scenario_parse_decimal(good[i], &x), 1);
		assert_seconds_near(x, value[i], 1e-15);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(scenario_parse_decimal(bad[i], &x), 0);
}


int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_west_midlands_loads),
		cmocka_unit_test(test_parse_decimal),
		cmocka_unit_test(test_validation_scenarios_load),
		cmocka_unit_test(test_bundled_specs_build),
		cmocka_unit_test(test_defaults_and_units),
		cmocka_unit_test(test_helpers),
		cmocka_unit_test(test_distribution_kinds),
		cmocka_unit_test(test_every_line_distribution_freed),
		BAD(bad_wrong_type),
		BAD(bad_negative),
		BAD(bad_nan),
		BAD(bad_inf),
		BAD(bad_not_number),
		BAD(bad_quoted_number),
		BAD(bad_missing_handle),
		BAD(bad_missing_name),
		BAD(bad_unknown_key),
		BAD(bad_profile_csv_missing),
		BAD(bad_shift_overnight),
		BAD(bad_shift_hours_0),
		BAD(bad_shift_hours_25),
		BAD(bad_redial_probability),
		BAD(bad_redial_always),
		BAD(bad_warmup_huge),
		BAD(bad_max_waiting_0),
		BAD(bad_max_waiting_huge),
		BAD(bad_max_waiting_fraction),
		BAD(bad_goal_0),
		BAD(bad_goal_above_1),
		BAD(bad_empty_file),
		BAD(bad_comment_only),
		BAD(bad_syntax),
		BAD(bad_two_documents),
		BAD(bad_top_list),
		BAD(bad_duplicate_line),
		BAD(bad_serves_unknown),
		BAD(bad_serves_twice),
		BAD(bad_serves_not_name),
		BAD(bad_line_unserved),
		BAD(bad_date),
		BAD(bad_month),
		BAD(bad_surge_start),
		BAD(bad_dist_name),
		BAD(bad_dist_param),
		BAD(bad_dist_prepare),
		BAD(bad_replications),
		BAD(bad_staff_fraction),
		BAD(bad_shrinkage),
		BAD(bad_two_volumes),
		BAD(bad_days_word),
		BAD(bad_duplicate_key),
		BAD(bad_seed),
		BAD(bad_duplicate_shift),
		BAD(bad_name_with_dot),
		BAD(bad_name_with_newline),
		cmocka_unit_test(test_profile_inline_lengths),
		cmocka_unit_test(test_optional_list_bounded),
		cmocka_unit_test(test_several_problems_all_reported),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
