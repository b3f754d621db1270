/* test_scenario_load.c: the loader's guards on what it reads and how far
 * --set reaches — inputs refused by kind and size before they are read,
 * lists bounded in length. (test_scenario.c covers the keys and values.)
 *
 * Each case checks the position or file and a fragment of the message,
 * which is what a planner reads to fix the input. Files are written into a
 * fresh temporary directory. Tests run from the source root. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/test_support.h"
#include "models/scenario.h"

/* A valid scenario of one line and one pool, one fact a line:
 *   1 name  2 run  3 lines:  4 - name 999  5 volume  6 handle  7 answer
 *   8 pools:  9 - name emergency  10 serves  11 shifts:  12 - day shift */
#define HEAD "name: t\nrun: {days: 7, replications: 3}\nlines:\n"
#define L999 "  - name: \"999\"\n    volume: {per_hour: 83.6}\n"
#define HANDLE "    handle: {dist: lognormal, mean: 238.5, sd: 176.25}\n"
#define ANSWER "    answer: {within_s: 10, goal: 0.9}\n"
#define POOLS "pools:\n  - name: emergency\n    serves: [\"999\"]\n" \
	      "    shifts:\n"
#define SHIFT "      - {name: day, start: \"07:00\", hours: 10, staff: 12}\n"
#define GOOD HEAD L999 HANDLE ANSWER POOLS SHIFT

/* The warnings of the last load. */
static struct sim_err warnings;

/* Loads text (or the file at path when text is NULL) with overrides. */
static enum sim_status load(const char *path, const char *text,
			    const char *const *ovr, size_t n_ovr,
			    struct scenario **sc, struct sim_err *err)
{
	struct scenario_source src = {path, text, text ? strlen(text) : 0,
				      ovr, n_ovr, &warnings};

	sim_err_clear(err);
	sim_err_clear(&warnings);
	*sc = NULL;
	return scenario_load(&src, sc, err);
}

/* Asserts that some problem line starts with prefix and contains frag. */
static void assert_problem(const struct sim_err *err, const char *prefix,
			   const char *frag)
{
	const char *line = err->text;

	while (*line) {
		size_t len = strcspn(line, "\n");

		if (strncmp(line, prefix, strlen(prefix)) == 0 &&
		    len >= strlen(prefix)) {
			char buf[SIM_ERR_CAP];

			memcpy(buf, line, len);
			buf[len] = '\0';
			if (strstr(buf, frag))
				return;
		}
		line += len + (line[len] == '\n');
	}
	fail_msg("no problem line starting '%s' containing '%s' in:\n%s",
		 prefix, frag, err->text);
}

/* Loads expecting status st, no scenario, and the given line. */
static void expect_fail(const char *path, const char *text,
			const char *const *ovr, size_t n_ovr,
			enum sim_status st, const char *prefix,
			const char *frag)
{
	struct sim_err err;
	struct scenario *sc = NULL;

	assert_int_equal(load(path, text, ovr, n_ovr, &sc, &err), st);
	assert_null(sc);
	assert_problem(&err, prefix, frag);
}

/* Loads text that must be valid. */
static struct scenario *expect_good(const char *text,
				    const char *const *ovr, size_t n_ovr)
{
	struct sim_err err;
	struct scenario *sc = NULL;
	enum sim_status st = load("t.yaml", text, ovr, n_ovr, &sc, &err);

	if (st != SIM_OK)
		fail_msg("load failed (%d):\n%s", st, err.text);
	assert_non_null(sc);
	return sc;
}

/* A fresh directory for files a case writes. */
struct tmp_dir {
	char dir[64];
	char path[8][192];
	int n;
};

static void tmp_dir_make(struct tmp_dir *d)
{
	memset(d, 0, sizeof *d);
	snprintf(d->dir, sizeof d->dir, "/tmp/callsim-load-XXXXXX");
	assert_non_null(mkdtemp(d->dir));
}

/* Writes len bytes of text (repeated to fill len) to name in d; returns
 * the file's path. */
static const char *tmp_dir_write(struct tmp_dir *d, const char *name,
				 const char *text, size_t len)
{
	char *path = d->path[d->n++], built[sizeof d->path[0]];
	size_t tl = strlen(text), done = 0;
	FILE *f;

	assert_true(d->n <= 8);
	snprintf(built, sizeof built, "%s/%s", d->dir, name);
	memcpy(path, built, sizeof built);
	f = fopen(path, "w");
	assert_non_null(f);
	while (done < len) {
		size_t k = len - done < tl ? len - done : tl;

		assert_int_equal(fwrite(text, 1, k, f), k);
		done += k;
	}
	assert_int_equal(fclose(f), 0);
	return path;
}

