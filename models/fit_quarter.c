/* fit_quarter.c: a line's quarter-hour profile and the likelihood-ratio
 * test that chooses it over the hourly one (fit_quarter.h). */
#include "models/fit_quarter.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

const char *const fit_quarter_mode_names[] = {
	"auto", "hour", "quarter", NULL
};

void fit_quarter_count(struct fit_quarter *fq, int how, int q)
{
	fq->calls[how * 4 + q]++;
	fq->n++;
}

int fit_quarter_of(double local_s)
{
	int q = (int)floor(fmod(local_s, 3600) / 900);

	/* A time a rounding below an hour's end is its last quarter. */
	return q < 0 ? 0 : q > 3 ? 3 : q;
}

/* Hour h's four quarters: their factors (the hour's split by the
 * quarters' shares of its calls) and their part of G. */
static double fit_quarter_hour(struct fit_quarter *fq, int h, double factor)
{
	const double *c = &fq->calls[h * 4];
	double all = c[0] + c[1] + c[2] + c[3], g = 0;

	for (int q = 0; q < 4; q++) {
		fq->profile[h * 4 + q] = all > 0 ? factor * 4 * c[q] / all
					: factor;
		if (c[q] > 0)
			g += 2 * c[q] * log(4 * c[q] / all);
	}
	return g;
}

void fit_quarter_estimate(struct fit_quarter *fq, const double profile[168],
			  const double hours[168])
{
	double g = 0;

	fq->hours_seen = fq->hours_with_calls = 0;
	for (int h = 0; h < 168; h++) {
		g += fit_quarter_hour(fq, h, profile[h]);
		fq->hours_seen += hours[h] > 0;
		fq->hours_with_calls += fq->calls[h * 4] + fq->calls[h * 4 + 1]
			+ fq->calls[h * 4 + 2] + fq->calls[h * 4 + 3] > 0;
	}
	fq->lr = fmax(g, 0);     /* each hour's part is >= 0 but for rounding */
	fq->df = 3 * fq->hours_with_calls;
	fq->p = fq->df > 0 ? gsl_cdf_chisq_Q(fq->lr, fq->df) : 1;
	fq->supported = fq->hours_seen == 168
		&& fq->n / FIT_QUARTER_SLOTS >= FIT_QUARTER_PER_SLOT
		&& fq->p < FIT_QUARTER_ALPHA;
	fq->slots = 168;
	fq->mode = FIT_QUARTER_AUTO;
}

void fit_quarter_choose(struct fit_quarter *fq, enum fit_quarter_mode mode)
{
	fq->mode = mode;
	if (mode == FIT_QUARTER_AUTO)
		fq->slots = fq->supported ? FIT_QUARTER_SLOTS : 168;
	else
		fq->slots = mode == FIT_QUARTER_ON ? FIT_QUARTER_SLOTS : 168;
}

void fit_quarter_p_text(double p, char *buf, size_t size)
{
	if (p < 1e-6)
		snprintf(buf, size, "p < 1e-6");
	else
		snprintf(buf, size, "p = %.2g", p);
}

void fit_quarter_shortfall(const struct fit_quarter *fq, const char *sep,
			   char *buf, size_t size)
{
	size_t used = 0;
	const char *at = "";
	char pt[32];

	buf[0] = '\0';
	if (fq->hours_seen < 168) {
		used += (size_t)snprintf(buf, size, "%d of the 168 hours of the "
					 "week observed, all needed",
					 fq->hours_seen);
		at = sep;
	}
	if (used < size && fq->n / FIT_QUARTER_SLOTS < FIT_QUARTER_PER_SLOT) {
		used += (size_t)snprintf(buf + used, size - used, "%s%.1f calls "
					 "a quarter-hour, %.0f needed", at,
					 fq->n / FIT_QUARTER_SLOTS,
					 FIT_QUARTER_PER_SLOT);
		at = sep;
	}
	fit_quarter_p_text(fq->p, pt, sizeof pt);
	if (used < size && !(fq->p < FIT_QUARTER_ALPHA))
		snprintf(buf + used, size - used, "%sno evidence the quarters "
			 "differ: %s, needs p < %g", at, pt, FIT_QUARTER_ALPHA);
}
