/* test_optimise.c: the optimiser's plan — rostering rounded as the roster
 * rounds, Erlang A per hour on a stationary line, hourly rates from a
 * profile, the primary pool of a shared line, rosters that load back to the
 * plan, the raise step and the raise for deferrable work — and its units
 * plan: the workload per area,
 * the M/M/c need, the first guess, overrides that load back, and the raise
 * and lower steps. */
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
	struct roster_spec spec = { &sh, 1, shrinkage, 0 };
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
		struct roster_spec spec = { ps->shifts, ps->n_shifts, ps->shrinkage, 0 };
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
 * verdict) the worst hour does, or the worst few when asked; nothing
 * passes max_staff. */
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
	assert_int_equal(optimise_plan_raise(p, sc, sl, met, NULL), 2);
	assert_int_equal(p->on_duty[5], base + 1);
	assert_int_equal(p->on_duty[77], base + 1);
	assert_int_equal(p->on_duty[6], base);
	sl[5] = sl[77] = 0.9;
	assert_int_equal(optimise_plan_raise(p, sc, sl, met, NULL), 1);
	assert_int_equal(p->on_duty[0], base + 1);   /* 0.85, the lowest */
	/* Short by three hours (a line judged per hour): the three lowest
	 * go up, each once. */
	assert_int_equal(optimise_plan_raise(p, sc, sl, met,
					     (size_t[]){ 3 }), 3);
	assert_int_equal(p->on_duty[0], base + 2);
	assert_int_equal(p->on_duty[1], base + 1);
	assert_int_equal(p->on_duty[2], base + 1);
	assert_int_equal(p->on_duty[3], base);
	met[0] = true;
	assert_int_equal(optimise_plan_raise(p, sc, sl, met, NULL), 0);
	met[0] = false;
	p->max_staff = base + 1;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		p->on_duty[h] = base + 1;
	assert_int_equal(optimise_plan_raise(p, sc, sl, met, NULL), 0);
	optimise_plan_free(p);
	scenario_free(sc);
}

/* The stationary line's room also takes Live Chat: 12.7 items an hour of
 * 600 s each, 2.1167 Erlangs on top of the calls' 7.155. */
static const char op_chat[] =
	"deferrable:\n"
	"  - name: chat\n"
	"    volume: {per_hour: 12.7}\n"
	"    handle: {dist: exponential, mean: 600}\n"
	"    answer: {within_h: 0.1, goal: 0.9}\n"
	"    pool: handlers\n";

/* Deferrable work: its items hour by hour, its work in the pool's load,
 * and the raise of the pool's hours where an item is likeliest to find
 * every handler busy — nobody on duty first, then Erlang C — each hour
 * once a call, none past max_staff or without load. Fails before the
 * plan had a load or a stream's raise. */
static void test_optimise_raise_pool(void **state)
{
	char text[2048];
	struct scenario *sc;
	bool chosen[1] = { true };
	double items[HOURS_PER_WEEK], calls = 95.4 * 270 / 3600.0;
	struct sim_err err;
	struct optimise_plan *p;

	(void)state;
	snprintf(text, sizeof text, "%s%s", op_stationary, op_chat);
	sc = op_load(text, NULL, 0);
	sim_err_clear(&err);
	assert_int_equal(optimise_stream_hourly(sc, 0, items, &err), SIM_OK);
	p = optimise_plan_new(sc, chosen, 500, &err);
	assert_non_null(p);
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		assert_seconds_near(items[h], 12.7, 1e-9);
		assert_seconds_near(p->load[h], calls + 12.7 * 600 / 3600.0, 1e-9);
		p->on_duty[h] = 20;
	}
	p->on_duty[5] = 11;
	p->on_duty[77] = 10;
	p->on_duty[100] = 0;
	assert_true(erlang_c(10, p->load[77]) > erlang_c(11, p->load[5]));
	assert_int_equal(optimise_plan_raise_pool(p, 0, 3), 3);
	/* Nobody under 9.27 Erlangs: at once as many as the load. */
	assert_int_equal(p->on_duty[100], 10);
	assert_int_equal(p->on_duty[77], 11);
	assert_int_equal(p->on_duty[5], 12);
	assert_int_equal(p->on_duty[0], 20);
	/* Nine handlers under 9.27 Erlangs are overloaded: still the
	 * busiest, and raised to the load; ten are not, and get one. */
	p->on_duty[100] = 9;
	assert_int_equal(optimise_plan_raise_pool(p, 0, 1), 1);
	assert_int_equal(p->on_duty[100], 10);
	assert_int_equal(optimise_plan_raise_pool(p, 0, 1), 1);
	assert_int_equal(p->on_duty[100], 11);
	/* An hour without load is never raised, even with nobody on duty;
	 * ties go to the earlier hour (the loads made exactly equal). */
	for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
		p->on_duty[h] = 20;
		p->load[h] = 9.2385;
	}
	p->on_duty[3] = p->on_duty[4] = 0;
	p->load[3] = 0;
	assert_int_equal(optimise_plan_raise_pool(p, 0, 2), 2);
	assert_int_equal(p->on_duty[3], 0);
	assert_int_equal(p->on_duty[4], 10);
	assert_int_equal(p->on_duty[0], 21);
	assert_int_equal(p->on_duty[1], 20);
	/* At max_staff everywhere (hour 3 has no load): nothing to do. */
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		p->on_duty[h] = h == 3 ? 0 : 20;
	p->max_staff = 20;
	assert_int_equal(optimise_plan_raise_pool(p, 0, 5), 0);
	optimise_plan_free(p);
	scenario_free(sc);
}

