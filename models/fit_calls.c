/* fit_calls.c: the durations and patience of each line of a call log
 * (fit_calls.h); the demand and staffing are in fit_calls_demand.c. */
#include "models/fit_calls.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/fit_redial.h"
#include "models/local_time.h"
#include "models/log_time.h"
#include "sim/mem.h"

static int fit_calls_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* FIT_CALLS_QUANTILES equally likely values of the sample x (sorted in
 * place): the quantiles at (i + 0.5) / Q, interpolated. */
static void fit_calls_quantiles(double *x, size_t n, double *q)
{
	qsort(x, n, sizeof *x, fit_calls_cmp);
	for (int i = 0; i < FIT_CALLS_QUANTILES; i++) {
		double pos = ((i + 0.5) / FIT_CALLS_QUANTILES) * (double)n - 0.5;
		size_t k = pos <= 0 ? 0 : (size_t)pos;
		double f = pos <= 0 ? 0 : pos - (double)k;

		q[i] = k + 1 < n ? x[k] + f * (x[k + 1] - x[k]) : x[n - 1];
	}
}

/* A distance of 0.03 matters little to a run but is more than a sample
 * of a few hundred values shows by chance from its own family: the
 * Kolmogorov distribution's 95% point is 1.36 / sqrt(n) for a law given
 * in advance, and a law fitted to the sample lies closer to it (the
 * Lilliefors points are smaller), so a distance below the noise is no
 * evidence against the family. Above n = (1.36 / 0.03)^2 = 2,055 the
 * fixed 0.03 rules. */
double fit_calls_ks_max(size_t n)
{
	double noise = n > 0 ? FIT_CALLS_KS_NOISE / sqrt((double)n) : 1;

	return fmax(FIT_CALLS_KS_MAX, noise);
}

enum sim_status fit_calls_duration(double *x, size_t n,
				   struct fit_duration *d, struct sim_err *err)
{
	static const enum fit_family fams[FIT_FAMILIES] = {
		FIT_EXPONENTIAL, FIT_LOGNORMAL, FIT_GAMMA, FIT_WEIBULL
	};
	struct fit_sample s = { x, NULL, n };
	size_t zero = 0;

	d->n = n;
	d->best = -1;
	d->ks_max = fit_calls_ks_max(n);
	for (size_t i = 0; i < n; i++)
		zero += x[i] == 0;
	d->all_zero = n > 0 && zero == n;
	if (n < 2 || d->all_zero)
		return SIM_OK;
	d->best = fit_distribution_best(&s, fams, FIT_FAMILIES, d->fits, err);
	if (d->best == -2) {
		d->best = -1;
		return SIM_ENOMEM;
	}
	d->empirical = d->best < 0 || d->fits[d->best].ks > d->ks_max;
	/* Kept whether written or not: the fit's report sets them against
	 * the family fitted. */
	fit_calls_quantiles(x, n, d->quantiles);
	return SIM_OK;
}

/* The samples of one line: talk, wrap-up, waits and who hung up. */
struct fit_calls_samples {
	double *talk, *wrap, *wait;
	unsigned char *gave_up;
	size_t n_talk, n_wrap, n_wait;
};

/* Collects line l's samples from log into s (arrays of log->n). */
static void fit_calls_collect(const struct call_log *log, int l,
			      struct fit_calls_samples *s,
			      struct fit_line *fl)
{
	for (size_t i = 0; i < log->n; i++) {
		const struct call_log_row *r = &log->rows[i];

		if (r->line != l)
			continue;
		fl->n_calls++;
		fl->n_answered += r->outcome == CALL_LOG_WAS_ANSWERED;
		fl->n_abandoned += r->outcome == CALL_LOG_WAS_ABANDONED;
		fl->n_duplicates += r->outcome == CALL_LOG_WAS_ANSWERED
				    && r->duplicate == 1;
		fl->n_waiting += r->outcome == CALL_LOG_STILL_WAITING;
		if (r->outcome == CALL_LOG_WAS_ANSWERED && !isnan(r->talk_s))
			s->talk[s->n_talk++] = r->talk_s;
		if (r->outcome == CALL_LOG_WAS_ANSWERED && !isnan(r->wrap_s))
			s->wrap[s->n_wrap++] = r->wrap_s;
		s->wait[s->n_wait] = r->wait_s;
		s->gave_up[s->n_wait++] = r->outcome == CALL_LOG_WAS_ABANDONED;
	}
}

/* Fits line l's handle, wrap-up and patience. */
static enum sim_status fit_calls_line(const struct call_log *log, int l,
				      struct fit_calls_samples *s,
				      struct fit_line *fl, struct sim_err *err)
{
	enum sim_status st;

	s->n_talk = s->n_wrap = s->n_wait = 0;
	fit_calls_collect(log, l, s, fl);
	st = fit_calls_duration(s->talk, s->n_talk, &fl->handle, err);
	if (st == SIM_OK)
		st = fit_calls_duration(s->wrap, s->n_wrap, &fl->wrap, err);
	if (st == SIM_OK)
		st = fit_patience_estimate(s->wait, s->gave_up, s->n_wait,
					   &fl->patience, err);
	return st;
}

/* Scenario time 0: 00:00 local time on the first call's date (a
 * scenario may start on any day, and a log's first day is the natural
 * one: no day before it to simulate and leave uncounted). */
static void fit_calls_origin(const struct call_log *log, struct fit_calls *fc)
{
	int wd;
	double sod;
	struct demand_date date;

	log_time_local(log->rows[0].arrived, &date.year, &date.month,
		       &date.mday, &sod, &wd);
	fc->start_year = date.year;
	fc->start_month = date.month;
	fc->start_mday = date.mday;
	fc->week0_h = 24 * wd;
	fc->origin_utc = (double)local_time_midnight_utc(date);
}

enum sim_status fit_calls_estimate(const struct call_log *log,
				   struct fit_calls *fc, struct sim_err *err)
{
	struct fit_calls_samples s = { 0 };
	size_t m = log->n ? log->n : 1;
	enum sim_status st = SIM_OK;

	memset(fc, 0, sizeof *fc);
	if (log->n == 0)
		return sim_err_add(err, SIM_EINVAL, "the log holds no call to "
				   "fit");
	s.talk = mem_malloc(m * sizeof *s.talk);
	s.wrap = mem_malloc(m * sizeof *s.wrap);
	s.wait = mem_malloc(m * sizeof *s.wait);
	s.gave_up = mem_malloc(m);
	if (!s.talk || !s.wrap || !s.wait || !s.gave_up)
		st = sim_err_add(err, SIM_ENOMEM, "out of memory");
	fc->n_lines = log->n_lines;
	fc->n_calls = log->n;
	for (int l = 0; st == SIM_OK && l < log->n_lines; l++)
		st = fit_calls_line(log, l, &s, &fc->lines[l], err);
	free(s.talk);
	free(s.wrap);
	free(s.wait);
	free(s.gave_up);
	if (st != SIM_OK)
		return st;
	fit_calls_origin(log, fc);
	st = fit_redial_estimate(log, fc, err);
	return st == SIM_OK ? fit_calls_demand(log, fc, err) : st;
}

void fit_calls_clear(struct fit_calls *fc)
{
	if (!fc)
		return;
	for (int l = 0; l < fc->n_lines; l++)
		fit_patience_clear(&fc->lines[l].patience);
	free(fc->redial_row);
	memset(fc, 0, sizeof *fc);
}
