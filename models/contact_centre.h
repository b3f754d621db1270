/* contact_centre.h: one replication of the contact centre — callers arrive
 * on each line, wait, abandon or are answered by a pool's handlers, and
 * some redial; answered calls may create incidents for the response model
 * (models/response.h) — and the figures of both that it yields.
 *
 * Only calls offered in the counted period [warmup, warmup + days) are
 * tallied; the run drains past the horizon, without new first calls, until
 * every counted caller is answered or has abandoned, for at most a week
 * (168 h); a counted caller still waiting then is unanswered at end, so
 * offered = answered + abandoned + unanswered at end and none is lost from
 * the tally. Occupancy and staffing are measured over the counted period.
 *
 * A replication fails (SIM_ERUNTIME) when more than run.max_waiting callers
 * wait at once, or more incidents wait for a unit, and whenever the engine
 * refuses an event time (see sim/sim.h).
 *
 * Random streams (purpose = line index * CC_STREAM_KINDS + kind) keep
 * arrivals, patience, handling, wrap-up and redials apart, so two variants of
 * a scenario (more handlers on a shift, say) see the same callers with the
 * same patience and the same handle times: common random numbers. */
#ifndef MODELS_CONTACT_CENTRE_H
#define MODELS_CONTACT_CENTRE_H

#include <stddef.h>
#include <stdint.h>

#include "models/figure.h"
#include "models/response.h"
#include "models/scenario.h"
#include "models/week.h"
#include "sim/sim_err.h"

/* What each random stream of a line is for. */
enum cc_stream {
	CC_STREAM_ARRIVAL,
	CC_STREAM_PATIENCE,
	CC_STREAM_HANDLE,
	CC_STREAM_WRAP,
	CC_STREAM_REDIAL,
	CC_STREAM_KINDS
};

/* The figures (enum cc_line_metric, cc_pool_metric,
 * cc_interval_line_metric, cc_interval_pool_metric) are defined in
 * models/figure.h. */

#endif
