/* test_dist.c: the duration distributions. Each kind is sampled 200,000
 * times with a fixed seed and its sample mean and variance are compared with
 * the exact moments, within four standard errors derived from theory; every
 * rejection of dist_prepare is provoked. */
#include "test_support.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_statistics_double.h>

#include "models/dist.h"
#include "sim/xoshiro256pp.h"

#define N_SAMPLES 200000
#define SEED 20250611UL

/* The raw moments E[X^1..4] of a distribution, computed here from the
 * planner's parameters by textbook formulas, independently of dist.c. */
struct moments {
	double raw[5];   /* raw[n] = E[X^n], raw[0] unused */
};

/* Central fourth moment from raw moments. */
static double moments_mu4(const struct moments *m)
{
	double m1 = m->raw[1];

	return m->raw[4] - 4 * m1 * m->raw[3] + 6 * m1 * m1 * m->raw[2] -
	       3 * m1 * m1 * m1 * m1;
}

static double moments_var(const struct moments *m)
{
	return m->raw[2] - m->raw[1] * m->raw[1];
}

/* Samples d N_SAMPLES times and checks the sample mean and variance.
 *
 * The sample mean has standard error sqrt(var / n). The sample variance s^2
 * of n i.i.d. draws has, for large n, variance (mu4 - var^2) / n, with mu4
 * the central fourth moment (the n-1 correction is O(1/n^2) and negligible
 * at n = 200,000). Both are compared within 4 of their standard errors,
 * which a correct sampler misses with probability about 6e-5. */
static void check_sampled_moments(const struct dist *d, const struct moments *m)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	double *x = malloc(N_SAMPLES * sizeof *x);
	double var = moments_var(m);
	double se_mean = sqrt(var / N_SAMPLES);
	double se_var = sqrt((moments_mu4(m) - var * var) / N_SAMPLES);

	assert_non_null(r);
	assert_non_null(x);
	gsl_rng_set(r, SEED);
	for (size_t i = 0; i < N_SAMPLES; i++) {
		x[i] = dist_sample(d, r);
		assert_true(x[i] >= 0);
	}
	/* The exact moments dist.c reports agree with the textbook ones. */
	assert_seconds_near(dist_mean(d), m->raw[1], 1e-9 * m->raw[1]);
	assert_seconds_near(dist_variance(d), var, 1e-9 * var);

	double mean = gsl_stats_mean(x, 1, N_SAMPLES);
	double s2 = gsl_stats_variance_m(x, 1, N_SAMPLES, mean);

	assert_seconds_near(mean, m->raw[1], 4 * se_mean);
	assert_seconds_near(s2, var, 4 * se_var);
	free(x);
	gsl_rng_free(r);
}

static struct dist prepared(struct dist d)
{
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(dist_prepare(&d, "test", &err), SIM_OK);
	assert_int_equal(err.n_lines, 0);
	return d;
}

static void test_dist_exponential_moments(void **state)
{
	double mean = 283.7;
	struct dist d = prepared((struct dist){.kind = DIST_EXPONENTIAL,
					       .mean = mean});
	/* E[X^n] = n! mean^n */
	struct moments m = {{0, mean, 2 * pow(mean, 2), 6 * pow(mean, 3),
			     24 * pow(mean, 4)}};

	(void)state;
	check_sampled_moments(&d, &m);
}

static void test_dist_lognormal_moments(void **state)
{
	double mean = 270.4, sd = 216.3;
	struct dist d = prepared((struct dist){.kind = DIST_LOGNORMAL,
					       .mean = mean, .sd = sd});
	double s2 = log(1 + sd * sd / (mean * mean));
	double zeta = log(mean) - s2 / 2;
	struct moments m;

	(void)state;
	/* E[X^n] = exp(n zeta + n^2 sigma^2 / 2) */
	for (int n = 1; n <= 4; n++)
		m.raw[n] = exp(n * zeta + n * n * s2 / 2);
	assert_seconds_near(m.raw[1], mean, 1e-9 * mean);
	check_sampled_moments(&d, &m);
	dist_clear(&d);
}

static void test_dist_gamma_moments(void **state)
{
	double mean = 91.3, sd = 58.7;
	struct dist d = prepared((struct dist){.kind = DIST_GAMMA,
					       .mean = mean, .sd = sd});
	double k = mean * mean / (sd * sd), theta = sd * sd / mean;
	struct moments m;
	double rising = 1;

	(void)state;
	/* E[X^n] = theta^n k (k+1) ... (k+n-1) */
	for (int n = 1; n <= 4; n++) {
		rising *= k + n - 1;
		m.raw[n] = pow(theta, n) * rising;
	}
	check_sampled_moments(&d, &m);
}

