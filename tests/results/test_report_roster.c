/* test_report_roster.c: the parts of the roster report that read no
 * search: the line of counts above the table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "results/report_roster.h"

/* The counts line for solves, sims and replications, as printed. */
static char *counts(unsigned long solves, unsigned long sims,
		    uint32_t replications)
{
	struct summary s = { .replications = replications, .seed = 7 };
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	report_roster_counts(f, solves, sims, &s);
	fclose(f);
	return out;
}

/* Each count is in the singular when it is one, and only then. */
static void test_report_roster_counts_number(void **state)
{
	char *one = counts(1, 1, 1), *more = counts(39, 13, 10);

	(void)state;
	assert_string_equal(one, "1 solve and 1 simulation, the last of 1 "
			    "replication (seed 7)\n");
	assert_string_equal(more, "39 solves and 13 simulations, the last of "
			    "10 replications (seed 7)\n");
	free(one);
	free(more);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_roster_counts_number),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
