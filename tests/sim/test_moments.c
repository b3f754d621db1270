/* test_moments.c: exact sums give GSL's mean and standard deviation to the
 * last bits, leave out NANs, survive cancellation that double sums lose,
 * and give the same bytes for the same values in any order or grouping
 * (what makes a run's output independent of the thread count, and
 * partial results mergeable), also when saved as text and read back. */
#include "test_support.h"

#include <float.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>

#include "sim/moments.h"

static void test_moments_empty_and_nan(void **state)
{
	struct moments *m = moments_new(3);
	const double x[3] = { NAN, 2.385, INFINITY };
	struct moments_stats st;

	(void)state;
	assert_non_null(m);
	assert_int_equal(moments_figures(m), 3);
	moments_add(m, 0, x, 1, 3);
	st = moments_stats(m, 0);
	assert_true(st.n == 0 && isnan(st.mean) && isnan(st.sd));
	st = moments_stats(m, 1);
	assert_true(st.n == 1 && st.mean == 2.385 && isnan(st.sd));
	assert_true(moments_stats(m, 2).n == 0);
	moments_free(m);
	moments_free(NULL);
}

/* 1, 2, 3, 4: mean 2.5, variance 5/3; a constant has sd exactly 0. */
static void test_moments_small_exact(void **state)
{
	struct moments *m = moments_new(2);
	struct moments_stats st;

	(void)state;
	for (int i = 1; i <= 4; i++) {
		double x[2] = { (double)i, 0.1 };

		moments_add(m, 0, x, 1, 2);
	}
	st = moments_stats(m, 0);
	assert_true(st.n == 4 && st.mean == 2.5);
	assert_seconds_near(st.sd, sqrt(5.0 / 3.0), 1e-15);
	st = moments_stats(m, 1);
	assert_seconds_near(st.mean, 0.1, 1e-17);
	assert_true(st.sd == 0.0);
	moments_free(m);
}

/* 1e16, 1 and -1e16 sum to 1 exactly; in doubles, added in this order, to
 * 0. The mean is 1/3. */
static void test_moments_cancellation(void **state)
{
	struct moments *m = moments_new(1);
	const double x[3] = { 1e16, 1.0, -1e16 };

	(void)state;
	moments_add(m, 0, x, 1, 1);
	moments_add(m, 0, x + 1, 1, 1);
	moments_add(m, 0, x + 2, 1, 1);
	assert_seconds_near(moments_stats(m, 0).mean, 1.0 / 3.0, 1e-16);
	moments_free(m);
}

/* Lognormal figures of a few replications: within a few ulps of GSL's
 * two-pass mean and standard deviation. */
static void test_moments_match_gsl(void **state)
{
	enum { N = 5000 };
	static double x[N];
	struct moments *m = moments_new(1);
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
	struct moments_stats st;
	double mean, sd;

	(void)state;
	gsl_rng_set(r, 2385);
	for (int i = 0; i < N; i++) {
		x[i] = gsl_ran_lognormal(r, 6.0, 0.8);
		moments_add(m, 0, &x[i], 1, 1);
	}
	mean = gsl_stats_mean(x, 1, N);
	sd = gsl_stats_sd_m(x, 1, N, mean);
	st = moments_stats(m, 0);
	assert_true(st.n == N);
	assert_seconds_near(st.mean, mean, 1e-13 * mean);
	assert_seconds_near(st.sd, sd, 1e-12 * sd);
	gsl_rng_free(r);
	moments_free(m);
}

/* Figures of every magnitude and sign, added forwards, backwards, and in
 * three groups merged in two different orders: the same bytes each time. */
static void test_moments_order_and_grouping(void **state)
{
	enum { N = 3000, F = 2 };
	static double x[N][F];
	struct moments *fwd = moments_new(F), *bwd = moments_new(F);
	struct moments *g[3] = { moments_new(F), moments_new(F), moments_new(F) };
	struct moments *h[3] = { moments_new(F), moments_new(F), moments_new(F) };
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	(void)state;
	gsl_rng_set(r, 4711);
	for (int i = 0; i < N; i++) {
		x[i][0] = ldexp(gsl_rng_uniform(r) - 0.3,
				(int)gsl_rng_uniform_int(r, 1000) - 500);
		x[i][1] = i % 7 == 0 ? NAN : gsl_ran_exponential(r, 180.0);
	}
	for (int i = 0; i < N; i++) {
		moments_add(fwd, 0, x[i], 1, F);
		moments_add(bwd, 0, x[N - 1 - i], 1, F);
		moments_add(g[i % 3], 0, x[i], 1, F);
		moments_add(h[(i / 1000) % 3], 0, x[N - 1 - i], 1, F);
	}
	moments_merge(g[2], g[0]);
	moments_merge(g[2], g[1]);
	moments_merge(h[0], h[1]);
	moments_merge(h[2], h[0]);
	for (size_t k = 0; k < F; k++) {
		struct moments_stats a = moments_stats(fwd, k);
		struct moments_stats b = moments_stats(bwd, k);
		struct moments_stats c = moments_stats(g[2], k);
		struct moments_stats d = moments_stats(h[2], k);

		assert_true(a.n > 0 && isfinite(a.mean) && isfinite(a.sd));
		assert_memory_equal(&a, &b, sizeof a);
		assert_memory_equal(&a, &c, sizeof a);
		assert_memory_equal(&a, &d, sizeof a);
	}
	gsl_rng_free(r);
	moments_free(fwd);
	moments_free(bwd);
	for (int i = 0; i < 3; i++) {
		moments_free(g[i]);
		moments_free(h[i]);
	}
}

