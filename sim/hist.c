/* hist.c: quantiles from a fixed set of non-uniform bins.
 *
 * The bins are fine where service levels are decided (a 999 call has 10 s)
 * and coarse in the tail, so 1552 bins cover 0 s to 12 h with an error of at
 * most one bin width: 0.25 s up to 1 min, 2 s to 10 min, 15 s to 2 h, 1 min
 * to 12 h. Anything longer lands in one overflow bin, whose quantiles are
 * reported as its lower edge (12 h): a planner only needs "very long".
 *
 * A first, microsecond-wide bin holds the zeros: most 999 callers are
 * answered at once, and spreading their zero waits over a 0.25 s bin would
 * report a median wait of 0.1 s where the truth is 0.
 *
 * Quantiles use GSL's histogram pdf (the inverse of the cumulative counts,
 * linear inside a bin). Its workspace lives in struct hist, allocated once,
 * so asking for a quantile never allocates. */
#include "sim/hist.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <gsl/gsl_histogram.h>

/* The finite edges, as (upper end, bin width) segments starting at 0. */
static const struct hist_segment {
	double upper_s;
	double width_s;
} hist_segments[] = {
	{ 60.0, 0.25 },
	{ 600.0, 2.0 },
	{ 7200.0, 15.0 },
	{ 43200.0, 60.0 },
};

#define HIST_N_SEGMENTS (sizeof hist_segments / sizeof hist_segments[0])
/* The upper edge of the bin of zeros (immediate answers). */
#define HIST_ZERO_S 1e-6
/* The last finite edge: the lower edge of the overflow bin. */
#define HIST_OVERFLOW_S 43200.0
/* The overflow bin's upper edge. It is never reported; it only has to be
 * finite (GSL interpolates inside bins) and beyond any real observation. */
#define HIST_TOP_S 1e300

struct hist {
	gsl_histogram *h;
	gsl_histogram_pdf *pdf;  /* workspace of hist_quantile */
};

/* Number of finite bins: segment lengths divided by widths, all exact. */
static size_t hist_n_finite_bins(void)
{
	size_t n = 0;
	double lower = 0.0;

	for (size_t s = 0; s < HIST_N_SEGMENTS; s++) {
		n += (size_t)((hist_segments[s].upper_s - lower) /
			      hist_segments[s].width_s);
		lower = hist_segments[s].upper_s;
	}
	return n + 1;   /* the bin of zeros splits the first bin in two */
}

/* Fills range[0..n_finite+1] with the edges. Each edge is computed as
 * lower + k * width rather than by repeated addition, so 0.25 s steps do
 * not accumulate rounding and land exactly on each segment's end. */
static void hist_fill_ranges(double *range, size_t n_finite)
{
	size_t i = 0;
	double lower = 0.0;

	for (size_t s = 0; s < HIST_N_SEGMENTS; s++) {
		const struct hist_segment *seg = &hist_segments[s];
		size_t k_max = (size_t)((seg->upper_s - lower) / seg->width_s);

		for (size_t k = 0; k < k_max; k++) {
			range[i++] = lower + (double)k * seg->width_s;
			if (i == 1)
				range[i++] = HIST_ZERO_S;
		}
		lower = seg->upper_s;
	}
	assert(i == n_finite);
	range[n_finite] = HIST_OVERFLOW_S;
	range[n_finite + 1] = HIST_TOP_S;
}

/* Returns a new empty histogram, or NULL when out of memory. */
struct hist *hist_new(void)
{
	size_t n = hist_n_finite_bins() + 1;
	struct hist *h = calloc(1, sizeof *h);
	double *range = malloc((n + 1) * sizeof *range);

	if (h == NULL || range == NULL)
		goto fail;
	h->h = gsl_histogram_calloc(n);
	h->pdf = gsl_histogram_pdf_alloc(n);
	if (h->h == NULL || h->pdf == NULL)
		goto fail;
	hist_fill_ranges(range, n - 1);
	/* The edges are increasing by construction, so this cannot fail. */
	gsl_histogram_set_ranges(h->h, range, n + 1);
	free(range);
	return h;
fail:
	free(range);
	hist_free(h);
	return NULL;
}

/* NULL is a no-op. */
void hist_free(struct hist *h)
{
	if (h == NULL)
		return;
	if (h->pdf != NULL)
		gsl_histogram_pdf_free(h->pdf);
	if (h->h != NULL)
		gsl_histogram_free(h->h);
	free(h);
}

/* Counts one observation x >= 0; anything from 12 h on goes into the
 * overflow bin (counted at its lower edge, which GSL can always find). */
void hist_add(struct hist *h, double x)
{
	assert(x >= 0.0);
	gsl_histogram_increment(h->h, x < HIST_OVERFLOW_S ? x : HIST_OVERFLOW_S);
}

/* Adds every count of src into dst. Both come from hist_new, so their bins
 * agree and gsl_histogram_add cannot fail. */
void hist_merge(struct hist *dst, const struct hist *src)
{
	gsl_histogram_add(dst->h, src->h);
}

/* Forgets every observation (for example at the end of a warm-up). */
void hist_reset(struct hist *h)
{
	gsl_histogram_reset(h->h);
}

/* Observations counted so far. */
double hist_count(const struct hist *h)
{
	return gsl_histogram_sum(h->h);
}

/* The upper edge of the last non-empty bin: the 1-quantile. */
static double hist_top(const struct hist *h)
{
	size_t i = gsl_histogram_bins(h->h);
	double lower, upper;

	while (i > 1 && gsl_histogram_get(h->h, i - 1) == 0.0)
		i--;
	gsl_histogram_get_range(h->h, i - 1, &lower, &upper);
	return upper;
}

/* The q-quantile of what was added, NAN when nothing was. A quantile in the
 * overflow bin is reported as 12 h, its lower edge. */
double hist_quantile(const struct hist *h, double q)
{
	double x;

	assert(q >= 0.0 && q <= 1.0);
	if (hist_count(h) <= 0.0)
		return NAN;
	gsl_histogram_pdf_init(h->pdf, h->h);
	/* GSL's sampler wraps 1 round to 0, and the cumulative sum it builds
	 * may end a rounding error below 1, where it would find no bin: the
	 * top of the data is found directly instead. */
	if (q >= 1.0 || q >= h->pdf->sum[h->pdf->n])
		x = hist_top(h);
	else
		x = gsl_histogram_pdf_sample(h->pdf, q);
	return x < HIST_OVERFLOW_S ? x : HIST_OVERFLOW_S;
}