/* Two areas, two graded grades; response units on three 8 h shifts that
 * never overlap, PCSOs sharing the routine work in North, neighbourhood
 * officers who never count. */
static const char op_response[] =
	"name: units\n"
	"run: {days: 7, warmup_hours: 24, replications: 4, seed: 2385}\n"
	"lines:\n"
	"  - name: \"999\"\n"
	"    volume: {per_hour: 41.3}\n"
	"    handle: {dist: exponential, mean: 150}\n"
	"    answer: {within_s: 10, goal: 0.8}\n"
	"    incidents: {urgent: 0.3, routine: 0.25}\n"
	"pools:\n"
	"  - name: handlers\n"
	"    serves: [\"999\"]\n"
	"    shifts: [{name: all, start: \"00:00\", hours: 24, staff: 5}]\n"
	"grades:\n"
	"  - name: urgent\n"
	"    attend: {within_s: 900, goal: 0.85}\n"
	"    delay: {dist: lognormal, mean: 120, sd: 40}\n"
	"    travel: {dist: lognormal, mean: 360, sd: 120}\n"
	"    on_scene: {dist: lognormal, mean: 1800, sd: 900}\n"
	"  - name: routine\n"
	"    attend: {within_s: 3600, goal: 0.8}\n"
	"    delay: {dist: lognormal, mean: 7380, sd: 300}\n"
	"    travel: {dist: lognormal, mean: 600, sd: 200}\n"
	"    on_scene: {dist: lognormal, mean: 2400, sd: 1200}\n"
	"areas:\n"
	"  - {name: North, share: 0.62, neighbours: [South]}\n"
	"  - {name: South, share: 0.38, travel_factor: 1.2}\n"
	"roles:\n"
	"  - {name: response, attends: [urgent, routine]}\n"
	"  - {name: pcso, attends: [routine]}\n"
	"  - {name: hood, neighbourhood: true}\n"
	"units:\n"
	"  - area: North\n"
	"    role: response\n"
	"    crew: 2\n"
	"    shrinkage: 0.2\n"
	"    shifts:\n"
	"      - {name: early, start: \"06:00\", hours: 8, staff: 5}\n"
	"      - {name: late, start: \"14:00\", hours: 8, staff: 7}\n"
	"      - {name: night, start: \"22:00\", hours: 8, staff: 4}\n"
	"  - area: South\n"
	"    role: response\n"
	"    crew: 2\n"
	"    shrinkage: 0.2\n"
	"    shifts:\n"
	"      - {name: early, start: \"06:00\", hours: 8, staff: 3}\n"
	"      - {name: late, start: \"14:00\", hours: 8, staff: 4}\n"
	"      - {name: night, start: \"22:00\", hours: 8, staff: 2}\n"
	"  - {area: North, role: pcso, shifts: [{name: day, start: \"08:00\", "
	"hours: 8, staff: 2}]}\n"
	"  - {area: North, role: hood, shifts: [{name: day, start: \"08:00\", "
	"hours: 8, staff: 2}]}\n";

/* The plan of op_response with the default roles, at the file's staff. */
static struct optimise_units *op_units(const struct scenario *sc)
{
	bool roles[3];
	struct sim_err err;
	struct optimise_units *u;

	sim_err_clear(&err);
	optimise_units_roles(sc, roles);
	assert_true(roles[0] && !roles[1] && !roles[2]);
	u = optimise_units_new(sc, roles, 50, &err);
	assert_non_null(u);
	return u;
}

/* The work of each area: the line's incidents by grade, shared by area,
 * busy for travel (times the area's factor) and time on scene; PCSOs take
 * a part of North's routine work in proportion to their mean units. */
