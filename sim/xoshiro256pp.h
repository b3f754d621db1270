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

/* The generator type, for gsl_rng_alloc. */
const gsl_rng_type *xoshiro256pp_type(void);

#endif
