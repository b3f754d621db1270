/* test_experiment.c: the one experiment path — a variant is the document
 * read once with its edits in order, built without reading the file
 * again; a trial's result is that of its replications run one
 * by one (the same seeds, the same summary, byte for byte), whatever the
 * thread count and however many trials share the threads; a paired trial
 * is the comparison of its two sides' replications. */
#include "test_support.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "models/replication.h"
#include "results/experiment.h"
#include "results/report_compare.h"
#include "results/report_csv.h"
#include "tests/results/capture.h"

static const struct experiment_spec ex_one = { .threads = 1 },
	ex_three = { .threads = 3 }, ex_four = { .threads = 4 };

#define EX_PATH "tests/cli/small.yaml"
#define EX_REPS 5

/* The whole of the file at path, in a new buffer of *n bytes. */
static char *ex_slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long len;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	assert_true(len > 0);
	rewind(f);
	text = malloc((size_t)len);
	assert_non_null(text);
	assert_int_equal(fread(text, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*n = (size_t)len;
	return text;
}

/* The scenario at path, read once. */
static struct scenario_doc *ex_doc(const char *path)
{
	struct scenario_source src = { .path = path };
	struct scenario_doc *doc = NULL;
	struct sim_err err;

	sim_err_clear(&err);
	if (scenario_doc_read(&src, &doc, &err) != SIM_OK)
		fail_msg("%s does not read:\n%s", path, err.text);
	return doc;
}

/* small.yaml, one counted day and EX_REPS replications, with one more
 * edit (or none). */
static struct scenario *ex_build(const char *edit)
{
	struct scenario_doc *doc = ex_doc(EX_PATH);
	struct scenario_edit edits[] = {
		experiment_edit("run.days=1", "--set"),
		experiment_edit("run.replications=5", "--set"),
		experiment_edit(edit ? edit : "", "--set"),
	};
	struct experiment_variant v = { doc, edits, edit ? 3 : 2 };
	struct scenario *sc = NULL;
	struct sim_err err;

	sim_err_clear(&err);
	if (experiment_variant_build(&v, NULL, &sc, &err) != SIM_OK)
		fail_msg("%s does not build:\n%s", EX_PATH, err.text);
	assert_int_equal(sc->run.replications, EX_REPS);
	scenario_doc_free(doc);
	return sc;
}

/* s as `callsim run --format csv --intervals` writes it; frees s. */
static char *ex_csv(struct summary *s)
{
	FILE *f = capture_open();
	struct sim_err err;

	assert_non_null(s);
	sim_err_clear(&err);
	assert_int_equal(report_csv_write(f, s, true, &err), SIM_OK);
	summary_free(s);
	return capture_close(f);
}

/* The replications of sc run one by one, in order, on this thread. */
static struct replication_result **ex_results(const struct scenario *sc)
{
	struct replication_result **res = calloc(EX_REPS, sizeof *res);
	struct sim_err err;

	assert_non_null(res);
	for (uint32_t i = 0; i < EX_REPS; i++) {
		res[i] = replication_result_new(sc);
		sim_err_clear(&err);
		assert_int_equal(replication_run(sc, i, res[i], &err), SIM_OK);
	}
	return res;
}

static void ex_results_free(struct replication_result **res)
{
	for (size_t i = 0; i < EX_REPS; i++)
		replication_result_free(res[i]);
	free(res);
}

/* The summary of a trial is that of replications 0..R-1 of its scenario
 * run one by one, on one thread or on three. */
static void test_experiment_summarise_is_the_replications(void **state)
{
	struct scenario *sc = ex_build(NULL);
	struct replication_result **res = ex_results(sc);
	struct sim_err err;
	char *want, *one, *three;

	(void)state;
	sim_err_clear(&err);
	want = ex_csv(summary_new(sc, (const struct replication_result *const *)res,
				  EX_REPS, &err));
	one = ex_csv(experiment_summarise(sc, &ex_one, &err));
	three = ex_csv(experiment_summarise(sc, &ex_three, &err));
	assert_string_equal(one, want);
	assert_string_equal(three, want);
	free(want);
	free(one);
	free(three);
	ex_results_free(res);
	scenario_free(sc);
}

static void ex_count(void *arg)
{
	atomic_fetch_add((atomic_uint *)arg, 1);
}

/* Trials sharing the threads (a sweep's batch) each get the summary they
 * get alone, and every replication is reported once. */
static void test_experiment_trials_share_threads(void **state)
{
	struct scenario *sc[3] = { ex_build(NULL),
		ex_build("pools.emergency.shifts.day.staff=7"),
		ex_build("pools.non-emergency.shrinkage=0.385") };
	struct experiment_trial t[3] = { { .sc = sc[0] }, { .sc = sc[1] },
					 { .sc = sc[2] } };
	atomic_uint done = 0;
	struct experiment_spec spec = { .threads = 2, .on_replication = ex_count,
					.arg = &done };
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(experiment_run(t, 3, &spec, &err), SIM_OK);
	assert_int_equal(atomic_load(&done), 3 * EX_REPS);
	for (size_t k = 0; k < 3; k++) {
		char *shared = ex_csv(summary_of_acc(t[k].acc, &err));
		char *alone = ex_csv(experiment_summarise(sc[k], &ex_one, &err));

		assert_null(t[k].pairs);
		assert_string_equal(shared, alone);
		free(shared);
		free(alone);
		experiment_trial_clear(&t[k]);
		assert_null(t[k].acc);
		scenario_free(sc[k]);
	}
}

/* c as `callsim compare --format csv` writes it; frees c. */
static char *ex_compare_csv(struct compare *c)
{
	FILE *f = capture_open();
	struct sim_err err;

	assert_non_null(c);
	sim_err_clear(&err);
	assert_int_equal(report_compare_csv(f, c, &err), SIM_OK);
	compare_free(c);
	return capture_close(f);
}

/* A paired trial is the comparison of replication i of A with
 * replication i of B, for every i. */
static void test_experiment_paired_is_compare(void **state)
{
	struct scenario *a = ex_build(NULL);
	struct scenario *b = ex_build("pools.emergency.shifts.night.staff=6");
	struct replication_result **ra = ex_results(a), **rb = ex_results(b);
	struct compare_side_run sa = { a, (const struct replication_result *const *)ra,
				       EX_REPS };
	struct compare_side_run sb = { b, (const struct replication_result *const *)rb,
				       EX_REPS };
	struct sim_err err;
	char *want, *got;

	(void)state;
	sim_err_clear(&err);
	want = ex_compare_csv(compare_new(&sa, &sb, &err));
	got = ex_compare_csv(experiment_compare(a, b, &ex_four, &err));
	assert_string_equal(got, want);
	free(want);
	free(got);
	ex_results_free(ra);
	ex_results_free(rb);
	scenario_free(a);
	scenario_free(b);
}

/* Edits apply in order, the last word winning, and a bad one is the
 * loader's problem, named as the user wrote it: --set or --vary. */
static void test_experiment_variant_edits(void **state)
{
	struct scenario_doc *doc = ex_doc(EX_PATH);
	struct scenario_edit edits[] = {
		experiment_edit("pools.emergency.shifts.day.staff=7", "--set"),
		{ "pools.emergency.shifts.day.staff", NULL, 13, "--set" },
	};
	struct scenario_edit bad[] = {
		experiment_edit("pools.emergency.shifts.day.staff=2.385",
				"--vary"),
		experiment_edit("pools.emergency.shifts.night.staff", "--set"),
	};
	struct experiment_variant v = { doc, edits, 2 };
	struct scenario *sc = NULL;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(experiment_variant_build(&v, NULL, &sc, &err), SIM_OK);
	assert_int_equal(sc->pools[0].shifts[0].staff, 13);
	scenario_free(sc);
	sc = NULL;
	v.edits = bad;
	v.n_edits = 2;
	assert_int_equal(experiment_variant_build(&v, NULL, &sc, &err),
			 SIM_ESCENARIO);
	assert_null(sc);
	assert_non_null(strstr(err.text, "--vary pools.emergency.shifts.day."
				"staff=2.385"));
	assert_non_null(strstr(err.text, "--set pools.emergency.shifts.night."
				"staff"));
	scenario_doc_free(doc);
}

/* Writes text to path, replacing what it held. */
static void ex_write(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

/* The file is read once: a variant built after the file was replaced, and
 * after it was deleted, is the scenario of the bytes first read, and its
 * content fingerprint is the hash of exactly those bytes. */
static void test_experiment_variant_read_once(void **state)
{
	char tmp[] = "/tmp/callsim-experiment-XXXXXX", *text;
	struct scenario_edit edit = { "run.days", "1", 0, "--set" };
	struct scenario *sc[3] = { NULL, NULL, NULL };
	struct scenario_doc *doc;
	struct experiment_variant v;
	struct sim_err err;
	size_t n;
	int fd = mkstemp(tmp);

	(void)state;
	text = ex_slurp(EX_PATH, &n);
	assert_true(fd >= 0);
	close(fd);
	ex_write(tmp, text, n);
	doc = ex_doc(tmp);
	v = (struct experiment_variant){ doc, &edit, 1 };
	sim_err_clear(&err);
	assert_int_equal(experiment_variant_build(&v, NULL, &sc[0], &err),
			 SIM_OK);
	ex_write(tmp, "name: [not, a, scenario\n", 24);
	assert_int_equal(experiment_variant_build(&v, NULL, &sc[1], &err),
			 SIM_OK);
	assert_int_equal(unlink(tmp), 0);
	assert_int_equal(experiment_variant_build(&v, NULL, &sc[2], &err),
			 SIM_OK);
	for (int k = 0; k < 3; k++) {
		assert_true(sc[k]->content_fnv1a
			    == scenario_fnv1a(SCENARIO_FNV1A_INIT, text, n));
		assert_int_equal(sc[k]->pools[0].shifts[0].staff,
				 sc[0]->pools[0].shifts[0].staff);
		assert_string_equal(sc[k]->name, sc[0]->name);
	}
	for (int k = 0; k < 3; k++)
		scenario_free(sc[k]);
	scenario_doc_free(doc);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_experiment_summarise_is_the_replications),
		cmocka_unit_test(test_experiment_trials_share_threads),
		cmocka_unit_test(test_experiment_paired_is_compare),
		cmocka_unit_test(test_experiment_variant_edits),
		cmocka_unit_test(test_experiment_variant_read_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
