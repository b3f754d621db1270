/* hist.h: quantiles of a non-negative quantity (a wait, an attendance time)
 * from a fixed-resolution GSL histogram, so memory does not grow with the
 * number of observations.
 *
 * Bins are 0.25 s wide up to 60 s, 2 s to 600 s, 15 s to 2 h, 60 s to 12 h,
 * and one last bin to infinity (reported as its lower edge): a quantile is
 * exact to within its bin width. Quantiles interpolate linearly inside a bin
 * (gsl_histogram_pdf). One histogram per replication; not thread-safe. */
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
