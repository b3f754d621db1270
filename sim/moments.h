/* moments.h: exact sums of x and x^2, figure by figure, over replications,
 * so a run's means and intervals take constant memory however many
 * replications it has, and do not depend on the order replications finish
 * in or on how they are grouped.
 *
 * A struct moments holds, for each of its n figures, the count of finite
 * values added and the EXACT sums of those values and of their squares, as
 * GMP integers scaled by a power of two (a double is an integer times a
 * power of two, so the sums never round). Adding the same values in any
 * order, or adding them to two accumulators and merging those, gives the
 * same sums, hence the same bytes from moments_stats: output is the same
 * for any thread count, and partial results run apart can be merged later
 * to exactly what one run would print. Non-finite values (NAN: nothing to
 * measure in that replication) are left out of a figure, as sim/ci.h
 * leaves them out.
 *
 * Memory: a few machine words a figure, growing only with the spread of
 * the values' magnitudes (at most about 530 bytes a figure for any
 * doubles), never with their number. Not thread-safe: one accumulator per
 * thread, merged at the end. GMP aborts when it cannot allocate; the sums
 * of realistic figures stay within a few words and never need to grow. */
#ifndef SIM_MOMENTS_H
#define SIM_MOMENTS_H

#include <stddef.h>
#include <stdint.h>

struct moments;

/* Returns a new accumulator of n_figures empty figures, or NULL when out
 * of memory. */
struct moments *moments_new(size_t n_figures);
/* The same, its figures keeping their sums in GMP from the start, the
 * form a figure takes once a sum outgrows machine integers: the tests
 * hold the two forms to the same bits. */
struct moments *moments_new_gmp(size_t n_figures);
/* NULL is a no-op. */
void moments_free(struct moments *m);
size_t moments_figures(const struct moments *m);

/* Adds x[0], x[stride], ..., x[(count-1) * stride] to figures first ..
 * first + count - 1 (one replication's values); non-finite ones are left
 * out. */
void moments_add(struct moments *m, size_t first, const double *x,
		 size_t stride, size_t count);
/* Adds every figure of src into dst (same number of figures), exactly:
 * the result is as if dst had been given src's values too. */
void moments_merge(struct moments *dst, const struct moments *src);

/* What figure k's sums say: the count of finite values, their mean and
 * sample standard deviation. The mean and the variance are the correctly
 * rounded values of exact quotients of the sums, so it depends on the values only, never on
 * their order. mean is NAN with no value, sd NAN with fewer than two. */
struct moments_stats {
	uint64_t n;
	double mean;
	double sd;
};
struct moments_stats moments_stats(const struct moments *m, size_t k);
/* The same, computed in GMP throughout: moments_stats takes a shorter way
 * when the sums fit machine words, and the tests hold the two to the same
 * bits. */
struct moments_stats moments_stats_gmp(const struct moments *m, size_t k);

/* ---- the exact sums as text, for a partial run saved to a file ---------
 *
 * A figure's sums are written out as they are held: the count n, and each
 * sum as a hexadecimal integer (lower case, '-' first when negative, no
 * leading zeros, "0" for zero) times a power of two. Read back with
 * moments_add_exact they add exactly what the values behind them would
 * have, so runs made apart merge to the same bytes as one run. */

/* The longest a sum's digits can be: a sum of squares of up to 2^64
 * doubles at the smallest exponent spans about 4,370 bits (1,093 digits). */
#define MOMENTS_HEX_MAX 1100
/* The exponents the sums of doubles can have: a double is an odd integer
 * times 2^e, e from -1074 (a subnormal's least bit) to 1023 (a power of
 * two); squares twice that. */
#define MOMENTS_E1_MIN (-1074L)
#define MOMENTS_E1_MAX 1023L
#define MOMENTS_E2_MIN (-2148L)
#define MOMENTS_E2_MAX 2046L

struct moments_exact {
	uint64_t n;                        /* finite values added */
	char s1[MOMENTS_HEX_MAX + 2];      /* sum of x = s1 2^e1 */
	long e1;
	char s2[MOMENTS_HEX_MAX + 2];      /* sum of x^2 = s2 2^e2 */
	long e2;
};

/* Figure k's exact sums into *out. */
void moments_get_exact(const struct moments *m, size_t k,
		       struct moments_exact *out);
/* Adds the exact sums x to figure k, as if the values behind them had
 * been added. Returns 0, or -1 (nothing changed) when x is not what
 * finite values could sum to: digits malformed or too long, an exponent
 * out of range, sums without values, or n times the sum of squares below
 * the square of the sum. */
int moments_add_exact(struct moments *m, size_t k,
		      const struct moments_exact *x);

#endif
