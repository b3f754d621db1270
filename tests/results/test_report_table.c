/* test_report_table.c: the planner's table — heading, figures with their
 * intervals, verdicts, "-" for NAN, costs, and the hour-of-week table. */
#include "tests/test_support.h"

#include "results/report_table.h"
#include "tests/results/test_fixture.h"

static struct summary *summary_of(struct fixture *fx)
{
	struct sim_err err = { 0 };
	struct summary *s = summary_new(&fx->sc, fx->ptrs, FX_R, &err);

	assert_non_null(s);
	return s;
}

/* The line of out that starts with prefix (after its indent), or a failure. */
static const char *table_row(const char *out, const char *from, const char *prefix)
{
	const char *p = strstr(strstr(out, from), prefix);

	if (p == NULL)
		fail_msg("no row '%s' after '%s'", prefix, from);
	return p;
}

static void assert_row(const char *out, const char *from, const char *prefix,
		       const char *rest)
{
	const char *p = table_row(out, from, prefix) + strlen(prefix);

	while (*p == ' ')
		p++;
	if (strncmp(p, rest, strlen(rest)) != 0)
		fail_msg("row '%s' reads '%.40s', expected '%s'", prefix, p, rest);
}

static void test_report_table_heading(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out = fx_capture(report_table_write, s, false, &st);

	(void)state;
	assert_int_equal(st, SIM_OK);
	assert_int_equal(strncmp(out, "Tiny \"test\" force\\north\t1\n3 replications of "
				 "2.385 days after a 1.5 h warm-up, seed "
				 "18446744073709551557\n", 90), 0);
	free(out);
	summary_free(s);
	free(fx);
}

/* One day is "1 day", not "1 days"; any other length is in days. */
static void test_report_table_heading_one_day(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out;

	(void)state;
	s->days = 1.0;
	out = fx_capture(report_table_write, s, false, &st);
	assert_int_equal(st, SIM_OK);
	assert_non_null(strstr(out, "\n3 replications of 1 day after a 1.5 h "
				"warm-up, seed "));
	free(out);
	summary_free(s);
	free(fx);
}

/* 0.9227 [0.8939, 0.9515] reads as a percentage with one decimal. */
static void test_report_table_line_figures(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out = fx_capture(report_table_write, s, false, &st);
	const char *l999 = "line 999: answer within 10 s\n";
	const char *l101 = "line 101, \"non-emergency\": answer within 180 s\n";

	(void)state;
	assert_row(out, l999, "service level", "92.3%  [89.4, 95.1]\n");
	assert_row(out, l999, "answered", "5.3  [4.0, 6.5]\n");
	assert_row(out, l999, "abandon rate", "2.2%  [");
	assert_row(out, l999, "goal", "90.0%\n");
	assert_row(out, l999, "verdict", "uncertain\n");
	/* The goal 90% inside [89.39%, 95.15%]; by hand, the spread is
	 * 0.0288 * sqrt(3) / t(2) = 0.0288 * 1.7321 / 4.3027 = 0.01159, and
	 * t(3) * 0.01159 / sqrt(4) = 3.1824 * 0.01159 / 2 = 0.0184 falls
	 * below the 0.0227 from the mean to the goal: 4 replications. */
	assert_row(out, l999, "why uncertain", "interval [89.39%, 95.15%] "
		   "straddles the goal 90%: 0.61 points below it, 5.15 above\n");
	assert_row(out, l999, "to settle it", "about 4 replications (an "
		   "estimate from the spread so far)\n");
	assert_row(out, l101, "ASA", "-\n");
	assert_row(out, l101, "wait p99", "41.0 s  [34.6, 47.4]\n");
	assert_row(out, l101, "goal", "none\n");
	/* The line without a goal has no verdict row. */
	assert_int_equal(fx_count(out, "verdict"), 1);
	free(out);
	summary_free(s);
	free(fx);
}

/* Verdicts are spelled as ci_verdict_name gives them. */
static void test_report_table_verdict_missed(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s;
	enum sim_status st;
	char *out;

	(void)state;
	fx->lines[0].goal = 0.96;
	s = summary_of(fx);
	out = fx_capture(report_table_write, s, false, &st);
	assert_row(out, "line 999", "goal", "96.0%\n");
	assert_row(out, "line 999", "verdict", "missed\n");
	free(out);
	summary_free(s);
	free(fx);
}

