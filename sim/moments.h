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

#endif
