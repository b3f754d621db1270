/* test_report_json.c: the JSON writer — well-formed output, the keys the
 * issue fixes, escaping, null for NAN, exact seed, and write errors. */
#include "tests/test_support.h"

#include "results/report_json.h"
#include "tests/results/test_fixture.h"
#include "tests/results/test_json_check.h"

static struct summary *summary_of(struct fixture *fx)
{
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);

	assert_non_null(s);
	return s;
}

/* The checker itself must refuse what the writer must never produce. */
static void test_report_json_checker_rejects_bad_json(void **state)
{
	(void)state;
	assert_null(json_value("{\"a\": NaN}"));
	assert_null(json_value("{\"a\": 1 \"b\": 2}"));
	assert_null(json_value("[\"tab\there\"]"));
	assert_null(json_value("{\"a\": \"\\x41\"}"));
	assert_non_null(json_value("{\"a\": [1, -2.5e-3, null, \"\\u0001\"]}"));
}

static void test_report_json_is_well_formed(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *plain = fx_capture(report_json_write, s, false, &st);
	char *full;

	(void)state;
	assert_int_equal(st, SIM_OK);
	assert_json(plain);
	full = fx_capture(report_json_write, s, true, &st);
	assert_int_equal(st, SIM_OK);
	assert_json(full);
	free(plain);
	free(full);
	summary_free(s);
	free(fx);
}

/* Top-level keys in the documented order; intervals only on request. */
static void test_report_json_top_level_keys(void **state)
{
	static const char *const keys[] = {
		"\n  \"scenario\": ", "\n  \"seed\": ", "\n  \"replications\": 3,",
		"\n  \"days\": 2.385,", "\n  \"warmup_hours\": 1.5,",
		"\n  \"lines\": [", "\n  \"pools\": [", "\n  \"grades\": [",
		"\n  \"areas\": [", "\n  \"costs\": {", "\n  \"intervals\": ["
	};
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *plain = fx_capture(report_json_write, s, false, &st);
	char *full = fx_capture(report_json_write, s, true, &st);
	const char *at = full;

	(void)state;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *next = strstr(at, keys[i]);

		if (next == NULL)
			fail_msg("key %s missing or out of order", keys[i]);
		at = next;
	}
	assert_null(strstr(plain, "\"intervals\""));
	assert_int_equal(fx_count(full, "\"label\": \"Mon 00:00\""), 1);
	assert_int_equal(fx_count(full, "\"label\": \"Sun 23:00\""), 1);
	assert_int_equal(fx_count(full, "\"hour\": "), HOURS_PER_WEEK);
	free(plain);
	free(full);
	summary_free(s);
	free(fx);
}

/* The 95% interval worked out in test_fixture.h, to 10 digits. */
static void test_report_json_line_figures(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out = fx_capture(report_json_write, s, false, &st);

	(void)state;
	assert_non_null(strstr(out, "\"service_level\": {\"mean\": 0.9226666667, "
			       "\"ci_low\": 0.8938749498, \"ci_high\": 0.9514583836}"));
	assert_non_null(strstr(out, "\"name\": \"999\",\n      \"target_s\": 10,\n"
			       "      \"goal\": 0.9,\n      \"verdict\": \"uncertain\","));
	assert_non_null(strstr(out, "\"target_s\": 180,\n      \"goal\": null,\n"
			       "      \"verdict\": null,"));
	assert_int_equal(fx_count(out, "\"abandoned_5s\": {\"mean\": "), 2);
	assert_int_equal(fx_count(out, "\"wait_p95_s\": {\"mean\": "), 2);
	assert_non_null(strstr(out, "\"fte\": 52.16,\n      \"annual_cost\": 1982080\n"));
	assert_non_null(strstr(out, "\"costs\": {\n    \"fte\": 52.16,\n"
			       "    \"annual_cost\": 1982080,\n    \"pools\": [\n"
			       "      {\n        \"name\": \"emergency\",\n"
			       "        \"fte\": 52.16,\n        \"annual_cost\": 1982080\n"
			       "      }\n    ],\n    \"roles\": [],\n"
			       "    \"total_fte\": 52.16,\n"
			       "    \"total_annual_cost\": 1982080\n  }"));
	/* Calls only: the response keys are there, empty. */
	assert_non_null(strstr(out, "\n  \"grades\": [],\n  \"areas\": [],\n"));
	free(out);
	summary_free(s);
	free(fx);
}

/* Grades in the shape of lines; areas with their figures and their grades
 * nested; costs by pool and role (numbers from test_fixture.h; the last
 * printed digit of two interval ends sits on a rounding boundary of the
 * hand-computed value, 0.84699594775 and 0.67587590520). */
