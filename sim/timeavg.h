/* timeavg.h: time-weighted accumulation of a piecewise-constant quantity
 * (handlers busy, callers queued). Call timeavg_set at every change; the
 * integral from the start up to any instant is timeavg_integral. O(1), no
 * allocation: these are inline on the hot path. */
#ifndef SIM_TIMEAVG_H
#define SIM_TIMEAVG_H

#include <assert.h>

struct timeavg {
	double t_last_s;   /* time of the last change */
	double value;      /* value since then */
	double integral;   /* integral of value from start to t_last_s */
};

/* Starts at time t_s with value v and a zero integral. */
static inline void timeavg_start(struct timeavg *ta, double t_s, double v)
{
	ta->t_last_s = t_s;
	ta->value = v;
	ta->integral = 0.0;
}

/* Records that the value becomes v at time t_s (t_s >= last change). */
static inline void timeavg_set(struct timeavg *ta, double t_s, double v)
{
	assert(t_s >= ta->t_last_s);
	ta->integral += ta->value * (t_s - ta->t_last_s);
	ta->t_last_s = t_s;
	ta->value = v;
}

/* The integral of the value from the start to t_s (t_s >= last change). */
static inline double timeavg_integral(const struct timeavg *ta, double t_s)
{
	return ta->integral + ta->value * (t_s - ta->t_last_s);
}

#endif
