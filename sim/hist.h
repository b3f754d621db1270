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
 * linearly inside a bin (gsl_histogram_pdf) and never exceed the largest
 * value added, which is kept exactly. One histogram per replication; not
 * thread-safe. */
#ifndef SIM_HIST_H
#define SIM_HIST_H

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

#endif
