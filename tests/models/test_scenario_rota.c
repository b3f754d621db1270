/* test_scenario_rota.c: a pool's rota as the loader reads it
 * (models/scenario_rota.c) and the run's roster built from it as
 * contact_centre.c builds it (roster_new_rota): the on-duty count of each
 * named UK pattern against tables worked out by hand, at every quarter
 * hour for two of the periods in which cycle and week come round; an
 * uneven stagger with offsets and a start date after the run's, against
 * the days each team works listed by hand; FTE and cost from people in
 * post; and each problem refused at its position with its message. A
 * response unit roster's rota likewise, in units, its FTE the officers in
 * post. */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "models/roster.h"
#include "models/scenario.h"
#include "models/scenario_rota.h"
#include "models/week.h"

#define HEAD "name: t\nrun: {days: 7, replications: 3, " \
	     "start_date: \"2024-04-01\"}\nlines:\n" \
	     "  - name: \"999\"\n    volume: {per_hour: 10}\n" \
	     "    handle: {dist: exponential, mean: 200}\n" \
	     "    answer: {within_s: 10}\n" \
	     "pools:\n  - name: p\n    serves: [\"999\"]\n" \
	     "    cost_per_fte: 40000\n"
/* Line 12 holds "    rota:" (or shifts:). */

static struct scenario *load(const char *text, struct sim_err *err)
{
	struct scenario_source src = {"t.yaml", text, strlen(text), NULL, 0,
				      NULL};
	struct scenario *sc = NULL;

	sim_err_clear(err);
	scenario_load(&src, &sc, err);
	return sc;
}

static struct scenario *load_ok(const char *text)
{
	struct sim_err err;
	struct scenario *sc = load(text, &err);

	if (sc == NULL)
		fail_msg("refused:\n%s", err.text);
	return sc;
}

/* The run's roster of pool 0 (or of a unit's rota), at every quarter hour
 * of 140 days, against want(day, hour) teams on duty times per_team. */
static void check_spec(const struct rota_spec *spec,
		       int (*want)(long day, int quarter), int per_team)
{
	struct sim_err err;
	struct roster *r;

	sim_err_clear(&err);
	r = roster_new_rota(spec, 0, &err);
	assert_non_null(r);
	for (long q = 0; q < 140 * 96; q++)
		if (roster_on_duty(r, q * 900.0) != want(q / 96, (int)(q % 96)) *
		    per_team)
			fail_msg("day %ld %02d:%02d: %d on duty, want %d", q / 96,
				 (int)(q % 96) / 4, (int)(q % 4) * 15,
				 roster_on_duty(r, q * 900.0),
				 want(q / 96, (int)(q % 96)) * per_team);
	roster_free(r);
}

/* 6on4off, five teams: one each on E 07-17, L 14-24, N 22-08 every day. */
static int six_on(long day, int q)
{
	static const int hours[24] = {1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1,
				      1, 2, 2, 2, 1, 1, 1, 1, 1, 2, 2};

	(void)day;
	return hours[q / 4];
}

/* 3x3x3, 2x2x2 (8 h from 06:00) and 4on4off (12 h from 07:00) with four
 * teams: every day one team on each shift, the shifts end to end. */
static int one_team(long day, int q)
{
	(void)day;
	(void)q;
	return 1;
}

static void test_named_patterns(void **state)
{
	static const char *const named[] = {"6on4off", "3x3x3", "4on4off",
					    "2x2x2"};
	static const int teams[] = {5, 4, 4, 4};
	char text[2048];

	(void)state;
	for (int i = 0; i < 4; i++) {
		struct scenario *sc;

		snprintf(text, sizeof text, HEAD "    rota: {pattern: %s, "
			 "teams: %d, per_team: 7}\n", named[i], teams[i]);
		sc = load_ok(text);
		check_spec(&sc->pools[0].rota->spec,
			   i == 0 ? six_on : one_team, 7);
		assert_seconds_near(scenario_pool_fte(&sc->pools[0]),
				    7.0 * teams[i], 0);
		assert_seconds_near(scenario_pool_cost(&sc->pools[0]),
				    7.0 * teams[i] * 40000, 0);
		scenario_free(sc);
	}
}

