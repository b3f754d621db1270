/* fit_quarter.h: a line's quarter-hour profile (672 factors, Monday
 * 00:00-00:15 first) beside its hourly one (168), and the choice between
 * them (docs/fit.md, "Profile").
 *
 * The quarters of an hour of the week are observed exactly as often as
 * the hour (the period is made of whole local hours), whatever the month,
 * so under the Poisson model of a rate that is a quarter-hour factor times
 * a month factor, the maximum likelihood of a quarter's factor is its
 * hour's factor times 4 times the quarter's share of the hour's calls; the
 * month factors and the volume are those of the hourly fit. The hourly
 * model is the quarter-hour one with the four shares equal, so the
 * likelihood ratio of the two is that of the four quarters' counts of
 * each hour against an even split: G = 2 sum c ln(4 c / C) (c a quarter's
 * calls, C its hour's), chi-square on 3 degrees of freedom an hour with
 * calls under the hourly model.
 *
 * The quarter-hour profile is chosen (--profile auto) when all three
 * hold: every hour of the week (so every quarter) was observed, the line
 * has FIT_QUARTER_PER_SLOT calls a quarter-hour of the week on average
 * (each factor then within about 10% from sampling alone), and G is
 * significant at FIT_QUARTER_ALPHA. --profile hour or quarter forces the
 * choice; a forced quarter-hour profile the data do not support is
 * written anyway, with what it lacks said (fit_quarter_shortfall). */
#ifndef MODELS_FIT_QUARTER_H
#define MODELS_FIT_QUARTER_H

#include <stddef.h>

#define FIT_QUARTER_SLOTS 672
#define FIT_QUARTER_PER_SLOT 100.0  /* calls a quarter-hour, on average */
#define FIT_QUARTER_ALPHA 0.01      /* level of the likelihood-ratio test */

/* What --profile asks for. */
enum fit_quarter_mode { FIT_QUARTER_AUTO, FIT_QUARTER_HOUR, FIT_QUARTER_ON };

/* "auto", "hour", "quarter": the values of --profile, in the order of
 * enum fit_quarter_mode. */
extern const char *const fit_quarter_mode_names[];

struct fit_quarter {
	double calls[FIT_QUARTER_SLOTS];    /* calls in each quarter-hour of
					       the week */
	double profile[FIT_QUARTER_SLOTS];  /* the quarter-hour factors */
	double n;                   /* calls counted (the sum of calls) */
	int hours_seen;             /* hours of the week observed */
	int hours_with_calls;       /* of them, with a call */
	double lr;                  /* G, the likelihood-ratio statistic */
	int df;                     /* 3 an hour with calls */
	double p;                   /* P(chi-square on df > lr) */
	int supported;              /* the data support 672 factors */
	int slots;                  /* written: 168 or 672 */
	enum fit_quarter_mode mode; /* as asked */
};

/* Adds a call that arrived in quarter q (0 to 3) of hour of the week how
 * (0 to 167). */
void fit_quarter_count(struct fit_quarter *fq, int how, int q);
/* The quarter of its local hour (0 to 3) of a call local_s seconds of the
 * local clock after scenario time 0. */
int fit_quarter_of(double local_s);
/* From the calls counted, the hourly profile (168 factors, 1 where an
 * hour was never observed) and the hours observed of each hour of the
 * week: the quarter-hour factors, G, its degrees of freedom and p, and
 * whether the data support 672 factors. */
void fit_quarter_estimate(struct fit_quarter *fq, const double profile[168],
			  const double hours[168]);
/* Chooses 168 or 672 factors as mode asks: auto, what the data support. */
void fit_quarter_choose(struct fit_quarter *fq, enum fit_quarter_mode mode);
/* Why the data do not support 672 factors, in words, the reasons
 * separated by sep ("84.2 calls a quarter-hour, 100 needed; no evidence
 * the quarters differ: p = 0.54, needs p < 0.01"), into buf of size; ""
 * when they do. */
void fit_quarter_shortfall(const struct fit_quarter *fq, const char *sep,
			   char *buf, size_t size);
/* p for a comment: "p < 1e-6" or "p = 0.042", into buf of size. */
void fit_quarter_p_text(double p, char *buf, size_t size);

#endif
