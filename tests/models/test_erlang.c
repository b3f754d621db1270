/* test_erlang.c: the analytic oracles, against table values, closed forms,
 * a published Erlang A example, and an independent numerical solution of
 * the Erlang A waiting process. */
#include "test_support.h"

#include <stdlib.h>

#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>

#include "models/erlang.h"

static void test_erlang_b_table_value(void **state)
{
	(void)state;
	/* Tables: 10 servers offered 5 Erlangs block 1.838% of calls. */
	assert_seconds_near(erlang_b(10, 5), 0.01838, 5e-6);
	assert_seconds_near(erlang_b(0, 2.385), 1, 0);
	assert_seconds_near(erlang_b(1, 2.385), 2.385 / 3.385, 1e-15);
	/* The recursion does not overflow where a^c / c! would. */
	double b = erlang_b(500, 480.5);

	assert_true(b > 0 && b < 1);
}

/* Erlang C from its textbook definition, for small c. */
static double erlang_c_direct(int c, double a)
{
	double sum = 0, last = 0;

	for (int k = 0; k < c; k++)
		sum += exp(k * log(a) - gsl_sf_lngamma(k + 1));
	last = exp(c * log(a) - gsl_sf_lngamma(c + 1)) * c / (c - a);
	return last / (sum + last);
}

static void test_erlang_c_matches_definition(void **state)
{
	(void)state;
	assert_seconds_near(erlang_c(10, 8), 0.4092, 5e-5);
	assert_seconds_near(erlang_c(10, 8), erlang_c_direct(10, 8), 1e-12);
	assert_seconds_near(erlang_c(23, 17.385), erlang_c_direct(23, 17.385),
			    1e-12);
	assert_true(isnan(erlang_c(10, 10)));
	assert_true(isnan(erlang_c(10, 12.5)));
}

/* c = 10, a = 8 (lambda = 8/300, mean handle 300 s), answer within 20 s:
 *   SL = 1 - C exp(-(c mu - lambda) 20),  ASA = C / (c mu - lambda). */
static void test_erlang_solve_c_closed_forms(void **state)
{
	struct erlang_queue q = {8.0 / 300, 1.0 / 300, 10, 0};
	struct erlang_result r;
	double pc = erlang_c_direct(10, 8), drain = 2.0 / 300;

	(void)state;
	assert_int_equal(erlang_solve(&q, 20, &r), 0);
	assert_seconds_near(r.p_wait, pc, 1e-12);
	assert_seconds_near(r.service_level, 1 - pc * exp(-drain * 20), 1e-12);
	assert_seconds_near(r.service_level, 0.6419, 5e-5);
	assert_seconds_near(r.asa_s, pc / drain, 1e-9);
	assert_seconds_near(r.mean_wait_s, pc / drain, 1e-9);
	assert_seconds_near(r.occupancy, 0.8, 1e-15);
	assert_seconds_near(r.mean_queue, pc * 8 / 2, 1e-12);
	assert_true(r.p_abandon == 0);

	q.lambda = 10.0 / 300;   /* a = c: no steady state */
	assert_int_equal(erlang_solve(&q, 20, &r), 0);
	assert_true(isnan(r.service_level) && isnan(r.asa_s) &&
		    isnan(r.mean_queue) && isnan(r.p_wait));
}

/* With patience of a thousand million seconds, Erlang A is Erlang C. */
static void test_erlang_a_converges_to_c(void **state)
{
	struct erlang_queue qc = {8.0 / 300, 1.0 / 300, 10, 0};
	struct erlang_queue qa = {8.0 / 300, 1.0 / 300, 10, 1e-9};
	struct erlang_result c, a;

	(void)state;
	assert_int_equal(erlang_solve(&qc, 20, &c), 0);
	assert_int_equal(erlang_solve(&qa, 20, &a), 0);
	assert_seconds_near(a.p_wait, c.p_wait, 1e-5);
	assert_seconds_near(a.service_level, c.service_level, 1e-5);
	assert_seconds_near(a.asa_s, c.asa_s, 1e-5 * c.asa_s);
	assert_seconds_near(a.mean_queue, c.mean_queue, 1e-5 * c.mean_queue);
	assert_seconds_near(a.occupancy, c.occupancy, 1e-6);
	assert_true(a.p_abandon > 0 && a.p_abandon < 1e-6);
}

/* The classical M/M/50+M example of the benchmark issue: 0.15 calls a
 * second, mean handle 300 s, mean patience 120 s. */
