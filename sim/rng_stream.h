/* rng_stream.h: independent, reproducible random streams.
 *
 * Each (master seed, replication, purpose) names one stream: an
 * xoshiro256++ generator (sim/xoshiro256pp.h) seeded with a 64-bit mix
 * (splitmix64 finaliser) of the three, distinct for every (replication,
 * purpose) of a master seed.
 * Separate purposes (arrivals, patience, handling, ...) give common random
 * numbers across two variants of a scenario: changing staffing does not
 * change who calls or when. gsl_rng_env_setup() is never called. */
#ifndef SIM_RNG_STREAM_H
#define SIM_RNG_STREAM_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

/* The 64-bit generator seed of a stream: deterministic. */
unsigned long rng_stream_seed(uint64_t master, uint32_t replication,
			      uint32_t purpose);
/* Returns a new seeded generator (caller frees with gsl_rng_free), or NULL
 * when out of memory. */
gsl_rng *rng_stream_new(uint64_t master, uint32_t replication, uint32_t purpose);

#endif
