/* test_busyness.c: day-to-day busyness (models/busyness.c) — the day
 * factors, the variance of daily counts a doubly-stochastic Poisson
 * process must have, and streams that leave every other draw alone. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "models/busyness.h"
#include "models/replication.h"
#include "models/scenario.h"
#include "sim/rng_stream.h"

/* Calls only: line a, flat, LAMBDA calls a day, whose callers never hang
 * up (so no redial adds to a day's count); line b on a pool of its own,
 * with abandonment and redials; and whatever `extra` adds at the top. */
#define LAMBDA 200.0
static struct scenario *load(const char *extra, unsigned reps, double days)
{
	char text[2048];
	struct scenario_source src = {0};
	struct scenario *sc = NULL;
	struct sim_err err;

	snprintf(text, sizeof text,
		 "name: busyness test\n"
		 "run: {days: %g, warmup_hours: 0, replications: %u, seed: 2385}\n"
		 "lines:\n"
		 "  - {name: a, volume: {per_day: %g}, handle: {dist: exponential,"
		 " mean: 60}, answer: {within_s: 20}}\n"
		 "  - {name: b, volume: {per_day: 96}, handle: {dist: exponential,"
		 " mean: 300}, patience: {dist: exponential, mean: 120},"
		 " redial: {probability: 0.3, delay: {dist: exponential, mean: 60}},"
		 " answer: {within_s: 20}}\n"
		 "pools:\n"
		 "  - {name: pa, serves: [a], shifts: [{name: d, start: \"00:00\","
		 " hours: 24, staff: 20}]}\n"
		 "  - {name: pb, serves: [b], shifts: [{name: d, start: \"00:00\","
		 " hours: 24, staff: 1}]}\n%s",
		 days, reps, LAMBDA, extra);
	src.path = "busyness.yaml";
	src.text = text;
	src.text_len = strlen(text);
	sim_err_clear(&err);
	if (scenario_load(&src, &sc, &err) != SIM_OK)
		fail_msg("%s", err.text);
	return sc;
}

/* Every (replication, day) count of line l's offered calls, in a new
 * array of reps * days values. */
static double *daily_counts(const struct scenario *sc, size_t l)
{
	size_t nd = replication_days(sc), reps = sc->run.replications;
	double *x = calloc(reps * nd, sizeof *x);

	assert_non_null(x);
	for (uint32_t r = 0; r < reps; r++) {
		struct replication_result *res = replication_result_new(sc);
		struct sim_err err;

		sim_err_clear(&err);
		assert_int_equal(replication_run(sc, r, res, &err), SIM_OK);
		for (size_t d = 0; d < nd; d++)
			x[r * nd + d] = replication_dline_at(res, d, l)[CC_D_OFFERED];
		replication_result_free(res);
	}
	return x;
}

/* The sample variance of n values. */
static double sample_variance(const double *x, size_t n, double *mean)
{
	double s2 = 0;

	*mean = 0;
	for (size_t i = 0; i < n; i++)
		*mean += x[i] / (double)n;
	for (size_t i = 0; i < n; i++)
		s2 += (x[i] - *mean) * (x[i] - *mean) / (double)(n - 1);
	return s2;
}

/* The standard error of the sample variance of n independent values of
 * variance var and fourth central moment mu4: sqrt(mu4 / n - var^2 (n -
 * 3) / (n (n - 1))). */
static double variance_se(double var, double mu4, double n)
{
	return sqrt(mu4 / n - var * var * (n - 3) / (n * (n - 1)));
}

