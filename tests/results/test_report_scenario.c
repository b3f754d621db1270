/* test_report_scenario.c: the normalised scenario `callsim check` prints
 * loads back to the same scenario, number for number, and prints the same
 * text again.
 *
 * Each case loads a scenario (a file of the repository, or one with an
 * override whose value the writer once lost: a volume a year that no
 * number of calls a day gives exactly, a name holding characters a YAML
 * reader folds or refuses raw), writes it, loads what was written and
 * compares every value the model uses, with ==, then the two texts. Tests
 * run from the source root (meson sets the working directory). */
#include <glob.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/test_support.h"
#include "tests/results/capture.h"
#include "results/report_scenario.h"

/* Equal as the model uses them: the same double, or both NAN (no goal). */
static int same(double a, double b)
{
	return a == b || (isnan(a) && isnan(b));
}

#define SAME(a, b, what)                                                      \
	do {                                                                  \
		if (!same((a), (b)))                                          \
			fail_msg("%s: %s is %.17g, then %.17g", ctx, what,    \
				 (double)(a), (double)(b));                   \
	} while (0)

static void same_dist(const char *ctx, const struct dist *a,
		      const struct dist *b)
{
	assert_int_equal(a->kind, b->kind);
	SAME(a->p1, b->p1, "a distribution's first parameter");
	SAME(a->p2, b->p2, "a distribution's second parameter");
	assert_int_equal(a->n_values, b->n_values);
	for (size_t i = 0; i < a->n_values; i++)
		SAME(a->values[i], b->values[i], "an empirical value");
}

static void same_shifts(const char *ctx, const struct shift_spec *a,
			const struct shift_spec *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(a[i].name, b[i].name);
		SAME(a[i].start_s, b[i].start_s, "a shift's start");
		SAME(a[i].duration_s, b[i].duration_s, "a shift's length");
		assert_int_equal(a[i].days, b[i].days);
		assert_int_equal(a[i].staff, b[i].staff);
	}
}

static void same_demand(const char *ctx, const struct demand_spec *a,
			const struct demand_spec *b)
{
	SAME(a->mean_rate_per_s, b->mean_rate_per_s, "a line's volume");
	assert_int_equal(a->n_slots, b->n_slots);
	for (size_t i = 0; i < a->n_slots; i++)
		SAME(a->profile[i], b->profile[i], "a profile factor");
	for (size_t i = 0; i < 12; i++)
		SAME(a->month_factor[i], b->month_factor[i], "a month factor");
	assert_int_equal(a->n_surges, b->n_surges);
	for (size_t i = 0; i < a->n_surges; i++) {
		SAME(a->surges[i].start_s, b->surges[i].start_s, "a surge start");
		SAME(a->surges[i].duration_s, b->surges[i].duration_s,
		     "a surge's length");
		SAME(a->surges[i].factor, b->surges[i].factor, "a surge factor");
		assert_int_equal(a->surges[i].n_weeks, b->surges[i].n_weeks);
		for (size_t w = 0; w < a->surges[i].n_weeks; w++)
			assert_int_equal(a->surges[i].weeks[w],
					 b->surges[i].weeks[w]);
	}
}

static void same_line(const char *ctx, const struct line_spec *a,
		      const struct line_spec *b)
{
	assert_string_equal(a->name, b->name);
	same_demand(ctx, &a->demand, &b->demand);
	assert_int_equal(a->has_patience, b->has_patience);
	if (a->has_patience)
		same_dist(ctx, &a->patience, &b->patience);
	SAME(a->redial_probability, b->redial_probability, "a redial share");
	if (a->redial_probability > 0)
		same_dist(ctx, &a->redial_delay, &b->redial_delay);
	same_dist(ctx, &a->handle, &b->handle);
	assert_int_equal(a->has_wrap, b->has_wrap);
	if (a->has_wrap)
		same_dist(ctx, &a->wrap, &b->wrap);
	SAME(a->target_s, b->target_s, "an answer target");
	SAME(a->goal, b->goal, "an answer goal");
	for (size_t g = 0; g < RESPONSE_GRADES_MAX; g++)
		SAME(a->incident_p[g], b->incident_p[g], "an incident share");
}

static void same_pool(const char *ctx, const struct pool_spec *a,
		      const struct pool_spec *b)
{
	assert_string_equal(a->name, b->name);
	assert_int_equal(a->n_serves, b->n_serves);
	for (size_t i = 0; i < a->n_serves; i++)
		assert_int_equal(a->serves[i], b->serves[i]);
	SAME(a->shrinkage, b->shrinkage, "a pool's shrinkage");
	SAME(a->hours_per_week, b->hours_per_week, "a pool's hours_per_week");
	SAME(a->cost_per_fte, b->cost_per_fte, "a pool's cost_per_fte");
	assert_int_equal(a->n_shifts, b->n_shifts);
	same_shifts(ctx, a->shifts, b->shifts, a->n_shifts);
}

