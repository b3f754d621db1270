/* test_sweep_points.c: a sweep's points as variants — the edits in order
 * (--set, the axes, the run settings), a bad axis value named as --vary,
 * and the check of every point before a sweep runs. */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "results/sweep_points.h"

static const char *const sp_sets[] = { "pools.emergency.shifts.day.staff=9" };
static const char *const sp_settings[] = { "run.replications=3" };

/* small.yaml varied over the day shift's staff (after --set, so the axis
 * wins) and the night shift's. */
static struct sweep_grid sp_grid(const char *night)
{
	struct sweep_grid g = { .n_points = 1 };
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(sweep_grid_add(&g, "pools.emergency.shifts.day.staff="
					"7,11", &err), SIM_OK);
	assert_int_equal(sweep_grid_add(&g, night, &err), SIM_OK);
	return g;
}

static struct sweep_points sp_points(const struct sweep_grid *g)
{
	return (struct sweep_points){ "tests/cli/small.yaml", sp_sets, 1, g,
				      sp_settings, 1 };
}

/* Point 3 is day 11, night 6: the axes override --set, the settings
 * apply. */
static void test_sweep_points_build_edits(void **state)
{
	struct sweep_grid g = sp_grid("pools.emergency.shifts.night.staff=5,6");
	struct sweep_points p = sp_points(&g);
	struct scenario *sc;
	struct sim_err err, warnings;

	(void)state;
	sim_err_clear(&err);
	sim_err_clear(&warnings);
	assert_int_equal(sweep_points_build(&p, 3, &warnings, &sc, &err),
			 SIM_OK);
	assert_int_equal(sc->pools[0].shifts[0].staff, 11);
	assert_int_equal(sc->pools[0].shifts[1].staff, 6);
	assert_int_equal(sc->run.replications, 3);
	scenario_free(sc);
	sweep_grid_clear(&g);
}

/* A bad value of an axis is the user's --vary; one of --set stays --set. */
static void test_sweep_points_names_vary(void **state)
{
	struct sweep_grid g = sp_grid("pools.emergency.shifts.night.staff=5,"
				      "2.385");
	struct sweep_points p = sp_points(&g);
	struct scenario *sc;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(sweep_points_build(&p, 1, NULL, &sc, &err),
			 SIM_ESCENARIO);
	assert_null(sc);
	assert_non_null(strstr(err.text, "--vary pools.emergency.shifts.night."
				"staff=2.385"));
	assert_null(strstr(err.text, "--set"));
	sweep_grid_clear(&g);
}

/* The check builds every point, keeps what each read, reports the first
 * bad point in point order and a point that runs another number of
 * replications. */
static void test_sweep_points_check(void **state)
{
	struct sweep_grid g = sp_grid("pools.emergency.shifts.night.staff=5,6");
	struct sweep_points p = sp_points(&g);
	uint64_t content[4] = { 0 };
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(sweep_points_check(&p, 3, 3, content, &err), SIM_OK);
	for (size_t k = 0; k < 4; k++)
		assert_true(content[k] != 0 && content[k] == content[0]);
	assert_int_equal(sweep_points_check(&p, 2, 4, content, &err),
			 SIM_EINVAL);
	assert_non_null(strstr(err.text, "point 0 changes run.replications"));
	sweep_grid_clear(&g);
	g = sp_grid("pools.emergency.shifts.night.staff=-1,-2");
	sim_err_clear(&err);
	assert_int_equal(sweep_points_check(&p, 2, 3, content, &err),
			 SIM_ESCENARIO);
	assert_non_null(strstr(err.text, "--vary pools.emergency.shifts.night."
				"staff=-1"));
	assert_null(strstr(err.text, "staff=-2"));
	sweep_grid_clear(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_points_build_edits),
		cmocka_unit_test(test_sweep_points_names_vary),
		cmocka_unit_test(test_sweep_points_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
