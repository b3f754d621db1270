/* test_duplicate.c: duplicate calls (models/duplicate.c, through the
 * contact centre and the response) — every counted answered call ends as
 * an incident, a duplicate or resolved on the call, in every replication;
 * duplicates and incidents as often as the share and the incident
 * probabilities say, within binomial intervals; calls per incident
 * against its expected value in the run's own interval; the calls
 * themselves untouched by the share; and the key's bounds and its need
 * of grades.
 *
 * Given a line's N counted answered calls, each is a duplicate with
 * probability d and an incident with (1 - d) sum(p), independently of
 * everything that decided N (the outcome is drawn when the talk ends,
 * from the response's stream). So over all replications duplicates are
 * Binomial(N, d) and incidents Binomial(N, (1 - d) sum(p)): each count
 * must lie within z sqrt(N q (1 - q)) of N q, z the normal quantile of
 * the two-sided 99% level, never widened. */
#include "response_fixture.h"
#include "replications.h"

#include <math.h>
#include <gsl/gsl_cdf.h>

#include "models/duplicate.h"

/* Line 999: 30 calls an hour, a quarter of them duplicates, first reports
 * 40% grade 0 and 20% grade 1; line 101: 20 calls an hour, no duplicates,
 * 10% grade 1. Units enough that incidents never pile up. */
#define D999 0.25
#define P999 (0.4 + 0.2)
#define P101 0.1
#define REPS 20

static struct scenario *dup_scenario(double d999)
{
	struct scenario *sc = new_scenario(2, 30.0, 2, 1, 1, 1);

	sc->lines[1].demand.mean_rate_per_s = 20.0 / 3600.0;
	sc->run.days = 7;
	sc->run.warmup_s = 6 * 3600.0;
	sc->run.replications = REPS;
	sc->lines[0].duplicate = d999;
	sc->lines[0].incident_p[0] = 0.4;
	sc->lines[0].incident_p[1] = 0.2;
	sc->lines[1].incident_p[1] = P101;
	sc->grades[0].on_scene = expo(600.0);
	sc->grades[1].on_scene = expo(600.0);
	unit_shifts(&sc->units[0], 1, 40);
	return sc;
}

/* answered = incidents created + duplicates + resolved on the call, for
 * every line of every replication, and calls per incident is that
 * replication's answered / incidents created. */
static void assert_outcomes_conserved(struct replication_result **res,
				      unsigned n, size_t n_lines)
{
	for (unsigned i = 0; i < n; i++)
		for (size_t l = 0; l < n_lines; l++) {
			const double *f = replication_line_at(res[i], l);
			assert_true(f[CC_ANSWERED] > 0);
			assert_true(f[CC_ANSWERED] == f[CC_INCIDENTS_CREATED] +
				    f[CC_DUPLICATES] + f[CC_RESOLVED]);
			assert_true(f[CC_OFFERED] == f[CC_ANSWERED] +
				    f[CC_ABANDONED] + f[CC_UNANSWERED_END]);
			assert_true(f[CC_CALLS_PER_INCIDENT] ==
				    f[CC_ANSWERED] / f[CC_INCIDENTS_CREATED]);
		}
}

/* Sum over replications of figure m of line l. */
static double line_total(struct replication_result **res, unsigned n,
			 size_t l, size_t m)
{
	double s = 0;

	for (unsigned i = 0; i < n; i++)
		s += replication_line_at(res[i], l)[m];
	return s;
}

/* k successes of n trials against probability q, within the binomial's
 * two-sided 99% normal interval. */
static void assert_binomial(double k, double n, double q, const char *what)
{
	double z = gsl_cdf_ugaussian_Qinv((1 - REPLICATIONS_LEVEL) / 2);
	double half = z * sqrt(n * q * (1 - q));

	if (fabs(k - n * q) > half)
		fail_msg("%s: %.0f of %.0f, expected %.1f +/- %.1f", what, k, n,
			 n * q, half);
}