static void same_response(const char *ctx, const struct scenario *a,
			  const struct scenario *b)
{
	assert_int_equal(a->n_grades, b->n_grades);
	for (size_t g = 0; g < a->n_grades; g++) {
		SAME(a->grades[g].target_s, b->grades[g].target_s, "a target");
		SAME(a->grades[g].goal, b->grades[g].goal, "a goal");
		assert_int_equal(a->grades[g].has_delay, b->grades[g].has_delay);
		if (a->grades[g].has_delay)
			same_dist(ctx, &a->grades[g].delay, &b->grades[g].delay);
		same_dist(ctx, &a->grades[g].travel, &b->grades[g].travel);
		same_dist(ctx, &a->grades[g].on_scene, &b->grades[g].on_scene);
	}
	assert_int_equal(a->n_areas, b->n_areas);
	for (size_t i = 0; i < a->n_areas; i++) {
		SAME(a->areas[i].share, b->areas[i].share, "a share");
		SAME(a->areas[i].travel_factor, b->areas[i].travel_factor,
		     "a travel_factor");
		assert_int_equal(a->areas[i].n_neighbours,
				 b->areas[i].n_neighbours);
	}
	assert_int_equal(a->n_roles, b->n_roles);
	for (size_t i = 0; i < a->n_roles; i++) {
		assert_int_equal(a->roles[i].attends, b->roles[i].attends);
		SAME(a->roles[i].cost_per_fte, b->roles[i].cost_per_fte, "a cost");
		SAME(a->roles[i].hours_per_week, b->roles[i].hours_per_week,
		     "a role's hours_per_week");
	}
	assert_int_equal(a->n_units, b->n_units);
	for (size_t i = 0; i < a->n_units; i++) {
		assert_int_equal(a->units[i].crew, b->units[i].crew);
		SAME(a->units[i].shrinkage, b->units[i].shrinkage, "a shrinkage");
		assert_int_equal(a->units[i].n_shifts, b->units[i].n_shifts);
		same_shifts(ctx, a->units[i].shifts, b->units[i].shifts,
			    a->units[i].n_shifts);
	}
	SAME(a->dispatch.cross_border_after_s, b->dispatch.cross_border_after_s,
	     "cross_border_after_s");
	SAME(a->dispatch.cross_border_factor, b->dispatch.cross_border_factor,
	     "cross_border_factor");
}

static void same_scenario(const char *ctx, const struct scenario *a,
			  const struct scenario *b)
{
	assert_string_equal(a->name, b->name);
	SAME(a->run.days, b->run.days, "run.days");
	SAME(a->run.warmup_s, b->run.warmup_s, "run.warmup_hours");
	assert_int_equal(a->run.replications, b->run.replications);
	assert_true(a->run.seed == b->run.seed);
	assert_int_equal(a->n_lines, b->n_lines);
	for (size_t i = 0; i < a->n_lines; i++)
		same_line(ctx, &a->lines[i], &b->lines[i]);
	assert_int_equal(a->n_pools, b->n_pools);
	for (size_t i = 0; i < a->n_pools; i++)
		same_pool(ctx, &a->pools[i], &b->pools[i]);
	same_response(ctx, a, b);
}

/* Loads a file, or text when text is not NULL, with one override or none;
 * fails the test when it does not load. */
static struct scenario *load(const char *path, const char *text,
			     const char *set)
{
	const char *ovr[] = {set};
	struct scenario_source src = {.path = path, .text = text,
				      .text_len = text ? strlen(text) : 0,
				      .overrides = ovr,
				      .n_overrides = set ? 1 : 0};
	struct scenario *sc = NULL;
	struct sim_err err;

	sim_err_clear(&err);
	if (scenario_load(&src, &sc, &err) != SIM_OK)
		fail_msg("%s%s%s does not load:\n%s", path, set ? " --set " : "",
			 set ? set : "", err.text);
	return sc;
}

/* What check prints for sc, as a new string. */
static char *normalise(const struct scenario *sc)
{
	FILE *f = capture_open();
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(report_scenario_write(f, sc, &err), SIM_OK);
	return capture_close(f);
}

/* The round trip of one scenario: same numbers, then the same text. */
static void round_trip(const char *path, const char *set)
{
	struct scenario *a = load(path, NULL, set), *b;
	char *once = normalise(a), *twice;
	char ctx[512];

	snprintf(ctx, sizeof ctx, "%s%s%s", path, set ? " --set " : "",
		 set ? set : "");
	b = load("normalised.yaml", once, NULL);
	same_scenario(ctx, a, b);
	twice = normalise(b);
	if (strcmp(once, twice) != 0)
		fail_msg("%s: the normalised text changes when loaded again",
			 ctx);
	free(once);
	free(twice);
	scenario_free(a);
	scenario_free(b);
}

static void test_repository_scenarios(void **state)
{
	static const char *const patterns[] = {
		"scenarios/*.yaml", "scenarios/validation/*.yaml",
		"bench/scenarios/*.yaml", "tests/cli/*.yaml"};
	size_t n = 0;

	(void)state;
	for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++) {
		glob_t g;

		assert_int_equal(glob(patterns[p], 0, NULL, &g), 0);
		for (size_t i = 0; i < g.gl_pathc; i++, n++)
			round_trip(g.gl_pathv[i], NULL);
		globfree(&g);
	}
	assert_true(n >= 12);
}

/* Values the writer once lost: volumes that no number of calls a day gives
 * exactly (each read back one unit in the last place off), and names with
 * characters a YAML reader folds into a space (NEL) or refuses raw (DEL,
 * the C1 controls). */
static void test_values_once_lost(void **state)
{
	static const char *const sets[] = {
		"lines.999.volume={per_year: 1696.9414179438759}",
		"lines.999.volume={per_day: 0.005935463318610864}",
		"lines.999.volume={per_hour: 8.437926222446576e-05}",
		"lines.999.volume={per_hour: 40}",
		"run.warmup_hours=0.123456789012345",
		"lines.999.surges=[{start: \"sun 23:59\", hours: 167.99999999999997, "
		"factor: 0}]",
		"name=\"a\\u0085b\"",
		"name=\"a\\x7fb\\u009f\"",
		"name=\"a\\u2028b\\u2029\"",
		"pools.emergency.shifts.day={name: day, start: \"07:00\", "
		"end: \"31:00\", staff: 3}"};

	(void)state;
	for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
		round_trip("tests/cli/small.yaml", sets[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_repository_scenarios),
		cmocka_unit_test(test_values_once_lost),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