/* A value of kind k (0..10): small counts, integers near 2^53, negative,
 * whole and fractional seconds, fractions, tiny, subnormal, huge, spread
 * over 90 doublings, and anything at all. */
static double moments_test_value(gsl_rng *r, unsigned k)
{
	double u = gsl_rng_uniform(r);

	switch (k) {
	case 0: return (double)gsl_rng_uniform_int(r, 30);
	case 1: return ldexp(1.0, 53) + (double)gsl_rng_uniform_int(r, 9) * 2.0
		- 8.0;
	case 2: return -(double)gsl_rng_uniform_int(r, 1000000);
	case 3: return floor(gsl_ran_exponential(r, 600.0));
	case 4: return gsl_ran_exponential(r, 600.0);
	case 5: return u < 0.2 ? 0.0 : u;
	case 6: return ldexp(u - 0.5, -1000);
	case 7: return ldexp(u, -1074 + (int)gsl_rng_uniform_int(r, 60));
	case 8: return u < 0.1 ? DBL_MAX : ldexp(u, 1000 + (int)(u * 20));
	/* Sums around the 126 and 127 bits that machine integers keep. */
	case 9: return ldexp(u, (int)gsl_rng_uniform_int(r, 90) - 45);
	default: return ldexp(u - 0.4, (int)gsl_rng_uniform_int(r, 400) - 200);
	}
}

/* Same stats, bit for bit, from a and b, each way of computing them. */
static void moments_test_same(const struct moments *a, const struct moments *b,
			      size_t f)
{
	struct moments_stats s[4] = {
		moments_stats(a, f), moments_stats_gmp(a, f),
		moments_stats(b, f), moments_stats_gmp(b, f),
	};

	for (int i = 1; i < 4; i++)
		assert_memory_equal(&s[0], &s[i], sizeof s[0]);
}

/* Figures at the edges of the machine sums: just fitting 126 or 127
 * bits and just not, cancelling to zero, all zero, the extremes of the
 * doubles. Each is added to a and b, whole, and to h[0] and h[1] split. */
static void moments_test_edges(struct moments *a, struct moments *b,
			       struct moments *h[2], size_t first)
{
	const double big = ldexp(1.0, 53) - 1.0, tiny = ldexp(1.0, -1074);
	const double edge[][4] = {
		{ big, ldexp(1.0, -74), big, big },
		{ -big, ldexp(1.0, -74), -big, -big },
		{ big, ldexp(1.0, -73), big, big },
		{ big, ldexp(1.0, -72), -big, ldexp(1.0, -73) },
		{ 1.0, -1.0, ldexp(1.0, -60), ldexp(1.0, 60) },
		{ DBL_MAX, -DBL_MAX, DBL_MAX, DBL_MAX },
		{ tiny, tiny, tiny, -tiny },
		{ ldexp(1.0, 63), ldexp(1.0, 63), ldexp(1.0, 63), 1.0 },
		{ 0.0, 0.0, 0.0, 0.0 },
		{ ldexp(big, 11), ldexp(big, 11), ldexp(big, 11), 1.5 },
	};

	for (size_t f = 0; f < sizeof edge / sizeof edge[0]; f++)
		for (size_t i = 0; i < 4; i++) {
			moments_add(a, first + f, &edge[f][i], 1, 1);
			moments_add(b, first + f, &edge[f][i], 1, 1);
			moments_add(h[i % 2], first + f, &edge[f][i], 1, 1);
		}
}

/* The halves h[0], h[1] of m's values, saved as text (moments_get_exact)
 * and added back (moments_add_exact) into a machine and a GMP
 * accumulator: both give m's stats, bit for bit, on every figure. */
