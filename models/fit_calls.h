/* fit_calls.h: a scenario's call-centre figures fitted from a call log
 * (call_log_read.h), line by line: volume, hour-of-week profile, month
 * factors, handle and wrap-up distributions, patience; and each pool's
 * staffing by hour of the day, as far as the log shows it.
 *
 * Time is laid out as a scenario lays it: from 00:00 local time on the
 * date of the first call (scenario time 0), in elapsed hours, so the
 * 168 hours of the profile (from Monday 00:00, week0_h hours before time
 * 0) and the hours of the shifts are those the simulator uses. The period observed runs from the hour of
 * the first call to the end of the hour of the last, less the gaps of a
 * day or more with no call (call_log_read.h).
 *
 * Handle and wrap-up: the best of exponential, lognormal, gamma and
 * Weibull by AIC (fit_distribution.h); when its Kolmogorov-Smirnov
 * distance exceeds fit_calls_ks_max(n), FIT_CALLS_QUANTILES quantiles of
 * the sample instead, as an empirical distribution. */
#ifndef MODELS_FIT_CALLS_H
#define MODELS_FIT_CALLS_H

#include <stddef.h>

#include "models/call_log_read.h"
#include "models/fit_distribution.h"
#include "models/fit_patience.h"
#include "models/fit_quarter.h"

#define FIT_CALLS_KS_MAX 0.03       /* above this and the noise, the
				       empirical distribution */
#define FIT_CALLS_KS_NOISE 1.36     /* times 1/sqrt(n): the KS distance
				       sampling alone exceeds 5% of the time */
#define FIT_CALLS_QUANTILES 200     /* values of an empirical distribution */
#define FIT_CALLS_MONTH_DAYS 7      /* days a month needs for its factor */

/* Handle or wrap-up times of a line. */
struct fit_duration {
	size_t n;                   /* values fitted */
	int all_zero;               /* every value 0: no such time */
	struct fit_result fits[FIT_FAMILIES];
	int best;                   /* index into fits, -1: none fitted */
	double ks_max;              /* fit_calls_ks_max(n) */
	int empirical;              /* the best's KS distance is too large */
	double quantiles[FIT_CALLS_QUANTILES];  /* at (i + 0.5) / Q, whenever
						   a family was tried */
};

/* Redials of a line (fit_redial.h): the callers who hung up and called
 * again. */
struct fit_redial {
	int has;                    /* the log names callers */
	size_t abandoned;           /* abandoned calls of the line */
	size_t trials;              /* of them, early enough to judge */
	size_t redials;             /* of the trials, redialled */
	double guard_s;             /* a trial is this long before the end */
	double p, p_lo, p_hi;       /* share redialled, Wilson 95% interval */
	struct fit_duration delay;  /* hanging up to calling again */
};

struct fit_line {
	size_t n_calls, n_answered, n_abandoned, n_waiting;
	size_t n_duplicates;        /* of n_answered, marked duplicate */
	size_t n_redials;           /* of n_calls, redials (left out of the
				       volume, which the redial brings) */
	double per_year;            /* calls a year of 365 days */
	double profile[168];        /* rate by hour of the week / mean rate */
	double profile_hours[168];  /* 1: the hour of the week was observed */
	double calls_how[168];      /* calls in each hour of the week */
	struct fit_quarter quarter; /* by quarter-hour, and which is written */
	double calls_month[12];     /* calls in each month */
	double month[12];           /* rate by month / mean rate */
	int has_months;             /* two months or more observed */
	struct fit_duration handle, wrap;
	struct fit_patience patience;
	struct fit_redial redial;
};

/* Staffing of one pool, by hour of the day (fit_calls_demand). */
struct fit_pool {
	int staff[24];
	unsigned long long serves;  /* bit i: it answered line i */
	size_t n_answered;
};

struct fit_calls {
	int n_lines;
	struct fit_line lines[CALL_LOG_NAMES_MAX];
	int n_pools;
	struct fit_pool pools[CALL_LOG_NAMES_MAX];
	int staff_from_handlers;    /* else from calls in hand at once */
	int start_year, start_month, start_mday;   /* the date of time 0 */
	int week0_h;                /* hours from Monday 00:00 to time 0 */
	double origin_utc;          /* scenario time 0 */
	double period_from_s, period_to_s;   /* scenario seconds */
	double hours_observed;      /* the period less its gaps */
	double exposure[168][12];   /* hours observed by hour of the week
				       and month */
	size_t n_calls;
	unsigned char *redial_row;  /* 1: row i is a redial (fit_redial.h);
				       NULL without caller ids */
};

/* The KS distance above which a family of n values is not kept: the
 * larger of FIT_CALLS_KS_MAX, a distance that matters to a run, and
 * FIT_CALLS_KS_NOISE / sqrt(n), what sampling alone gives. */
double fit_calls_ks_max(size_t n);

/* Fits the four families to the n values x (reordered), and, when the
 * best is too far from the data, keeps their quantiles (fewer than 2
 * values, or all 0: nothing fitted, best -1). Returns SIM_OK or
 * SIM_ENOMEM. */
enum sim_status fit_calls_duration(double *x, size_t n,
				   struct fit_duration *d, struct sim_err *err);
/* Fits everything from log. Returns SIM_OK, SIM_EINVAL when the log has
 * no call, or SIM_ENOMEM; free with fit_calls_clear. */
enum sim_status fit_calls_estimate(const struct call_log *log,
				   struct fit_calls *fc, struct sim_err *err);
/* Fills the volume, profile, months and staffing of fc
 * (fit_calls_demand.c): the profile and month factors are the Poisson
 * maximum likelihood of a rate that is their product, by iterative
 * proportional fitting, so a month of more calls does not tilt the
 * profile towards the weekdays it holds more of; each line's
 * quarter-hour profile and its test against the hourly one
 * (fit_quarter.h), 168 factors chosen until fit_quarter_choose.
 * Staffing is, in each hour of the day, the most distinct handlers seen
 * answering within one hour of the log when it numbers handlers, else
 * the most calls in talk or wrap-up at once (a pool "handlers" when the
 * log names none). Returns SIM_OK or SIM_ENOMEM. */
enum sim_status fit_calls_demand(const struct call_log *log,
				 struct fit_calls *fc, struct sim_err *err);
/* Frees what fc owns; NULL is a no-op. */
void fit_calls_clear(struct fit_calls *fc);

#endif