static void tmp_dir_remove(struct tmp_dir *d)
{
	for (int i = 0; i < d->n; i++)
		unlink(d->path[i]);
	assert_int_equal(rmdir(d->dir), 0);
}

/* ------------------------------------------------------------------ */
/* What is read                                                        */

/* A directory was read as if a file and reported as "Input/output
 * error"; a device (/dev/zero) was read until memory ran out. Both are
 * refused by kind before anything is read. */
static void test_directory_and_device_are_refused(void **state)
{
	(void)state;
	expect_fail("tests", NULL, NULL, 0, SIM_EIO, "tests: ",
		    "cannot read the scenario (it is a directory)");
	expect_fail("/dev/zero", NULL, NULL, 0, SIM_EIO, "/dev/zero: ",
		    "(it is a device or a socket, not a file)");
	expect_fail("/dev/null", NULL, NULL, 0, SIM_EIO, "/dev/null: ",
		    "not a file");
}

/* A scenario one byte over the limit is refused with the limit; one at
 * the limit is read (and then judged as YAML). */
static void test_scenario_size_is_bounded(void **state)
{
	struct tmp_dir d;
	const char *over, *at;
	char prefix[256];

	(void)state;
	tmp_dir_make(&d);
	over = tmp_dir_write(&d, "over.yaml", "#2.385 comment\n",
			     SCENARIO_FILE_MAX + 1);
	at = tmp_dir_write(&d, "at.yaml", "#2.385 comment\n",
			   SCENARIO_FILE_MAX);
	snprintf(prefix, sizeof prefix, "%s: ", over);
	expect_fail(over, NULL, NULL, 0, SIM_EIO, prefix,
		    "(it is larger than 4194304 bytes, the most a scenario "
		    "may be)");
	snprintf(prefix, sizeof prefix, "%s:", at);
	expect_fail(at, NULL, NULL, 0, SIM_ESCENARIO, prefix,
		    "the file is empty");
	tmp_dir_remove(&d);
}

/* `profile: /dev/zero` grew to 11 GB. CSVs are refused by kind, and by
 * size with their own limits. */
static void test_csv_kind_and_size_are_bounded(void **state)
{
	struct tmp_dir d;
	char text[1024];

	(void)state;
	snprintf(text, sizeof text, HEAD L999 "    profile: /dev/zero\n"
		 HANDLE ANSWER POOLS SHIFT);
	expect_fail("t.yaml", text, NULL, 0, SIM_ESCENARIO,
		    "t.yaml:6:14: lines.999.profile: ",
		    "cannot read '/dev/zero' (it is a device or a socket, not "
		    "a file)");
	snprintf(text, sizeof text, HEAD L999 "    profile: tests\n"
		 HANDLE ANSWER POOLS SHIFT);
	expect_fail("t.yaml", text, NULL, 0, SIM_ESCENARIO,
		    "t.yaml:6:14: lines.999.profile: ",
		    "cannot read 'tests' (it is a directory)");
	tmp_dir_make(&d);
	snprintf(text, sizeof text, HEAD L999 "    profile: %s\n"
		 HANDLE ANSWER POOLS SHIFT,
		 tmp_dir_write(&d, "p.csv", "1.5\n",
			       SCENARIO_PROFILE_CSV_MAX + 4));
	expect_fail("t.yaml", text, NULL, 0, SIM_ESCENARIO,
		    "t.yaml:6:14: lines.999.profile: ",
		    "(it is larger than 1048576 bytes, the most a profile CSV "
		    "may be)");
	snprintf(text, sizeof text, HEAD L999 "    handle: {dist: empirical, "
		 "values: {csv: %s}}\n" ANSWER POOLS SHIFT,
		 tmp_dir_write(&d, "e.csv", "2.385\n",
			       SCENARIO_EMPIRICAL_CSV_MAX + 6));
	expect_fail("t.yaml", text, NULL, 0, SIM_ESCENARIO,
		    "t.yaml:6:45: lines.999.handle.values.csv: ",
		    "(it is larger than 16777216 bytes, the most an empirical "
		    "CSV may be)");
	tmp_dir_remove(&d);
}

