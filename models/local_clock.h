/* local_clock.h: scenario time read on the clock of the wall, UK local
 * time, which is what every weekly pattern of a scenario is given in.
 *
 * Scenario time runs in elapsed seconds from 00:00 local time on
 * run.start_date (any day of the week). Hour-of-week profiles, shifts,
 * rotas, month factors, surges, dated events, travel by hour and the
 * by-hour and by-day figures are all given in local time: 07:00 is 07:00
 * on the clock, summer or winter. Local time is elapsed time plus a shift
 * that changes only when the clocks do (models/local_time.h): on the last
 * Sunday of March the hour from 01:00 does not happen (a 23-hour day), on
 * the last Sunday of October it happens twice (a 25-hour day).
 *
 * "Local seconds" here are seconds on the local clock since 00:00 of the
 * start date: elapsed seconds until the first change, then an hour more
 * (March) or less (October), and so on. They are flat (no wrapping); the
 * hour of the week, the day and the calendar date follow by arithmetic.
 *
 * The shift is constant over a span of about half a year, so a reader
 * keeps the span it last used (struct local_span) and converts a time
 * with one comparison and one addition; only on leaving the span is it
 * worked out again (a few dozen operations, twice a simulated year). No
 * memory is kept per change, so nothing grows with the horizon. */
#ifndef MODELS_LOCAL_CLOCK_H
#define MODELS_LOCAL_CLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "models/demand.h"
#include "models/week.h"

struct local_clock {
	int64_t midnight_utc;   /* 00:00 local on the start date, UTC seconds */
	int offset0;            /* seconds ahead of UTC at time 0 */
	int weekday;            /* of the start date, 0 = Monday */
	double week0_s;         /* weekday * DAY_S: local seconds from the
				   Monday of the start date's week to it */
};

/* A stretch [from, to) of scenario time over which local seconds are
 * t + shift. Zero it before first use (it then holds no time). */
struct local_span {
	double from, to, shift;
};

void local_clock_init(struct local_clock *c, struct demand_date start);
/* Fills *sp with the span that holds scenario time t. */
void local_clock_span(const struct local_clock *c, double t,
		      struct local_span *sp);

/* Local seconds since 00:00 of the start date at scenario time t. */
static inline double local_clock_s(const struct local_clock *c,
				   struct local_span *sp, double t)
{
	if (!(t >= sp->from && t < sp->to))
		local_clock_span(c, t, sp);
	return t + sp->shift;
}

/* Local seconds since 00:00 on the Monday of the start date's week: the
 * offset into the week of weekly patterns, before reducing by a week. */
static inline double local_clock_week_s(const struct local_clock *c,
					struct local_span *sp, double t)
{
	return local_clock_s(c, sp, t) + c->week0_s;
}

/* The local hour of the week (0 = Monday 00:00-01:00) of local seconds
 * local_s >= 0 (local_clock_s). The conversion truncates, which is floor
 * as the value is never negative. */
static inline size_t local_clock_hour_of(const struct local_clock *c,
					 double local_s)
{
	return (size_t)((local_s + c->week0_s) / HOUR_S) % HOURS_PER_WEEK;
}

/* The local hour of the week at scenario time t >= 0. */
static inline size_t local_clock_hour(const struct local_clock *c,
				      struct local_span *sp, double t)
{
	return local_clock_hour_of(c, local_clock_s(c, sp, t));
}

/* The scenario times at which the local clock reads local_s (seconds
 * since 00:00 of the start date) into out: one, or two in the hour the
 * clocks repeat in October (earlier first). A reading the clocks skip in
 * March never happens: out[0] is then the instant they skip it. Returns
 * how many it wrote. */
size_t local_clock_times(const struct local_clock *c, double local_s,
			 double out[2]);
/* The first scenario time at which the local clock reads local_s (or, in
 * the skipped hour, the instant the clocks change). */
double local_clock_elapsed(const struct local_clock *c, double local_s);
/* The scenario time of the first instant after t at which the local
 * clock reads next_local (> the reading at t) without the clocks
 * changing in between; the instant they change when they do first, for
 * the caller to look again from there. For readers of weekly step
 * functions: asked again at that instant, they find their next step. */
static inline double local_clock_until(const struct local_clock *c,
				       struct local_span *sp, double t,
				       double next_local)
{
	double at;

	(void)local_clock_s(c, sp, t);
	at = next_local - sp->shift;
	return at < sp->to ? at : sp->to;
}

#endif
