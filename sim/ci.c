/* ci.c: Student-t confidence intervals over replications.
 *
 * Replications are independent and, by the central limit theorem, their
 * means of many calls are close to normal, so the classical t-interval
 * mean +/- t(n-1, (1+level)/2) * sd / sqrt(n) is the honest interval for a
 * handful of replications (a normal quantile would be too narrow for n=10). */
#include "sim/ci.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>

#include "sim/mem.h"
#include "sim/ci_t_table.h"

/* Most runs have tens of replications: their finite values are gathered on
 * the stack, and only longer columns with gaps use the heap. */
#define CI_STACK_VALUES 256

double ci_t_quantile(double level, size_t n)
{
	assert(n >= 2 && level > 0.0 && level < 1.0);
	/* A summary asks once or twice a figure, always at its 95%, with
	 * the replications' count: read GSL's value from its table. */
	if (level == 0.95 && n - 1 <= CI_T_TABLE_N)
		return ci_t_table_95[n - 2];
	return gsl_cdf_tdist_Pinv((1.0 + level) / 2.0, (double)(n - 1));
}

/* The interval of n finite values of the given mean and sample standard
 * deviation (ignored when n < 2). */
static struct ci ci_of_mean_sd(size_t n, double mean, double sd, double level)
{
	struct ci c = { NAN, NAN, NAN, n };
	double t, half;

	if (n == 0)
		return c;
	c.mean = mean;
	if (n == 1) {
		c.lo = c.hi = c.mean;
		return c;
	}
	t = ci_t_quantile(level, n);
	half = t * sd / sqrt((double)n);
	c.lo = c.mean - half;
	c.hi = c.mean + half;
	return c;
}

/* The interval of n finite values read with the given stride. */
static struct ci ci_of_finite(const double *x, size_t stride, size_t n,
			      double level)
{
	double mean;

	if (n < 2)
		return ci_of_mean_sd(n, n == 1 ? x[0] : NAN, NAN, level);
	mean = gsl_stats_mean(x, stride, n);
	return ci_of_mean_sd(n, mean, gsl_stats_sd_m(x, stride, n, mean), level);
}

/* The interval of figure k of m, from its exact sums: the same bytes
 * whatever order the values were added in. */
struct ci ci_of_moments(const struct moments *m, size_t k, double level)
{
	struct moments_stats st = moments_stats(m, k);

	assert(level > 0.0 && level < 1.0);
	return ci_of_mean_sd((size_t)st.n, st.mean, st.sd, level);
}

/* The mean and `level` interval of the finite values among x[0], x[stride],
 * ..., x[(n-1)*stride]. With no finite value everything is NAN and n is 0;
 * with one, lo = hi = mean. If more than CI_STACK_VALUES values include a NAN
 * and the heap is exhausted, the result is NAN too: there is no error
 * channel here, and a NAN shows as "n/a" rather than as a wrong number. */
struct ci ci_of(const double *x, size_t stride, size_t n, double level)
{
	double stack[CI_STACK_VALUES];
	double *buf = stack;
	size_t n_finite = 0;
	struct ci c;

	assert(level > 0.0 && level < 1.0);
	assert(stride >= 1);
	for (size_t i = 0; i < n; i++)
		n_finite += isfinite(x[i * stride]) ? 1 : 0;
	/* Without gaps GSL reads the strided column directly. */
	if (n_finite == n)
		return ci_of_finite(x, stride, n, level);
	if (n_finite > CI_STACK_VALUES) {
		buf = mem_malloc(n_finite * sizeof *buf);
		if (buf == NULL)
			return (struct ci){ NAN, NAN, NAN, 0 };
	}
	n_finite = 0;
	for (size_t i = 0; i < n; i++)
		if (isfinite(x[i * stride]))
			buf[n_finite++] = x[i * stride];
	c = ci_of_finite(buf, 1, n_finite, level);
	if (buf != stack)
		free(buf);
	return c;
}

/* MET when the goal is at or below the lower end, MISSED when above the
 * upper end, UNCERTAIN otherwise, including a NAN interval: with nothing
 * measured nothing can be claimed. */
enum ci_verdict ci_verdict_of(struct ci c, double goal)
{
	/* One replication's figure has no interval, only a point: a verdict
	 * on it would be a guess, however firm it looks. */
	if (c.n < 2)
		return CI_UNCERTAIN;
	if (goal <= c.lo)
		return CI_MET;
	if (goal > c.hi)
		return CI_MISSED;
	return CI_UNCERTAIN;
}

/* The verdict as reports spell it. */
const char *ci_verdict_name(enum ci_verdict v)
{
	switch (v) {
	case CI_MET:
		return "met";
	case CI_MISSED:
		return "missed";
	case CI_UNCERTAIN:
		return "uncertain";
	}
	assert(!"unknown verdict");
	return "uncertain";
}

/* Clips the interval's ends to [min, max]; NAN ends stay NAN. */
struct ci ci_clamp(struct ci c, double min, double max)
{
	assert(min <= max);
	if (c.lo < min)
		c.lo = min;
	if (c.hi > max)
		c.hi = max;
	return c;
}

/* The half-width of a `level` interval of n values of sd s. */
static double ci_half(double s, double n, double level)
{
	return gsl_cdf_tdist_Pinv(0.5 + level / 2, n - 1) * s / sqrt(n);
}

double ci_settle_n(struct ci c, double goal, double level)
{
	double h = fmax(c.mean - c.lo, c.hi - c.mean);
	double d = fabs(c.mean - goal), s, lo, hi;

	if (c.n < 2 || !isfinite(h) || !isfinite(d))
		return NAN;
	s = h * sqrt((double)c.n) / gsl_cdf_tdist_Pinv(0.5 + level / 2,
						       (double)c.n - 1);
	if (d == 0 || ci_half(s, 1e12, level) >= d)
		return INFINITY;
	/* The half-width falls with n: the least n below d, by bisection. */
	lo = 1;
	hi = 1e12;
	while (hi - lo > 1) {
		double mid = floor((lo + hi) / 2);

		if (ci_half(s, mid, level) < d)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}
