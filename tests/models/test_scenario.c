/* test_scenario.c: the scenario loader and the helpers of scenario.c.
 *
 * Bad inputs are given as text, each checked for the exact position and
 * key path that opens its problem line ("t.yaml:6:48: lines.999.handle.sd")
 * and for a fragment saying what is wrong, because those two things are
 * what a planner reads to fix a file. CSV cases write their files into a
 * fresh temporary directory. Tests run from the source root (meson sets
 * the working directory), where the bundled scenarios are. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/test_support.h"
#include "models/scenario.h"

/* A valid scenario, one fact a line, so cases can swap a line and know
 * where it stands:
 *   1 name  2 run  3 lines:  4 - name 999  5 volume  6 handle  7 answer
 *   8 pools:  9 - name emergency  10 serves  11 shifts:  12 - day shift */
#define HEAD "name: t\nrun: {days: 7, replications: 3}\nlines:\n"
#define L999 "  - name: \"999\"\n    volume: {per_hour: 83.6}\n"
#define HANDLE "    handle: {dist: lognormal, mean: 238.5, sd: 176.25}\n"
#define ANSWER "    answer: {within_s: 10, goal: 0.9}\n"
#define POOLS "pools:\n  - name: emergency\n    serves: [\"999\"]\n" \
	      "    shifts:\n"
#define SHIFT "      - {name: day, start: \"07:00\", hours: 10, staff: 12}\n"
#define GOOD HEAD L999 HANDLE ANSWER POOLS SHIFT

/* Loads text under the name "t.yaml" (or path, for CSV cases). */
static enum sim_status load(const char *path, const char *text,
			    const char *const *ovr, size_t n_ovr,
			    struct scenario **sc, struct sim_err *err)
{
	struct scenario_source src = {path, text, text ? strlen(text) : 0,
				      ovr, n_ovr, NULL};

	sim_err_clear(err);
	return scenario_load(&src, sc, err);
}

/* Asserts that some problem line starts with prefix and contains frag. */
static void assert_problem(const struct sim_err *err, const char *prefix,
			   const char *frag)
{
	const char *line = err->text;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char buf[SIM_ERR_CAP];

		memcpy(buf, line, len);
		buf[len] = '\0';
		if (strncmp(buf, prefix, strlen(prefix)) == 0 &&
		    strstr(buf, frag))
			return;
		line += len + (end ? 1 : 0);
	}
	fail_msg("no problem line starting '%s' containing '%s' in:\n%s",
		 prefix, frag, err->text);
}

/* Loads text expecting SIM_ESCENARIO, no scenario, and the given line. */
static void expect_bad(const char *text, const char *prefix, const char *frag)
{
	struct sim_err err;
	struct scenario *sc = (struct scenario *)&err;

	assert_int_equal(load("t.yaml", text, NULL, 0, &sc, &err),
			 SIM_ESCENARIO);
	assert_null(sc);
	assert_int_equal(err.status, SIM_ESCENARIO);
	assert_problem(&err, prefix, frag);
}

/* As expect_bad, with overrides. */
static void expect_bad_set(const char *text, const char *set,
			   const char *prefix, const char *frag)
{
	struct sim_err err;
	struct scenario *sc = NULL;
	const char *ovr[] = {set};

	assert_int_equal(load("t.yaml", text, ovr, 1, &sc, &err),
			 SIM_ESCENARIO);
	assert_null(sc);
	assert_problem(&err, prefix, frag);
}

/* Loads text that must be valid. */
static struct scenario *expect_good(const char *path, const char *text,
				    const char *const *ovr, size_t n_ovr)
{
	struct sim_err err;
	struct scenario *sc = NULL;
	enum sim_status st = load(path, text, ovr, n_ovr, &sc, &err);

	if (st != SIM_OK)
		fail_msg("load failed (%d):\n%s", st, err.text);
	assert_non_null(sc);
	assert_int_equal(err.n_lines, 0);
	return sc;
}

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
		struct roster_spec rs = {p->shifts, p->n_shifts, p->shrinkage};
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

/* ------------------------------------------------------------------ */
/* Bad input: one problem each                                         */

struct bad_case {
	const char *text;
	const char *prefix;          /* exact start of the problem line */
	const char *frag;            /* a distinctive part of the message */
};

static void run_bad_case(void **state)
{
	const struct bad_case *c = *state;

	expect_bad(c->text, c->prefix, c->frag);
}

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
static const struct bad_case bad_line_unserved = {
	HEAD L999 HANDLE ANSWER "  - name: \"101\"\n    volume: {per_day: 12}\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:8:5: lines.101: ", "no pool serves this line"};
static const struct bad_case bad_start_date = {
	"name: t\nrun: {days: 7, start_date: \"2024-04-03\"}\nlines:\n"
	L999 HANDLE ANSWER POOLS SHIFT,
	"t.yaml:2:28: run.start_date: ",
	"2024-04-03 is a Wednesday; must be a Monday"};
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

/* ------------------------------------------------------------------ */
/* CSV files                                                           */

/* A fresh directory holding a scenario and its CSVs. */
struct csv_dir {
	char dir[64];
	char yaml[128];
};

static void csv_dir_make(struct csv_dir *d)
{
	snprintf(d->dir, sizeof d->dir, "/tmp/callsim-test-XXXXXX");
	assert_non_null(mkdtemp(d->dir));
	snprintf(d->yaml, sizeof d->yaml, "%s/s.yaml", d->dir);
}