static void test_dist_weibull_moments(void **state)
{
	double shape = 1.385, scale = 412.6;
	struct dist d = prepared((struct dist){.kind = DIST_WEIBULL,
					       .shape = shape, .scale = scale});
	struct moments m;

	(void)state;
	/* E[X^n] = scale^n Gamma(1 + n / shape) */
	for (int n = 1; n <= 4; n++)
		m.raw[n] = pow(scale, n) * gsl_sf_gamma(1 + n / shape);
	check_sampled_moments(&d, &m);
}

static void test_dist_uniform_moments(void **state)
{
	double a = 12.5, b = 97.25;
	struct dist d = prepared((struct dist){.kind = DIST_UNIFORM,
					       .min = a, .max = b});
	struct moments m;

	(void)state;
	/* E[X^n] = (b^(n+1) - a^(n+1)) / ((n+1)(b-a)) */
	for (int n = 1; n <= 4; n++)
		m.raw[n] = (pow(b, n + 1) - pow(a, n + 1)) / ((n + 1) * (b - a));
	check_sampled_moments(&d, &m);
}

static void test_dist_empirical_moments(void **state)
{
	double v[] = {31.5, 47.25, 120.0, 8.75, 263.1};
	size_t n_v = sizeof v / sizeof v[0];
	struct dist d = prepared((struct dist){.kind = DIST_EMPIRICAL,
					       .values = v, .n_values = n_v});
	struct moments m = {{0}};

	(void)state;
	/* Each value has probability 1/n: E[X^n] is the mean of v^n. */
	for (int n = 1; n <= 4; n++) {
		for (size_t i = 0; i < n_v; i++)
			m.raw[n] += pow(v[i], n) / (double)n_v;
	}
	check_sampled_moments(&d, &m);
}

static void test_dist_deterministic_is_constant(void **state)
{
	struct dist d = prepared((struct dist){.kind = DIST_DETERMINISTIC,
					       .value = 42.385});
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	(void)state;
	gsl_rng_set(r, SEED);
	for (int i = 0; i < 1000; i++)
		assert_true(dist_sample(&d, r) == 42.385);
	assert_true(dist_mean(&d) == 42.385);
	assert_true(dist_variance(&d) == 0);
	gsl_rng_free(r);
}

static void test_dist_kind_names_round_trip(void **state)
{
	enum dist_kind kinds[] = {DIST_EXPONENTIAL, DIST_LOGNORMAL, DIST_GAMMA,
				  DIST_WEIBULL, DIST_DETERMINISTIC,
				  DIST_UNIFORM, DIST_EMPIRICAL};
	enum dist_kind k;

	(void)state;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		const char *name = dist_kind_name(kinds[i]);

		assert_non_null(strstr(dist_kind_names(), name));
		assert_int_equal(dist_kind_parse(name, &k), 0);
		assert_int_equal(k, kinds[i]);
	}
	assert_string_equal(dist_kind_names(),
			    "exponential, lognormal, gamma, weibull, "
			    "deterministic, uniform, empirical");
	assert_int_equal(dist_kind_parse("normal", &k), -1);
	assert_int_equal(dist_kind_parse("Exponential", &k), -1);
}

/* Prepares d, expects a rejection, and compares the one line it adds. */
static void expect_rejection(struct dist d, const char *line)
{
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(dist_prepare(&d, "scenario.yaml:12:5: lines.999.handle",
				      &err),
			 SIM_ESCENARIO);
	assert_int_equal(err.status, SIM_ESCENARIO);
	assert_int_equal(err.n_lines, 1);
	assert_string_equal(err.text, line);
}

#define WHERE "scenario.yaml:12:5: lines.999.handle: "
#define POS_S "must be a positive number of seconds\n"
#define NONNEG_S "must be a number of seconds >= 0\n"

static void test_dist_prepare_rejects_bad_means_and_sds(void **state)
{
	(void)state;
	expect_rejection((struct dist){.kind = DIST_EXPONENTIAL, .mean = 0},
			 WHERE "mean is 0; " POS_S);
	expect_rejection((struct dist){.kind = DIST_EXPONENTIAL, .mean = NAN},
			 WHERE "mean is nan; " POS_S);
	expect_rejection((struct dist){.kind = DIST_LOGNORMAL, .mean = -270.5,
				       .sd = 216},
			 WHERE "mean is -270.5; " POS_S);
	expect_rejection((struct dist){.kind = DIST_LOGNORMAL, .mean = 270,
				       .sd = -3},
			 WHERE "sd is -3; " POS_S);
	expect_rejection((struct dist){.kind = DIST_GAMMA, .mean = INFINITY,
				       .sd = 2.5},
			 WHERE "mean is inf; " POS_S);
	expect_rejection((struct dist){.kind = DIST_GAMMA, .mean = 91.3,
				       .sd = 0},
			 WHERE "sd is 0; " POS_S);
}

