/* fit_distribution.c: maximum-likelihood fits of duration distributions,
 * censored or not, with AIC, KS distance and delta-method intervals
 * (fit_distribution.h). */
#include "models/fit_distribution.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_sf_gamma.h>

#include "sim/mem.h"

#define FIT_ITER_MAX 4000   /* simplex iterations before giving up */
#define FIT_SIZE_TOL 1e-6   /* simplex size at which it has converged */
#define FIT_HESS_H 1e-4     /* step of the central differences */
#define FIT_Z95 1.959963984540054

static const char *const fit_names[FIT_FAMILIES] = {
	"exponential", "lognormal", "gamma", "weibull"
};
static const int fit_n_params[FIT_FAMILIES] = { 1, 2, 2, 2 };

const char *fit_family_name(enum fit_family f)
{
	return fit_names[f];
}

/* A sample's value, with a 0 read as FIT_ZERO_S. */
static double fit_x(const struct fit_sample *s, size_t i)
{
	return s->x[i] > 0 ? s->x[i] : FIT_ZERO_S;
}

/* log density (observed) or log survival (censored) of one value. */
static double fit_log_term(enum fit_family f, const double *th, double x,
			   int observed)
{
	double lx = log(x), k, z;

	switch (f) {
	case FIT_EXPONENTIAL:
		return (observed ? -th[0] : 0) - x * exp(-th[0]);
	case FIT_LOGNORMAL:
		z = (lx - th[0]) / exp(th[1]);
		if (observed)
			return -lx - th[1] - 0.5 * log(2 * M_PI) - 0.5 * z * z;
		return gsl_sf_log_erfc(z / M_SQRT2) - M_LN2;
	case FIT_GAMMA:
		k = exp(th[0]);
		if (observed)
			return (k - 1) * lx - x * exp(-th[1]) - lgamma(k)
				- k * th[1];
		return log(gsl_cdf_gamma_Q(x, k, exp(th[1])));
	default:
		k = exp(th[0]);
		z = exp(k * (lx - th[1]));
		return (observed ? th[0] - th[1] + (k - 1) * (lx - th[1]) : 0)
			- z;
	}
}

struct fit_problem {
	const struct fit_sample *s;
	enum fit_family f;
};

/* The log-likelihood of th. */
static double fit_loglik(const struct fit_problem *p, const double *th)
{
	double sum = 0;

	for (size_t i = 0; i < p->s->n; i++)
		sum += fit_log_term(p->f, th, fit_x(p->s, i),
				    p->s->event ? p->s->event[i] : 1);
	return sum;
}

/* The simplex's objective: the negative log-likelihood a value, so its
 * tolerance does not depend on the sample's size. */
static double fit_objective(const gsl_vector *v, void *params)
{
	const struct fit_problem *p = params;
	double th[2] = { gsl_vector_get(v, 0),
			 v->size > 1 ? gsl_vector_get(v, 1) : 0 };
	double ll = fit_loglik(p, th);

	return isfinite(ll) ? -ll / (double)p->s->n : GSL_POSINF;
}

/* Mean and variance of log x over the observed values, and the mean of x
 * over all (the starting points). */
static void fit_moments(const struct fit_sample *s, double *mlog,
			double *vlog, double *m, double *v)
{
	double sl = 0, sl2 = 0, sx = 0, sx2 = 0, ne = 0;

	for (size_t i = 0; i < s->n; i++) {
		double x = fit_x(s, i), lx = log(x);

		if (s->event && !s->event[i])
			continue;
		ne++;
		sl += lx;
		sl2 += lx * lx;
		sx += x;
		sx2 += x * x;
	}
	*mlog = sl / ne;
	*vlog = fmax(sl2 / ne - *mlog * *mlog, 1e-12);
	*m = sx / ne;
	*v = fmax(sx2 / ne - *m * *m, 1e-12 * *m * *m);
}

/* The closed-form estimate (exponential; lognormal uncensored) or the
 * simplex's start (the moments). Returns 1 when th is already the
 * maximum-likelihood estimate. */