static void moments_test_exact(const struct moments *m,
			       struct moments *const h[2], size_t n)
{
	struct moments *x = moments_new(n), *y = moments_new_gmp(n);
	struct moments_exact e;

	for (size_t f = 0; f < n; f++)
		for (int i = 0; i < 2; i++) {
			moments_get_exact(h[i], f, &e);
			assert_int_equal(moments_add_exact(x, f, &e), 0);
			assert_int_equal(moments_add_exact(y, f, &e), 0);
		}
	for (size_t f = 0; f < n; f++) {
		moments_test_same(m, x, f);
		moments_test_same(m, y, f);
	}
	moments_free(x);
	moments_free(y);
}

/* Sums as text that no values have are refused, the figure unchanged:
 * malformed digits, exponents out of range, sums without values, and
 * n S2 < S1^2 (2 values summing to 3 whose squares sum to 4). */
static void test_moments_exact_refused(void **state)
{
	static const struct { uint64_t n; const char *s1; long e1;
			      const char *s2; long e2; } bad[] = {
		{ 1, "", 0, "1", 0 }, { 1, "-0", 0, "0", 0 },
		{ 1, "01", 0, "1", 0 }, { 1, "A", 0, "64", 0 },
		{ 1, "1 ", 0, "1", 0 }, { 1, "1", 0, "-1", 0 },
		{ 1, "1", MOMENTS_E1_MAX + 1, "1", 0 },
		{ 1, "1", 0, "1", MOMENTS_E2_MIN - 1 },
		{ 0, "1", 0, "1", 0 }, { 2, "3", 0, "4", 0 },
		{ 1, "1", 0, "0", 0 },
	};
	struct moments *m = moments_new(1);
	struct moments_exact e = { .n = 2, .s1 = "3", .s2 = "5" };
	struct moments_stats st;

	(void)state;
	assert_int_equal(moments_add_exact(m, 0, &e), 0);   /* 1 and 2 */
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		e = (struct moments_exact){ .n = bad[i].n, .e1 = bad[i].e1,
					    .e2 = bad[i].e2 };
		strcpy(e.s1, bad[i].s1);
		strcpy(e.s2, bad[i].s2);
		assert_int_equal(moments_add_exact(m, 0, &e), -1);
	}
	memset(e.s1, 'f', sizeof e.s1);   /* no end within the buffer */
	assert_int_equal(moments_add_exact(m, 0, &e), -1);
	st = moments_stats(m, 0);
	assert_true(st.n == 2 && st.mean == 1.5 && st.sd == sqrt(0.5));
	moments_free(m);
}

/* Sums kept in machine integers, and the quotients computed from them,
 * give GMP's bits: on figures of 1 to 60 values of each kind, of two kinds
 * mixed, of one value repeated (sd exactly 0), and at the edges; added at
 * once or in two halves merged. */
static void test_moments_fast_path_matches_gmp(void **state)
{
	enum { F = 4000, E = 10 };
	struct moments *m = moments_new(F + E), *g = moments_new_gmp(F + E);
	struct moments *h[2] = { moments_new(F + E), moments_new(F + E) };
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	(void)state;
	gsl_rng_set(r, 90210);
	for (size_t f = 0; f < F; f++) {
		size_t n = f % 7 == 0 ? 1 + gsl_rng_uniform_int(r, 60)
			: 1 + f % 4;
		unsigned k1 = (unsigned)(f % 11), k2 = (unsigned)(f / 11 % 11);
		double same = moments_test_value(r, k1);

		for (size_t i = 0; i < n; i++) {
			double x = f % 13 == 0 ? same
				: moments_test_value(r, i % 2 ? k2 : k1);

			moments_add(m, f, &x, 1, 1);
			moments_add(g, f, &x, 1, 1);
			moments_add(h[i < n / 2], f, &x, 1, 1);
		}
	}
	moments_test_edges(m, g, h, F);
	moments_test_exact(m, h, F + E);
	moments_merge(h[0], h[1]);
	for (size_t f = 0; f < F + E; f++) {
		moments_test_same(m, g, f);
		moments_test_same(m, h[0], f);
	}
	gsl_rng_free(r);
	moments_free(m);
	moments_free(g);
	moments_free(h[0]);
	moments_free(h[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moments_empty_and_nan),
		cmocka_unit_test(test_moments_small_exact),
		cmocka_unit_test(test_moments_cancellation),
		cmocka_unit_test(test_moments_match_gsl),
		cmocka_unit_test(test_moments_order_and_grouping),
		cmocka_unit_test(test_moments_fast_path_matches_gmp),
		cmocka_unit_test(test_moments_exact_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
