/* kaplan_meier.c: the product-limit estimate with Greenwood's standard
 * error (kaplan_meier.h). */
#include "models/kaplan_meier.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/mem.h"

/* A time and whether it is an event, sorted by time, events first. */
struct km_obs {
	double t;
	int event;
};

static int km_cmp(const void *a, const void *b)
{
	const struct km_obs *x = a, *y = b;

	if (x->t != y->t)
		return (x->t > y->t) - (x->t < y->t);
	return y->event - x->event;
}

/* Allocates km's arrays for up to n steps. Returns 0, or -1. */
static int km_alloc(struct kaplan_meier *km, size_t n)
{
	size_t m = n ? n : 1;

	km->t = mem_malloc(m * sizeof *km->t);
	km->at_risk = mem_malloc(m * sizeof *km->at_risk);
	km->events = mem_malloc(m * sizeof *km->events);
	km->s = mem_malloc(m * sizeof *km->s);
	km->se = mem_malloc(m * sizeof *km->se);
	return km->t && km->at_risk && km->events && km->s && km->se ? 0 : -1;
}

/* Walks the sorted observations, one step per distinct event time:
 * S *= 1 - d/n, and Greenwood's sum of d / (n (n - d)). */
static void km_steps(const struct km_obs *o, size_t n, struct kaplan_meier *km)
{
	double s = 1, green = 0;
	size_t i = 0;

	while (i < n) {
		size_t at_risk = n - i, d = 0, j = i;

		while (j < n && o[j].t == o[i].t) {
			d += (size_t)o[j].event;
			j++;
		}
		if (d > 0) {
			s *= 1 - (double)d / (double)at_risk;
			if (at_risk > d)
				green += (double)d / ((double)at_risk
						      * (double)(at_risk - d));
			km->t[km->n_steps] = o[i].t;
			km->at_risk[km->n_steps] = at_risk;
			km->events[km->n_steps] = d;
			km->s[km->n_steps] = s;
			km->se[km->n_steps++] = s * sqrt(green);
			km->n_events += d;
		}
		i = j;
	}
}

enum sim_status kaplan_meier_estimate(const double *t,
				      const unsigned char *event, size_t n,
				      struct kaplan_meier *km,
				      struct sim_err *err)
{
	struct km_obs *o = mem_malloc((n ? n : 1) * sizeof *o);

	memset(km, 0, sizeof *km);
	if (!o || km_alloc(km, n) != 0) {
		free(o);
		kaplan_meier_clear(km);
		return sim_err_add(err, SIM_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		o[i].t = t[i];
		o[i].event = event[i] != 0;
		km->t_max = fmax(km->t_max, t[i]);
	}
	qsort(o, n, sizeof *o, km_cmp);
	km->n = n;
	km_steps(o, n, km);
	free(o);
	return SIM_OK;
}

double kaplan_meier_survival(const struct kaplan_meier *km, double x)
{
	size_t lo = 0, hi = km->n_steps;

	/* The number of event times <= x, by bisection. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (km->t[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? 1 : km->s[lo - 1];
}

double kaplan_meier_quantile(const struct kaplan_meier *km, double p)
{
	for (size_t j = 0; j < km->n_steps; j++)
		if (km->s[j] <= p)
			return km->t[j];
	return -1;
}

void kaplan_meier_clear(struct kaplan_meier *km)
{
	if (!km)
		return;
	free(km->t);
	free(km->at_risk);
	free(km->events);
	free(km->s);
	free(km->se);
	memset(km, 0, sizeof *km);
}
