/* test_search.c: the optimiser's loop (results/search.c) with a staffing
 * of the test's own — every way it ends, the edits of a round in order,
 * each round counted and reported — and the two searches below cli/
 * (search_hours.c, search_units.c) called as a library user would: the
 * round they keep reproduces its figures through the experiment path. */
#include "test_support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "results/experiment.h"
#include "results/report_csv.h"
#include "results/search.h"
#include "results/search_hours.h"
#include "results/search_units.h"
#include "tests/results/capture.h"

static const struct scenario_edit se_sets[] = {
	{ "run.days", "1", 0, "--set" }
};
static const struct scenario_edit se_settings[] = {
	{ "run.replications", "3", 0, "--set" },
	{ "run.seed", "2385", 0, "--set" },
};

/* A staffing of the test's own: the emergency pool's day shift at
 * `staff`, raised by one a round up to `cap`; "met" from round `met_at`
 * on (0: never); `unreachable` from the first round. */
struct se_fake {
	int staff, cap;
	unsigned long rounds, met_at;
	bool unreachable;
};

static enum sim_status se_staffing(void *arg, struct search_round *r,
				   struct sim_err *err)
{
	const struct se_fake *f = arg;
	struct scenario_edit edit = { "pools.emergency.shifts.day.staff", NULL,
				      f->staff, "--set" };

	return search_round_add(r, &edit, err);
}

static bool se_verdicts(void *arg, const struct summary *s)
{
	struct se_fake *f = arg;

	assert_int_equal(s->sc->pools[0].shifts[0].staff, f->staff);
	return ++f->rounds == f->met_at;
}

static bool se_unreachable(const void *arg, struct sim_err *err)
{
	const struct se_fake *f = arg;

	if (f->unreachable)
		sim_err_add(err, SIM_EINVAL, "cannot help");
	return f->unreachable;
}

static size_t se_raise(void *arg, struct sim_err *err)
{
	struct se_fake *f = arg;

	if (f->staff >= f->cap) {
		sim_err_add(err, SIM_EINVAL, "at the cap");
		return 0;
	}
	f->staff++;
	return 1;
}

static const struct search_ops se_ops = {
	se_staffing, se_verdicts, se_unreachable, se_raise, false, "staffing"
};

static void se_on_round(void *arg, unsigned long sims, const struct summary *s)
{
	unsigned long *seen = arg;

	assert_non_null(s);
	assert_int_equal(sims, ++*seen);
}

/* The scenario at path, read once. */
static struct scenario_doc *se_doc(const char *path)
{
	struct scenario_source src = { .path = path };
	struct scenario_doc *doc = NULL;
	struct sim_err err;

	sim_err_clear(&err);
	if (scenario_doc_read(&src, &doc, &err) != SIM_OK)
		fail_msg("%s", err.text);
	return doc;
}

/* The scenario at path read once from a copy that is then deleted, so a
 * search that read the file again would fail. */
static struct scenario_doc *se_doc_gone(const char *path)
{
	char tmp[] = "/tmp/callsim-search-XXXXXX", buf[4096];
	FILE *in = fopen(path, "rb");
	int fd = mkstemp(tmp);
	FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
	struct scenario_doc *doc;
	size_t n;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
	doc = se_doc(tmp);
	assert_int_equal(unlink(tmp), 0);
	return doc;
}

static struct search_spec se_spec(const struct scenario_doc *doc,
				  unsigned long max_sims, unsigned long *seen)
{
	return (struct search_spec){ doc, "tests/cli/small.yaml", se_sets, 1,
				     se_settings, 2, 2, max_sims, se_on_round,
				     NULL, seen };
}

/* Met at round 3: three rounds, each reported, the last kept with its
 * edits in order (the caller's, the staffing, the run settings). */
