/* deferrable.c: deferrable work on the event engine (deferrable.h) — items
 * arriving on each stream's demand plan, queued per stream, taken by the
 * contact centre's free handlers (contact_centre.h) — and its figures.
 *
 * An item is only its arrival time, kept in a ring buffer a stream, so a
 * run allocates nothing per item once the buffer has grown to the
 * largest queue; that queue is bounded, with the callers waiting, by
 * run.max_waiting. */
#include "models/deferrable.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "models/contact_centre.h"
#include "models/demand.h"
#include "models/dist.h"
#include "models/replication.h"
#include "sim/mem.h"
#include "sim/sim.h"

struct defer_stream {
	struct deferrable *d;        /* the model, for the stream's events */
	const struct deferrable_spec *spec;
	struct demand_plan *plan;
	size_t plan_hint;
	gsl_rng *rng[DEFERRABLE_RNG_KINDS];
	double *ring;                /* arrival times, oldest at head */
	size_t cap, head, n;
	double offered, handled, in_target, delay_sum_s, handler_s;
};

struct deferrable {
	const struct scenario *sc;
	struct sim_ctx *ctx;
	void *cc;                    /* the contact centre (sim_model) */
	double warmup_s, end_s;
	size_t max_waiting, n_waiting;
	long pending_counted;        /* counted items not yet taken */
	struct defer_stream *streams;
};

static void on_item(struct sim_ctx *ctx, const struct ev_event *ev);
static void on_item_done(struct sim_ctx *ctx, const struct ev_event *ev);

/* Appends arrival time t to s's queue, doubling the ring when full;
 * false when out of memory. */
static bool ring_push(struct defer_stream *s, double t)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 64;
		double *r = mem_calloc(cap, sizeof *r);
		if (!r)
			return false;
		for (size_t i = 0; i < s->n; i++)
			r[i] = s->ring[(s->head + i) % s->cap];
		free(s->ring);
		s->ring = r;
		s->cap = cap;
		s->head = 0;
	}
	s->ring[(s->head + s->n) % s->cap] = t;
	s->n++;
	return true;
}

static double ring_pop(struct defer_stream *s)
{
	double t = s->ring[s->head];

	s->head = (s->head + 1) % s->cap;
	s->n--;
	return t;
}

/* A handler of the stream's pool takes its oldest item now. */
static void take(struct deferrable *d, struct defer_stream *s, double now)
{
	double arrival_s = ring_pop(s);
	double handle_s = dist_sample(&s->spec->work.handle,
				      s->rng[DEFERRABLE_RNG_HANDLE]);
	double delay_s = now - arrival_s;

	d->n_waiting--;
	if (arrival_s >= d->warmup_s) {
		s->handled += 1;
		s->delay_sum_s += delay_s;
		s->handler_s += handle_s;
		if (delay_s <= s->spec->work.target_s)
			s->in_target += 1;
		d->pending_counted--;
	}
	uint32_t seat = contact_centre_deferrable_take(d->cc, s->spec->pool,
						       now);
	sim_schedule(d->ctx, now + handle_s, on_item_done, s, (int64_t)seat);
}

/* The first stream of pool p, in scenario order, with an item waiting;
 * NULL when none. */
static struct defer_stream *waiting_stream(struct deferrable *d, size_t p)
{
	for (size_t i = 0; i < d->sc->n_deferrable; i++)
		if (d->streams[i].spec->pool == p && d->streams[i].n > 0)
			return &d->streams[i];
	return NULL;
}

void deferrable_idle(struct deferrable *d, size_t p, double now)
{
	struct defer_stream *s;

	while ((s = waiting_stream(d, p)) &&
	       contact_centre_deferrable_free(d->cc, p) > 0)
		take(d, s, now);
}

static void schedule_item(struct deferrable *d, struct defer_stream *s,
			  double now)
{
	double e1 = dist_exponential(s->rng[DEFERRABLE_RNG_ARRIVAL], 1.0);
	double next_s = demand_plan_next(s->plan, now, e1, &s->plan_hint);

	if (isfinite(next_s) && next_s < d->end_s)
		sim_schedule(d->ctx, next_s, on_item, s, 0);
}

/* Stops the run: more items wait than run.max_waiting allows (each one
 * holds memory), as the contact centre stops for callers. */
static void too_many_items(struct deferrable *d, double now)
{
	char what[200];

	snprintf(what, sizeof what, "more than %zu deferrable items waiting "
		 "at once at %.9g s (run.max_waiting); raise run.max_waiting "
		 "for a deliberate what-if", d->max_waiting, now);
	sim_fail(d->ctx, SIM_ERUNTIME, what);
}

/* An item arrives: it is counted when offered in the counted period,
 * queues, and is taken at once when the pool has a handler free for it. */
static void on_item(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct defer_stream *s = ev->obj;
	struct deferrable *d = s->d;
	double now = sim_now(ctx);

	if (d->n_waiting >= d->max_waiting) {
		too_many_items(d, now);
		return;
	}
	if (!ring_push(s, now)) {
		sim_fail(ctx, SIM_ENOMEM, "out of memory for deferrable items");
		return;
	}
	d->n_waiting++;
	if (now >= d->warmup_s) {
		s->offered += 1;
		d->pending_counted++;
	}
	deferrable_idle(d, s->spec->pool, now);
	schedule_item(d, s, now);
}