/* Text handed in directly meets the file's limit too. */
static void test_text_size_is_bounded(void **state)
{
	char *big = malloc(SCENARIO_FILE_MAX + 2);
	struct sim_err err;
	struct scenario *sc;

	(void)state;
	assert_non_null(big);
	memset(big, '#', SCENARIO_FILE_MAX + 1);
	big[SCENARIO_FILE_MAX + 1] = '\0';
	assert_int_equal(load("t.yaml", big, NULL, 0, &sc, &err), SIM_EIO);
	free(big);
	assert_null(sc);
	assert_problem(&err, "t.yaml: ", "larger than 4194304 bytes");
}

/* A list of 20,000 lines took seconds (names are checked against each
 * other) and 6 KB each: lists are bounded. */
static void test_list_length_is_bounded(void **state)
{
	size_t cap = (size_t)(SCENARIO_LIST_MAX + 1) * 24 + 256, len = 0;
	char *text = malloc(cap);

	(void)state;
	assert_non_null(text);
	len += (size_t)snprintf(text, cap, "name: t\nlines:\n");
	for (int i = 0; i <= SCENARIO_LIST_MAX; i++)
		len += (size_t)snprintf(text + len, cap - len,
					"  - {name: l%d}\n", i);
	snprintf(text + len, cap - len, "pools: []\n");
	expect_fail("t.yaml", text, NULL, 0, SIM_ESCENARIO,
		    "t.yaml:3:3: lines: ", "has 1001 items; a list may have at "
		    "most 1000");
	free(text);
}

/* ------------------------------------------------------------------ */
/* Nesting                                                             */

/* "name: " then n '[' and n ']'. */
static char *nested(int n)
{
	char *t = malloc((size_t)n * 2 + 16);

	assert_non_null(t);
	if (!t)
		return NULL;
	strcpy(t, "name: ");
	memset(t + 6, '[', (size_t)n);
	memset(t + 6 + n, ']', (size_t)n);
	t[6 + 2 * n] = '\n';
	t[7 + 2 * n] = '\0';
	return t;
}

/* YAML nested 100,000 deep took a minute (libyaml's scanner is quadratic
 * in the depth of flow collections); it is refused at once, where the
 * nesting passes the limit. The top mapping is the first level. */
static void test_nesting_depth_is_bounded(void **state)
{
	char *deep = nested(100000), *at = nested(SCENARIO_DEPTH_MAX - 1);
	char *over = nested(SCENARIO_DEPTH_MAX);
	char block[8192];
	size_t len = 0;

	(void)state;
	expect_fail("t.yaml", deep, NULL, 0, SIM_ESCENARIO, "t.yaml:1:70: ",
		    "lists and mappings nest more than 64 deep here; nest them "
		    "at most 64 deep");
	expect_fail("t.yaml", over, NULL, 0, SIM_ESCENARIO, "t.yaml:1:70: ",
		    "nest more than 64 deep");
	/* 64 deep is read, and judged as a scenario. */
	expect_fail("t.yaml", at, NULL, 0, SIM_ESCENARIO, "t.yaml:1:7: name: ",
		    "got a list; must be the scenario's name");
	/* Block mappings count alike: the mapping at indent i (line i + 2)
	 * is level i + 1. */
	len += (size_t)snprintf(block, sizeof block, "name: t\n");
	for (int i = 0; i < 70; i++)
		len += (size_t)snprintf(block + len, sizeof block - len,
					"%*sk:\n", i, "");
	expect_fail("t.yaml", block, NULL, 0, SIM_ESCENARIO, "t.yaml:66:65: ",
		    "nest more than 64 deep");
	free(deep);
	free(at);
	free(over);
}

/* A --set value meets the same limit. */
static void test_set_value_depth_is_bounded(void **state)
{
	char *deep = nested(100000);
	const char *ovr[1];

	(void)state;
	memmove(deep + 9, deep + 6, strlen(deep + 6) + 1);
	memcpy(deep, "run.days=", 9);
	ovr[0] = deep;
	expect_fail("t.yaml", GOOD, ovr, 1, SIM_ESCENARIO, "--set run.days=[[[",
		    "the value is not valid YAML (lists and mappings nest more "
		    "than 64 deep here");
	free(deep);
}

/* ------------------------------------------------------------------ */
/* Nulls                                                               */

/* `name: ~` made a pool named "~". YAML's nulls are no value: refused
 * wherever a value is needed, in the file and through --set. */
