/* test_figure.c: the table of figures — the names every format uses, and
 * the places the table and comparisons give them. */
#include "tests/test_support.h"

#include <string.h>

#include "models/figure.h"

/* The machine names are the JSON keys and CSV metrics: they never change
 * with the order of the list. */
static void test_figure_names(void **state)
{
	(void)state;
	assert_string_equal(figure_def(FIGURE_BLOCK_LINE, CC_OFFERED)->name, "offered");
	assert_string_equal(figure_def(FIGURE_BLOCK_LINE, CC_ABANDONED_5S)->name,
			    "abandoned_5s");
	assert_string_equal(figure_def(FIGURE_BLOCK_LINE, CC_WAIT_P99_S)->name,
			    "wait_p99_s");
	assert_string_equal(figure_def(FIGURE_BLOCK_POOL, CC_STAFF_ON_DUTY)->name,
			    "staff_on_duty");
	assert_string_equal(figure_def(FIGURE_BLOCK_ILINE, CC_I_SERVICE_LEVEL)->name,
			    "service_level");
	assert_string_equal(figure_def(FIGURE_BLOCK_IPOOL, CC_I_OCCUPANCY)->name,
			    "occupancy");
	assert_string_equal(figure_def(FIGURE_BLOCK_GRADE, RSP_WITHIN_TARGET)->name,
			    "attended_within_target");
	assert_string_equal(figure_def(FIGURE_BLOCK_AREA_GRADE, RSP_ATTEND_P90_S)->name,
			    "attendance_p90_s");
	assert_string_equal(figure_def(FIGURE_BLOCK_AREA, RSP_ABSTRACTION_HOURS)->name,
			    "abstraction_hours");
	assert_int_equal(figure_def(FIGURE_BLOCK_AREA, RSP_ABSTRACTION_HOURS)->unit,
			 FIGURE_HOURS);
	assert_int_equal(figure_def(FIGURE_BLOCK_LINE, CC_SERVICE_LEVEL)->unit,
			 FIGURE_FRACTION);
}

/* What each block is kept by, and its length is its enum's. */
static void test_figure_blocks(void **state)
{
	(void)state;
	assert_int_equal(figure_block(FIGURE_BLOCK_LINE)->n, CC_LINE_METRICS);
	assert_int_equal(figure_block(FIGURE_BLOCK_ILINE)->over, FIGURE_HOUR_OF_WEEK);
	assert_int_equal(figure_block(FIGURE_BLOCK_ILINE)->by, FIGURE_BY_LINE);
	assert_int_equal(figure_block(FIGURE_BLOCK_IPOOL)->by, FIGURE_BY_POOL);
	assert_int_equal(figure_block(FIGURE_BLOCK_AREA_GRADE)->by,
			 FIGURE_BY_AREA_GRADE);
	assert_int_equal(figure_block(FIGURE_BLOCK_AREA_GRADE)->n, RSP_GRADE_METRICS);
	assert_int_equal(figure_block(FIGURE_BLOCK_AREA)->over, FIGURE_WHOLE_HORIZON);
}

/* Places run 1, 2, ... without a gap or a repeat, so a figure added with
 * a place already taken, or one skipped, fails here. */
static void test_figure_places_are_a_sequence(void **state)
{
	(void)state;
	for (int b = 0; b < FIGURE_BLOCKS; b++) {
		const struct figure_block_def *bd = figure_block(b);
		unsigned rows = 0, cmps = 0;
		size_t order[32];
		size_t nr, nc;

		assert_true(bd->n <= 32);
		for (size_t k = 0; k < bd->n; k++) {
			rows += bd->defs[k].row > 0;
			cmps += bd->defs[k].cmp > 0;
			/* Every name in a block is its own. */
			for (size_t j = 0; j < k; j++)
				assert_string_not_equal(bd->defs[j].name,
							bd->defs[k].name);
		}
		nr = figure_rows(b, order);
		assert_int_equal(nr, rows);
		for (size_t i = 0; i < nr; i++)
			assert_int_equal(bd->defs[order[i]].row, i + 1);
		nc = figure_compared(b, order);
		assert_int_equal(nc, cmps);
		for (size_t i = 0; i < nc; i++)
			assert_int_equal(bd->defs[order[i]].cmp, i + 1);
	}
}

/* The run table's order of a line: what became of the calls offered, then
 * how fast they were answered, then what the answered calls became. */
static void test_figure_line_rows(void **state)
{
	size_t order[CC_LINE_METRICS];
	size_t n = figure_rows(FIGURE_BLOCK_LINE, order);

	(void)state;
	assert_int_equal(n, CC_LINE_METRICS);
	assert_int_equal(order[0], CC_OFFERED);
	assert_int_equal(order[3], CC_UNANSWERED_END);
	assert_int_equal(order[12], CC_WAIT_P99_S);
	assert_int_equal(order[15], CC_INCIDENTS_CREATED);
	assert_int_equal(order[18], CC_CALLS_PER_INCIDENT);
	n = figure_compared(FIGURE_BLOCK_LINE, order);
	assert_int_equal(n, 6);
	assert_int_equal(order[1], CC_ASA_S);
	assert_int_equal(order[4], CC_DUPLICATES);
	assert_int_equal(order[5], CC_CALLS_PER_INCIDENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figure_names),
		cmocka_unit_test(test_figure_blocks),
		cmocka_unit_test(test_figure_places_are_a_sequence),
		cmocka_unit_test(test_figure_line_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
