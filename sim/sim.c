/* sim.c: the context of one replication and its event loop.
 *
 * The context is the only owner of a replication's mutable state: clock,
 * calendar, random streams and failure. Nothing here is shared between
 * contexts, which is what lets replicate.c run them on separate threads. */
#include "sim/sim.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "sim/mem.h"
#include "sim/rng_stream.h"

/* Long enough for a message that names a grade and an area (64 bytes
 * each) beside its explanation. */
#define SIM_FAILURE_CAP 512

struct sim_ctx {
	double now_s;                 /* the clock: time of the last event run */
	struct ev_calendar *cal;      /* owned */
	gsl_rng **rngs;               /* owned; rngs[p] is NULL until first use */
	uint32_t n_streams;
	uint64_t seed;                /* master seed of the run */
	uint32_t replication;
	void *model;                  /* borrowed */
	uint64_t events_run;
	uint64_t same_instant;        /* events run in a row at now_s, after
					 the first one there */
	enum sim_status status;       /* the first failure a handler recorded */
	char failure[SIM_FAILURE_CAP];
};

/* Returns a new context at time 0, or NULL with err filled (SIM_ENOMEM).
 * Streams are created on first use, so a model that never draws for some
 * purpose pays nothing for it. */
struct sim_ctx *sim_new(uint64_t seed, uint32_t replication, uint32_t n_streams,
			struct sim_err *err)
{
	struct sim_ctx *ctx = mem_calloc(1, sizeof *ctx);

	if (ctx == NULL)
		goto nomem;
	ctx->cal = ev_calendar_new();
	/* mem_calloc(0) may return NULL: always ask for at least one slot. */
	ctx->rngs = mem_calloc(n_streams > 0 ? n_streams : 1, sizeof *ctx->rngs);
	if (ctx->cal == NULL || ctx->rngs == NULL)
		goto nomem;
	ctx->n_streams = n_streams;
	ctx->seed = seed;
	ctx->replication = replication;
	ctx->status = SIM_OK;
	return ctx;
nomem:
	sim_free(ctx);
	sim_err_add(err, SIM_ENOMEM,
		    "out of memory creating the context of replication %lu",
		    (unsigned long)replication);
	return NULL;
}

/* Frees the context, its calendar and streams; NULL is a no-op. */
void sim_free(struct sim_ctx *ctx)
{
	if (ctx == NULL)
		return;
	if (ctx->rngs != NULL) {
		for (uint32_t p = 0; p < ctx->n_streams; p++)
			if (ctx->rngs[p] != NULL)
				gsl_rng_free(ctx->rngs[p]);
	}
	free(ctx->rngs);
	ev_calendar_free(ctx->cal);
	free(ctx);
}

/* The clock, in seconds since the scenario start. */
double sim_now(const struct sim_ctx *ctx)
{
	return ctx->now_s;
}

/* Attaches the model's state (borrowed) for handlers to fetch. */
void sim_set_model(struct sim_ctx *ctx, void *model)
{
	ctx->model = model;
}

/* The pointer given to sim_set_model, or NULL. */
void *sim_model(const struct sim_ctx *ctx)
{
	return ctx->model;
}

/* Lends the stream for `purpose`, creating it on first use. Returns NULL
 * only when out of memory; a later call tries again. */
gsl_rng *sim_rng(struct sim_ctx *ctx, uint32_t purpose)
{
	assert(purpose < ctx->n_streams);
	if (ctx->rngs[purpose] == NULL)
		ctx->rngs[purpose] =
			rng_stream_new(ctx->seed, ctx->replication, purpose);
	return ctx->rngs[purpose];
}

/* A new stream of the run and replication for a purpose of the caller's
 * own, not one of the context's numbered streams. */
gsl_rng *sim_rng_own(const struct sim_ctx *ctx, uint32_t purpose)
{
	return rng_stream_new(ctx->seed, ctx->replication, purpose);
}

/* Records why an event could not be scheduled at time_s and returns 0:
 * a time that is not finite or is before the clock can come from the
 * input (a duration or factor too large to represent), so it is an error
 * in every build, never an assertion that a release build would skip. */
static uint64_t sim_schedule_failed(struct sim_ctx *ctx, double time_s)
{
	char what[SIM_FAILURE_CAP];

	if (!isfinite(time_s))
		snprintf(what, sizeof what, "an event fell at %g s, a time that "
			 "is not finite (the clock was at %.9g s): a duration "
			 "or factor in the scenario is too large", time_s,
			 ctx->now_s);
	else if (time_s < ctx->now_s)
		snprintf(what, sizeof what, "an event fell at %.17g s, before "
			 "the clock at %.17g s", time_s, ctx->now_s);
	else
		snprintf(what, sizeof what, "the event calendar could not grow "
			 "(out of memory, or 16777216 events pending at once)");
	sim_fail(ctx, isfinite(time_s) && time_s >= ctx->now_s ?
		 SIM_ENOMEM : SIM_ERUNTIME, what);
	return 0;
}

/* sim_schedule when the calendar must grow first or the time is refused:
 * returns the sequence number, or 0 with the failure recorded. */