/* The variance of a day's count is lambda + lambda^2 cv^2. Given its
 * factor B (gamma, shape r = 1/cv^2) a day's count is Poisson(lambda B):
 * negative binomial with mean lambda, variance s2 = lambda (1 + lambda /
 * r) and excess kurtosis g2 = 6/r + r / (lambda (r + lambda)), so mu4 =
 * s2^2 (3 + g2). Days are independent (their factors are, and Poisson
 * counts of disjoint days are given the factors), so the 4 x 500 days
 * give S^2 with the standard error of variance_se, and S^2 of 2,000 values
 * is close to normal: the test allows z(0.9995) = 3.29 standard errors
 * either side, a 99.9% interval, never widened. With cv 0.2 the variance
 * is 1,800, its standard error 60; Poisson's 200 is 26 of them away. */
static void test_daily_variance_is_doubly_stochastic(void **state)
{
	const double cv = 0.2, r = 1 / (cv * cv), n = 2000;
	struct scenario *sc = load("busyness:\n  - {name: g, cv: 0.2, "
				   "lines: [a]}\n", 4, 500);
	double *x = daily_counts(sc, 0), mean, s2 = sample_variance(x, 2000, &mean);
	double var = LAMBDA + LAMBDA * LAMBDA * cv * cv;
	double g2 = 6 / r + r / (LAMBDA * (r + LAMBDA));
	double z = gsl_cdf_ugaussian_Pinv(0.9995);

	(void)state;
	assert_seconds_near(mean, LAMBDA, z * sqrt(var / n));
	assert_seconds_near(s2, var, z * variance_se(var, var * var * (3 + g2), n));
	free(x);
	scenario_free(sc);
}

/* Without busyness a day's count is Poisson: variance lambda, mu4 =
 * lambda + 3 lambda^2; the same 99.9% interval. */
static void test_daily_variance_without_busyness_is_poisson(void **state)
{
	const double n = 2000;
	struct scenario *sc = load("", 4, 500);
	double *x = daily_counts(sc, 0), mean, s2 = sample_variance(x, 2000, &mean);
	double mu4 = LAMBDA + 3 * LAMBDA * LAMBDA;

	(void)state;
	assert_seconds_near(s2, LAMBDA, gsl_cdf_ugaussian_Pinv(0.9995) *
			    variance_se(LAMBDA, mu4, n));
	free(x);
	scenario_free(sc);
}

/* The line figures of two scenarios' replications are the same bytes. */
static void assert_same_line(const struct scenario *a,
			     const struct scenario *b, size_t line)
{
	for (uint32_t r = 0; r < a->run.replications; r++) {
		struct replication_result *ra = replication_result_new(a);
		struct replication_result *rb = replication_result_new(b);
		struct sim_err err;

		sim_err_clear(&err);
		assert_int_equal(replication_run(a, r, ra, &err), SIM_OK);
		assert_int_equal(replication_run(b, r, rb, &err), SIM_OK);
		assert_memory_equal(replication_line_at(ra, line),
				    replication_line_at(rb, line),
				    CC_LINE_METRICS * sizeof(double));
		replication_result_free(ra);
		replication_result_free(rb);
	}
}

/* A group of cv 0 draws nothing: every figure is as without busyness. */
static void test_cv_zero_changes_nothing(void **state)
{
	struct scenario *a = load("", 3, 7);
	struct scenario *b = load("busyness:\n  - {name: g, cv: 0, "
				  "lines: [a, b]}\n", 3, 7);

	(void)state;
	assert_same_line(a, b, 0);
	assert_same_line(a, b, 1);
	scenario_free(a);
	scenario_free(b);
}

/* Busyness on line a draws from a stream of its own: line b, on a pool
 * of its own, sees the same callers, patience, talk times and redials,
 * so every one of its figures is the same bytes; line a's are not. */
static void test_busyness_shifts_no_other_stream(void **state)
{
	struct scenario *a = load("", 3, 7);
	struct scenario *b = load("busyness:\n  - {name: g, cv: 0.3, "
				  "lines: [a]}\n", 3, 7);
	struct replication_result *ra = replication_result_new(a);
	struct replication_result *rb = replication_result_new(b);
	struct sim_err err;

	(void)state;
	assert_same_line(a, b, 1);
	sim_err_clear(&err);
	assert_int_equal(replication_run(a, 0, ra, &err), SIM_OK);
	assert_int_equal(replication_run(b, 0, rb, &err), SIM_OK);
	assert_true(replication_line_at(ra, 0)[CC_OFFERED] !=
		    replication_line_at(rb, 0)[CC_OFFERED]);
	replication_result_free(ra);
	replication_result_free(rb);
	scenario_free(a);
	scenario_free(b);
}

