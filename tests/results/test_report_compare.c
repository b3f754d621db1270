/* test_report_compare.c: the three formats of a comparison — signed
 * differences and their intervals, items on one side only, verdicts,
 * exact costs, well-formed JSON and CSV, and write errors. */
#include "tests/test_support.h"

#include "results/report_compare.h"
#include "tests/results/test_fixture.h"
#include "tests/results/test_json_check.h"

#define RC_CSV_FIELDS 15

/* A and B of test_compare.c's kind: B answers 999 better by 0.0123,
 * 0.0201, 0.0167 (paired mean 0.01636666667, interval [0.006652025911,
 * 0.02608130742]), rosters two more handlers on the day shift, calls its
 * second line "Live chat", has incident response and a 999 goal of 0.96. */
struct rc_pair {
	struct fixture *a, *b;
	struct compare *c;
};

static struct rc_pair rc_pair_new(void)
{
	static const double delta[FX_R] = { 0.0123, 0.0201, 0.0167 };
	struct rc_pair p = { fx_new(), fx_new(), NULL };
	struct sim_err err = { 0 };
	struct compare_side_run ra, rb;

	for (size_t r = 0; r < FX_R; r++)
		p.b->line[r][CC_SERVICE_LEVEL] += delta[r];
	p.b->shifts[0].staff = 26;
	strcpy(p.b->lines[1].name, "Live chat");
	fx_add_response(p.b);
	p.b->lines[0].goal = 0.96;
	ra = (struct compare_side_run){ &p.a->sc, p.a->ptrs, FX_R };
	rb = (struct compare_side_run){ &p.b->sc, p.b->ptrs, FX_R };
	p.c = compare_new(&ra, &rb, &err);
	assert_non_null(p.c);
	return p;
}

static void rc_pair_free(struct rc_pair *p)
{
	compare_free(p->c);
	free(p->a);
	free(p->b);
}

/* What writer puts out for c, as a new string (free with free()). */
typedef enum sim_status (*rc_writer)(FILE *f, const struct compare *c,
				     struct sim_err *err);
static char *rc_capture(rc_writer write, const struct compare *c)
{
	FILE *f = tmpfile();
	struct sim_err err = { 0 };
	char *text;
	long len;

	if (f == NULL)
		abort();
	assert_int_equal(write(f, c, &err), SIM_OK);
	len = ftell(f);
	text = malloc((size_t)len + 1);
	rewind(f);
	if (text == NULL || fread(text, 1, (size_t)len, f) != (size_t)len)
		abort();
	text[len] = '\0';
	fclose(f);
	return text;
}

static void test_report_compare_table(void **state)
{
	struct rc_pair p = rc_pair_new();
	char *out = rc_capture(report_compare_table, p.c);

	(void)state;
	assert_non_null(strstr(out, "3 replications of each, seed 18446744073709551557"));
	assert_non_null(strstr(out, "\n  line 999 service level                      92.3%"
			       "        93.9%      +1.6 pp  [0.7, 2.6]\n"));
	/* No change reads as 0.0, never +0.0 or -0.0. */
	assert_non_null(strstr(out, "\n  line 999 ASA                               19.6 s"
			       "       19.6 s        0.0 s  [0.0, 0.0]\n"));
	assert_non_null(strstr(out, "\n  line 999 verdict                        uncertain"
			       "    uncertain\n"));
	assert_non_null(strstr(out, "\n  line 101, \"non-emergency\": only in A\n"));
	assert_non_null(strstr(out, "\n  line Live chat: only in B\n"));
	assert_non_null(strstr(out, "\n  grade emergency within target                   -"
			       "        88.6%            -\n"));
	assert_non_null(strstr(out, "\n  grade scheduled verdict                         -"
			       "         none\n"));
	/* Costs: exact, so no interval. */
	assert_non_null(strstr(out, "\n  pool emergency annual cost                1982080"
			       "      2083413      +101333\n"));
	assert_non_null(strstr(out, "\n  total FTE                                    52.2"
			       "         76.4        +24.2\n"));
	assert_null(strstr(out, "nan"));
	free(out);
	rc_pair_free(&p);
}

/* Every row has 15 fields (none of the names here needs more than the
 * quoting the run CSV tests check), exact rows and the verdict columns. */
