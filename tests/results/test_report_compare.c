/* test_report_compare.c: the three formats of a comparison — signed
 * differences and their intervals, items on one side only, verdicts,
 * areas and the force, exact costs, the label column, well-formed JSON and
 * CSV, and write errors. */
#include "tests/test_support.h"
#include "tests/results/capture.h"

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
	FILE *f = capture_open();
	struct sim_err err = { 0 };

	assert_int_equal(write(f, c, &err), SIM_OK);
	return capture_close(f);
}

/* The longest label, `line 101, "non-emergency" unanswered at end` (43
 * characters), sets the label column, seven wider than the narrowest. */
static void test_report_compare_table(void **state)
{
	struct rc_pair p = rc_pair_new();
	char *out = rc_capture(report_compare_table, p.c);

	(void)state;
	assert_non_null(strstr(out, "3 replications of each, seed 18446744073709551557"));
	assert_non_null(strstr(out, "\n  line 999 service level                             92.3%"
			       "        93.9%      +1.6 pp  [0.7, 2.6]\n"));
	/* No change reads as 0.0, never +0.0 or -0.0. */
	assert_non_null(strstr(out, "\n  line 999 ASA                                      19.6 s"
			       "       19.6 s        0.0 s  [0.0, 0.0]\n"));
	assert_non_null(strstr(out, "\n  line 999 verdict                               uncertain"
			       "    uncertain\n"));
	assert_non_null(strstr(out, "\n  line 101, \"non-emergency\": only in A\n"));
	assert_non_null(strstr(out, "\n  line Live chat: only in B\n"));
	assert_non_null(strstr(out, "\n  grade emergency within target                          -"
			       "        88.6%            -\n"));
	assert_non_null(strstr(out, "\n  grade scheduled verdict                                -"
			       "         none\n"));
	/* Areas after the grades, in a block of their own; the force is not
	 * named twice. */
	assert_non_null(strstr(out, "\n  grade scheduled verdict                                -"
			       "         none\n\nareas                                    "
			       "                A            B          B-A  [95% CI of B-A]\n"
			       "  area Birmingham: only in B\n"
			       "  area Birmingham emergency within target                -"
			       "        87.6%            -\n"));
	assert_non_null(strstr(out, "\n  area Solihull abstraction hours                        -"
			       "        1.6 h            -\n"));
	assert_non_null(strstr(out, "\n  area Solihull emergency verdict                        -"
			       "    uncertain\n"));
	/* Only B has the area; its verdict is explained, A's is not. */
	assert_non_null(strstr(out, "\n  area Solihull B why uncertain "));
	assert_non_null(strstr(out, "\n  area Solihull B to settle it "));
	assert_null(strstr(out, "area Solihull A why"));
	assert_non_null(strstr(out, "\n  force: only in B\n  force abstractions            "
			       "                         -          2.0            -\n"));
	/* Costs: exact, so no interval. */
	assert_non_null(strstr(out, "\n  pool emergency annual cost                    \xc2\xa3" "1,982,080"
			       "   \xc2\xa3" "2,083,413    +\xc2\xa3" "101,333\n"));
	assert_non_null(strstr(out, "\n  total FTE                                           52.2"
			       "         76.4        +24.2\n"));
	assert_false(capture_has_nan(out));
	free(out);
	rc_pair_free(&p);
}

/* Both sides with areas; B's Birmingham as test_compare.c's funding gap:
 * Emergency within target lower by 0.1523, 0.1817, 0.1602 (paired mean
 * -0.1647333333, [-0.2025300689, -0.1269365978]), 3, 5, 4 more
 * abstractions (A 1.0 on average, B 5.0, difference [1.515862288,
 * 6.484137712], as for the force, whose A is 2.0 and B 6.0) and 5.125,
 * 8.375, 6.25 more hours (A 1.625, B 8.208333333, difference
 * 6.583333333 [2.483408468, 10.6832582]). */
static struct compare *rc_gap_new(struct fixture *a, struct fixture *b)
{
	static const double within[FX_R] = { 0.1523, 0.1817, 0.1602 };
	static const double more[FX_R] = { 3.0, 5.0, 4.0 };
	static const double hours[FX_R] = { 5.125, 8.375, 6.25 };
	struct sim_err err = { 0 };
	struct compare_side_run ra = { &a->sc, a->ptrs, FX_R };
	struct compare_side_run rb = { &b->sc, b->ptrs, FX_R };
	struct compare *c;

