/* test_rng_stream.c: stream seeds are reproducible and distinct for every
 * stream of a run; the generator really uses them. */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "sim/rng_stream.h"
#include "sim/xoshiro256pp.h"

static int cmp_ulong(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return (x > y) - (x < y);
}

/* Pairs of equal values in v[0..n-1] (sorts v): a group of k equal seeds
 * holds k(k-1)/2 pairs. */
static size_t equal_pairs(unsigned long *v, size_t n)
{
	size_t pairs = 0, run = 1;

	qsort(v, n, sizeof *v, cmp_ulong);
	for (size_t i = 1; i <= n; i++) {
		if (i < n && v[i] == v[i - 1]) {
			run++;
			continue;
		}
		pairs += run * (run - 1) / 2;
		run = 1;
	}
	return pairs;
}

static void test_rng_stream_same_inputs_same_sequence(void **state)
{
	gsl_rng *a = rng_stream_new(2025, 17, 3);
	gsl_rng *b = rng_stream_new(2025, 17, 3);
	gsl_rng *c = rng_stream_new(2025, 17, 4);
	int differ = 0;

	(void)state;
	assert_non_null(a);
	assert_string_equal(gsl_rng_name(a), "xoshiro256++");
	for (int i = 0; i < 1000; i++) {
		unsigned long x = gsl_rng_get(a);

		assert_int_equal(x, gsl_rng_get(b));
		differ += x != gsl_rng_get(c);
	}
	/* Another purpose is another sequence, not the same one shifted. */
	assert_true(differ >= 999);
	gsl_rng_free(a);
	gsl_rng_free(b);
	gsl_rng_free(c);
}

/* The generator is seeded with rng_stream_seed, so the seed can be reported
 * and a stream replayed by hand. */
static void test_rng_stream_new_uses_stream_seed(void **state)
{
	gsl_rng *a = rng_stream_new(UINT64_C(0xdeadbeefcafe), 9999, 63);
	gsl_rng *b = gsl_rng_alloc(xoshiro256pp_type());

	(void)state;
	gsl_rng_set(b, rng_stream_seed(UINT64_C(0xdeadbeefcafe), 9999, 63));
	for (int i = 0; i < 100; i++)
		assert_int_equal(gsl_rng_get(a), gsl_rng_get(b));
	gsl_rng_free(a);
	gsl_rng_free(b);
}

/* Seeds use all 64 bits (xoshiro256++ keeps them all); neighbouring
 * master seeds and the (replication, purpose) swap differ. */
static void test_rng_stream_seed_range(void **state)
{
	unsigned long high = 0;

	(void)state;
	for (uint32_t rep = 0; rep < 2000; rep++)
		high |= rng_stream_seed(2025, rep, rep % 64) >> 32;
	assert_true(high == 0xffffffffUL);
	assert_int_not_equal(rng_stream_seed(2025, 0, 0),
			     rng_stream_seed(2026, 0, 0));
	assert_int_not_equal(rng_stream_seed(2025, 1, 2),
			     rng_stream_seed(2025, 2, 1));
	assert_int_equal(rng_stream_seed(2025, 3, 5), rng_stream_seed(2025, 3, 5));
}

/* For a master seed the seed is a bijection of (replication, purpose), so
 * no two of 10,000 x 64 streams share a seed, under three master seeds
 * (with 32-bit seeds some 48 pairs would). */
static void test_rng_stream_no_two_streams_share_a_seed(void **state)
{
	const uint64_t masters[3] = { 2025, 1, UINT64_C(0x8000000000000000) };
	const size_t n = 10000 * 64;
	unsigned long *v = malloc(n * sizeof *v);

	(void)state;
	assert_non_null(v);
	for (int m = 0; m < 3; m++) {
		for (uint32_t rep = 0; rep < 10000; rep++)
			for (uint32_t p = 0; p < 64; p++)
				v[rep * 64 + p] = rng_stream_seed(masters[m], rep, p);
		assert_int_equal(equal_pairs(v, n), 0);
	}
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rng_stream_same_inputs_same_sequence),
		cmocka_unit_test(test_rng_stream_new_uses_stream_seed),
		cmocka_unit_test(test_rng_stream_seed_range),
		cmocka_unit_test(test_rng_stream_no_two_streams_share_a_seed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
