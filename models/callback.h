/* callback.h: a force calling back callers who abandoned — one
 * replication's call-back requests, the queues they wait in at the pools
 * that make them, and their tallies. The contact centre drives it
 * (models/contact_centre.c): it says when a caller abandons, when a
 * caller holding a request is answered, and asks, when a handler of a pool
 * is free, whether a call-back comes before the calls waiting.
 *
 * A request is a ticket (1, 2, ...; 0 is none) that the caller carries
 * through its redials. It is settled by whichever comes first: a handler
 * starting the call-back (made: the caller's redial not yet rung is then
 * called off, since they have been reached), or the caller's own redial
 * being answered (reached by redial first: the request is withdrawn). A
 * caller who abandons again while a request is pending is not asked again.
 * With overflow rules and reserves (models/routing.h), call-backs are
 * still made only by the pool the line names; a reserve of that pool
 * against the line applies to them as to the line's calls.
 * Requests are kept in slots reused once nothing refers to them: memory
 * grows with the requests pending at once, never with calls.
 *
 * Random draws (who is called back, each call-back's handler time) come
 * from streams of their own (sim_rng_own, CALLBACK_STREAM + line), so a
 * scenario without call-backs draws exactly as before and one with them
 * keeps its callers' arrivals, patience and handle times. */
#ifndef MODELS_CALLBACK_H
#define MODELS_CALLBACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "models/scenario.h"
#include "sim/sim.h"

/* Far above the numbered streams and busyness's (models/busyness.h). */
#define CALLBACK_STREAM 0x43420000u

struct callback;

/* Whether any line of sc has call-backs (probability > 0). */
bool callback_wanted(const struct scenario *sc);

/* The call-backs of one replication of sc, on ctx; counted requests are
 * those whose call was offered in [warmup_s, end_s). NULL when out of
 * memory. */
struct callback *callback_new(const struct scenario *sc,
			      const struct sim_ctx *ctx);
/* NULL is a no-op. */
void callback_free(struct callback *cb);

/* What a caller's abandonment means for its redial. */
enum callback_redial {
	CALLBACK_REDIAL_FREE,      /* as without call-backs */
	CALLBACK_REDIAL_NONE,      /* reached already by a call-back */
	CALLBACK_FULL              /* no room for one more request */
};

/* A caller of line `line` holding ticket *ticket (0: none) abandoned now;
 * `counted` when its call was, `caller` who it is (for the redial). A
 * caller without a ticket is drawn for a request, and then holds it.
 * Returns whether the caller may redial; when it does, the redial carries
 * *ticket (0: none); when it does not, call callback_release. */
enum callback_redial callback_abandoned(struct callback *cb, size_t line,
					bool counted, uint64_t caller,
					uint32_t *ticket, double now);
/* Nothing holds ticket t any more (its caller will not call again). */
void callback_release(struct callback *cb, uint32_t t);
/* A redial holding ticket t rings now: true when the caller still waits
 * for a call-back (it goes ahead; *caller is who rings); false when a
 * call-back reached them first (the ticket is released). */
bool callback_redial_rings(struct callback *cb, uint32_t t, uint64_t *caller);
/* The caller holding ticket t was answered: a pending request is
 * withdrawn (reached by redial first); the ticket is released. */
void callback_answered(struct callback *cb, uint32_t t);
/* The call-back a free handler of pool p makes now (its ticket; 0:
 * none): the oldest of those kept before the pool's own lines, or, when
 * no call the handler may take waits (calls_waiting false), the oldest of
 * those kept after them. A call-back is work of the abandoned caller's
 * line: with idle handlers of p free, one of line l is made only while
 * idle > keep[l], the handlers p keeps from l for its higher lines
 * (models/routing.h; keep NULL: no reserve). Only the pool named in the
 * line's callback makes its call-backs. */
uint32_t callback_due(const struct callback *cb, size_t p, bool calls_waiting,
		      int idle, const int *keep);
/* Takes call-back t now (callback_due gave it); returns the handler time
 * it takes. */
double callback_take(struct callback *cb, uint32_t t, double now);
/* No counted request is pending. */
bool callback_settled(const struct callback *cb);
/* Line l's figures (enum cb_line_metric) into out. */
void callback_figures(const struct callback *cb, size_t l, double *out);

#endif
