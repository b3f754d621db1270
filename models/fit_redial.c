/* fit_redial.c: redial probability and delay by line (fit_redial.h). */
#include "models/fit_redial.h"

#include <math.h>
#include <stdlib.h>

#include "sim/mem.h"

static int fit_redial_by_caller(const void *a, const void *b)
{
	const struct call_log_row *x = *(const struct call_log_row *const *)a;
	const struct call_log_row *y = *(const struct call_log_row *const *)b;

	if (x->caller != y->caller)
		return (x->caller > y->caller) - (x->caller < y->caller);
	return (x->arrived > y->arrived) - (x->arrived < y->arrived);
}

/* The delay from abandoned call a to b, its caller's next call, when b is
 * its redial; else -1. */
static double fit_redial_delay(const struct call_log *log,
			       const struct call_log_row *a,
			       const struct call_log_row *b)
{
	double hung_up = a->arrived + a->wait_s, d;

	if (a->outcome != CALL_LOG_WAS_ABANDONED || !b
	    || b->caller != a->caller)
		return -1;
	d = fmax(b->arrived - hung_up, 0);
	if (log->has[CALL_LOG_REDIAL])
		return b->redial == 1 ? d : -1;
	return d <= FIT_REDIAL_WINDOW_S ? d : -1;
}

/* Marks every redial in fc->redial_row, counts them by line, and returns
 * the longest delay of any (the rows by caller, n). */
static double fit_redial_mark(const struct call_log *log,
			      const struct call_log_row **by, size_t n,
			      struct fit_calls *fc)
{
	double guard = 0;

	for (size_t i = 0; i + 1 < n; i++) {
		double d = fit_redial_delay(log, by[i], by[i + 1]);

		if (d < 0)
			continue;
		guard = fmax(guard, d);
		fc->redial_row[by[i + 1] - log->rows] = 1;
		fc->lines[by[i + 1]->line].n_redials++;
	}
	return guard;
}

void fit_redial_wilson(size_t k, size_t n, double *lo, double *hi)
{
	const double z = 1.959963984540054;
	double p = (double)k / (double)n, nn = (double)n;
	double c = (p + z * z / (2 * nn)) / (1 + z * z / nn);
	double h = z * sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn))
		   / (1 + z * z / nn);

	*lo = fmax(c - h, 0);
	*hi = fmin(c + h, 1);
}

/* Line l's trials and delays, from the rows by caller. */
static enum sim_status fit_redial_line(const struct call_log *log, int l,
				       const struct call_log_row **by,
				       size_t n, double *delays,
				       struct fit_redial *fr,
				       struct sim_err *err)
{
	double end = log->rows[log->n - 1].arrived;
	size_t nd = 0;

	for (size_t i = 0; i < n; i++) {
		const struct call_log_row *a = by[i];
		double d;

		if (a->line != l || a->outcome != CALL_LOG_WAS_ABANDONED)
			continue;
		fr->abandoned++;
		if (a->arrived + a->wait_s + fr->guard_s > end)
			continue;
		fr->trials++;
		d = fit_redial_delay(log, a, i + 1 < n ? by[i + 1] : NULL);
		if (d >= 0)
			delays[nd++] = d;
	}
	fr->redials = nd;
	if (fr->trials > 0) {
		fr->p = (double)nd / (double)fr->trials;
		fit_redial_wilson(nd, fr->trials, &fr->p_lo, &fr->p_hi);
	}
	return fit_calls_duration(delays, nd, &fr->delay, err);
}

enum sim_status fit_redial_estimate(const struct call_log *log,
				    struct fit_calls *fc, struct sim_err *err)
{
	const struct call_log_row **by;
	double *delays, guard = 0;
	size_t n = 0;
	enum sim_status st = SIM_OK;

	if (!log->has[CALL_LOG_CALLER_ID] || log->n == 0)
		return SIM_OK;
	by = mem_malloc(log->n * sizeof *by);
	delays = mem_malloc(log->n * sizeof *delays);
	fc->redial_row = mem_calloc(log->n, 1);
	if (!by || !delays || !fc->redial_row)
		st = sim_err_add(err, SIM_ENOMEM, "out of memory");
	for (size_t i = 0; st == SIM_OK && i < log->n; i++)
		if (log->rows[i].caller >= 0)
			by[n++] = &log->rows[i];
	if (st == SIM_OK) {
		qsort(by, n, sizeof *by, fit_redial_by_caller);
		guard = fit_redial_mark(log, by, n, fc);
	}
	for (int l = 0; st == SIM_OK && l < fc->n_lines; l++) {
		struct fit_redial *fr = &fc->lines[l].redial;

		fr->has = 1;
		fr->guard_s = guard;
		st = fit_redial_line(log, l, by, n, delays, fr, err);
	}
	free(by);
	free(delays);
	return st;
}
