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
 * linear inside a bin), built over the WINDOW of bins from the first to the
 * last one holding a value: 5,123 bins cover every length, but a
 * replication's waits fill a few doublings, and a histogram is made anew
 * for every replication, so only the counts are allocated up front (about
 * 51 kB, as the old 12-hour bins took) and GSL's histogram and pdf, sized
 * to the window, when the first quantile is asked for. The window is kept
 * for further quantiles until a value is added.
 *
 * Counting finds the bin from the bits of the double, not with
 * gsl_histogram_increment: above 2^-4 s, the exponent and the top 7 bits of
 * the mantissa ARE the bin number (a positive double's bits order like the
 * number), so one shift replaces GSL's 12-level binary search. The edges
 * are exactly the doubles where those bits change, so the bin is the one
 * GSL's own search finds (checked on every observation when assertions are
 * on). The count goes into a 16-bit counter per bin, which keeps the bins a
 * run touches in few cache lines; a counter that wraps adds 65536 to the
 * bin's full count, and every function that reads the counts first moves
 * the counters into the full counts. */
#include "sim/hist.h"

#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <gsl/gsl_histogram.h>
#include "sim/mem.h"

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
	uint16_t *fresh;         /* per bin: counts not yet in bin[] */
	double *bin;             /* per bin: the settled counts */
	double max_s;            /* the largest value added, 0 when none */
	uint64_t n;              /* values added */
	/* The window GSL's quantiles are read from: bins win_lo .. win_lo +
	 * win->n - 1, built when n was pdf_n (UINT64_MAX: none built). */
	gsl_histogram *win;
	gsl_histogram_pdf *pdf;
	size_t win_lo;
	uint64_t pdf_n;
};

/* The lower edge of bin i (i == HIST_N_BINS: the last bin's upper edge).
 * A log edge is (1 + j / 128) 2^e: a double with exactly the bits hist_bin
 * shifts, computed exactly (a power of two times a short fraction). */
static double hist_edge(size_t i)
{
	const size_t per = (size_t)1 << HIST_SUB_BITS;
	size_t k;

	if (i < HIST_N_LOW)
		return i == 0 ? 0.0 : HIST_ZERO_S;
	if (i >= HIST_N_BINS)
		return HIST_TOP_S;
	k = i - HIST_N_LOW;
	return ldexp(1.0 + (double)(k % per) / (double)per,
		     HIST_LOW_EXP + (int)(k / per));
}

/* Returns a new empty histogram, or NULL when out of memory. */
struct hist *hist_new(void)
{
	struct hist *h = mem_calloc(1, sizeof *h);

	if (h == NULL)
		return NULL;
	h->fresh = mem_calloc(HIST_N_BINS, sizeof *h->fresh);
	h->bin = mem_calloc(HIST_N_BINS, sizeof *h->bin);
	h->pdf_n = UINT64_MAX;
	if (h->fresh == NULL || h->bin == NULL) {
		hist_free(h);
		return NULL;
	}
	return h;
}

/* Frees the window's GSL objects, if any. */
static void hist_drop_window(struct hist *h)
{
	if (h->pdf != NULL)
		gsl_histogram_pdf_free(h->pdf);
	if (h->win != NULL)
		gsl_histogram_free(h->win);
	h->pdf = NULL;
	h->win = NULL;
	h->pdf_n = UINT64_MAX;
}

/* NULL is a no-op. */
void hist_free(struct hist *h)
{
	if (h == NULL)
		return;
	hist_drop_window(h);
	free(h->fresh);
	free(h->bin);
	free(h);
}

/* The bin holding x >= 0: range[i] <= x < range[i + 1], the edges being
 * hist_edge's. Between 2^-4 s and 2^36 s the double's biased exponent
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

/* Counts one observation x >= 0. */
void hist_add(struct hist *h, double x)
{
	size_t i;

	assert(x >= 0.0 && x < HIST_TOP_S);
	i = hist_bin(x);
	/* Checked on every observation when assertions are on. */
	assert(hist_edge(i) <= x && x < hist_edge(i + 1));
	if (x > h->max_s)
		h->max_s = x;
	h->n++;
	/* Unsigned wrap-around is defined: 65536 counts move at once. */
	if (++h->fresh[i] == 0)
		h->bin[i] += 65536.0;
}

