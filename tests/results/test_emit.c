/* test_emit.c: the JSON and CSV primitives — escaping, null and empty for
 * NAN, nesting and commas, RFC 4180 quoting. */
#include "tests/test_support.h"

#include <math.h>
#include <stdio.h>

#include "results/emit.h"
#include "tests/results/test_json_check.h"

/* What f holds, as a new string (free with free()); closes f. */
static char *emit_text(FILE *f)
{
	long len = ftell(f);
	char *text = malloc((size_t)len + 1);

	rewind(f);
	if (text == NULL || fread(text, 1, (size_t)len, f) != (size_t)len)
		abort();
	text[len] = '\0';
	fclose(f);
	return text;
}

/* In a spec inside <script>: no <, >, & or line separator survives, the
 * usual escapes still apply, and a plain emitter is unchanged. */
static void test_emit_json_script_safe(void **state)
{
	static const char name[] = "</script><!-- a&b \"q\" \xe2\x80\xa8"
		"\xe2\x80\xa9 \xe2\x80\xa7 \\\n\x01";
	FILE *f = tmpfile();
	struct emit_json safe = { .f = f, .compact = true, .script_safe = true };
	struct emit_json plain = { .f = f, .compact = true };
	char *out;

	(void)state;
	emit_json_open(&safe, '[');
	emit_json_next(&safe);
	emit_json_text(&safe, name);
	emit_json_close(&safe, ']');
	fputc('\n', f);
	emit_json_open(&plain, '{');
	emit_json_key_string(&plain, "k<", name);
	emit_json_close(&plain, '}');
	out = emit_text(f);
	assert_string_equal(out,
		"[\"\\u003c/script\\u003e\\u003c!-- a\\u0026b \\\"q\\\" "
		"\\u2028\\u2029 \xe2\x80\xa7 \\\\\\n\\u0001\"]\n"
		"{\"k<\":\"</script><!-- a&b \\\"q\\\" \xe2\x80\xa8\xe2\x80\xa9 "
		"\xe2\x80\xa7 \\\\\\n\\u0001\"}");
	free(out);
}

static void test_emit_json_nesting_and_values(void **state)
{
	FILE *f = tmpfile();
	struct emit_json w = { .f = f };
	struct ci c = { 2.385, -0.5, NAN, 2 };
	char *out;

	(void)state;
	assert_non_null(f);
	emit_json_open(&w, '{');
	emit_json_key_string(&w, "name", "a \"b\"\\\n\x01");
	emit_json_key_number(&w, "x", 1e300 * 1e300);
	emit_json_key_string_or_null(&w, "none", NULL);
	emit_json_key_ci(&w, "figure", &c);
	emit_json_key(&w, "empty");
	emit_json_open(&w, '[');
	emit_json_close(&w, ']');
	emit_json_key(&w, "list");
	emit_json_open(&w, '[');
	emit_json_next(&w);
	emit_json_number(f, 0.1);
	emit_json_next(&w);
	emit_json_number(f, NAN);
	emit_json_close(&w, ']');
	emit_json_close(&w, '}');
	out = emit_text(f);
	assert_json(out);
	assert_string_equal(out, "{\n  \"name\": \"a \\\"b\\\"\\\\\\n\\u0001\",\n"
			    "  \"x\": null,\n  \"none\": null,\n"
			    "  \"figure\": {\"mean\": 2.385, \"ci_low\": -0.5, \"ci_high\": null},\n"
			    "  \"empty\": [],\n  \"list\": [\n    0.1,\n    null\n  ]\n}");
	free(out);
}

static void test_emit_csv_fields(void **state)
{
	FILE *f = tmpfile();
	char *out;

	(void)state;
	assert_non_null(f);
	emit_csv_field(f, "plain name");
	fputc(',', f);
	emit_csv_field(f, "101, \"non-emergency\"");
	fputc(',', f);
	emit_csv_field(f, "two\nlines");
	fputc(',', f);
	emit_csv_number(f, 2.385);
	fputc(',', f);
	emit_csv_number(f, NAN);
	fputc(',', f);
	emit_csv_number(f, 18446744073.70955);
	out = emit_text(f);
	assert_string_equal(out, "plain name,\"101, \"\"non-emergency\"\"\","
			    "\"two\nlines\",2.385,,1.844674407e+10");
	free(out);
}

/* A flat object keeps its members, and the containers opened inside it, on
 * one line, while the list around it stays one element a line. */
