/* test_routing.c: routing between queues (models/routing.c and its use in
 * models/contact_centre.c) against exact answers.
 *
 * A threshold reserve and a queue-length overflow rule, with Poisson
 * arrivals, exponential talk times (one rate for every call) and
 * exponential patience, are continuous-time Markov chains: the state is
 * the busy handlers of each pool and the callers waiting on each line.
 * The test builds the chain's generator from the same rules the model
 * follows (written out again here, independently), truncates the queues
 * where their probability is negligible, solves pi Q = 0 with GSL's LU
 * decomposition, and asks that each exact figure lie in the run's own 99%
 * interval over fixed-seed replications:
 *   - service level within 0 s: the share answered on arrival, by PASTA
 *     the stationary probability that an arriving caller of that line
 *     finds a handler it may take;
 *   - abandon rate: theta E[queue] / lambda;
 *   - occupancy of each pool: E[busy] / handlers.
 * A wait-based rule is not Markovian in this state; it is held to its
 * limits instead (wait_s 0 is a shared pool, a wait never reached is
 * dedicated pools, figure for figure) and to the conservation of calls. */
#include "replications.h"

#include <gsl/gsl_linalg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/replication.h"
#include "models/scenario.h"

#define QMAX 25            /* queue length the chain is truncated at */

/* ---- scenarios ------------------------------------------------------- */

struct two_class {
	double rate_per_h[2];      /* line 0 "high", line 1 "low" */
	double patience_s[2];
	double handle_s;
	int staff[2];              /* pool 0, pool 1 (0: no second pool) */
	double days;
	unsigned replications;
};

static void prep(struct dist *d)
{
	struct sim_err err;
	sim_err_clear(&err);
	assert_int_equal(dist_prepare(d, "test", &err), SIM_OK);
}

static void flat_line(struct line_spec *ls, const char *name, double rate_per_h,
		      double patience_s, double handle_s)
{
	snprintf(ls->name, sizeof ls->name, "%s", name);
	ls->demand.mean_rate_per_s = rate_per_h / 3600.0;
	ls->demand.n_slots = 168;
	for (size_t i = 0; i < 168; i++)
		ls->demand.profile[i] = 1.0;
	for (size_t i = 0; i < 12; i++)
		ls->demand.month_factor[i] = 1.0;
	ls->handle = (struct dist){ .kind = DIST_EXPONENTIAL, .mean = handle_s };
	prep(&ls->handle);
	ls->has_patience = 1;
	ls->patience = (struct dist){ .kind = DIST_EXPONENTIAL,
				      .mean = patience_s };
	prep(&ls->patience);
	ls->target_s = 0.0;        /* in target: answered on arrival */
	ls->goal = NAN;
}

static void pool(struct pool_spec *p, const char *name, int staff,
		 const size_t *serves, size_t n_serves)
{
	snprintf(p->name, sizeof p->name, "%s", name);
	p->serves = calloc(n_serves, sizeof *p->serves);
	memcpy(p->serves, serves, n_serves * sizeof *serves);
	p->n_serves = n_serves;
	p->shifts = calloc(1, sizeof *p->shifts);
	p->shifts[0] = (struct shift_spec){ .name = "all day", .start_s = 0,
		.duration_s = 86400.0, .days = 0x7f, .staff = staff };
	p->n_shifts = 1;
	p->hours_per_week = 37.5;
}

/* Two lines; pool 0 serves line 0 (and line 1 too when shared), pool 1,
 * if any, serves line 1. */