static void test_optimise_units_workload(void **state)
{
	struct scenario *sc = op_load(op_response, NULL, 0);
	struct optimise_units *u = op_units(sc);
	/* North: response 16 units x 8 h a day, PCSOs 2 x 8 h. */
	double part = (16.0 * 8) / (16.0 * 8 + 2 * 8), per_s = 41.3 / 3600;

	(void)state;
	assert_true(u->chosen[0] && u->chosen[1] && !u->chosen[2] && !u->chosen[3]);
	assert_int_equal(u->first[2], 6);
	assert_int_equal(u->staff[4], 4);
	for (size_t h = 0; h < HOURS_PER_WEEK; h += 13) {
		assert_seconds_near(u->top_rate[h], per_s * 0.62 * 0.3, 1e-12);
		assert_seconds_near(u->rate[h], per_s * 0.62 * (0.3 + 0.25 * part),
				    1e-12);
		assert_seconds_near(u->load[h], per_s * 0.62 * (0.3 * 2160
				    + 0.25 * part * 3000), 1e-9);
		assert_seconds_near(u->load[HOURS_PER_WEEK + h], per_s * 0.38
				    * (0.3 * (1.2 * 360 + 1800)
				       + 0.25 * (1.2 * 600 + 2400)), 1e-9);
	}
	/* Units on duty after shrinkage 0.2, rounded half up: 7 -> 6, 5 -> 4. */
	assert_int_equal(optimise_units_on_duty(u, sc, 0, 24 * 2 + 15), 6);
	assert_int_equal(optimise_units_on_duty(u, sc, 0, 24 * 6 + 6), 4);
	assert_int_equal(optimise_units_on_duty(u, sc, 1, 23), 2);
	optimise_units_free(u);
	scenario_free(sc);
}

/* The need of one hour: utilisation at most 0.85, then the M/M/c wait of
 * the first grade within the slack with the goal's probability. */
static void test_optimise_units_needed(void **state)
{
	double load = 7.23, rate = 7.23 / 2000, top = rate * 0.41;
	int c = optimise_units_needed(load, rate, top, 420, 0.85, 200);

	(void)state;
	assert_int_equal(optimise_units_needed(0, 0, 0, 420, 0.85, 200), 0);
	assert_int_equal(optimise_units_needed(17.385, 0.01, 0, 420, 0.85, 200),
			 21);
	/* No slack left: utilisation alone. */
	assert_int_equal(optimise_units_needed(17.385, 0.01, 0.004, -3, 0.85,
					       200), 21);
	assert_true(c >= 9 && c < 30);
	assert_true(1 - erlang_c(c, load) * exp(-(c * rate / load - top) * 420)
		    >= 0.85);
	assert_true(load / (c - 1) > 0.85
		    || 1 - erlang_c(c - 1, load)
		       * exp(-((c - 1) * rate / load - top) * 420) < 0.85);
	assert_int_equal(optimise_units_needed(load, rate, top, 420, 0.85, c - 1),
			 -1);
}

/* Shifts that never overlap: the first guess rosters on each exactly the
 * least units whose on-duty count meets the hour's need; PCSO and
 * neighbourhood rosters are left alone. */
static void test_optimise_units_estimate(void **state)
{
	struct scenario *sc = op_load(op_response, NULL, 0);
	struct optimise_units *u = op_units(sc);

	(void)state;
	optimise_units_estimate(u, sc);
	for (size_t a = 0; a < 2; a++) {
		double slack = 900 - 360 * (a ? 1.2 : 1) - 120;
		size_t i = a * HOURS_PER_WEEK + 40;
		int need = optimise_units_needed(u->load[i], u->rate[i],
						 u->top_rate[i], slack, 0.85, 1000);

		assert_true(need >= 3);
		for (size_t k = 0; k < 3; k++)
			assert_int_equal(u->staff[a * 3 + k],
					 optimise_rostered(need, 0.2));
	}
	assert_int_equal(u->staff[6], 2);
	assert_int_equal(u->staff[7], 2);
	assert_false(u->capped);
	/* A cap below the need caps the shifts, and says so. */
	u->max_units = 3;
	optimise_units_estimate(u, sc);
	assert_int_equal(u->staff[1], 3);
	assert_true(u->capped);
	optimise_units_free(u);
	scenario_free(sc);
}

/* The edit of every chosen shift (its path, the plan's staff), spelt as
 * --set spells it, loads back to the plan's staff; a staff of 100 is
 * written whole. */
