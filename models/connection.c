/* connection.c: the 999 connection time before a force's queue
 * (connection.h). */
#include "models/connection.h"

#include <stdlib.h>

#include <gsl/gsl_rng.h>

#include "models/dist.h"
#include "sim/mem.h"

struct connection {
	const struct scenario *sc;
	gsl_rng **rng;        /* [n_lines]; NULL for a line without one */
};

bool connection_wanted(const struct scenario *sc)
{
	for (size_t l = 0; l < sc->n_lines; l++)
		if (sc->lines[l].has_connection)
			return true;
	return false;
}

struct connection *connection_new(const struct scenario *sc,
				  const struct sim_ctx *ctx)
{
	struct connection *c = mem_calloc(1, sizeof *c);

	if (!c)
		return NULL;
	c->sc = sc;
	c->rng = mem_calloc(sc->n_lines + 1, sizeof *c->rng);
	if (!c->rng) {
		connection_free(c);
		return NULL;
	}
	for (size_t l = 0; l < sc->n_lines; l++) {
		if (!sc->lines[l].has_connection)
			continue;
		c->rng[l] = sim_rng_own(ctx, CONNECTION_STREAM + (uint32_t)l);
		if (!c->rng[l]) {
			connection_free(c);
			return NULL;
		}
	}
	return c;
}

void connection_free(struct connection *c)
{
	if (!c)
		return;
	if (c->rng)
		for (size_t l = 0; l < c->sc->n_lines; l++)
			gsl_rng_free(c->rng[l]);
	free(c->rng);
	free(c);
}

double connection_draw(struct connection *c, size_t l)
{
	if (!c->rng[l])
		return 0.0;
	return dist_sample(&c->sc->lines[l].connection, c->rng[l]);
}