static void test_search_raise_until_met(void **state)
{
	unsigned long seen = 0;
	struct scenario_doc *doc = se_doc("tests/cli/small.yaml");
	struct search_spec spec = se_spec(doc, 10, &seen);
	struct se_fake f = { .staff = 7, .cap = 20, .met_at = 3 };
	struct search s = { &spec, &se_ops, &f, 0 };
	struct search_round r = { 0 };
	struct sim_err err;
	char **text;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(search_raise(&s, &r, &err), SEARCH_MET);
	assert_int_equal(s.sims, 3);
	assert_int_equal(r.sim, 3);
	assert_int_equal(seen, 3);
	assert_int_equal(r.n_edits, 4);
	text = experiment_edits_text(r.edits, r.n_edits);
	assert_non_null(text);
	assert_string_equal(text[0], "run.days=1");
	assert_string_equal(text[1], "pools.emergency.shifts.day.staff=9");
	assert_string_equal(text[2], "run.replications=3");
	assert_string_equal(text[3], "run.seed=2385");
	experiment_edits_text_free(text, r.n_edits);
	assert_int_equal(r.s->replications, 3);
	assert_int_equal(r.s->seed, 2385);
	search_round_clear(&r);
	assert_null(r.edits);
	scenario_doc_free(doc);
}

/* Each way a search ends without meeting: the limit of the staffing and
 * a miss that raising cannot help keep the last round (SEARCH_UNMET), the
 * simulations running out is a failure; each says why. */
static void test_search_raise_ends(void **state)
{
	unsigned long seen = 0;
	struct scenario_doc *doc = se_doc("tests/cli/small.yaml");
	struct search_spec spec = se_spec(doc, 2, &seen);
	struct se_fake capped = { .staff = 7, .cap = 7 };
	struct se_fake stuck = { .staff = 7, .cap = 20, .unreachable = true };
	struct se_fake slow = { .staff = 7, .cap = 20 };
	struct search s[3] = { { &spec, &se_ops, &capped, 0 },
			       { &spec, &se_ops, &stuck, 0 },
			       { &spec, &se_ops, &slow, 0 } };
	const char *why[3] = { "at the cap", "cannot help",
			       "no staffing found in 2 simulations; give more "
			       "--max-simulations" };
	enum search_end want[3] = { SEARCH_UNMET, SEARCH_UNMET, SEARCH_FAILED };

	(void)state;
	for (int k = 0; k < 3; k++) {
		struct search_round r = { 0 };
		struct sim_err err;

		seen = 0;
		sim_err_clear(&err);
		assert_int_equal(search_raise(&s[k], &r, &err), want[k]);
		assert_non_null(r.s);
		assert_int_equal(s[k].sims, k == 2 ? 2 : 1);
		assert_non_null(strstr(err.text, why[k]));
		search_round_clear(&r);
	}
	scenario_doc_free(doc);
}

/* A round that does not build is the scenario's problem, not a run's. */
static void test_search_invalid_round(void **state)
{
	unsigned long seen = 0;
	struct scenario_doc *doc = se_doc("tests/cli/small.yaml");
	struct search_spec spec = se_spec(doc, 5, &seen);
	struct se_fake f = { .staff = -2, .cap = 20 };
	struct search s = { &spec, &se_ops, &f, 0 };
	struct search_round r = { 0 };
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(search_raise(&s, &r, &err), SEARCH_INVALID);
	assert_int_equal(err.status, SIM_ESCENARIO);
	assert_int_equal(s.sims, 0);
	assert_int_equal(seen, 0);
	search_round_clear(&r);
	scenario_doc_free(doc);
}

/* s as CSV with the hourly figures, as a new string. */
static char *se_csv(const struct summary *s)
{
	FILE *f = capture_open();
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(report_csv_write(f, s, true, &err), SIM_OK);
	return capture_close(f);
}

/* The round kept has the figures of `callsim run` of the file at path
 * with its edits as printed (--set key=value): the file read again and
 * loaded with that text. */
