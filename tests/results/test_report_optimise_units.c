/* test_report_optimise_units.c: the writers of `callsim optimise --units`
 * — the table's key rows, tidy CSV rows, well-formed JSON with every entry
 * and both costs, and write errors — on the fixture's response summary
 * (test_fixture.h) against a scenario as given with other units.
 *
 * The result is the fixture's units: Birmingham response 3 units (10.5
 * FTE, 651000), Solihull response 2 (5 FTE, 310000), Birmingham pcso 4
 * (6.054054054 FTE, 224000), officers 21.55405405 FTE and 1185000. The
 * scenario as given had 2 Birmingham response units (420 * 2 / 3 = 280
 * officer-hours / 40 = 7 FTE, 434000) and 3 in Solihull (300 / 40 = 7.5
 * FTE, 465000): officers 20.55405405 FTE and 1123000; with the pool's
 * 52.16 FTE and 1982080, all staff 72.71405405 and 3105080. */
#include "tests/test_support.h"
#include "tests/results/capture.h"

#include "results/report_optimise_units.h"
#include "tests/results/test_fixture.h"
#include "tests/results/test_json_check.h"

struct units_case {
	struct fixture *fx;
	struct summary *s;
	struct scenario base;
	struct unit_spec base_units[FX_UNITS];
	struct shift_spec base_shifts[FX_UNITS];
	bool chosen[FX_UNITS];
	const char *set[1];
	struct report_optimise_units x;
};

static struct units_case *case_new(void)
{
	struct units_case *c = calloc(1, sizeof *c);
	struct sim_err err = { 0 };

	assert_non_null(c);
	c->fx = fx_new();
	fx_add_response(c->fx);
	c->s = summary_new(&c->fx->sc, c->fx->ptrs, FX_R, &err);
	assert_non_null(c->s);
	c->base = c->fx->sc;
	for (size_t e = 0; e < FX_UNITS; e++) {
		c->base_units[e] = c->fx->units[e];
		c->base_shifts[e] = c->fx->unit_shifts[e];
		c->base_units[e].shifts = &c->base_shifts[e];
	}
	c->base_shifts[0].staff = 2;
	c->base_shifts[1].staff = 3;
	c->base.units = c->base_units;
	c->chosen[0] = c->chosen[1] = true;
	c->set[0] = "units.0.shifts.early.staff=3";
	c->x = (struct report_optimise_units){ .base = &c->base, .s = c->s,
		.chosen = c->chosen, .sims = 23, .result_sim = 19,
		.set = c->set, .n_set = 1,
		.met = true };
	return c;
}

static void case_free(struct units_case *c)
{
	summary_free(c->s);
	free(c->fx);
	free(c);
}

typedef enum sim_status (*units_writer)(FILE *f,
					const struct report_optimise_units *x,
					struct sim_err *err);

/* What writer puts out for x, as a new string (free with free()). */
static char *capture(units_writer write, const struct report_optimise_units *x)
{
	FILE *f = capture_open();
	struct sim_err err = { 0 };

	assert_int_equal(write(f, x, &err), SIM_OK);
	return capture_close(f);
}

/* Emergency's interval [84.70, 92.43]% straddles its 90% goal; scheduled
 * has no target. Only the optimised entries have rows in the units table. */
static void test_report_optimise_units_table(void **state)
{
	struct units_case *c = case_new();
	char *out = capture(report_optimise_units_table, &c->x);

	(void)state;
	assert_non_null(strstr(out, "\n23 simulations of 3 replications (seed "
			       "18446744073709551557); the result is simulation "
			       "19\n\n"));
	assert_non_null(strstr(out, "\nemergency        90% in 900 s     "
			       "88.57% [84.70, 92.43]        uncertain\n"));
	assert_non_null(strstr(out, "\nscheduled        -                "
			       "-                            -\n"));
	assert_non_null(strstr(out, "\nBirmingham       response       early"
			       "              3         2         6\n"));
	assert_non_null(strstr(out, "\nSolihull         response       night"
			       "              2         3         4\n"));
	assert_null(strstr(out, "pcso"));
	/* Birmingham's emergency figure is 0.01 below the force's; Solihull's
	 * interval, from two replications, is clipped at 100%. */
	assert_non_null(strstr(out, "\nBirmingham                 87.6% "
			       "[83.7, 91.4]\nSolihull                  93.0% "
			       "[67.6, 100.0]\n"));
	assert_non_null(strstr(out, "\nofficers, scenario             20.6"
			       "     \xc2\xa3" "1,123,000\nofficers, result               "
			       "21.6     \xc2\xa3" "1,185,000\nchange                         "
			       "+1.0       +\xc2\xa3" "62,000\n"));
	assert_non_null(strstr(out, "\nall staff, result              73.7"
			       "     \xc2\xa3" "3,167,080\n"));
	free(out);
	case_free(c);
}

