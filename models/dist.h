/* dist.h: the probability distributions a scenario may give for a duration
 * (handle time, wrap-up, patience, travel, time on scene), sampled with GSL.
 *
 * A scenario names a distribution by its kind and the parameters a planner
 * knows (a mean and a standard deviation, not mu and sigma); dist_prepare
 * validates them and derives the parameters GSL wants, once, in the loader.
 * All values are seconds. A prepared dist is read-only and may be shared by
 * threads; each thread samples with its own generator. */
#ifndef MODELS_DIST_H
#define MODELS_DIST_H

#include <stddef.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "sim/lognormal_strips.h"
#include "sim/sim_err.h"

enum dist_kind {
	DIST_EXPONENTIAL,    /* mean */
	DIST_LOGNORMAL,      /* mean, sd */
	DIST_GAMMA,          /* mean, sd */
	DIST_WEIBULL,        /* shape, scale */
	DIST_DETERMINISTIC,  /* value */
	DIST_UNIFORM,        /* min, max */
	DIST_EMPIRICAL       /* values: samples drawn with equal probability */
};

struct dist {
	enum dist_kind kind;
	/* As the scenario gives them (unused ones 0). */
	double mean, sd, shape, scale, value, min, max;
	double *values;      /* DIST_EMPIRICAL: owned, n_values >= 1 */
	size_t n_values;
	/* Derived by dist_prepare. */
	double p1, p2;
	/* DIST_LOGNORMAL: owned, the sampler's tables (NULL for a sigma too
	 * small or large for them, drawn as exp(p1 + p2 Z)). */
	struct lognormal_strips *strips;
};

/* The scenario name of a kind ("exponential", ...), and the reverse lookup:
 * returns 0 and sets *kind, or -1 for an unknown name. */
const char *dist_kind_name(enum dist_kind kind);
int dist_kind_parse(const char *name, enum dist_kind *kind);
/* The allowed names, comma-separated, for error messages. */
const char *dist_kind_names(void);

/* Validates the parameters of d and derives p1, p2. On a bad parameter
 * returns SIM_ESCENARIO and adds one line to err, prefixed with `where`
 * (for example "scenario.yaml:12:5: lines.999.handle"), naming the parameter,
 * its value and what is allowed. Parameters must be finite; means, sds,
 * shapes and scales positive; min < max; empirical values >= 0. Returns
 * SIM_ENOMEM, adding nothing to err, when a lognormal's tables cannot be
 * allocated. */
enum sim_status dist_prepare(struct dist *d, const char *where,
			     struct sim_err *err);
/* A sample (>= 0) from a prepared distribution. */
double dist_sample(const struct dist *d, gsl_rng *r);
/* An exponential sample of the given mean (> 0): what dist_sample draws for
 * DIST_EXPONENTIAL, for callers that need one without a struct dist (the
 * unit-rate variate behind each arrival). */
double dist_exponential(gsl_rng *r, double mean);
/* A draw from GSL's discrete distribution g: the outcome
 * gsl_ran_discrete(r, g) gives, r left as it leaves it. */
size_t dist_discrete(const gsl_ran_discrete_t *g, gsl_rng *r);
/* The mean of a prepared distribution (for Erlang estimates and FTE maths). */
double dist_mean(const struct dist *d);
/* The variance of a prepared distribution. */
double dist_variance(const struct dist *d);
/* Frees what d owns (empirical values, a lognormal's tables) and zeroes it;
 * NULL is a no-op. */
void dist_clear(struct dist *d);
/* Deep copy of a prepared dist; returns SIM_ENOMEM on failure. */
enum sim_status dist_copy(struct dist *dst, const struct dist *src);

#endif