static void test_report_table_pools_and_costs(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out = fx_capture(report_table_write, s, false, &st);

	(void)state;
	assert_non_null(strstr(out, "\npool emergency: serves 999, 101, \"non-emergency\"\n"));
	assert_row(out, "pool emergency", "occupancy", "82.2%  [79.8, 84.7]\n");
	assert_row(out, "pool emergency", "staff on duty", "23.3  [23.1, 23.5]\n");
	assert_row(out, "\ncosts (GBP)\n", "emergency", "52.2     \xc2\xa3" "1,982,080\n");
	assert_row(out, "\ncosts (GBP)\n", "total", "52.2     \xc2\xa3" "1,982,080\n");
	assert_null(strstr(out, "hour of the week"));
	/* Calls only: no grade, area or role. */
	assert_null(strstr(out, "\ngrade "));
	assert_null(strstr(out, "\nareas"));
	assert_null(strstr(out, "  role\n"));
	free(out);
	summary_free(s);
	free(fx);
}

/* A block per grade, the area table and costs by role. */
static void test_report_table_response(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s;
	enum sim_status st;
	char *out;
	const char *em = "grade emergency: attend within 900 s\n";
	const char *sch = "grade scheduled: no attendance target\n";

	(void)state;
	fx_add_response(fx);
	s = summary_of(fx);
	out = fx_capture(report_table_write, s, false, &st);
	assert_int_equal(st, SIM_OK);
	assert_row(out, em, "attended within target", "88.6%  [84.7, 92.4]\n");
	assert_row(out, em, "attendance p90", "19.4 s  [18.4, 20.4]\n");
	assert_row(out, em, "cross-border", "28.9  [27.9, 29.9]\n");
	assert_row(out, em, "goal", "90.0%\n");
	assert_row(out, em, "verdict", "uncertain\n");
	assert_row(out, sch, "attended within target", "-\n");
	assert_row(out, sch, "goal", "none\n");
	/* The area table has a column for the grade with a target only. */
	assert_non_null(strstr(out, "\n  area                         emergency"
			       "           utilisation          abstractions\n"));
	assert_row(out, "\nareas", "Birmingham", "87.6 [83.7, 91.4]     55.4 [53.9, 57.0]"
		   "        1.0 [0.0, 3.5]\n");
	assert_row(out, "\nareas", "Solihull", "93.0 [67.6, 100.0]");
	assert_row(out, "\ncosts (GBP)\n", "  role\n  response", "15.5       \xc2\xa3" "961,000\n");
	assert_row(out, "\ncosts (GBP)\n", "pcso", "6.1       \xc2\xa3" "224,000\n");
	assert_row(out, "\ncosts (GBP)\n", "total", "73.7     \xc2\xa3" "3,167,080\n");
	/* Two verdict rows: the line 999 and the emergency grade. */
	assert_int_equal(fx_count(out, "verdict"), 2);
	free(out);
	summary_free(s);
	free(fx);
}

/* The hour-of-week table: a heading and 168 rows of means. */
static void test_report_table_intervals(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	enum sim_status st;
	char *out = fx_capture(report_table_write, s, true, &st);
	const char *head = table_row(out, "hour of the week", "  hour");

	(void)state;
	assert_int_equal(st, SIM_OK);
	assert_non_null(strstr(head, "999 offered   999 SL  101, \"non-emergency\" offered"));
	assert_non_null(strstr(head, "emergency staff  emergency occ\n"));
	/* Tuesday 13:00: 23.5 offered on 999, 90.3% SL, 4.0 offered on 101. */
	assert_row(out, "hour of the week", "Tue 13:00", "23.5     90.3");
	assert_row(out, "hour of the week", "Mon 03:00", "0.0        -");
	assert_int_equal(fx_count(out, "\n  Sun "), 24);
	free(out);
	summary_free(s);
	free(fx);
}

static void test_report_table_write_error(void **state)
{
	struct fixture *fx = fx_new();
	struct summary *s = summary_of(fx);
	struct sim_err err = { 0 };

	(void)state;
	assert_int_equal(fx_write_to_readonly(report_table_write, s, &err), SIM_EIO);
	assert_int_equal(err.n_lines, 1);
	summary_free(s);
	free(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_table_heading),
		cmocka_unit_test(test_report_table_heading_one_day),
		cmocka_unit_test(test_report_table_line_figures),
		cmocka_unit_test(test_report_table_verdict_missed),
		cmocka_unit_test(test_report_table_pools_and_costs),
		cmocka_unit_test(test_report_table_intervals),
		cmocka_unit_test(test_report_table_response),
		cmocka_unit_test(test_report_table_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