/* Talks of four minutes: calls answered just before the horizon are
 * still talking when it comes, and the drain waits for their outcome. */
static void test_every_answered_call_has_one_outcome(void **state)
{
	struct scenario *sc = dup_scenario(D999);

	sc->lines[0].handle = expo(240.0);
	sc->lines[1].handle = expo(240.0);
	struct replication_result **res = replications_run(sc);

	(void)state;
	assert_outcomes_conserved(res, REPS, 2);
	/* 101 has no duplicates. */
	assert_true(line_total(res, REPS, 1, CC_DUPLICATES) == 0);
	replications_free(res, REPS);
	scenario_free(sc);
}

/* Duplicates follow the share; incidents follow (1 - d) of the answered
 * calls, the line without duplicates its own probability. */
static void test_counts_follow_the_share(void **state)
{
	struct scenario *sc = dup_scenario(D999);
	struct replication_result **res = replications_run(sc);
	double n999 = line_total(res, REPS, 0, CC_ANSWERED);
	double n101 = line_total(res, REPS, 1, CC_ANSWERED);

	(void)state;
	assert_binomial(line_total(res, REPS, 0, CC_DUPLICATES), n999, D999,
			"999 duplicates");
	assert_binomial(line_total(res, REPS, 0, CC_INCIDENTS_CREATED), n999,
			(1 - D999) * P999, "999 incidents");
	assert_binomial(line_total(res, REPS, 1, CC_INCIDENTS_CREATED), n101,
			P101, "101 incidents");
	assert_in_ci(replications_ci(res, REPS, replication_line_at, 0,
				     CC_CALLS_PER_INCIDENT),
		     1 / ((1 - D999) * P999), "999 calls per incident");
	assert_in_ci(replications_ci(res, REPS, replication_line_at, 1,
				     CC_CALLS_PER_INCIDENT),
		     1 / P101, "101 calls per incident");
	replications_free(res, REPS);
	scenario_free(sc);
}

/* A duplicate is a call like any other: with callers who wait and
 * abandon on three busy handlers, the share leaves every figure of the
 * calls and of the pool the same bytes, and only what the calls became
 * moves. */
static void test_share_leaves_the_calls_alone(void **state)
{
	struct scenario *a = dup_scenario(0), *b = dup_scenario(0.5);
	struct sim_err err;

	(void)state;
	for (size_t l = 0; l < 2; l++) {
		struct scenario *sc[2] = {a, b};
		for (size_t s = 0; s < 2; s++) {
			sc[s]->lines[l].handle = expo(240.0);
			sc[s]->lines[l].has_patience = 1;
			sc[s]->lines[l].patience = expo(120.0);
			sc[s]->pools[0].shifts[0].staff = 3;
		}
	}
	for (uint32_t r = 0; r < 3; r++) {
		struct replication_result *ra = replication_result_new(a);
		struct replication_result *rb = replication_result_new(b);
		sim_err_clear(&err);
		assert_int_equal(replication_run(a, r, ra, &err), SIM_OK);
		assert_int_equal(replication_run(b, r, rb, &err), SIM_OK);
		for (size_t l = 0; l < 2; l++) {
			const double *fa = replication_line_at(ra, l);
			const double *fb = replication_line_at(rb, l);
			assert_true(fa[CC_ABANDONED] > 0);
			assert_memory_equal(fa, fb, CC_INCIDENTS_CREATED *
					    sizeof(double));
		}
		assert_memory_equal(ra->pool, rb->pool, CC_POOL_METRICS *
				    sizeof(double));
		assert_true(replication_line_at(rb, 0)[CC_DUPLICATES] > 0);
		assert_true(replication_line_at(rb, 0)[CC_INCIDENTS_CREATED] <
			    replication_line_at(ra, 0)[CC_INCIDENTS_CREATED]);
		replication_result_free(ra);
		replication_result_free(rb);
	}
	scenario_free(a);
	scenario_free(b);
}