static void csv_dir_write(const struct csv_dir *d, const char *name,
			  const char *text)
{
	char path[192];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", d->dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void csv_dir_remove(const struct csv_dir *d, const char *const *names)
{
	char path[192];

	for (; *names; names++) {
		snprintf(path, sizeof path, "%s/%s", d->dir, *names);
		unlink(path);
	}
	assert_int_equal(rmdir(d->dir), 0);
}

/* A profile CSV of n rows "label,factor" after a comment and a header,
 * with an optional bad row. */
static char *profile_csv(int n, int bad_row)
{
	char *t = malloc((size_t)n * 24 + 64);
	size_t len = 0;
	int i;

	assert_non_null(t);
	if (!t)		/* tells the compiler too */
		return NULL;
	len += (size_t)sprintf(t, "# test profile\nslot,factor\n");
	for (i = 0; i < n; i++)
		if (i == bad_row)
			len += (size_t)sprintf(t + len, "h%d,1.o5\n", i);
		else
			len += (size_t)sprintf(t + len, "h%d,%.4f\n", i,
					       0.25 + (i % 5) * 0.375);
	return t;
}

static void test_csv_profile_and_samples(void **state)
{
	static const char *const files[] = {"p.csv", "bad.csv", "w.csv",
					    NULL};
	struct csv_dir d;
	char *p672 = profile_csv(672, -1);
	char *bad = profile_csv(168, 2);
	const char *text = HEAD L999 "    profile: p.csv\n"
		"    handle: {dist: empirical, values: {csv: w.csv, "
		"column: wait_s}}\n"
		"    wrap: {dist: empirical, values: {csv: w.csv, column: 1}}\n"
		ANSWER POOLS SHIFT;
	struct scenario *sc;

	(void)state;
	csv_dir_make(&d);
	csv_dir_write(&d, "p.csv", p672);
	csv_dir_write(&d, "bad.csv", bad);
	csv_dir_write(&d, "w.csv", "id,wait_s\n1,12.5\n2,40.25\n\n3,7\n");
	sc = expect_good(d.yaml, text, NULL, 0);
	assert_int_equal(sc->lines[0].demand.n_slots, 672);
	assert_seconds_near(sc->lines[0].demand.profile[9], 0.25 + 4 * 0.375,
			    1e-12);
	assert_int_equal(sc->lines[0].handle.n_values, 3);
	assert_seconds_near(dist_mean(&sc->lines[0].handle),
			    (12.5 + 40.25 + 7) / 3, 1e-12);
	assert_seconds_near(dist_mean(&sc->lines[0].wrap), 2.0, 1e-12);
	scenario_free(sc);
	{
		char prefix[256];
		struct sim_err err;
		const char *ovr[] = {"lines.999.profile=bad.csv"};

		sc = NULL;
		/* The header is line 2; row 2 (0-based) is line 5, col 4. */
		assert_int_equal(load(d.yaml, text, ovr, 1, &sc, &err),
				 SIM_ESCENARIO);
		snprintf(prefix, sizeof prefix, "%s/bad.csv:5:4: "
			 "lines.999.profile: ", d.dir);
		assert_problem(&err, prefix, "'1.o5' is not a factor from 0 to 1e6");
	}
	csv_dir_remove(&d, files);
	free(p672);
	free(bad);
}

/* A profile as a spreadsheet writes it where the decimal mark is a comma:
 * cells separated by ';' ("h1;1,125"), with a header. */
static char *profile_csv_semicolon(void)
{
	char *t = malloc(168 * 24 + 64);
	size_t len = 0;
	int i;

	assert_non_null(t);
	if (!t)		/* tells the compiler too */
		return NULL;
	len += (size_t)sprintf(t, "slot;factor\n");
	for (i = 0; i < 168; i++)
		len += (size_t)sprintf(t + len, "h%d;1,%03d\n", i, (i % 5) * 125);
	return t;
}

/* Loads the scenario of d with one override, expecting a problem line that
 * starts with d's directory, then rest, and holds frag. */
static void expect_bad_csv(const struct csv_dir *d, const char *text,
			   const char *set, const char *rest, const char *frag)
{
	char prefix[256];
	struct sim_err err;
	struct scenario *sc = NULL;
	const char *ovr[] = {set};

	assert_int_equal(load(d->yaml, text, ovr, 1, &sc, &err),
			 SIM_ESCENARIO);
	assert_null(sc);
	snprintf(prefix, sizeof prefix, "%s/%s", d->dir, rest);
	assert_problem(&err, prefix, frag);
}

/* Only the first 64 columns are read: a column past them was read from
 * the 64th cell, which held the rest of the line. */
static const struct bad_case bad_csv_column_65 = {
	HEAD L999 "    handle: {dist: empirical, values: {csv: w.csv, "
	"column: 65}}\n" ANSWER POOLS SHIFT,
	"t.yaml:6:60: lines.999.handle.values.column: ",
	"65 is too large; must be a column number from 1 to 64"};

/* A ';' file is read with decimal commas (it was read as 0, 125, 250...);
 * every file that could be misread is refused at the cell. */
static void test_csv_decimal_comma(void **state)
{
	static const char *const files[] = {
		"p.csv", "e.csv", "dot.csv", "comma.csv", "mixed.csv",
		"ragged.csv", "one.csv", NULL};
	struct csv_dir d;
	char *p = profile_csv_semicolon();
	const char *text = HEAD L999 "    profile: p.csv\n"
		"    handle: {dist: empirical, values: {csv: e.csv, "
		"column: wait_s}}\n" ANSWER POOLS SHIFT;
	struct scenario *sc;

	(void)state;
	csv_dir_make(&d);
	csv_dir_write(&d, "p.csv", p);
	csv_dir_write(&d, "e.csv", "id;wait_s\n1;12,5\n2;40,25\n3;7\n");
	csv_dir_write(&d, "dot.csv", "slot;factor\nh0;1.05\n");
	csv_dir_write(&d, "comma.csv", "0,963\n1,05\n");
	csv_dir_write(&d, "mixed.csv", "slot,factor\nh0;1,05\n");
	csv_dir_write(&d, "ragged.csv", "factor\n1,5\n2\n");
	csv_dir_write(&d, "one.csv", "120,5\n98,25\n");
	sc = expect_good(d.yaml, text, NULL, 0);
	assert_int_equal(sc->lines[0].demand.n_slots, 168);
	assert_seconds_near(sc->lines[0].demand.profile[0], 1.0, 0);
	assert_seconds_near(sc->lines[0].demand.profile[1], 1.125, 0);
	assert_seconds_near(sc->lines[0].demand.profile[4], 1.5, 0);
	assert_seconds_near(dist_mean(&sc->lines[0].handle),
			    (12.5 + 40.25 + 7) / 3, 1e-12);
	scenario_free(sc);
	expect_bad_csv(&d, text, "lines.999.profile=dot.csv",
		       "dot.csv:2:4: lines.999.profile: ", "'1.05' has a "
		       "decimal point, but this file separates cells with ';'");
	expect_bad_csv(&d, text, "lines.999.profile=comma.csv",
		       "comma.csv:1:1: lines.999.profile: ",
		       "the label '0' is a number");
	expect_bad_csv(&d, text, "lines.999.profile=mixed.csv",
		       "mixed.csv:2:3: lines.999.profile: ",
		       "';' in a file whose first line separates cells with ','");
	expect_bad_csv(&d, text, "lines.999.profile=ragged.csv",
		       "ragged.csv:2:1: lines.999.profile: ",
		       "this line has 2 cells and the first has 1");
	{
		struct sim_err err;
		const char *ovr[] = {"lines.999.handle.values={csv: one.csv}"};

		sc = NULL;
		assert_int_equal(load(d.yaml, text, ovr, 1, &sc, &err),
				 SIM_ESCENARIO);
		assert_problem(&err, "--set lines.999.handle.values={csv: "
			       "one.csv}: lines.999.handle.values: ",
			       "one.csv' has 2 cells a line; give column");
	}
	csv_dir_remove(&d, files);
	free(p);
}

/* ------------------------------------------------------------------ */
/* --set overrides                                                     */

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
		       "no pool named 'emergncy'; pools are: emergency");
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
	expect_bad_set(GOOD, "name.first=x", "--set name.first=x: ",
		       "'name' is a single value; it has no key 'first'");
	expect_bad_set(GOOD, "lines.3.name=x", "--set lines.3.name=x: ",
		       "no line named '3'; lines are: 999");
}