static void test_report_json_response(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s;
	enum sim_status st;
	char *out;

	(void)state;
	fx_add_response(fx);
	s = summary_of(fx);
	out = fx_capture(report_json_write, s, false, &st);
	assert_int_equal(st, SIM_OK);
	assert_json(out);
	assert_non_null(strstr(out, "\"grades\": [\n    {\n      \"name\": \"emergency\",\n"
			       "      \"target_s\": 900,\n      \"goal\": 0.9,\n"
			       "      \"verdict\": \"uncertain\",\n      \"incidents\": {"));
	assert_non_null(strstr(out, "\"attended_within_target\": {\"mean\": 0.8856666667, "
			       "\"ci_low\": 0.8469959478, \"ci_high\": 0.9243373856}"));
	/* "scheduled" has neither target nor goal, force-wide or in an area. */
	/* ... and has none by day either. */
	/* (it is named in each day and each hour of the week.) */
	assert_int_equal(fx_count(out, "\"name\": \"scheduled\",\n"),
			 3 + FX_DAYS + HOURS_PER_WEEK);
	assert_int_equal(fx_count(out, "\"target_s\": null,\n"), 3);
	assert_int_equal(fx_count(out, "\"attended_within_target\": {\"mean\": null, "
				  "\"ci_low\": null, \"ci_high\": null}"), 3 + FX_DAYS);
	assert_non_null(strstr(out, "\"areas\": [\n    {\n      \"name\": \"Birmingham\",\n"
			       "      \"utilisation\": {\"mean\": 0.5543333333, "
			       "\"ci_low\": 0.5391550012, \"ci_high\": 0.5695116655},\n"
			       "      \"units_on_duty\": {"));
	assert_non_null(strstr(out, "\"abstraction_hours\": {\"mean\": 1.625, "
			       "\"ci_low\": 0, "));   /* clipped: hours */
	assert_non_null(strstr(out, "      \"grades\": [\n        {\n"
			       "          \"name\": \"emergency\",\n"));
	assert_non_null(strstr(out, "\"attended_within_target\": {\"mean\": 0.93, "
			       "\"ci_low\": 0.6758759053, \"ci_high\": 1}"));
	assert_non_null(strstr(out, "\"roles\": [\n      {\n        \"name\": \"response\",\n"
			       "        \"fte\": 15.5,\n        \"annual_cost\": 961000\n"
			       "      },\n      {\n        \"name\": \"pcso\",\n"
			       "        \"fte\": 6.054054054,\n        \"annual_cost\": 224000\n"
			       "      }\n    ],\n    \"total_fte\": 73.71405405,\n"
			       "    \"total_annual_cost\": 3167080\n  }"));
	free(out);
	summary_free(s);
	free(fx);
}

/* NAN (nothing measured) is null, never "nan". */
static void test_report_json_nan_is_null(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out = fx_capture(report_json_write, s, true, &st);

	(void)state;
	assert_non_null(strstr(out, "\"asa_s\": {\"mean\": null, \"ci_low\": null, "
			       "\"ci_high\": null}"));
	assert_false(capture_has_nan(out));
	assert_null(strstr(out, "inf"));
	free(out);
	summary_free(s);
	free(fx);
}

/* Quotes, backslashes and control characters in names are escaped; the
 * seed is exact, which %.10g would not be. */
static void test_report_json_escapes_and_exact_seed(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s;
	enum sim_status st;
	char *out;

	(void)state;
	strcpy(fx->sc.name, "Tiny \"test\" force\\north\t1\n\x01");
	s = summary_of(fx);
	out = fx_capture(report_json_write, s, false, &st);
	assert_non_null(strstr(out, "\"scenario\": \"Tiny \\\"test\\\" force\\\\north\\t1\\n\\u0001\","));
	assert_non_null(strstr(out, "\"name\": \"101, \\\"non-emergency\\\"\""));
	assert_non_null(strstr(out, "\"seed\": 18446744073709551557,"));
	assert_json(out);
	free(out);
	summary_free(s);
	free(fx);
}

/* The same summary gives the same bytes. */
static void test_report_json_is_deterministic(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *a = fx_capture(report_json_write, s, true, &st);
	char *b = fx_capture(report_json_write, s, true, &st);

	(void)state;
	assert_string_equal(a, b);
	free(a);
	free(b);
	summary_free(s);
	free(fx);
}

static void test_report_json_write_error(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	struct sim_err err = { 0 };

	(void)state;
	assert_int_equal(fx_write_to_readonly(report_json_write, s, &err), SIM_EIO);
	assert_int_equal(err.status, SIM_EIO);
	assert_non_null(strstr(err.text, "JSON"));
	summary_free(s);
	free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_json_checker_rejects_bad_json),
		cmocka_unit_test(test_report_json_is_well_formed),
		cmocka_unit_test(test_report_json_top_level_keys),
		cmocka_unit_test(test_report_json_line_figures),
		cmocka_unit_test(test_report_json_response),
		cmocka_unit_test(test_report_json_nan_is_null),
		cmocka_unit_test(test_report_json_escapes_and_exact_seed),
		cmocka_unit_test(test_report_json_is_deterministic),
		cmocka_unit_test(test_report_json_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
