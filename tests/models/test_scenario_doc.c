/* test_scenario_doc.c: a scenario read once and built into variants
 * (scenario_doc_read, scenario_doc_build, scenario_edit_parse).
 *
 * A variant built from the doc must be the scenario scenario_load gives
 * with the same edits as --set overrides: the same values, the same
 * problems word for word, the same content fingerprint. And the doc holds
 * the bytes: files changed or removed after the read change no build. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/test_support.h"
#include "models/scenario.h"
#include "models/scenario_rota.h"

#define WM "scenarios/west-midlands-2024.yaml"

/* A scenario of one line whose profile is a CSV, and one pool. */
#define CSV_SCENARIO \
	"name: t\nrun: {days: 7, replications: 3}\nlines:\n" \
	"  - name: \"999\"\n    volume: {per_hour: 83.6}\n" \
	"    profile: p.csv\n" \
	"    handle: {dist: lognormal, mean: 238.5, sd: 176.25}\n" \
	"    answer: {within_s: 10, goal: 0.9}\n" \
	"pools:\n  - name: emergency\n    serves: [\"999\"]\n" \
	"    shifts:\n" \
	"      - {name: day, start: \"07:00\", hours: 10, staff: 12}\n"

static struct scenario_doc *doc_read(const char *path)
{
	struct scenario_source src = {path, NULL, 0, NULL, 0, NULL};
	struct scenario_doc *d = NULL;
	struct sim_err err;

	sim_err_clear(&err);
	if (scenario_doc_read(&src, &d, &err) != SIM_OK)
		fail_msg("%s", err.text);
	return d;
}

static struct scenario *load_with(const char *path, const char *const *set,
				  size_t n, struct sim_err *err)
{
	struct scenario_source src = {path, NULL, 0, set, n, NULL};
	struct scenario *sc = NULL;

	sim_err_clear(err);
	scenario_load(&src, &sc, err);
	return sc;
}

static struct scenario *build(const struct scenario_doc *d,
			      const struct scenario_edit *e, size_t n,
			      struct sim_err *err)
{
	struct scenario *sc = NULL;

	sim_err_clear(err);
	scenario_doc_build(d, e, n, NULL, &sc, err);
	return sc;
}

static void test_edit_parse(void **state)
{
	struct scenario_edit e;

	(void)state;
	assert_int_equal(scenario_edit_parse("run.days=14", &e), 0);
	assert_int_equal(strcspn(e.path, "="), strlen("run.days"));
	assert_string_equal(e.text, "14");
	assert_string_equal(e.origin, "--set");
	assert_int_equal(scenario_edit_parse("run.days", &e), -1);
}

/* An edit spelt as --set spells it: a number in the fewest digits that
 * read back to it, a whole number whole (a user is told to give it). */
static void test_edit_text(void **state)
{
	struct scenario_edit e = {"units.0.shifts.early.staff", NULL, 100,
				  "--set"};
	const char *want[] = {"units.0.shifts.early.staff=100",
			      "units.0.shifts.early.staff=0.1",
			      "units.0.shifts.early.staff=-2500000",
			      "units.0.shifts.early.staff=2.385",
			      "units.0.shifts.early.staff=[1, 2]"};
	double v[] = {100, 0.1, -2.5e6, 2.385};

	(void)state;
	for (size_t i = 0; i < 5; i++) {
		char *t;

		e.number = i < 4 ? v[i] : 0;
		e.text = i < 4 ? NULL : "[1, 2]";
		t = scenario_edit_text(&e);
		assert_non_null(t);
		assert_string_equal(t, want[i]);
		free(t);
	}
}