/* ------------------------------------------------------------------ */
/* Incident response                                                   */

/* A valid scenario with response, one fact a line after the calls part
 * (GOOD with the line's incident mix on line 8):
 *   14 grades  15-19 emergency  20-24 priority  25 areas  26 north
 *   27 south  28 roles  29 response  30 hood  31 units  32-37 unit 0
 *   38 unit 1  (39 dispatch, when given). */
#define INCID "    incidents: {emergency: 0.2, priority: 0.25}\n"
#define RCALLS HEAD L999 HANDLE ANSWER INCID POOLS SHIFT
#define G_EM "  - name: emergency\n" \
	     "    attend: {within_s: 900, goal: 0.9}\n" \
	     "    delay: {dist: lognormal, mean: 272.5, sd: 101.25}\n" \
	     "    travel: {dist: lognormal, mean: 451.5, sd: 263.25}\n" \
	     "    on_scene: {dist: exponential, mean: 5412.5}\n"
#define G_PR "  - name: priority\n" \
	     "    attend: {within_s: 3600}\n" \
	     "    travel: {dist: exponential, mean: 721.5}\n" \
	     "    on_scene: {dist: exponential, mean: 4512.5}\n" \
	     "    preemptible: true\n"
#define GRADES "grades:\n" G_EM G_PR
#define A_N "  - {name: north, share: 0.625, neighbours: [south], " \
	    "travel_factor: 1.25}\n"
#define A_S "  - {name: south, share: 0.375, neighbours: [north]}\n"
#define R_RESP "  - {name: response, attends: [emergency, priority], " \
	       "cost_per_fte: 62125.5}\n"
#define R_HOOD "  - {name: hood, neighbourhood: true, abstraction: " \
	       "{allowed: emergency_only, after_s: 612.5}}\n"
#define U_N "  - area: north\n    role: response\n    crew: 2\n" \
	    "    shrinkage: 0.2\n    shifts:\n" \
	    "      - {name: day, start: \"07:00\", hours: 12, staff: 9}\n"
#define U_S "  - {area: south, role: hood, shifts: [{name: all, " \
	    "start: \"00:00\", hours: 24, staff: 3}]}\n"
#define DISPATCH "dispatch: {cross_border_after_s: 240.5, " \
		 "cross_border_factor: 1.75, preempt_scheduled: true}\n"
/* The response part with one piece swapped. */
#define RESP_WITH(g, an, as, rr, rh, un, us) \
	g "areas:\n" an as "roles:\n" rr rh "units:\n" un us
#define RESP RESP_WITH(GRADES, A_N, A_S, R_RESP, R_HOOD, U_N, U_S)
#define RGOOD RCALLS RESP

static void test_response_loads(void **state)
{
	struct scenario *sc = expect_good("t.yaml", RGOOD DISPATCH, NULL, 0);
	const struct grade_spec *em = &sc->grades[0], *pr = &sc->grades[1];
	const struct area_spec *north = &sc->areas[0], *south = &sc->areas[1];
	const struct role_spec *resp = &sc->roles[0], *hood = &sc->roles[1];
	const struct unit_spec *u0 = &sc->units[0], *u1 = &sc->units[1];

	(void)state;
	assert_int_equal(sc->n_grades, 2);
	assert_string_equal(em->name, "emergency");
	assert_int_equal(em->line, 15);
	assert_int_equal(em->col, 5);
	assert_seconds_near(em->target_s, 900, 0);
	assert_seconds_near(em->goal, 0.9, 0);
	assert_true(em->has_delay);
	assert_seconds_near(dist_mean(&em->delay), 272.5, 1e-9);
	assert_seconds_near(dist_mean(&em->travel), 451.5, 1e-9);
	assert_seconds_near(dist_mean(&em->on_scene), 5412.5, 1e-9);
	assert_false(em->preemptible);
	assert_seconds_near(pr->target_s, 3600, 0);
	assert_true(isnan(pr->goal));
	assert_false(pr->has_delay);
	assert_true(pr->preemptible);
	assert_seconds_near(sc->lines[0].incident_p[0], 0.2, 0);
	assert_seconds_near(sc->lines[0].incident_p[1], 0.25, 0);
	assert_int_equal(sc->n_areas, 2);
	assert_seconds_near(north->share, 0.625, 0);
	assert_seconds_near(north->travel_factor, 1.25, 0);
	assert_seconds_near(south->travel_factor, 1.0, 0);
	assert_int_equal(north->n_neighbours, 1);
	assert_int_equal(north->neighbours[0], 1);
	assert_int_equal(south->neighbours[0], 0);
	assert_int_equal(north->line, 26);
	assert_int_equal(sc->n_roles, 2);
	assert_int_equal(resp->attends, 0x3);
	assert_false(resp->neighbourhood);
	assert_int_equal(resp->abstraction, ABSTRACTION_NEVER);
	assert_seconds_near(resp->cost_per_fte, 62125.5, 0);
	assert_seconds_near(resp->hours_per_week, 40, 0);
	assert_int_equal(hood->attends, 0);
	assert_true(hood->neighbourhood);
	assert_int_equal(hood->abstraction, ABSTRACTION_EMERGENCY_ONLY);
	assert_seconds_near(hood->abstract_after_s, 612.5, 0);
	assert_seconds_near(hood->cost_per_fte, 0, 0);
	assert_int_equal(sc->n_units, 2);
	assert_int_equal(u0->area, 0);
	assert_int_equal(u0->role, 0);
	assert_int_equal(u0->crew, 2);
	assert_seconds_near(u0->shrinkage, 0.2, 0);
	assert_int_equal(u0->n_shifts, 1);
	assert_seconds_near(u0->shifts[0].duration_s, 12 * 3600.0, 0);
	assert_int_equal(u0->shifts[0].staff, 9);
	assert_int_equal(u0->line, 32);
	assert_int_equal(u1->area, 1);
	assert_int_equal(u1->role, 1);
	assert_int_equal(u1->crew, 1);
	assert_seconds_near(u1->shrinkage, 0, 0);
	assert_seconds_near(sc->dispatch.cross_border_after_s, 240.5, 0);
	assert_seconds_near(sc->dispatch.cross_border_factor, 1.75, 0);
	assert_true(sc->dispatch.preempt_scheduled);
	scenario_free(sc);
}

