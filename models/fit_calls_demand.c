/* fit_calls_demand.c: the volume, hour-of-week profile and month factors
 * of each line, and the staffing of each pool, from a call log
 * (fit_calls.h). */
#include "models/fit_calls.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "models/demand.h"
#include "models/local_time.h"
#include "sim/mem.h"

/* Whether hour [h, h + 1) of scenario time lies within a gap of the log,
 * wholly (no call could have been seen in it). */
static int fit_calls_in_gap(const struct call_log *log,
			    const struct fit_calls *fc, double h)
{
	double a = fc->origin_utc + h * 3600, b = a + 3600;

	for (size_t g = 0; g < log->n_gaps; g++)
		if (log->gaps[g].from <= a && b <= log->gaps[g].to)
			return 1;
	return 0;
}

/* The local hour (from 0, at the scenario's start) of instant utc_s: the
 * simulator reads its profile and months on the local clock, so across a
 * clock change an hour of the week is the hour the clock showed. */
static long fit_calls_hour(const struct fit_calls *fc, double utc_s)
{
	return (long)floor(local_time_since(fc->origin_utc, utc_s) / 3600);
}

/* The hour of the week (0: Monday 00:00 local) of local hour lh from the
 * scenario's start. */
static int fit_calls_how(const struct fit_calls *fc, long lh)
{
	return (int)((lh + fc->week0_h) % 168);
}

/* The hours observed of each hour of the week in each month, and the
 * period. */
static void fit_calls_exposure(const struct call_log *log,
			       struct fit_calls *fc)
{
	struct demand_date start = { fc->start_year, fc->start_month,
				     fc->start_mday };
	double first = log->rows[0].arrived - fc->origin_utc;
	double last = log->rows[log->n - 1].arrived - fc->origin_utc;
	long h0 = (long)floor(first / 3600), h1 = (long)floor(last / 3600) + 1;

	fc->period_from_s = (double)h0 * 3600;
	fc->period_to_s = (double)h1 * 3600;
	for (long h = h0; h < h1; h++) {
		if (fit_calls_in_gap(log, fc, (double)h))
			continue;
		long lh = fit_calls_hour(fc, fc->origin_utc + (double)h * 3600);

		fc->exposure[fit_calls_how(fc, lh)]
			    [demand_month_of_day(start, lh / 24) - 1]++;
		fc->hours_observed++;
	}
}


/* Counts each line's calls by hour of the week and month, into
 * count[line][168][12]. */
static void fit_calls_count(const struct call_log *log, struct fit_calls *fc,
			    double (*count)[168][12])
{
	struct demand_date start = { fc->start_year, fc->start_month,
				     fc->start_mday };

	for (size_t i = 0; i < log->n; i++) {
		const struct call_log_row *r = &log->rows[i];
		long h = fit_calls_hour(fc, r->arrived);
		int m = demand_month_of_day(start, h / 24) - 1;

		if (fc->redial_row && fc->redial_row[i])
			continue;   /* the fitted redial brings it */
		count[r->line][fit_calls_how(fc, h)][m]++;
		fc->lines[r->line].calls_how[fit_calls_how(fc, h)]++;
		fc->lines[r->line].calls_month[m]++;
		fit_quarter_count(&fc->lines[r->line].quarter, fit_calls_how(fc, h),
				  fit_quarter_of(local_time_since(
					  fc->origin_utc, r->arrived)));
	}
}

/* The Poisson maximum likelihood of the rates p[k] m[j] (hour of the week
 * k, month j) from the calls c and hours observed e of each pair, by
 * iterative proportional fitting: each factor in turn is its calls over
 * its hours weighted by the other factor. Without months (use_months 0),
 * p is calls over hours and m is 1. p[k] is -1 for an hour never
 * observed. */
static void fit_calls_ipf(const double (*e)[12], const double (*c)[12],
			  int use_months, double p[168], double m[12])
{
	for (int j = 0; j < 12; j++)
		m[j] = 1;
	for (int it = 0; it < (use_months ? 100 : 1); it++) {
		for (int k = 0; k < 168; k++) {
			double num = 0, den = 0;

			for (int j = 0; j < 12; j++) {
				num += c[k][j];
				den += e[k][j] * m[j];
			}
			p[k] = den > 0 ? num / den : -1;
		}
		for (int j = 0; use_months && j < 12; j++) {
			double num = 0, den = 0;

			for (int k = 0; k < 168; k++) {
				num += c[k][j];
				den += e[k][j] * fmax(p[k], 0);
			}
			m[j] = den > 0 ? num / den : 1;
		}
	}
}