static void test_emit_json_flat_and_lists(void **state)
{
	FILE *f = tmpfile();
	struct emit_json w = { .f = f };
	const char *const set[] = { "run.seed=2385", "a\tb" };
	char *out;

	(void)state;
	assert_non_null(f);
	emit_json_open(&w, '{');
	emit_json_key(&w, "rows");
	emit_json_open(&w, '[');
	emit_json_next(&w);
	emit_json_open_flat(&w, '{');
	emit_json_key_number(&w, "units", 23.85);
	emit_json_key_bool(&w, "met", false);
	emit_json_key(&w, "shifts");
	emit_json_open(&w, '[');
	emit_json_next(&w);
	emit_json_open(&w, '{');
	emit_json_key_bool(&w, "optimised", true);
	emit_json_close(&w, '}');
	emit_json_next(&w);
	emit_json_open(&w, '{');
	emit_json_close(&w, '}');
	emit_json_close(&w, ']');
	emit_json_close(&w, '}');
	emit_json_close(&w, ']');
	emit_json_key_strings(&w, "set", set, 2);
	emit_json_key_strings(&w, "none", set, 0);
	emit_json_close(&w, '}');
	out = emit_text(f);
	assert_json(out);
	assert_string_equal(out, "{\n  \"rows\": [\n    {\"units\": 23.85, "
			    "\"met\": false, \"shifts\": [{\"optimised\": true}, "
			    "{}]}\n  ],\n  \"set\": [\n    \"run.seed=2385\",\n"
			    "    \"a\\tb\"\n  ],\n  \"none\": []\n}");
	free(out);
}

/* Tidy rows: an exact value repeats as its interval; a figure with
 * nothing measured leaves its fields empty. */
static void test_emit_csv_rows(void **state)
{
	FILE *f = tmpfile();
	struct ci c = { 0.9226666667, 0.8938749498, NAN, 3 };
	char *out;

	(void)state;
	assert_non_null(f);
	emit_csv_key(f, "line", "101, \"non-emergency\"", "service_level");
	emit_csv_ci(f, &c);
	emit_csv_key(f, "cost", "pools", "fte");
	emit_csv_exact(f, 52.16);
	out = emit_text(f);
	assert_string_equal(out, "line,\"101, \"\"non-emergency\"\"\","
			    "service_level,0.9226666667,0.8938749498,\n"
			    "cost,pools,fte,52.16,52.16,52.16\n");
	free(out);
}

/* A compact emitter writes no whitespace, however deep: what a JSON Lines
 * record needs, the same members as the pretty form. */
static void test_emit_json_compact(void **state)
{
	FILE *f = tmpfile();
	struct emit_json w = { .f = f, .compact = true };
	struct ci c = { 2.385, -0.5, NAN, 2 };
	char *out;

	(void)state;
	assert_non_null(f);
	emit_json_open(&w, '{');
	emit_json_key_string(&w, "name", "a b");
	emit_json_key(&w, "list");
	emit_json_open(&w, '[');
	emit_json_next(&w);
	emit_json_open(&w, '{');
	emit_json_key_ci(&w, "figure", &c);
	emit_json_close(&w, '}');
	emit_json_next(&w);
	emit_json_number(f, 0.1);
	emit_json_close(&w, ']');
	emit_json_key(&w, "empty");
	emit_json_open(&w, '{');
	emit_json_close(&w, '}');
	emit_json_close(&w, '}');
	out = emit_text(f);
	assert_json(out);
	assert_string_equal(out, "{\"name\":\"a b\",\"list\":[{\"figure\":"
			    "{\"mean\":2.385,\"ci_low\":-0.5,\"ci_high\":null}},"
			    "0.1],\"empty\":{}}");
	free(out);
}

/* Each kind of interval names its members: a prediction interval's ends
 * are not a confidence interval's, and a goal share is a share. */
static void test_emit_json_interval_kinds(void **state)
{
	FILE *f = tmpfile();
	struct emit_json w = { .f = f };
	struct ci c = { 0.75, 0.5, 1, 4 };
	char *out;

	(void)state;
	assert_non_null(f);
	emit_json_open(&w, '{');
	emit_json_key_figure(&w, "a", &c, FIGURE_CI_MEAN);
	emit_json_key_figure(&w, "b", &c, FIGURE_PI_PERIOD);
	emit_json_key_figure(&w, "c", &c, FIGURE_GOAL_SHARE);
	emit_json_close(&w, '}');
	out = emit_text(f);
	assert_json(out);
	assert_string_equal(out, "{\n"
			    "  \"a\": {\"mean\": 0.75, \"ci_low\": 0.5, \"ci_high\": 1},\n"
			    "  \"b\": {\"mean\": 0.75, \"pi_low\": 0.5, \"pi_high\": 1},\n"
			    "  \"c\": {\"share\": 0.75, \"ci_low\": 0.5, \"ci_high\": 1}\n}");
	free(out);
}

/* The three fields of a figure without the line end, for a row that goes
 * on; emit_csv_ci is the same and ends the row. */
static void test_emit_csv_interval(void **state)
{
	FILE *f = tmpfile();
	struct ci c = { 2.385, NAN, 3.5, 2 };
	char *out;

	(void)state;
	assert_non_null(f);
	emit_csv_interval(f, &c);
	fputs(",met", f);
	emit_csv_ci(f, &c);
	out = emit_text(f);
	assert_string_equal(out, ",2.385,,3.5,met,2.385,,3.5\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_json_nesting_and_values),
		cmocka_unit_test(test_emit_json_script_safe),
		cmocka_unit_test(test_emit_csv_fields),
		cmocka_unit_test(test_emit_json_flat_and_lists),
		cmocka_unit_test(test_emit_csv_rows),
		cmocka_unit_test(test_emit_json_compact),
		cmocka_unit_test(test_emit_json_interval_kinds),
		cmocka_unit_test(test_emit_csv_interval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
