/* deferrable.h: deferrable contact — Live Chat, online reports, emails —
 * one of the models a replication drives (models/replication.h).
 *
 * Each stream of the scenario (struct deferrable_spec) brings items as a
 * line brings calls (its volume, weekly profile and month factors, through
 * models/demand.h), each with a handle time and a target in hours, worked
 * by the handlers of one pool. A handler takes an item only when none of
 * the pool's calls waits and more of its handlers are free than the
 * largest reserve it keeps (models/routing.h): deferrable work comes
 * after every line the pool answers. It is not pre-empted: a handler on
 * an item finishes it, however many calls arrive meanwhile. The items of
 * one pool wait in one queue a stream, first come first served, the
 * streams in scenario order.
 *
 * The handler's time counts as busy in the pool's occupancy. Only items
 * offered in the counted period are tallied; the run drains until every
 * one is taken (or the drain's week is up), so offered = handled + open at
 * end. An item is within target when a handler takes it within the
 * stream's target.
 *
 * Random streams: two a stream (arrivals, handle times), after those of
 * the contact centre and the response, so a scenario without deferrable
 * work draws exactly what it drew before. */
#ifndef MODELS_DEFERRABLE_H
#define MODELS_DEFERRABLE_H

#include <stddef.h>

#include "models/figure.h"

struct deferrable;

/* What each random stream of a deferrable stream is for. */
enum deferrable_rng {
	DEFERRABLE_RNG_ARRIVAL,
	DEFERRABLE_RNG_HANDLE,
	DEFERRABLE_RNG_KINDS
};

/* Pool p has handlers free and none of its calls waits (the contact
 * centre's hook, contact_centre.c): they take p's waiting items, oldest
 * first, while both remain. */
void deferrable_idle(struct deferrable *d, size_t p, double now);

/* The model the replication driver creates when the scenario has
 * deferrable work; its figures are FIGURE_DEFER_LIST (models/figure.h). */
struct replication_model;
extern const struct replication_model deferrable_model;

#endif
