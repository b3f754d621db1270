/* replications.h: running a scenario's replications in a test and reading
 * one figure across them as the interval the theory must fall in.
 *
 * Shared by the statistical tests of the contact centre and of incident
 * response: R fixed-seed replications, then the analytic value must lie in
 * the run's own 99% Student-t interval, never widened. */
#ifndef TESTS_MODELS_REPLICATIONS_H
#define TESTS_MODELS_REPLICATIONS_H

#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#include "models/replication.h"
#include "sim/ci.h"

#define REPLICATIONS_LEVEL 0.99

/* Runs every replication of sc; returns the results (free with
 * replications_free). */
static inline struct replication_result **replications_run(const struct scenario *sc)
{
	unsigned n = sc->run.replications;
	struct replication_result **res = calloc(n, sizeof *res);

	assert_non_null(res);
	for (unsigned i = 0; i < n; i++) {
		struct sim_err err;
		sim_err_clear(&err);
		res[i] = replication_result_new(sc);
		assert_non_null(res[i]);
		assert_int_equal(replication_run(sc, i, res[i], &err), SIM_OK);
	}
	return res;
}

static inline void replications_free(struct replication_result **res, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		replication_result_free(res[i]);
	free(res);
}

/* The 99% interval over n replications of figure m of item `item`, where
 * at is an accessor such as replication_line_at, replication_grade_at or replication_area_at. */
static inline struct ci replications_ci(struct replication_result **res, unsigned n,
					double *(*at)(struct replication_result *, size_t),
					size_t item, size_t m)
{
	double *x = calloc(n, sizeof *x);

	assert_non_null(x);
	for (unsigned i = 0; i < n; i++)
		x[i] = at(res[i], item)[m];
	struct ci c = ci_of(x, 1, n, REPLICATIONS_LEVEL);
	free(x);
	return c;
}

/* Fails unless theory lies in c, naming the figure. */
static inline void assert_in_ci(struct ci c, double theory, const char *what)
{
	if (!(c.lo <= theory && theory <= c.hi))
		fail_msg("%s: theory %.6g outside the run's %.0f%% interval "
			 "[%.6g, %.6g] (mean %.6g)", what, theory,
			 REPLICATIONS_LEVEL * 100, c.lo, c.hi, c.mean);
}

/* Runs replication 0 of sc, which must fail with SIM_ERUNTIME and a
 * message holding `words`. */
static inline void assert_run_fails(const struct scenario *sc, const char *words)
{
	struct replication_result *r = replication_result_new(sc);
	struct sim_err err;

	sim_err_clear(&err);
	assert_non_null(r);
	assert_int_equal(replication_run(sc, 0, r, &err), SIM_ERUNTIME);
	if (strstr(err.text, words) == NULL)
		fail_msg("'%s' does not say '%s'", err.text, words);
	replication_result_free(r);
}

#endif
