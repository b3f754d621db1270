/* test_roster_ip.c: the set-covering programme against brute force — every
 * headcount of a handful of candidate shifts tried on small weeks, with
 * and without a cap — plus the wrap of the week, the LP bound and the
 * bounds on a spec. */
#include "test_support.h"

#include <math.h>
#include <string.h>

#include "models/roster_ip.h"

#define BF_SLOTS_MAX 8
#define BF_SHIFTS_MAX 5

/* A deterministic stream of small numbers (a 64-bit LCG). */
static unsigned lcg(unsigned long long *x, unsigned n)
{
	*x = *x * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((*x >> 33) % n);
}

/* The brute-force answer: over every headcount 0..top of each candidate,
 * the least total shortfall (with cover <= cap where cap > 0), and among
 * those with none the least cost. */
struct bf_best {
	int shortfall;
	double cost;          /* INFINITY when nothing covers every slot */
};

static void bf_try(const struct roster_ip_spec *s, const int *x,
		   struct bf_best *b)
{
	int cover[BF_SLOTS_MAX] = { 0 }, shortfall = 0;
	double cost = 0;

	for (size_t j = 0; j < s->n_shifts; j++) {
		cost += x[j] * s->shifts[j].cost;
		for (size_t i = 0; i < s->shifts[j].length; i++)
			cover[(s->shifts[j].start + i) % s->n_slots] += x[j];
	}
	for (size_t t = 0; t < s->n_slots; t++) {
		if (s->max_cover > 0 && cover[t] > s->max_cover)
			return;
		shortfall += cover[t] < s->need[t] ? s->need[t] - cover[t] : 0;
	}
	if (shortfall < b->shortfall)
		b->shortfall = shortfall;
	if (shortfall == 0 && cost < b->cost)
		b->cost = cost;
}

static struct bf_best bf_solve(const struct roster_ip_spec *s, int top)
{
	struct bf_best b = { 1 << 30, INFINITY };
	int x[BF_SHIFTS_MAX] = { 0 };

	for (;;) {
		size_t j = 0;

		bf_try(s, x, &b);
		while (j < s->n_shifts && x[j] == top)
			x[j++] = 0;
		if (j == s->n_shifts)
			return b;
		x[j]++;
	}
}

/* The cover the programme's headcounts give slot t. */
static int ip_cover(const struct roster_ip_spec *s, const int *staff, size_t t)
{
	int c = 0;

	for (size_t j = 0; j < s->n_shifts; j++) {
		size_t off = (t + s->n_slots - s->shifts[j].start) % s->n_slots;

		c += off < s->shifts[j].length ? staff[j] : 0;
	}
	return c;
}

/* One random instance: 3..8 slots, 2..5 candidates, needs 0..3. */
static void random_instance(unsigned long long *x, struct roster_ip_spec *s,
			    int *need, struct roster_ip_shift *sh, bool capped)
{
	s->n_slots = 3 + lcg(x, 6);
	s->n_shifts = 2 + lcg(x, 4);
	for (size_t t = 0; t < s->n_slots; t++)
		need[t] = (int)lcg(x, 4);
	for (size_t j = 0; j < s->n_shifts; j++) {
		sh[j].start = lcg(x, (unsigned)s->n_slots);
		sh[j].length = 1 + lcg(x, (unsigned)s->n_slots);
		sh[j].cost = sh[j].length * (1 + 0.25 * lcg(x, 3));
		sh[j].days = 0;
		sh[j].starts = NULL;
		sh[j].n_starts = 0;
	}
	s->need = need;
	s->shifts = sh;
	s->max_cover = capped ? 1 + (int)lcg(x, 4) : 0;
	s->time_limit_s = 10;
}

/* The programme's answer matches brute force: the same least cost (or the
 * same least shortfall when nothing meets every slot), cover that meets
 * each need and keeps under the cap, and an LP bound at or below. */
