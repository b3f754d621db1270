/* fit_patience.h: callers' patience from the waits of a call log, where
 * it is seen only for those who hung up: an abandoned call observes its
 * caller's patience at its wait; an answered call, or one still waiting
 * when the log ends, only says the patience was longer (right-censored).
 *
 * The estimate is the Kaplan-Meier survival curve (kaplan_meier.h) and
 * the best by AIC of an exponential, a lognormal, a gamma and a Weibull
 * fitted by censored maximum likelihood (fit_distribution.h: an abandoned
 * call adds its log density, an answered one its log survival, GSL's
 * gsl_cdf_*_Q for the gamma), with 95% intervals from the
 * observed information, among those eligible (a family whose estimate
 * runs beyond a scenario's bound, as a lognormal's does when the tail is
 * barely identified, is set aside; none eligible: nothing is written).
 * Beyond the longest wait observed the data say nothing, so the tail
 * there is the parametric fit's. The mean of the abandoned callers'
 * waits, which is biased low (the patient ones were answered first), is
 * never used. */
#ifndef MODELS_FIT_PATIENCE_H
#define MODELS_FIT_PATIENCE_H

#include <stddef.h>

#include "models/fit_distribution.h"
#include "models/kaplan_meier.h"

#define FIT_PATIENCE_FAMILIES 4    /* exponential, lognormal, gamma,
					Weibull */

struct fit_patience {
	struct kaplan_meier km;
	struct fit_result fits[FIT_PATIENCE_FAMILIES];
	int best;                   /* index into fits, -1: none fitted */
	size_t n, n_abandoned;
	double longest_wait;        /* the longest wait, any outcome */
};

/* Estimates patience from n waits, abandoned[i] 1 where the caller hung
 * up. With fewer than 2 abandoned calls nothing is fitted (best -1); with
 * 2 or more and no family eligible, best is -1 and fits say why.
 * Returns SIM_OK or SIM_ENOMEM; free with fit_patience_clear. */
enum sim_status fit_patience_estimate(const double *wait,
				      const unsigned char *abandoned,
				      size_t n, struct fit_patience *p,
				      struct sim_err *err);
/* Frees what p owns and zeroes it; NULL is a no-op. */
void fit_patience_clear(struct fit_patience *p);

#endif
