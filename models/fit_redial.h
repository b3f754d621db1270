/* fit_redial.h: each line's redial probability and delay, fitted from a
 * call log that names its callers (caller_id).
 *
 * Each abandoned call is a trial: did its caller call again? The caller's
 * next call is its redial when the log marks it one (the redial column),
 * or, without that column, when it comes within FIT_REDIAL_WINDOW_S of
 * the hanging up. A redial after the log ends cannot be seen, so only the
 * abandonments at least the longest delay observed before the last call
 * are trials; the delays are those of the trials' redials, so they are not
 * cut short by the end either. The probability is redials over trials,
 * with Wilson's 95% interval; the delay is fitted as a handle time
 * (fit_calls_duration). */
#ifndef MODELS_FIT_REDIAL_H
#define MODELS_FIT_REDIAL_H

#include "models/fit_calls.h"

#define FIT_REDIAL_WINDOW_S 3600.0  /* without a redial column */

/* Fills fc->lines[l].redial for every line of log. Returns SIM_OK or
 * SIM_ENOMEM. */
/* Wilson's 95% interval of k successes in n > 0 (also the duplicate
 * share's, fit_scenario.c). */
void fit_redial_wilson(size_t k, size_t n, double *lo, double *hi);

enum sim_status fit_redial_estimate(const struct call_log *log,
				    struct fit_calls *fc, struct sim_err *err);

#endif
