/* fuzz_result.c: libFuzzer harness for `callsim report`'s reader and page
 * writer fed arbitrary bytes.
 *
 * The input is the text of a saved result of any kind (run, compare,
 * sweep JSON Lines, optimise, optimise --units). The reader must either
 * hand out a result or refuse it with at least one problem line; a result
 * it hands out must make a page without a crash, whatever its names and
 * numbers (the page goes to /dev/null: the writer's output is checked by
 * tests/cli/report_*.py). Never a crash, leak, out-of-bounds read or
 * unbounded time.
 *
 * The same bytes are read as a part of a long run (results/partial.h):
 * refused with a problem line, or read and its sums added to the
 * accumulator of the scenario the corpus's part was run on
 * (corpus/result/partial.json: the M/M/6 of corpus/load for a day), and,
 * when they are sums of values, summarised. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "results/partial.h"
#include "results/report_html.h"
#include "results/result_read.h"
#include "sim/sim_err.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The scenario of the corpus's part, loaded once (NULL if it cannot be). */
static const struct scenario *fuzz_partial_scenario(void)
{
	static const char *const days[] = { "run.days=1" };
	static struct scenario *sc;
	static bool tried;
	struct scenario_source src = {
		.path = "tests/fuzz/corpus/load/mmc-erlang-c.yaml",
		.overrides = days, .n_overrides = 1,
	};
	struct sim_err err;

	if (!tried) {
		tried = true;
		sim_err_clear(&err);
		if (scenario_load(&src, &sc, &err) != SIM_OK)
			sc = NULL;
	}
	return sc;
}

/* data as a part: refused with a reason, or added and summarised. */
static void fuzz_partial(const uint8_t *data, size_t size)
{
	const struct scenario *sc = fuzz_partial_scenario();
	struct summary_acc *a = sc != NULL ? summary_acc_new(sc) : NULL;
	struct partial_part p;
	struct sim_err err;

	sim_err_clear(&err);
	if (partial_read_text("fuzz.json", (const char *)data, size, &p, &err)
	    != SIM_OK) {
		FUZZ_CHECK(err.n_lines > 0 && p.root == NULL);
	} else if (a != NULL
		   && partial_part_add(&p, "fuzz.json", a, &err) == SIM_OK) {
		summary_free(summary_of_acc(a, &err));
	}
	partial_part_clear(&p);
	summary_acc_free(a);
}

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
	fuzz_partial(data, size);
	return 0;
}