/* An item's handle time is over: the handler is free, to calls first. */
static void on_item_done(struct sim_ctx *ctx, const struct ev_event *ev)
{
	struct defer_stream *s = ev->obj;

	contact_centre_deferrable_done(s->d->cc, s->spec->pool,
				       (uint32_t)ev->arg, sim_now(ctx));
}

/* ---- the model --------------------------------------------------------- */

static void defer_free(void *model)
{
	struct deferrable *d = model;

	if (!d)
		return;
	for (size_t i = 0; d->streams && i < d->sc->n_deferrable; i++) {
		demand_plan_free(d->streams[i].plan);
		free(d->streams[i].ring);
	}
	free(d->streams);
	free(d);
}

static enum sim_status stream_init(struct deferrable *d, size_t i,
				   uint32_t first_stream, struct sim_err *err)
{
	struct defer_stream *s = &d->streams[i];

	s->d = d;
	s->spec = &d->sc->deferrable[i];
	s->plan = demand_plan_new(&s->spec->work.demand, d->sc->run.start,
				  d->end_s, err);
	if (!s->plan)
		return sim_err_failed(err) ? err->status : SIM_ENOMEM;
	for (uint32_t k = 0; k < DEFERRABLE_RNG_KINDS; k++) {
		s->rng[k] = sim_rng(d->ctx, first_stream + (uint32_t)i *
				    DEFERRABLE_RNG_KINDS + k);
		if (!s->rng[k])
			return SIM_ENOMEM;
	}
	return SIM_OK;
}

/* Builds the streams and puts each one's first item on the calendar;
 * the contact centre, created before, is told to offer free handlers. */
static void *defer_init(const struct replication_env *env, struct sim_err *err)
{
	struct deferrable *d = mem_calloc(1, sizeof *d);
	enum sim_status st = SIM_OK;

	if (!d)
		return NULL;
	d->sc = env->sc;
	d->ctx = env->ctx;
	d->cc = sim_model(env->ctx);
	d->warmup_s = env->warmup_s;
	d->end_s = env->end_s;
	d->max_waiting = d->sc->run.max_waiting ? d->sc->run.max_waiting
						: SCENARIO_MAX_WAITING_DEFAULT;
	d->streams = mem_calloc(d->sc->n_deferrable + 1, sizeof *d->streams);
	if (!d->streams)
		st = SIM_ENOMEM;
	for (size_t i = 0; i < d->sc->n_deferrable && st == SIM_OK; i++)
		st = stream_init(d, i, env->first_stream, err);
	if (st != SIM_OK) {
		defer_free(d);
		return NULL;
	}
	contact_centre_deferrable_attach(d->cc, d);
	for (size_t i = 0; i < d->sc->n_deferrable; i++)
		schedule_item(d, &d->streams[i], 0.0);
	return d;
}

static double ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

/* Counted items still queued: open at the end of the drain, counted from
 * the queue itself, so offered = handled + open at end is a check. */
static double counted_open(const struct deferrable *d,
			   const struct defer_stream *s)
{
	double n = 0;

	for (size_t i = 0; i < s->n; i++)
		n += s->ring[(s->head + i) % s->cap] >= d->warmup_s;
	return n;
}

static void defer_figures(const void *model, struct replication_result *out)
{
	const struct deferrable *d = model;

	for (size_t i = 0; i < d->sc->n_deferrable; i++) {
		const struct defer_stream *s = &d->streams[i];
		double *f = replication_defer_at(out, i);

		f[DF_OFFERED] = s->offered;
		f[DF_HANDLED] = s->handled;
		f[DF_OPEN_END] = counted_open(d, s);
		f[DF_WITHIN_TARGET] = ratio(s->in_target, s->offered);
		f[DF_DELAY_MEAN_H] = ratio(s->delay_sum_s, s->handled) / HOUR_S;
		f[DF_HANDLER_HOURS] = s->handler_s / HOUR_S;
	}
}

/* Every counted item has been taken by a handler. */
static bool defer_settled(const void *model)
{
	return ((const struct deferrable *)model)->pending_counted == 0;
}

static bool defer_wanted(const struct scenario *sc)
{
	return sc->n_deferrable > 0;
}

static uint32_t defer_streams(const struct scenario *sc)
{
	return (uint32_t)(sc->n_deferrable * DEFERRABLE_RNG_KINDS);
}

/* Listens to no notice: an item is counted by its arrival time. */
static void defer_handle(void *model, const struct replication_notice *n)
{
	(void)model;
	(void)n;
}

const struct replication_model deferrable_model = {
	.name = "deferrable work",
	.wanted = defer_wanted,
	.streams = defer_streams,
	.init = defer_init,
	.notices = 0,
	.handle = defer_handle,
	.settled = defer_settled,
	.figures = defer_figures,
	.free = defer_free,
};