static struct scenario *two_class_scenario(const struct two_class *t,
					   int shared)
{
	static const size_t high[] = { 0 }, low[] = { 1 }, both[] = { 0, 1 };
	struct scenario *sc = calloc(1, sizeof *sc);

	assert_non_null(sc);
	snprintf(sc->name, sizeof sc->name, "routing test");
	sc->run = (struct run_spec){ .days = t->days, .warmup_s = 86400.0,
		.replications = t->replications, .seed = 2385,
		.start = { 2024, 4, 1 } };
	sc->n_lines = 2;
	sc->lines = calloc(2, sizeof *sc->lines);
	flat_line(&sc->lines[0], "high", t->rate_per_h[0], t->patience_s[0],
		  t->handle_s);
	flat_line(&sc->lines[1], "low", t->rate_per_h[1], t->patience_s[1],
		  t->handle_s);
	sc->n_pools = t->staff[1] ? 2 : 1;
	sc->pools = calloc(sc->n_pools, sizeof *sc->pools);
	if (shared)
		pool(&sc->pools[0], "shared", t->staff[0], both, 2);
	else
		pool(&sc->pools[0], "high", t->staff[0], high, 1);
	if (t->staff[1])
		pool(&sc->pools[1], "low", t->staff[1], low, 1);
	return sc;
}

static void add_overflow(struct pool_spec *p, size_t line, double queue,
			 double wait_s, int ahead)
{
	p->overflow = calloc(1, sizeof *p->overflow);
	p->overflow[0] = (struct overflow_spec){ line, queue, wait_s, ahead };
	p->n_overflow = 1;
}

static void add_reserve(struct pool_spec *p, size_t line, int keep)
{
	p->reserve = calloc(1, sizeof *p->reserve);
	p->reserve[0] = (struct reserve_spec){ line, keep };
	p->n_reserve = 1;
}

/* ---- the Markov chain ------------------------------------------------ */

/* Busy handlers of each pool, callers waiting on each line. */
struct state {
	int b[2], q[2];
};

/* The routing a chain follows: one shared pool with a reserve on line 1,
 * or two pools where pool 1 takes line 0 while its queue holds `queue`. */
struct policy {
	int c[2];                  /* handlers; c[1] == 0: one pool */
	int keep;                  /* shared pool: held back from line 1 */
	int queue;                 /* two pools: pool 1's rule on line 0 */
	int ahead;                 /* ... ranked before its own line */
	double lambda[2], mu, theta[2];
};

/* May pool p take a caller of line l in state s? */
static int spare(const struct policy *pl, const struct state *s, int p, int l)
{
	int keep = pl->c[1] == 0 && l == 1 ? pl->keep : 0;
	return pl->c[p] - s->b[p] > keep;
}

/* Pool 1's rule on line 0 holds. */
static int pressed(const struct policy *pl, const struct state *s)
{
	return pl->c[1] > 0 && s->q[0] >= pl->queue;
}

/* A handler of pool p freed in s: it takes a caller as the model says. */
static void freed(const struct policy *pl, struct state *s, int p)
{
	s->b[p]--;
	/* The lines p looks at, in order: the shared pool high then low;
	 * pool 0 of two its own; pool 1 its own and, by rule, high. */
	int order[2] = { 0, 1 };
	int n = pl->c[1] == 0 || p == 1 ? 2 : 1;
	if (pl->c[1] > 0 && p == 1 && !pl->ahead) {
		order[0] = 1;
		order[1] = 0;
	}
	for (int i = 0; i < n; i++) {
		int l = order[i];
		int by_rule = pl->c[1] > 0 && p == 1 && l == 0;
		if (s->q[l] > 0 && spare(pl, s, p, l) &&
		    (!by_rule || pressed(pl, s))) {
			s->q[l]--;
			s->b[p]++;
			return;
		}
	}
}

/* A caller of line l arrives in s; returns 1 if answered on arrival. */
static int arrive(const struct policy *pl, struct state *s, int l)
{
	int own = pl->c[1] > 0 ? l : 0;
	if (spare(pl, s, own, l)) {
		s->b[own]++;
		return 1;
	}
	if (l == 0 && pl->c[1] > 0 && s->q[0] == 0 && pl->queue <= 1 &&
	    spare(pl, s, 1, 0)) {
		s->b[1]++;
		return 1;
	}
	if (s->q[l] == QMAX)
		return 0;                        /* truncated: negligible */
	s->q[l]++;
	while (l == 0 && s->q[0] > 0 && pressed(pl, s) && spare(pl, s, 1, 0)) {
		s->q[0]--;
		s->b[1]++;
	}
	return 0;
}