/* Text and number edits build what the same --set strings load. */
static void test_build_matches_load(void **state)
{
	const char *set[] = {"run.days=14",
			     "pools.emergency.shifts.late.staff=31"};
	struct scenario_edit e[2];
	struct scenario_doc *d = doc_read(WM);
	struct scenario *a, *b;
	struct sim_err err;

	(void)state;
	assert_int_equal(scenario_edit_parse(set[0], &e[0]), 0);
	e[1] = (struct scenario_edit){"pools.emergency.shifts.late.staff",
				      NULL, 31, "--set"};
	a = load_with(WM, set, 2, &err);
	assert_non_null(a);
	b = build(d, e, 2, &err);
	assert_non_null(b);
	assert_true(b->run.days == 14 && a->run.days == 14);
	assert_int_equal(b->pools[0].n_shifts, a->pools[0].n_shifts);
	for (size_t i = 0; i < a->pools[0].n_shifts; i++)
		assert_int_equal(b->pools[0].shifts[i].staff,
				 a->pools[0].shifts[i].staff);
	assert_true(b->content_fnv1a == a->content_fnv1a);
	assert_string_equal(b->path, a->path);
	scenario_free(a);
	scenario_free(b);
	scenario_doc_free(d);
}

/* A bad edit is blamed as a bad --set is, word for word; and the doc is
 * unchanged by it: the next build without edits is the file's. */
static void test_bad_edit_same_problem(void **state)
{
	const char *set[] = {"pools.emergency.shifts.late.staff=2.5"};
	struct scenario_edit e = {"pools.emergency.shifts.late.staff", NULL,
				  2.5, "--vary"};
	struct scenario_doc *d = doc_read(WM);
	struct sim_err err_load, err_build;
	struct scenario *sc;

	(void)state;
	assert_null(load_with(WM, set, 1, &err_load));
	assert_null(build(d, &e, 1, &err_build));
	assert_non_null(strstr(err_load.text, "--set pools.emergency.shifts."
			       "late.staff=2.5: "));
	assert_string_equal(err_build.text + strlen("--vary"),
			    err_load.text + strlen("--set"));
	sc = build(d, NULL, 0, &err_build);
	assert_non_null(sc);
	scenario_free(sc);
	scenario_doc_free(d);
}

/* Setting one staffing form of a pool whole puts it in force: a rota
 * replaces the pool's shifts, and shifts set afterwards replace the rota
 * (the later edit of the two wins, as any later --set does); the doc
 * keeps the file's. An edit inside the form the pool does not have is
 * refused, asking for the whole form. */
static void test_edit_staffing_form(void **state)
{
	struct scenario_edit e[2] = {
		{"pools.emergency.rota", "{pattern: 6on4off, teams: 5, "
		 "per_team: 18}", 0, "--set"},
		{"pools.emergency.shifts", "[{name: d, start: \"00:00\", "
		 "hours: 24, staff: 40}]", 0, "--set"}};
	struct scenario_edit half = {"pools.emergency.rota.teams", NULL, 4,
				     "--vary"};
	struct scenario_doc *d = doc_read(WM);
	struct scenario *sc;
	struct sim_err err;

	(void)state;
	sc = build(d, e, 1, &err);
	assert_non_null(sc);
	assert_non_null(sc->pools[0].rota);
	assert_int_equal(sc->pools[0].n_shifts, 0);
	assert_int_equal(scenario_rota_people(sc->pools[0].rota), 90);
	assert_null(sc->pools[1].rota);   /* the other pool keeps its shifts */
	scenario_free(sc);
	sc = build(d, e, 2, &err);
	assert_non_null(sc);
	assert_null(sc->pools[0].rota);
	assert_int_equal(sc->pools[0].n_shifts, 1);
	assert_int_equal(sc->pools[0].shifts[0].staff, 40);
	scenario_free(sc);
	assert_null(build(d, &half, 1, &err));
	assert_non_null(strstr(err.text, "--vary pools.emergency.rota.teams=4: "
			       "pools.emergency is staffed by shifts, so it has "
			       "no rota to change; give the whole rota, which "
			       "replaces its shifts"));
	sc = build(d, NULL, 0, &err);
	assert_true(sc != NULL && sc->pools[0].rota == NULL
		    && sc->pools[0].n_shifts > 0);
	scenario_free(sc);
	scenario_doc_free(d);
}

