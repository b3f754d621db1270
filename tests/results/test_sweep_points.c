/* test_sweep_points.c: a sweep's points as variants of the document read
 * once — the edits in order (--set, the axes, the run settings), a bad
 * axis value named as --vary, the check of every point before a sweep
 * runs, and every point built without the file. */
#include "test_support.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "results/sweep_points.h"

static const struct scenario_edit sp_sets[] = {
	{ "pools.emergency.shifts.day.staff", "9", 0, "--set" }
};
static const struct scenario_edit sp_settings[] = {
	{ "run.replications", NULL, 3, "--set" }
};

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

/* The scenario at path, read once. */
static struct scenario_doc *sp_doc(const char *path)
{
	struct scenario_source src = { .path = path };
	struct scenario_doc *doc = NULL;
	struct sim_err err;

	sim_err_clear(&err);
	if (scenario_doc_read(&src, &doc, &err) != SIM_OK)
		fail_msg("%s", err.text);
	return doc;
}

static int sp_setup(void **state)
{
	*state = sp_doc("tests/cli/small.yaml");
	return 0;
}

static int sp_teardown(void **state)
{
	scenario_doc_free(*state);
	return 0;
}

static struct sweep_points sp_points(const struct scenario_doc *doc,
				     const struct sweep_grid *g)
{
	return (struct sweep_points){ doc, sp_sets, 1, g, sp_settings, 1, NULL };
}

/* Point 3 is day 11, night 6: the axes override --set, the settings
 * apply. */
static void test_sweep_points_build_edits(void **state)
{
	struct sweep_grid g = sp_grid("pools.emergency.shifts.night.staff=5,6");
	struct sweep_points p = sp_points(*state, &g);
	struct scenario *sc;
	struct sim_err err, warnings;

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
	struct sweep_points p = sp_points(*state, &g);
	struct scenario *sc;
	struct sim_err err;

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
	struct sweep_points p = sp_points(*state, &g);
	uint64_t content[4] = { 0 }, columns[4] = { 0 };
	size_t rows[4] = { 0 };
	struct sweep_points_facts facts = { 3, SWEEP_CSV_WIDE, content, rows,
					    columns, NULL };
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(sweep_points_check(&p, 3, &facts, &err), SIM_OK);
	for (size_t k = 0; k < 4; k++) {
		assert_true(content[k] != 0 && content[k] == content[0]);
		assert_int_equal(rows[k], 1);
		assert_true(columns[k] != 0 && columns[k] == columns[0]);
	}
	facts.format = SWEEP_CSV;
	assert_int_equal(sweep_points_check(&p, 3, &facts, &err), SIM_OK);
	assert_true(rows[0] > 1 && rows[3] == rows[0]);
	facts.reps = 4;
	assert_int_equal(sweep_points_check(&p, 2, &facts, &err),
			 SIM_EINVAL);
	assert_non_null(strstr(err.text, "point 0 changes run.replications"));
	sweep_grid_clear(&g);
	g = sp_grid("pools.emergency.shifts.night.staff=-1,-2");
	sim_err_clear(&err);
	facts.reps = 3;
	assert_int_equal(sweep_points_check(&p, 2, &facts, &err),
			 SIM_ESCENARIO);
	assert_non_null(strstr(err.text, "--vary pools.emergency.shifts.night."
				"staff=-1"));
	assert_null(strstr(err.text, "staff=-2"));
	sweep_grid_clear(&g);
}

/* small.yaml's bytes into buf (*n of them), read once from a copy that
 * is then deleted. */
static struct scenario_doc *sp_doc_gone(char *buf, size_t cap, size_t *n)
{
	char tmp[] = "/tmp/callsim-sweep-XXXXXX";
	FILE *in = fopen("tests/cli/small.yaml", "rb");
	int fd = mkstemp(tmp);
	struct scenario_doc *doc;

	assert_non_null(in);
	assert_true(fd >= 0);
	*n = fread(buf, 1, cap, in);
	assert_true(*n > 0 && *n < cap);
	fclose(in);
	assert_int_equal(write(fd, buf, *n), (ssize_t)*n);
	close(fd);
	doc = sp_doc(tmp);
	assert_int_equal(unlink(tmp), 0);
	return doc;
}

/* A copy of small.yaml read once and then deleted: every point still
 * builds, the same as from small.yaml itself, and what each read is the
 * hash of the bytes read (the sweep's fingerprint is made of these). */
static void test_sweep_points_read_once(void **state)
{
	char buf[65536];
	struct sweep_grid g = sp_grid("pools.emergency.shifts.night.staff=5,6");
	size_t n;
	struct scenario_doc *doc = sp_doc_gone(buf, sizeof buf, &n);
	struct sweep_points p = sp_points(doc, &g), q = sp_points(*state, &g);
	uint64_t content[4] = { 0 };
	size_t rows[4];
	struct sweep_points_facts facts = { 3, SWEEP_JSONL, content, rows,
					    NULL, NULL };
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(sweep_points_check(&p, 2, &facts, &err), SIM_OK);
	for (size_t k = 0; k < 4; k++) {
		struct scenario *a, *b;

		assert_true(content[k] == scenario_fnv1a(SCENARIO_FNV1A_INIT,
							 buf, n));
		assert_int_equal(sweep_points_build(&p, k, NULL, &a, &err),
				 SIM_OK);
		assert_int_equal(sweep_points_build(&q, k, NULL, &b, &err),
				 SIM_OK);
		assert_int_equal(a->pools[0].shifts[0].staff,
				 b->pools[0].shifts[0].staff);
		assert_int_equal(a->pools[0].shifts[1].staff,
				 b->pools[0].shifts[1].staff);
		assert_true(a->content_fnv1a == b->content_fnv1a);
		scenario_free(a);
		scenario_free(b);
	}
	scenario_doc_free(doc);
	sweep_grid_clear(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_points_build_edits),
		cmocka_unit_test(test_sweep_points_names_vary),
		cmocka_unit_test(test_sweep_points_check),
		cmocka_unit_test(test_sweep_points_read_once),
	};

	return cmocka_run_group_tests(tests, sp_setup, sp_teardown);
}
