/* test_scenario_response.c: the incident response part of a scenario:
 * grades, areas, roles, units and dispatch, and the rules between them.
 * Tests run from the source root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/models/scenario_cases.h"

/* ------------------------------------------------------------------ */
/* Incident response                                                   */


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
					 b->units[i].shrinkage, 0};
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


int main(void)
{
	const struct CMUnitTest tests[] = {
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