/* Every line of a group reads the same factors (each draws them afresh
 * from the group's stream), another group other ones; factors are
 * positive with mean 1. */
static void test_group_shares_its_factors(void **state)
{
	struct busyness_spec g[2] = {{.name = "x", .cv = 0.3},
				     {.name = "y", .cv = 0.3}};
	struct sim_err err;
	struct sim_ctx *ctx;
	double f1[40], f2[40], f3[40], mean = 0;

	(void)state;
	sim_err_clear(&err);
	ctx = sim_new(2385, 4, 10, &err);
	assert_non_null(ctx);
	assert_int_equal(busyness_draw(g, 0, ctx, f1, 40, &err), SIM_OK);
	assert_int_equal(busyness_draw(g, 0, ctx, f2, 40, &err), SIM_OK);
	assert_int_equal(busyness_draw(g, 1, ctx, f3, 40, &err), SIM_OK);
	assert_memory_equal(f1, f2, sizeof f1);
	assert_memory_not_equal(f1, f3, sizeof f1);
	for (int d = 0; d < 40; d++) {
		assert_true(f1[d] > 0);
		mean += f1[d] / 40;
	}
	/* 40 factors of sd 0.3: their mean within 3.29 * 0.3 / sqrt(40). */
	assert_seconds_near(mean, 1.0, 3.29 * 0.3 / sqrt(40));
	sim_free(ctx);
}

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return (x > y) - (x < y);
}

/* The busyness streams never share a generator seed with a model's
 * stream of the same replication (the first 64 purposes: twelve lines
 * and the response), nor one group's with itself in another replication,
 * for 1,000 replications of 16 groups: by the birthday bound about
 * 1000 * 16 * 80 / 2^32 = 3e-4 such pairs are expected, so a failure
 * means the purposes were not kept apart. */
static void test_streams_do_not_meet_the_models(void **state)
{
	enum { REPS = 1000, PURPOSES = 64, GROUPS = 16 };
	unsigned long *col = malloc(REPS * sizeof *col);

	(void)state;
	assert_non_null(col);
	for (uint32_t r = 0; r < REPS; r++) {
		unsigned long row[PURPOSES + GROUPS];

		for (uint32_t p = 0; p < PURPOSES; p++)
			row[p] = rng_stream_seed(2385, r, p);
		for (uint32_t g = 0; g < GROUPS; g++)
			row[PURPOSES + g] = rng_stream_seed(2385, r,
							    BUSYNESS_STREAM + g);
		for (size_t i = PURPOSES; i < PURPOSES + GROUPS; i++)
			for (size_t j = 0; j < i; j++)
				assert_true(row[i] != row[j]);
	}
	for (uint32_t g = 0; g < GROUPS; g++) {
		for (uint32_t r = 0; r < REPS; r++)
			col[r] = rng_stream_seed(2385, r, BUSYNESS_STREAM + g);
		qsort(col, REPS, sizeof *col, cmp_ulong);
		for (size_t i = 1; i < REPS; i++)
			assert_true(col[i] != col[i - 1]);
	}
	free(col);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_daily_variance_is_doubly_stochastic),
		cmocka_unit_test(test_daily_variance_without_busyness_is_poisson),
		cmocka_unit_test(test_cv_zero_changes_nothing),
		cmocka_unit_test(test_busyness_shifts_no_other_stream),
		cmocka_unit_test(test_group_shares_its_factors),
		cmocka_unit_test(test_streams_do_not_meet_the_models),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