	fx_add_response(a);
	fx_add_response(b);
	for (size_t r = 0; r < FX_R; r++) {
		b->area_grade[r][RSP_WITHIN_TARGET] -= within[r];
		b->area[r][RSP_ABSTRACTIONS] += more[r];
		b->area[r][RSP_ABSTRACTION_HOURS] += hours[r];
	}
	c = compare_new(&ra, &rb, &err);
	assert_non_null(c);
	return c;
}

static void test_report_compare_table_areas(void **state)
{
	struct fixture *a = fx_new(), *b = fx_new();
	struct compare *c = rc_gap_new(a, b);
	char *out = rc_capture(report_compare_table, c);

	(void)state;
	assert_non_null(strstr(out, "\n  area Birmingham emergency within target            87.6%"
			       "        71.1%     -16.5 pp  [-20.3, -12.7]\n"));
	assert_non_null(strstr(out, "\n  area Birmingham abstractions                         1.0"
			       "          5.0         +4.0  [1.5, 6.5]\n"));
	assert_non_null(strstr(out, "\n  area Birmingham abstraction hours                  1.6 h"
			       "        8.2 h       +6.6 h  [2.5, 10.7]\n"));
	assert_non_null(strstr(out, "\n  area Birmingham emergency verdict              uncertain"
			       "       missed\n"));
	assert_non_null(strstr(out, "\n  force abstractions                                   2.0"
			       "          6.0         +4.0  [1.5, 6.5]\n"
			       "  force abstraction hours                            3.2 h"
			       "        9.8 h       +6.6 h  [2.5, 10.7]\n\ncosts"));
	assert_null(strstr(out, "only in"));
	free(out);
	compare_free(c);
	free(a);
	free(b);
}

/* Without areas (and with a short second line name) no label is wider
 * than the narrowest column, there is no areas block, and JSON says so
 * with an empty array and a null force. */
