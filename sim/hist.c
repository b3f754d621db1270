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
 * so asking for a quantile never allocates.
 *
 * Counting finds the bin by arithmetic, not with gsl_histogram_increment:
 * GSL can only guess the bin of a uniform histogram, so for these bins it
 * binary-searched 11 levels for every observation, a quarter of the time
 * of a single-server run. The edges are computed, not read from GSL's
 * range array, and the count goes into a 16-bit counter per bin: the
 * bundled scenario keeps about 40 histograms, and with GSL's 8-byte bins
 * plus the ranges each count touched memory spread over 24 kB a histogram,
 * missing the cache far more often than not; the counters take 3 kB. A
 * counter that wraps adds 65536 to GSL's bin, and every function that
 * reads the counts first moves the counters into GSL's bins, so the
 * quantiles, merges and sums below are GSL's and unchanged. */
#include "sim/hist.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <gsl/gsl_histogram.h>

#include "sim/mem.h"

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
	uint16_t *fresh;         /* per bin: counts not yet in h's bins */
	gsl_histogram *h;
	gsl_histogram_pdf *pdf;  /* workspace of hist_quantile */
	/* Index of the bin starting at each segment's lower end (segment 0:
	 * the bin starting at 0, which the bin of zeros then splits). */
	size_t first_bin[HIST_N_SEGMENTS];
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

/* Fills range[0..n_finite+1] with the edges and h->first_bin. Each edge is
 * computed as lower + k * width rather than by repeated addition, so 0.25 s
 * steps do not accumulate rounding and land exactly on each segment's end. */
static void hist_fill_ranges(struct hist *h, double *range, size_t n_finite)
{
	size_t i = 0;
	double lower = 0.0;

	for (size_t s = 0; s < HIST_N_SEGMENTS; s++) {
		const struct hist_segment *seg = &hist_segments[s];
		size_t k_max = (size_t)((seg->upper_s - lower) / seg->width_s);

		h->first_bin[s] = i;
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
	struct hist *h = mem_calloc(1, sizeof *h);
	double *range = mem_malloc((n + 1) * sizeof *range);

	if (h == NULL || range == NULL)
		goto fail;
	h->fresh = mem_calloc(n, sizeof *h->fresh);
	h->h = gsl_histogram_calloc(n);
	h->pdf = gsl_histogram_pdf_alloc(n);
	if (h->fresh == NULL || h->h == NULL || h->pdf == NULL)
		goto fail;
	hist_fill_ranges(h, range, n - 1);
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
	free(h->fresh);
	free(h);
}

/* The bin holding x >= 0: the one GSL's own search would find, range[i] <=
 * x < range[i + 1], with anything from 12 h on in the overflow bin. Three
 * comparisons pick the segment and a division the bin in it. The segment
 * start is subtracted exactly (both are multiples of x's last bit), but
 * dividing by 15 or 60 may round the quotient across an edge, so the edges
 * settle it, computed by the same expression as hist_fill_ranges (hence
 * equal to GSL's): the guess is never more than one bin out. */
static size_t hist_bin(const struct hist *h, double x)
{
	double lower = 0.0, width_s;
	size_t s = 0, k;

	/* Written so that a NaN (a bug, asserted in hist_add) lands in the
	 * overflow bin rather than in an undefined conversion. */
	if (!(x < HIST_OVERFLOW_S))
		return h->h->n - 1;
	if (x < HIST_ZERO_S)
		return 0;
	while (x >= hist_segments[s].upper_s)
		lower = hist_segments[s++].upper_s;
	width_s = hist_segments[s].width_s;
	k = (size_t)((x - lower) / width_s);
	if (x < lower + (double)k * width_s)
		k--;
	else if (x >= lower + (double)(k + 1) * width_s)
		k++;
	/* Segment 0's first bin is split at 1e-6 s: bin k of the segment is
	 * GSL's k + 1 there, after the bin of zeros. */
	return h->first_bin[s] + k + (s == 0);
}

#ifndef NDEBUG
/* Whether i is the bin GSL's own search finds for x (checked on every
 * observation when assertions are on, so every test run compares). */
static int hist_bin_is_gsls(const struct hist *h, double x, size_t i)
{
	size_t j = 0;
	int st = gsl_histogram_find(h->h, x < HIST_OVERFLOW_S ? x :
				    HIST_OVERFLOW_S, &j);

	return st == 0 && i == j;
}
#endif

/* Counts one observation x >= 0; anything from 12 h on goes into the
 * overflow bin (reported at its lower edge). */
void hist_add(struct hist *h, double x)
{
	size_t i;

	assert(x >= 0.0);
	i = hist_bin(h, x);
	assert(hist_bin_is_gsls(h, x, i));
	/* Unsigned wrap-around is defined: 65536 counts move at once. */
	if (++h->fresh[i] == 0)
		h->h->bin[i] += 65536.0;
}

/* Moves the fresh counts into GSL's bins. It changes no count, only where
 * it is kept, so the readers below, which take a const histogram, may call
 * it. */
static void hist_settle(const struct hist *h)
{
	for (size_t i = 0; i < h->h->n; i++) {
		h->h->bin[i] += h->fresh[i];
		h->fresh[i] = 0;
	}
}

/* Adds every count of src into dst. Both come from hist_new, so their bins
 * agree and gsl_histogram_add cannot fail. */
void hist_merge(struct hist *dst, const struct hist *src)
{
	hist_settle(dst);
	hist_settle(src);
	gsl_histogram_add(dst->h, src->h);
}

/* Forgets every observation (for example at the end of a warm-up). */
void hist_reset(struct hist *h)
{
	hist_settle(h);
	gsl_histogram_reset(h->h);
}

/* Observations counted so far. */
double hist_count(const struct hist *h)
{
	hist_settle(h);
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
