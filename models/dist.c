/* dist.c: duration distributions given as a planner states them (mean and
 * standard deviation, not log-scale parameters), validated once and then
 * sampled with GSL.
 *
 * dist_prepare turns the planner's parameters into the ones GSL takes and
 * keeps them in p1, p2, so sampling does no arithmetic beyond the GSL call:
 *
 *   kind           p1                 p2
 *   exponential    mean               -
 *   lognormal      zeta (log mean)    sigma (log sd)
 *   gamma          shape k            scale theta
 *   weibull        scale              shape
 *   deterministic  value              -
 *   uniform        min                max
 *   empirical      mean of values     variance of values */
#include "models/dist.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>

#include "sim/exp_ziggurat.h"
#include "sim/mem.h"
#include "sim/xoshiro256pp.h"

/* Indexed by enum dist_kind; the order is the scenario documentation's. */
static const char dist_names[][16] = {
	"exponential", "lognormal", "gamma", "weibull",
	"deterministic", "uniform", "empirical"
};

#define DIST_KINDS (sizeof dist_names / sizeof dist_names[0])

const char *dist_kind_name(enum dist_kind kind)
{
	assert((size_t)kind < DIST_KINDS);
	return dist_names[kind];
}

int dist_kind_parse(const char *name, enum dist_kind *kind)
{
	for (size_t i = 0; i < DIST_KINDS; i++) {
		if (strcmp(name, dist_names[i]) == 0) {
			*kind = (enum dist_kind)i;
			return 0;
		}
	}
	return -1;
}

const char *dist_kind_names(void)
{
	return "exponential, lognormal, gamma, weibull, deterministic, "
	       "uniform, empirical";
}

/* Adds the one problem line dist_prepare reports, in the loader's format
 * "<where>: <param> is <value>; <what is allowed>". */
static enum sim_status dist_reject(struct sim_err *err, const char *where,
				   const char *param, double value,
				   const char *allowed)
{
	return sim_err_add(err, SIM_ESCENARIO, "%s: %s is %g; %s", where,
			   param, value, allowed);
}

/* Finite and > 0: NaN fails both comparisons, so it is caught here too. */
static int dist_positive(double x)
{
	return isfinite(x) && x > 0;
}

static int dist_nonnegative(double x)
{
	return isfinite(x) && x >= 0;
}

static const char dist_need_positive_s[] =
	"must be a positive number of seconds";
static const char dist_need_nonnegative_s[] =
	"must be a number of seconds >= 0";

/* Lognormal and gamma are both given by mean and sd. */
static enum sim_status dist_check_mean_sd(const struct dist *d,
					  const char *where,
					  struct sim_err *err)
{
	if (!dist_positive(d->mean))
		return dist_reject(err, where, "mean", d->mean,
				   dist_need_positive_s);
	if (!dist_positive(d->sd))
		return dist_reject(err, where, "sd", d->sd,
				   dist_need_positive_s);
	return SIM_OK;
}

static enum sim_status dist_prepare_uniform(struct dist *d,
					    const char *where,
					    struct sim_err *err)
{
	if (!dist_nonnegative(d->min))
		return dist_reject(err, where, "min", d->min,
				   dist_need_nonnegative_s);
	if (!isfinite(d->max) || !(d->max > d->min))
		return sim_err_add(err, SIM_ESCENARIO,
				   "%s: max is %g; must be a number of seconds "
				   "greater than min (%g)",
				   where, d->max, d->min);
	d->p1 = d->min;
	d->p2 = d->max;
	return SIM_OK;
}

/* Checks the values and derives their mean and (population) variance: the
 * sampler picks each value with probability 1/n, so these are exact. */
static enum sim_status dist_prepare_empirical(struct dist *d,
					      const char *where,
					      struct sim_err *err)
{
	double sum = 0, sum_sq = 0;