/* Moves the fresh counts into the full ones. */
static void hist_settle(struct hist *h)
{
	for (size_t i = 0; i < HIST_N_BINS; i++) {
		h->bin[i] += h->fresh[i];
		h->fresh[i] = 0;
	}
}

/* Adds every count of src into dst. src is settled as well: that moves its
 * counts, it changes none. */
void hist_merge(struct hist *dst, const struct hist *src)
{
	struct hist *s = (struct hist *)src;

	hist_settle(dst);
	hist_settle(s);
	for (size_t i = 0; i < HIST_N_BINS; i++)
		dst->bin[i] += src->bin[i];
	if (src->max_s > dst->max_s)
		dst->max_s = src->max_s;
	dst->n += src->n;
	dst->pdf_n = UINT64_MAX;
}

/* Forgets every observation (for example at the end of a warm-up). */
void hist_reset(struct hist *h)
{
	memset(h->fresh, 0, HIST_N_BINS * sizeof *h->fresh);
	memset(h->bin, 0, HIST_N_BINS * sizeof *h->bin);
	h->max_s = 0.0;
	h->n = 0;
	h->pdf_n = UINT64_MAX;
}

/* Observations counted so far. */
double hist_count(const struct hist *h)
{
	return (double)h->n;
}

/* Builds GSL's histogram and pdf over the bins from the first to the last
 * that hold a value. Returns 0, or -1 when out of memory. */
static int hist_build_window(struct hist *h)
{
	size_t lo = 0, hi = HIST_N_BINS - 1, w;

	hist_drop_window(h);
	hist_settle(h);
	while (h->bin[lo] == 0.0)
		lo++;
	while (h->bin[hi] == 0.0)
		hi--;
	w = hi - lo + 1;
	h->win = gsl_histogram_alloc(w);
	h->pdf = gsl_histogram_pdf_alloc(w);
	if (h->win == NULL || h->pdf == NULL) {
		hist_drop_window(h);
		return -1;
	}
	/* The struct is public; this is what gsl_histogram_set_ranges does,
	 * with the counts copied in. */
	for (size_t j = 0; j <= w; j++)
		h->win->range[j] = hist_edge(lo + j);
	memcpy(h->win->bin, h->bin + lo, w * sizeof *h->bin);
	gsl_histogram_pdf_init(h->pdf, h->win);
	h->win_lo = lo;
	h->pdf_n = h->n;
	return 0;
}

/* The q-quantile of what was added, NAN when nothing was (or, there being
 * no error channel here, when GSL's workspace cannot be allocated: a NAN
 * shows as "nothing measured" rather than as a wrong number). Exactly 0
 * when it falls among the zeros, and never above the largest value added.
 * Only the window's workspace changes: no count does, so the histogram is
 * taken as const. */
double hist_quantile(const struct hist *h, double q)
{
	struct hist *w = (struct hist *)h;
	double x;

	assert(q >= 0.0 && q <= 1.0);
	if (h->n == 0)
		return NAN;
	if (h->pdf_n != h->n && hist_build_window(w) != 0)
		return NAN;
	/* With zeros in the window, sum[1] is their share: GSL's sampler
	 * would pick bin 0 for any q below it, and interpolate into
	 * (0, 1e-6). */
	if (h->win_lo == 0 && q < h->pdf->sum[1])
		return 0.0;
	/* GSL's sampler wraps 1 round to 0, and the cumulative sum it builds
	 * may end a rounding error below 1, where it would find no bin: the
	 * top of the data is known exactly instead. */
	if (q >= 1.0 || q >= h->pdf->sum[h->pdf->n])
		return h->max_s;
	x = gsl_histogram_pdf_sample(h->pdf, q);
	return x < h->max_s ? x : h->max_s;
}
