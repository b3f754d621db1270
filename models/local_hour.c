/* local_hour.c: a kept reading of the hour and day (local_hour.h). */
#include "models/local_hour.h"

#include <math.h>

#include "models/replication.h"
#include "models/week.h"

void local_hour_init(struct local_hour *lh, double warmup_s, size_t n_days)
{
	lh->lo = 1.0;
	lh->hi = 0.0;
	lh->hour = lh->day = 0;
	lh->warmup_s = warmup_s;
	lh->n_days = n_days;
}

/* The reading divides local seconds, themselves a sum with t: each step
 * rounds by half a unit in the last place of numbers below 4 (|t| + a
 * week), so a margin of 1e-12 of that (thousands of units) keeps the
 * stretch clear of where a fresh reading could tip over. */
static double local_hour_margin(double t)
{
	return 1e-12 * (fabs(t) + WEEK_S + DAY_S);
}

void local_hour_fill(struct local_hour *lh, const struct local_clock *c,
		     struct local_span *sp, double t)
{
	double local = local_clock_s(c, sp, t);
	double week_q = floor((local + c->week0_s) / HOUR_S);
	double day_q = floor((local - lh->warmup_s) / DAY_S);
	/* The next hour and the next day, back in scenario time. */
	double hour_end = (week_q + 1.0) * HOUR_S - c->week0_s - sp->shift;
	double day_end = (day_q + 1.0) * DAY_S + lh->warmup_s - sp->shift;
	double end = fmin(fmin(hour_end, day_end) - local_hour_margin(t),
			  sp->to);

	lh->hour = local_clock_hour_of(c, local);
	lh->day = replication_day_of(local, lh->warmup_s, lh->n_days);
	lh->lo = t;
	lh->hi = end > t ? end : t;   /* empty: read again next time */
}