/* 6on4off, four teams at offsets 0, 2, 5, 7, the cycle starting on run
 * day 2. Worked by hand: on cycle day c the teams are at c, c+2, c+5,
 * c+7 (mod 10) of E,E,L,L,N,N,R,R,R,R, so these cycle days have a team
 * on each shift: */
static const int hand_e[10] = {1, 1, 0, 1, 1, 1, 1, 0, 1, 1};
static const int hand_l[10] = {1, 1, 1, 1, 0, 1, 1, 1, 1, 0};
static const int hand_n[10] = {1, 0, 1, 1, 1, 1, 0, 1, 1, 1};

static int uneven(long day, int q)
{
	int c = (int)(((day - 2) % 10 + 10) % 10), prev = (c + 9) % 10;
	int h = q / 4;

	return (h >= 7 && h < 17 ? hand_e[c] : 0) +
	       (h >= 14 ? hand_l[c] : 0) + (h >= 22 ? hand_n[c] : 0) +
	       (h < 8 ? hand_n[prev] : 0);
}

static void test_offsets_and_start(void **state)
{
	struct scenario *sc;

	(void)state;
	sc = load_ok(HEAD "    rota:\n      pattern: \"E, E, L, L, N, N, R, R, "
		     "R, R\"\n      shifts:\n"
		     "        - {name: E, start: \"07:00\", hours: 10}\n"
		     "        - {name: L, start: \"14:00\", end: \"24:00\"}\n"
		     "        - {name: N, start: \"22:00\", end: \"32:00\"}\n"
		     "      teams: 4\n      per_team: 3\n"
		     "      offsets: [0, 2, 5, 7]\n"
		     "      start: \"2024-04-03\"\n");
	assert_int_equal(sc->pools[0].rota->spec.start_day, 2);
	assert_string_equal(sc->pools[0].rota->pattern, "E,E,L,L,N,N,R,R,R,R");
	check_spec(&sc->pools[0].rota->spec, uneven, 3);
	assert_seconds_near(scenario_pool_fte(&sc->pools[0]), 12, 0);
	scenario_free(sc);
}

/* Each problem: the position, the key path and what to do. */
static void expect_problem(const char *rota, const char *where,
			   const char *frag)
{
	char text[2048];
	struct sim_err err;
	struct scenario *sc;

	snprintf(text, sizeof text, HEAD "%s", rota);
	sc = load(text, &err);
	assert_null(sc);
	if (strncmp(err.text, where, strlen(where)) != 0 ||
	    !strstr(err.text, frag))
		fail_msg("wanted '%s ... %s', got:\n%s", where, frag, err.text);
}

#define SHIFTS "      shifts: [{name: E, start: \"07:00\", hours: 10}, " \
	       "{name: L, start: \"14:00\", hours: 10}]\n"