static void test_erlang_a_published_example(void **state)
{
	struct erlang_queue q = {0.15, 1.0 / 300, 50, 1.0 / 120};
	struct erlang_result r;

	(void)state;
	assert_int_equal(erlang_solve(&q, 10, &r), 0);
	assert_seconds_near(r.p_abandon, 0.0286, 5e-4);
	assert_seconds_near(r.service_level, 0.866, 5e-4);
	/* Served work balances: busy servers = answered arrivals * handle. */
	assert_seconds_near(r.occupancy * 50, 0.15 * (1 - r.p_abandon) * 300,
			    1e-9);
}

/* Independent oracle for Erlang A: the stationary distribution by direct
 * products (c is small), and the time to reach service by uniformisation
 * of the chain over queue positions 1..K, in which position j moves to
 * j - 1 at rate c mu + (j - 1) theta and the caller is lost at rate theta.
 * Nothing here uses the incomplete-beta form erlang.c relies on. */
static double oracle_service_level(const struct erlang_queue *q, double t)
{
	enum { K = 400 };
	double pi[K + 64], x[K + 2] = {0}, sum = 0, served = 0, sl = 0;
	double cmu = q->c * q->mu, lam_u = cmu + K * q->theta;
	int n_max = q->c + K - 1;

	pi[0] = 1;
	for (int n = 1; n <= n_max; n++) {
		double d = (n < q->c ? n : q->c) * q->mu +
			   (n > q->c ? (n - q->c) * q->theta : 0);

		pi[n] = pi[n - 1] * q->lambda / d;
	}
	for (int n = 0; n <= n_max; n++)
		sum += pi[n];
	for (int n = 0; n < q->c; n++)
		sl += pi[n] / sum;
	for (int k = 1; k <= K; k++)
		x[k] = pi[q->c + k - 1] / sum;
	/* served after m uniformised steps, weighted by Poisson(lam_u t). */
	int m_max = (int)(lam_u * t + 10 * sqrt(lam_u * t) + 20);

	for (int m = 0; m <= m_max; m++) {
		sl += gsl_ran_poisson_pdf((unsigned)m, lam_u * t) * served;
		served += x[1] * cmu / lam_u;
		for (int j = 1; j <= K; j++)
			x[j] = x[j] * (1 - (cmu + j * q->theta) / lam_u) +
			       x[j + 1] * (cmu + j * q->theta) / lam_u;
	}
	return sl;
}

static void test_erlang_a_matches_uniformised_chain(void **state)
{
	struct erlang_queue q = {0.0523, 1.0 / 241.5, 12, 1.0 / 87.5};
	double ts[] = {0.5, 10, 30, 120, 600};
	struct erlang_result r;

	(void)state;
	/* At t = 0 only the callers answered at once count. */
	assert_int_equal(erlang_solve(&q, 0, &r), 0);
	assert_seconds_near(r.service_level, 1 - r.p_wait, 1e-15);
	for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) {
		assert_int_equal(erlang_solve(&q, ts[i], &r), 0);
		assert_seconds_near(r.service_level,
				    oracle_service_level(&q, ts[i]), 1e-9);
	}
}

struct sl_curve {
	struct erlang_queue q;
	double answered;
};

/* P(answered, wait > s) = P(answered) - SL(s). */
static double unanswered_by(double s, void *arg)
{
	struct sl_curve *c = arg;
	struct erlang_result r;

	erlang_solve(&c->q, s, &r);
	return c->answered - r.service_level;
}

/* Ties the measures to each other: SL(infinity) is 1 - P(abandon) (the
 * first from the telescoped product, the second from Little's law), and
 * ASA * P(answered) is the integral of P(answered, wait > s) over s (the
 * first from harmonic sums, the second from the incomplete beta). */
static void test_erlang_a_measures_are_consistent(void **state)
{
	struct sl_curve c = {{0.0523, 1.0 / 241.5, 12, 1.0 / 87.5}, 0};
	gsl_integration_workspace *w = gsl_integration_workspace_alloc(200);
	gsl_function f = {unanswered_by, &c};
	struct erlang_result r;
	double integral, abserr;

	(void)state;
	assert_int_equal(erlang_solve(&c.q, 1e7, &r), 0);
	c.answered = 1 - r.p_abandon;
	assert_seconds_near(r.service_level, c.answered, 1e-12);
	assert_true(r.p_wait > 0 && r.p_wait < 1);
	assert_seconds_near(r.mean_wait_s, r.mean_queue / c.q.lambda, 1e-12);
	assert_int_equal(gsl_integration_qagiu(&f, 0, 1e-12, 1e-10, 200, w,
					       &integral, &abserr), 0);
	assert_seconds_near(r.asa_s * c.answered, integral, 1e-8);
	gsl_integration_workspace_free(w);
}

