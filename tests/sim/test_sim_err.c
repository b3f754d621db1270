/* test_sim_err.c: the error record keeps the first status, one line per
 * problem, and never overflows its text. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/sim_err.h"

static int count_newlines(const struct sim_err *err)
{
	int n = 0;

	for (size_t i = 0; i < err->len; i++)
		n += err->text[i] == '\n';
	return n;
}

static void test_sim_err_clear_empties(void **state)
{
	struct sim_err err;

	(void)state;
	memset(&err, 'x', sizeof err);
	sim_err_clear(&err);
	assert_int_equal(err.status, SIM_OK);
	assert_int_equal(err.n_lines, 0);
	assert_int_equal(err.len, 0);
	assert_string_equal(err.text, "");
	assert_false(sim_err_failed(&err));
}

static void test_sim_err_add_formats_lines_in_order(void **state)
{
	struct sim_err err = { 0 };
	enum sim_status st;

	(void)state;
	st = sim_err_add(&err, SIM_ESCENARIO, "%s:%d: shift ends at %.3f",
			 "wm.yaml", 17, 2.385);
	assert_int_equal(st, SIM_ESCENARIO);
	st = sim_err_add(&err, SIM_EINVAL, "second %u", 42u);
	/* The call returns its own status, the record keeps the first. */
	assert_int_equal(st, SIM_EINVAL);
	assert_int_equal(err.status, SIM_ESCENARIO);
	assert_true(sim_err_failed(&err));
	assert_int_equal(err.n_lines, 2);
	assert_string_equal(err.text,
			    "wm.yaml:17: shift ends at 2.385\nsecond 42\n");
	assert_int_equal(err.len, strlen(err.text));
}

/* Forty-odd long lines overflow the 8 KB text: it must stay terminated,
 * hold only whole lines, and count the lines it could not hold. A scenario
 * with 100 problems once printed a list cut mid-line. */
static void test_sim_err_keeps_whole_lines_and_counts_dropped(void **state)
{
	struct sim_err err = { 0 };
	char word[301], want[320];
	const char *line;
	int i = 0;

	(void)state;
	memset(word, 'w', 300);
	word[300] = '\0';
	for (i = 0; i < 100; i++)
		sim_err_add(&err, SIM_ESCENARIO, "line %d %s", i, word);
	assert_int_equal(err.n_lines, 100);
	assert_true(err.len < SIM_ERR_CAP);
	assert_int_equal(err.text[err.len], '\0');
	assert_int_equal(err.text[err.len - 1], '\n');
	assert_int_equal(strlen(err.text), err.len);
	/* 8192 bytes hold 26 whole lines of 308 or 309 bytes; the 27th is
	 * dropped whole, not cut. */
	assert_int_equal(count_newlines(&err), 26);
	assert_int_equal(err.n_kept, 26);
	for (line = err.text, i = 0; *line; i++) {
		snprintf(want, sizeof want, "line %d %s\n", i, word);
		assert_int_equal(strncmp(line, want, strlen(want)), 0);
		line += strlen(want);
	}
	assert_int_equal(err.status, SIM_ESCENARIO);
}

/* Once a line is dropped, later ones are too, even short ones: the text is
 * the first problems, never the first and some later ones. */
static void test_sim_err_drops_every_line_after_a_dropped_one(void **state)
{
	struct sim_err err = { 0 };
	char word[2001];

	(void)state;
	memset(word, 'w', 2000);
	word[2000] = '\0';
	for (int i = 0; i < 5; i++)
		sim_err_add(&err, SIM_ESCENARIO, "%s", word);
	assert_int_equal(err.n_kept, 4);
	sim_err_add(&err, SIM_ESCENARIO, "short");
	assert_int_equal(err.n_lines, 6);
	assert_int_equal(err.n_kept, 4);
	assert_null(strstr(err.text, "short"));
	assert_int_equal(err.len, 4 * 2001);
}

/* One first line longer than the whole text is cut to fit, ending in
 * "...", not dropped: the record then still says something. */
static void test_sim_err_cuts_a_huge_line(void **state)
{
	size_t size = 3 * SIM_ERR_CAP;
	char *huge = malloc(size);
	struct sim_err err = { 0 };

	(void)state;
	assert_non_null(huge);
	memset(huge, 'h', size - 1);
	huge[size - 1] = '\0';
	sim_err_add(&err, SIM_EIO, "%s", huge);
	free(huge);
	assert_int_equal(err.len, SIM_ERR_CAP - 1);
	assert_int_equal(err.text[SIM_ERR_CAP - 2], '\n');
	assert_int_equal(strncmp(err.text + SIM_ERR_CAP - 5, "...", 3), 0);
	assert_int_equal(err.text[SIM_ERR_CAP - 1], '\0');
	assert_int_equal(count_newlines(&err), 1);
	/* Full now: the next line is counted but dropped. */
	sim_err_add(&err, SIM_ENOMEM, "dropped");
	assert_int_equal(err.n_lines, 2);
	assert_int_equal(err.len, SIM_ERR_CAP - 1);
	assert_int_equal(err.status, SIM_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sim_err_clear_empties),
		cmocka_unit_test(test_sim_err_add_formats_lines_in_order),
		cmocka_unit_test(test_sim_err_keeps_whole_lines_and_counts_dropped),
		cmocka_unit_test(test_sim_err_drops_every_line_after_a_dropped_one),
		cmocka_unit_test(test_sim_err_cuts_a_huge_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