static int fit_start(const struct fit_sample *s, enum fit_family f,
		     size_t n_events, double th[2])
{
	double mlog, vlog, m, v, total = 0;

	fit_moments(s, &mlog, &vlog, &m, &v);
	for (size_t i = 0; i < s->n; i++)
		total += fit_x(s, i);
	/* Censored (patience), the moments are those of the few who hung up,
	 * the impatient ones: the gamma and Weibull start instead from the
	 * exponential's estimate, which both are at shape 1. */
	if (s->event != NULL && (f == FIT_GAMMA || f == FIT_WEIBULL)) {
		th[0] = 0;
		th[1] = log(total / (double)n_events);
		return 0;
	}
	switch (f) {
	case FIT_EXPONENTIAL:
		th[0] = log(total / (double)n_events);
		return 1;
	case FIT_LOGNORMAL:
		th[0] = mlog;
		th[1] = 0.5 * log(vlog);
		return s->event == NULL;
	case FIT_GAMMA:
		th[0] = log(m * m / v);
		th[1] = log(v / m);
		return 0;
	default:
		th[0] = log(1.2 / sqrt(vlog));
		th[1] = mlog + 0.5772 * sqrt(vlog) / 1.2;
		return 0;
	}
}

/* Runs the simplex from th to the maximum. Returns 1 when it converged. */
static int fit_simplex(struct fit_problem *p, int np, double th[2])
{
	const gsl_multimin_fminimizer_type *t = gsl_multimin_fminimizer_nmsimplex2;
	gsl_multimin_function fn = { fit_objective, (size_t)np, p };
	gsl_vector *x = gsl_vector_alloc((size_t)np);
	gsl_vector *step = gsl_vector_alloc((size_t)np);
	gsl_multimin_fminimizer *m = gsl_multimin_fminimizer_alloc(t, (size_t)np);
	int status = GSL_CONTINUE, it = 0;

	if (x && step && m) {
		for (int i = 0; i < np; i++)
			gsl_vector_set(x, (size_t)i, th[i]);
		gsl_vector_set_all(step, 0.2);
		gsl_multimin_fminimizer_set(m, &fn, x, step);
		while (status == GSL_CONTINUE && it++ < FIT_ITER_MAX) {
			if (gsl_multimin_fminimizer_iterate(m))
				break;
			status = gsl_multimin_test_size(
				gsl_multimin_fminimizer_size(m), FIT_SIZE_TOL);
		}
		for (int i = 0; i < np; i++)
			th[i] = gsl_vector_get(m->x, (size_t)i);
	}
	gsl_multimin_fminimizer_free(m);
	gsl_vector_free(step);
	gsl_vector_free(x);
	return status == GSL_SUCCESS && isfinite(th[0]) && isfinite(th[1]);
}

/* Mean and sd of family f at th. */
static void fit_mean_sd(enum fit_family f, const double *th, double *mean,
			double *sd)
{
	double k = exp(th[0]), s2, g1;

	switch (f) {
	case FIT_EXPONENTIAL:
		*mean = *sd = exp(th[0]);
		return;
	case FIT_LOGNORMAL:
		s2 = exp(2 * th[1]);
		*mean = exp(th[0] + 0.5 * s2);
		*sd = *mean * sqrt(expm1(s2));
		return;
	case FIT_GAMMA:
		*mean = k * exp(th[1]);
		*sd = sqrt(k) * exp(th[1]);
		return;
	default:
		g1 = exp(lgamma(1 + 1 / k));
		*mean = exp(th[1]) * g1;
		*sd = exp(th[1]) * sqrt(fmax(exp(lgamma(1 + 2 / k)) - g1 * g1,
					     0));
		return;
	}
}

/* The negative log-likelihood at th moved by di along i and dj along j. */
static double fit_nll_at(const struct fit_problem *p, const double *th,
			 int i, double di, int j, double dj)
{
	double t[2] = { th[0], th[1] };

	t[i] += di;
	t[j] += dj;
	return -fit_loglik(p, t);
}

/* The covariance of the estimate: the inverse of the observed information
 * (the Hessian of the negative log-likelihood, by central differences).
 * Returns 0 when the Hessian is not positive definite. */