/* Hundreds of servers, underloaded and overloaded, stay finite. */
static void test_erlang_a_large_and_overloaded(void **state)
{
	struct erlang_queue qs[] = {
		{1.6, 1.0 / 300, 500, 1.0 / 200},    /* a = 480 */
		{0.15, 1.0 / 300, 40, 1.0 / 120},    /* a = 45 > c */
	};
	struct erlang_result r, inf;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(erlang_solve(&qs[i], 10, &r), 0);
		assert_int_equal(erlang_solve(&qs[i], 1e7, &inf), 0);
		assert_true(r.service_level > 0 && r.service_level < 1);
		assert_true(r.p_abandon > 0 && r.p_abandon < 1);
		assert_true(r.occupancy > 0 && r.occupancy <= 1);
		assert_true(isfinite(r.asa_s) && isfinite(r.mean_queue));
		assert_seconds_near(inf.service_level, 1 - inf.p_abandon,
				    1e-9);
	}
}

static void test_erlang_solve_rejects_bad_input(void **state)
{
	struct erlang_queue good = {0.15, 1.0 / 300, 50, 1.0 / 120};
	struct erlang_queue bad[] = {
		{0, 1.0 / 300, 50, 0}, {-0.15, 1.0 / 300, 50, 0},
		{0.15, 0, 50, 0}, {0.15, 1.0 / 300, 0, 0},
		{0.15, 1.0 / 300, 50, -0.01}, {NAN, 1.0 / 300, 50, 0},
		{0.15, INFINITY, 50, 0}, {0.15, 1.0 / 300, 50, NAN},
	};
	struct erlang_result r;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(erlang_solve(&bad[i], 10, &r), -1);
	assert_int_equal(erlang_solve(&good, -1, &r), -1);
	assert_int_equal(erlang_solve(&good, NAN, &r), -1);
	assert_int_equal(erlang_required(0, 1.0 / 300, 0, 10, 0.9, 100), -1);
	assert_int_equal(erlang_required(0.15, 1.0 / 300, 0, 10, 0.9, 0), -1);
}

/* The answer is the least c: it meets the goal and c - 1 does not. */
static void check_required(double lambda, double mu, double theta,
			   double t, double goal, int expect)
{
	struct erlang_queue q = {lambda, mu, 0, theta};
	struct erlang_result r;
	int c = erlang_required(lambda, mu, theta, t, goal, 500);

	assert_int_equal(c, expect);
	q.c = c;
	assert_int_equal(erlang_solve(&q, t, &r), 0);
	assert_true(r.service_level >= goal);
	q.c = c - 1;
	assert_int_equal(erlang_solve(&q, t, &r), 0);
	assert_false(r.service_level >= goal);
}

/* Without abandonment, as many servers as Erlangs never settles: 540 calls
 * an hour of 300 s (45 Erlangs, which rounding computes as a hair under
 * 45) need 46 even for an unbounded target. */
static void test_erlang_required_never_unstable(void **state)
{
	(void)state;
	assert_int_equal(erlang_required(0.15, 1.0 / 300.0, 0.0, 1e308, 0.9,
					 100), 46);
}

static void test_erlang_required_is_least(void **state)
{
	(void)state;
	check_required(0.15, 1.0 / 300, 1.0 / 120, 10, 0.9, 52);
	check_required(0.0823, 1.0 / 287, 0, 20, 0.8, 29);
	/* Unreachable within c_max. */
	assert_int_equal(erlang_required(0.15, 1.0 / 300, 0, 10, 0.9, 46), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_erlang_b_table_value),
		cmocka_unit_test(test_erlang_c_matches_definition),
		cmocka_unit_test(test_erlang_solve_c_closed_forms),
		cmocka_unit_test(test_erlang_a_converges_to_c),
		cmocka_unit_test(test_erlang_a_published_example),
		cmocka_unit_test(test_erlang_a_matches_uniformised_chain),
		cmocka_unit_test(test_erlang_a_measures_are_consistent),
		cmocka_unit_test(test_erlang_a_large_and_overloaded),
		cmocka_unit_test(test_erlang_solve_rejects_bad_input),
		cmocka_unit_test(test_erlang_required_is_least),
		cmocka_unit_test(test_erlang_required_never_unstable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
