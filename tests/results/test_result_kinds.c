/* test_result_kinds.c: the results other than a run read back — a sweep's
 * JSON Lines line by line (with or without a last line end, cut short,
 * saved as CSV), a comparison's hours, an optimisation of units — each
 * recognised by its schema, and each problem named by its file and line or
 * key path. */
#include "tests/test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results/result_read.h"

#define FIG "{\"mean\": 0.5, \"ci_low\": 0.4, \"ci_high\": 0.6}"
#define SWEEP_HEAD "{\"callsim_sweep\":1,\"name\":\"s\",\"content_fnv1a\":" \
	"\"00\",\"seed\":7,\"replications\":2,\"days\":1,\"warmup_hours\":0," \
	"\"points\":2,\"vary\":[\"a=1,2\"],\"set\":[],\"schema\":" \
	"\"callsim.sweep\",\"schema_version\":1,\"callsim_version\":\"0.1.0\"}\n"
#define LINE "{\"name\": \"999\", \"target_s\": 10, \"goal\": 0.8, " \
	"\"verdict\": \"met\", \"offered\": " FIG ", \"answered\": " FIG \
	", \"abandoned\": " FIG ", \"service_level\": " FIG ", \"asa_s\": " \
	FIG ", \"wait_p90_s\": " FIG "}"
#define POINT(n) "{\"point\":" #n ",\"values\":{\"a\":" #n "},\"lines\":[" \
	LINE "],\"grades\":[],\"costs\":{\"pools\":[],\"roles\":[]," \
	"\"total_annual_cost\":1" #n "00}}"

static enum sim_status read_text(const char *text, struct result **r,
				 struct sim_err *err)
{
	sim_err_clear(err);
	return result_read_text("r.jsonl", text, strlen(text), r, err);
}

static void expect_refused(const char *text, const char *words)
{
	struct result *r = NULL;
	struct sim_err err;

	assert_int_equal(read_text(text, &r, &err), SIM_EINVAL);
	assert_null(r);
	if (strstr(err.text, words) == NULL)
		fail_msg("wanted '%s' in: %s", words, err.text);
}

/* Header and points, with and without the last line end. */
static void test_result_kinds_sweep(void **state)
{
	static const char *const texts[] = {
		SWEEP_HEAD POINT(0) "\n" POINT(1) "\n",
		SWEEP_HEAD POINT(0) "\n" POINT(1),
	};
	struct sim_err err;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct result *r = NULL;
		const json_t *pts;

		assert_int_equal(read_text(texts[i], &r, &err), SIM_OK);
		assert_int_equal(r->kind, RESULT_SWEEP);
		pts = json_object_get(r->root, "points");
		assert_int_equal(json_array_size(pts), 2);
		assert_string_equal(result_string(json_object_get(r->root,
			"header"), "name"), "s");
		assert_true(result_number(json_object_get(json_array_get(pts,
			1), "costs"), "total_annual_cost") == 1100);
		result_free(r);
	}
}

/* Each refusal names the file and the line, or the point's key path. */
static void test_result_kinds_sweep_refusals(void **state)
{
	(void)state;
	expect_refused(SWEEP_HEAD POINT(0) "\n{\"point\":1,\n",
		       "r.jsonl:3:");
	expect_refused(SWEEP_HEAD "\n" POINT(0) "\n", "r.jsonl:2:1: an empty "
		       "line");
	expect_refused(SWEEP_HEAD "[1]\n", "r.jsonl:2:1: must be a JSON "
		       "object");
	expect_refused(SWEEP_HEAD POINT(1) "\n", "points[0].point: must be 0");
	expect_refused(SWEEP_HEAD POINT(0) "\n" POINT(1) "\n" POINT(2) "\n",
		       "more points than its header's 2");
	expect_refused(SWEEP_HEAD "{\"point\":0,\"point\":0}\n", "duplicate");
	expect_refused(SWEEP_HEAD "{\"point\":0,\"values\":{\"a\":[]},"
		       "\"lines\":[],\"grades\":[],\"costs\":{\"pools\":[],"
		       "\"roles\":[],\"total_annual_cost\":0}}\n",
		       "points[0].values.a: must be a number or a string");
	expect_refused("# " SWEEP_HEAD "point,a,section\n",
		       "r.jsonl:1:1: a sweep saved as CSV");
}

/* A comparison whose hours are n_hours, each with one line whose
 * diff_of_means is `diff` (JSON text); free the text. */