static void se_reproduces(const char *path, const struct search_round *r)
{
	char **text = experiment_edits_text(r->edits, r->n_edits);
	struct scenario_source src = { .path = path,
				       .overrides = (const char *const *)text,
				       .n_overrides = r->n_edits };
	struct scenario *sc = NULL;
	struct summary *s;
	struct sim_err err;
	char *want, *got;

	sim_err_clear(&err);
	assert_non_null(text);
	assert_int_equal(scenario_load(&src, &sc, &err), SIM_OK);
	experiment_edits_text_free(text, r->n_edits);
	s = experiment_summarise(sc, &(struct experiment_spec){ .threads = 1 },
				 &err);
	want = se_csv(r->s);
	got = se_csv(s);
	assert_string_equal(got, want);
	free(want);
	free(got);
	summary_free(s);
	scenario_free(sc);
}

/* The base scenario a search starts from: the file with the spec's
 * edits. */
static struct scenario *se_base(const struct search_spec *spec)
{
	struct scenario_edit edits[3] = { spec->sets[0], spec->settings[0],
					  spec->settings[1] };
	struct experiment_variant v = { spec->doc, edits, 3 };
	struct scenario *sc = NULL;
	struct sim_err err;

	sim_err_clear(&err);
	if (experiment_variant_build(&v, NULL, &sc, &err) != SIM_OK)
		fail_msg("%s", err.text);
	return sc;
}

/* The handlers' search, called as a library: every round is built from
 * the document read once (its file is gone before the search starts), it
 * meets every goal, and its round reproduces through `run --set` of its
 * edits as printed. */
static void test_search_hours_library(void **state)
{
	unsigned long seen = 0;
	struct scenario_doc *doc = se_doc_gone("tests/cli/small.yaml");
	struct search_spec spec = se_spec(doc, 60, &seen);
	struct scenario *base = se_base(&spec);
	bool chosen[2] = { true, true };
	struct search_hours h;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(search_hours_run(&spec, base, chosen, 500, &h, &err),
			 SEARCH_MET);
	assert_int_equal(h.sims, seen);
	assert_int_equal(h.round.sim, h.sims);
	assert_true(h.round.s->lines[0].verdict == CI_MET);
	se_reproduces(spec.path, &h.round);
	search_hours_clear(&h);
	scenario_free(base);
	scenario_doc_free(doc);
}

/* The units' search refuses a scenario without incident response, and on
 * one with it (read once, its file gone) meets every attendance goal, its
 * round reproducing through its edits as printed. */
static void test_search_units_library(void **state)
{
	unsigned long seen = 0;
	struct scenario_doc *doc = se_doc("tests/cli/small.yaml");
	struct search_spec spec = se_spec(doc, 3, &seen);
	struct scenario *base = se_base(&spec);
	bool roles[1] = { true }, all[8] = { 0 };
	struct search_units_spec us = { roles, 500, false };
	struct search_units u;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(search_units_run(&spec, base, &us, &u, &err),
			 SEARCH_INVALID);
	assert_non_null(strstr(err.text, "has no incident response"));
	search_units_clear(&u);
	scenario_free(base);
	scenario_doc_free(doc);
	doc = se_doc_gone("tests/cli/exp_units.yaml");
	spec.doc = doc;
	spec.path = "tests/cli/exp_units.yaml";
	base = se_base(&spec);
	assert_true(base->n_roles <= 8);
	optimise_units_roles(base, all);
	us.roles = all;
	sim_err_clear(&err);
	assert_int_equal(search_units_run(&spec, base, &us, &u, &err),
			 SEARCH_MET);
	assert_int_equal(u.sims, 3);
	assert_true(u.best.sim >= 1 && u.best.sim <= u.sims);
	assert_true(u.cut);
	se_reproduces(spec.path, &u.best);
	search_units_clear(&u);
	scenario_free(base);
	scenario_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_raise_until_met),
		cmocka_unit_test(test_search_raise_ends),
		cmocka_unit_test(test_search_invalid_round),
		cmocka_unit_test(test_search_hours_library),
		cmocka_unit_test(test_search_units_library),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