static void test_report_compare_csv(void **state)
{
	struct rc_pair p = rc_pair_new();
	char *out = rc_capture(report_compare_csv, p.c);
	size_t rows = 0;

	(void)state;
	for (const char *l = out; *l; l = strchr(l, '\n') + 1) {
		size_t commas = 0;
		bool quoted = false;

		for (const char *q = l; *q != '\n'; q++) {
			quoted ^= *q == '"';
			commas += *q == ',' && !quoted;
		}
		assert_int_equal(commas, RC_CSV_FIELDS - 1);
		rows++;
	}
	/* Header, 3 lines x 3, 2 grades x 2, 1 pool, 2 roles and the total x 2. */
	assert_int_equal(rows, 1 + 9 + 4 + 2 + 4 + 2);
	assert_non_null(strstr(out, "\nline,999,service_level,both,0.9226666667,"
			       "0.8938749498,0.9514583836,0.9390333333,0.9006702249,"
			       "0.9773964418,0.01636666667,0.006652025911,"
			       "0.02608130742,uncertain,uncertain\n"));
	assert_non_null(strstr(out, "\nline,999,asa_s,both,19.58,18.33793114,"
			       "20.82206886,19.58,18.33793114,20.82206886,0,0,0,,\n"));
	assert_non_null(strstr(out, "\nline,\"101, \"\"non-emergency\"\"\",asa_s,a,"
			       ",,,,,,,,,,\n"));
	assert_non_null(strstr(out, "\ngrade,emergency,attended_within_target,b,,,,"
			       "0.8856666667,0.8469959478,0.9243373856,,,,,uncertain\n"));
	assert_non_null(strstr(out, "\npool,emergency,fte,both,52.16,52.16,52.16,"
			       "54.82666667,54.82666667,54.82666667,2.666666667,"
			       "2.666666667,2.666666667,,\n"));
	assert_non_null(strstr(out, "\ntotal,total,annual_cost,both,1982080,"));
	free(out);
	rc_pair_free(&p);
}

static void test_report_compare_json(void **state)
{
	struct rc_pair p = rc_pair_new();
	char *out = rc_capture(report_compare_json, p.c);

	(void)state;
	assert_json(out);
	assert_non_null(strstr(out, "{\n  \"a\": {\n    \"scenario\": \"Tiny \\\"test\\\" "
			       "force\\\\north\\t1\",\n    \"file\": \"\",\n"
			       "    \"days\": 2.385,\n    \"warmup_hours\": 1.5\n  },\n"
			       "  \"b\": {"));
	assert_non_null(strstr(out, "\n  \"seed\": 18446744073709551557,\n"
			       "  \"replications\": 3,\n  \"lines\": [\n"));
	assert_non_null(strstr(out, "\"name\": \"999\",\n      \"in\": \"both\",\n"
			       "      \"verdict_a\": \"uncertain\",\n"
			       "      \"verdict_b\": \"uncertain\",\n"
			       "      \"service_level\": {\n"
			       "        \"a\": {\"mean\": 0.9226666667, \"ci_low\": "
			       "0.8938749498, \"ci_high\": 0.9514583836},\n"));
	assert_non_null(strstr(out, "        \"diff\": {\"mean\": 0.01636666667, "
			       "\"ci_low\": 0.006652025911, \"ci_high\": 0.02608130742}\n"));
	assert_non_null(strstr(out, "\"name\": \"Live chat\",\n      \"in\": \"b\",\n"
			       "      \"verdict_a\": null,\n      \"verdict_b\": null,\n"));
	assert_non_null(strstr(out, "\n  \"grades\": [\n"));
	assert_non_null(strstr(out, "\n  \"costs\": {\n    \"pools\": [\n"));
	assert_non_null(strstr(out, "\n    \"roles\": [\n"));
	assert_non_null(strstr(out, "\n    \"total\": {\n      \"fte\": {\n"
			       "        \"a\": {\"mean\": 52.16, \"ci_low\": 52.16, "
			       "\"ci_high\": 52.16},\n"));
	assert_null(strstr(out, "nan"));
	free(out);
	rc_pair_free(&p);
}

static void test_report_compare_write_errors(void **state)
{
	static const rc_writer writers[] = {
		report_compare_table, report_compare_csv, report_compare_json
	};
	struct rc_pair p = rc_pair_new();

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		FILE *f = fopen("/dev/null", "r");
		struct sim_err err = { 0 };

		assert_non_null(f);
		assert_int_equal(writers[i](f, p.c, &err), SIM_EIO);
		assert_int_equal(err.n_lines, 1);
		fclose(f);
	}
	rc_pair_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_compare_table),
		cmocka_unit_test(test_report_compare_csv),
		cmocka_unit_test(test_report_compare_json),
		cmocka_unit_test(test_report_compare_write_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