static char *compare_text(size_t n_hours, const char *diff)
{
	static const char head[] = "{\"schema\": \"callsim.compare\", "
		"\"schema_version\": 1, \"callsim_version\": \"0.1.0\", "
		"\"command\": null, \"a\": {\"scenario\": \"A\", \"file\": "
		"\"a.yaml\", \"content_fnv1a\": \"00\", \"days\": 1, "
		"\"warmup_hours\": 0}, \"b\": {\"scenario\": \"B\", \"file\": "
		"\"b.yaml\", \"content_fnv1a\": \"01\", \"days\": 1, "
		"\"warmup_hours\": 0}, \"seed\": 7, \"replications\": 2, "
		"\"lines\": [{\"name\": \"999\", \"in\": \"both\", \"verdict_a\": "
		"\"met\", \"verdict_b\": null, \"target_s_a\": 10, \"goal_a\": "
		"0.8, \"target_s_b\": 10, \"goal_b\": null, \"service_level\": "
		"{\"a\": " FIG ", \"b\": " FIG ", \"diff\": " FIG "}, \"asa_s\": "
		"{\"a\": " FIG ", \"b\": " FIG ", \"diff\": " FIG "}, "
		"\"abandon_rate\": {\"a\": " FIG ", \"b\": " FIG ", \"diff\": "
		FIG "}}], \"grades\": [], \"areas\": [], \"costs\": {\"pools\": "
		"[], \"roles\": []}, \"intervals\": [";
	size_t cap = sizeof head + n_hours * 400 + 8, used;
	char *text = malloc(cap);

	assert_non_null(text);
	used = (size_t)snprintf(text, cap, "%s", head);
	for (size_t h = 0; h < n_hours; h++)
		used += (size_t)snprintf(text + used, cap - used, "%s{\"hour\": "
			"%zu, \"label\": \"x\", \"lines\": [{\"name\": \"999\", "
			"\"service_level\": {\"a\": " FIG ", \"b\": " FIG "}, "
			"\"diff_of_means\": %s}]}", h ? ", " : "", h, diff);
	snprintf(text + used, cap - used, "]}");
	return text;
}

static void test_result_kinds_compare(void **state)
{
	struct result *r = NULL;
	struct sim_err err;
	char *text = compare_text(RESULT_HOURS, "0");

	(void)state;
	assert_int_equal(read_text(text, &r, &err), SIM_OK);
	assert_int_equal(r->kind, RESULT_COMPARE);
	result_free(r);
	free(text);
	text = compare_text(RESULT_HOURS - 1, "0");
	expect_refused(text, "intervals: must be an array of 168 hours");
	free(text);
	text = compare_text(RESULT_HOURS, "\"0\"");
	expect_refused(text, "intervals[0].lines[0].diff_of_means: wrong type");
	free(text);
}

/* The units' result: a shift's units must be numbers, "met" a boolean. */
static void test_result_kinds_units(void **state)
{
	static const char good[] = "{\"schema\": \"callsim.optimise_units\", "
		"\"schema_version\": 1, \"callsim_version\": \"0.1.0\", "
		"\"scenario\": \"s\", \"content_fnv1a\": \"00\", \"command\": "
		"null, \"seed\": 7, \"replications\": 2, \"days\": 1, "
		"\"warmup_hours\": 0, \"optimised\": \"units\", \"simulations\": "
		"3, \"met\": true, \"grades\": [], \"areas\": [], \"units\": "
		"[{\"index\": 0, \"area\": \"N\", \"role\": \"r\", \"crew\": 2, "
		"\"optimised\": true, \"shifts\": [{\"name\": \"day\", \"units\": "
		"4, \"scenario_units\": 3, \"officers\": 8}]}], \"costs\": "
		"{\"scenario\": {\"officers_fte\": 1, \"officers_annual_cost\": "
		"2, \"fte\": 3, \"annual_cost\": 4}, \"result\": {\"officers_fte\":"
		" 1, \"officers_annual_cost\": 2, \"fte\": 3, \"annual_cost\": "
		"4}}, \"set\": [\"units.0.shifts.day.staff=4\"]}";
	char bad[sizeof good + 8];
	struct result *r = NULL;
	struct sim_err err;

	(void)state;
	assert_int_equal(read_text(good, &r, &err), SIM_OK);
	assert_int_equal(r->kind, RESULT_OPTIMISE_UNITS);
	result_free(r);
	snprintf(bad, sizeof bad, "%s", good);
	memcpy(strstr(bad, "\"met\": true"), "\"met\": 1   ", 11);
	expect_refused(bad, "met: wrong type, must be true or false");
	snprintf(bad, sizeof bad, "%s", good);
	memcpy(strstr(bad, "\"units\": 4,"), "\"units\":[],", 11);
	expect_refused(bad, "units[0].shifts[0].units: wrong type");
	snprintf(bad, sizeof bad, "%s", good);
	memcpy(strstr(bad, "optimise_units"), "optimise_hours", 14);
	expect_refused(bad, "\"callsim.optimise_hours\" is not a result "
		       "callsim can report on");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_result_kinds_sweep),
		cmocka_unit_test(test_result_kinds_sweep_refusals),
		cmocka_unit_test(test_result_kinds_compare),
		cmocka_unit_test(test_result_kinds_units),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