/* Without dispatch the defaults hold; without grades there is no response
 * and no line creates incidents. */
static void test_response_defaults(void **state)
{
	struct scenario *sc = expect_good("t.yaml", RGOOD, NULL, 0);
	size_t g;

	(void)state;
	assert_seconds_near(sc->dispatch.cross_border_after_s, 300, 0);
	assert_seconds_near(sc->dispatch.cross_border_factor, 1.5, 0);
	assert_false(sc->dispatch.preempt_scheduled);
	scenario_free(sc);
	sc = expect_good("t.yaml", GOOD, NULL, 0);
	assert_int_equal(sc->n_grades, 0);
	assert_int_equal(sc->n_areas + sc->n_roles + sc->n_units, 0);
	assert_null(sc->grades);
	for (g = 0; g < RESPONSE_GRADES_MAX; g++)
		assert_seconds_near(sc->lines[0].incident_p[g], 0, 0);
	scenario_free(sc);
}

/* An area without units of its own is fine when a neighbour has some
 * (south's hood units only attend by abstraction; north attends both). */
static void test_response_area_borrows(void **state)
{
	struct scenario *sc = expect_good("t.yaml", RCALLS RESP_WITH(
		GRADES, A_N, A_S, R_RESP,
		"  - {name: hood, neighbourhood: true}\n", U_N, U_S), NULL, 0);

	(void)state;
	assert_int_equal(sc->roles[1].abstraction, ABSTRACTION_NEVER);
	scenario_free(sc);
}

static const struct bad_case bad_shares = {
	RCALLS RESP_WITH(GRADES, A_N,
			 "  - {name: south, share: 0.3, neighbours: [north]}\n",
			 R_RESP, R_HOOD, U_N, U_S),
	"t.yaml:26:3: areas: ", "shares sum to 0.925; must sum to 1"};
static const struct bad_case bad_neighbour_unknown = {
	RCALLS RESP_WITH(GRADES, "  - {name: north, share: 0.625, neighbours: "
			 "[sout], travel_factor: 1.25}\n", A_S, R_RESP, R_HOOD,
			 U_N, U_S),
	"t.yaml:26:46: areas.north.neighbours.0: ",
	"no area named 'sout'; areas are: north, south"};
static const struct bad_case bad_neighbour_self = {
	RCALLS RESP_WITH(GRADES, "  - {name: north, share: 0.625, neighbours: "
			 "[north], travel_factor: 1.25}\n", A_S, R_RESP, R_HOOD,
			 U_N, U_S),
	"t.yaml:26:46: areas.north.neighbours.0: ",
	"'north' is this area itself"};
static const struct bad_case bad_neighbour_twice = {
	RCALLS RESP_WITH(GRADES, A_N, "  - {name: south, share: 0.375, "
			 "neighbours: [north, north]}\n", R_RESP, R_HOOD,
			 U_N, U_S),
	"t.yaml:27:53: areas.south.neighbours.1: ",
	"'north' is listed twice; list each area once"};
static const struct bad_case bad_attends_unknown = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, "  - {name: response, attends: "
			 "[emergency, priorty], cost_per_fte: 62125.5}\n",
			 R_HOOD, U_N, U_S),
	"t.yaml:29:43: roles.response.attends.1: ",
	"unknown grade 'priorty'; did you mean 'priority'? allowed: "
	"emergency, priority"};
static const struct bad_case bad_incidents_unknown = {
	HEAD L999 HANDLE ANSWER
	"    incidents: {emergency: 0.2, priorty: 0.25}\n" POOLS SHIFT RESP,
	"t.yaml:8:33: lines.999.incidents: ",
	"unknown grade 'priorty'; did you mean 'priority'? allowed: "
	"emergency, priority"};
static const struct bad_case bad_incidents_sum = {
	HEAD L999 HANDLE ANSWER
	"    incidents: {emergency: 0.8, priority: 0.25}\n" POOLS SHIFT RESP,
	"t.yaml:8:16: lines.999.incidents: ",
	"probabilities sum to 1.05; must sum to at most 1"};
static const struct bad_case bad_incidents_no_grades = {
	RCALLS, "t.yaml:8:16: lines.999.incidents: ",
	"no grades are defined; give a grades list"};
static const struct bad_case bad_crew_0 = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, R_RESP, R_HOOD,
			 "  - area: north\n    role: response\n    crew: 0\n"
			 "    shrinkage: 0.2\n    shifts:\n" SHIFT, U_S),
	"t.yaml:34:11: units.0.crew: ",
	"0 is too small; must be a whole number of officers from 1 to 1000"};
static const struct bad_case bad_unit_area = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, R_RESP, R_HOOD, U_N,
			 "  - {area: westside, role: hood, shifts: [{name: all, "
			 "start: \"00:00\", hours: 24, staff: 3}]}\n"),
	"t.yaml:38:12: units.1.area: ",
	"no area named 'westside'; areas are: north, south"};
static const struct bad_case bad_unit_role = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, R_RESP, R_HOOD, U_N,
			 "  - {area: south, role: hod, shifts: [{name: all, "
			 "start: \"00:00\", hours: 24, staff: 3}]}\n"),
	"t.yaml:38:25: units.1.role: ",
	"no role named 'hod'; roles are: response, hood"};
static const struct bad_case bad_unit_key = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, R_RESP, R_HOOD,
			 "  - area: north\n    role: response\n    crwe: 2\n"
			 "    shrinkage: 0.2\n    shifts:\n" SHIFT, U_S),
	"t.yaml:34:5: units.0: ", "unknown key 'crwe'; did you mean 'crew'?"};
