/* callback.c: call-backs of abandoned callers (callback.h).
 *
 * Requests live in one array of slots, a ticket being a slot's index + 1;
 * a free slot is reused, so a stale ticket never survives: a slot is
 * freed only when its request is settled (not open) and nothing holds it
 * (no redial on the calendar, no redial waiting in a queue). Each line
 * keeps a FIFO queue of its open requests, doubly linked through the
 * slots; a pool making call-backs for several lines takes the oldest
 * head among them, so that one line's request held back by the pool's
 * reserve does not hold back another line's. */
#include "models/callback.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_rng.h>

#include "models/dist.h"
#include "models/figure.h"
#include "sim/mem.h"

struct callback_slot {
	uint32_t prev, next;     /* queue links, or next free; tickets */
	uint16_t line;
	uint8_t open;            /* pending, in its pool's queue */
	uint8_t held;            /* a redial (scheduled or waiting) holds it */
	uint8_t counted;         /* the abandoned call was counted */
	double requested_s;      /* when the caller abandoned */
	uint64_t caller;         /* who, for the redial's log row */
};

struct callback_queue {
	uint32_t head, tail;
};

/* One line's tallies of counted requests. */
struct callback_tally {
	double requested, made, redial_first, within, delay_sum_s;
};

struct callback {
	const struct scenario *sc;
	gsl_rng **rng;                   /* [n_lines]; NULL without call-backs */
	struct callback_tally *tally;    /* [n_lines] */
	struct callback_queue *queue;    /* [n_lines] */
	struct callback_slot *slot;      /* [cap] */
	uint32_t cap, used, free_head;   /* free_head: a ticket, 0 none */
	long pending_counted;
};

/* Requests pending or held at once: beyond it a run stops (as
 * run.max_waiting stops one whose queues grow without bound). */
#define CALLBACK_SLOTS_MAX (UINT32_C(1) << 28)

bool callback_wanted(const struct scenario *sc)
{
	for (size_t l = 0; l < sc->n_lines; l++)
		if (sc->lines[l].callback.probability > 0)
			return true;
	return false;
}

struct callback *callback_new(const struct scenario *sc,
			      const struct sim_ctx *ctx)
{
	struct callback *cb = mem_calloc(1, sizeof *cb);

	if (!cb)
		return NULL;
	cb->sc = sc;
	cb->rng = mem_calloc(sc->n_lines + 1, sizeof *cb->rng);
	cb->tally = mem_calloc(sc->n_lines + 1, sizeof *cb->tally);
	cb->queue = mem_calloc(sc->n_lines + 1, sizeof *cb->queue);
	if (!cb->rng || !cb->tally || !cb->queue) {
		callback_free(cb);
		return NULL;
	}
	for (size_t l = 0; l < sc->n_lines; l++) {
		if (sc->lines[l].callback.probability <= 0)
			continue;
		cb->rng[l] = sim_rng_own(ctx, CALLBACK_STREAM + (uint32_t)l);
		if (!cb->rng[l]) {
			callback_free(cb);
			return NULL;
		}
	}
	return cb;
}

void callback_free(struct callback *cb)
{
	if (!cb)
		return;
	if (cb->rng)
		for (size_t l = 0; l < cb->sc->n_lines; l++)
			gsl_rng_free(cb->rng[l]);
	free(cb->rng);
	free(cb->tally);
	free(cb->queue);
	free(cb->slot);
	free(cb);
}

static struct callback_slot *slot_of(struct callback *cb, uint32_t t)
{
	assert(t > 0 && t <= cb->used);
	return &cb->slot[t - 1];
}

/* A free slot's ticket, growing the array when none is free; 0 when it
 * cannot grow. Tickets are indices, so growing moves nothing that
 * matters. */
static uint32_t slot_new(struct callback *cb)
{
	if (cb->free_head) {
		uint32_t t = cb->free_head;
		cb->free_head = slot_of(cb, t)->next;
		return t;
	}
	if (cb->used == cb->cap) {
		uint32_t cap = cb->cap ? 2 * cb->cap : 256;
		struct callback_slot *s;
		if (cap > CALLBACK_SLOTS_MAX)
			return 0;
		s = mem_realloc(cb->slot, cap * sizeof *s);
		if (!s)
			return 0;
		cb->slot = s;
		cb->cap = cap;
	}
	return ++cb->used;
}

/* Frees slot t once it is settled and nothing holds it. */
static void slot_settle(struct callback *cb, uint32_t t)
{
	struct callback_slot *s = slot_of(cb, t);

	if (s->open || s->held)
		return;
	s->next = cb->free_head;
	cb->free_head = t;
}

/* The queue of line l's requests. */
static struct callback_queue *queue_of(struct callback *cb, size_t l)
{
	return &cb->queue[l];
}

static void queue_push(struct callback *cb, uint32_t t)
{
	struct callback_queue *q = queue_of(cb, slot_of(cb, t)->line);
	struct callback_slot *s = slot_of(cb, t);

	s->prev = q->tail;
	s->next = 0;
	if (q->tail)
		slot_of(cb, q->tail)->next = t;
	else
		q->head = t;
	q->tail = t;
}

static void queue_unlink(struct callback *cb, uint32_t t)
{
	struct callback_queue *q = queue_of(cb, slot_of(cb, t)->line);
	struct callback_slot *s = slot_of(cb, t);

	if (s->prev)
		slot_of(cb, s->prev)->next = s->next;
	else
		q->head = s->next;
	if (s->next)
		slot_of(cb, s->next)->prev = s->prev;
	else
		q->tail = s->prev;
	s->open = 0;
}

