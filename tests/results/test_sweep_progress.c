/* test_sweep_progress.c: the progress of a sweep — a line per tenth of the
 * points in a log, a bar redrawn in place on a terminal, nothing without a
 * stream, and resumed points counted as done but not as speed. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results/sweep_progress.h"

/* What the progress wrote to f so far, as a new string. */
static char *sp_text(FILE *f)
{
	long len = ftell(f);
	char *buf = calloc((size_t)len + 1, 1);

	rewind(f);
	assert_int_equal(fread(buf, 1, (size_t)len, f), len);
	return buf;
}

static size_t sp_count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* 20 points of 3 replications, 4 of them resumed: lines at 20%, 30%, ...
 * 100% (the 4 skipped points are the first 20%), each naming the points
 * and replications done, replications including the skipped ones. */
static void test_sweep_progress_lines_every_tenth(void **state)
{
	FILE *f = tmpfile();
	struct sweep_progress p;
	char *text;

	(void)state;
	sweep_progress_init(&p, f, false, 20, 4, 3);
	for (int k = 4; k < 20; k++) {
		for (int r = 0; r < 3; r++)
			sweep_progress_replication(&p);
		sweep_progress_point(&p);
	}
	sweep_progress_end(&p);
	text = sp_text(f);
	assert_int_equal(sp_count(text, "\n"), 8);
	assert_int_equal(sp_count(text, "callsim sweep: "), 8);
	assert_non_null(strstr(text, "callsim sweep: 6/20 points  18/60 "
			       "replications  0:00 elapsed  eta 0:00\n"));
	assert_non_null(strstr(text, "20/20 points  60/60 replications"));
	assert_null(strstr(text, "5/20 points"));
	assert_null(strstr(text, "\r"));
	free(text);
	fclose(f);
}

/* On a terminal every point redraws the bar; the end closes its line. */
static void test_sweep_progress_bar(void **state)
{
	FILE *f = tmpfile();
	struct sweep_progress p;
	char *text;

	(void)state;
	sweep_progress_init(&p, f, true, 4, 0, 2);
	for (int k = 0; k < 4; k++) {
		sweep_progress_replication(&p);
		sweep_progress_replication(&p);
		sweep_progress_point(&p);
	}
	sweep_progress_end(&p);
	text = sp_text(f);
	assert_int_equal(sp_count(text, "\r\033[K["), 5);
	assert_non_null(strstr(text, "[##########..........]  2/4 points  4/8 "
			       "replications"));
	assert_non_null(strstr(text, "[####################]  4/4 points"));
	assert_int_equal(sp_count(text, "\n"), 1);
	assert_int_equal(text[strlen(text) - 1], '\n');
	free(text);
	fclose(f);
}

/* Without a stream (--quiet) nothing is said, and nothing breaks. */
static void test_sweep_progress_quiet(void **state)
{
	struct sweep_progress p;

	(void)state;
	sweep_progress_init(&p, NULL, true, 3, 1, 5);
	sweep_progress_replication(&p);
	sweep_progress_point(&p);
	sweep_progress_end(&p);
	assert_int_equal(p.points_done, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_progress_lines_every_tenth),
		cmocka_unit_test(test_sweep_progress_bar),
		cmocka_unit_test(test_sweep_progress_quiet),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