static void check_against_brute_force(const struct roster_ip_spec *s)
{
	struct roster_ip_result r;
	struct sim_err err;
	struct bf_best b = bf_solve(s, 4);
	int shortfall = 0;

	sim_err_clear(&err);
	assert_int_equal(roster_ip_solve(s, &r, &err), SIM_OK);
	for (size_t t = 0; t < s->n_slots; t++) {
		int c = ip_cover(s, r.staff, t);

		assert_true(c + r.short_by[t] >= s->need[t]);
		assert_true(s->max_cover == 0 || c <= s->max_cover);
		shortfall += r.short_by[t];
	}
	assert_true(r.optimal);
	assert_int_equal(r.met, isfinite(b.cost));
	if (r.met) {
		assert_true(fabs(r.cost - b.cost) < 1e-9);
		assert_true(r.lp_cost <= r.cost + 1e-9);
	} else {
		assert_int_equal(shortfall, b.shortfall);
		assert_true(isnan(r.lp_cost));
	}
	roster_ip_clear(&r);
}

static void test_roster_ip_matches_brute_force(void **state)
{
	unsigned long long x = 2025;
	int need[BF_SLOTS_MAX];
	struct roster_ip_shift sh[BF_SHIFTS_MAX];
	struct roster_ip_spec s;

	(void)state;
	/* Brute force tries headcounts 0..4: with needs of at most 3 and
	 * costs > 0 the least roster never puts more than 3 on a shift. */
	for (int i = 0; i < 150; i++) {
		random_instance(&x, &s, need, sh, false);
		/* Every slot must be reachable for an uncapped instance to have
		 * a solution; a shift of the whole week is added if not. */
		sh[s.n_shifts - 1].length = s.n_slots;
		check_against_brute_force(&s);
	}
}

static void test_roster_ip_capped_matches_brute_force(void **state)
{
	unsigned long long x = 7;
	int need[BF_SLOTS_MAX];
	struct roster_ip_shift sh[BF_SHIFTS_MAX];
	struct roster_ip_spec s;
	int infeasible = 0;

	(void)state;
	for (int i = 0; i < 150; i++) {
		struct roster_ip_result r;
		struct sim_err err;

		random_instance(&x, &s, need, sh, true);
		check_against_brute_force(&s);
		sim_err_clear(&err);
		assert_int_equal(roster_ip_solve(&s, &r, &err), SIM_OK);
		infeasible += !r.met;
		roster_ip_clear(&r);
	}
	/* The draw holds both kinds, so both paths were checked. */
	assert_true(infeasible > 10 && infeasible < 140);
}

/* Four slots, a shift of two starting in the last slot covers slots 3 and
 * 0: the week wraps. Needs 1 in slots 3 and 0 only: one person on it. */
static void test_roster_ip_week_wraps(void **state)
{
	const int need[] = { 1, 0, 0, 1 };
	const struct roster_ip_shift sh[] = {
		{ 0, 1, 1.0, 0, NULL, 0 }, { 3, 1, 1.0, 0, NULL, 0 },
		{ 3, 2, 1.5, 0, NULL, 0 },
	};
	struct roster_ip_spec s = { 4, need, 0, sh, 3, 10 };
	struct roster_ip_result r;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(roster_ip_solve(&s, &r, &err), SIM_OK);
	assert_true(r.met);
	assert_int_equal(r.staff[0], 0);
	assert_int_equal(r.staff[1], 0);
	assert_int_equal(r.staff[2], 1);
	assert_true(fabs(r.cost - 1.5) < 1e-12);
	roster_ip_clear(&r);
}

/* The LP bound is below the integer cost where fractions help: three
 * slots in a ring, shifts of two slots, one needed everywhere. The LP
 * puts half a person on each shift (cost 1.5 x 2), the IP needs two
 * people (cost 4). */
static void test_roster_ip_lp_bound(void **state)
{
	const int need[] = { 1, 1, 1, 0 };
	const struct roster_ip_shift sh[] = {
		{ 0, 2, 2.0, 0, NULL, 0 }, { 1, 2, 2.0, 0, NULL, 0 },
		{ 2, 2, 2.0, 0, NULL, 0 },
	};
	struct roster_ip_spec s = { 3, need, 0, sh, 3, 10 };
	struct roster_ip_result r;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(roster_ip_solve(&s, &r, &err), SIM_OK);
	assert_true(fabs(r.lp_cost - 3.0) < 1e-9);
	assert_true(fabs(r.cost - 4.0) < 1e-9);
	roster_ip_clear(&r);
}

