/* xoshiro256pp.c: xoshiro256++ 1.0 behind GSL's generator interface.
 *
 * Chosen over MT19937 for speed (four 64-bit words of state instead of 624
 * 32-bit ones and no twisting pass, 64 bits an output instead of 32) with
 * no known statistical weakness: it passes BigCrush and PractRand, and
 * dieharder here (bench/dieharder, docs/performance.md). Period 2^256 - 1;
 * one stream a (seed, replication, purpose) is seeded independently, as
 * the MT19937 streams were, rather than by jumps. */
#include "sim/xoshiro256pp.h"

#include <limits.h>
#include <stdint.h>

static unsigned long xoshiro256pp_get(void *vstate)
{
	uint64_t x = xoshiro256pp_next(vstate);

#if ULONG_MAX >= UINT64_MAX
	return (unsigned long)x;
#else
	return (unsigned long)(x >> 32);
#endif
}

/* The top 53 bits, the most a double holds: [0, 1) in steps of 2^-53. */
static double xoshiro256pp_get_double(void *vstate)
{
	return (double)(xoshiro256pp_next(vstate) >> 11) * 0x1.0p-53;
}

/* splitmix64 (Steele, Lea and Flood 2014): a Weyl sequence through an
 * invertible mix, so four successive outputs are distinct and never all 0. */
static void xoshiro256pp_set(void *vstate, unsigned long seed)
{
	struct xoshiro256pp_state *st = vstate;
	uint64_t z = seed;

	for (int i = 0; i < 4; i++) {
		uint64_t x = (z += 0x9e3779b97f4a7c15ULL);

		x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
		x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
		st->s[i] = x ^ (x >> 31);
	}
}

static const gsl_rng_type xoshiro256pp_gsl = {
	"xoshiro256++",
#if ULONG_MAX >= UINT64_MAX
	ULONG_MAX,
#else
	0xffffffffUL,
#endif
	0,
	sizeof(struct xoshiro256pp_state),
	xoshiro256pp_set,
	xoshiro256pp_get,
	xoshiro256pp_get_double,
};

const gsl_rng_type *xoshiro256pp_type(void)
{
	return &xoshiro256pp_gsl;
}