	if (d->n_values == 0 || d->values == NULL)
		return sim_err_add(err, SIM_ESCENARIO,
				   "%s: values is empty; must list at least "
				   "one number of seconds >= 0", where);
	for (size_t i = 0; i < d->n_values; i++) {
		if (!dist_nonnegative(d->values[i]))
			return sim_err_add(err, SIM_ESCENARIO,
					   "%s: values[%zu] is %g; %s", where,
					   i, d->values[i],
					   dist_need_nonnegative_s);
		sum += d->values[i];
	}
	d->p1 = sum / (double)d->n_values;
	/* Two passes: the deviations are small where sum_sq - n*mean^2
	 * would cancel. */
	for (size_t i = 0; i < d->n_values; i++)
		sum_sq += (d->values[i] - d->p1) * (d->values[i] - d->p1);
	d->p2 = sum_sq / (double)d->n_values;
	return SIM_OK;
}

/* Moment matching for the lognormal: with sigma^2 = ln(1 + sd^2/mean^2) and
 * zeta = ln(mean) - sigma^2/2, E[X] = exp(zeta + sigma^2/2) = mean and
 * Var[X] = (exp(sigma^2) - 1) mean^2 = sd^2. log1p keeps sigma accurate
 * when sd is small beside the mean. */
static void dist_derive_lognormal(struct dist *d)
{
	double cv = d->sd / d->mean;
	double sigma2 = log1p(cv * cv);

	d->p1 = log(d->mean) - sigma2 / 2;
	d->p2 = sqrt(sigma2);
}

/* Moment matching for the gamma: mean = k theta and var = k theta^2, so
 * k = mean^2 / sd^2 and theta = sd^2 / mean. */
static void dist_derive_gamma(struct dist *d)
{
	d->p1 = (d->mean * d->mean) / (d->sd * d->sd);
	d->p2 = (d->sd * d->sd) / d->mean;
}

static enum sim_status dist_prepare_weibull(struct dist *d, const char *where,
					    struct sim_err *err)
{
	if (!dist_positive(d->shape))
		return dist_reject(err, where, "shape", d->shape,
				   "must be a positive number");
	if (!dist_positive(d->scale))
		return dist_reject(err, where, "scale", d->scale,
				   dist_need_positive_s);
	d->p1 = d->scale;
	d->p2 = d->shape;
	return SIM_OK;
}

/* Validates the parameters of each kind and derives GSL's. */
static enum sim_status dist_prepare_kind(struct dist *d, const char *where,
					 struct sim_err *err)
{
	enum sim_status st = SIM_OK;

	switch (d->kind) {
	case DIST_EXPONENTIAL:
		if (!dist_positive(d->mean))
			return dist_reject(err, where, "mean", d->mean,
					   dist_need_positive_s);
		d->p1 = d->mean;
		return SIM_OK;
	case DIST_LOGNORMAL:
		st = dist_check_mean_sd(d, where, err);
		if (st == SIM_OK)
			dist_derive_lognormal(d);
		return st;
	case DIST_GAMMA:
		st = dist_check_mean_sd(d, where, err);
		if (st == SIM_OK)
			dist_derive_gamma(d);
		return st;
	case DIST_WEIBULL:
		return dist_prepare_weibull(d, where, err);
	case DIST_DETERMINISTIC:
		if (!dist_nonnegative(d->value))
			return dist_reject(err, where, "value", d->value,
					   dist_need_nonnegative_s);
		d->p1 = d->value;
		return SIM_OK;
	case DIST_UNIFORM:
		return dist_prepare_uniform(d, where, err);
	case DIST_EMPIRICAL:
		return dist_prepare_empirical(d, where, err);
	}
	assert(!"dist_prepare: unknown kind");
	return SIM_EINVAL;
}

/* The lognormal's sampler tables (sim/lognormal_strips.h), built once and
 * shared by every thread; a sigma they cannot represent leaves them NULL
 * and the draws to exp(p1 + p2 Z). */
