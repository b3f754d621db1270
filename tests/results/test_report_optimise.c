/* test_report_optimise.c: the writers of `callsim optimise` — the table's
 * key rows, tidy CSV rows, well-formed JSON with the plan's hours and the
 * overrides, and write errors — on the fixture's summary (test_fixture.h)
 * and a plan filled by hand. */
#include "tests/test_support.h"
#include "tests/results/capture.h"

#include "results/report_optimise.h"
#include "tests/results/test_fixture.h"
#include "tests/results/test_json_check.h"

/* The fixture's figures, a plan for its one pool asking 17 on duty in the
 * first hour of each day and 9 + h % 5 in every other, and two overrides. */
struct optimise_case {
	struct fixture *fx;
	struct summary *s;
	bool chosen[FX_POOLS];
	long primary[FX_LINES];
	int on_duty[FX_POOLS * HOURS_PER_WEEK];
	struct optimise_plan plan;
	const char *set[2];
	struct report_optimise x;
};

static struct optimise_case *case_new(void)
{
	struct optimise_case *c = calloc(1, sizeof *c);
	struct sim_err err = { 0 };

	assert_non_null(c);
	c->fx = fx_new();
	c->s = summary_new(&c->fx->sc, c->fx->ptrs, FX_R, &err);
	assert_non_null(c->s);
	c->chosen[0] = true;
	for (size_t h = 0; h < HOURS_PER_WEEK; h++)
		c->on_duty[h] = h % 24 == 0 ? 17 : 9 + (int)(h % 5);
	c->plan = (struct optimise_plan){ .n_pools = FX_POOLS,
		.n_lines = FX_LINES, .chosen = c->chosen, .primary = c->primary,
		.on_duty = c->on_duty, .max_staff = 500 };
	c->set[0] = "run.seed=2385";
	c->set[1] = "pools.emergency.shifts=[{start: \"00:00\"}]";
	c->x = (struct report_optimise){ .plan = &c->plan, .s = c->s,
		.sims = 7, .result_sim = 5, .set = c->set, .n_set = 2,
		.met = false };
	return c;
}

static void case_free(struct optimise_case *c)
{
	summary_free(c->s);
	free(c->fx);
	free(c);
}

/* What writer puts out for x, as a new string (free with free()). */
typedef enum sim_status (*optimise_writer)(FILE *f,
					   const struct report_optimise *x,
					   struct sim_err *err);

static char *capture(optimise_writer write, const struct report_optimise *x)
{
	FILE *f = capture_open();
	struct sim_err err = { 0 };

	assert_int_equal(write(f, x, &err), SIM_OK);
	return capture_close(f);
}

static void assert_prefix(const char *out, const char *prefix)
{
	assert_int_equal(strncmp(out, prefix, strlen(prefix)), 0);
}

/* The 999 line's interval over the replications is [89.39, 95.15]%,
 * around its 90% goal: uncertain. A pool with shrinkage 0.35 needs 26 on
 * the roster for 17 on duty (26 * 0.65 = 16.9 rounds to 17, 25 gives
 * 16.25). */
static void test_report_optimise_table(void **state)
{
	struct optimise_case *c = case_new();
	char *out = capture(report_optimise_table, &c->x);

	(void)state;
	assert_non_null(strstr(out, "\n7 simulations of 3 replications (seed "
			       "18446744073709551557); the result is simulation "
			       "5\n\n"));
	assert_non_null(strstr(out, "\n999              90% in 10 s    "
			       "92.27% [89.39, 95.15]        uncertain\n"
			       "                 why uncertain: interval [89.39%, "
			       "95.15%] straddles the goal 90%: 0.61 points below "
			       "it, 5.15 above\n                 to settle it: about "
			       "4 replications (an estimate from the spread so "
			       "far)\n"));
	assert_non_null(strstr(out, "\nemergency        optimised            "
			       "1956      52.16     \xc2\xa3" "1,982,080\n"));
	/* Hour 0: 0.900, 0.901, 0.902 over the replications. */
	assert_non_null(strstr(out, "\nMon 00:00       17 on duty ( 26)         "
			       "90.1%\n"));
	/* Hour 3 had no 999 calls. */
	assert_non_null(strstr(out, "\nMon 03:00       12 on duty ( 18)"
			       "             -\n"));
	assert_int_equal(fx_count(out, " on duty ("), HOURS_PER_WEEK);
	assert_non_null(strstr(out, "\n\npools: handlers on duty after shrinkage "
			       "(rostered)\n"));
	free(out);
	case_free(c);
}

