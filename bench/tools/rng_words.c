/* rng_words.c: writes the output of callsim's generator (xoshiro256++, as
 * seeded for one stream by sim/rng_stream.c) to stdout as raw 32-bit words
 * for `dieharder -g 200`, until the reader closes the pipe. Each 64-bit
 * output is written whole (low half first), so both halves are tested.
 *
 *   rng_words [SEED [REPLICATION [PURPOSE]]] | dieharder -g 200 -d 0 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "sim/rng_stream.h"

int main(int argc, char **argv)
{
	uint64_t seed = argc > 1 ? strtoull(argv[1], NULL, 10) : 2025;
	uint32_t rep = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 0;
	uint32_t purpose = argc > 3 ? (uint32_t)strtoul(argv[3], NULL, 10) : 0;
	gsl_rng *r = rng_stream_new(seed, rep, purpose);
	uint64_t buf[4096];

	if (r == NULL)
		return 1;
	for (;;) {
		for (size_t i = 0; i < sizeof buf / sizeof buf[0]; i++)
			buf[i] = (uint64_t)gsl_rng_get(r);
		if (fwrite(buf, sizeof buf, 1, stdout) != 1)
			break;
	}
	gsl_rng_free(r);
	return 0;
}
