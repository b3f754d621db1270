/* xoshiro256pp.h: the xoshiro256++ generator (Blackman and Vigna 2019) as a
 * GSL generator type, so every GSL distribution draws from it.
 *
 * gsl_rng_get returns all 64 bits of an output (on platforms where unsigned
 * long has 64 bits; the top 32 elsewhere), gsl_rng_uniform the top 53 bits
 * scaled to [0, 1). gsl_rng_set(r, s) fills the 256-bit state with four
 * successive outputs of splitmix64 started at s, as the authors recommend:
 * every 64-bit seed gives its own state, never the all-zero one. */
#ifndef SIM_XOSHIRO256PP_H
#define SIM_XOSHIRO256PP_H

#include <gsl/gsl_rng.h>
#include <stdint.h>

/* The generator type, for gsl_rng_alloc. */
const gsl_rng_type *xoshiro256pp_type(void);

/* The state behind a gsl_rng of this type (its r->state). */
struct xoshiro256pp_state {
	uint64_t s[4];
};

static inline uint64_t xoshiro256pp_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* The output xoshiro256pp_next would return, without stepping the state:
 * it depends on s[0] and s[3] alone. With xoshiro256pp_step, a sampler
 * that may hand the draw back (to GSL's own sampler, which takes the same
 * output again) reads it without saving the state first. */
static inline uint64_t xoshiro256pp_peek(const struct xoshiro256pp_state *st)
{
	return xoshiro256pp_rotl(st->s[0] + st->s[3], 23) + st->s[0];
}

/* The step xoshiro256pp_next makes after its output. */
static inline void xoshiro256pp_step(struct xoshiro256pp_state *st)
{
	uint64_t *s = st->s;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = xoshiro256pp_rotl(s[3], 45);
}

/* One output and one step of the state: the reference code's next(),
 * as its output and its step. */
static inline uint64_t xoshiro256pp_next(struct xoshiro256pp_state *st)
{
	uint64_t result = xoshiro256pp_peek(st);

	xoshiro256pp_step(st);
	return result;
}

/* The next 64-bit output of r, a generator of this type: the number
 * gsl_rng_get(r) returns where unsigned long has 64 bits, without GSL's
 * call through the type's function pointer. For samplers on the hot path
 * (sim/exp_ziggurat.c). */
static inline uint64_t xoshiro256pp_u64(gsl_rng *r)
{
	return xoshiro256pp_next((struct xoshiro256pp_state *)r->state);
}

#endif
