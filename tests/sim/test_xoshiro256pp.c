/* test_xoshiro256pp.c: the generator reproduces the reference outputs and
 * seeding, gives GSL full 64-bit words and doubles in [0, 1), and GSL's
 * distributions draw correctly from it. */
#include "test_support.h"

#include <string.h>
#include <gsl/gsl_randist.h>

#include "sim/xoshiro256pp.h"

/* The reference implementation's outputs from the state {1, 2, 3, 4}. */
static void test_xoshiro256pp_reference_outputs(void **state)
{
	const uint64_t want[5] = {
		41943041ULL, 58720359ULL, 3588806011781223ULL,
		3591011842654386ULL, 9228616714210784205ULL,
	};
	const uint64_t s[4] = { 1, 2, 3, 4 };
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());

	(void)state;
	assert_non_null(r);
	assert_string_equal(gsl_rng_name(r), "xoshiro256++");
	assert_true((uint64_t)gsl_rng_max(r) == UINT64_MAX);
	assert_int_equal(gsl_rng_min(r), 0);
	memcpy(r->state, s, sizeof s);
	for (int i = 0; i < 5; i++)
		assert_true((uint64_t)gsl_rng_get(r) == want[i]);
	gsl_rng_free(r);
}

/* Peeking gives the reference's next output and leaves the state; a
 * step then makes the same state a draw makes: peek and step, repeated,
 * are the reference outputs. */
static void test_xoshiro256pp_peek_then_step(void **state)
{
	const uint64_t want[5] = {
		41943041ULL, 58720359ULL, 3588806011781223ULL,
		3591011842654386ULL, 9228616714210784205ULL,
	};
	struct xoshiro256pp_state st = { { 1, 2, 3, 4 } }, was;

	(void)state;
	for (int i = 0; i < 5; i++) {
		was = st;
		assert_true(xoshiro256pp_peek(&st) == want[i]);
		assert_memory_equal(&st, &was, sizeof st);
		xoshiro256pp_step(&st);
		assert_true(xoshiro256pp_next(&was) == want[i]);
		assert_memory_equal(&st, &was, sizeof st);
	}
}

/* Seeding fills the state with splitmix64's outputs from the seed: for 0,
 * the published first four. */
static void test_xoshiro256pp_seeding_is_splitmix64(void **state)
{
	const uint64_t want[4] = {
		0xe220a8397b1dcdafULL, 0x6e789e6aa1b965f4ULL,
		0x06c45d188009454fULL, 0xf88bb8a8724c81ecULL,
	};
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());
	uint64_t s[4];

	(void)state;
	gsl_rng_set(r, 0);
	memcpy(s, r->state, sizeof s);
	for (int i = 0; i < 4; i++)
		assert_true(s[i] == want[i]);
	gsl_rng_set(r, 2025);
	assert_true((uint64_t)gsl_rng_get(r) == 0xcb2b830825937149ULL);
	gsl_rng_free(r);
}

/* gsl_rng_uniform: the top 53 bits of the next output, so [0, 1) with
 * mean 1/2 and variance 1/12 (4 sd at n = 1e6). */
static void test_xoshiro256pp_uniform_double(void **state)
{
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());
	gsl_rng *c = gsl_rng_alloc(xoshiro256pp_type());
	const int n = 1000000;
	double sum = 0, sum2 = 0;

	(void)state;
	gsl_rng_set(r, 7);
	gsl_rng_set(c, 7);
	for (int i = 0; i < n; i++) {
		double u = gsl_rng_uniform(r);
		uint64_t w = (uint64_t)gsl_rng_get(c);

		assert_true(u >= 0.0 && u < 1.0);
		assert_true(u == (double)(w >> 11) * 0x1.0p-53);
		sum += u;
		sum2 += (u - 0.5) * (u - 0.5);
	}
	assert_seconds_near(sum / n, 0.5, 4.0 * sqrt(1.0 / 12.0 / n));
	/* Var((U - 1/2)^2) = 1/80 - 1/144. */
	assert_seconds_near(sum2 / n, 1.0 / 12.0,
			    4.0 * sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
	gsl_rng_free(r);
	gsl_rng_free(c);
}

/* GSL's samplers on top of it: the ziggurat normal, the gamma, the
 * discrete table and uniform integers give their exact moments and
 * frequencies (4 sd). */
static void test_xoshiro256pp_gsl_distributions(void **state)
{
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());
	const double p[3] = { 0.2, 0.3, 0.5 };
	gsl_ran_discrete_t *d = gsl_ran_discrete_preproc(3, p);
	const int n = 400000;
	double zs = 0, zs2 = 0, gs = 0;
	long cnt[3] = { 0, 0, 0 }, seven = 0;

	(void)state;
	gsl_rng_set(r, 99);
	for (int i = 0; i < n; i++) {
		double z = gsl_ran_gaussian_ziggurat(r, 1.0);
		unsigned long k = gsl_rng_uniform_int(r, 10);

		zs += z;
		zs2 += z * z;
		gs += gsl_ran_gamma(r, 2.5, 3.0);
		cnt[gsl_ran_discrete(r, d)]++;
		assert_true(k < 10);
		seven += k == 7;
	}
	assert_seconds_near(zs / n, 0.0, 4.0 / sqrt(n));
	assert_seconds_near(zs2 / n, 1.0, 4.0 * sqrt(2.0 / n));
	assert_seconds_near(gs / n, 7.5, 4.0 * sqrt(2.5 * 9.0 / n));
	for (int k = 0; k < 3; k++)
		assert_seconds_near((double)cnt[k] / n, p[k],
				    4.0 * sqrt(p[k] * (1 - p[k]) / n));
	assert_seconds_near((double)seven / n, 0.1, 4.0 * sqrt(0.09 / n));
	gsl_ran_discrete_free(d);
	gsl_rng_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xoshiro256pp_reference_outputs),
		cmocka_unit_test(test_xoshiro256pp_peek_then_step),
		cmocka_unit_test(test_xoshiro256pp_seeding_is_splitmix64),
		cmocka_unit_test(test_xoshiro256pp_uniform_double),
		cmocka_unit_test(test_xoshiro256pp_gsl_distributions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
