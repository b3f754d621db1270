/* exp_ziggurat.c: the ziggurat for the unit exponential (Marsaglia and
 * Tsang 2000, "The ziggurat method for generating random variables", J.
 * Stat. Software 5(8)), with 53-bit instead of 32-bit uniforms.
 *
 * The density exp(-x) is covered by 255 rectangles and a base strip of
 * equal area v. A draw picks a layer i uniformly and x uniformly across
 * its full width; x inside the next layer's width lies under the curve and
 * is returned at once. Otherwise x lies in the layer's wedge, accepted when
 * a uniform height under the rectangle falls under exp(-x), or (base strip)
 * beyond R, where the exponential's lack of memory gives R + Exp(1). The
 * layer index and the uniform use disjoint bits of one output (bits 0-7
 * and 11-63), so they are independent, which the 32-bit original, reusing
 * the low bits, was not. */
#include "sim/exp_ziggurat.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>

#include "sim/exp_ziggurat_tables.h"
#include "sim/xoshiro256pp.h"

/* Where the base strip's tail begins: x_255 of the tables. */
#define EXP_ZIGGURAT_R 7.697117470131487

int exp_ziggurat_applies(const gsl_rng *r)
{
	return r->type->min == 0 && (uint64_t)r->type->max == UINT64_MAX;
}

/* The slow path of layer i for x = j w[i] not accepted at once: the tail
 * of the base strip, or the wedge test. Returns a draw, or -1 to start
 * again with a new layer and uniform. */
static double exp_ziggurat_edge(gsl_rng *r, unsigned i, double x)
{
	if (i == 0)
		return EXP_ZIGGURAT_R - log(1.0 - gsl_rng_uniform(r));
	double y = exp_ziggurat_f[i] +
		   gsl_rng_uniform(r) * (exp_ziggurat_f[i - 1] - exp_ziggurat_f[i]);

	return y < exp(-x) ? x : -1.0;
}

/* The draw after a first output whose x = j w[i] was not accepted at once:
 * the edge test of layer i, then new outputs, each through GSL (the same
 * numbers for every generator), until one is accepted. Out of line (1.1%
 * of draws), so that the usual draw saves no registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static double exp_ziggurat_rest(gsl_rng *r, unsigned i, double x)
{
	for (;;) {
		uint64_t u, j;

		x = exp_ziggurat_edge(r, i, x);
		if (x >= 0)
			return x;
		u = (uint64_t)gsl_rng_get(r);
		i = (unsigned)(u & 0xff);
		j = u >> 11;
		x = (double)j * exp_ziggurat_w[i];
		if (j < exp_ziggurat_k[i])
			return x;
	}
}

/* A draw whose first 64-bit output is u. */
static inline double exp_ziggurat_from(gsl_rng *r, uint64_t u)
{
	unsigned i = (unsigned)(u & 0xff);
	uint64_t j = u >> 11;
	double x = (double)j * exp_ziggurat_w[i];

	if (j < exp_ziggurat_k[i])
		return x;
	return exp_ziggurat_rest(r, i, x);
}

double exp_ziggurat_draw(gsl_rng *r)
{
#if ULONG_MAX >= UINT64_MAX
	/* The engine's own generator (sim/rng_stream.c), drawn without
	 * GSL's function pointer: the same outputs gsl_rng_get gives. */
	if (r->type == xoshiro256pp_type())
		return exp_ziggurat_from(r, xoshiro256pp_u64(r));
#endif
	if (!exp_ziggurat_applies(r))
		return -log(1.0 - gsl_rng_uniform(r));
	return exp_ziggurat_from(r, (uint64_t)gsl_rng_get(r));
}
