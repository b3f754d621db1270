/* test_optimise.c: the optimiser's plan — rostering rounded as the roster
 * rounds, Erlang A per hour on a stationary line, hourly rates from a
 * profile, the primary pool of a shared line, rosters that load back to the
 * plan, and the raise step. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/erlang.h"
#include "models/optimise.h"
#include "models/roster.h"

/* M/M/c+M with wrap-up: 95.4 calls an hour, 240 s talk + 30 s wrap,
 * patience 150 s, 80% within 20 s. */
static const char op_stationary[] =
	"name: optimise test\n"
	"run: {days: 7, warmup_hours: 24, replications: 4, seed: 2385}\n"
	"lines:\n"
	"  - name: calls\n"
	"    volume: {per_hour: 95.4}\n"
	"    patience: {dist: exponential, mean: 150}\n"
	"    handle: {dist: exponential, mean: 240}\n"
	"    wrap: {dist: exponential, mean: 30}\n"
	"    answer: {within_s: 20, goal: 0.8}\n"
	"pools:\n"
	"  - name: handlers\n"
	"    serves: [calls]\n"
	"    shrinkage: 0.3\n"
	"    shifts:\n"
	"      - {name: always, start: \"00:00\", hours: 24, staff: 10}\n";

/* Two lines, two pools: "999" first in "emergency"; "101" second there
 * but first in "general", so general takes 101's load. */
static const char op_shared[] =
	"name: shared\n"
	"run: {days: 7, warmup_hours: 24, replications: 4, seed: 2385}\n"
	"lines:\n"
	"  - name: \"999\"\n"
	"    volume: {per_hour: 40.5}\n"
	"    handle: {dist: exponential, mean: 200}\n"
	"    answer: {within_s: 10, goal: 0.9}\n"
	"  - name: \"101\"\n"
	"    volume: {per_hour: 61.3}\n"
	"    patience: {dist: exponential, mean: 400}\n"
	"    handle: {dist: lognormal, mean: 330, sd: 200}\n"
	"    answer: {within_s: 180}\n"
	"pools:\n"
	"  - name: emergency\n"
	"    serves: [\"999\", \"101\"]\n"
	"    shrinkage: 0.2385\n"
	"    shifts: [{name: a, start: \"00:00\", hours: 24, staff: 9}]\n"
	"  - name: general\n"
	"    serves: [\"101\"]\n"
	"    shrinkage: 0.35\n"
	"    shifts: [{name: a, start: \"00:00\", hours: 24, staff: 9}]\n";

static struct scenario *op_load(const char *text, const char *const *ovr,
				size_t n_ovr)
{
	struct scenario_source src = { .path = "test.yaml", .text = text,
		.text_len = strlen(text), .overrides = ovr, .n_overrides = n_ovr };
	struct scenario *sc = NULL;
	struct sim_err err;

	sim_err_clear(&err);
	if (scenario_load(&src, &sc, &err) != SIM_OK)
		fail_msg("scenario: %s", err.text);
	return sc;
}

/* On duty with `staff` rostered all week at the given shrinkage. */
static int op_on_duty(int staff, double shrinkage)
{
	struct shift_spec sh = { "all", 0, 86400, 0x7f, staff };
	struct roster_spec spec = { &sh, 1, shrinkage };
	struct sim_err err;
	struct roster *r = roster_new(&spec, &err);
	int n = roster_on_duty(r, 3600 * 30.5);

	roster_free(r);
	return n;
}

/* The least rostered count whose on-duty count reaches n, as roster.c
 * counts it (half a person rounds up). */
static void test_optimise_rostered_matches_roster(void **state)
{
	static const double shrink[] = { 0, 0.2385, 0.3, 0.35, 0.5, 0.75, 0.9 };

	(void)state;
	for (size_t i = 0; i < sizeof shrink / sizeof shrink[0]; i++)
		for (int n = 0; n <= 80; n++) {
			int r = optimise_rostered(n, shrink[i]);

			assert_true(op_on_duty(r, shrink[i]) >= n);
			if (r > 0)
				assert_true(op_on_duty(r - 1, shrink[i]) < n);
		}
	/* 10 rostered at 35% is 6.5 on duty, which the roster makes 7. */
	assert_int_equal(optimise_rostered(7, 0.35), 10);
	assert_int_equal(optimise_rostered(0, 0.5), 0);
}

/* A stationary line: every hour is the Erlang A answer for its rate, with
 * handle + wrap-up as the work of a call. */
static void test_optimise_plan_is_erlang_a_per_hour(void **state)
{
	struct scenario *sc = op_load(op_stationary, NULL, 0);
	bool chosen[1] = { true };
	struct sim_err err;
	struct optimise_plan *p;
	int want = erlang_required(95.4 / 3600, 1.0 / 270, 1.0 / 150, 20, 0.8,
				   500);

	(void)state;
	sim_err_clear(&err);
	p = optimise_plan_new(sc, chosen, 500, &err);
	assert_non_null(p);
	assert_true(want > 7 && want < 40);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		assert_int_equal(p->on_duty[h], want);
	assert_false(p->capped);
	optimise_plan_free(p);
	/* A cap below the answer caps every hour, and says so. */
	p = optimise_plan_new(sc, chosen, want - 2, &err);
	assert_int_equal(p->on_duty[77], want - 2);
	assert_true(p->capped);
	optimise_plan_free(p);
	scenario_free(sc);
}

