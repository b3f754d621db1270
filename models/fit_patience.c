/* fit_patience.c: Kaplan-Meier and censored maximum likelihood of the
 * callers' patience (fit_patience.h). */
#include "models/fit_patience.h"

#include <math.h>
#include <string.h>

enum sim_status fit_patience_estimate(const double *wait,
				      const unsigned char *abandoned,
				      size_t n, struct fit_patience *p,
				      struct sim_err *err)
{
	static const enum fit_family fams[FIT_PATIENCE_FAMILIES] = {
		FIT_EXPONENTIAL, FIT_LOGNORMAL, FIT_GAMMA, FIT_WEIBULL
	};
	struct fit_sample s = { wait, abandoned, n };
	enum sim_status st;

	memset(p, 0, sizeof *p);
	p->best = -1;
	p->n = n;
	for (size_t i = 0; i < n; i++) {
		p->n_abandoned += abandoned[i] != 0;
		p->longest_wait = fmax(p->longest_wait, wait[i]);
	}
	st = kaplan_meier_estimate(wait, abandoned, n, &p->km, err);
	if (st != SIM_OK || p->n_abandoned < 2)
		return st;
	p->best = fit_distribution_best(&s, fams, FIT_PATIENCE_FAMILIES,
					p->fits, err);
	if (p->best == -2) {
		p->best = -1;
		return SIM_ENOMEM;   /* the only failure once 2 are observed */
	}
	return SIM_OK;
}

void fit_patience_clear(struct fit_patience *p)
{
	if (!p)
		return;
	kaplan_meier_clear(&p->km);
	memset(p, 0, sizeof *p);
	p->best = -1;
}