static void test_nulls_are_refused(void **state)
{
	static const char *const name_null[] = {"name=~"};
	static const char *const dist_null[] = {"lines.999.handle.dist=null"};

	(void)state;
	expect_fail("t.yaml", "name: ~\nrun: {days: 7}\nlines:\n" L999
		    HANDLE ANSWER POOLS SHIFT, NULL, 0, SIM_ESCENARIO,
		    "t.yaml:1:7: name: ", "got null ('~'); must be the "
		    "scenario's name");
	expect_fail("t.yaml", HEAD L999 HANDLE ANSWER "pools:\n  - name: ~\n"
		    "    serves: [\"999\"]\n    shifts:\n" SHIFT, NULL, 0,
		    SIM_ESCENARIO, "t.yaml:9:11: pools.0.name: ",
		    "got null ('~'); must be a name");
	expect_fail("t.yaml", HEAD "  - name: Null\n    volume: {per_hour: 2}\n"
		    HANDLE ANSWER POOLS SHIFT, NULL, 0, SIM_ESCENARIO,
		    "t.yaml:4:11: lines.0.name: ", "got null ('Null')");
	expect_fail("t.yaml", HEAD L999 HANDLE ANSWER POOLS
		    "      - {name: NULL, start: \"07:00\", hours: 10, "
		    "staff: 12}\n", NULL, 0, SIM_ESCENARIO,
		    "t.yaml:12:16: pools.emergency.shifts.0.name: ",
		    "got null ('NULL')");
	expect_fail("t.yaml", HEAD L999 "    profile: ~\n" HANDLE ANSWER POOLS
		    SHIFT, NULL, 0, SIM_ESCENARIO,
		    "t.yaml:6:14: lines.999.profile: ", "got null ('~')");
	expect_fail("t.yaml", GOOD, name_null, 1, SIM_ESCENARIO,
		    "--set name=~: name: ", "got null ('~')");
	expect_fail("t.yaml", GOOD, dist_null, 1, SIM_ESCENARIO,
		    "--set lines.999.handle.dist=null: lines.999.handle.dist: ",
		    "got null ('null')");
}

/* Quoted, the same characters are text, and a fine name. */
static void test_quoted_null_words_are_text(void **state)
{
	struct scenario *sc = expect_good(HEAD L999 HANDLE ANSWER
					  "pools:\n  - name: \"~\"\n"
					  "    serves: [\"999\"]\n"
					  "    shifts:\n" SHIFT, NULL, 0);

	(void)state;
	assert_string_equal(sc->pools[0].name, "~");
	scenario_free(sc);
}

/* ------------------------------------------------------------------ */
/* Overrides through anchors                                           */

/* Two lines sharing one handle mapping, two pools one list of shifts, and
 * the shifts' staff one scalar, all through anchors. */
#define SHARED "name: t\nrun: {days: 7, replications: 3}\nlines:\n" \
	"  - name: A\n    volume: {per_hour: 20}\n" \
	"    handle: &h {dist: exponential, mean: 100}\n" \
	"    answer: {within_s: 10, goal: 0.8}\n" \
	"  - name: B\n    volume: {per_hour: 20}\n    handle: *h\n" \
	"    answer: {within_s: 10, goal: 0.8}\n" \
	"pools:\n  - name: p\n    serves: [A]\n    shifts: &s\n" \
	"      - {name: day, start: \"07:00\", hours: 12, staff: &n 7}\n" \
	"      - {name: night, start: \"19:00\", hours: 12, staff: *n}\n" \
	"  - name: q\n    serves: [B]\n    shifts: *s\n"

/* `--set lines.A.handle.mean=600` changed line B too: libyaml makes an
 * anchor and its aliases one node, and the override changed it in place.
 * An override now changes only the path it names. */
static void test_set_changes_only_its_path(void **state)
{
	static const char *const a[] = {"lines.A.handle.mean=600"};
	static const char *const b[] = {"lines.B.handle.mean=600"};
	struct scenario *sc;

	(void)state;
	sc = expect_good(SHARED, a, 1);
	assert_seconds_near(sc->lines[0].handle.mean, 600, 0);
	assert_seconds_near(sc->lines[1].handle.mean, 100, 0);
	scenario_free(sc);
	sc = expect_good(SHARED, b, 1);
	assert_seconds_near(sc->lines[0].handle.mean, 100, 0);
	assert_seconds_near(sc->lines[1].handle.mean, 600, 0);
	scenario_free(sc);
	/* Untouched, both still read the shared mapping. */
	sc = expect_good(SHARED, NULL, 0);
	assert_seconds_near(sc->lines[1].handle.mean, 100, 0);
	scenario_free(sc);
}

