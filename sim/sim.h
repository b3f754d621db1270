/* sim.h: the simulation context of one replication — clock, calendar, random
 * streams — and the step/run loop.
 *
 * Everything mutable in a replication hangs off one struct sim_ctx, so
 * replications run in parallel threads sharing nothing. The engine knows
 * nothing of calls or officers: a model attaches its own state with
 * sim_set_model() and schedules events whose handlers cast it back.
 *
 * Time is a double in seconds since the scenario start (Monday 00:00). */
#ifndef SIM_SIM_H
#define SIM_SIM_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

#include "sim/ev_calendar.h"
#include "sim/sim_err.h"

struct sim_ctx;

/* Returns a new context at time 0 for replication `replication` of a run
 * seeded with `seed`, holding n_streams random streams (purposes 0..n-1,
 * created on first use), or NULL on failure with err filled. */
struct sim_ctx *sim_new(uint64_t seed, uint32_t replication, uint32_t n_streams,
			struct sim_err *err);
/* Frees the context, its calendar and streams; NULL is a no-op. The model
 * pointer is borrowed and not freed. */
void sim_free(struct sim_ctx *ctx);

double sim_now(const struct sim_ctx *ctx);
void sim_set_model(struct sim_ctx *ctx, void *model);
void *sim_model(const struct sim_ctx *ctx);

/* Lends the random stream for `purpose` (< n_streams), creating it on first
 * use from (seed, replication, purpose). Returns NULL only when out of memory. */
gsl_rng *sim_rng(struct sim_ctx *ctx, uint32_t purpose);
/* Returns a new generator (caller frees with gsl_rng_free) for a purpose
 * outside the context's numbered ones, seeded from (seed, replication,
 * purpose) like them: for draws made once, at a model's creation, that
 * must not take a number from the streams models count (a day's
 * busyness), so adding them shifts no other stream. NULL when out of
 * memory. */
gsl_rng *sim_rng_own(const struct sim_ctx *ctx, uint32_t purpose);

/* Schedules fn at absolute time time_s. Returns the event's sequence number
 * for lazy cancellation, or 0 when it could not: time_s is not finite or is
 * before the clock (SIM_ERUNTIME), or the calendar could not grow
 * (SIM_ENOMEM). The failure is then recorded on the context, as sim_fail
 * does, so the run stops with a message saying which; in every build, since
 * such a time can come from the input (a duration too long to represent). */
uint64_t sim_schedule(struct sim_ctx *ctx, double time_s, ev_handler fn,
		      void *obj, int64_t arg);

/* sim_schedule into lane k (k < SIM_LANES) of the calendar, which holds no
 * event (sim/ev_calendar.h): for a process that always has exactly one
 * event pending (a line's next arrival), which then costs less than on
 * the calendar and pops in the same order. Returns and fails as
 * sim_schedule. */
#define SIM_LANES EV_CALENDAR_LANES
uint64_t sim_schedule_lane(struct sim_ctx *ctx, int k, double time_s,
			   ev_handler fn, void *obj, int64_t arg);

/* A run stops (SIM_ERUNTIME) when this many events in a row fall at the same
 * instant: a process whose next event rounds back to the time of the last
 * one (a rate too high for a double to tell two arrivals apart) would
 * otherwise run forever, or until memory runs out, with the clock standing
 * still. No model the scenario describes puts nearly as many events at one
 * instant on purpose. */
#define SIM_SAME_INSTANT_MAX UINT64_C(1000000)

/* Pops and runs the earliest event, advancing the clock. Returns 0 when the
 * calendar is empty or the clock stood still too long (the event popped is
 * then not run, and the failure is recorded), 1 otherwise. */
int sim_step(struct sim_ctx *ctx);
/* Runs events whose time is <= end_s; leaves the clock at end_s when the next
 * event is later. Stops at once on a failure (sim_fail, a scheduling
 * failure, or SIM_SAME_INSTANT_MAX events at one instant). Returns the
 * number of events run. */
uint64_t sim_run_until(struct sim_ctx *ctx, double end_s);
/* Events run so far, for events-per-second reporting. */
uint64_t sim_events_run(const struct sim_ctx *ctx);
/* A handler that hits an unrecoverable problem (out of memory) records it here;
 * sim_run_until stops at once and the runner reports it. */
void sim_fail(struct sim_ctx *ctx, enum sim_status status, const char *what);
enum sim_status sim_status(const struct sim_ctx *ctx);
const char *sim_failure(const struct sim_ctx *ctx);

#endif