struct chain {
	struct state *states;
	size_t n, cap;
	int *index;                /* by state key, -1 unseen */
};

static size_t key(const struct state *s)
{
	return (((size_t)s->b[0] * 64 + (size_t)s->b[1]) * (QMAX + 1) +
		(size_t)s->q[0]) * (QMAX + 1) + (size_t)s->q[1];
}

/* The index of s, adding it when new. */
static size_t chain_at(struct chain *ch, const struct state *s)
{
	size_t k = key(s);
	if (ch->index[k] < 0) {
		assert_true(ch->n < ch->cap);
		ch->states[ch->n] = *s;
		ch->index[k] = (int)ch->n++;
	}
	return (size_t)ch->index[k];
}

/* The transitions out of state s: up to six, each a rate and a target. */
static size_t moves(const struct policy *pl, const struct state *s,
		    double rate[6], struct state to[6])
{
	size_t n = 0;
	for (int l = 0; l < 2; l++) {
		to[n] = *s;
		arrive(pl, &to[n], l);
		rate[n++] = pl->lambda[l];
		if (s->q[l] > 0) {
			to[n] = *s;
			to[n].q[l]--;
			rate[n++] = s->q[l] * pl->theta[l];
		}
	}
	for (int p = 0; p < 2; p++)
		if (s->b[p] > 0) {
			to[n] = *s;
			freed(pl, &to[n], p);
			rate[n++] = s->b[p] * pl->mu;
		}
	return n;
}

/* The stationary distribution of the states reachable from the empty
 * state: pi Q = 0 with one balance equation replaced by sum pi = 1. */
static double *chain_solve(const struct policy *pl, struct chain *ch)
{
	size_t cap = 64 * 64 * (QMAX + 1) * (QMAX + 1);
	ch->cap = 4096;
	ch->states = calloc(ch->cap, sizeof *ch->states);
	ch->index = malloc(cap * sizeof *ch->index);
	memset(ch->index, -1, cap * sizeof *ch->index);
	chain_at(ch, &(struct state){ { 0, 0 }, { 0, 0 } });
	for (size_t i = 0; i < ch->n; i++) {
		double rate[6];
		struct state to[6];
		size_t m = moves(pl, &ch->states[i], rate, to);
		for (size_t j = 0; j < m; j++)
			chain_at(ch, &to[j]);
	}
	size_t n = ch->n;
	gsl_matrix *a = gsl_matrix_calloc(n, n);   /* Q transposed */
	for (size_t i = 0; i < n; i++) {
		double rate[6];
		struct state to[6];
		size_t m = moves(pl, &ch->states[i], rate, to);
		for (size_t j = 0; j < m; j++) {
			size_t k = chain_at(ch, &to[j]);
			if (k == i)
				continue;
			*gsl_matrix_ptr(a, k, i) += rate[j];
			*gsl_matrix_ptr(a, i, i) -= rate[j];
		}
	}
	gsl_vector *rhs = gsl_vector_calloc(n), *x = gsl_vector_alloc(n);
	for (size_t i = 0; i < n; i++)
		gsl_matrix_set(a, 0, i, 1.0);
	gsl_vector_set(rhs, 0, 1.0);
	gsl_permutation *perm = gsl_permutation_alloc(n);
	int sign;
	assert_int_equal(gsl_linalg_LU_decomp(a, perm, &sign), 0);
	assert_int_equal(gsl_linalg_LU_solve(a, perm, rhs, x), 0);
	double *pi = malloc(n * sizeof *pi);
	for (size_t i = 0; i < n; i++)
		pi[i] = gsl_vector_get(x, i);
	gsl_permutation_free(perm);
	gsl_vector_free(x);
	gsl_vector_free(rhs);
	gsl_matrix_free(a);
	return pi;
}

/* The exact figures of a chain. */
struct exact {
	double answered_on_arrival[2], abandon_rate[2], occupancy[2];
	double truncated;          /* probability at a queue's bound */
};

static struct exact chain_figures(const struct policy *pl)
{
	struct chain ch = { 0 };
	double *pi = chain_solve(pl, &ch);
	struct exact e = { 0 };
	double eq[2] = { 0 }, eb[2] = { 0 };