static const struct bad_case bad_abstraction_allowed = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, R_RESP,
			 "  - {name: hood, neighbourhood: true, abstraction: "
			 "{allowed: sometimes, after_s: 612.5}}\n", U_N, U_S),
	"t.yaml:30:62: roles.hood.abstraction.allowed: ",
	"unknown value 'sometimes'; allowed: never, emergency_only"};
static const struct bad_case bad_abstraction_after = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, R_RESP,
			 "  - {name: hood, neighbourhood: true, abstraction: "
			 "{allowed: emergency_only, after_s: -5}}\n", U_N, U_S),
	"t.yaml:30:87: roles.hood.abstraction.after_s: ",
	"-5 is negative; must be a number of seconds from 0 to 1e9"};
static const struct bad_case bad_abstraction_no_after = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, R_RESP,
			 "  - {name: hood, neighbourhood: true, abstraction: "
			 "{allowed: emergency_only}}\n", U_N, U_S),
	"t.yaml:30:52: roles.hood.abstraction: ", "missing key 'after_s'"};
static const struct bad_case bad_abstraction_not_hood = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, "  - {name: response, attends: "
			 "[emergency], abstraction: {allowed: emergency_only, "
			 "after_s: 60}}\n", R_HOOD, U_N, U_S),
	"t.yaml:29:67: roles.response.abstraction.allowed: ",
	"only a neighbourhood role is abstracted"};
static const struct bad_case bad_attends_hood = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, R_RESP,
			 "  - {name: hood, neighbourhood: true, attends: "
			 "[emergency]}\n", U_N, U_S),
	"t.yaml:30:48: roles.hood.attends: ",
	"a neighbourhood role attends only when abstracted"};
static const struct bad_case bad_attends_missing = {
	RCALLS RESP_WITH(GRADES, A_N, A_S, "  - {name: response}\n", R_HOOD,
			 U_N, U_S),
	"t.yaml:29:5: roles.response: ", "missing key 'attends'"};
static const struct bad_case bad_border_factor = {
	RGOOD "dispatch: {cross_border_factor: 0.75}\n",
	"t.yaml:39:33: dispatch.cross_border_factor: ",
	"0.75 is too small; must be a factor from 1 to 100"};
static const struct bad_case bad_preemptible = {
	RCALLS RESP_WITH("grades:\n" G_EM "  - name: priority\n"
			 "    attend: {within_s: 3600}\n"
			 "    travel: {dist: exponential, mean: 721.5}\n"
			 "    on_scene: {dist: exponential, mean: 4512.5}\n"
			 "    preemptible: yes\n",
			 A_N, A_S, R_RESP, R_HOOD, U_N, U_S),
	"t.yaml:24:18: grades.priority.preemptible: ",
	"got 'yes'; must be true or false"};
static const struct bad_case bad_grade_travel_missing = {
	RCALLS RESP_WITH("grades:\n  - name: emergency\n"
			 "    on_scene: {dist: exponential, mean: 5412.5}\n"
			 G_PR, A_N, A_S, R_RESP, R_HOOD, U_N, U_S),
	"t.yaml:15:5: grades.emergency: ", "missing key 'travel'"};
static const struct bad_case bad_grades_without_areas = {
	RCALLS GRADES "roles:\n" R_RESP R_HOOD "units:\n" U_N U_S,
	"t.yaml:1:1: (top level): ", "missing key 'areas'; give a list of "
	"areas"};
static const struct bad_case bad_areas_without_grades = {
	GOOD "areas:\n" A_N A_S,
	"t.yaml:14:3: areas: ", "incident response needs grades"};
static const struct bad_case bad_duplicate_grade = {
	RCALLS RESP_WITH("grades:\n" G_EM G_EM, A_N, A_S,
			 "  - {name: response, attends: [emergency]}\n",
			 "  - {name: hood, neighbourhood: true}\n", U_N, U_S),
	"t.yaml:20:11: grades.emergency: ",
	"duplicate grade name 'emergency' (also at line 15)"};
/* south has only ring-fenced officers who are never abstracted, and no
 * neighbour: its emergencies would wait for ever. */
static const struct bad_case bad_area_unreachable = {
	RCALLS RESP_WITH(GRADES, A_N, "  - {name: south, share: 0.375}\n",
			 R_RESP, "  - {name: hood, neighbourhood: true}\n",
			 U_N, U_S),
	"t.yaml:27:5: areas.south: ", "area south has no unit that can attend "
	"emergency and no neighbour to borrow from"};

/* RESPONSE_GRADES_MAX + 1 grades: one too many for a role's bitmask. */
static void test_too_many_grades(void **state)
{
	size_t size = sizeof RCALLS + 200 * (RESPONSE_GRADES_MAX + 1) + 64;
	char *t = malloc(size);
	size_t len;
	int i;

	(void)state;
	assert_non_null(t);
	if (!t)
		return;
	len = (size_t)snprintf(t, size, "%sgrades:\n", RCALLS);
	for (i = 0; i <= RESPONSE_GRADES_MAX; i++)
		len += (size_t)snprintf(t + len, size - len, "  - {name: g%d, "
					"travel: {dist: exponential, mean: 60}, "
					"on_scene: {dist: exponential, mean: "
					"600}}\n", i);
	expect_bad(t, "t.yaml:15:3: grades: ", "has 9 grades; must have at "
		   "most 8");
	free(t);
}

/* Officer hours a week of the units of role `role`, counted here from
 * the shifts so the check does not lean on the code under test. */
static double role_hours(const struct scenario *sc, size_t role)
{
	double h = 0;
	size_t i, k;

	for (i = 0; i < sc->n_units; i++)
		for (k = 0; sc->units[i].role == role &&
			    k < sc->units[i].n_shifts; k++) {
			const struct shift_spec *s = &sc->units[i].shifts[k];

			assert_int_equal(s->days, 0x7f);
			h += s->staff * sc->units[i].crew * s->duration_s /
			     3600.0 * 7;
		}
	return h;
}

/* The baseline's response, and the funding-gap variant: the same but for
 * 645 response officers' worth of units (644 after rounding to whole
 * units), and every unit roster builds. */
