/* ci.h: the mean of independent replication results with a Student-t
 * confidence interval (gsl_stats_mean, gsl_stats_sd, gsl_cdf_tdist_Pinv).
 *
 * Values that are NAN (a replication with nothing to measure, such as the
 * wait percentile of a line with no calls) are left out; with fewer than two
 * finite values the interval collapses to the mean (or is NAN with none). */
#ifndef SIM_CI_H
#define SIM_CI_H

#include <stddef.h>

#include "sim/moments.h"

struct ci {
	double mean;
	double lo;     /* lower end of the interval */
	double hi;     /* upper end */
	size_t n;      /* finite values used */
};

/* The mean and `level` (for example 0.95) interval of x[0..n-1], read with
 * the given stride (in elements) so a column of an array of structs works. */
struct ci ci_of(const double *x, size_t stride, size_t n, double level);

/* The mean and `level` interval of figure k of an accumulator of exact
 * sums (sim/moments.h): the same rule as ci_of, but the same bytes for the
 * same values in any order or grouping, and no values kept. */
struct ci ci_of_moments(const struct moments *m, size_t k, double level);

/* The Student-t factor of a `level` interval of n >= 2 values:
 * gsl_cdf_tdist_Pinv((1 + level) / 2, n - 1), to the bit; at level 0.95 and
 * up to 256 values read from a table of GSL's values (bench/tools/
 * ci_t_table.py), since GSL's inversion costs some 9,000 instructions. */
double ci_t_quantile(double level, size_t n);

/* c with its ends clipped to [min, max], the range the quantity can take
 * (a fraction cannot exceed 1, a count cannot be negative). The t-interval
 * is symmetric and may reach past them when replications are few or skewed;
 * clipping removes only impossible values. The mean is never changed. */
struct ci ci_clamp(struct ci c, double min, double max);

/* Verdict of a goal fraction against an interval, as DESIGN.md defines it. */
enum ci_verdict { CI_MET, CI_MISSED, CI_UNCERTAIN };
/* MET when goal <= lo, MISSED when goal > hi, UNCERTAIN otherwise, and
 * UNCERTAIN whenever fewer than two replications measured the figure. */
enum ci_verdict ci_verdict_of(struct ci c, double goal);
const char *ci_verdict_name(enum ci_verdict v);

/* An estimate of how many values would settle an uncertain verdict of c,
 * a `level` interval of c.n values: the spread the interval implies,
 * s = h * sqrt(c.n) / t(c.n - 1), with h its larger side (a clipped side
 * is shorter than the t-interval was), held as it is, the least n whose
 * half-width t(n - 1) * s / sqrt(n) falls below d = |mean - goal|. The
 * half-width shrinks as 1/sqrt(n), and a little faster while t falls.
 * INFINITY when the mean is on the goal or no n up to 1e12 would do; NAN
 * when c has fewer than two values (no spread). An estimate: the mean and
 * the spread move as values are added. */
double ci_settle_n(struct ci c, double goal, double level);

#endif
