/* fuzz_check.h: the one check every harness makes of a load, and a check
 * that survives NDEBUG (a harness must find the same bugs in every build). */
#ifndef TESTS_FUZZ_FUZZ_CHECK_H
#define TESTS_FUZZ_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#include "models/scenario.h"
#include "sim/sim_err.h"

#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: check failed: %s\n", \
				__FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

/* A load either hands out a scenario or refuses with at least one problem
 * line, never both and never neither. */
static inline void fuzz_check_load(enum sim_status st,
				   const struct scenario *sc,
				   const struct sim_err *err)
{
	FUZZ_CHECK((st == SIM_OK) == (sc != NULL));
	FUZZ_CHECK(st == SIM_OK || err->n_lines > 0);
}

#endif