static enum sim_status dist_build_strips(struct dist *d)
{
	free(d->strips);
	d->strips = mem_malloc(sizeof *d->strips);
	if (d->strips == NULL)
		return SIM_ENOMEM;
	if (lognormal_strips_init(d->strips, d->p1, d->p2) != 0) {
		free(d->strips);
		d->strips = NULL;
	}
	return SIM_OK;
}

/* The longest mean duration accepted: about 30 years. Longer ones, and
 * parameters whose derived values overflow (a lognormal sd of 1e200, a
 * Weibull shape of 0.001), would put infinite or NaN times on the
 * calendar. */
#define DIST_MEAN_MAX_S 1e9

enum sim_status dist_prepare(struct dist *d, const char *where,
			     struct sim_err *err)
{
	enum sim_status st = dist_prepare_kind(d, where, err);
	double mean, var;

	if (st != SIM_OK)
		return st;
	mean = dist_mean(d);
	var = dist_variance(d);
	if (!isfinite(d->p1) || !isfinite(d->p2) || !isfinite(var) ||
	    !(mean <= DIST_MEAN_MAX_S))
		return sim_err_add(err, SIM_ESCENARIO, "%s: the %s given has a "
				   "mean of %g s%s; must have a mean of at most "
				   "%g s and a finite variance", where,
				   dist_kind_name(d->kind), mean,
				   isfinite(var) ? "" : " and no finite variance",
				   DIST_MEAN_MAX_S);
	return d->kind == DIST_LOGNORMAL ? dist_build_strips(d) : SIM_OK;
}

/* The ziggurat (sim/exp_ziggurat.h): exact, and without the logarithm a
 * draw that inversion (gsl_ran_exponential) pays, once the largest single
 * cost of an M/M/1 run. */
double dist_exponential(gsl_rng *r, double mean)
{
	return mean * exp_ziggurat_draw(r);
}

/* A lognormal draw: from its strips (sim/lognormal_strips.h), exact and
 * without an exp on 97.8% of draws, where exp(zeta + sigma Z) with GSL's
 * ziggurat was the largest cost of the bundled scenario after the event
 * calendar; from the definition for a sigma the strips cannot hold. Out of
 * line, so that its draws save no registers for the other kinds'. */
static __attribute__((noinline)) double dist_lognormal(const struct dist *d,
						       gsl_rng *r)
{
	if (d->strips)
		return lognormal_strips_draw(d->strips, r);
	return exp(d->p1 + gsl_ran_gaussian_ziggurat(r, d->p2));
}

/* dist_sample of the kinds other than the lognormal and exponential,
 * which dist_sample takes first; the switch names them too, so that it
 * names every kind. */
static __attribute__((noinline)) double dist_sample_other(const struct dist *d,
							  gsl_rng *r)
{
	switch (d->kind) {
	case DIST_EXPONENTIAL:
		return dist_exponential(r, d->p1);
	case DIST_LOGNORMAL:
		return dist_lognormal(d, r);
	case DIST_GAMMA:
		return gsl_ran_gamma(r, d->p1, d->p2);
	case DIST_WEIBULL:
		return gsl_ran_weibull(r, d->p1, d->p2);
	case DIST_DETERMINISTIC:
		return d->p1;
	case DIST_UNIFORM:
		return gsl_ran_flat(r, d->p1, d->p2);
	case DIST_EMPIRICAL:
		return d->values[gsl_rng_uniform_int(r, d->n_values)];
	}
	assert(!"dist_sample: unknown kind");
	return NAN;
}

/* The lognormal and the exponential first, without the switch: nearly
 * every duration of the bundled scenario is a lognormal, and the queueing
 * models' are exponential. */
double dist_sample(const struct dist *d, gsl_rng *r)
{
	if (d->kind == DIST_LOGNORMAL)
		return dist_lognormal(d, r);
	if (d->kind == DIST_EXPONENTIAL)
		return dist_exponential(r, d->p1);
	return dist_sample_other(d, r);
}