static void test_report_compare_calls_only(void **state)
{
	struct fixture *a = fx_new();
	struct sim_err err = { 0 };
	struct compare_side_run ra = { &a->sc, a->ptrs, FX_R };
	struct compare *c;
	char *table, *json;

	(void)state;
	strcpy(a->lines[1].name, "101");
	c = compare_new(&ra, &ra, &err);
	assert_non_null(c);
	table = rc_capture(report_compare_table, c);
	json = rc_capture(report_compare_json, c);
	assert_non_null(strstr(table, "\nagreements                                        A"
			       "            B          B-A  [95% CI of B-A]\n"
			       "  line 999 service level                      92.3%"
			       "        92.3%       0.0 pp  [0.0, 0.0]\n"));
	assert_null(strstr(table, "\nareas"));
	assert_null(strstr(table, "\n  force"));
	assert_json(json);
	assert_non_null(strstr(json, "\n  \"grades\": [],\n  \"areas\": [],\n"
			       "  \"force\": null,\n  \"costs\": {\n"));
	free(table);
	free(json);
	compare_free(c);
	free(a);
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
	/* Header, 3 lines x 6, 2 grades x 3, 2 areas x 4, the force x 2, 1
	 * pool, 2 roles and the total x 2. */
	assert_int_equal(rows, 1 + 18 + 6 + 8 + 2 + 2 + 4 + 2);
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
	/* An area's verdict is on its Emergency's row. */
	assert_non_null(strstr(out, "\narea,Birmingham,emergency_attended_within_target,"
			       "b,,,,0.8756666667,0.8369959478,0.9143373856,,,,,"
			       "uncertain\narea,Birmingham,utilisation,b,"));
	assert_non_null(strstr(out, "\narea,Solihull,abstraction_hours,b,,,,1.625,0,"
			       "5.661723782,,,,,\n"));
	assert_non_null(strstr(out, "\nforce,force,abstractions,b,,,,2,0,4.484137712,"
			       ",,,,\nforce,force,abstraction_hours,b,,,,3.25,0,"
			       "7.286723782,,,,,\npool,"));
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
	assert_non_null(strstr(out, "{\n  \"schema\": \"callsim.compare\",\n"
			       "  \"schema_version\": 1,\n  \"callsim_version\": "));
	assert_non_null(strstr(out, "\",\n  \"command\": null,\n  \"a\": {\n"
			       "    \"scenario\": \"Tiny \\\"test\\\" "
			       "force\\\\north\\t1\",\n    \"file\": \"\",\n"
			       "    \"days\": 2.385,\n    \"warmup_hours\": 1.5,\n"
			       "    \"content_fnv1a\": \""));
	assert_non_null(strstr(out, "\"\n  },\n  \"b\": {"));
	assert_non_null(strstr(out, "\n  \"seed\": 18446744073709551557,\n"
			       "  \"replications\": 3,\n  \"lines\": [\n"));
	assert_non_null(strstr(out, "\"name\": \"999\",\n      \"in\": \"both\",\n"
			       "      \"verdict_a\": \"uncertain\",\n"
			       "      \"verdict_b\": \"uncertain\",\n"
			       "      \"target_s_a\": 10,\n      \"goal_a\": 0.9,\n"
			       "      \"target_s_b\": 10,\n      \"goal_b\": 0.96,\n"
			       "      \"service_level\": {\n"
			       "        \"a\": {\"mean\": 0.9226666667, \"ci_low\": "
			       "0.8938749498, \"ci_high\": 0.9514583836},\n"));
	assert_non_null(strstr(out, "        \"diff\": {\"mean\": 0.01636666667, "
			       "\"ci_low\": 0.006652025911, \"ci_high\": 0.02608130742}\n"));
	assert_non_null(strstr(out, "\"name\": \"Live chat\",\n      \"in\": \"b\",\n"
			       "      \"verdict_a\": null,\n      \"verdict_b\": null,\n"));
	assert_non_null(strstr(out, "\n  \"grades\": [\n"));
	assert_non_null(strstr(out, "\n  \"areas\": [\n    {\n      \"name\": "
			       "\"Birmingham\",\n      \"in\": \"b\",\n"
			       "      \"verdict_a\": null,\n"
			       "      \"verdict_b\": \"uncertain\",\n"
			       "      \"emergency_attended_within_target\": {\n"));
	assert_non_null(strstr(out, "\n  \"force\": {\n    \"in\": \"b\",\n"
			       "    \"abstractions\": {\n      \"a\": {\"mean\": null, "
			       "\"ci_low\": null, \"ci_high\": null},\n"
			       "      \"b\": {\"mean\": 2, \"ci_low\": 0, "
			       "\"ci_high\": 4.484137712},\n"));
	assert_non_null(strstr(out, "\n  \"costs\": {\n    \"pools\": [\n"));
	assert_non_null(strstr(out, "\n    \"roles\": [\n"));
	assert_non_null(strstr(out, "\n    \"total\": {\n      \"fte\": {\n"
			       "        \"a\": {\"mean\": 52.16, \"ci_low\": 52.16, "
			       "\"ci_high\": 52.16},\n"));
	assert_false(capture_has_nan(out));
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

/* Pairs of replications folded in any order, and in groups merged later
 * (what threads, and shards run apart, do): the same bytes as folding them
 * in replication order. A has areas (the force's totals are summed too). */
static void test_report_compare_any_order_same_bytes(void **state)
{
	struct fixture *a = fx_new(), *b = fx_new();
	struct compare_acc *all, *g1, *g2;
	struct compare *c1, *c2;
	struct sim_err err = { 0 };
	char *j1, *j2;

	(void)state;
	fx_add_response(a);
	fx_add_response(b);
	b->line[1][CC_SERVICE_LEVEL] += 0.0201;
	all = compare_acc_new(&a->sc, &b->sc);
	g1 = compare_acc_new(&a->sc, &b->sc);
	g2 = compare_acc_new(&a->sc, &b->sc);
	assert_true(all != NULL && g1 != NULL && g2 != NULL);
	for (size_t r = 0; r < FX_R; r++)
		compare_acc_add(all, a->ptrs[r], b->ptrs[r]);
	compare_acc_add(g2, a->ptrs[2], b->ptrs[2]);
	compare_acc_add(g1, a->ptrs[1], b->ptrs[1]);
	compare_acc_add(g2, a->ptrs[0], b->ptrs[0]);
	compare_acc_merge(g1, g2);
	c1 = compare_of_acc(all, &err);
	c2 = compare_of_acc(g1, &err);
	assert_true(c1 != NULL && c2 != NULL);
	j1 = rc_capture(report_compare_json, c1);
	j2 = rc_capture(report_compare_json, c2);
	assert_string_equal(j1, j2);
	free(j1);
	free(j2);
	compare_free(c1);
	compare_free(c2);
	compare_acc_free(all);
	compare_acc_free(g1);
	compare_acc_free(g2);
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_compare_table),
		cmocka_unit_test(test_report_compare_any_order_same_bytes),
		cmocka_unit_test(test_report_compare_table_areas),
		cmocka_unit_test(test_report_compare_calls_only),
		cmocka_unit_test(test_report_compare_csv),
		cmocka_unit_test(test_report_compare_json),
		cmocka_unit_test(test_report_compare_write_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
