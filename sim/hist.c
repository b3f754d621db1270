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
 * A quantile is the inverse of the cumulative counts, linear inside a bin,
 * read from a GSL histogram over the WINDOW of bins from the first to the
 * last one holding a value: 5,123 bins cover every length, but a
 * replication's waits fill a few doublings, and a histogram is made anew
 * for every replication, so only the counts are allocated up front (about
 * 51 kB, as the old 12-hour bins took) and GSL's histogram, sized to the
 * window, when the first quantile is asked for. The window is kept for
 * further quantiles until a value is added. The bin a rank falls in is
 * found from the whole counts, not from GSL's pdf: its cumulative sums are
 * normalised, and their rounding chose between two values when the rank
 * fell exactly between them (the median of two).
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
/* The last bin's upper edge. It only has to be finite (quantiles
 * interpolate inside bins) and beyond any real observation: quantiles are
 * capped at the largest value added anyway. */
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
	/* The window quantiles are read from: bins win_lo .. win_lo +
	 * win->n - 1, built when n was win_n (UINT64_MAX: none built). */
	gsl_histogram *win;
	size_t win_lo;
	uint64_t win_n;
};

/* The lower edge of bin i (i == HIST_N_BINS: the last bin's upper edge).
 * A log edge is (1 + j / 128) 2^e: a double with exactly the bits hist_bin
 * shifts, computed exactly (a power of two times a short fraction). */
static double hist_edge(size_t i)
{
	const size_t per = (size_t)1 << HIST_SUB_BITS;
	uint64_t bits;
	size_t k;
	double x;

	if (i < HIST_N_LOW)
		return i == 0 ? 0.0 : HIST_ZERO_S;
	if (i >= HIST_N_BINS)
		return HIST_TOP_S;
	k = i - HIST_N_LOW;
	(void)per;
	/* The bits hist_bin reads, put back: (1 + j/128) 2^e exactly, as
	 * ldexp would give it, without its cost (windows ask for thousands). */
	bits = (HIST_LOW_KEY + k) << (52 - HIST_SUB_BITS);
	memcpy(&x, &bits, sizeof x);
	assert(x == ldexp(1.0 + (double)(k % per) / (double)per,
			  HIST_LOW_EXP + (int)(k / per)));
	return x;
}

/* Returns a new empty histogram, or NULL when out of memory. */
struct hist *hist_new(void)
{
	struct hist *h = mem_calloc(1, sizeof *h);

	if (h == NULL)
		return NULL;
	h->fresh = mem_calloc(HIST_N_BINS, sizeof *h->fresh);
	h->bin = mem_calloc(HIST_N_BINS, sizeof *h->bin);
	h->win_n = UINT64_MAX;
	if (h->fresh == NULL || h->bin == NULL) {
		hist_free(h);
		return NULL;
	}
	return h;
}

/* Frees the window's GSL histogram, if any. */
static void hist_drop_window(struct hist *h)
{
	if (h->win != NULL)
		gsl_histogram_free(h->win);
	h->win = NULL;
	h->win_n = UINT64_MAX;
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
	dst->win_n = UINT64_MAX;
}

/* Forgets every observation (for example at the end of a warm-up). */
void hist_reset(struct hist *h)
{
	memset(h->fresh, 0, HIST_N_BINS * sizeof *h->fresh);
	memset(h->bin, 0, HIST_N_BINS * sizeof *h->bin);
	h->max_s = 0.0;
	h->n = 0;
	h->win_n = UINT64_MAX;
}

/* Observations counted so far. */
double hist_count(const struct hist *h)
{
	return (double)h->n;
}

/* GSL's histogram of the w bins from bin lo on, into *win, the edges set
 * and the counts left for the caller to fill. Returns 0, or -1 when out of
 * memory (nothing left allocated). */
static int hist_window_alloc(size_t lo, size_t w, gsl_histogram **win)
{
	*win = gsl_histogram_alloc(w);
	if (*win == NULL)
		return -1;
	/* The struct is public; this is what gsl_histogram_set_ranges does. */
	for (size_t j = 0; j <= w; j++)
		(*win)->range[j] = hist_edge(lo + j);
	return 0;
}

