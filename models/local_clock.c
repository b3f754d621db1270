/* local_clock.c: scenario time on the local clock (see local_clock.h). */
#include "models/local_clock.h"

#include <math.h>

#include "models/local_time.h"

void local_clock_init(struct local_clock *c, struct demand_date start)
{
	c->midnight_utc = local_time_midnight_utc(start);
	c->offset0 = local_time_offset_s(c->midnight_utc);
	c->weekday = demand_weekday(start);
	c->week0_s = c->weekday * DAY_S;
}

/* The year's two changes split it into winter, summer and winter again;
 * the span holding t is whichever of the three, reaching into the
 * neighbouring year for its other end. */
void local_clock_span(const struct local_clock *c, double t,
		      struct local_span *sp)
{
	int64_t utc = c->midnight_utc + (int64_t)floor(t);
	int64_t y = local_time_year(utc), spring, autumn, lo, hi;
	int offset = 0;

	local_time_changes(y, &spring, &autumn);
	if (utc < spring) {
		local_time_changes(y - 1, &lo, &hi);
		lo = hi;
		hi = spring;
	} else if (utc < autumn) {
		lo = spring;
		hi = autumn;
		offset = 3600;
	} else {
		lo = autumn;
		local_time_changes(y + 1, &hi, &spring);
	}
	sp->from = (double)(lo - c->midnight_utc);
	sp->to = (double)(hi - c->midnight_utc);
	sp->shift = (double)(offset - c->offset0);
}

/* Each of the two shifts the clock can have gives one candidate time; a
 * candidate counts when the span it falls in has that shift. */
size_t local_clock_times(const struct local_clock *c, double local_s,
			 double out[2])
{
	static const double shifts[2] = { 0, 3600 };
	struct local_span sp = { 0, 0, 0 };
	size_t n = 0;

	for (int i = 0; i < 2; i++) {
		double shift = shifts[i] - c->offset0;
		double t = local_s - shift;

		local_clock_span(c, t, &sp);
		if (sp.shift == shift)
			out[n++] = t;
	}
	if (n == 2 && out[1] < out[0]) {
		double x = out[0];

		out[0] = out[1];
		out[1] = x;
	}
	if (n == 0) {            /* skipped: the instant of the skip */
		local_clock_span(c, local_s - shifts[0] + c->offset0, &sp);
		out[n++] = sp.from;
	}
	return n;
}

double local_clock_elapsed(const struct local_clock *c, double local_s)
{
	double out[2];

	(void)local_clock_times(c, local_s, out);
	return out[0];
}
