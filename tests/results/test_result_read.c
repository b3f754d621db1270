/* test_result_read.c: a saved run result read back — the smallest valid
 * one, the bounds on size and depth, the schema check, and a message for
 * each kind of bad input that names the file and where. */
#include "tests/test_support.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "results/result_read.h"

#define HEAD "{\"schema\": \"callsim.run\", \"schema_version\": 1, " \
	"\"callsim_version\": \"0.1.0\", \"content_fnv1a\": \"00\", " \
	"\"command\": null, \"scenario\": \"s\", \"seed\": 7, " \
	"\"replications\": 2, \"days\": 1, \"warmup_hours\": 0, "
#define LINE "{\"name\": \"999\", \"target_s\": 10, \"goal\": null, " \
	"\"verdict\": null, \"offered\": " FIG ", \"answered\": " FIG \
	", \"abandoned\": " FIG ", \"service_level\": " FIG ", \"asa_s\": " \
	FIG ", \"wait_p90_s\": " FIG "}"
#define FIG "{\"mean\": 0.5, \"ci_low\": null, \"ci_high\": 1}"
#define TAIL "\"pools\": [], \"grades\": [], \"areas\": [], " \
	"\"costs\": {\"pools\": [], \"roles\": [], \"total_annual_cost\": 0}}"

/* Reads text as "r.json"; returns the status, the message in err. */
static enum sim_status read_text(const char *text, struct result **r,
				 struct sim_err *err)
{
	sim_err_clear(err);
	return result_read_text("r.json", text, strlen(text), r, err);
}

static void test_result_read_smallest(void **state)
{
	struct result *r = NULL;
	struct sim_err err;
	const json_t *line;

	(void)state;
	assert_int_equal(read_text(HEAD "\"lines\": [" LINE "], " TAIL, &r,
				   &err), SIM_OK);
	assert_non_null(r);
	assert_null(r->intervals);
	line = json_array_get(json_object_get(r->root, "lines"), 0);
	assert_string_equal(result_string(line, "name"), "999");
	assert_string_equal(result_string(line, "verdict"), "");
	assert_true(isnan(result_number(line, "goal")));
	assert_true(isnan(result_number(line, "absent")));
	assert_true(result_figure(line, "offered", "mean") == 0.5);
	assert_true(isnan(result_figure(line, "offered", "ci_low")));
	result_free(r);
	result_free(NULL);
}

/* One refusal: SIM_EINVAL, nothing returned, and the message has words. */
static void expect_refused(const char *text, const char *words)
{
	struct result *r = (struct result *)&r;   /* must be set to NULL */
	struct sim_err err;

	assert_int_equal(read_text(text, &r, &err), SIM_EINVAL);
	assert_null(r);
	if (strstr(err.text, words) == NULL)
		fail_msg("wanted '%s' in: %s", words, err.text);
}

static void test_result_read_refusals(void **state)
{
	char deep[2 * (RESULT_READ_DEPTH_MAX + 1) + 1];

	(void)state;
	memset(deep, '[', RESULT_READ_DEPTH_MAX + 1);
	memset(deep + RESULT_READ_DEPTH_MAX + 1, ']', RESULT_READ_DEPTH_MAX + 1);
	deep[sizeof deep - 1] = '\0';
	expect_refused(deep, "r.json: nested deeper than 32 levels");
	/* brackets inside strings do not count */
	expect_refused("{\"schema\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}",
		       "r.json: schema: \"[[[");
	expect_refused("{\n  \"schema\": }", "r.json:2:");
	expect_refused("{\"a\": 1, \"a\": 2}", "duplicate");
	expect_refused("[]", "r.json: must hold a JSON object");
	expect_refused("{\"schema\": \"callsim.run\", \"schema_version\": 2}",
		       "schema_version: 2 is not supported (this callsim "
		       "reads 1)");
	expect_refused("{\"schema\": \"callsim.run\", \"schema_version\": 1.5}",
		       "schema_version: wrong type, must be a whole number");
	expect_refused(HEAD "\"lines\": [7], " TAIL, "lines[0]: must be an "
		       "object");
	expect_refused(HEAD "\"lines\": [" LINE "], \"pools\": [], \"grades\": "
		       "[], \"areas\": [], \"costs\": {}}",
		       "costs.pools: missing, must be an array");
	expect_refused(HEAD "\"lines\": [], " TAIL "x", "r.json:1:");
}

/* A figure's member of the wrong type, and a verdict of no known kind,
 * are named by their key path. */
static void test_result_read_paths(void **state)
{
	static const char *const bad[][2] = {
		{ "\"ci_low\": null", "\"ci_low\": \"low\"" },
		{ "\"verdict\": null", "\"verdict\": \"fine\"" },
	};
	static const char *const words[] = {
		"r.json: lines[0].offered.ci_low: wrong type, must be a number "
		"or null", "r.json: lines[0].verdict: \"fine\" is not one of"
	};
	char text[4096], *at;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		snprintf(text, sizeof text, "%s", HEAD "\"lines\": [" LINE "], "
			 TAIL);
		at = strstr(text, bad[i][0]);
		assert_non_null(at);
		memmove(at + strlen(bad[i][1]), at + strlen(bad[i][0]),
			strlen(at + strlen(bad[i][0])) + 1);
		memcpy(at, bad[i][1], strlen(bad[i][1]));
		expect_refused(text, words[i]);
	}
}

static void test_result_read_file_errors(void **state)
{
	struct result *r = NULL;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(result_read_file("/nonexistent/r.json", &r, &err),
			 SIM_EIO);
	assert_null(r);
	assert_non_null(strstr(err.text, "/nonexistent/r.json: "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_result_read_smallest),
		cmocka_unit_test(test_result_read_refusals),
		cmocka_unit_test(test_result_read_paths),
		cmocka_unit_test(test_result_read_file_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