static void test_optimise_units_overrides_load_back(void **state)
{
	struct scenario *sc = op_load(op_response, NULL, 0), *back;
	struct optimise_units *u = op_units(sc);
	char *ovr[6];

	(void)state;
	u->staff[1] = 17;
	u->staff[4] = 0;
	u->staff[5] = 100;
	for (size_t i = 0; i < 6; i++) {
		struct scenario_edit e = {
			optimise_units_path(sc, i / 3, i % 3), NULL,
			u->staff[u->first[i / 3] + i % 3], "--set"
		};

		assert_non_null(e.path);
		ovr[i] = scenario_edit_text(&e);
		free((char *)e.path);
	}
	assert_string_equal(ovr[4], "units.1.shifts.late.staff=0");
	assert_string_equal(ovr[1], "units.0.shifts.late.staff=17");
	assert_string_equal(ovr[5], "units.1.shifts.night.staff=100");
	back = op_load(op_response, (const char *const *)ovr, 6);
	for (size_t i = 0; i < 6; i++) {
		assert_int_equal(back->units[i / 3].shifts[i % 3].staff, u->staff[i]);
		free(ovr[i]);
	}
	assert_seconds_near(scenario_unit_fte(back, &back->units[0]),
			    (5 + 17 + 4) * 2 * 8 * 7 / 40.0, 1e-9);
	scenario_free(back);
	optimise_units_free(u);
	scenario_free(sc);
}

/* A grade that misses gets one unit in its worst area, on the shift with
 * the most work per unit on duty; nothing passes max_units. */
static void test_optimise_units_raise(void **state)
{
	struct scenario *sc = op_load(op_response, NULL, 0);
	struct optimise_units *u = op_units(sc);
	bool met[2] = { false, true };
	/* [area][grade]: South is worse at urgent, North at routine. */
	double wt[4] = { 0.8, 0.9, 0.7, 0.95 };

	(void)state;
	/* South on duty: early 3 -> 2, late 4 -> 3, night 2 -> 2; the flat
	 * load weighs most on early and night, and early comes first. */
	assert_int_equal(optimise_units_raise(u, sc, met, wt), 1);
	assert_int_equal(u->staff[3], 4);
	/* Both grades worst in North (on duty early 5 -> 4, late 7 -> 6,
	 * night 4 -> 3): urgent raises night to 5 (4 on duty), then routine
	 * finds early and night alike and raises early. */
	met[0] = met[1] = false;
	wt[2] = NAN;         /* no urgent incidents in South: North is worse */
	assert_int_equal(optimise_units_raise(u, sc, met, wt), 2);
	assert_int_equal(u->staff[2], 5);
	assert_int_equal(u->staff[0], 6);
	assert_int_equal(u->staff[1], 7);
	met[0] = met[1] = true;
	assert_int_equal(optimise_units_raise(u, sc, met, wt), 0);
	met[0] = false;
	u->max_units = 7;
	for (size_t i = 0; i < 6; i++)
		u->staff[i] = 7;
	assert_int_equal(optimise_units_raise(u, sc, met, wt), 0);
	optimise_units_free(u);
	scenario_free(sc);
}

/* The area with the widest margin loses the unit it misses least; done
 * areas are skipped; with nothing left to lose, -1. */
static void test_optimise_units_lower(void **state)
{
	struct scenario *sc = op_load(op_response, NULL, 0);
	struct optimise_units *u = op_units(sc);
	/* Margins: North min(0.10, 0.19), South min(0.03, 0.17). */
	double wt[4] = { 0.95, 0.99, 0.88, 0.97 };
	bool done[2] = { false, false };

	(void)state;
	/* North without one: early 4 -> 3, late 6 -> 5, night 3 -> 2. */
	assert_int_equal(optimise_units_lower(u, sc, wt, done), 0);
	assert_int_equal(u->staff[1], 6);
	done[0] = true;
	/* South without one: early 2 -> 2, late 3 -> 2, night 2 -> 1. */
	assert_int_equal(optimise_units_lower(u, sc, wt, done), 1);
	assert_int_equal(u->staff[3], 2);
	done[1] = true;
	assert_int_equal(optimise_units_lower(u, sc, wt, done), -1);
	done[0] = done[1] = false;
	for (size_t i = 0; i < 6; i++)
		u->staff[i] = 0;
	assert_int_equal(optimise_units_lower(u, sc, wt, done), -1);
	optimise_units_free(u);
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
		cmocka_unit_test(test_optimise_raise_pool),
		cmocka_unit_test(test_optimise_units_workload),
		cmocka_unit_test(test_optimise_units_needed),
		cmocka_unit_test(test_optimise_units_estimate),
		cmocka_unit_test(test_optimise_units_overrides_load_back),
		cmocka_unit_test(test_optimise_units_raise),
		cmocka_unit_test(test_optimise_units_lower),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