	for (size_t i = 0; i < ch.n; i++) {
		const struct state *s = &ch.states[i];
		for (int l = 0; l < 2; l++) {
			struct state t = *s;
			e.answered_on_arrival[l] += pi[i] * arrive(pl, &t, l);
			eq[l] += pi[i] * s->q[l];
			eb[l] += pi[i] * s->b[l];
			if (s->q[l] == QMAX)
				e.truncated += pi[i];
		}
	}
	for (int l = 0; l < 2; l++) {
		e.abandon_rate[l] = pl->theta[l] * eq[l] / pl->lambda[l];
		e.occupancy[l] = pl->c[l] ? eb[l] / pl->c[l] : NAN;
	}
	free(pi);
	free(ch.states);
	free(ch.index);
	return e;
}

/* Each exact figure in the run's interval. */
static void assert_matches_chain(const struct scenario *sc,
				 const struct policy *pl)
{
	struct exact e = chain_figures(pl);
	unsigned r = sc->run.replications;
	struct replication_result **res = replications_run(sc);

	assert_true(e.truncated < 1e-12);
	for (size_t l = 0; l < 2; l++) {
		assert_in_ci(replications_ci(res, r, replication_line_at, l,
					     CC_SERVICE_LEVEL),
			     e.answered_on_arrival[l], "answered on arrival");
		assert_in_ci(replications_ci(res, r, replication_line_at, l,
					     CC_ABANDON_RATE),
			     e.abandon_rate[l], "abandon rate");
	}
	for (size_t p = 0; p < sc->n_pools; p++)
		assert_in_ci(replications_ci(res, r, replication_pool_at, p,
					     CC_OCCUPANCY),
			     e.occupancy[p], "occupancy");
	replications_free(res, r);
}

/* ---- tests ----------------------------------------------------------- */

/* One shared pool of 4 serving high then low, 2 of them kept from low:
 * low is answered only while 3 or more are free. */
static void test_reserve_matches_markov_chain(void **state)
{
	(void)state;
	struct two_class t = { .rate_per_h = { 40, 60 },
		.patience_s = { 60, 120 }, .handle_s = 120,
		.staff = { 4, 0 }, .days = 7, .replications = 30 };
	struct scenario *sc = two_class_scenario(&t, 1);
	add_reserve(&sc->pools[0], 1, 2);
	struct policy pl = { .c = { 4, 0 }, .keep = 2,
		.lambda = { 40 / 3600.0, 60 / 3600.0 }, .mu = 1 / 120.0,
		.theta = { 1 / 60.0, 1 / 120.0 } };

	assert_matches_chain(sc, &pl);
	/* The reserve is what the chain says it is: without it, low is
	 * answered on arrival far more often. */
	pl.keep = 0;
	struct exact open = chain_figures(&pl);
	pl.keep = 2;
	assert_true(open.answered_on_arrival[1] >
		    chain_figures(&pl).answered_on_arrival[1] + 0.1);
	scenario_free(sc);
}

/* Pool high (3) serves high; pool low (2) serves low and takes high
 * callers while 2 or more wait, after (and then before) its own. */
static void test_queue_overflow_matches_markov_chain(void **state)
{
	(void)state;
	struct two_class t = { .rate_per_h = { 60, 30 },
		.patience_s = { 90, 300 }, .handle_s = 150,
		.staff = { 3, 2 }, .days = 7, .replications = 30 };
	struct policy pl = { .c = { 3, 2 }, .queue = 2,
		.lambda = { 60 / 3600.0, 30 / 3600.0 }, .mu = 1 / 150.0,
		.theta = { 1 / 90.0, 1 / 300.0 } };

	for (int ahead = 0; ahead < 2; ahead++) {
		struct scenario *sc = two_class_scenario(&t, 0);
		add_overflow(&sc->pools[1], 0, 2, NAN, ahead);
		pl.ahead = ahead;
		assert_matches_chain(sc, &pl);
		scenario_free(sc);
	}
}

