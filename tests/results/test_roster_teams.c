/* test_roster_teams.c: a pool already on a rota rostered as teams of one
 * size (results/roster_teams.h), against brute force. The rota is 2x2x2
 * (E 06-14, L 14-22, N 22-06; 8 days, so the programme spans the 56 days
 * in which it meets the week again); the requirement, with no
 * shrinkage, is 0..2 on duty in each hour of the week from a fixed
 * sequence. Every team size of 1 or 2 and every number of teams 0..2 on
 * each of the 8 start days is tried, its on-duty count taken from
 * models/rota.h (rota_table, the run's own count, not the programme's);
 * the search must find the least people, and among those the fewest
 * teams. With the scenario's own teams kept (--keep-shape), only the
 * people in each team change: four teams two days apart need the most
 * hour's requirement in each. The rota written back reads as the
 * scenario's rota key. */
#include "test_support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/week.h"
#include "results/roster_plan.h"

#define DAYS 8
#define SPAN (56 * 24)

static const struct shift_spec shifts[] = {
	{ "E", 6 * HOUR_S, 8 * HOUR_S, 0x7fu, 0 },
	{ "L", 14 * HOUR_S, 8 * HOUR_S, 0x7fu, 0 },
	{ "N", 22 * HOUR_S, 8 * HOUR_S, 0x7fu, 0 },
};
static const struct rota_shift rshifts[] = {
	{ "E", 6 * HOUR_S, 8 * HOUR_S }, { "L", 14 * HOUR_S, 8 * HOUR_S },
	{ "N", 22 * HOUR_S, 8 * HOUR_S },
};
static int days[DAYS] = { 0, 0, 1, 1, 2, 2, ROTA_REST, ROTA_REST };
static size_t own_offsets[4] = { 0, 2, 4, 6 };

/* The scenario's rota: four teams of 3, two days apart. */
static struct scenario_rota own_rota(void)
{
	struct scenario_rota r = { 0 };

	r.pattern = (char *)"2x2x2";
	r.shifts = (struct shift_spec *)shifts;
	r.n_shifts = 3;
	r.teams = 4;
	r.per_team = 3;
	r.offsets = own_offsets;
	r.n_offsets = 4;
	r.rshifts = (struct rota_shift *)rshifts;
	r.days = days;
	r.spec = (struct rota_spec){ rshifts, 3, days, DAYS, 4, own_offsets, 3,
				     0 };
	return r;
}

/* Whether teams of per_team at offsets[n] put need[] on duty in every
 * hour of the 56 days. */
static bool covers(const int *need, const size_t *offsets, size_t n,
		   int per_team)
{
	struct rota_spec r = { rshifts, 3, days, DAYS, n, offsets, per_team, 0 };
	static int on[SPAN];

	if (n == 0)
		memset(on, 0, sizeof on);
	else
		rota_table(&r, 0, HOUR_S, SPAN, on);
	for (size_t t = 0; t < SPAN; t++)
		if (on[t] < need[t % HOURS_PER_WEEK])
			return false;
	return true;
}

/* The least people, then the fewest teams, by trying every team size
 * 1..2 and every 0..2 teams on each start day. */
static void brute(const int *need, int *people, int *teams)
{
	*people = *teams = 1 << 30;
	for (int k = 1; k <= 2; k++)
		for (int code = 0; code < 6561; code++) {   /* 3^8 */
			size_t offsets[2 * DAYS], n = 0;

			for (int o = 0, c = code; o < DAYS; o++, c /= 3)
				for (int i = 0; i < c % 3; i++)
					offsets[n++] = (size_t)o;
			if ((int)n * k > *people
			    || ((int)n * k == *people && (int)n >= *teams)
			    || !covers(need, offsets, n, k))
				continue;
			*people = (int)n * k, *teams = (int)n;
		}
}

static struct roster_plan *plan(struct scenario_rota *r, bool keep)
{
	struct roster_plan_own o = { "pool p", "pools.p", shifts, 3, 0, r, 0 };
	struct roster_shape shape = { 3600, NULL, 0, NULL, 0, false, keep, 10,
				      NULL };
	struct roster_plan *p;
	struct sim_err err;

	sim_err_clear(&err);
	if (roster_plan_new_own(&o, &shape, 500, &p, &err) != SIM_OK)
		fail_msg("%s", err.text);
	return p;
}

static void test_roster_teams_brute_force(void **state)
{
	/* Percent of the hours needing 1, and 2. */
	static const unsigned share[4][2] = { { 2, 0 }, { 6, 0 }, { 20, 2 },
					      { 40, 10 } };
	struct scenario_rota r = own_rota();
	unsigned x = 12345;

	(void)state;
	for (int trial = 0; trial < 4; trial++) {
		int need[HOURS_PER_WEEK], people, teams;
		struct roster_plan *p = plan(&r, false);
		struct sim_err err;

		for (size_t h = 0; h < HOURS_PER_WEEK; h++) {
			unsigned pc;

			x = x * 1103515245u + 12345u;
			pc = (x >> 16) % 100;
			/* Sparse to dense, so that teams of 1 win some trials
			 * and teams of 2 others. */
			need[h] = pc < share[trial][1] ? 2
				  : pc < share[trial][0] + share[trial][1];
		}
		sim_err_clear(&err);
		assert_int_equal(roster_plan_solve(p, need, 10, &err), SIM_OK);
		brute(need, &people, &teams);
		assert_true(p->met && p->teams);
		assert_int_equal(roster_plan_people(p), people);
		assert_int_equal((int)p->n_teams, teams);
		assert_true(covers(need, p->team_offset, p->n_teams, p->per_team));
		/* 6 shifts of 8 h in 8 days: 42 h a week each. */
		assert_true(fabs(p->hours - 42.0 * people) < 1e-9);
		assert_true(roster_plan_fte(p, 37.5, false) == people);
		assert_true(roster_plan_fte(p, 37.5, true) <= people + 1e-9);
		roster_plan_free(p);
	}
}

static void test_roster_teams_kept_and_written(void **state)
{
	struct scenario_rota r = own_rota();
	struct roster_plan *p = plan(&r, true);
	int need[HOURS_PER_WEEK] = { 0 };
	struct sim_err err;
	char *text;

	(void)state;
	need[10] = 3;        /* Monday 10:00 */
	need[24 + 23] = 2;   /* Tuesday 23:00 */
	sim_err_clear(&err);
	assert_int_equal(roster_plan_solve(p, need, 10, &err), SIM_OK);
	/* Each Monday 10:00 of the 56 days has one of the four teams on its
	 * early: 3 in each team. */
	assert_true(p->met && p->keep);
	assert_int_equal(p->per_team, 3);
	assert_int_equal((int)p->n_teams, 4);
	assert_true(covers(need, p->team_offset, 4, 3));
	text = roster_plan_override(p);
	assert_string_equal(text, "pools.p.rota={pattern: \"2x2x2\", shifts: "
		"[{name: \"E\", start: \"06:00\", hours: 8}, {name: \"L\", "
		"start: \"14:00\", hours: 8}, {name: \"N\", start: \"22:00\", "
		"hours: 8}], teams: 4, per_team: 3, offsets: [0, 2, 4, 6]}");
	free(text);
	roster_plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roster_teams_brute_force),
		cmocka_unit_test(test_roster_teams_kept_and_written),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
