/* test_exp_ziggurat.c: the ziggurat's tables follow Marsaglia and Tsang's
 * recurrence, and its draws are unit exponential: exact moments, the tail
 * beyond the base strip, and a Kolmogorov-Smirnov test against 1 - e^-x,
 * on xoshiro256++ and (inversion) on MT19937. */
#include "test_support.h"
#include "ks_support.h"

#include <stdlib.h>
#include <gsl/gsl_math.h>

#include "sim/exp_ziggurat.h"
#include "sim/exp_ziggurat_tables.h"
#include "sim/xoshiro256pp.h"

/* The paper's zigset(), with 2^53 for 2^32; the tables were printed by the
 * same recurrence in Python, so they agree to the last bits. */
static void test_exp_ziggurat_tables_follow_recurrence(void **state)
{
	const double m = 0x1.0p53, v = 3.949659822581572e-3;
	double de = 7.697117470131487, te = de, q = v / exp(-de);

	(void)state;
	assert_true(llabs((long long)exp_ziggurat_k[0] -
			  (long long)(de / q * m)) <= 1);
	assert_true(exp_ziggurat_k[1] == 0);
	assert_true(exp_ziggurat_w[0] == q / m && exp_ziggurat_w[255] == de / m);
	assert_true(exp_ziggurat_f[0] == 1.0 && exp_ziggurat_f[255] == exp(-de));
	for (int i = 254; i >= 1; i--) {
		de = -log(v / de + exp(-de));
		assert_true(llabs((long long)exp_ziggurat_k[i + 1] -
				  (long long)(de / te * m)) <= 1);
		te = de;
		assert_seconds_near(exp_ziggurat_f[i], exp(-de), 1e-15);
		assert_seconds_near(exp_ziggurat_w[i] * m, de, 1e-14 * de);
	}
	/* The top layer reaches down to x = 0 only if the areas add up. */
	assert_true(de > 0 && de < 0.07);
}

static double exp_cdf(double x, const void *ctx)
{
	(void)ctx;
	return -expm1(-x);
}

/* n draws: the raw moments E X^k = k! for k = 1..4 within 4 sd (Var X^k =
 * (2k)! - k!^2), the share beyond R = 7.697 (e^-R) and the draws' KS
 * statistic, whose p-value must not be below 0.001 for these seeds. */
static void check_exponential(gsl_rng *r, int n)
{
	const double fact[9] = { 1, 1, 2, 6, 24, 120, 720, 5040, 40320 };
	double *x = malloc((size_t)n * sizeof *x), s[5] = { 0 };
	long tail = 0;

	assert_non_null(x);
	for (int i = 0; i < n; i++) {
		x[i] = exp_ziggurat_draw(r);
		assert_true(x[i] >= 0 && isfinite(x[i]));
		for (int k = 1; k <= 4; k++)
			s[k] += pow(x[i], k);
		tail += x[i] > 7.697117470131487;
	}
	for (int k = 1; k <= 4; k++)
		assert_seconds_near(s[k] / n, fact[k],
				    4.0 * sqrt((fact[2 * k] - fact[k] * fact[k]) / n));
	double pt = exp(-7.697117470131487);
	assert_seconds_near((double)tail / n, pt, 4.0 * sqrt(pt * (1 - pt) / n));
	assert_true(ks_test(x, n, exp_cdf, NULL) > 0.001);
	free(x);
}

static void test_exp_ziggurat_is_exponential(void **state)
{
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());

	(void)state;
	assert_true(exp_ziggurat_applies(r));
	gsl_rng_set(r, 2025);
	check_exponential(r, 2000000);
	gsl_rng_free(r);
}

/* A 32-bit generator falls back to inversion, the same distribution. */
static void test_exp_ziggurat_mt19937_falls_back(void **state)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	(void)state;
	assert_false(exp_ziggurat_applies(r));
	gsl_rng_set(r, 2025);
	check_exponential(r, 500000);
	gsl_rng_free(r);
}

/* The far end, where the wedges are widest and the base strip's tail
 * begins: given X > a, X - a is unit exponential again, so the draws
 * beyond a = x_254 (5.6) shifted by a face a KS test of their own. */
static void test_exp_ziggurat_far_tail(void **state)
{
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());
	const double a = exp_ziggurat_w[254] * 0x1.0p53;
	const int n = 20000;
	double *y = malloc(n * sizeof *y);

	(void)state;
	assert_non_null(y);
	gsl_rng_set(r, 11);
	for (int got = 0; got < n;) {
		double x = exp_ziggurat_draw(r);

		if (x > a)
			y[got++] = x - a;
	}
	assert_true(ks_test(y, n, exp_cdf, NULL) > 0.001);
	free(y);
	gsl_rng_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exp_ziggurat_tables_follow_recurrence),
		cmocka_unit_test(test_exp_ziggurat_is_exponential),
		cmocka_unit_test(test_exp_ziggurat_mt19937_falls_back),
		cmocka_unit_test(test_exp_ziggurat_far_tail),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