/* Line fl's volume, profile and month factors from its counts: the
 * profile rescaled to mean 1 over the hours of the week observed (1 for
 * the others), the month factors to mean 1 over the hours observed, and
 * the volume the mean rate they leave. */
static void fit_calls_rates(const struct fit_calls *fc, struct fit_line *fl,
			    const double (*count)[12], int use_months)
{
	double p[168], m[12], pbar = 0, mbar = 0, hours[12] = { 0 };
	int n_obs = 0;

	fit_calls_ipf((const double (*)[12])fc->exposure, count, use_months,
		      p, m);
	for (int k = 0; k < 168; k++) {
		for (int j = 0; j < 12; j++)
			hours[j] += fc->exposure[k][j];
		pbar += p[k] >= 0 ? p[k] : 0;
		n_obs += p[k] >= 0;
	}
	pbar = n_obs && pbar > 0 ? pbar / n_obs : 1;
	for (int j = 0; j < 12; j++)
		mbar += hours[j] * m[j] * pbar / fc->hours_observed;
	for (int k = 0; k < 168; k++) {
		fl->profile_hours[k] = p[k] >= 0 ? 1 : 0;
		fl->profile[k] = p[k] >= 0 ? p[k] / pbar : 1;
	}
	for (int j = 0; j < 12; j++)
		fl->month[j] = hours[j] > 0 && mbar > 0 ? m[j] * pbar / mbar : 1;
	fl->per_year = mbar * 8760;
	fl->has_months = use_months;
}

/* Line fl's quarter-hour profile and the test of it against the hourly
 * one (fit_quarter.h), from the hours observed of each hour of the week;
 * 168 factors until fit_quarter_choose says otherwise. */
static void fit_calls_quarters(const struct fit_calls *fc,
			       struct fit_line *fl)
{
	double hours[168];

	for (int k = 0; k < 168; k++) {
		hours[k] = 0;
		for (int j = 0; j < 12; j++)
			hours[k] += fc->exposure[k][j];
	}
	fit_quarter_estimate(&fl->quarter, fl->profile, hours);
}

/* A handler seen answering: pool, hour of scenario time, number. */
struct fit_calls_seen {
	long hour;
	int pool, handler;
};

static int fit_calls_seen_cmp(const void *a, const void *b)
{
	const struct fit_calls_seen *x = a, *y = b;

	if (x->pool != y->pool)
		return x->pool - y->pool;
	if (x->hour != y->hour)
		return (x->hour > y->hour) - (x->hour < y->hour);
	return x->handler - y->handler;
}

/* The handlers seen answering, sorted by pool, hour and number; *n. */
static struct fit_calls_seen *fit_calls_seen_list(const struct call_log *log,
						  struct fit_calls *fc,
						  size_t *n)
{
	struct fit_calls_seen *e = mem_malloc((log->n + 1) * sizeof *e);

	*n = 0;
	for (size_t i = 0; e && i < log->n; i++) {
		const struct call_log_row *r = &log->rows[i];

		if (r->outcome != CALL_LOG_WAS_ANSWERED || r->pool < 0
		    || r->handler < 1)
			continue;
		e[(*n)++] = (struct fit_calls_seen){
			fit_calls_hour(fc, r->arrived + r->wait_s), r->pool,
			r->handler };
		fc->pools[r->pool].serves |= 1ULL << r->line;
		fc->pools[r->pool].n_answered++;
	}
	if (e)
		qsort(e, *n, sizeof *e, fit_calls_seen_cmp);
	return e;
}

/* Each pool's staffing: in each hour of the day (of scenario time, as
 * shifts are laid out), the most distinct handlers seen answering within
 * one such hour of the log. Returns SIM_OK or SIM_ENOMEM. */
static enum sim_status fit_calls_staffing(const struct call_log *log,
					  struct fit_calls *fc,
					  struct sim_err *err)
{
	size_t n, i = 0;
	struct fit_calls_seen *e = fit_calls_seen_list(log, fc, &n);

	if (!e)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	fc->n_pools = log->n_pools;
	fc->staff_from_handlers = 1;
	while (i < n) {
		size_t j = i;
		int distinct = 0;
		int *staff = &fc->pools[e[i].pool].staff[e[i].hour % 24];

		for (; j < n && e[j].pool == e[i].pool && e[j].hour == e[i].hour;
		     j++)
			distinct += j == i || e[j].handler != e[j - 1].handler;
		if (distinct > *staff)
			*staff = distinct;
		i = j;
	}
	free(e);
	return SIM_OK;
}

