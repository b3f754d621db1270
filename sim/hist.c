/* hist.c: quantiles from log-linear bins.
 *
 * A wait can be anything from nothing to days in an overloaded centre, and
 * a planner reads both a 10 s service level and a p95 of 30 hours, so the
 * bins keep a fixed RELATIVE width: each doubling from 2^-4 s to 2^36 s is
 * cut into 128 equal bins, 5,120 in all, and a quantile is within one bin,
 * 2^-7 = 0.78% of its value. Near a 10 s target a bin is 0.0625 s wide, at
 * one minute 0.25 to 0.5 s, at 12 h 256 s. 2^36 s (about 2,180 years) is
 * beyond any run the loader accepts (100 years of warm-up plus 100 of
 * counting); anything longer still lands in one last bin, and since every
 * quantile is capped at the largest value added (kept exactly), even that
 * bin never reports a figure above what was seen.
 *
 * Below the log bins, one bin holds (1e-6 s, 2^-4 s) and a first bin the
 * zeros: most 999 callers are answered at once, and a quantile that falls
 * among them is reported as exactly 0, not interpolated across the bin
 * (which once printed a median wait of 6.06e-07 s).
 *
 * Quantiles use GSL's histogram pdf (the inverse of the cumulative counts,
 * linear inside a bin). Its workspace lives in struct hist, allocated once,
 * so asking for a quantile never allocates.
 *
 * Counting finds the bin from the bits of the double, not with
 * gsl_histogram_increment: above 2^-4 s, the exponent and the top 7 bits of
 * the mantissa ARE the bin number (a positive double's bits order like the
 * number), so one shift replaces GSL's 12-level binary search. The edges
 * are exactly the doubles where those bits change, so the bin is the one
 * GSL's own search finds (checked on every observation when assertions are
 * on). The count goes into a 16-bit counter per bin, which keeps the bins a
 * run touches in few cache lines; a counter that wraps adds 65536 to GSL's
 * bin, and every function that reads the counts first moves the counters
 * into GSL's bins, so the quantiles, merges and sums below are GSL's. */
#include "sim/hist.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_histogram.h>

/* Bins to each doubling: 2^HIST_SUB_BITS. */
#define HIST_SUB_BITS 7
/* The log bins run from 2^HIST_LOW_EXP s to 2^HIST_HIGH_EXP s. */
#define HIST_LOW_EXP (-4)
#define HIST_HIGH_EXP 36
#define HIST_LOW_S 0.0625
#define HIST_HIGH_S 68719476736.0
/* The upper edge of the bin of zeros (immediate answers). */
#define HIST_ZERO_S 1e-6
/* The last bin's upper edge. It only has to be finite (GSL interpolates
 * inside bins) and beyond any real observation: quantiles are capped at
 * the largest value added anyway. */
#define HIST_TOP_S 1e300
/* Bins below the log ones: the zeros, then (1e-6 s, 2^-4 s). */
#define HIST_N_LOW 2
#define HIST_N_LOG ((size_t)(HIST_HIGH_EXP - HIST_LOW_EXP) << HIST_SUB_BITS)
#define HIST_N_BINS (HIST_N_LOW + HIST_N_LOG + 1)
/* The bits of 2^HIST_LOW_EXP shifted as in hist_bin: its bin's key. */
#define HIST_LOW_KEY ((uint64_t)(1023 + HIST_LOW_EXP) << HIST_SUB_BITS)

struct hist {
	uint16_t *fresh;         /* per bin: counts not yet in h's bins */
	gsl_histogram *h;
	gsl_histogram_pdf *pdf;  /* workspace of hist_quantile */
	double max_s;            /* the largest value added, 0 when none */
	uint64_t n;              /* values added */
	uint64_t pdf_n;          /* n when pdf was last built; UINT64_MAX
				    when it must be rebuilt */
};

/* Fills range[0..HIST_N_BINS] with the edges. Each log edge is
 * (1 + j / 128) 2^e, a double with exactly the bits hist_bin shifts. */
static void hist_fill_ranges(double *range)
{
	const size_t per = (size_t)1 << HIST_SUB_BITS;
	double octave = HIST_LOW_S;

	range[0] = 0.0;
	range[1] = HIST_ZERO_S;
	/* Products of powers of two and (1 + j / 128) are exact. */
	for (size_t k = 0; k <= HIST_N_LOG; k++) {
		if (k > 0 && k % per == 0)
			octave *= 2.0;
		range[HIST_N_LOW + k] = octave * (1.0 + (double)(k % per) / (double)per);
	}
	assert(range[HIST_N_LOW] == HIST_LOW_S);
	assert(range[HIST_N_BINS - 1] == HIST_HIGH_S);
	range[HIST_N_BINS] = HIST_TOP_S;
}

