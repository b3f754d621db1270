/* connection.h: the 999 connection time before a force's queue — the
 * operator who asks "which service?" and the transfer to the force —
 * part of the answer time the national standard measures (10 s from the
 * connection), though no handler of the force is busy during it.
 *
 * A line's demand is the calls reaching the force's queue; each brings
 * the connection it has just had, a draw from the line's
 * `connection` distribution. Patience does not run during it: a caller
 * talking to the operator does not hang up on the force's queue, and an
 * abandonment is timed from the queue, as a force's telephony times it.
 * So the connection changes nothing in the queue and is drawn when a call
 * is answered, added to the wait every answer figure measures (service
 * level, ASA, wait percentiles and bins, the by-hour and by-day figures).
 *
 * Draws come from streams of their own (sim_rng_own, CONNECTION_STREAM +
 * line): a scenario without connection times draws as before. */
#ifndef MODELS_CONNECTION_H
#define MODELS_CONNECTION_H

#include <stdbool.h>
#include <stddef.h>

#include "models/scenario.h"
#include "sim/sim.h"

/* Far above the numbered streams and the other own streams. */
#define CONNECTION_STREAM 0x434e0000u

struct connection;

/* Whether any line of sc has a connection time. */
bool connection_wanted(const struct scenario *sc);
/* The connection times of one replication of sc, on ctx; NULL when out
 * of memory. */
struct connection *connection_new(const struct scenario *sc,
				  const struct sim_ctx *ctx);
/* NULL is a no-op. */
void connection_free(struct connection *c);
/* The connection of one answered call of line l (0 when l has none). */
double connection_draw(struct connection *c, size_t l);

#endif
