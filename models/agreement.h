/* agreement.h: an agreement met period by period — "999 within 10 s on at
 * least 95% of days" — as forces report them, beside the average over the
 * whole horizon.
 *
 * A line's answer (or a grade's attend) target may say `per: day` or
 * `per: week` (a line's answer also `per: hour`) and `on_at_least: 0.95`:
 * a period is met when the share of
 * its calls answered within target (of its incidents attended within
 * target) is at least the goal, and the agreement is met when the share
 * of periods met is at least on_at_least. Periods are whole counted days,
 * or whole runs of seven counted days, or whole counted hours, from the
 * start of the counted period (after the warm-up); a last period cut
 * short by the horizon is left out,
 * as is a period with no call (no incident), which has nothing to judge.
 *
 * Days and weeks: pure functions of the by-day figures a replication
 * already reports (models/figure.h, FIGURE_DLINE_LIST and
 * FIGURE_DGRADE_LIST); no state, no allocation. Hours are tallied as the
 * run goes (models/agreement_hours.h), since hour-by-hour figures would
 * grow with the horizon 24 times as fast as the by-day ones. */
#ifndef MODELS_AGREEMENT_H
#define MODELS_AGREEMENT_H

#include <stddef.h>

/* The period an agreement is judged over, as the scenario's `per` word
 * orders them (AGREEMENT_WORDS). */
enum agreement_per {
	AGREEMENT_HORIZON,   /* the average over the counted period */
	AGREEMENT_DAY,
	AGREEMENT_WEEK,
	AGREEMENT_HOUR,      /* a line's answer only (models/agreement_hours.h) */
	AGREEMENT_PERS
};

/* The words of `per`, in enum order, NULL-terminated. */
#define AGREEMENT_WORDS "horizon", "day", "week", "hour", NULL
/* The same without "hour", for a grade's attend. */
#define AGREEMENT_WORDS_DAYS "horizon", "day", "week", NULL

/* The word of per ("day"), and its plural ("days"). */
const char *agreement_word(enum agreement_per per);
const char *agreement_plural(enum agreement_per per);

/* The counted days in one period of per (1, 7); 0 for the horizon and
 * for an hour, which is not a whole number of days. */
size_t agreement_period_days(enum agreement_per per);

/* The whole periods of per in a counted horizon of `days` days (a
 * fraction of an hour, a day or a week at the end is not a period). */
size_t agreement_periods(enum agreement_per per, double days);

/* One replication's tally of periods. */
struct agreement_tally {
	size_t counted;      /* whole periods with at least one call */
	size_t met;          /* of which met the goal */
};

/* The periods of per over the first n_days counted days, day d's count
 * (calls offered, incidents created) at count[d * stride] and its share
 * within target at within[d * stride] (NAN when it has none). A period's
 * share is its days' within-target counts over their counts; it is met
 * when that share is at least goal. Only whole periods inside n_days are
 * taken. */
struct agreement_tally agreement_tally_days(enum agreement_per per,
					    double goal, const double *count,
					    const double *within, size_t stride,
					    size_t n_days);

/* The share of periods met in a tally, NAN when none was counted. */
double agreement_share(struct agreement_tally t);

#endif
