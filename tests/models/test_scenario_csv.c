/* test_scenario_csv.c: the CSV files a scenario names (profiles, samples,
 * files written with decimal commas) and the content hash that covers
 * their bytes. Each case writes its files into a fresh temporary
 * directory; bad inputs are checked as scenario_cases.h says. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/models/scenario_cases.h"

/* A fresh directory holding a scenario and its CSVs. */
struct csv_dir {
	char dir[64];
	char yaml[128];
};

static void csv_dir_make(struct csv_dir *d)
{
	snprintf(d->dir, sizeof d->dir, "/tmp/callsim-test-XXXXXX");
	assert_non_null(mkdtemp(d->dir));
	snprintf(d->yaml, sizeof d->yaml, "%s/s.yaml", d->dir);
}

static void csv_dir_write(const struct csv_dir *d, const char *name,
			  const char *text)
{
	char path[192];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", d->dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void csv_dir_remove(const struct csv_dir *d, const char *const *names)
{
	char path[192];

	for (; *names; names++) {
		snprintf(path, sizeof path, "%s/%s", d->dir, *names);
		unlink(path);
	}
	assert_int_equal(rmdir(d->dir), 0);
}

/* A profile CSV of n rows "label,factor" after a comment and a header,
 * with an optional bad row. */
static char *profile_csv(int n, int bad_row)
{
	char *t = malloc((size_t)n * 24 + 64);
	size_t len = 0;
	int i;

	assert_non_null(t);
	if (!t)		/* tells the compiler too */
		return NULL;
	len += (size_t)sprintf(t, "# test profile\nslot,factor\n");
	for (i = 0; i < n; i++)
		if (i == bad_row)
			len += (size_t)sprintf(t + len, "h%d,1.o5\n", i);
		else
			len += (size_t)sprintf(t + len, "h%d,%.4f\n", i,
					       0.25 + (i % 5) * 0.375);
	return t;
}

static void test_csv_profile_and_samples(void **state)
{
	static const char *const files[] = {"p.csv", "bad.csv", "w.csv",
					    NULL};
	struct csv_dir d;
	char *p672 = profile_csv(672, -1);
	char *bad = profile_csv(168, 2);
	const char *text = HEAD L999 "    profile: p.csv\n"
		"    handle: {dist: empirical, values: {csv: w.csv, "
		"column: wait_s}}\n"
		"    wrap: {dist: empirical, values: {csv: w.csv, column: 1}}\n"
		ANSWER POOLS SHIFT;
	struct scenario *sc;

	(void)state;
	csv_dir_make(&d);
	csv_dir_write(&d, "p.csv", p672);
	csv_dir_write(&d, "bad.csv", bad);
	csv_dir_write(&d, "w.csv", "id,wait_s\n1,12.5\n2,40.25\n\n3,7\n");
	sc = expect_good(d.yaml, text, NULL, 0);
	assert_int_equal(sc->lines[0].demand.n_slots, 672);
	assert_seconds_near(sc->lines[0].demand.profile[9], 0.25 + 4 * 0.375,
			    1e-12);
	assert_int_equal(sc->lines[0].handle.n_values, 3);
	assert_seconds_near(dist_mean(&sc->lines[0].handle),
			    (12.5 + 40.25 + 7) / 3, 1e-12);
	assert_seconds_near(dist_mean(&sc->lines[0].wrap), 2.0, 1e-12);
	scenario_free(sc);
	{
		char prefix[256];
		struct sim_err err;
		const char *ovr[] = {"lines.999.profile=bad.csv"};

		sc = NULL;
		/* The header is line 2; row 2 (0-based) is line 5, col 4. */
		assert_int_equal(load(d.yaml, text, ovr, 1, &sc, &err),
				 SIM_ESCENARIO);
		snprintf(prefix, sizeof prefix, "%s/bad.csv:5:4: "
			 "lines.999.profile: ", d.dir);
		assert_problem(&err, prefix, "'1.o5' is not a factor from 0 to 1e6");
	}
	csv_dir_remove(&d, files);
	free(p672);
	free(bad);
}

/* A profile as a spreadsheet writes it where the decimal mark is a comma:
 * cells separated by ';' ("h1;1,125"), with a header. */
static char *profile_csv_semicolon(void)
{
	char *t = malloc(168 * 24 + 64);
	size_t len = 0;
	int i;

	assert_non_null(t);
	if (!t)		/* tells the compiler too */
		return NULL;
	len += (size_t)sprintf(t, "slot;factor\n");
	for (i = 0; i < 168; i++)
		len += (size_t)sprintf(t + len, "h%d;1,%03d\n", i, (i % 5) * 125);
	return t;
}

/* Loads the scenario of d with one override, expecting a problem line that
 * starts with d's directory, then rest, and holds frag. */
static void expect_bad_csv(const struct csv_dir *d, const char *text,
			   const char *set, const char *rest, const char *frag)
{
	char prefix[256];
	struct sim_err err;
	struct scenario *sc = NULL;
	const char *ovr[] = {set};

	assert_int_equal(load(d->yaml, text, ovr, 1, &sc, &err),
			 SIM_ESCENARIO);
	assert_null(sc);
	snprintf(prefix, sizeof prefix, "%s/%s", d->dir, rest);
	assert_problem(&err, prefix, frag);
}

/* Only the first 64 columns are read: a column past them was read from
 * the 64th cell, which held the rest of the line. */
static const struct bad_case bad_csv_column_65 = {
	HEAD L999 "    handle: {dist: empirical, values: {csv: w.csv, "
	"column: 65}}\n" ANSWER POOLS SHIFT,
	"t.yaml:6:60: lines.999.handle.values.column: ",
	"65 is too large; must be a column number from 1 to 64"};

/* A ';' file is read with decimal commas (it was read as 0, 125, 250...);
 * every file that could be misread is refused at the cell. */
static void test_csv_decimal_comma(void **state)
{
	static const char *const files[] = {
		"p.csv", "e.csv", "dot.csv", "comma.csv", "mixed.csv",
		"ragged.csv", "one.csv", NULL};
	struct csv_dir d;
	char *p = profile_csv_semicolon();
	const char *text = HEAD L999 "    profile: p.csv\n"
		"    handle: {dist: empirical, values: {csv: e.csv, "
		"column: wait_s}}\n" ANSWER POOLS SHIFT;
	struct scenario *sc;

	(void)state;
	csv_dir_make(&d);
	csv_dir_write(&d, "p.csv", p);
	csv_dir_write(&d, "e.csv", "id;wait_s\n1;12,5\n2;40,25\n3;7\n");
	csv_dir_write(&d, "dot.csv", "slot;factor\nh0;1.05\n");
	csv_dir_write(&d, "comma.csv", "0,963\n1,05\n");
	csv_dir_write(&d, "mixed.csv", "slot,factor\nh0;1,05\n");
	csv_dir_write(&d, "ragged.csv", "factor\n1,5\n2\n");
	csv_dir_write(&d, "one.csv", "120,5\n98,25\n");
	sc = expect_good(d.yaml, text, NULL, 0);
	assert_int_equal(sc->lines[0].demand.n_slots, 168);
	assert_seconds_near(sc->lines[0].demand.profile[0], 1.0, 0);
	assert_seconds_near(sc->lines[0].demand.profile[1], 1.125, 0);
	assert_seconds_near(sc->lines[0].demand.profile[4], 1.5, 0);
	assert_seconds_near(dist_mean(&sc->lines[0].handle),
			    (12.5 + 40.25 + 7) / 3, 1e-12);
	scenario_free(sc);
	expect_bad_csv(&d, text, "lines.999.profile=dot.csv",
		       "dot.csv:2:4: lines.999.profile: ", "'1.05' has a "
		       "decimal point, but this file separates cells with ';'");
	expect_bad_csv(&d, text, "lines.999.profile=comma.csv",
		       "comma.csv:1:1: lines.999.profile: ",
		       "the label '0' is a number");
	expect_bad_csv(&d, text, "lines.999.profile=mixed.csv",
		       "mixed.csv:2:3: lines.999.profile: ",
		       "';' in a file whose first line separates cells with ','");
	expect_bad_csv(&d, text, "lines.999.profile=ragged.csv",
		       "ragged.csv:2:1: lines.999.profile: ",
		       "this line has 2 cells and the first has 1");
	{
		struct sim_err err;
		const char *ovr[] = {"lines.999.handle.values={csv: one.csv}"};

		sc = NULL;
		assert_int_equal(load(d.yaml, text, ovr, 1, &sc, &err),
				 SIM_ESCENARIO);
		assert_problem(&err, "--set lines.999.handle.values={csv: "
			       "one.csv}: lines.999.handle.values: ",
			       "one.csv' has 2 cells a line; give column");
	}
	csv_dir_remove(&d, files);
	free(p);
}

/* The content hash covers every byte read, the CSVs' too, and not the
 * spelling of the path; each block is hashed with its length, so bytes
 * moved from one block to the next change it. */
static void test_content_hash(void **state)
{
	static const char *const files[] = {"p.csv", NULL};
	const char *text = HEAD L999 "    profile: p.csv\n" HANDLE ANSWER POOLS
		SHIFT;
	char dotted[160];
	struct csv_dir d;
	struct scenario *a, *b, *c;
	char *profile = profile_csv(168, -1);
	uint64_t ab, a_b;

	(void)state;
	csv_dir_make(&d);
	csv_dir_write(&d, "p.csv", profile);
	snprintf(dotted, sizeof dotted, "%s/./s.yaml", d.dir);
	a = expect_good(d.yaml, text, NULL, 0);
	b = expect_good(dotted, text, NULL, 0);
	/* One digit of one factor changed. */
	assert_non_null(strstr(profile, "\nh1,0.6250\n"));
	strstr(profile, "\nh1,0.6250\n")[6] = '3';
	csv_dir_write(&d, "p.csv", profile);
	c = expect_good(d.yaml, text, NULL, 0);
	assert_true(a->content_fnv1a == b->content_fnv1a);
	assert_true(a->content_fnv1a != c->content_fnv1a);
	assert_true(a->content_fnv1a != scenario_fnv1a(SCENARIO_FNV1A_INIT,
						       text, strlen(text)));
	scenario_free(a);
	scenario_free(b);
	scenario_free(c);
	free(profile);
	csv_dir_remove(&d, files);
	/* "abc" as one block, against an independent implementation. */
	assert_true(scenario_fnv1a(SCENARIO_FNV1A_INIT, "abc", 3)
		    == 0xc11ab6d2519bc2b2u);
	ab = scenario_fnv1a(scenario_fnv1a(SCENARIO_FNV1A_INIT, "ab", 2), "c", 1);
	a_b = scenario_fnv1a(scenario_fnv1a(SCENARIO_FNV1A_INIT, "a", 1), "bc", 2);
	assert_true(ab != a_b);
}

/* Every CSV read is kept in the scenario, with the key naming it, built
 * from a file or from a document read once; scenario_csv_apart refuses an
 * output that is one of them however spelt, and nothing else. */
static void test_csvs_kept(void **state)
{
	static const char *const files[] = {"p.csv", "w.csv", NULL};
	const char *text = HEAD L999 "    profile: p.csv\n"
		"    handle: {dist: empirical, values: {csv: w.csv, "
		"column: 1}}\n" ANSWER POOLS SHIFT;
	struct scenario_source src = {0};
	struct scenario_doc *doc = NULL;
	struct csv_dir d;
	struct scenario *sc, *built = NULL;
	struct sim_err err;
	char path[192], dotted[192];
	char *profile = profile_csv(168, -1);

	(void)state;
	csv_dir_make(&d);
	csv_dir_write(&d, "p.csv", profile);
	csv_dir_write(&d, "w.csv", "12.5\n40.25\n7\n");
	sc = expect_good(d.yaml, text, NULL, 0);
	assert_int_equal(sc->n_csvs, 2);
	snprintf(path, sizeof path, "%s/p.csv", d.dir);
	assert_string_equal(sc->csvs[0].path, path);
	assert_string_equal(sc->csvs[0].key, "lines.999.profile");
	assert_string_equal(sc->csvs[1].key, "lines.999.handle.values.csv");
	sim_err_clear(&err);
	snprintf(dotted, sizeof dotted, "%s/./w.csv", d.dir);
	assert_int_equal(scenario_csv_apart(sc, "--report", dotted,
					    "the scenario", &err), SIM_EINVAL);
	assert_non_null(strstr(err.text, "--report "));
	assert_non_null(strstr(err.text, "/./w.csv is a CSV file the scenario "
			       "reads (lines.999.handle.values.csv: "));
	sim_err_clear(&err);
	snprintf(dotted, sizeof dotted, "%s/x.csv", d.dir);
	assert_int_equal(scenario_csv_apart(sc, "--out", dotted, "the scenario",
					    &err), SIM_OK);
	assert_int_equal(scenario_csv_apart(sc, "--out", NULL, "the scenario",
					    &err), SIM_OK);
	assert_int_equal(scenario_csv_apart(sc, "--out", d.dir, "the scenario",
					    &err), SIM_OK);
	assert_false(sim_err_failed(&err));
	/* Built again from the bytes of a document read once. */
	src.path = d.yaml;
	src.text = text;
	src.text_len = strlen(text);
	assert_int_equal(scenario_doc_read(&src, &doc, &err), SIM_OK);
	assert_int_equal(scenario_doc_build(doc, NULL, 0, NULL, &built, &err),
			 SIM_OK);
	assert_int_equal(built->n_csvs, 2);
	assert_string_equal(built->csvs[1].path, sc->csvs[1].path);
	scenario_free(built);
	scenario_doc_free(doc);
	scenario_free(sc);
	free(profile);
	csv_dir_remove(&d, files);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_profile_and_samples),
		cmocka_unit_test(test_csv_decimal_comma),
		cmocka_unit_test(test_content_hash),
		cmocka_unit_test(test_csvs_kept),
		BAD(bad_csv_column_65),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