/* GSL's alias table g (gsl_ran_discrete_preproc) read as gsl_ran_discrete
 * reads it, with F[c] kept as (c + F[c]) / K: the same outcome for the same
 * uniform. On the engine's generator the uniform is taken inline (the top
 * 53 bits of one output, as its get_double), without two calls into
 * libgsl a draw: the outcome of every answered call and the area of every
 * incident. */
size_t dist_discrete(const gsl_ran_discrete_t *g, gsl_rng *r)
{
	double u;
	size_t c;

#if ULONG_MAX >= UINT64_MAX
	if (r->type == xoshiro256pp_type())
		u = (double)(xoshiro256pp_u64(r) >> 11) * 0x1.0p-53;
	else
#endif
		u = gsl_rng_uniform(r);
	/* Through int64_t: K and c are far below 2^63, where the signed
	 * conversions give the same numbers as the unsigned ones, without
	 * their tests of the top bit. */
	assert(g->K > 0 && g->K <= INT64_MAX);
	c = (size_t)(int64_t)(u * (double)(int64_t)g->K);
	if (g->F[c] == 1.0 || u < g->F[c])
		return c;
	return g->A[c];
}

/* Weibull with scale l and shape k: E[X^n] = l^n Gamma(1 + n/k). */
static double dist_weibull_raw_moment(const struct dist *d, int n)
{
	/* Through the log-gamma, whose range is wide: for a tiny shape the
	 * moment overflows to inf here instead of tripping GSL's handler. */
	return exp(n * log(d->p1) + gsl_sf_lngamma(1 + n / d->p2));
}

double dist_mean(const struct dist *d)
{
	switch (d->kind) {
	case DIST_EXPONENTIAL:
	case DIST_LOGNORMAL:
	case DIST_GAMMA:
		return d->mean;
	case DIST_WEIBULL:
		return dist_weibull_raw_moment(d, 1);
	case DIST_DETERMINISTIC:
		return d->p1;
	case DIST_UNIFORM:
		return (d->p1 + d->p2) / 2;
	case DIST_EMPIRICAL:
		return d->p1;
	}
	assert(!"dist_mean: unknown kind");
	return NAN;
}

double dist_variance(const struct dist *d)
{
	double m1;

	switch (d->kind) {
	case DIST_EXPONENTIAL:
		return d->mean * d->mean;
	case DIST_LOGNORMAL:
	case DIST_GAMMA:
		/* Moment matching makes the variance sd^2 exactly. */
		return d->sd * d->sd;
	case DIST_WEIBULL:
		m1 = dist_weibull_raw_moment(d, 1);
		return dist_weibull_raw_moment(d, 2) - m1 * m1;
	case DIST_DETERMINISTIC:
		return 0;
	case DIST_UNIFORM:
		return (d->p2 - d->p1) * (d->p2 - d->p1) / 12;
	case DIST_EMPIRICAL:
		return d->p2;
	}
	assert(!"dist_variance: unknown kind");
	return NAN;
}

void dist_clear(struct dist *d)
{
	if (d == NULL)
		return;
	free(d->values);
	free(d->strips);
	memset(d, 0, sizeof *d);
}

enum sim_status dist_copy(struct dist *dst, const struct dist *src)
{
	double *values = NULL;
	struct lognormal_strips *strips = NULL;

	if (src->n_values > 0) {
		values = mem_malloc(src->n_values * sizeof *values);
		if (values == NULL)
			return SIM_ENOMEM;
		memcpy(values, src->values, src->n_values * sizeof *values);
	}
	if (src->strips) {
		strips = mem_malloc(sizeof *strips);
		if (strips == NULL) {
			free(values);
			return SIM_ENOMEM;
		}
		*strips = *src->strips;
	}
	*dst = *src;
	dst->values = values;
	dst->strips = strips;
	return SIM_OK;
}