static void test_dist_prepare_rejects_bad_weibull(void **state)
{
	(void)state;
	expect_rejection((struct dist){.kind = DIST_WEIBULL, .shape = -1.5,
				       .scale = 400},
			 WHERE "shape is -1.5; must be a positive number\n");
	expect_rejection((struct dist){.kind = DIST_WEIBULL, .shape = 1.385,
				       .scale = -INFINITY},
			 WHERE "scale is -inf; " POS_S);
}

/* Parameters that are each fine but whose derived values overflow, or a
 * mean past 1e9 s, would put infinite or NaN times on the calendar. */
static void test_dist_prepare_rejects_overflowing_parameters(void **state)
{
	(void)state;
	expect_rejection((struct dist){.kind = DIST_LOGNORMAL, .mean = 240,
				       .sd = 1e200},
			 WHERE "the lognormal given has a mean of 240 s and no "
			 "finite variance; must have a mean of at most 1e+09 s "
			 "and a finite variance\n");
	expect_rejection((struct dist){.kind = DIST_WEIBULL, .shape = 0.001,
				       .scale = 238.5},
			 WHERE "the weibull given has a mean of inf s and no "
			 "finite variance; must have a mean of at most 1e+09 s "
			 "and a finite variance\n");
	expect_rejection((struct dist){.kind = DIST_EXPONENTIAL, .mean = 1e308},
			 WHERE "the exponential given has a mean of 1e+308 s and "
			 "no finite variance; must have a mean of at most 1e+09 s "
			 "and a finite variance\n");
}

static void test_dist_prepare_rejects_bad_value_and_range(void **state)
{
	(void)state;
	expect_rejection((struct dist){.kind = DIST_DETERMINISTIC,
				       .value = -0.25},
			 WHERE "value is -0.25; " NONNEG_S);
	expect_rejection((struct dist){.kind = DIST_DETERMINISTIC,
				       .value = INFINITY},
			 WHERE "value is inf; " NONNEG_S);
	expect_rejection((struct dist){.kind = DIST_UNIFORM, .min = -4.5,
				       .max = 10},
			 WHERE "min is -4.5; " NONNEG_S);
	expect_rejection((struct dist){.kind = DIST_UNIFORM, .min = 30.5,
				       .max = 30.5},
			 WHERE "max is 30.5; must be a number of seconds "
			       "greater than min (30.5)\n");
	expect_rejection((struct dist){.kind = DIST_UNIFORM, .min = 2,
				       .max = NAN},
			 WHERE "max is nan; must be a number of seconds "
			       "greater than min (2)\n");
}

static void test_dist_prepare_rejects_bad_empirical(void **state)
{
	double v[] = {12.5, 40.25, -7.5, 3};
	double w[] = {12.5, NAN};

	(void)state;
	expect_rejection((struct dist){.kind = DIST_EMPIRICAL},
			 WHERE "values is empty; must list at least one "
			       "number of seconds >= 0\n");
	expect_rejection((struct dist){.kind = DIST_EMPIRICAL, .values = v,
				       .n_values = 4},
			 WHERE "values[2] is -7.5; " NONNEG_S);
	expect_rejection((struct dist){.kind = DIST_EMPIRICAL, .values = w,
				       .n_values = 2},
			 WHERE "values[1] is nan; " NONNEG_S);
}

static void test_dist_copy_is_deep(void **state)
{
	struct dist src = {.kind = DIST_EMPIRICAL, .n_values = 3};
	struct dist dst;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	src.values = malloc(3 * sizeof *src.values);
	assert_non_null(src.values);
	src.values[0] = 17.25;
	src.values[1] = 4.5;
	src.values[2] = 60.125;
	assert_int_equal(dist_prepare(&src, "test", &err), SIM_OK);
	assert_int_equal(dist_copy(&dst, &src), SIM_OK);
	assert_ptr_not_equal(dst.values, src.values);
	assert_int_equal(dst.n_values, 3);
	assert_seconds_near(dist_mean(&dst), (17.25 + 4.5 + 60.125) / 3, 1e-12);
	/* The copy outlives the original. */
	dist_clear(&src);
	assert_null(src.values);
	assert_int_equal(src.n_values, 0);
	assert_true(dst.values[2] == 60.125);
	dist_clear(&dst);
	dist_clear(NULL);
}