/* The hourly calls of a line with a weekly profile: the volume times the
 * hour's factor over the profile's mean. */
static void test_optimise_hourly_follows_profile(void **state)
{
	char *text = malloc(16384), *at;
	double factor[HOURS_PER_WEEK], mean = 0, per_hour[HOURS_PER_WEEK];
	struct scenario *sc;
	struct sim_err err;

	(void)state;
	at = text + sprintf(text, "%.*s", (int)(strstr(op_stationary, "    patience")
						- op_stationary), op_stationary);
	at += sprintf(at, "    profile: [");
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		factor[h] = 0.25 + (double)(h % 24) / 11.5 + (h >= 120 ? 0.6 : 0);
		mean += factor[h] / HOURS_PER_WEEK;
		at += sprintf(at, "%s%.17g", h ? ", " : "", factor[h]);
	}
	sprintf(at, "]\n%s", strstr(op_stationary, "    patience"));
	sc = op_load(text, NULL, 0);
	sim_err_clear(&err);
	assert_int_equal(optimise_line_hourly(sc, 0, per_hour, &err), SIM_OK);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		assert_seconds_near(per_hour[h], 95.4 * factor[h] / mean, 1e-9);
	scenario_free(sc);
	free(text);
}

/* 101 goes to "general" (first in its serves); the rosters the plan puts
 * in overrides load back to exactly the plan's on-duty counts, and their
 * hours are the plan's rostered hours. */
static void test_optimise_rosters_load_back(void **state)
{
	struct scenario *sc = op_load(op_shared, NULL, 0), *back;
	bool chosen[2] = { true, true };
	struct sim_err err;
	struct optimise_plan *p;
	char *ovr[2];

	(void)state;
	sim_err_clear(&err);
	p = optimise_plan_new(sc, chosen, 500, &err);
	assert_int_equal(p->primary[0], 0);
	assert_int_equal(p->primary[1], 1);
	/* A line without a goal asks for its load, rounded up. */
	assert_int_equal(p->on_duty[HOURS_PER_WEEK + 50],
			 (int)ceil(61.3 * 330 / 3600));
	p->on_duty[3] = 0;      /* nobody in one hour: that shift is left out */
	p->on_duty[40] = 17;
	for (size_t q = 0; q < 2; q++)
		ovr[q] = optimise_shifts_override(sc, p, q);
	assert_memory_equal(ovr[0], "pools.emergency.shifts=[{name: h000, ", 37);
	back = op_load(op_shared, (const char *const *)ovr, 2);
	for (size_t q = 0; q < 2; q++) {
		const struct pool_spec *ps = &back->pools[q];
		struct roster_spec spec = { ps->shifts, ps->n_shifts, ps->shrinkage };
		struct roster *r = roster_new(&spec, &err);

		assert_int_equal(ps->n_shifts, q == 0 ? 167 : 168);
		for (size_t h = 0; h < HOURS_PER_WEEK; h++)
			assert_int_equal(roster_on_duty(r, WEEK_S + 3600.0 * h + 1234.5),
					 p->on_duty[q * HOURS_PER_WEEK + h]);
		assert_seconds_near(optimise_rostered_hours(sc, p, q),
				    scenario_pool_fte(ps) * ps->hours_per_week, 1e-9);
		roster_free(r);
		free(ovr[q]);
	}
	scenario_free(back);
	optimise_plan_free(p);
	scenario_free(sc);
}

/* Hours below the goal go up by one; with none below (an uncertain
 * verdict) the worst hour does; nothing passes max_staff. */
static void test_optimise_raise(void **state)
{
	struct scenario *sc = op_load(op_stationary, NULL, 0);
	bool chosen[1] = { true }, met[1] = { false };
	double sl[HOURS_PER_WEEK];
	struct sim_err err;
	struct optimise_plan *p;
	int base;

	(void)state;
	sim_err_clear(&err);
	p = optimise_plan_new(sc, chosen, 500, &err);
	base = p->on_duty[0];
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		sl[h] = 0.85 + 0.0001 * (double)h;
	sl[5] = 0.7;
	sl[77] = 0.7985;
	sl[100] = NAN;       /* no calls in that hour: no evidence either way */
	assert_int_equal(optimise_plan_raise(p, sc, sl, met), 2);
	assert_int_equal(p->on_duty[5], base + 1);
	assert_int_equal(p->on_duty[77], base + 1);
	assert_int_equal(p->on_duty[6], base);
	sl[5] = sl[77] = 0.9;
	assert_int_equal(optimise_plan_raise(p, sc, sl, met), 1);
	assert_int_equal(p->on_duty[0], base + 1);   /* 0.85, the lowest */
	met[0] = true;
	assert_int_equal(optimise_plan_raise(p, sc, sl, met), 0);
	met[0] = false;
	p->max_staff = base + 1;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		p->on_duty[h] = base + 1;
	assert_int_equal(optimise_plan_raise(p, sc, sl, met), 0);
	optimise_plan_free(p);
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_optimise_rostered_matches_roster),
		cmocka_unit_test(test_optimise_plan_is_erlang_a_per_hour),
		cmocka_unit_test(test_optimise_hourly_follows_profile),
		cmocka_unit_test(test_optimise_rosters_load_back),
		cmocka_unit_test(test_optimise_raise),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
