/* fuzz_load.c: libFuzzer harness for the scenario loader fed arbitrary bytes.
 *
 * The input is the text of a scenario file. Whatever it holds, the loader
 * must either return a scenario or refuse it with at least one problem
 * line; it must never crash, leak, read out of bounds or take unbounded
 * time (libFuzzer's -timeout and -rss_limit_mb catch the last two). */
#include <stddef.h>
#include <stdint.h>

#include "callsim_config.h"
#include "models/scenario.h"
#include "sim/sim_err.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The name is only used in messages and to resolve relative CSV paths
	 * (against the working directory). */
	struct scenario_source src = { CALLSIM_SOURCEDIR "/scenarios/fuzz.yaml",
				       (const char *)data, size,
				       NULL, 0, NULL };
	struct scenario *sc = NULL;
	struct sim_err err;
	enum sim_status st;

	sim_err_clear(&err);
	st = scenario_load(&src, &sc, &err);
	fuzz_check_load(st, sc, &err);
	scenario_free(sc);
	return 0;
}