/* Returns a new empty histogram, or NULL when out of memory. */
struct hist *hist_new(void)
{
	size_t n = HIST_N_BINS;
	struct hist *h = calloc(1, sizeof *h);
	double *range = malloc((n + 1) * sizeof *range);

	if (h == NULL || range == NULL)
		goto fail;
	h->fresh = calloc(n, sizeof *h->fresh);
	h->h = gsl_histogram_calloc(n);
	h->pdf = gsl_histogram_pdf_alloc(n);
	if (h->fresh == NULL || h->h == NULL || h->pdf == NULL)
		goto fail;
	hist_fill_ranges(range);
	h->pdf_n = UINT64_MAX;
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
 * x < range[i + 1]. Between 2^-4 s and 2^36 s the double's biased exponent
 * and top 7 mantissa bits, read as one number, count log bins from 0 at
 * 2^-4 s. Written so that a NaN (a bug, asserted in hist_add) lands in the
 * last bin rather than in an undefined conversion. */
static size_t hist_bin(double x)
{
	uint64_t bits;

	if (x < HIST_LOW_S)
		return x < HIST_ZERO_S ? 0 : 1;
	if (!(x < HIST_HIGH_S))
		return HIST_N_BINS - 1;
	memcpy(&bits, &x, sizeof bits);
	return HIST_N_LOW + (size_t)((bits >> (52 - HIST_SUB_BITS)) - HIST_LOW_KEY);
}

#ifndef NDEBUG
/* Whether i is the bin GSL's own search finds for x (checked on every
 * observation when assertions are on, so every test run compares). */
static int hist_bin_is_gsls(const struct hist *h, double x, size_t i)
{
	size_t j = 0;
	int st = gsl_histogram_find(h->h, x, &j);

	return st == 0 && i == j;
}
#endif

/* Counts one observation x >= 0. */
void hist_add(struct hist *h, double x)
{
	size_t i;

	assert(x >= 0.0 && x < HIST_TOP_S);
	i = hist_bin(x);
	assert(hist_bin_is_gsls(h, x, i));
	if (x > h->max_s)
		h->max_s = x;
	h->n++;
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
	if (src->max_s > dst->max_s)
		dst->max_s = src->max_s;
	dst->n += src->n;
	dst->pdf_n = UINT64_MAX;
}

/* Forgets every observation (for example at the end of a warm-up). */
void hist_reset(struct hist *h)
{
	hist_settle(h);
	gsl_histogram_reset(h->h);
	h->max_s = 0.0;
	h->n = 0;
	h->pdf_n = UINT64_MAX;
}

/* Observations counted so far. */
double hist_count(const struct hist *h)
{
	return (double)h->n;
}

/* Builds the pdf of what was added, unless it is already built: values are
 * only ever added between resets and merges, which clear pdf_n, so an
 * unchanged count means unchanged counts. A line's four quantiles then scan
 * the bins once. Like hist_settle, it changes no count, only the workspace
 * a const histogram keeps for quantiles. */
static void hist_pdf(const struct hist *h)
{
	struct hist *w = (struct hist *)h;

	if (h->pdf_n == h->n)
		return;
	hist_settle(h);
	gsl_histogram_pdf_init(w->pdf, w->h);
	w->pdf_n = h->n;
}

/* The q-quantile of what was added, NAN when nothing was: exactly 0 when it
 * falls among the zeros, and never above the largest value added. */
double hist_quantile(const struct hist *h, double q)
{
	double x;

	assert(q >= 0.0 && q <= 1.0);
	if (h->n == 0)
		return NAN;
	hist_pdf(h);
	/* sum[1] is the share of zeros: GSL's sampler would pick bin 0 for
	 * any q below it, and interpolate into (0, 1e-6). */
	if (q < h->pdf->sum[1])
		return 0.0;
	/* GSL's sampler wraps 1 round to 0, and the cumulative sum it builds
	 * may end a rounding error below 1, where it would find no bin: the
	 * top of the data is known exactly instead. */
	if (q >= 1.0 || q >= h->pdf->sum[h->pdf->n])
		return h->max_s;
	x = gsl_histogram_pdf_sample(h->pdf, q);
	return x < h->max_s ? x : h->max_s;
}