/* Builds GSL's histogram over the bins from the first to the last that
 * hold a value. Returns 0, or -1 when out of memory. */
static int hist_build_window(struct hist *h)
{
	size_t lo = 0, hi = HIST_N_BINS - 1;

	hist_drop_window(h);
	hist_settle(h);
	while (h->bin[lo] == 0.0)
		lo++;
	while (h->bin[hi] == 0.0)
		hi--;
	if (hist_window_alloc(lo, hi - lo + 1, &h->win) != 0)
		return -1;
	memcpy(h->win->bin, h->bin + lo, (hi - lo + 1) * sizeof *h->bin);
	h->win_lo = lo;
	h->win_n = h->n;
	return 0;
}

/* The q-quantile of the n values counted in the window win, which starts
 * at bin lo, the largest of them max_s: the rank q n is reached in the
 * first bin whose cumulative count is at least it, and read linearly
 * inside that bin. A rank that is a whole number falls between two values
 * (the median of two), and is read in the lower one's bin, as the
 * empirical quantile takes the lower value; the counts are whole numbers,
 * so that choice is exact. Exactly 0 when the rank falls among the zeros
 * (not interpolated into (0, 1e-6)), and never above max_s. */
static double hist_window_quantile(const gsl_histogram *win, size_t lo,
				   double n, double max_s, double q)
{
	double rank = q * n, below = 0.0, x;
	size_t i = 0;

	if (q >= 1.0)
		return max_s;
	/* The window's first and last bins hold values, so the bin found
	 * holds some: a rank past an empty bin is past the one below it. */
	while (i + 1 < win->n && below + win->bin[i] < rank)
		below += win->bin[i++];
	if (lo == 0 && i == 0)
		return 0.0;
	x = win->range[i] + (rank - below) / win->bin[i] *
		(win->range[i + 1] - win->range[i]);
	return x < max_s ? x : max_s;
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

	assert(q >= 0.0 && q <= 1.0);
	if (h->n == 0)
		return NAN;
	if (h->win_n != h->n && hist_build_window(w) != 0)
		return NAN;
	return hist_window_quantile(h->win, h->win_lo, (double)h->n, h->max_s,
				    q);
}

/* Values added below each of edges[0 .. n-1], ascending edges of the bins
 * (asserted), in one pass over the bins: exact, since no bin straddles an
 * edge. Settling moves counts, it changes none. */
void hist_counts_below(const struct hist *h, const double *edges, size_t n,
		       double *out)
{
	struct hist *w = (struct hist *)h;
	double sum = 0.0;
	size_t i = 0;

	hist_settle(w);
	for (size_t k = 0; k < n; k++) {
		size_t top = edges[k] >= HIST_TOP_S ? HIST_N_BINS
			: hist_bin(edges[k]);

		assert(hist_is_edge(edges[k]) && (k == 0 || edges[k - 1] < edges[k]));
		for (; i < top; i++)
			sum += h->bin[i];
		out[k] = sum;
	}
}

bool hist_is_edge(double x)
{
	return x >= 0.0 && x < HIST_TOP_S && hist_edge(hist_bin(x)) == x;
}

/* ---- the paged histogram ----------------------------------------------
 *
 * The same bins, their counts kept in pages of HIST_PAGE bins allocated
 * when a value first lands in them: a paged histogram holds only the
 * doublings its values span (about 1 kB each), so a model can keep one
 * for each hour of the week and grade where a full one (about 51 kB)
 * each would not do. */

#define HIST_PAGE ((size_t)1 << HIST_SUB_BITS)
#define HIST_N_PAGES ((HIST_N_BINS + HIST_PAGE - 1) / HIST_PAGE)

struct hist_paged {
	double *page[HIST_N_PAGES];  /* bins p * HIST_PAGE on; NULL: all 0 */
	double max_s;
	uint64_t n;
};

struct hist_paged *hist_paged_new(void)
{
	return mem_calloc(1, sizeof(struct hist_paged));
}

void hist_paged_free(struct hist_paged *h)
{
	if (h == NULL)
		return;
	for (size_t p = 0; p < HIST_N_PAGES; p++)
		free(h->page[p]);
	free(h);
}

