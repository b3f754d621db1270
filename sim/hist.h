/* hist.h: quantiles of a non-negative quantity (a wait, an attendance time)
 * from a fixed-resolution GSL histogram, so memory does not grow with the
 * number of observations.
 *
 * Bins widen geometrically: 128 to each doubling from 1/16 s to 2^36 s
 * (about 2,180 years, longer than any run the loader accepts), so a
 * quantile from 1/16 s on is within 2^-7 (0.78%) of the true one, at any
 * length. Below 1/16 s the error is at most 1/16 s; waits under a
 * microsecond (callers answered at once) count as exactly zero, and a
 * quantile that falls among them is exactly 0. Quantiles interpolate
 * linearly inside a bin, and never exceed the largest value added, which
 * is kept exactly; a quantile whose rank falls between two values (the
 * median of two) is read in the lower value's bin. One histogram per replication; not
 * thread-safe. */
#ifndef SIM_HIST_H
#define SIM_HIST_H

#include <stdbool.h>
#include <stddef.h>

struct hist;

/* Returns a new empty histogram with the bins above, or NULL when out of memory. */
struct hist *hist_new(void);
/* NULL is a no-op. */
void hist_free(struct hist *h);
/* Counts one observation x >= 0 (seconds). */
void hist_add(struct hist *h, double x);
/* Adds every count of src into dst (same bins). */
void hist_merge(struct hist *dst, const struct hist *src);
void hist_reset(struct hist *h);
double hist_count(const struct hist *h);
/* The q-quantile (0 <= q <= 1) of what was added; NAN when nothing was. */
double hist_quantile(const struct hist *h, double q);
/* The number of values added below each of edges[0 .. n-1] into out[k],
 * exactly; the edges must be edges of the bins (hist_is_edge), so no bin
 * straddles one, in ascending order. */
void hist_counts_below(const struct hist *h, const double *edges, size_t n,
		       double *out);
/* Whether x is an edge of the bins: 0, 1e-6 s, or (1 + j/128) 2^e s for
 * -4 <= e < 36 (10, 20, 30, 60, 300, 3600 s are). */
bool hist_is_edge(double x);

/* A paged histogram: the same bins and quantiles, the counts kept only for
 * the stretches of bins its values fall in (pages of 128 bins, about 1 kB,
 * allocated when a value first lands in one), for the many small
 * histograms of figures by hour. A paged histogram of the same values as
 * a hist gives the same quantiles, bit for bit. */
struct hist_paged;

/* Returns a new empty paged histogram, or NULL when out of memory. */
struct hist_paged *hist_paged_new(void);
/* NULL is a no-op. */
void hist_paged_free(struct hist_paged *h);
/* Counts one observation x >= 0. Returns 0, or -1 when its page cannot be
 * allocated (the observation is not counted). */
int hist_paged_add(struct hist_paged *h, double x);
double hist_paged_count(const struct hist_paged *h);
/* A workspace for the quantiles of paged histograms: every bin's edge and
 * room for every bin's count (about 80 kB), reused for each histogram asked, so asking costs no
 * allocation. One per thread. */
struct hist_window;

/* Returns a new workspace, or NULL when out of memory. */
struct hist_window *hist_window_new(void);
/* NULL is a no-op. */
void hist_window_free(struct hist_window *w);
/* The q[k]-quantiles (0 <= q[k] <= 1) of what was added into out[k], k <
 * n, as hist_quantile computes them, with workspace w; NAN when nothing
 * was added. */
void hist_paged_quantiles(const struct hist_paged *h, struct hist_window *w,
			  const double *q, size_t n, double *out);

#endif
