/* rng_stream.c: seeds of independent random streams named by (master seed,
 * replication, purpose).
 *
 * The three are mixed with the splitmix64 finaliser, a bijection on 64 bits:
 * for a fixed master seed, two different (replication, purpose) pairs always
 * give different 64-bit seeds, and xoshiro256++ keeps all 64 (it expands
 * them to its 256-bit state by splitmix64), so no two streams of a run
 * share a sequence. (MT19937, used before, kept 32 bits of its seed, and
 * among 640,000 streams some 48 pairs shared one.) */
#include "sim/rng_stream.h"

#include "sim/xoshiro256pp.h"

/* The splitmix64 finaliser (Steele, Lea and Flood 2014): invertible, and
 * every input bit affects every output bit. */
static uint64_t rng_stream_mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* The generator seed of a stream: deterministic. The master seed is mixed
 * first so that nearby master seeds (2025, 2026) do not give streams that
 * are shifted copies of each other; the (replication, purpose) word is then
 * xored in and mixed again, which is injective in that word. */
unsigned long rng_stream_seed(uint64_t master, uint32_t replication,
			      uint32_t purpose)
{
	uint64_t which = ((uint64_t)replication << 32) | purpose;

	return (unsigned long)rng_stream_mix(rng_stream_mix(master) ^ which);
}

/* Returns a new xoshiro256++ generator seeded for the stream (caller frees
 * with gsl_rng_free), or NULL when out of memory. gsl_rng_alloc seeds with
 * the global default, which is overwritten here at once;
 * gsl_rng_env_setup is never called, so the environment cannot change a
 * run. */
gsl_rng *rng_stream_new(uint64_t master, uint32_t replication, uint32_t purpose)
{
	gsl_rng *r = gsl_rng_alloc(xoshiro256pp_type());

	if (r == NULL)
		return NULL;
	gsl_rng_set(r, rng_stream_seed(master, replication, purpose));
	return r;
}