/* Lists shared through an anchor, chosen by item name and by index, as
 * the optimiser's edits (units.0.shifts.late.staff=N) name them; a scalar
 * shared by two keys changes only where named. */
static void test_set_unshares_lists_and_items(void **state)
{
	static const char *const by_name[] = {"pools.q.shifts.day.staff=3"};
	static const char *const by_index[] = {"pools.0.shifts.1.staff=5",
					       "pools.1.shifts.0.hours=8"};
	struct scenario *sc;

	(void)state;
	sc = expect_good(SHARED, by_name, 1);
	assert_int_equal(sc->pools[0].shifts[0].staff, 7);
	assert_int_equal(sc->pools[0].shifts[1].staff, 7);
	assert_int_equal(sc->pools[1].shifts[0].staff, 3);
	assert_int_equal(sc->pools[1].shifts[1].staff, 7);
	scenario_free(sc);
	sc = expect_good(SHARED, by_index, 2);
	assert_int_equal(sc->pools[0].shifts[0].staff, 7);
	assert_int_equal(sc->pools[0].shifts[1].staff, 5);
	assert_int_equal(sc->pools[1].shifts[1].staff, 7);
	assert_seconds_near(sc->pools[0].shifts[0].duration_s, 12 * 3600.0, 0);
	assert_seconds_near(sc->pools[1].shifts[0].duration_s, 8 * 3600.0, 0);
	assert_seconds_near(sc->pools[1].shifts[1].duration_s, 12 * 3600.0, 0);
	scenario_free(sc);
}

/* A problem in a mapping the override copied is still blamed on the
 * file's position, not on the override, which did not write it. */
static void test_unshared_copy_keeps_its_position(void **state)
{
	static const char *const set[] = {"lines.A.handle.mean=600"};
	const char *text = "name: t\nrun: {days: 7, replications: 3}\n"
		"lines:\n  - name: A\n    volume: {per_hour: 20}\n"
		"    handle: &h {mean: 100}\n"
		"    answer: {within_s: 10, goal: 0.8}\n"
		"  - name: B\n    volume: {per_hour: 20}\n    handle: *h\n"
		"    answer: {within_s: 10, goal: 0.8}\n"
		"pools:\n  - name: p\n    serves: [A, B]\n    shifts:\n" SHIFT;

	(void)state;
	expect_fail("t.yaml", text, set, 1, SIM_ESCENARIO,
		    "t.yaml:6:13: lines.A.handle: ", "missing key 'dist'");
	expect_fail("t.yaml", text, set, 1, SIM_ESCENARIO,
		    "t.yaml:6:13: lines.B.handle: ", "missing key 'dist'");
}

/* ------------------------------------------------------------------ */
/* Warnings                                                            */

/* Asserts that warning line i (0-based) is exactly want. */
static void assert_warning(int i, const char *want)
{
	const char *line = warnings.text;

	for (; i > 0 && *line; i--)
		line += strcspn(line, "\n") + 1;
	if (strncmp(line, want, strlen(want)) != 0 ||
	    line[strlen(want)] != '\n')
		fail_msg("warning %d is not\n%s\nin:\n%s", i, want,
			 warnings.text);
}

/* A valid scenario warns of nothing. */
static void test_no_warnings_for_a_sound_scenario(void **state)
{
	struct sim_err err;
	struct scenario *sc;

	(void)state;
	scenario_free(expect_good(GOOD, NULL, 0));
	assert_int_equal(warnings.n_lines, 0);
	assert_int_equal(load("scenarios/west-midlands-2024.yaml", NULL, NULL,
			      0, &sc, &err), SIM_OK);
	scenario_free(sc);
	assert_int_equal(warnings.n_lines, 0);
}

/* A surge only in the warm-up, or only after the end, changes no figure:
 * a warning names it and its position. A surge that falls in the counted
 * period, every week or in a listed week, does not warn. The run is 7
 * days after a 24 h warm-up: hours 24 to 192. */
