/* test_fit_calls.c: the choice between a fitted family and the data's
 * own distribution (models/fit_calls.c, fit_calls_duration): the KS
 * distance is judged against the larger of 0.03 and the sampling noise
 * 1.36 / sqrt(n). */
#include "tests/test_support.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "models/fit_calls.h"

enum { N_MODERATE = 800, N_LARGE = 20000, SEEDS = 100 };

static void duration(double *x, size_t n, struct fit_duration *d)
{
	struct sim_err err;

	sim_err_clear(&err);
	assert_int_equal(fit_calls_duration(x, n, d, &err), SIM_OK);
}

/* The threshold: the noise below n = 2,055, 0.03 above. */
static void test_fit_calls_ks_max(void **state)
{
	(void)state;
	assert_seconds_near(fit_calls_ks_max(100), 0.136, 1e-12);
	assert_seconds_near(fit_calls_ks_max(769), 1.36 / sqrt(769), 1e-12);
	assert_seconds_near(fit_calls_ks_max(2055), 1.36 / sqrt(2055), 1e-12);
	assert_seconds_near(fit_calls_ks_max(2056), 0.03, 1e-12);
	assert_seconds_near(fit_calls_ks_max(50000), 0.03, 1e-12);
}

/* 800 exponential delays (mean 300 s), seeds 1 to 100: a sample whose
 * best family is more than 0.03 from it (about 0.8 / sqrt(800) = 0.028
 * is typical) keeps its family, and a fitted family is kept in at least
 * 95 of the 100 (a law fitted to its own sample exceeds 1.36 / sqrt(n)
 * less than 5% of the time; about 1% for the exponential). */
static void test_fit_calls_true_family_kept(void **state)
{
	static double x[N_MODERATE];
	static struct fit_duration d;
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
	int above = 0, kept = 0;

	(void)state;
	for (unsigned long seed = 1; seed <= SEEDS; seed++) {
		gsl_rng_set(g, seed);
		for (int i = 0; i < N_MODERATE; i++)
			x[i] = gsl_ran_exponential(g, 300);
		duration(x, N_MODERATE, &d);
		assert_true(d.best >= 0);
		kept += !d.empirical;
		if (d.fits[d.best].ks > FIT_CALLS_KS_MAX
		    && d.fits[d.best].ks <= 1.36 / sqrt(N_MODERATE)) {
			above++;
			assert_false(d.empirical);
		}
	}
	gsl_rng_free(g);
	print_message("%d of %d kept a family; %d more than 0.03 but within "
		      "the noise\n", kept, SEEDS, above);
	assert_true(above > 0);   /* the old rule would have dropped these */
	assert_true(kept >= 95);
}

/* 20,000 handle times from two kinds of call (70% about 60 s, 30% about
 * 600 s): no single family describes the two humps, each is far more
 * than 0.03 from them, and the data's own distribution is written. */
static void test_fit_calls_wrong_family_empirical(void **state)
{
	static double x[N_LARGE];
	static struct fit_duration d;
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);

	(void)state;
	gsl_rng_set(g, 7);
	for (int i = 0; i < N_LARGE; i++)
		x[i] = gsl_rng_uniform(g) < 0.7
		       ? gsl_ran_lognormal(g, log(60), 0.2)
		       : gsl_ran_lognormal(g, log(600), 0.2);
	gsl_rng_free(g);
	duration(x, N_LARGE, &d);
	assert_true(d.best >= 0);
	assert_seconds_near(d.ks_max, FIT_CALLS_KS_MAX, 0);
	assert_true(d.fits[d.best].ks > 0.1);
	assert_true(d.empirical);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_calls_ks_max),
		cmocka_unit_test(test_fit_calls_true_family_kept),
		cmocka_unit_test(test_fit_calls_wrong_family_empirical),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
