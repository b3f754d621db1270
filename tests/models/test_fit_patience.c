/* test_fit_patience.c: callers' patience by censored maximum likelihood
 * (models/fit_patience.c): each family's log-likelihood against the sum
 * of GSL's own densities and survivals, and, on waits simulated from a
 * known Weibull and a known gamma patience (an answered caller censors
 * it at the wait), the true family chosen by AIC and its true mean and
 * sd inside the fit's 95% intervals. */
#include "tests/test_support.h"

#include <math.h>
#include <stdbool.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "models/fit_patience.h"

/* The fit of family f among p's. */
static const struct fit_result *family(const struct fit_patience *p,
				       enum fit_family f)
{
	for (int i = 0; i < FIT_PATIENCE_FAMILIES; i++)
		if (p->fits[i].family == f)
			return &p->fits[i];
	fail_msg("family %d not fitted", (int)f);
	return NULL;
}

/* The log-likelihood of r on the sample, from GSL's density of each
 * caller who hung up and survival of each answered one. */
static double gsl_loglik(const struct fit_result *r, const double *x,
			 const unsigned char *hung_up, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		bool w = r->family == FIT_WEIBULL;

		if (hung_up[i])
			sum += log(w ? gsl_ran_weibull_pdf(x[i], r->scale, r->shape)
				   : gsl_ran_gamma_pdf(x[i], r->shape, r->scale));
		else
			sum += log(w ? gsl_cdf_weibull_Q(x[i], r->scale, r->shape)
				   : gsl_cdf_gamma_Q(x[i], r->shape, r->scale));
	}
	return sum;
}

/* Eight waits, five hung up: the exponential by hand (mean: all the
 * waiting, 2.385 + 7.5 + 12 + 30 + 48.115 + 4.2 + 21 + 74.8 = 200 s,
 * over the 5 who hung up, 40 s; log-likelihood -5 ln 40 - 5 = -23.4444),
 * and the gamma and Weibull the same sum by GSL's functions at their
 * estimates, each at least the exponential's, which both contain
 * (shape 1). */
static void test_fit_patience_loglik_by_hand(void **state)
{
	static const double x[] = { 2.385, 7.5, 12, 30, 48.115, 4.2, 21, 74.8 };
	static const unsigned char hung_up[] = { 1, 0, 1, 1, 0, 1, 1, 0 };
	struct fit_patience p;
	struct sim_err err;

	(void)state;
	sim_err_clear(&err);
	assert_int_equal(fit_patience_estimate(x, hung_up, 8, &p, &err), SIM_OK);
	assert_true(fabs(family(&p, FIT_EXPONENTIAL)->mean - 40) < 1e-9);
	assert_true(fabs(family(&p, FIT_EXPONENTIAL)->loglik + 23.4444) < 1e-4);
	for (enum fit_family f = FIT_GAMMA; f <= FIT_WEIBULL; f++) {
		const struct fit_result *r = family(&p, f);

		assert_true(r->ok);
		assert_true(fabs(r->loglik - gsl_loglik(r, x, hung_up, 8)) < 1e-9);
		assert_true(r->loglik
			    >= family(&p, FIT_EXPONENTIAL)->loglik - 1e-6);
	}
	fit_patience_clear(&p);
}

/* n callers of patience drawn by draw (1: Weibull, else gamma, shape k,
 * scale s), each answered after an exponential time of mean answer_s
 * unless they hang up first. */
static void simulate(gsl_rng *g, int weibull, double k, double s,
		     double answer_s, double *x, unsigned char *hung_up,
		     size_t n)
{
	for (size_t i = 0; i < n; i++) {
		double t = weibull ? gsl_ran_weibull(g, s, k)
				   : gsl_ran_gamma(g, k, s);
		double a = gsl_ran_exponential(g, answer_s);

		x[i] = fmin(t, a);
		hung_up[i] = t < a;
	}
}

/* The fit of waits simulated from a known patience: the true family is
 * the best by AIC, and its intervals cover the true mean and sd. */
static void check_recovers(int weibull, double k, double s, double mean,
			   double sd)
{
	enum { N = 20000 };
	static double x[N];
	static unsigned char hung_up[N];
	gsl_rng *g = gsl_rng_alloc(gsl_rng_mt19937);
	struct fit_patience p;
	struct sim_err err;
	const struct fit_result *b;

	gsl_rng_set(g, weibull ? 2385 : 4771);
	simulate(g, weibull, k, s, 300, x, hung_up, N);
	gsl_rng_free(g);
	sim_err_clear(&err);
	assert_int_equal(fit_patience_estimate(x, hung_up, N, &p, &err), SIM_OK);
	assert_true(p.best >= 0);
	b = &p.fits[p.best];
	assert_int_equal(b->family, weibull ? FIT_WEIBULL : FIT_GAMMA);
	assert_int_equal(b->aside, FIT_ELIGIBLE);
	assert_true(b->mean_lo < mean && mean < b->mean_hi);
	assert_true(b->sd_lo < sd && sd < b->sd_hi);
	fit_patience_clear(&p);
}

/* Weibull patience of shape 0.6 (many give up at once, the rest hold
 * on, as the bundled 999 line's), scale 400 s: mean 400 G(1 + 1/0.6),
 * sd 400 sqrt(G(1 + 2/0.6) - G(1 + 1/0.6)^2). */
static void test_fit_patience_recovers_weibull(void **state)
{
	double k = 0.6, s = 400, g1 = tgamma(1 + 1 / k), g2 = tgamma(1 + 2 / k);

	(void)state;
	check_recovers(1, k, s, s * g1, s * sqrt(g2 - g1 * g1));
}

/* Gamma patience of shape 2.5, scale 120 s: mean 300 s, sd 120 sqrt(2.5). */
static void test_fit_patience_recovers_gamma(void **state)
{
	(void)state;
	check_recovers(0, 2.5, 120, 300, 120 * sqrt(2.5));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fit_patience_loglik_by_hand),
		cmocka_unit_test(test_fit_patience_recovers_weibull),
		cmocka_unit_test(test_fit_patience_recovers_gamma),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