static void test_report_optimise_csv(void **state)
{
	struct optimise_case *c = case_new();
	char *out = capture(report_optimise_csv, &c->x);

	(void)state;
	assert_prefix(out, "section,name,metric,mean,ci_low,ci_high\n"
		      "optimise,\"Tiny \"\"test\"\" force\\north\t1\","
		      "simulations,7,7,7\noptimise,\"Tiny \"\"test\"\" "
		      "force\\north\t1\",result_simulation,5,5,5\n");
	assert_non_null(strstr(out, "\nline,999,service_level,0.9226666667,"
			       "0.8938749498,0.9514583836\nline,999,met,0,0,0\n"));
	assert_non_null(strstr(out, "\nline,\"101, \"\"non-emergency\"\"\",goal,"
			       ",,\n"));
	assert_non_null(strstr(out, "\ncost,emergency,rostered_hours,1956,1956,"
			       "1956\n"));
	assert_non_null(strstr(out, "\ninterval,emergency@Mon 00:00,on_duty,"
			       "17,17,17\ninterval,emergency@Mon 00:00,rostered,"
			       "26,26,26\ninterval,999@Mon 00:00,service_level,"
			       "0.901,"));
	assert_non_null(strstr(out, "\ninterval,999@Mon 03:00,service_level,,,"
			       "\n"));
	free(out);
	case_free(c);
}

static void test_report_optimise_json(void **state)
{
	struct optimise_case *c = case_new();
	char *out = capture(report_optimise_json, &c->x);

	(void)state;
	assert_json(out);
	assert_prefix(out, "{\n  \"schema\": \"callsim.optimise\",\n"
		      "  \"schema_version\": 1,\n  \"callsim_version\": ");
	assert_non_null(strstr(out, "\n  \"scenario\": \"Tiny \\\"test\\\" "
			       "force\\\\north\\t1\",\n  \"content_fnv1a\": \""));
	assert_non_null(strstr(out, "\",\n  \"command\": null,\n  \"seed\": "
			       "18446744073709551557,\n  \"replications\": 3,\n"));
	assert_non_null(strstr(out, "\n  \"simulations\": 7,\n"
			       "  \"result_simulation\": 5,\n"
			       "  \"met\": false,\n"));
	assert_non_null(strstr(out, "\n    {\"name\": \"999\", \"target_s\": 10, "
			       "\"goal\": 0.9, \"service_level\": {\"mean\": "
			       "0.9226666667, \"ci_low\": 0.8938749498, "
			       "\"ci_high\": 0.9514583836}, \"verdict\": "
			       "\"uncertain\"},\n"));
	assert_non_null(strstr(out, "\"goal\": null, "));
	assert_non_null(strstr(out, "\n    {\"hour\": 0, \"label\": \"Mon 00:00\", "
			       "\"pools\": [{\"name\": \"emergency\", \"on_duty\": "
			       "17, \"rostered\": 26, \"current_on_duty\": null}], "
			       "\"lines\": [{\"name\": "
			       "\"999\", \"service_level\": {\"mean\": 0.901, "));
	assert_non_null(strstr(out, "\n  \"set\": [\n    \"run.seed=2385\",\n"
			       "    \"pools.emergency.shifts=[{start: \\\"00:00\\\"}]"
			       "\"\n  ]\n}\n"));
	assert_int_equal(fx_count(out, "{\"hour\": "), HOURS_PER_WEEK);
	free(out);
	case_free(c);
}

/* One simulation is "1 simulation", and it is the result. */
static void test_report_optimise_one_simulation(void **state)
{
	struct optimise_case *c = case_new();
	char *out;

	(void)state;
	c->x.sims = c->x.result_sim = 1;
	out = capture(report_optimise_table, &c->x);
	assert_non_null(strstr(out, "\n1 simulation of 3 replications (seed "
			       "18446744073709551557); the result is simulation "
			       "1\n\n"));
	assert_null(strstr(out, "1 simulations"));
	free(out);
	case_free(c);
}

/* A pool kept as the file has it has no hours in the intervals. */
static void test_report_optimise_kept_pool(void **state)
{
	struct optimise_case *c = case_new();
	char *out;

	(void)state;
	c->chosen[0] = false;
	c->x.met = true;
	out = capture(report_optimise_json, &c->x);
	assert_json(out);
	assert_non_null(strstr(out, "\"met\": true"));
	assert_non_null(strstr(out, "\"optimised\": false"));
	assert_non_null(strstr(out, "\"pools\": [], \"lines\": ["));
	free(out);
	case_free(c);
}

static void test_report_optimise_write_error(void **state)
{
	static const optimise_writer writers[] = {
		report_optimise_table, report_optimise_csv, report_optimise_json
	};
	struct optimise_case *c = case_new();

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		FILE *f = fopen("/dev/null", "r");
		struct sim_err err = { 0 };

		assert_non_null(f);
		assert_int_equal(writers[i](f, &c->x, &err), SIM_EIO);
		assert_string_equal(err.text, "writing the output failed\n");
		fclose(f);
	}
	case_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_optimise_table),
		cmocka_unit_test(test_report_optimise_csv),
		cmocka_unit_test(test_report_optimise_json),
		cmocka_unit_test(test_report_optimise_one_simulation),
		cmocka_unit_test(test_report_optimise_kept_pool),
		cmocka_unit_test(test_report_optimise_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
