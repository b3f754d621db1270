/* kaplan_meier.h: the Kaplan-Meier estimate of a survival function from
 * right-censored times (a caller's patience: abandoned calls observe it at
 * their wait, answered calls censor it there), with Greenwood's standard
 * error.
 *
 * At a time where events and censorings tie, the events come first (the
 * usual convention: a caller answered at 20 s was still at risk of
 * hanging up at 20 s). S(t) is a step function, right-continuous, 1 before
 * the first event; beyond the longest time observed it is not estimated.
 * The estimate owns its arrays; kaplan_meier_clear frees them. */
#ifndef MODELS_KAPLAN_MEIER_H
#define MODELS_KAPLAN_MEIER_H

#include <stddef.h>

#include "sim/sim_err.h"

struct kaplan_meier {
	size_t n_steps;          /* distinct event times */
	double *t;               /* the event times, increasing */
	size_t *at_risk;         /* n_j: still at risk just before t[j] */
	size_t *events;          /* d_j: events at t[j] */
	double *s;               /* S(t[j]) */
	double *se;              /* Greenwood's standard error of s[j] */
	double t_max;            /* the longest time, event or censored */
	size_t n, n_events;
};

/* Estimates S from n times (>= 0), each an event where event[i] is 1,
 * else censored. Returns SIM_OK, or SIM_ENOMEM (err filled, km empty). */
enum sim_status kaplan_meier_estimate(const double *t,
				      const unsigned char *event, size_t n,
				      struct kaplan_meier *km,
				      struct sim_err *err);
/* S(x): 1 before the first event, the step at or before x otherwise
 * (past t_max, the last value, which is only a bound). */
double kaplan_meier_survival(const struct kaplan_meier *km, double x);
/* The smallest event time at which S falls to p or below, or -1 when S
 * stays above p over what was observed. */
double kaplan_meier_quantile(const struct kaplan_meier *km, double p);
/* Frees what km owns and zeroes it; NULL is a no-op. */
void kaplan_meier_clear(struct kaplan_meier *km);

#endif