static void test_west_midlands_response(void **state)
{
	struct scenario *b = expect_good("scenarios/west-midlands-2024.yaml",
					 NULL, NULL, 0);
	struct scenario *s = expect_good("scenarios/west-midlands-shortfall.yaml",
					 NULL, NULL, 0);
	struct sim_err err;
	double share = 0;
	size_t i;

	(void)state;
	assert_int_equal(b->n_grades, 3);
	assert_seconds_near(b->grades[0].target_s, 900, 0);
	assert_seconds_near(b->grades[0].goal, 0.90, 0);
	assert_true(isnan(b->grades[2].target_s));
	assert_true(b->grades[2].preemptible);
	assert_int_equal(b->n_areas, 7);
	assert_string_equal(b->areas[0].name, "Birmingham");
	assert_int_equal(b->areas[0].n_neighbours, 3);
	for (i = 0; i < b->n_areas; i++)
		share += b->areas[i].share;
	assert_seconds_near(share, 1, 1e-6);
	assert_int_equal(b->n_roles, 3);
	assert_int_equal(b->roles[0].attends, 0x7);
	assert_true(b->roles[2].neighbourhood);
	assert_int_equal(b->n_units, 21);
	assert_seconds_near(b->lines[0].incident_p[0], 0.20, 0);
	assert_seconds_near(b->lines[1].incident_p[2], 0.25, 0);
	sim_err_clear(&err);
	for (i = 0; i < b->n_units; i++) {
		struct roster_spec rs = {b->units[i].shifts, b->units[i].n_shifts,
					 b->units[i].shrinkage};
		struct roster *r = roster_new(&rs, &err);

		assert_non_null(r);
		roster_free(r);
	}
	/* 1970.5 and 1326.5 FTE of 40 h: 645 officers less, rounded. */
	assert_seconds_near(role_hours(b, 0) / 40, 1970.5, 1e-9);
	assert_seconds_near(role_hours(s, 0) / 40, 1326.5, 1e-9);
	assert_seconds_near(role_hours(s, 1), role_hours(b, 1), 0);
	assert_seconds_near(role_hours(s, 2), role_hours(b, 2), 0);
	assert_int_equal(s->n_units, b->n_units);
	assert_int_equal(s->n_pools, b->n_pools);
	assert_seconds_near(s->pools[0].shifts[1].staff,
			    b->pools[0].shifts[1].staff, 0);
	scenario_free(b);
	scenario_free(s);
}

static void test_set_response(void **state)
{
	const char *const ovr[] = {
		"units.0.shifts.day.staff=12",               /* unit by index */
		"units.1.crew=3",
		"roles.response.cost_per_fte=65000.5",       /* role by name */
		"areas.north.travel_factor=1.5",
		"grades.priority.attend.goal=0.85",          /* adds a key */
		"lines.999.incidents.priority=0.3",
		"dispatch.preempt_scheduled=true"};          /* adds a section */
	struct scenario *sc = expect_good("t.yaml", RGOOD, ovr, 7);

	(void)state;
	assert_int_equal(sc->units[0].shifts[0].staff, 12);
	assert_int_equal(sc->units[1].crew, 3);
	assert_seconds_near(sc->roles[0].cost_per_fte, 65000.5, 0);
	assert_seconds_near(sc->areas[0].travel_factor, 1.5, 0);
	assert_seconds_near(sc->grades[1].goal, 0.85, 0);
	assert_seconds_near(sc->lines[0].incident_p[1], 0.3, 0);
	assert_true(sc->dispatch.preempt_scheduled);
	assert_seconds_near(sc->dispatch.cross_border_factor, 1.5, 0);
	scenario_free(sc);
}

static void test_set_response_bad(void **state)
{
	(void)state;
	expect_bad_set(RGOOD, "units.2.crew=2", "--set units.2.crew=2: ",
		       "no unit named '2'; units are: numbered 0 to 1");
	expect_bad_set(RGOOD, "units.0.shifts.late.staff=12",
		       "--set units.0.shifts.late.staff=12: ",
		       "no shift named 'late'; shifts are: day");
	expect_bad_set(RGOOD, "areas.south.share=0.5",
		       "t.yaml:26:3: areas: ", "shares sum to 1.125");
	expect_bad_set(RGOOD, "roles.hood.abstraction.after_s=-1",
		       "--set roles.hood.abstraction.after_s=-1: "
		       "roles.hood.abstraction.after_s: ", "-1 is negative");
}

/* ------------------------------------------------------------------ */
/* Ranges: every numeric key is bounded, and so are products of factors */

#define POOLS_WITH(key) "pools:\n  - name: emergency\n    serves: [\"999\"]\n" \
	"    " key "\n    shifts:\n"

/* Each value below passed check, then hung, crashed or printed inf. */
static const struct bad_case bad_per_hour_huge = {
	HEAD "  - name: \"999\"\n    volume: {per_hour: 1e9}\n" HANDLE ANSWER
	POOLS SHIFT,
	"t.yaml:5:24: lines.999.volume.per_hour: ",
	"1e9 is too large; must be a number of calls an hour from 0 to 36000"};
static const struct bad_case bad_month_huge = {
	HEAD L999 "    months: {apr: 1e20}\n" HANDLE ANSWER POOLS SHIFT,
	"t.yaml:6:19: lines.999.months.apr: ",
	"1e20 is too large; must be a factor from 0 to 100"};
static const struct bad_case bad_surge_factor_huge = {
	HEAD L999 "    surges: [{start: \"sat 22:00\", hours: 4, factor: 1e6}]\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:6:53: lines.999.surges.0.factor: ",
	"1e6 is too large; must be a factor from 0 to 1000"};
static const struct bad_case bad_cost_huge = {
	HEAD L999 HANDLE ANSWER POOLS_WITH("cost_per_fte: 1e308") SHIFT,
	"t.yaml:11:19: pools.emergency.cost_per_fte: ",
	"1e308 is too large; must be an annual cost from 0 to 1e8"};
static const struct bad_case bad_week_hours_tiny = {
	HEAD L999 HANDLE ANSWER POOLS_WITH("hours_per_week: 1e-300") SHIFT,
	"t.yaml:11:21: pools.emergency.hours_per_week: ",
	"1e-300 is too small; must be a number of hours from 1 to 168"};
static const struct bad_case bad_travel_factor_huge = {
	RCALLS RESP_WITH(GRADES, "  - {name: north, share: 0.625, neighbours: "
			 "[south], travel_factor: 1e308}\n", A_S, R_RESP,
			 R_HOOD, U_N, U_S),
	"t.yaml:26:69: areas.north.travel_factor: ",
	"1e308 is too large; must be a positive factor, at most 100"};
