/* agreement_hours.h: a line's answering agreement judged hour by hour
 * (answer.per: hour, models/agreement.h), tallied while the run goes.
 *
 * Hour k is [warm-up + k h, warm-up + (k + 1) h) of the counted period;
 * only whole hours count (a last hour cut short by run.days is left out).
 * A call belongs to the hour it was offered in, as a call belongs to its
 * day. An hour is met when the share of its calls answered within target
 * is at least the goal; an hour without a call has nothing to judge and
 * is not counted, as a day without a call is not.
 *
 * Keeping every hour's counts until the end would grow with the horizon
 * 24 times as fast as the by-day figures. An hour's verdict is final
 * target_s after it ends (a call of it still waiting then has waited
 * longer than the target, whatever becomes of it), so only the last
 * floor(target_s / 1 h) + 2 hours are kept, in a ring, and an hour older
 * than that is judged and added to the tally when a call of a later hour
 * is offered. answer.within_s is at most a day with per: hour
 * (scenario_agreement.c), so the ring has at most 26 hours. */
#ifndef MODELS_AGREEMENT_HOURS_H
#define MODELS_AGREEMENT_HOURS_H

#include <stddef.h>

#include "models/agreement.h"

/* The longest answer target judged per hour: a day. */
#define AGREEMENT_HOURS_TARGET_MAX_S 86400.0

struct agreement_hours;

/* The tally of n_hours whole counted hours against goal, calls answered
 * within target_s (0 <= target_s <= AGREEMENT_HOURS_TARGET_MAX_S); NULL
 * when out of memory. */
struct agreement_hours *agreement_hours_new(double target_s, double goal,
					    size_t n_hours);
/* NULL is a no-op. */
void agreement_hours_free(struct agreement_hours *h);

/* A counted call was offered t_s >= 0 seconds into the counted period;
 * hours before it whose verdict is final are judged. */
void agreement_hours_offered(struct agreement_hours *h, double t_s);
/* The call offered t_s into the counted period was answered within the
 * target. */
void agreement_hours_within(struct agreement_hours *h, double t_s);
/* The hours judged, with those still in the ring judged as they stand:
 * final once every counted call is answered or gone. */
struct agreement_tally agreement_hours_tally(const struct agreement_hours *h);

#endif
