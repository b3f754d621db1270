/* fuzz_result.c: libFuzzer harness for `callsim report`'s reader and page
 * writer fed arbitrary bytes.
 *
 * The input is the text of a saved result of any kind (run, compare,
 * sweep JSON Lines, optimise, optimise --units). The reader must either
 * hand out a result or refuse it with at least one problem line; a result
 * it hands out must make a page without a crash, whatever its names and
 * numbers (the page goes to /dev/null: the writer's output is checked by
 * tests/cli/report_*.py). Never a crash, leak, out-of-bounds read or
 * unbounded time. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "results/report_html.h"
#include "results/result_read.h"
#include "sim/sim_err.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct result *r = NULL;
	struct sim_err err;
	enum sim_status st;
	FILE *sink;

	sim_err_clear(&err);
	st = result_read_text("fuzz.json", (const char *)data, size, &r, &err);
	FUZZ_CHECK((st == SIM_OK) == (r != NULL));
	FUZZ_CHECK(st == SIM_OK || err.n_lines > 0);
	if (r != NULL && (sink = fopen("/dev/null", "w")) != NULL) {
		FUZZ_CHECK(report_html_write(sink, r, &err) == SIM_OK);
		fclose(sink);
	}
	result_free(r);
	return 0;
}