static const struct bad_case bad_handle_mean_huge = {
	HEAD L999 "    handle: {dist: exponential, mean: 1e300}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:39: lines.999.handle.mean: ",
	"1e300 is too large; must be a positive number of seconds, at most 1e9"};
/* 1 call a second x 50 in December x a surge of 30: each factor is within
 * its range, their product is not. */
static const struct bad_case bad_peak_rate = {
	HEAD "  - name: \"999\"\n    volume: {per_hour: 3600}\n"
	"    months: {dec: 50}\n"
	"    surges: [{start: \"fri 18:00\", hours: 8, factor: 30}]\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:5:13: lines.999.volume: ",
	"at its peak the line has 1500 calls a second: 1 on average x 1 "
	"(highest profile factor over the mean) x 50 (highest month) x 30 "
	"(surges at once); must be at most 1000 calls a second"};
/* Surges multiply where they overlap, here across the end of the week. */
static const struct bad_case bad_peak_surges_overlap = {
	HEAD "  - name: \"999\"\n    volume: {per_hour: 3600}\n"
	"    surges: [{start: \"sun 22:00\", hours: 4, factor: 40}, "
	"{start: \"mon 01:00\", hours: 1, factor: 40}]\n"
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:5:13: lines.999.volume: ",
	"at its peak the line has 1600 calls a second"};
static const struct bad_case bad_shift_hours_tiny = {
	HEAD L999 HANDLE ANSWER POOLS
	"      - {name: day, start: \"07:00\", hours: 0.0001, staff: 12}\n",
	"t.yaml:12:44: pools.emergency.shifts.day.hours: ",
	"0.0001 is too small; must be a number of hours from 1/3600"};
#define S16 "0123456789abcdef"
#define S256 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16 S16
/* Cut to fit, a name could end inside a UTF-8 character. */
static const struct bad_case bad_title_too_long = {
	"name: \"" S256 "\"\nrun: {days: 7, replications: 3}\nlines:\n" L999
	HANDLE ANSWER POOLS SHIFT,
	"t.yaml:1:7: name: ", "the name is 256 bytes long; must be at most 255"};

/* The products are bounded, not the factors alone: the same surges apart
 * pass, and a travel mean that stays within 1e9 s with the factors. */
static void test_factor_products(void **state)
{
	const char *apart = HEAD "  - name: \"999\"\n"
		"    volume: {per_hour: 3600}\n"
		"    surges: [{start: \"sun 22:00\", hours: 4, factor: 40}, "
		"{start: \"mon 03:00\", hours: 1, factor: 40}]\n"
		HANDLE ANSWER POOLS SHIFT;
	const char *ok[] = {"grades.emergency.travel={dist: exponential, "
			    "mean: 4e8}"};
	struct scenario *sc = expect_good("t.yaml", apart, NULL, 0);

	(void)state;
	assert_int_equal(sc->lines[0].demand.n_surges, 2);
	scenario_free(sc);
	/* 4e8 s x travel_factor 1.25 x cross_border_factor 1.75. */
	sc = expect_good("t.yaml", RGOOD DISPATCH, ok, 1);
	scenario_free(sc);
	expect_bad_set(RGOOD DISPATCH, "grades.emergency.travel={dist: "
		       "exponential, mean: 5e8}", "--set grades.emergency."
		       "travel={dist: exponential, mean: 5e8}: "
		       "grades.emergency.travel: ", "a mean of 5e+08 s x 2.1875 "
		       "(travel_factor 1.25 of area north x cross_border_factor "
		       "across a border) is 1.094e+09 s; must be at most 1e9 s");
	expect_bad_set(RGOOD, "dispatch.cross_border_factor=1e308",
		       "--set dispatch.cross_border_factor=1e308: "
		       "dispatch.cross_border_factor: ",
		       "1e308 is too large; must be a factor from 1 to 100");
}

/* ------------------------------------------------------------------ */
/* Numbers in plain decimal; shift ends                                */

static const struct bad_case bad_hex = {
	HEAD "  - name: \"999\"\n    volume: {per_hour: 0x10}\n" HANDLE ANSWER
	POOLS SHIFT,
	"t.yaml:5:24: lines.999.volume.per_hour: ",
	"'0x10' is not a plain decimal number (hexadecimal, octal and leading "
	"zeros are not read); must be a number of calls an hour"};
/* YAML 1.1 reads 010 as 8; strtod as 10. */
static const struct bad_case bad_octal = {
	"name: t\nrun: {days: 010, replications: 3}\nlines:\n" L999 HANDLE
	ANSWER POOLS SHIFT,
	"t.yaml:2:13: run.days: ", "'010' is not a plain decimal number"};
static const struct bad_case bad_seed_hex = {
	"name: t\nrun: {seed: 0x10}\nlines:\n" L999 HANDLE ANSWER POOLS SHIFT,
	"t.yaml:2:13: run.seed: ", "'0x10' is not a plain decimal number"};
static const struct bad_case bad_hex_float = {
	HEAD L999 "    handle: {dist: exponential, mean: 0x1p8}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:39: lines.999.handle.mean: ",
	"'0x1p8' is not a plain decimal number"};
static const struct bad_case bad_infinity_word = {
	HEAD L999 "    handle: {dist: exponential, mean: infinity}\n"
	ANSWER POOLS SHIFT,
	"t.yaml:6:39: lines.999.handle.mean: ", "'infinity' is not a number"};
static const struct bad_case bad_shift_end_is_start = {
	HEAD L999 HANDLE ANSWER POOLS
	"      - {name: day, start: \"08:00\", end: \"08:00\", staff: 12}\n",
	"t.yaml:12:42: pools.emergency.shifts.day.end: ",
	"shift ends at 08:00, the time it starts; for a 24-hour shift give "
	"hours: 24 or end: \"32:00\""};

/* Every plain decimal spelling is read, zero and signs included; a shift
 * of one second (1/3600 h) is the shortest. */
static void test_plain_decimal(void **state)
{
	const char *text = "name: t\nrun: {days: 7., replications: 3, "
		"seed: 0}\nlines:\n"
		"  - name: \"999\"\n    volume: {per_hour: +8.36e1}\n"
		HANDLE "    answer: {within_s: -0, goal: .9}\n" POOLS
		"      - {name: day, start: \"07:00\", "
		"hours: 0.0002777777777777778, staff: 0}\n";
	struct scenario *sc = expect_good("t.yaml", text, NULL, 0);

	(void)state;
	assert_seconds_near(sc->run.days, 7, 0);
	assert_seconds_near(sc->lines[0].demand.mean_rate_per_s * 3600, 83.6,
			    1e-12);
	assert_seconds_near(sc->lines[0].goal, 0.9, 0);
	assert_seconds_near(sc->pools[0].shifts[0].duration_s, 1, 0);
	scenario_free(sc);
}

