/* test_report_erlang.c: the writers of `callsim erlang` — the heading of
 * Erlang C and A, the rows in each format, undefined figures as "-",
 * empty or null, meets_goal without a goal, well-formed JSON, and write
 * errors — on rows filled by hand. */
#include "tests/test_support.h"
#include "tests/results/capture.h"

#include <stdlib.h>
#include <string.h>

#include "results/report_erlang.h"
#include "tests/results/test_json_check.h"

/* 10 agents at 10 Erlangs (Erlang C never settles: every figure NAN), then
 * 14 agents with figures of the 200 calls an hour, 180 s case. */
static const struct report_erlang_row rows[] = {
	{ 10, { NAN, NAN, NAN, NAN, NAN, NAN, NAN }, 15 },
	{ 14, { .p_wait = 0.1741234, .service_level = 0.8884321,
		.asa_s = 7.8361, .mean_wait_s = 7.8361, .p_abandon = 0,
		.occupancy = 0.7142857143, .mean_queue = 0.3906 }, 20 },
};

static struct report_erlang case_erlang_c(void)
{
	return (struct report_erlang){ .calls_per_hour = 200, .aht_s = 180,
		.target_s = 20, .goal = 0.8, .patience_s = NAN, .shrinkage = 0.3,
		.required = 14, .rows = rows, .n_rows = 2 };
}

typedef enum sim_status (*erlang_writer)(FILE *f, const struct report_erlang *x,
					 struct sim_err *err);

/* What writer puts out for x, as a new string (free with free()). */
static char *capture(erlang_writer write, const struct report_erlang *x)
{
	FILE *f = capture_open();
	struct sim_err err = { 0 };

	assert_int_equal(write(f, x, &err), SIM_OK);
	return capture_close(f);
}

static void test_report_erlang_table(void **state)
{
	struct report_erlang x = case_erlang_c();
	char *out = capture(report_erlang_table, &x);

	(void)state;
	assert_string_equal(out,
		"Erlang C (callers wait until answered)\n"
		"200 calls an hour, handle time 180 s: 10 Erlangs offered\n"
		"answer within 20 s, goal 80%\n"
		"required: 14 agents\n"
		"\n"
		" agents  service level    ASA (s)  occupancy   P(wait)  "
		"P(abandon)  rostered  goal\n"
		"     10              -          -          -         -  "
		"         -        15  missed\n"
		"     14         88.84%        7.8     71.43%    17.41%  "
		"     0.00%        20  met\n");
	free(out);
}

/* Erlang A without a goal: no "required" line and "-" for the verdict. */
static void test_report_erlang_table_erlang_a(void **state)
{
	struct report_erlang x = case_erlang_c();
	char *out;

	(void)state;
	x.patience_s = 120.5;
	x.goal = NAN;
	x.required = -1;
	x.rows = &rows[1];
	x.n_rows = 1;
	out = capture(report_erlang_table, &x);
	assert_non_null(strstr(out, "Erlang A (mean patience 120.5 s)\n"));
	assert_non_null(strstr(out, "\nanswer within 20 s\n\n"));
	assert_null(strstr(out, "required"));
	assert_non_null(strstr(out, "        20  -\n"));
	free(out);
}

static void test_report_erlang_csv(void **state)
{
	struct report_erlang x = case_erlang_c();
	char *out = capture(report_erlang_csv, &x);

	(void)state;
	assert_string_equal(out,
		"agents,service_level,asa_s,mean_wait_s,occupancy,p_wait,"
		"p_abandon,rostered,meets_goal\n"
		"10,,,,,,,15,false\n"
		"14,0.8884321,7.8361,7.8361,0.7142857143,0.1741234,0,20,true\n");
	x.goal = NAN;
	free(out);
	out = capture(report_erlang_csv, &x);
	assert_non_null(strstr(out, "\n10,,,,,,,15,\n"));
	free(out);
}

static void test_report_erlang_json(void **state)
{
	struct report_erlang x = case_erlang_c();
	char *out = capture(report_erlang_json, &x);

	(void)state;
	assert_json(out);
	assert_string_equal(out,
		"{\n  \"model\": \"erlang_c\",\n  \"calls_per_hour\": 200,\n"
		"  \"aht_s\": 180,\n  \"target_s\": 20,\n  \"goal\": 0.8,\n"
		"  \"patience_s\": null,\n  \"shrinkage\": 0.3,\n"
		"  \"load_erlangs\": 10,\n  \"required_agents\": 14,\n"
		"  \"rows\": [\n"
		"    {\"agents\": 10, \"service_level\": null, \"asa_s\": null, "
		"\"mean_wait_s\": null, \"occupancy\": null, \"p_wait\": null, "
		"\"p_abandon\": null, \"rostered\": 15, \"meets_goal\": false},\n"
		"    {\"agents\": 14, \"service_level\": 0.8884321, \"asa_s\": "
		"7.8361, \"mean_wait_s\": 7.8361, \"occupancy\": 0.7142857143, "
		"\"p_wait\": 0.1741234, \"p_abandon\": 0, \"rostered\": 20, "
		"\"meets_goal\": true}\n  ]\n}\n");
	free(out);
}

/* Erlang A, no goal, agents given: required and meets_goal are null. */
static void test_report_erlang_json_without_goal(void **state)
{
	struct report_erlang x = case_erlang_c();
	char *out;

	(void)state;
	x.patience_s = 120.5;
	x.goal = NAN;
	x.required = -1;
	out = capture(report_erlang_json, &x);
	assert_json(out);
	assert_non_null(strstr(out, "\"model\": \"erlang_a\""));
	assert_non_null(strstr(out, "\"goal\": null,\n  \"patience_s\": 120.5,"));
	assert_non_null(strstr(out, "\"required_agents\": null,"));
	assert_int_equal(strstr(strstr(out, "\"meets_goal\": null}") + 1,
				"\"meets_goal\": null}") != NULL, 1);
	free(out);
}

static void test_report_erlang_write_error(void **state)
{
	static const erlang_writer writers[] = {
		report_erlang_table, report_erlang_csv, report_erlang_json
	};
	struct report_erlang x = case_erlang_c();

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		FILE *f = fopen("/dev/null", "r");
		struct sim_err err = { 0 };

		assert_non_null(f);
		assert_int_equal(writers[i](f, &x, &err), SIM_EIO);
		assert_string_equal(err.text, "writing the output failed\n");
		fclose(f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_erlang_table),
		cmocka_unit_test(test_report_erlang_table_erlang_a),
		cmocka_unit_test(test_report_erlang_csv),
		cmocka_unit_test(test_report_erlang_json),
		cmocka_unit_test(test_report_erlang_json_without_goal),
		cmocka_unit_test(test_report_erlang_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