#if defined(__GNUC__)
__attribute__((cold, noinline))
#endif
static uint64_t sim_schedule_slow(struct sim_ctx *ctx, double time_s,
				  ev_handler fn, void *obj, int64_t arg)
{
	uint64_t seq = 0;

	if (time_s >= ctx->now_s)
		seq = ev_calendar_push(ctx->cal, time_s, fn, obj, arg);
	if (seq == 0)
		return sim_schedule_failed(ctx, time_s);
	return seq;
}

/* Schedules fn at time_s. Returns the sequence number, or 0 with the
 * failure recorded on the context (so the run stops) when time_s is not
 * finite, is before the clock, or the calendar is full. The usual push,
 * of a good time into a calendar with room, cannot fail and is the last
 * thing done here, so nothing waits for it: with the calendar's own
 * calls made as its last act too, it saves no registers. */
uint64_t sim_schedule(struct sim_ctx *ctx, double time_s, ev_handler fn,
		      void *obj, int64_t arg)
{
	if (time_s >= ctx->now_s && isfinite(time_s) &&
	    ev_calendar_room(ctx->cal))
		return ev_calendar_push_room(ctx->cal, time_s, fn, obj, arg);
	return sim_schedule_slow(ctx, time_s, fn, obj, arg);
}

/* Schedules fn at time_s in lane k, with sim_schedule's checks of the
 * time; a lane needs no room but a sequence number. */
uint64_t sim_schedule_lane(struct sim_ctx *ctx, int k, double time_s,
			   ev_handler fn, void *obj, int64_t arg)
{
	if (time_s >= ctx->now_s && isfinite(time_s) &&
	    ev_calendar_lane_room(ctx->cal))
		return ev_calendar_lane_push(ctx->cal, k, time_s, fn, obj, arg);
	return sim_schedule_failed(ctx, time_s);
}

/* Stops the run: SIM_SAME_INSTANT_MAX events in a row fell at the clock's
 * instant. Kept out of line, with its message buffer, so that the event
 * loop around sim_run_event needs no stack of its own. */
#if defined(__GNUC__)
__attribute__((cold, noinline))
#endif
static void sim_clock_stopped(struct sim_ctx *ctx)
{
	char what[SIM_FAILURE_CAP];

	snprintf(what, sizeof what, "the clock stopped at %.9g s: %lu "
		 "events in a row fell at that instant (a rate too high "
		 "for the clock to tell events apart)", ctx->now_s,
		 (unsigned long)SIM_SAME_INSTANT_MAX);
	sim_fail(ctx, SIM_ERUNTIME, what);
}

/* Moves the clock to ev and runs it, unless the clock has stood still for
 * SIM_SAME_INSTANT_MAX events: a process whose next event rounds back to
 * the same instant (a rate too high for the clock to tell two arrivals
 * apart) would otherwise run forever without time passing. Returns 0 when
 * it stopped the run instead. */
static inline int sim_run_event(struct sim_ctx *ctx, const struct ev_event *ev)
{
	if (ev->time_s != ctx->now_s) {
		ctx->same_instant = 0;
	} else if (++ctx->same_instant >= SIM_SAME_INSTANT_MAX) {
		sim_clock_stopped(ctx);
		return 0;
	}
	ctx->now_s = ev->time_s;
	ctx->events_run++;
	ev->fn(ctx, ev);
	return 1;
}

/* Pops the earliest event, moves the clock to it and runs its handler.
 * Returns 0 when the calendar is empty, 1 otherwise. */
int sim_step(struct sim_ctx *ctx)
{
	struct ev_event ev;

	if (!ev_calendar_pop(ctx->cal, &ev))
		return 0;
	return sim_run_event(ctx, &ev);
}

/* Runs every event due at or before end_s, stopping at once on a failure:
 * a handler's sim_fail, a scheduling failure, or a clock that stands still
 * (see sim_run_event). Unless stopped, the clock ends at end_s, so a model
 * can close its time averages at the horizon. Returns the events run. */
uint64_t sim_run_until(struct sim_ctx *ctx, double end_s)
{
	uint64_t run0 = ctx->events_run;
	const struct ev_event *ev;

	assert(end_s >= ctx->now_s);
	while (ctx->status == SIM_OK) {
		/* The event is lent, not copied: it stays valid while its
		 * handler runs, whatever the handler schedules. */
		ev = ev_calendar_next_until(ctx->cal, end_s);
		if (ev == NULL) {
			ctx->now_s = end_s;
			break;
		}
		if (!sim_run_event(ctx, ev))
			break;
	}
	return ctx->events_run - run0;
}

/* Events run since the context was created. */
uint64_t sim_events_run(const struct sim_ctx *ctx)
{
	return ctx->events_run;
}

/* Records an unrecoverable problem met by a handler. Only the first is kept:
 * later ones are usually its consequences. `what` is copied, cut short if
 * longer than the context can hold. */
void sim_fail(struct sim_ctx *ctx, enum sim_status status, const char *what)
{
	assert(status != SIM_OK);
	if (ctx->status != SIM_OK)
		return;
	ctx->status = status;
	snprintf(ctx->failure, sizeof ctx->failure, "%s", what);
}

/* SIM_OK, or the status given to the first sim_fail. */
enum sim_status sim_status(const struct sim_ctx *ctx)
{
	return ctx->status;
}

/* The message given to the first sim_fail, or "" when none. */
const char *sim_failure(const struct sim_ctx *ctx)
{
	return ctx->failure;
}