#define BAD(c) {#c, run_bad_case, NULL, NULL, (void *)&c}

/* The writers' cost rows name the totals "total" (and "pools"): a pool may
 * take neither name. */
static void test_reserved_pool_names(void **state)
{
	(void)state;
	expect_bad(HEAD L999 HANDLE ANSWER "pools:\n  - name: total\n"
		   "    serves: [\"999\"]\n    shifts:\n" SHIFT,
		   "t.yaml:9:11: pools.total.name: ", "'total' is reserved");
	expect_bad(HEAD L999 HANDLE ANSWER "pools:\n  - name: pools\n"
		   "    serves: [\"999\"]\n    shifts:\n" SHIFT,
		   "t.yaml:9:11: pools.pools.name: ", "'pools' is reserved");
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

/* The content hash covers every byte read, the CSVs' too, and not the
 * spelling of the path; each block is hashed with its length, so bytes
 * moved from one block to the next change it. */
static void test_content_hash(void **state)
{
	static const char *const files[] = {"p.csv", NULL};
	const char *text = HEAD L999 "    profile: p.csv\n" HANDLE ANSWER POOLS
		SHIFT;
	char dotted[160];
	struct csv_dir d;
	struct scenario *a, *b, *c;
	char *profile = profile_csv(168, -1);
	uint64_t ab, a_b;

	(void)state;
	csv_dir_make(&d);
	csv_dir_write(&d, "p.csv", profile);
	snprintf(dotted, sizeof dotted, "%s/./s.yaml", d.dir);
	a = expect_good(d.yaml, text, NULL, 0);
	b = expect_good(dotted, text, NULL, 0);
	/* One digit of one factor changed. */
	assert_non_null(strstr(profile, "\nh1,0.6250\n"));
	strstr(profile, "\nh1,0.6250\n")[6] = '3';
	csv_dir_write(&d, "p.csv", profile);
	c = expect_good(d.yaml, text, NULL, 0);
	assert_true(a->content_fnv1a == b->content_fnv1a);
	assert_true(a->content_fnv1a != c->content_fnv1a);
	assert_true(a->content_fnv1a != scenario_fnv1a(SCENARIO_FNV1A_INIT,
						       text, strlen(text)));
	scenario_free(a);
	scenario_free(b);
	scenario_free(c);
	free(profile);
	csv_dir_remove(&d, files);
	/* "abc" as one block, against an independent implementation. */
	assert_true(scenario_fnv1a(SCENARIO_FNV1A_INIT, "abc", 3)
		    == 0xc11ab6d2519bc2b2u);
	ab = scenario_fnv1a(scenario_fnv1a(SCENARIO_FNV1A_INIT, "ab", 2), "c", 1);
	a_b = scenario_fnv1a(scenario_fnv1a(SCENARIO_FNV1A_INIT, "a", 1), "bc", 2);
	assert_true(ab != a_b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_west_midlands_loads),
		cmocka_unit_test(test_reserved_pool_names),
		cmocka_unit_test(test_parse_decimal),
		cmocka_unit_test(test_content_hash),
		cmocka_unit_test(test_validation_scenarios_load),
		cmocka_unit_test(test_bundled_specs_build),
		cmocka_unit_test(test_defaults_and_units),
		cmocka_unit_test(test_helpers),
		cmocka_unit_test(test_distribution_kinds),
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
		BAD(bad_line_unserved),
		BAD(bad_start_date),
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
		cmocka_unit_test(test_several_problems_all_reported),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_csv_profile_and_samples),
		cmocka_unit_test(test_set_changes_values),
		cmocka_unit_test(test_set_adds_missing_section),
		cmocka_unit_test(test_set_unknown_pool),
		cmocka_unit_test(test_set_unknown_shift),
		cmocka_unit_test(test_set_invalid_value),
		cmocka_unit_test(test_set_unknown_key),
		cmocka_unit_test(test_set_malformed),
		cmocka_unit_test(test_response_loads),
		cmocka_unit_test(test_response_defaults),
		cmocka_unit_test(test_response_area_borrows),
		BAD(bad_shares),
		BAD(bad_neighbour_unknown),
		BAD(bad_neighbour_self),
		BAD(bad_neighbour_twice),
		BAD(bad_attends_unknown),
		BAD(bad_incidents_unknown),
		BAD(bad_incidents_sum),
		BAD(bad_incidents_no_grades),
		BAD(bad_crew_0),
		BAD(bad_unit_area),
		BAD(bad_unit_role),
		BAD(bad_unit_key),
		BAD(bad_abstraction_allowed),
		BAD(bad_abstraction_after),
		BAD(bad_abstraction_no_after),
		BAD(bad_abstraction_not_hood),
		BAD(bad_attends_hood),
		BAD(bad_attends_missing),
		BAD(bad_border_factor),
		BAD(bad_preemptible),
		BAD(bad_grade_travel_missing),
		BAD(bad_grades_without_areas),
		BAD(bad_areas_without_grades),
		BAD(bad_duplicate_grade),
		BAD(bad_area_unreachable),
		cmocka_unit_test(test_too_many_grades),
		cmocka_unit_test(test_west_midlands_response),
		cmocka_unit_test(test_set_response),
		cmocka_unit_test(test_set_response_bad),
		BAD(bad_per_hour_huge),
		BAD(bad_month_huge),
		BAD(bad_surge_factor_huge),
		BAD(bad_cost_huge),
		BAD(bad_week_hours_tiny),
		BAD(bad_travel_factor_huge),
		BAD(bad_handle_mean_huge),
		BAD(bad_peak_rate),
		BAD(bad_peak_surges_overlap),
		BAD(bad_shift_hours_tiny),
		BAD(bad_title_too_long),
		cmocka_unit_test(test_factor_products),
		BAD(bad_hex),
		BAD(bad_octal),
		BAD(bad_seed_hex),
		BAD(bad_hex_float),
		BAD(bad_infinity_word),
		BAD(bad_shift_end_is_start),
		cmocka_unit_test(test_plain_decimal),
		cmocka_unit_test(test_csv_decimal_comma),
		BAD(bad_csv_column_65),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
