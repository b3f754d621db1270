/* fuzz_set.c: libFuzzer harness for --set overrides applied to the bundled
 * scenario.
 *
 * The input is up to FUZZ_SET_MAX override strings ("key.path=value"), one
 * a line, applied to scenarios/west-midlands-2024.yaml exactly as
 * `callsim check FILE --set ...` applies them. The loader must accept the
 * result or refuse it with a problem line; never crash, leak or hang. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "callsim_config.h"
#include "models/scenario.h"
#include "sim/sim_err.h"
#include "tests/fuzz/fuzz_check.h"

#define FUZZ_SET_MAX 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


/* Cuts text (modified in place) into at most FUZZ_SET_MAX lines. */
static size_t split_lines(char *text, const char *ovr[FUZZ_SET_MAX])
{
	size_t n = 0;
	char *s = text;

	while (n < FUZZ_SET_MAX) {
		char *nl = strchr(s, '\n');

		ovr[n++] = s;
		if (!nl)
			break;
		*nl = '\0';
		s = nl + 1;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A C string, as argv would hold it: it ends at the first NUL. */
	char *text = malloc(size + 1);
	const char *ovr[FUZZ_SET_MAX];
	struct scenario_source src = {
		CALLSIM_SOURCEDIR "/scenarios/west-midlands-2024.yaml",
		NULL, 0, ovr, 0, NULL };
	struct scenario *sc = NULL;
	struct sim_err err;
	enum sim_status st;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	src.n_overrides = split_lines(text, ovr);
	sim_err_clear(&err);
	st = scenario_load(&src, &sc, &err);
	fuzz_check_load(st, sc, &err);
	scenario_free(sc);
	free(text);
	return 0;
}