static void test_surge_outside_counted_period_warns(void **state)
{
	const char *text = "name: t\nrun: {days: 7, warmup_hours: 24}\nlines:\n"
		L999 "    surges:\n"
		"      - {start: \"mon 02:00\", hours: 4, factor: 2, weeks: [1]}\n"
		"      - {start: \"sat 22:00\", hours: 4, factor: 2, weeks: [3]}\n"
		"      - {start: \"mon 22:00\", hours: 4, factor: 2, weeks: [2]}\n"
		"      - {start: \"mon 22:00\", hours: 2, factor: 2, weeks: [1]}\n"
		"      - {start: \"tue 01:00\", hours: 2, factor: 2}\n"
		HANDLE ANSWER POOLS SHIFT;
	struct scenario *sc = expect_good(text, NULL, 0);

	(void)state;
	scenario_free(sc);
	assert_int_equal(warnings.n_lines, 3);
	assert_warning(0, "t.yaml:7:9: lines.999.surges.0: warning: no "
		       "occurrence of this surge falls in the counted period "
		       "(hour 24 to hour 192 of the run); it changes no figure");
	assert_problem(&warnings, "t.yaml:8:9: lines.999.surges.1: warning: ",
		       "no occurrence");
	/* Week 2 starts at hour 168, so surge 2 (hours 190 to 194) is in;
	 * surge 3 ends at hour 24, as the counted period starts: out. */
	assert_problem(&warnings, "t.yaml:10:9: lines.999.surges.3: warning: ",
		       "no occurrence");
}

/* A counted period too short for a single call, a goal on a line without
 * calls: warned at the key, through --set too. */
static void test_nothing_measured_warns(void **state)
{
	static const char *const tiny[] = {"run.days=1e-300"};
	static const char *const zero[] = {"lines.999.volume.per_hour=0"};
	struct scenario *sc;

	(void)state;
	sc = expect_good(GOOD, tiny, 1);
	scenario_free(sc);
	assert_int_equal(warnings.n_lines, 1);
	assert_warning(0, "--set run.days=1e-300: run.days: warning: the counted "
		       "period is 8.64e-296 s, in which 2.01e-297 calls are "
		       "expected; nothing may be measured, and --require-slas "
		       "counts an agreement measured in fewer than two "
		       "replications as missed");
	sc = expect_good(GOOD, zero, 1);
	scenario_free(sc);
	assert_int_equal(warnings.n_lines, 1);
	assert_warning(0, "t.yaml:7:34: lines.999.answer.goal: warning: line 999 "
		       "has no calls (its volume is 0), so its service level "
		       "cannot be measured; --require-slas counts this agreement "
		       "as missed");
}

/* A grade with a goal that no call creates cannot be measured. */
static void test_grade_no_call_creates_warns(void **state)
{
	static const char *const only_routine[] = {
		"lines.999.incidents={routine: 0.25}"};
	struct sim_err err;
	struct scenario *sc;

	(void)state;
	assert_int_equal(load("tests/cli/exp_units.yaml", NULL, NULL, 0, &sc,
			      &err), SIM_OK);
	scenario_free(sc);
	assert_int_equal(warnings.n_lines, 0);
	assert_int_equal(load("tests/cli/exp_units.yaml", NULL, only_routine, 1,
			      &sc, &err), SIM_OK);
	scenario_free(sc);
	assert_int_equal(warnings.n_lines, 1);
	assert_problem(&warnings, "tests/cli/exp_units.yaml:21:35: "
		       "grades.urgent.attend.goal: warning: ", "no call creates "
		       "incidents of grade urgent");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_directory_and_device_are_refused),
		cmocka_unit_test(test_scenario_size_is_bounded),
		cmocka_unit_test(test_csv_kind_and_size_are_bounded),
		cmocka_unit_test(test_text_size_is_bounded),
		cmocka_unit_test(test_list_length_is_bounded),
		cmocka_unit_test(test_nesting_depth_is_bounded),
		cmocka_unit_test(test_set_value_depth_is_bounded),
		cmocka_unit_test(test_nulls_are_refused),
		cmocka_unit_test(test_quoted_null_words_are_text),
		cmocka_unit_test(test_set_changes_only_its_path),
		cmocka_unit_test(test_set_unshares_lists_and_items),
		cmocka_unit_test(test_unshared_copy_keeps_its_position),
		cmocka_unit_test(test_no_warnings_for_a_sound_scenario),
		cmocka_unit_test(test_surge_outside_counted_period_warns),
		cmocka_unit_test(test_nothing_measured_warns),
		cmocka_unit_test(test_grade_no_call_creates_warns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