static int fit_covariance(const struct fit_problem *p, int np,
			  const double *th, double cov[2][2])
{
	double h = FIT_HESS_H, a[4];
	gsl_matrix_view mv = gsl_matrix_view_array(a, (size_t)np, (size_t)np);
	int rc;

	for (int i = 0; i < np; i++)
		for (int j = 0; j < np; j++)
			gsl_matrix_set(&mv.matrix, (size_t)i, (size_t)j,
				       (fit_nll_at(p, th, i, h, j, h)
					- fit_nll_at(p, th, i, h, j, -h)
					- fit_nll_at(p, th, i, -h, j, h)
					+ fit_nll_at(p, th, i, -h, j, -h))
				       / (4 * h * h));
	rc = gsl_linalg_cholesky_decomp1(&mv.matrix);
	if (rc == GSL_SUCCESS)
		rc = gsl_linalg_cholesky_invert(&mv.matrix);
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			cov[i][j] = i < np && j < np
				? gsl_matrix_get(&mv.matrix, (size_t)i,
						 (size_t)j) : 0;
	return rc == GSL_SUCCESS;
}

/* The 95% interval of g (0 log mean, 1 log sd) by the delta method. */
static void fit_interval(const struct fit_result *r, int np,
			 double cov[2][2], int which, double *lo, double *hi)
{
	double grad[2] = { 0, 0 }, var = 0, h = FIT_HESS_H, v0, m, s, g;

	fit_mean_sd(r->family, r->theta, &m, &s);
	v0 = log(which ? s : m);
	for (int i = 0; i < np; i++) {
		double t[2] = { r->theta[0], r->theta[1] };

		t[i] += h;
		fit_mean_sd(r->family, t, &m, &s);
		grad[i] = (log(which ? s : m) - v0) / h;
	}
	for (int i = 0; i < np; i++)
		for (int j = 0; j < np; j++)
			var += grad[i] * cov[i][j] * grad[j];
	g = FIT_Z95 * sqrt(fmax(var, 0));
	*lo = exp(v0 - g);
	*hi = exp(v0 + g);
}

static int fit_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The Kolmogorov-Smirnov distance of an uncensored fit to its sample. */
static enum sim_status fit_ks(const struct fit_sample *s,
			      struct fit_result *r, struct sim_err *err)
{
	double *x = mem_malloc(s->n * sizeof *x), d = 0;

	if (!x)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t i = 0; i < s->n; i++)
		x[i] = fit_x(s, i);
	qsort(x, s->n, sizeof *x, fit_cmp_double);
	for (size_t i = 0; i < s->n; i++) {
		double f = fit_distribution_cdf(r, x[i]);

		d = fmax(d, fmax((double)(i + 1) / (double)s->n - f,
				 f - (double)i / (double)s->n));
	}
	free(x);
	r->ks = d;
	return SIM_OK;
}

double fit_distribution_cdf(const struct fit_result *r, double x)
{
	double k = exp(r->theta[0]), sc = exp(r->theta[1]);

	switch (r->family) {
	case FIT_EXPONENTIAL:
		return gsl_cdf_exponential_P(x, exp(r->theta[0]));
	case FIT_LOGNORMAL:
		return gsl_cdf_lognormal_P(x, r->theta[0], sc);
	case FIT_GAMMA:
		return gsl_cdf_gamma_P(x, k, sc);
	default:
		return gsl_cdf_weibull_P(x, sc, k);
	}
}

/* The figures of a converged fit: likelihood, AIC, mean, sd, intervals. */
static void fit_figures(const struct fit_problem *p, int np,
			struct fit_result *r)
{
	double cov[2][2];

	r->loglik = fit_loglik(p, r->theta);
	r->aic = 2 * np - 2 * r->loglik;
	fit_mean_sd(r->family, r->theta, &r->mean, &r->sd);
	r->shape = r->family == FIT_EXPONENTIAL ? 1 : exp(r->theta[0]);
	r->scale = exp(r->theta[r->family == FIT_EXPONENTIAL ? 0 : 1]);
	if (!fit_covariance(p, np, r->theta, cov)) {
		r->ok = 0;
		return;
	}
	fit_interval(r, np, cov, 0, &r->mean_lo, &r->mean_hi);
	fit_interval(r, np, cov, 1, &r->sd_lo, &r->sd_hi);
}