/* The "answered by overflow" figures of line l in result y: none when
 * overflowed is 0, else a positive count no more than the answered calls;
 * then cleared, so the rest of the figures compare with a's. */
static void check_overflow_figures(struct replication_result *y, size_t l,
				   int overflowed)
{
	double *f = replication_line_at(y, l);

	if (overflowed) {
		assert_true(f[CC_ANSWERED_OVERFLOW] > 0);
		assert_true(f[CC_ANSWERED_OVERFLOW] <= f[CC_ANSWERED]);
		assert_seconds_near(f[CC_OVERFLOW_SHARE],
				    f[CC_ANSWERED_OVERFLOW] / f[CC_ANSWERED],
				    1e-12);
	} else {
		assert_true(f[CC_ANSWERED_OVERFLOW] == 0);
		assert_true(f[CC_OVERFLOW_SHARE] == 0);
	}
	f[CC_ANSWERED_OVERFLOW] = 0;
	f[CC_OVERFLOW_SHARE] = 0;
}

/* Every figure of the contact centre (not the count of events run), in
 * every replication, the same in a and b, but the "answered by overflow"
 * figures: none in a, and in b on line 0 only when b_overflows. */
static void assert_same_figures(const struct scenario *a,
				const struct scenario *b, int b_overflows)
{
	for (unsigned i = 0; i < a->run.replications; i++) {
		struct replication_result *x = replication_result_new(a);
		struct replication_result *y = replication_result_new(b);
		struct sim_err err;
		sim_err_clear(&err);
		assert_int_equal(replication_run(a, i, x, &err), SIM_OK);
		assert_int_equal(replication_run(b, i, y, &err), SIM_OK);
		check_overflow_figures(x, 0, 0);
		check_overflow_figures(x, 1, 0);
		check_overflow_figures(y, 0, b_overflows);
		check_overflow_figures(y, 1, 0);
		assert_memory_equal(x->line, y->line, 2 * CC_LINE_METRICS *
				    sizeof *x->line);
		assert_memory_equal(x->pool, y->pool, x->n_pools *
				    CC_POOL_METRICS * sizeof *x->pool);
		assert_memory_equal(x->interval_line, y->interval_line,
				    HOURS_PER_WEEK * 2 *
				    CC_INTERVAL_LINE_METRICS * sizeof(double));
		assert_memory_equal(x->day_line, y->day_line, x->n_days * 2 *
				    CC_DAY_LINE_METRICS * sizeof(double));
		assert_memory_equal(x->wait_line, y->wait_line,
				    FIGURE_WAIT_BINS * 2 *
				    CC_WAIT_LINE_METRICS * sizeof(double));
		replication_result_free(x);
		replication_result_free(y);
	}
}

static const struct two_class busy = { .rate_per_h = { 70, 40 },
	.patience_s = { 120, 300 }, .handle_s = 150, .staff = { 3, 2 },
	.days = 3, .replications = 3 };

/* wait_s: 0 is the line served by the pool, after its own: the same calls
 * answered by the same pools at the same times. So is queue: 1. */
static void test_zero_threshold_is_a_shared_pool(void **state)
{
	(void)state;
	struct scenario *shared = two_class_scenario(&busy, 0);
	free(shared->pools[1].serves);
	shared->pools[1].serves = calloc(2, sizeof(size_t));
	shared->pools[1].serves[0] = 1;
	shared->pools[1].serves[1] = 0;
	shared->pools[1].n_serves = 2;
	struct scenario *by_wait = two_class_scenario(&busy, 0);
	add_overflow(&by_wait->pools[1], 0, NAN, 0.0, 0);
	struct scenario *by_queue = two_class_scenario(&busy, 0);
	add_overflow(&by_queue->pools[1], 0, 1, NAN, 0);

	assert_same_figures(shared, by_wait, 1);
	assert_same_figures(shared, by_queue, 1);
	scenario_free(shared);
	scenario_free(by_wait);
	scenario_free(by_queue);
}

/* A wait never reached, or a queue never that long, is dedicated pools;
 * so is a reserve of 0 on a dedicated pool's line. */