/* A lognormal owns its sampler's tables: the copy has its own, equal. */
static void test_dist_copy_of_lognormal_owns_its_tables(void **state)
{
	struct dist src = prepared((struct dist){.kind = DIST_LOGNORMAL,
						 .mean = 270.4, .sd = 216.3});
	struct dist dst;

	(void)state;
	assert_int_equal(dist_copy(&dst, &src), SIM_OK);
	assert_null(dst.values);
	assert_true(dst.p1 == src.p1 && dst.p2 == src.p2);
	assert_non_null(src.strips);
	assert_ptr_not_equal(dst.strips, src.strips);
	assert_memory_equal(dst.strips, src.strips, sizeof *src.strips);
	dist_clear(&src);
	assert_null(src.strips);
	assert_true(dst.strips->strip[1].q > 0);
	dist_clear(&dst);
}

/* A lognormal is drawn from its strips (sim/lognormal_strips.h), the
 * numbers the strips give for the same generator; a sigma too small for
 * them (neighbouring quantiles equal in doubles) leaves no tables and is
 * drawn as exp(zeta + sigma Z), still at its mean. */
static void test_dist_lognormal_draws_from_strips(void **state)
{
	struct dist d = prepared((struct dist){ .kind = DIST_LOGNORMAL,
						.mean = 238.5, .sd = 171.3 });
	struct dist narrow = prepared((struct dist){ .kind = DIST_LOGNORMAL,
						     .mean = 238.5,
						     .sd = 238.5e-15 });
	gsl_rng *a = gsl_rng_alloc(xoshiro256pp_type());
	gsl_rng *b = gsl_rng_alloc(xoshiro256pp_type());
	long differ = 0;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(d.strips);
	gsl_rng_set(a, SEED);
	gsl_rng_set(b, SEED);
	for (long n = 0; n < 100000; n++) {
		double x = dist_sample(&d, a);
		double y = lognormal_strips_draw(d.strips, b);

		differ += memcmp(&x, &y, sizeof x) != 0;
	}
	assert_int_equal(differ, 0);
	assert_true(gsl_rng_get(a) == gsl_rng_get(b));
	assert_null(narrow.strips);
	for (long n = 0; n < 1000; n++)
		assert_seconds_near(dist_sample(&narrow, a), 238.5, 1e-9);
	dist_clear(&d);
	dist_clear(&narrow);
	gsl_rng_free(a);
	gsl_rng_free(b);
}

/* dist_discrete reads GSL's alias table as gsl_ran_discrete does: the
 * same outcome for every draw, and the generator left in step, on the
 * engine's generator (uniform taken inline) and on MT19937 (through GSL);
 * weights with ties, a zero and one large share, as the scenarios' mixes
 * and area shares have. */
static void check_discrete_is_gsls(const gsl_rng_type *type)
{
	static const double w[] = { 0.205, 0.25, 0.0, 0.2, 0.25, 0.061, 2.385 };
	gsl_ran_discrete_t *g = gsl_ran_discrete_preproc(7, w);
	gsl_rng *a = gsl_rng_alloc(type);
	gsl_rng *b = gsl_rng_alloc(type);
	long differ = 0;

	assert_non_null(g);
	assert_non_null(a);
	assert_non_null(b);
	gsl_rng_set(a, SEED);
	gsl_rng_set(b, SEED);
	for (long n = 0; n < 1000000; n++)
		differ += dist_discrete(g, a) != gsl_ran_discrete(b, g);
	assert_int_equal(differ, 0);
	assert_true(gsl_rng_get(a) == gsl_rng_get(b));
	gsl_rng_free(a);
	gsl_rng_free(b);
	gsl_ran_discrete_free(g);
}

static void test_dist_discrete_draws_are_gsls(void **state)
{
	(void)state;
	check_discrete_is_gsls(xoshiro256pp_type());
	check_discrete_is_gsls(gsl_rng_mt19937);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dist_prepare_rejects_overflowing_parameters),
		cmocka_unit_test(test_dist_exponential_moments),
		cmocka_unit_test(test_dist_lognormal_moments),
		cmocka_unit_test(test_dist_lognormal_draws_from_strips),
		cmocka_unit_test(test_dist_discrete_draws_are_gsls),
		cmocka_unit_test(test_dist_gamma_moments),
		cmocka_unit_test(test_dist_weibull_moments),
		cmocka_unit_test(test_dist_uniform_moments),
		cmocka_unit_test(test_dist_empirical_moments),
		cmocka_unit_test(test_dist_deterministic_is_constant),
		cmocka_unit_test(test_dist_kind_names_round_trip),
		cmocka_unit_test(test_dist_prepare_rejects_bad_means_and_sds),
		cmocka_unit_test(test_dist_prepare_rejects_bad_weibull),
		cmocka_unit_test(test_dist_prepare_rejects_bad_value_and_range),
		cmocka_unit_test(test_dist_prepare_rejects_bad_empirical),
		cmocka_unit_test(test_dist_copy_is_deep),
		cmocka_unit_test(test_dist_copy_of_lognormal_owns_its_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
