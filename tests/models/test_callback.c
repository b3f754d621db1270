/* test_callback.c: call-backs of abandoned callers (models/callback.c
 * through the contact centre) — every request settled one way or
 * pending, the requests drawn as often as the probability says, redials
 * called off by a call-back that reached the caller first, requests
 * withdrawn by a redial answered first, and no change at all when the
 * probability is 0; under overflow rules and reserves, the same
 * conservation, the limit of a rule that never holds (dedicated pools),
 * and a reserve holding call-backs back as it holds calls. */
#include "replications.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/callback.h"
#include "models/replication.h"
#include "models/scenario.h"

/* Line a (30 calls an hour on two handlers of pool pa, patience a
 * minute: many abandon) with call-backs made by pool cb, whose own line
 * b is quiet. */
struct cb_case {
	double redial_p, redial_mean_s, cb_p;
	const char *priority;   /* after_own, before_own */
	int cb_staff;
	unsigned reps;
	const char *redial_dist;   /* exponential (mean) or deterministic */
	const char *cb_routing;    /* pool cb's overflow and reserve keys
				      (", overflow: [...]"), or NULL */
};

static struct scenario *load_case(const struct cb_case *c)
{
	char text[2048];
	struct scenario *sc = NULL;
	struct sim_err err;
	const char *key = strcmp(c->redial_dist, "deterministic") ? "mean"
								  : "value";

	snprintf(text, sizeof text,
		 "name: call-back test\n"
		 "run: {days: 2, warmup_hours: 1, replications: %u, seed: 2385}\n"
		 "lines:\n"
		 "  - {name: a, volume: {per_hour: 30}, handle: {dist: "
		 "exponential, mean: 240}, patience: {dist: exponential, mean: "
		 "60}, redial: {probability: %g, delay: {dist: %s, %s: %g}}, "
		 "answer: {within_s: 10}, callback: {probability: %g, "
		 "target_s: 600, handle: {dist: exponential, mean: 120}, "
		 "pool: cb, priority: %s}}\n"
		 "  - {name: b, volume: {per_day: 24}, handle: {dist: "
		 "exponential, mean: 60}, answer: {within_s: 60}}\n"
		 "pools:\n"
		 "  - {name: pa, serves: [a], shifts: [{name: d, start: "
		 "\"00:00\", hours: 24, staff: 2}]}\n"
		 "  - {name: cb, serves: [b], shifts: [{name: d, start: "
		 "\"00:00\", hours: 24, staff: %d}]%s}\n",
		 c->reps, c->redial_p, c->redial_dist, key, c->redial_mean_s,
		 c->cb_p, c->priority, c->cb_staff,
		 c->cb_routing ? c->cb_routing : "");
	struct scenario_source src = {"cb.yaml", text, strlen(text), NULL, 0,
				      NULL};
	sim_err_clear(&err);
	if (scenario_load(&src, &sc, &err) != SIM_OK)
		fail_msg("%s", err.text);
	return sc;
}

/* Every replication: requested = made + redial first + pending at end,
 * and offered = answered + abandoned + unanswered at end, exactly. */
static void assert_conserved(struct replication_result **res, unsigned n,
			     double *made, double *first)
{
	*made = *first = 0;
	for (unsigned i = 0; i < n; i++) {
		const double *f = replication_line_at(res[i], 0);
		const double *cb = replication_cbline_at(res[i], 0);
		assert_true(cb[CB_REQUESTED] == cb[CB_MADE] +
			    cb[CB_REDIAL_FIRST] + cb[CB_PENDING_END]);
		assert_true(f[CC_OFFERED] == f[CC_ANSWERED] + f[CC_ABANDONED] +
			    f[CC_UNANSWERED_END]);
		assert_true(cb[CB_REQUESTED] <= f[CC_ABANDONED]);
		*made += cb[CB_MADE];
		*first += cb[CB_REDIAL_FIRST];
	}
}

/* Redials and call-backs racing, the call-back pool busy with its own
 * line first: both ways of settling happen, and every request is
 * accounted for. */
static void test_every_request_is_settled_or_pending(void **state)
{
	struct cb_case c = {0.5, 120, 0.6, "after_own", 1, 10, "exponential", NULL};
	struct scenario *sc = load_case(&c);
	struct replication_result **res = replications_run(sc);
	double made, first;

	(void)state;
	assert_conserved(res, c.reps, &made, &first);
	assert_true(made > 0);
	assert_true(first > 0);
	replications_free(res, c.reps);
	scenario_free(sc);
}

