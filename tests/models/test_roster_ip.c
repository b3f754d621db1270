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

/* Slot t's cover by candidate sh of r's headcount: blocks of days
 * (bit 0 Monday) or of starts. */
static int ip_cover_blocks(const struct roster_ip_spec *s,
			   const struct roster_ip_shift *sh, size_t t)
{
	size_t day = s->n_slots / 7;
	int c = 0;

	for (size_t k = 0; k < sh->n_starts; k++)
		c += (t + s->n_slots - sh->starts[k]) % s->n_slots < sh->length;
	for (size_t d = 0; sh->n_starts == 0 && d < 7; d++)
		if ((sh->days >> d) & 1u)
			c += (t + s->n_slots - sh->start - d * day) % s->n_slots
			     < sh->length;
	return c;
}

/* A week of 168 hours whose need (3..19 an hour) is met by people
 * working 5 days of 7 (every choice of days) on shifts of 7 or 11 hours
 * from 00:00, 06:00, 12:00 or 18:00: 168 candidates whose branch and
 * bound GLPK does not finish in 10 s (nor 60). */
static size_t hard_instance(int *need, struct roster_ip_shift *sh)
{
	unsigned long long x = 1;
	size_t n = 0;

	for (size_t t = 0; t < 168; t++)
		need[t] = 3 + (int)lcg(&x, 17);
	for (unsigned m = 1; m < 128; m++) {
		if (__builtin_popcount(m) != 5)
			continue;
		for (size_t st = 0; st < 24; st += 6)
			for (size_t len = 7; len <= 11; len += 4)
				sh[n++] = (struct roster_ip_shift){
					st, len, len * 5.0 + (st % 12) * 0.385,
					m, NULL, 0 };
	}
	return n;
}

/* Stopped by its time limit, the programme keeps the best roster found:
 * it covers every need, is marked not proven least, costs at least the
 * LP bound, and the whole solve kept to the limit (within what GLPK
 * takes to notice it). */
static void test_roster_ip_time_limit_keeps_the_best(void **state)
{
	static struct roster_ip_shift sh[200];
	int need[168];
	struct roster_ip_spec s = { 168, need, 0, sh, 0, 1.0 };
	struct roster_ip_result r;
	struct sim_err err;

	(void)state;
	s.n_shifts = hard_instance(need, sh);
	assert_int_equal(s.n_shifts, 168);
	sim_err_clear(&err);
	assert_int_equal(roster_ip_solve(&s, &r, &err), SIM_OK);
	assert_false(r.optimal);
	assert_true(r.met);
	assert_true(r.lp_cost > 0 && r.cost >= r.lp_cost - 1e-9);
	assert_true(r.seconds >= 0.9 && r.seconds < 1.5);
	for (size_t t = 0; t < s.n_slots; t++) {
		int c = 0;

		for (size_t j = 0; j < s.n_shifts; j++)
			c += r.staff[j] * ip_cover_blocks(&s, &sh[j], t);
		assert_true(c >= need[t]);
		assert_int_equal(r.short_by[t], 0);
	}
	roster_ip_clear(&r);
}

/* A rota's cycle that cannot be met: people on 6-on-4-off (two earlies
 * 07:00-17:00, two lates 14:00-24:00, two nights 22:00-08:00, four days
 * off), one candidate for each day of the cycle they start on, over the
 * 70 days (1,680 hours) that bring cycle and week back together, need 3
 * every hour, at most 1 on duty. Every slot is short, so the programme
 * of shortfalls decides; with its 1,680 shortfalls branched on too it
 * ran into its time limit (a minute a solve), where the headcounts alone
 * are proven least at once. */
static void test_roster_ip_rota_short_proven(void **state)
{
	static const size_t shift_start[] = { 7, 7, 14, 14, 22, 22 };
	static size_t starts[10][42];
	static int need[1680];
	struct roster_ip_shift sh[10];
	struct roster_ip_spec s = { 1680, need, 1, sh, 10, 20.0 };
	struct roster_ip_result r;
	struct sim_err err;
	int covered = 0;

	(void)state;
	for (size_t t = 0; t < 1680; t++)
		need[t] = 3;
	for (size_t c = 0; c < 10; c++) {
		for (size_t k = 0; k < 42; k++) {
			size_t day = c + (k / 6) * 10 + k % 6;

			starts[c][k] = (day * 24 + shift_start[k % 6]) % 1680;
		}
		sh[c] = (struct roster_ip_shift){ 0, 10, 420, 0, starts[c], 42 };
	}
	sim_err_clear(&err);
	assert_int_equal(roster_ip_solve(&s, &r, &err), SIM_OK);
	assert_true(r.optimal);
	assert_false(r.met);
	assert_true(r.seconds < 5);
	for (size_t t = 0; t < s.n_slots; t++) {
		int c = 0;

		for (size_t j = 0; j < s.n_shifts; j++)
			c += r.staff[j] * ip_cover_blocks(&s, &sh[j], t);
		assert_true(c <= 1);
		assert_int_equal(r.short_by[t], 3 - c);
		covered += c;
	}
	assert_true(covered > 0);
	roster_ip_clear(&r);
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
		cmocka_unit_test(test_roster_ip_time_limit_keeps_the_best),
		cmocka_unit_test(test_roster_ip_rota_short_proven),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
