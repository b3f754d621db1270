/* agreement.c: periods met against a goal (see agreement.h). */
#include "models/agreement.h"

#include <assert.h>
#include <math.h>

static const char *const agreement_words[] = { AGREEMENT_WORDS };
static const char *const agreement_plurals[] = { "horizons", "days",
							"weeks", "hours" };

const char *agreement_word(enum agreement_per per)
{
	assert(per < AGREEMENT_PERS);
	return agreement_words[per];
}

const char *agreement_plural(enum agreement_per per)
{
	assert(per < AGREEMENT_PERS);
	return agreement_plurals[per];
}

size_t agreement_period_days(enum agreement_per per)
{
	switch (per) {
	case AGREEMENT_DAY: return 1;
	case AGREEMENT_WEEK: return 7;
	case AGREEMENT_HORIZON:
	case AGREEMENT_HOUR:
	case AGREEMENT_PERS: break;
	}
	return 0;
}

size_t agreement_periods(enum agreement_per per, double days)
{
	size_t len = agreement_period_days(per);

	if (per == AGREEMENT_HOUR && days >= 0)
		return (size_t)floor(days * 24.0);
	if (len == 0 || !(days >= 0))
		return 0;
	return (size_t)floor(days) / len;
}

/* One period of len days from day `first`: met (1), missed (0), or not
 * counted (-1) when it has no call. The within-target count of a day is
 * its share times its count, a whole number the division that made the
 * share rounds back to; a single day is judged on the model's own share,
 * compared as the whole horizon's is. */
static int agreement_period(double goal, const double *count,
			    const double *within, size_t stride, size_t first,
			    size_t len)
{
	double n = 0, in = 0;

	for (size_t d = first; d < first + len; d++) {
		double c = count[d * stride], w = within[d * stride];

		if (!(c > 0))
			continue;
		n += c;
		in += nearbyint(w * c);
	}
	if (!(n > 0))
		return -1;
	return (len == 1 ? within[first * stride] : in / n) >= goal;
}

struct agreement_tally agreement_tally_days(enum agreement_per per,
					    double goal, const double *count,
					    const double *within, size_t stride,
					    size_t n_days)
{
	struct agreement_tally t = { 0, 0 };
	size_t len = agreement_period_days(per);

	for (size_t first = 0; len > 0 && first + len <= n_days; first += len) {
		int v = agreement_period(goal, count, within, stride, first, len);

		if (v < 0)
			continue;
		t.counted++;
		t.met += (size_t)v;
	}
	return t;
}

double agreement_share(struct agreement_tally t)
{
	return t.counted > 0 ? (double)t.met / (double)t.counted : NAN;
}