int hist_paged_add(struct hist_paged *h, double x)
{
	size_t i, p;

	assert(x >= 0.0 && x < HIST_TOP_S);
	i = hist_bin(x);
	p = i / HIST_PAGE;
	if (h->page[p] == NULL) {
		h->page[p] = mem_calloc(HIST_PAGE, sizeof(double));
		if (h->page[p] == NULL)
			return -1;
	}
	h->page[p][i % HIST_PAGE] += 1.0;
	if (x > h->max_s)
		h->max_s = x;
	h->n++;
	return 0;
}

double hist_paged_count(const struct hist_paged *h)
{
	return (double)h->n;
}

/* The count of bin i of h. */
static double hist_paged_bin(const struct hist_paged *h, size_t i)
{
	const double *pg = h->page[i / HIST_PAGE];

	return pg != NULL ? pg[i % HIST_PAGE] : 0.0;
}

/* The first and last bins holding a value (h holds one), passing over
 * pages never allocated a page at a time. */
static void hist_paged_span(const struct hist_paged *h, size_t *lo,
			    size_t *hi)
{
	size_t a = 0, b = HIST_N_PAGES - 1;

	while (h->page[a] == NULL)
		a++;
	while (h->page[b] == NULL)
		b--;
	a *= HIST_PAGE;
	b = b * HIST_PAGE + HIST_PAGE - 1;
	if (b >= HIST_N_BINS)
		b = HIST_N_BINS - 1;
	while (hist_paged_bin(h, a) == 0.0)
		a++;
	while (hist_paged_bin(h, b) == 0.0)
		b--;
	*lo = a;
	*hi = b;
}

/* ---- quantiles of paged histograms ------------------------------------
 *
 * A model asks for the quantiles of hundreds of small paged histograms
 * each replication. Each one's window is read as a hist's, but from one
 * workspace sized for every bin: the window is a view of it (the
 * histogram struct is public: a view is its n and pointers into the
 * workspace's arrays), and the edges are computed once, so a quantile
 * costs a copy of the window's counts and no allocation. */

struct hist_window {
	double edge[HIST_N_BINS + 1];  /* every bin's lower edge, and the top */
	double bin[HIST_N_BINS];       /* the window's counts, from [0] on */
};

struct hist_window *hist_window_new(void)
{
	struct hist_window *w = mem_malloc(sizeof *w);

	if (w == NULL)
		return NULL;
	for (size_t i = 0; i <= HIST_N_BINS; i++)
		w->edge[i] = hist_edge(i);
	return w;
}

void hist_window_free(struct hist_window *w)
{
	free(w);
}

/* Copies h's counts of bins lo .. hi into bin[0 ..], a page at a time. */
static void hist_paged_copy(const struct hist_paged *h, size_t lo, size_t hi,
			    double *bin)
{
	for (size_t i = lo; i <= hi;) {
		size_t p = i / HIST_PAGE, end = (p + 1) * HIST_PAGE;
		size_t k = (end <= hi + 1 ? end : hi + 1) - i;

		if (h->page[p] != NULL)
			memcpy(bin + (i - lo), h->page[p] + i % HIST_PAGE,
			       k * sizeof *bin);
		else
			memset(bin + (i - lo), 0, k * sizeof *bin);
		i += k;
	}
}

void hist_paged_quantiles(const struct hist_paged *h, struct hist_window *w,
			  const double *q, size_t n, double *out)
{
	gsl_histogram win;
	size_t lo, hi;

	if (h->n == 0) {
		for (size_t k = 0; k < n; k++)
			out[k] = NAN;
		return;
	}
	hist_paged_span(h, &lo, &hi);
	hist_paged_copy(h, lo, hi, w->bin);
	win = (gsl_histogram){ hi - lo + 1, w->edge + lo, w->bin };
	for (size_t k = 0; k < n; k++) {
		assert(q[k] >= 0.0 && q[k] <= 1.0);
		out[k] = hist_window_quantile(&win, lo, (double)h->n, h->max_s,
					      q[k]);
	}
}
