/* local_hour.h: the local hour of the week and the counted day of a
 * time, kept for the stretch of time over which both hold.
 *
 * Every counted call (and incident) is tallied by the hour of the week
 * and the day it began in, read on the local clock (models/local_clock.h):
 * two divisions and a remainder a call. Calls come hundreds to an hour,
 * so the reading is kept with the stretch [lo, hi) of scenario time over
 * which it cannot change, and only a time outside it is read again. The
 * stretch starts at the time read exactly and stops short of the next
 * hour, day or change of the clocks by more than the rounding of the
 * reading, so a kept reading is always the one a fresh reading gives. */
#ifndef MODELS_LOCAL_HOUR_H
#define MODELS_LOCAL_HOUR_H

#include <stddef.h>
#include <stdint.h>

#include "models/local_clock.h"

struct local_hour {
	double lo, hi;       /* scenario times the reading holds over; */
	size_t hour, day;    /* empty (lo > hi) before the first */
	double warmup_s;     /* the counted days start here (local seconds) */
	size_t n_days;       /* days past the last count in the last */
};

/* An empty reading for counted days from warmup_s (run.warmup_s), n_days
 * of them (replication_days). */
void local_hour_init(struct local_hour *lh, double warmup_s, size_t n_days);
/* Reads scenario time t >= warmup_s afresh into lh, and its stretch. */
void local_hour_fill(struct local_hour *lh, const struct local_clock *c,
		     struct local_span *sp, double t);

/* The reading of time t in lh (lh->hour: the local hour of the week,
 * 0 = Monday 00:00; lh->day: the counted day, replication_day_of). */
static inline void local_hour_read(struct local_hour *lh,
				   const struct local_clock *c,
				   struct local_span *sp, double t)
{
	if (!(t >= lh->lo && t < lh->hi))
		local_hour_fill(lh, c, sp, t);
}

#endif