static void test_report_optimise_units_csv(void **state)
{
	struct units_case *c = case_new();
	char *out = capture(report_optimise_units_csv, &c->x);

	(void)state;
	assert_non_null(strstr(out, ",simulations,23,23,23\n"));
	assert_non_null(strstr(out, ",result_simulation,19,19,19\n"));
	assert_non_null(strstr(out, "\ngrade,emergency,attended_within_target,"
			       "0.8856666667,0.846995947"));
	assert_non_null(strstr(out, ",0.9243373856\ngrade,emergency,met,0,0,0\n"));
	assert_non_null(strstr(out, "\ngrade,scheduled,met,1,1,1\n"));
	assert_non_null(strstr(out, "\narea,Solihull/emergency,"
			       "attended_within_target,0.93,0.675875905"));
	assert_non_null(strstr(out, ",1\narea,Solihull/scheduled,"
			       "attended_within_target,,,\n"));
	assert_non_null(strstr(out, "\nunits,units.0.shifts.early,units,3,3,3\n"
			       "units,units.0.shifts.early,scenario_units,2,2,2\n"
			       "units,units.0.shifts.early,officers,6,6,6\n"
			       "units,units.0.shifts.early,optimised,1,1,1\n"));
	assert_non_null(strstr(out, "\nunits,units.2.shifts.day,optimised,0,0,0\n"));
	assert_non_null(strstr(out, "\ncost,scenario,officers_annual_cost,"
			       "1123000,1123000,1123000\n"));
	assert_non_null(strstr(out, "\ncost,result,fte,73.71405405,"));
	free(out);
	case_free(c);
}

static void test_report_optimise_units_json(void **state)
{
	struct units_case *c = case_new();
	char *out = capture(report_optimise_units_json, &c->x);

	(void)state;
	assert_json(out);
	assert_non_null(strstr(out, "{\n  \"schema\": \"callsim.optimise_units\","
			       "\n  \"schema_version\": 1,\n"));
	assert_non_null(strstr(out, "\"command\": null,\n  \"seed\": "
			       "18446744073709551557,\n  \"replications\": 3,\n"));
	assert_non_null(strstr(out, "\n  \"optimised\": \"units\",\n"
			       "  \"simulations\": 23,\n"
			       "  \"result_simulation\": 19,\n"
			       "  \"met\": true,\n  \"grades\": [\n    {\"name\": "
			       "\"emergency\", "));
	assert_non_null(strstr(out, "\"verdict\": null, \"target_s\": null, "
			       "\"goal\": null}\n  ],\n"));
	assert_non_null(strstr(out, "\n    {\"index\": 2, \"area\": "
			       "\"Birmingham\", \"role\": \"pcso\", \"crew\": 1, "
			       "\"optimised\": false, \"shifts\": [{\"name\": "
			       "\"day\", \"units\": 4, \"scenario_units\": 4, "
			       "\"officers\": 4}]}\n  ],\n"));
	assert_non_null(strstr(out, "\n  \"costs\": {\"scenario\": "
			       "{\"officers_fte\": 20.55405405, "
			       "\"officers_annual_cost\": 1123000, \"fte\": "
			       "72.71405405, \"annual_cost\": 3105080}, "
			       "\"result\": {"));
	assert_non_null(strstr(out, "\n  \"set\": [\n    "
			       "\"units.0.shifts.early.staff=3\"\n  ]\n}\n"));
	free(out);
	case_free(c);
}

static void test_report_optimise_units_write_error(void **state)
{
	static const units_writer writers[] = {
		report_optimise_units_table, report_optimise_units_csv,
		report_optimise_units_json
	};
	struct units_case *c = case_new();

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
		cmocka_unit_test(test_report_optimise_units_table),
		cmocka_unit_test(test_report_optimise_units_csv),
		cmocka_unit_test(test_report_optimise_units_json),
		cmocka_unit_test(test_report_optimise_units_write_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