static void test_unreached_threshold_is_dedicated_pools(void **state)
{
	(void)state;
	struct scenario *dedicated = two_class_scenario(&busy, 0);
	struct scenario *by_wait = two_class_scenario(&busy, 0);
	add_overflow(&by_wait->pools[1], 0, NAN, 1e9, 1);
	struct scenario *by_queue = two_class_scenario(&busy, 0);
	add_overflow(&by_queue->pools[1], 0, 1e6, NAN, 0);

	assert_same_figures(dedicated, by_wait, 0);
	assert_same_figures(dedicated, by_queue, 0);
	scenario_free(dedicated);
	scenario_free(by_wait);
	scenario_free(by_queue);
}

/* A line whose own pool has nobody on duty is answered only through the
 * other pool's rule: every answered call of it is answered by overflow
 * (the count is the answered calls, the share 1), whichever rule. */
static void test_all_answered_by_overflow_without_own_staff(void **state)
{
	(void)state;
	struct two_class t = busy;
	t.staff[0] = 0;
	for (int by_queue = 0; by_queue < 2; by_queue++) {
		struct scenario *sc = two_class_scenario(&t, 0);
		add_overflow(&sc->pools[1], 0, by_queue ? 1 : NAN,
			     by_queue ? NAN : 0.0, 0);
		struct replication_result **res = replications_run(sc);
		for (unsigned i = 0; i < t.replications; i++) {
			double *f = replication_line_at(res[i], 0);
			assert_true(f[CC_ANSWERED] > 100);
			assert_true(f[CC_ANSWERED_OVERFLOW] == f[CC_ANSWERED]);
			assert_true(f[CC_OVERFLOW_SHARE] == 1.0);
			f = replication_line_at(res[i], 1);
			assert_true(f[CC_ANSWERED_OVERFLOW] == 0);
		}
		replications_free(res, t.replications);
		scenario_free(sc);
	}
}

/* A wait rule in between: every counted call is answered, abandoned or
 * still waiting at the end, redials included; and the high line waits
 * less than with dedicated pools and more than with a shared one. */
static void test_wait_overflow_conserves_calls(void **state)
{
	(void)state;
	struct two_class t = busy;
	t.replications = 10;
	struct scenario *sc[3];
	double asa[3];
	for (int k = 0; k < 3; k++) {
		sc[k] = two_class_scenario(&t, 0);
		sc[k]->lines[0].redial_probability = 0.3;
		sc[k]->lines[0].redial_delay = (struct dist){
			.kind = DIST_EXPONENTIAL, .mean = 60 };
		prep(&sc[k]->lines[0].redial_delay);
	}
	add_overflow(&sc[1]->pools[1], 0, NAN, 20.0, 1);
	add_overflow(&sc[2]->pools[1], 0, NAN, 0.0, 1);
	for (int k = 0; k < 3; k++) {
		struct replication_result **res = replications_run(sc[k]);
		for (unsigned i = 0; i < t.replications; i++)
			for (size_t l = 0; l < 2; l++) {
				double *f = replication_line_at(res[i], l);
				assert_true(f[CC_OFFERED] > 100);
				assert_seconds_near(f[CC_ANSWERED] +
					f[CC_ABANDONED] + f[CC_UNANSWERED_END],
					f[CC_OFFERED], 0.0);
				check_overflow_figures(res[i], l,
						       k > 0 && l == 0);
			}
		asa[k] = replications_ci(res, t.replications,
					 replication_line_at, 0, CC_ASA_S).mean;
		replications_free(res, t.replications);
	}
	assert_true(asa[2] < asa[1] && asa[1] < asa[0]);
	for (int k = 0; k < 3; k++)
		scenario_free(sc[k]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reserve_matches_markov_chain),
		cmocka_unit_test(test_queue_overflow_matches_markov_chain),
		cmocka_unit_test(test_zero_threshold_is_a_shared_pool),
		cmocka_unit_test(test_unreached_threshold_is_dedicated_pools),
		cmocka_unit_test(test_wait_overflow_conserves_calls),
		cmocka_unit_test(test_all_answered_by_overflow_without_own_staff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