/* The CSVs the file names are read with it: removing one afterwards
 * changes no build, and its bytes stay in the fingerprint. */
static void test_csv_read_once(void **state)
{
	char dir[] = "/tmp/callsim-doc-XXXXXX", yaml[64], csv[64];
	struct scenario *a, *b;
	struct scenario_doc *d;
	struct sim_err err;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(yaml, sizeof yaml, "%s/t.yaml", dir);
	snprintf(csv, sizeof csv, "%s/p.csv", dir);
	assert_non_null(f = fopen(yaml, "w"));
	fputs(CSV_SCENARIO, f);
	fclose(f);
	assert_non_null(f = fopen(csv, "w"));
	for (int i = 0; i < 168; i++)
		fprintf(f, "%g\n", 1 + (i % 24) / 10.0);
	fclose(f);
	a = load_with(yaml, NULL, 0, &err);
	assert_non_null(a);
	d = doc_read(yaml);
	assert_int_equal(unlink(csv), 0);
	assert_int_equal(unlink(yaml), 0);
	b = build(d, NULL, 0, &err);
	if (!b)
		fail_msg("%s", err.text);
	assert_true(a->content_fnv1a == b->content_fnv1a);
	assert_true(a->lines[0].demand.profile[23] ==
		    b->lines[0].demand.profile[23]);
	scenario_free(a);
	scenario_free(b);
	scenario_doc_free(d);
	assert_int_equal(rmdir(dir), 0);
}

/* One doc, built on two threads at once with different edits. */
struct job {
	const struct scenario_doc *d;
	double staff;
	int got;
};

static void *build_job(void *arg)
{
	struct job *j = arg;
	struct scenario_edit e = {"pools.emergency.shifts.late.staff", NULL,
				  j->staff, "--set"};
	struct sim_err err;
	struct scenario *sc;

	for (int k = 0; k < 20; k++) {
		sc = build(j->d, &e, 1, &err);
		j->got = sc ? sc->pools[0].shifts[1].staff : -1;
		scenario_free(sc);
	}
	return NULL;
}

static void test_threads_share_doc(void **state)
{
	struct scenario_doc *d = doc_read(WM);
	struct job j[2] = {{d, 7, 0}, {d, 9, 0}};
	pthread_t t[2];

	(void)state;
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&t[i], NULL, build_job, &j[i]),
				 0);
	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);
	assert_int_equal(j[0].got, 7);
	assert_int_equal(j[1].got, 9);
	scenario_doc_free(d);
}

/* What cannot be read or parsed fails at the read, as a load would. */
static void test_read_fails_like_load(void **state)
{
	struct scenario_source src = {"t.yaml", "- a\n- b\n", 8, NULL, 0,
				      NULL};
	struct scenario_doc *d = (struct scenario_doc *)&src;
	struct scenario *sc = NULL;
	struct sim_err e1, e2;

	(void)state;
	sim_err_clear(&e1);
	sim_err_clear(&e2);
	assert_int_equal(scenario_doc_read(&src, &d, &e1), SIM_ESCENARIO);
	assert_null(d);
	assert_int_equal(scenario_load(&src, &sc, &e2), SIM_ESCENARIO);
	assert_string_equal(e1.text, e2.text);
	src.text = NULL;
	src.path = "tests/no-such-scenario.yaml";
	assert_int_equal(scenario_doc_read(&src, &d, &e1), SIM_EIO);
	scenario_doc_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_parse),
		cmocka_unit_test(test_edit_text),
		cmocka_unit_test(test_build_matches_load),
		cmocka_unit_test(test_bad_edit_same_problem),
		cmocka_unit_test(test_edit_staffing_form),
		cmocka_unit_test(test_csv_read_once),
		cmocka_unit_test(test_threads_share_doc),
		cmocka_unit_test(test_read_fails_like_load),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
