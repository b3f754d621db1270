/* rng_stream.c: seeds of independent random streams named by (master seed,
 * replication, purpose).
 *
 * The three are mixed with the splitmix64 finaliser, a bijection on 64 bits:
 * for a fixed master seed, two different (replication, purpose) pairs always
 * give different 64-bit values. MT19937 keeps only 32 bits of its seed,
 * though, so the value is folded (high half xor low half) and 32-bit
 * collisions become possible: among k streams about k^2 / 2^33 pairs share a
 * seed (640,000 streams give ~48 such pairs). Such a pair shares a whole
 * sequence, which is harmless between unrelated purposes of different
 * replications; test_rng_stream checks that, for a realistic range, no two
 * purposes of one replication and no two replications of one purpose meet. */
#include "sim/rng_stream.h"

/* Seed used if the fold lands on 0, which MT19937 would replace by 4357. */
#define RNG_STREAM_SEED_IF_ZERO 0x9e3779b9UL

/* The splitmix64 finaliser (Steele, Lea and Flood 2014): invertible, and
 * every input bit affects every output bit. */
static uint64_t rng_stream_mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* The 32-bit generator seed of a stream: deterministic, never 0. The master
 * seed is mixed first so that nearby master seeds (2025, 2026) do not give
 * streams that are shifted copies of each other; the (replication, purpose)
 * word is then xored in and mixed again, which is injective in that word. */
unsigned long rng_stream_seed(uint64_t master, uint32_t replication,
			      uint32_t purpose)
{
	uint64_t which = ((uint64_t)replication << 32) | purpose;
	uint64_t z = rng_stream_mix(rng_stream_mix(master) ^ which);
	unsigned long seed = (unsigned long)((z ^ (z >> 32)) & 0xffffffffULL);

	return seed != 0 ? seed : RNG_STREAM_SEED_IF_ZERO;
}

/* Returns a new MT19937 generator seeded for the stream (caller frees with
 * gsl_rng_free), or NULL when out of memory. MT19937 is chosen for quality,
 * not speed: the simulation spends far more time in its own logic than in
 * drawing numbers. gsl_rng_alloc seeds with the global default, which is
 * overwritten here at once; gsl_rng_env_setup is never called, so the
 * environment cannot change a run. */
gsl_rng *rng_stream_new(uint64_t master, uint32_t replication, uint32_t purpose)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);

	if (r == NULL)
		return NULL;
	gsl_rng_set(r, rng_stream_seed(master, replication, purpose));
	return r;
}