/* Draws whether a caller of line l without a request gets one, and
 * queues it: the new ticket, 0 when none was drawn, UINT32_MAX when no
 * slot could be had. */
static uint32_t request(struct callback *cb, size_t l, bool counted,
			uint64_t caller, double now)
{
	double p = cb->sc->lines[l].callback.probability;
	uint32_t t;

	if (p <= 0 || gsl_rng_uniform(cb->rng[l]) >= p)
		return 0;
	t = slot_new(cb);
	if (!t)
		return UINT32_MAX;
	*slot_of(cb, t) = (struct callback_slot){
		.line = (uint16_t)l, .open = 1, .held = 1,
		.counted = counted, .requested_s = now, .caller = caller };
	queue_push(cb, t);
	if (counted) {
		cb->tally[l].requested += 1;
		cb->pending_counted++;
	}
	return t;
}

enum callback_redial callback_abandoned(struct callback *cb, size_t line,
					bool counted, uint64_t caller,
					uint32_t *ticket, double now)
{
	uint32_t t = *ticket;

	if (t && slot_of(cb, t)->open)
		return CALLBACK_REDIAL_FREE;   /* still waiting for it */
	if (t) {
		/* Called back while on a redial: reached, no more calls. */
		*ticket = 0;
		callback_release(cb, t);
		return CALLBACK_REDIAL_NONE;
	}
	t = request(cb, line, counted, caller, now);
	if (t == UINT32_MAX)
		return CALLBACK_FULL;
	*ticket = t;
	return CALLBACK_REDIAL_FREE;
}

void callback_release(struct callback *cb, uint32_t t)
{
	slot_of(cb, t)->held = 0;
	slot_settle(cb, t);
}

bool callback_redial_rings(struct callback *cb, uint32_t t, uint64_t *caller)
{
	struct callback_slot *s = slot_of(cb, t);

	if (!s->open) {
		callback_release(cb, t);
		return false;
	}
	*caller = s->caller;
	return true;
}

void callback_answered(struct callback *cb, uint32_t t)
{
	struct callback_slot *s = slot_of(cb, t);

	if (s->open) {
		queue_unlink(cb, t);
		if (s->counted) {
			cb->tally[s->line].redial_first += 1;
			cb->pending_counted--;
		}
	}
	callback_release(cb, t);
}

/* The oldest head among the lines whose call-backs pool p makes, at
 * priority `ahead`, that p may take with `idle` handlers free (more than
 * keep[l] for line l; keep NULL: any); 0 when none. */
static uint32_t due_head(const struct callback *cb, size_t p, bool ahead,
			 int idle, const int *keep)
{
	uint32_t best = 0;

	for (size_t l = 0; l < cb->sc->n_lines; l++) {
		const struct callback_spec *spec = &cb->sc->lines[l].callback;
		uint32_t t = cb->queue[l].head;

		if (!t || spec->pool != p || (spec->ahead != 0) != ahead ||
		    (keep && idle <= keep[l]))
			continue;
		if (!best || cb->slot[t - 1].requested_s <
			     cb->slot[best - 1].requested_s)
			best = t;
	}
	return best;
}

uint32_t callback_due(const struct callback *cb, size_t p, bool calls_waiting,
		      int idle, const int *keep)
{
	uint32_t t = due_head(cb, p, true, idle, keep);

	return t || calls_waiting ? t : due_head(cb, p, false, idle, keep);
}

double callback_take(struct callback *cb, uint32_t t, double now)
{
	struct callback_slot *s = slot_of(cb, t);
	const struct callback_spec *spec = &cb->sc->lines[s->line].callback;
	double delay_s = now - s->requested_s;

	queue_unlink(cb, t);
	if (s->counted) {
		struct callback_tally *ty = &cb->tally[s->line];
		ty->made += 1;
		ty->delay_sum_s += delay_s;
		if (delay_s <= spec->target_s)
			ty->within += 1;
		cb->pending_counted--;
	}
	double work_s = dist_sample(&spec->handle, cb->rng[s->line]);
	slot_settle(cb, t);
	return work_s;
}

bool callback_settled(const struct callback *cb)
{
	return cb->pending_counted == 0;
}

/* Line l's counted requests still open, counted in the queues (not
 * derived from the other tallies, so that conservation is a check). */
static double pending_of(const struct callback *cb, size_t l)
{
	double n = 0;

	for (uint32_t t = cb->queue[l].head; t; t = cb->slot[t - 1].next)
		n += cb->slot[t - 1].line == l && cb->slot[t - 1].counted;
	return n;
}

void callback_figures(const struct callback *cb, size_t l, double *out)
{
	const struct callback_tally *ty = &cb->tally[l];

	out[CB_REQUESTED] = ty->requested;
	out[CB_MADE] = ty->made;
	out[CB_REDIAL_FIRST] = ty->redial_first;
	out[CB_PENDING_END] = cb->rng[l] ? pending_of(cb, l) : 0;
	out[CB_DELAY_MEAN_S] = ty->made > 0 ? ty->delay_sum_s / ty->made : NAN;
	out[CB_WITHIN_TARGET] = ty->made > 0 ? ty->within / ty->made : NAN;
}