static void test_problems(void **state)
{
	(void)state;
	expect_problem("    shifts: [{name: d, start: \"07:00\", hours: 9, "
		       "staff: 2}]\n    rota: {pattern: 6on4off, teams: 5, "
		       "per_team: 1}\n", "t.yaml:13:11: pools.p.rota: ",
		       "both shifts and rota are given; give one");
	expect_problem("    shrinkage: 0\n", "t.yaml:9:5: pools.p: ",
		       "missing key 'shifts'; give the roster: a list of "
		       "shifts such as");
	expect_problem("    rota:\n      pattern: \"E,X,R\"\n" SHIFTS
		       "      teams: 3\n      per_team: 1\n",
		       "t.yaml:13:16: pools.p.rota.pattern: ",
		       "unknown shift 'X' (day 2 of the pattern); allowed: the "
		       "rota's shifts E, L; R, rest or off");
	expect_problem("    rota:\n      pattern: \"L,E,R\"\n" SHIFTS
		       "      teams: 3\n      per_team: 1\n",
		       "t.yaml:13:16: pools.p.rota.pattern: ",
		       "day 1 (L, ends 00:00) and day 2 (E, starts 07:00) leave "
		       "7 h of rest; the Working Time Regulations require at "
		       "least 11 h");
	expect_problem("    rota:\n      pattern: \"R,E,E,E,L,L,L,L\"\n" SHIFTS
		       "      teams: 4\n      per_team: 1\n",
		       "t.yaml:13:16: pools.p.rota.pattern: ",
		       "days 2 to 8 are 7 shifts in a row; the Working Time "
		       "Regulations allow at most 6");
	expect_problem("    rota:\n      pattern: \"E,E,R\"\n      teams: 3\n"
		       "      per_team: 1\n", "t.yaml:13:7: pools.p.rota: ",
		       "missing key 'shifts'; give the shifts the pattern names");
	expect_problem("    rota:\n      pattern: \"R,R\"\n      shifts: [{name: "
		       "R, start: \"07:00\", hours: 8}]\n      teams: 1\n"
		       "      per_team: 1\n",
		       "t.yaml:14:16: pools.p.rota.shifts.R: ",
		       "'R' is how the pattern writes a rest day");
	expect_problem("    rota: {pattern: 6on4off, teams: 3, per_team: 1}\n",
		       "t.yaml:12:37: pools.p.rota.teams: ",
		       "3 teams cannot be staggered evenly over a cycle of 10 "
		       "days; give each team's offset");
	expect_problem("    rota: {pattern: 6on4off, teams: 2, per_team: 1, "
		       "offsets: [0]}\n", "t.yaml:12:62: pools.p.rota.offsets: ",
		       "gives 1 offsets for 2 teams");
	expect_problem("    rota: {pattern: 6on4off, teams: 2, per_team: 1, "
		       "offsets: [0, 10]}\n",
		       "t.yaml:12:62: pools.p.rota.offsets: ",
		       "team 2's offset 10 is not below the cycle's 10 days");
}

/* The response of a unit test scenario, with unit 0's roster as given. */
#define UNITS HEAD "    shifts: [{name: d, start: \"00:00\", hours: 24, " \
	"staff: 2}]\ngrades:\n  - name: emergency\n" \
	"    attend: {within_s: 900}\n" \
	"    travel: {dist: exponential, mean: 400}\n" \
	"    on_scene: {dist: exponential, mean: 1200}\n" \
	"areas: [{name: A, share: 1}]\nroles:\n" \
	"  - {name: response, attends: [emergency], cost_per_fte: 60000, " \
	"hours_per_week: 40}\nunits:\n  - area: A\n    role: response\n" \
	"    crew: 2\n"
/* Line 25 holds unit 0's first roster key (rota: or shifts:). */

/* A unit roster on a rota: the same cycle in units, FTE the officers in
 * post, and the same refusals at units.0.rota. */
static void test_unit_rota(void **state)
{
	struct scenario *sc;
	struct sim_err err;

	(void)state;
	sc = load_ok(UNITS "    rota: {pattern: 6on4off, teams: 5, "
		     "per_team: 2}\n");
	assert_null(sc->units[0].shifts);
	check_spec(&sc->units[0].rota->spec, six_on, 2);
	assert_seconds_near(scenario_unit_fte(sc, &sc->units[0]), 20, 0);
	assert_seconds_near(scenario_unit_cost(sc, &sc->units[0]),
			    20 * 60000, 0);
	scenario_free(sc);
	sc = load(UNITS "    shifts: [{name: d, start: \"07:00\", hours: 9, "
		  "staff: 2}]\n    rota: {pattern: 6on4off, teams: 5, "
		  "per_team: 1}\n", &err);
	assert_null(sc);
	assert_non_null(strstr(err.text, "t.yaml:26:11: units.0.rota: both "
				"shifts and rota are given"));
	sc = load(UNITS "    shrinkage: 0\n", &err);
	assert_null(sc);
	assert_non_null(strstr(err.text, "t.yaml:22:5: units.0: missing key "
				"'shifts'; give the roster"));
	sc = load(UNITS "    rota:\n      pattern: \"L,E,R\"\n" SHIFTS
		  "      teams: 3\n      per_team: 1\n", &err);
	assert_null(sc);
	assert_non_null(strstr(err.text, "t.yaml:26:16: units.0.rota.pattern: "
				"day 1 (L, ends 00:00) and day 2 (E, starts "
				"07:00) leave 7 h of rest"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_named_patterns),
		cmocka_unit_test(test_offsets_and_start),
		cmocka_unit_test(test_problems),
		cmocka_unit_test(test_unit_rota),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