/* The outcome table: with no share it is the grade mix as it was (the
 * same draws); with one, three outcomes past the grades. */
static void test_mix_without_share_is_unchanged(void **state)
{
	struct scenario *sc = dup_scenario(0);
	gsl_ran_discrete_t *t = duplicate_mix(sc, 0);

	(void)state;
	assert_non_null(t);
	assert_int_equal(t->K, sc->n_grades + 1);
	assert_true(fabs(gsl_ran_discrete_pdf(2, t) - (1 - P999)) < 1e-12);
	gsl_ran_discrete_free(t);
	sc->lines[0].duplicate = D999;
	t = duplicate_mix(sc, 0);
	assert_int_equal(t->K, sc->n_grades + DUPLICATE_OUTCOMES);
	assert_true(fabs(gsl_ran_discrete_pdf(0, t) - 0.4 * (1 - D999)) <
		    1e-12);
	assert_true(fabs(gsl_ran_discrete_pdf(2 + DUPLICATE_NONE, t) -
			 (1 - P999) * (1 - D999)) < 1e-12);
	assert_true(fabs(gsl_ran_discrete_pdf(2 + DUPLICATE_CALL, t) - D999) <
		    1e-12);
	gsl_ran_discrete_free(t);
	scenario_free(sc);
}

/* ---- the key ---------------------------------------------------------- */

#define LINE(extra) \
	"name: t\nrun: {days: 7, replications: 3}\nlines:\n" \
	"  - name: A\n    volume: {per_hour: 20}\n" \
	"    handle: {dist: exponential, mean: 100}\n" \
	"    answer: {within_s: 10, goal: 0.8}\n" extra \
	"pools:\n  - name: p\n    serves: [A]\n    shifts:\n" \
	"      - {name: day, start: \"00:00\", hours: 24, staff: 7}\n"

/* Loads text; returns the status, the message in err. */
static enum sim_status load_text(const char *text, struct scenario **sc,
				 struct sim_err *err)
{
	struct scenario_source src = {"t.yaml", text, strlen(text), NULL, 0,
				      NULL};

	sim_err_clear(err);
	*sc = NULL;
	return scenario_load(&src, sc, err);
}

static void expect_refused(const char *text, const char *words)
{
	struct scenario *sc;
	struct sim_err err;

	assert_int_equal(load_text(text, &sc, &err), SIM_ESCENARIO);
	if (!strstr(err.text, words))
		fail_msg("expected \"%s\" in:\n%s", words, err.text);
	assert_null(sc);
}

static void test_key_bounds_and_grades(void **state)
{
	(void)state;
	expect_refused(LINE("    duplicate: 1\n"),
		       "t.yaml:8:16: lines.A.duplicate: 1 is too large; "
		       "must be a share with 0 <= duplicate < 1\n");
	expect_refused(LINE("    duplicate: -0.1\n"),
		       "a share with 0 <= duplicate < 1");
	expect_refused(LINE("    duplicate: lots\n"), "lines.A.duplicate");
	expect_refused(LINE("    duplicate: 0.2\n"),
		       "t.yaml:8:16: lines.A.duplicate: no grades are "
		       "defined, so no call creates an incident and none can "
		       "repeat one");
	/* 0 needs nothing. */
	struct scenario *sc;
	struct sim_err err;
	assert_int_equal(load_text(LINE("    duplicate: 0\n"), &sc, &err),
			 SIM_OK);
	assert_true(sc->lines[0].duplicate == 0);
	assert_false(duplicate_wanted(sc));
	scenario_free(sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_answered_call_has_one_outcome),
		cmocka_unit_test(test_counts_follow_the_share),
		cmocka_unit_test(test_share_leaves_the_calls_alone),
		cmocka_unit_test(test_mix_without_share_is_unchanged),
		cmocka_unit_test(test_key_bounds_and_grades),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
