/* test_progress.c: the progress of a long command: a sweep's — a line per tenth of the
 * points in a log, a bar redrawn in place on a terminal, nothing without a
 * stream, and resumed points counted as done but not as speed. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results/progress.h"

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
static void test_progress_lines_every_tenth(void **state)
{
	FILE *f = tmpfile();
	struct progress p;
	char *text;

	(void)state;
	progress_init(&p, f, false, "sweep", "points", 20, 4, 3);
	for (int k = 4; k < 20; k++) {
		for (int r = 0; r < 3; r++)
			progress_replication(&p);
		progress_step(&p);
	}
	progress_end(&p);
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
static void test_progress_bar(void **state)
{
	FILE *f = tmpfile();
	struct progress p;
	char *text;

	(void)state;
	progress_init(&p, f, true, "sweep", "points", 4, 0, 2);
	for (int k = 0; k < 4; k++) {
		progress_replication(&p);
		progress_replication(&p);
		progress_step(&p);
	}
	progress_end(&p);
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
static void test_progress_quiet(void **state)
{
	struct progress p;

	(void)state;
	progress_init(&p, NULL, true, "sweep", "points", 3, 1, 5);
	progress_replication(&p);
	progress_step(&p);
	progress_end(&p);
	assert_int_equal(p.steps_done, 1);
}

/* A run has no steps: the bar fills by replications, waits until the
 * work has run a fifth of a second (a quick run shows nothing), and is
 * wiped at the end, leaving no line behind. */
static void test_progress_run_bar(void **state)
{
	FILE *f = tmpfile();
	struct progress p;
	char *text;

	(void)state;
	progress_init(&p, f, true, "run", NULL, 1, 0, 10);
	for (int r = 0; r < 4; r++)
		progress_replication(&p);
	/* Not yet a fifth of a second: nothing drawn. */
	assert_int_equal(ftell(f), 0);
	p.last_s -= 1.0;           /* as if a second had passed */
	progress_replication(&p);
	progress_end(&p);
	text = sp_text(f);
	assert_non_null(strstr(text, "\r\033[K[##########..........]  5/10 "
			       "replications  "));
	assert_null(strstr(text, "points"));
	assert_null(strstr(text, "\n"));
	/* Wiped: the text ends with a carriage return and erase-line. */
	assert_string_equal(text + strlen(text) - 4, "\r\033[K");
	free(text);
	fclose(f);
}

/* A quick run on a terminal: nothing drawn, so nothing to wipe. */
static void test_progress_run_quick(void **state)
{
	FILE *f = tmpfile();
	struct progress p;

	(void)state;
	progress_init(&p, f, true, "run", NULL, 1, 0, 3);
	for (int r = 0; r < 3; r++)
		progress_replication(&p);
	progress_end(&p);
	assert_int_equal(ftell(f), 0);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_progress_lines_every_tenth),
		cmocka_unit_test(test_progress_bar),
		cmocka_unit_test(test_progress_quiet),
		cmocka_unit_test(test_progress_run_bar),
		cmocka_unit_test(test_progress_run_quick),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