/* A need above the cap: the shortfall is exactly the excess. */
static void test_roster_ip_need_above_cap(void **state)
{
	const int need[] = { 2, 5, 2, 0 };
	const struct roster_ip_shift sh[] = { { 0, 1, 1, 0, NULL, 0 },
					      { 1, 1, 1, 0, NULL, 0 },
					      { 2, 1, 1, 0, NULL, 0 } };
	struct roster_ip_spec s = { 3, need, 3, sh, 3, 10 };
	struct roster_ip_result r;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(roster_ip_solve(&s, &r, &err), SIM_OK);
	assert_false(r.met);
	assert_int_equal(r.short_by[0], 0);
	assert_int_equal(r.short_by[1], 2);
	assert_int_equal(r.short_by[2], 0);
	roster_ip_clear(&r);
}

/* Candidates worked on several days (the scenario's own shifts): a week of
 * two slots a day; the night (slot 1, into the next day's slot 0) on
 * Monday and Sunday, and a day shift every day. Sunday's night runs into
 * Monday's slot 0. */
static void test_roster_ip_days(void **state)
{
	int need[14] = { 0 };
	const struct roster_ip_shift sh[] = {
		{ 1, 2, 2.0, 0x41u, NULL, 0 },  /* Mon, Sun nights: 1-2, 13-0 */
		{ 0, 1, 7.0, 0x7fu, NULL, 0 },   /* slot 0 of every day */
	};
	struct roster_ip_spec s = { 14, need, 0, sh, 2, 10 };
	struct roster_ip_result r;
	struct sim_err err;

	(void)state;
	need[0] = 3;    /* Monday slot 0: after Sunday's night */
	need[2] = 2;    /* Tuesday slot 0: after Monday's night */
	need[8] = 1;    /* Friday slot 0: only the day shift */
	sim_err_clear(&err);
	assert_int_equal(roster_ip_solve(&s, &r, &err), SIM_OK);
	assert_true(r.met);
	/* One on the day shift (for Friday) leaves 2 to the nights: cost
	 * 7 + 4; three on the day shift and none on nights costs 21. */
	assert_int_equal(r.staff[1], 1);
	assert_int_equal(r.staff[0], 2);
	assert_true(fabs(r.cost - 11.0) < 1e-9);
	roster_ip_clear(&r);
}

static void test_roster_ip_rejects_bad_specs(void **state)
{
	const int need[] = { 1, 1, 1, 1, 1, 1, 1 }, bad_need[] = { 1, -1 };
	const struct roster_ip_shift sh[] = { { 0, 1, 1, 0, NULL, 0 } };
	const struct roster_ip_shift off[] = { { 2, 1, 1, 0, NULL, 0 } };
	const struct roster_ip_shift long_days[] = {
		{ 0, 2, 1, 0x3u, NULL, 0 } };
	const struct roster_ip_spec bad[] = {
		{ 0, need, 0, sh, 1, 10 },        /* no slots */
		{ 2, need, 0, sh, 0, 10 },        /* no candidates */
		{ 2, bad_need, 0, sh, 1, 10 },    /* a negative need */
		{ 2, need, 0, off, 1, 10 },       /* a start outside the week */
		{ 2, need, 0, sh, 1, 0 },         /* no time */
		{ ROSTER_IP_SLOTS_MAX + 1, need, 0, sh, 1, 10 },
		{ 7, need, 0, long_days, 1, 10 },  /* longer than a day */
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct roster_ip_result r;
		struct sim_err err;

		sim_err_clear(&err);
		assert_int_equal(roster_ip_solve(&bad[i], &r, &err), SIM_EINVAL);
		assert_null(r.staff);
		assert_int_equal(err.n_lines, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roster_ip_matches_brute_force),
		cmocka_unit_test(test_roster_ip_capped_matches_brute_force),
		cmocka_unit_test(test_roster_ip_week_wraps),
		cmocka_unit_test(test_roster_ip_lp_bound),
		cmocka_unit_test(test_roster_ip_need_above_cap),
		cmocka_unit_test(test_roster_ip_days),
		cmocka_unit_test(test_roster_ip_rejects_bad_specs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