/* Without redials a counted abandoned call is asked for a call-back with
 * the probability: given the abandoned A, requested is Binomial(A, p), so
 * requested - p A has mean 0, which the run's own 99% interval over
 * replications must hold; and, no redial being possible, made = requested
 * - pending at end. */
static void test_requests_follow_the_probability(void **state)
{
	struct cb_case c = {0, 120, 0.4, "after_own", 1, 30, "exponential", NULL};
	struct scenario *sc = load_case(&c);
	struct replication_result **res = replications_run(sc);
	double *x = calloc(c.reps, sizeof *x);

	(void)state;
	assert_non_null(x);
	for (unsigned i = 0; i < c.reps; i++) {
		const double *cb = replication_cbline_at(res[i], 0);
		x[i] = cb[CB_REQUESTED] -
		       0.4 * replication_line_at(res[i], 0)[CC_ABANDONED];
		assert_true(cb[CB_REDIAL_FIRST] == 0);
		assert_true(cb[CB_MADE] == cb[CB_REQUESTED] -
			    cb[CB_PENDING_END]);
	}
	assert_in_ci(ci_of(x, 1, c.reps, REPLICATIONS_LEVEL), 0,
		     "requested - p abandoned");
	free(x);
	replications_free(res, c.reps);
	scenario_free(sc);
}

/* Every abandoned caller called back at once (probability 1, a pool of
 * fifty ahead of its own line), long before their redial would ring:
 * every request is made, with no delay, and no redial rings. */
static void test_call_back_first_calls_off_the_redial(void **state)
{
	struct cb_case c = {0.9, 600, 1, "before_own", 50, 4, "deterministic", NULL};
	struct scenario *sc = load_case(&c);
	struct replication_result **res = replications_run(sc);

	(void)state;
	for (unsigned i = 0; i < c.reps; i++) {
		const double *f = replication_line_at(res[i], 0);
		const double *cb = replication_cbline_at(res[i], 0);
		assert_true(f[CC_ABANDONED] > 0);
		assert_true(cb[CB_REQUESTED] == f[CC_ABANDONED]);
		assert_true(cb[CB_MADE] == cb[CB_REQUESTED]);
		assert_true(f[CC_REPEATS] == 0);
		assert_seconds_near(cb[CB_DELAY_MEAN_S], 0, 0);
		assert_seconds_near(cb[CB_WITHIN_TARGET], 1, 0);
	}
	replications_free(res, c.reps);
	scenario_free(sc);
}

/* Nobody to call back (a pool of none): no request is made, and those
 * settled were settled by the caller's own redial. */
static void test_redial_first_withdraws_the_request(void **state)
{
	struct cb_case c = {0.8, 30, 1, "before_own", 0, 4, "exponential", NULL};
	struct scenario *sc = load_case(&c);
	struct replication_result **res = replications_run(sc);
	double made, first;

	(void)state;
	assert_conserved(res, c.reps, &made, &first);
	assert_true(made == 0);
	assert_true(first > 0);
	for (unsigned i = 0; i < c.reps; i++)
		assert_true(isnan(replication_cbline_at(res[i], 0)
				  [CB_DELAY_MEAN_S]));
	replications_free(res, c.reps);
	scenario_free(sc);
}

/* Probability 0 changes nothing: the line's figures are the same bytes
 * as without the key, and the result has no call-back block. */
static void test_zero_probability_changes_nothing(void **state)
{
	struct cb_case c = {0.5, 120, 0, "after_own", 1, 2, "exponential", NULL};
	struct scenario *a = load_case(&c), *b;
	struct sim_err err;

	(void)state;
	b = load_case(&c);
	b->lines[0].callback = (struct callback_spec){0};
	assert_false(callback_wanted(a));
	for (uint32_t r = 0; r < c.reps; r++) {
		struct replication_result *ra = replication_result_new(a);
		struct replication_result *rb = replication_result_new(b);
		sim_err_clear(&err);
		assert_int_equal(replication_run(a, r, ra, &err), SIM_OK);
		assert_int_equal(replication_run(b, r, rb, &err), SIM_OK);
		assert_memory_equal(ra->line, rb->line, 2 * CC_LINE_METRICS *
				    sizeof(double));
		assert_memory_equal(ra->pool, rb->pool, 2 * CC_POOL_METRICS *
				    sizeof(double));
		replication_result_free(ra);
		replication_result_free(rb);
	}
	scenario_free(a);
	scenario_free(b);
}

/* Call-backs under routing: pool cb also answers line a when a caller
 * of a has waited 20 s, keeping one handler from a for its own line b;
 * whichever priority its call-backs have, every request is made,
 * reached by redial first or pending, every replication, while a's
 * calls are answered by overflow too. */
