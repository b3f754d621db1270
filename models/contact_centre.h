/* contact_centre.h: the contact centre, one of the models a replication
 * drives (models/replication.h) — callers arrive on each line, wait,
 * abandon or are answered by a pool's handlers, and some redial; each
 * answered call's end is posted to the other models (the response model
 * may make an incident of it) — and the layout of the figures it yields.
 *
 * Only calls offered in the counted period are tallied; after the horizon
 * the driver drains until every counted caller is answered or has
 * abandoned, and a counted caller still waiting when the drain ends is
 * unanswered at end, so offered = answered + abandoned + unanswered at end
 * and none is lost from the tally. Occupancy and staffing are measured over
 * the counted period.
 *
 * A replication fails (SIM_ERUNTIME) when more than run.max_waiting callers
 * wait at once, and whenever the engine refuses an event time (see
 * sim/sim.h).
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

/* The model the replication driver creates, for every scenario. */
struct replication_model;
extern const struct replication_model contact_centre_model;

/* What deferrable work (models/deferrable.h) asks of the contact centre
 * of its replication, cc (the context's model, sim_model), in
 * contact_centre_deferrable.c. attach makes
 * the contact centre offer d each pool's handler left free once no call
 * of the pool's waits (deferrable_idle). free: the handlers of pool
 * p deferrable work may take now — 0 while a caller waits on a line p
 * serves, else its free handlers beyond the largest reserve it keeps.
 * take puts one of them on an item now, returning its number in a
 * logged run (0 otherwise); done frees it, now, to calls first. */
struct deferrable;
void contact_centre_deferrable_attach(void *cc, struct deferrable *d);
int contact_centre_deferrable_free(const void *cc, size_t p);
uint32_t contact_centre_deferrable_take(void *cc, size_t p, double now);
void contact_centre_deferrable_done(void *cc, size_t p, uint32_t seat, double now);

#endif