enum sim_status fit_distribution(const struct fit_sample *s, enum fit_family f,
				 struct fit_result *out, struct sim_err *err)
{
	struct fit_problem p = { s, f };
	int np = fit_n_params[f];
	size_t ne = 0;

	memset(out, 0, sizeof *out);
	out->family = f;
	out->n = s->n;
	out->ks = -1;
	for (size_t i = 0; i < s->n; i++)
		ne += s->event ? s->event[i] != 0 : 1;
	out->n_events = ne;
	if (ne < 2)
		return sim_err_add(err, SIM_EINVAL, "%zu observed value%s: a "
				   "fit needs at least 2", ne,
				   ne == 1 ? "" : "s");
	out->ok = fit_start(s, f, ne, out->theta)
		|| fit_simplex(&p, np, out->theta);
	if (out->ok)
		fit_figures(&p, np, out);
	if (!fit_distribution_eligible(out) || s->event != NULL)
		return SIM_OK;
	return fit_ks(s, out, err);
}

int fit_distribution_eligible(struct fit_result *r)
{
	/* The values written must be inside the bound; !(v <= bound) also
	 * catches a NaN or an infinity from a runaway estimate. */
	if (!r->ok)
		r->aside = FIT_ASIDE_NO_MAXIMUM;
	else if (!(r->mean <= FIT_BOUND_S) || !(r->sd <= FIT_BOUND_S)
		 || !(r->scale <= FIT_BOUND_S))
		r->aside = FIT_ASIDE_BEYOND_BOUND;
	else
		r->aside = FIT_ELIGIBLE;
	return r->aside == FIT_ELIGIBLE;
}

const char *fit_distribution_aside_text(const struct fit_result *r,
					char *buf, size_t size)
{
	const char *what = "mean";
	double v = r->mean;

	if (r->aside == FIT_ELIGIBLE)
		snprintf(buf, size, "%s", "");
	else if (r->aside == FIT_ASIDE_NO_MAXIMUM)
		snprintf(buf, size, "no maximum found (the simplex did not "
			 "converge, or the likelihood is flat there)");
	else {
		if (r->mean <= FIT_BOUND_S && !(r->sd <= FIT_BOUND_S)) {
			what = "sd";
			v = r->sd;
		} else if (r->mean <= FIT_BOUND_S) {
			what = "scale";
			v = r->scale;
		}
		snprintf(buf, size, "%s %.2g s is beyond what the data can "
			 "support (bound 1e%.0f s)", what, v,
			 log10(FIT_BOUND_S));
	}
	return buf;
}

/* Of the eligible fits within FIT_AIC_NEAR of the lowest AIC (index
 * low), the one with the fewest parameters, the lowest AIC among those. */
static int fit_distribution_simplest(const struct fit_result *out, int n,
				     int low)
{
	int best = low;

	for (int i = 0; i < n; i++) {
		int np = fit_n_params[out[i].family];
		int nb = fit_n_params[out[best].family];

		if (out[i].aside != FIT_ELIGIBLE
		    || out[i].aic > out[low].aic + FIT_AIC_NEAR)
			continue;
		if (np < nb || (np == nb && out[i].aic < out[best].aic))
			best = i;
	}
	return best;
}

int fit_distribution_best(const struct fit_sample *s,
			  const enum fit_family *families, int n,
			  struct fit_result *out, struct sim_err *err)
{
	int low = -1;

	for (int i = 0; i < n; i++) {
		if (fit_distribution(s, families[i], &out[i], err) != SIM_OK)
			return -2;
		if (out[i].aside == FIT_ELIGIBLE
		    && (low < 0 || out[i].aic < out[low].aic))
			low = i;
	}
	return low < 0 ? -1 : fit_distribution_simplest(out, n, low);
}
