/* lognormal_strips.c: the lognormal by equal-probability strips (a table
 * method in the family of Marsaglia's; see also Ahrens 1993, "Sampling from
 * general distributions by suboptimal division of domains").
 *
 * Strip i (of N = 256) spans the quantiles [q_i, q_i+1) of exp(zeta +
 * sigma Z), q_i = exp(zeta + sigma z_i) with Phi(z_i) = i/N, and holds
 * probability 1/N. Under the density f across it lies a rectangle of
 * height lo_i = min(f(q_i), f(q_i+1)) (f is unimodal), of probability
 * rho_i = N lo_i (q_i+1 - q_i) within the strip, and above the rectangle a
 * cap of density f - lo_i. A draw picks the strip and a uniform U from
 * disjoint bits of one output: U < rho_i gives x = q_i + (U / rho_i)
 * (q_i+1 - q_i), uniform in the rectangle; otherwise x comes from the cap,
 * by rejection from the box [q_i, q_i+1) x [lo_i, hi_i). Both together
 * give f exactly. The end strips, unbounded or reaching down to 0, are
 * Z's tails beyond -z_1 and z_1, drawn with GSL's gsl_ran_ugaussian_tail. */
#include "sim/lognormal_strips.h"

#include <limits.h>
#include <math.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>

#include "sim/exp_ziggurat.h"
#include "sim/xoshiro256pp.h"

#define N LOGNORMAL_STRIPS

/* The most tries of the cap's rejection test a draw of one strip may
 * expect: N (hi - lo) (b - a), the box in units of the strip's
 * probability (a cap of share c is drawn with probability c and takes
 * box / c tries). It grows as exp(sigma dz) with the strip's width dz in
 * z, and fast beyond sigma 35 or so: 15 tries a draw on average at
 * sigma 40, 1e7 at 100 and 1e22 at 250, where a draw never ends. The
 * largest sigma a planner's mean and sd reach, 26.6 (sigma^2 =
 * ln(1 + cv^2) with cv^2 finite), expects 132 in its worst strip and 1.4
 * a draw. */
#define STRIPS_TRIES_MAX 1000.0

static double strips_density(const struct lognormal_strips *t, double x)
{
	double z = (log(x) - t->zeta) / t->sigma;

	return exp(-0.5 * z * z) / (x * t->sigma * sqrt(2.0 * M_PI));
}

/* z_i with Phi(z_i) = i/N, 0 < i < N, symmetric to the last bit:
 * z_N-i = -z_i. */
static double strips_z(int i)
{
	return i <= N / 2 ? -gsl_cdf_ugaussian_Qinv((double)i / N)
			  : gsl_cdf_ugaussian_Qinv((double)(N - i) / N);
}

/* The lowest and highest density across strip i, 0 < i < N - 1. */
static void strips_bounds(struct lognormal_strips *t, int i)
{
	double a = t->strip[i].q, b = t->strip[i + 1].q;
	double fa = strips_density(t, a), fb = strips_density(t, b);
	double mode = exp(t->zeta - t->sigma * t->sigma);

	t->lo[i] = GSL_MIN(fa, fb);
	t->hi[i] = a < mode && mode < b ? strips_density(t, mode)
					: GSL_MAX(fa, fb);
}

int lognormal_strips_init(struct lognormal_strips *t, double zeta,
			  double sigma)
{
	t->zeta = zeta;
	t->sigma = sigma;
	t->z_end = strips_z(N - 1);
	if (!(sigma > 0) || !isfinite(zeta) || !isfinite(sigma))
		return -1;
	t->strip[0] = (struct lognormal_strip){ 0, 0, 0 };
	t->lo[0] = t->hi[0] = t->lo[N - 1] = t->hi[N - 1] = 0;
	for (int i = 1; i < N; i++) {
		t->strip[i] = (struct lognormal_strip){
			exp(zeta + sigma * strips_z(i)), 0, 0 };
		if (!(t->strip[i].q > t->strip[i - 1].q) ||
		    !isfinite(t->strip[i].q))
			return -1;
	}
	for (int i = 1; i < N - 1; i++) {
		double width = t->strip[i + 1].q - t->strip[i].q, rho;

		strips_bounds(t, i);
		/* A cap with no height would never accept a draw. */
		if (!(t->hi[i] > t->lo[i]) || !(t->lo[i] > 0) ||
		    !isfinite(t->hi[i]))
			return -1;
		if (!(N * (t->hi[i] - t->lo[i]) * width <= STRIPS_TRIES_MAX))
			return -1;
		rho = GSL_MIN(1.0, N * t->lo[i] * width);
		t->strip[i].k = (uint64_t)(rho * 0x1.0p53);
		if (t->strip[i].k == 0)
			return -1;
		t->strip[i].w = width / (double)t->strip[i].k;
	}
	return 0;
}

/* A draw from the cap of strip i, or from an end strip. Out of line (2.2%
 * of draws), so that the usual draw saves no registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static double strips_rest(const struct lognormal_strips *t, gsl_rng *r,
			  unsigned i)
{
	double a, b, lo = t->lo[i], hi = t->hi[i];

	if (i == 0)
		return exp(t->zeta - t->sigma * gsl_ran_ugaussian_tail(r, t->z_end));
	if (i == N - 1)
		return exp(t->zeta + t->sigma * gsl_ran_ugaussian_tail(r, t->z_end));
	a = t->strip[i].q;
	b = t->strip[i + 1].q;
	for (;;) {
		double x = a + gsl_rng_uniform(r) * (b - a);
		double y = lo + gsl_rng_uniform(r) * (hi - lo);

		if (y < strips_density(t, x))
			return x;
	}
}

/* A draw whose 64-bit output is u: strip from bits 0-7, uniform from bits
 * 11-63. */
static inline double strips_from(const struct lognormal_strips *t,
				 gsl_rng *r, uint64_t u)
{
	unsigned i = (unsigned)(u & (N - 1));
	const struct lognormal_strip *s = &t->strip[i];
	uint64_t j = u >> 11;

	if (j < s->k)
		return s->q + (double)j * s->w;
	return strips_rest(t, r, i);
}

double lognormal_strips_draw(const struct lognormal_strips *t, gsl_rng *r)
{
#if ULONG_MAX >= UINT64_MAX
	if (r->type == xoshiro256pp_type())
		return strips_from(t, r, xoshiro256pp_u64(r));
#endif
	/* exp_ziggurat_applies: the generator's outputs are 64 bits. */
	if (!exp_ziggurat_applies(r))
		return exp(t->zeta + gsl_ran_gaussian_ziggurat(r, t->sigma));
	return strips_from(t, r, (uint64_t)gsl_rng_get(r));
}