static void test_conserved_under_routing(void **state)
{
	static const char *const priorities[] = {"after_own", "before_own"};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct cb_case c = {0.5, 120, 0.6, priorities[i], 3, 10,
				    "exponential", ", overflow: [{line: a, "
				    "wait_s: 20}], reserve: [{line: a, keep: 1}]"};
		struct scenario *sc = load_case(&c);
		struct replication_result **res = replications_run(sc);
		double made, first, overflowed = 0;

		assert_conserved(res, c.reps, &made, &first);
		for (unsigned r = 0; r < c.reps; r++)
			overflowed += replication_line_at(res[r], 0)
				[CC_ANSWERED_OVERFLOW];
		assert_true(made > 0);
		assert_true(first > 0);
		assert_true(overflowed > 0);
		replications_free(res, c.reps);
		scenario_free(sc);
	}
}

/* Runs sc's replications and b's side by side: the same bytes in every
 * figure the contact centre and its call-backs report. */
static void assert_same_runs(const struct scenario *a,
			     const struct scenario *b, unsigned reps)
{
	struct sim_err err;
	size_t nl = a->n_lines, np = a->n_pools;

	for (uint32_t r = 0; r < reps; r++) {
		struct replication_result *ra = replication_result_new(a);
		struct replication_result *rb = replication_result_new(b);
		sim_err_clear(&err);
		assert_int_equal(replication_run(a, r, ra, &err), SIM_OK);
		assert_int_equal(replication_run(b, r, rb, &err), SIM_OK);
		assert_memory_equal(ra->line, rb->line, nl * CC_LINE_METRICS *
				    sizeof(double));
		assert_memory_equal(ra->pool, rb->pool, np * CC_POOL_METRICS *
				    sizeof(double));
		assert_memory_equal(ra->callback_line, rb->callback_line,
				    nl * CB_LINE_METRICS * sizeof(double));
		assert_true(replication_cbline_at(ra, 0)[CB_MADE] > 0);
		replication_result_free(ra);
		replication_result_free(rb);
	}
}

/* An overflow rule that never holds (a queue of a million) and a reserve
 * of none: the same run, byte for byte, as dedicated pools with
 * call-backs, whichever their priority. */
static void test_infinite_threshold_is_dedicated(void **state)
{
	static const char *const priorities[] = {"after_own", "before_own"};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct cb_case c = {0.5, 120, 0.6, priorities[i], 2, 4,
				    "exponential", NULL};
		struct scenario *dedicated = load_case(&c), *routed;

		c.cb_routing = ", overflow: [{line: a, queue: 1000000}], "
			       "reserve: [{line: a, keep: 0}]";
		routed = load_case(&c);
		assert_int_equal(routed->pools[1].n_overflow, 1);
		assert_same_runs(dedicated, routed, c.reps);
		scenario_free(dedicated);
		scenario_free(routed);
	}
}

/* A call-back is work of the abandoned caller's line: pool cb keeping its
 * one handler from line a makes none of a's call-backs (each is reached
 * by redial first or left pending), where without the reserve it makes
 * them. */
static void test_reserve_holds_call_backs(void **state)
{
	struct cb_case c = {0.5, 120, 0.6, "before_own", 1, 6, "exponential",
			    ", overflow: [{line: a, queue: 1000000}], "
			    "reserve: [{line: a, keep: 1}]"};
	struct scenario *sc = load_case(&c);
	struct replication_result **res = replications_run(sc);
	double made, first;

	(void)state;
	assert_conserved(res, c.reps, &made, &first);
	assert_true(made == 0);
	assert_true(first > 0);
	replications_free(res, c.reps);
	scenario_free(sc);
	c.cb_routing = ", overflow: [{line: a, queue: 1000000}]";
	sc = load_case(&c);
	res = replications_run(sc);
	assert_conserved(res, c.reps, &made, &first);
	assert_true(made > 0);
	replications_free(res, c.reps);
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_request_is_settled_or_pending),
		cmocka_unit_test(test_requests_follow_the_probability),
		cmocka_unit_test(test_call_back_first_calls_off_the_redial),
		cmocka_unit_test(test_redial_first_withdraws_the_request),
		cmocka_unit_test(test_zero_probability_changes_nothing),
		cmocka_unit_test(test_conserved_under_routing),
		cmocka_unit_test(test_infinite_threshold_is_dedicated),
		cmocka_unit_test(test_reserve_holds_call_backs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
