/* fit_distribution.h: maximum-likelihood fits of a duration distribution
 * (exponential, lognormal, gamma, Weibull) to a sample that may be
 * right-censored (patience: an answered caller's wait is a lower bound of
 * the caller's patience), with the Akaike information criterion, the
 * Kolmogorov-Smirnov distance of an uncensored fit and 95% confidence
 * intervals of the mean and sd from the observed information.
 *
 * Each family is fitted in an unconstrained parametrisation (log mean;
 * mu and log sigma; log shape and log scale): closed forms where they exist
 * (the exponential, censored or not; the lognormal uncensored), else the
 * Nelder-Mead simplex of gsl_multimin from a closed-form start. The
 * observed information is the Hessian of the negative log-likelihood at
 * the estimate, by central differences, inverted with GSL's Cholesky; the
 * intervals are those of log mean and log sd by the delta method, so they
 * stay positive. All values are seconds; a sample is borrowed. */
#ifndef MODELS_FIT_DISTRIBUTION_H
#define MODELS_FIT_DISTRIBUTION_H

#include <stddef.h>

#include "models/scenario_schema.h"
#include "sim/sim_err.h"

enum fit_family {
	FIT_EXPONENTIAL, FIT_LOGNORMAL, FIT_GAMMA, FIT_WEIBULL, FIT_FAMILIES
};

/* A sample of durations > 0 (a 0 is read as FIT_ZERO_S: times are to the
 * millisecond), each observed or, where event is 0, censored at x. */
struct fit_sample {
	const double *x;
	const unsigned char *event;   /* NULL: every value observed */
	size_t n;
};

/* What a duration of 0 is taken to be: half the log's resolution. */
#define FIT_ZERO_S 0.0005

/* Why a family's fit is not eligible to be written. */
enum fit_aside {
	FIT_ELIGIBLE,
	FIT_ASIDE_NO_MAXIMUM,   /* the simplex did not converge, or the
				 * likelihood is flat there (no information) */
	FIT_ASIDE_BEYOND_BOUND  /* mean, sd or scale beyond FIT_BOUND_S */
};

/* The largest mean, sd or scale a fit may have to be written: a
 * scenario's bound on a duration (SCENARIO_SECONDS_MAX). An estimate
 * beyond it is the optimiser running off along a likelihood the data
 * barely bend (a tail no observation reaches), not what they support. */
#define FIT_BOUND_S SCENARIO_SECONDS_MAX

struct fit_result {
	enum fit_family family;
	int ok;                      /* the fit converged; else the rest is 0 */
	enum fit_aside aside;        /* FIT_ELIGIBLE, or why it is set aside */
	double theta[2];             /* the unconstrained parameters */
	double loglik, aic;
	double mean, sd;             /* of the fitted distribution */
	double mean_lo, mean_hi, sd_lo, sd_hi;   /* 95% intervals */
	double shape, scale;         /* gamma and Weibull, as GSL takes them */
	double ks;                   /* KS distance (uncensored), else -1 */
	size_t n, n_events;
};

/* The family's name as a scenario writes it ("exponential", ...). */
const char *fit_family_name(enum fit_family f);
/* Fits family f to s (n_events >= 2). Returns SIM_OK with *out filled
 * (out->ok 0 when the likelihood had no maximum the simplex could find),
 * SIM_EINVAL for a sample too small, or SIM_ENOMEM. */
enum sim_status fit_distribution(const struct fit_sample *s, enum fit_family f,
				 struct fit_result *out, struct sim_err *err);
/* AIC points within which a family with fewer parameters is preferred:
 * two points is one parameter's penalty, so a difference under it is no
 * evidence for the extra parameter. */
#define FIT_AIC_NEAR 2.0
/* Sets r->aside: FIT_ASIDE_NO_MAXIMUM when !r->ok, FIT_ASIDE_BEYOND_BOUND
 * when its mean, sd or scale is beyond FIT_BOUND_S (or not finite), else
 * FIT_ELIGIBLE. Returns 1 when eligible. */
int fit_distribution_eligible(struct fit_result *r);
/* Why r was set aside, in words ("mean 6.4e+12 s is beyond what the data
 * can support (bound 1e9 s)"); "" when eligible. Writes at most size
 * bytes to buf and returns buf. */
const char *fit_distribution_aside_text(const struct fit_result *r,
					char *buf, size_t size);
/* Fits each of the n families and returns the index of the best among
 * the eligible ones (fit_distribution_eligible): the lowest AIC, unless
 * a family with fewer parameters is within FIT_AIC_NEAR of it, which is
 * then preferred (the exponential over the two-parameter families). -1
 * when none is eligible, -2 on error (err filled). out holds n results. */
int fit_distribution_best(const struct fit_sample *s,
			  const enum fit_family *families, int n,
			  struct fit_result *out, struct sim_err *err);
/* The fitted distribution function at x. */
double fit_distribution_cdf(const struct fit_result *r, double x);

#endif
