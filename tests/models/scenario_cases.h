/* scenario_cases.h: the scenarios and helpers the loader's tests share
 * (test_scenario.c, test_scenario_response.c, test_scenario_ranges.c).
 *
 * Bad inputs are given as text, each checked for the exact position and
 * key path that opens its problem line ("t.yaml:6:48: lines.999.handle.sd")
 * and for a fragment saying what is wrong, because those two things are
 * what a planner reads to fix a file. The helpers are static inline: each
 * test file uses some of them. */
#ifndef TESTS_MODELS_SCENARIO_CASES_H
#define TESTS_MODELS_SCENARIO_CASES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
static inline enum sim_status load(const char *path, const char *text,
			    const char *const *ovr, size_t n_ovr,
			    struct scenario **sc, struct sim_err *err)
{
	struct scenario_source src = {path, text, text ? strlen(text) : 0,
				      ovr, n_ovr, NULL};

	sim_err_clear(err);
	return scenario_load(&src, sc, err);
}

/* Asserts that some problem line starts with prefix and contains frag. */
static inline void assert_problem(const struct sim_err *err, const char *prefix,
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
static inline void expect_bad(const char *text, const char *prefix, const char *frag)
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
static inline void expect_bad_set(const char *text, const char *set,
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
static inline struct scenario *expect_good(const char *path, const char *text,
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



struct bad_case {
	const char *text;
	const char *prefix;          /* exact start of the problem line */
	const char *frag;            /* a distinctive part of the message */
};

static inline void run_bad_case(void **state)
{
	const struct bad_case *c = *state;

	expect_bad(c->text, c->prefix, c->frag);
}


#define BAD(c) {#c, run_bad_case, NULL, NULL, (void *)&c}


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

#endif