/* A call in hand: from its answer to the end of its wrap-up (+1), or its
 * end (-1), of a pool. */
struct fit_calls_busy {
	double t;
	int pool, step;
};

static int fit_calls_busy_cmp(const void *a, const void *b)
{
	const struct fit_calls_busy *x = a, *y = b;

	if (x->t != y->t)
		return (x->t > y->t) - (x->t < y->t);
	return x->step - y->step;    /* ends first: a handler freed */
}

/* The starts and ends of the calls in hand, sorted; *n of them. */
static struct fit_calls_busy *fit_calls_busy_list(const struct call_log *log,
						  struct fit_calls *fc,
						  size_t *n)
{
	struct fit_calls_busy *e = mem_malloc((2 * log->n + 1) * sizeof *e);

	*n = 0;
	for (size_t i = 0; e && i < log->n; i++) {
		const struct call_log_row *r = &log->rows[i];
		double t0 = r->arrived + r->wait_s;
		int p = r->pool < 0 ? 0 : r->pool;

		if (r->outcome != CALL_LOG_WAS_ANSWERED || isnan(r->talk_s))
			continue;
		e[(*n)++] = (struct fit_calls_busy){ t0, p, 1 };
		/* Each time is to the millisecond, so an end is taken 2 ms
		 * early: a handler freed and answering at once is one. */
		e[(*n)++] = (struct fit_calls_busy){
			t0 + r->talk_s + (isnan(r->wrap_s) ? 0 : r->wrap_s)
			- 0.002, p, -1 };
		fc->pools[p].serves |= 1ULL << r->line;
		fc->pools[p].n_answered++;
	}
	if (e)
		qsort(e, *n, sizeof *e, fit_calls_busy_cmp);
	return e;
}

/* Each pool's staffing when the log numbers no handler: the most calls
 * in hand at once in each hour of the day, a level held over the hours
 * it lasts. Returns SIM_OK or SIM_ENOMEM. */
static enum sim_status fit_calls_busy_staffing(const struct call_log *log,
					       struct fit_calls *fc,
					       struct sim_err *err)
{
	int busy[CALL_LOG_NAMES_MAX] = { 0 };
	long last[CALL_LOG_NAMES_MAX];
	size_t n;
	struct fit_calls_busy *e = fit_calls_busy_list(log, fc, &n);

	if (!e)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	fc->n_pools = log->n_pools ? log->n_pools : 1;
	for (int p = 0; p < CALL_LOG_NAMES_MAX; p++)
		last[p] = -1;
	for (size_t i = 0; i < n; i++) {
		struct fit_pool *fp = &fc->pools[e[i].pool];
		long h = fit_calls_hour(fc, e[i].t);
		long from = last[e[i].pool] < 0 ? h : last[e[i].pool] + 1;

		for (long k = from; k <= h && k < from + 24; k++)
			if (busy[e[i].pool] > fp->staff[k % 24])
				fp->staff[k % 24] = busy[e[i].pool];
		last[e[i].pool] = h;
		busy[e[i].pool] += e[i].step;
		if (busy[e[i].pool] > fp->staff[h % 24])
			fp->staff[h % 24] = busy[e[i].pool];
	}
	free(e);
	return SIM_OK;
}

/* Whether two calendar months or more have FIT_CALLS_MONTH_DAYS days
 * observed each. */
static int fit_calls_use_months(const struct fit_calls *fc)
{
	int n = 0;

	for (int j = 0; j < 12; j++) {
		double h = 0;

		for (int k = 0; k < 168; k++)
			h += fc->exposure[k][j];
		n += h >= FIT_CALLS_MONTH_DAYS * 24;
	}
	return n >= 2;
}

enum sim_status fit_calls_demand(const struct call_log *log,
				 struct fit_calls *fc, struct sim_err *err)
{
	double (*count)[168][12] = mem_calloc((size_t)fc->n_lines,
					      sizeof *count);

	if (!count)
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	fit_calls_exposure(log, fc);
	fit_calls_count(log, fc, count);
	for (int l = 0; l < fc->n_lines; l++) {
		fit_calls_rates(fc, &fc->lines[l],
				(const double (*)[12])count[l],
				fit_calls_use_months(fc));
		fit_calls_quarters(fc, &fc->lines[l]);
	}
	free(count);
	if (log->has[CALL_LOG_HANDLER] && log->n_pools > 0)
		return fit_calls_staffing(log, fc, err);
	return fit_calls_busy_staffing(log, fc, err);
}
